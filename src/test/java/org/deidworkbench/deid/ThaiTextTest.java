package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision 0133: Thai names after titles, Thai digits, Buddhist Era dates in text and in whole values (synthetic). */
class ThaiTextTest {

    private static String replaced(String text, boolean shift, int days) {
        List<ThaiText.Found> found = ThaiText.find(text, shift, days).stream()
                .sorted(Comparator.comparingInt(ThaiText.Found::start).reversed()).toList();
        StringBuilder b = new StringBuilder(text);
        for (ThaiText.Found f : found) {
            b.replace(f.start(), f.end(), f.replacement());
        }
        return b.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "นายสมชาย ใจดีมาก อายุ 65 ปี|นาย[NAME] อายุ 65 ปี",
        "ภรรยา นางมาลัย ใจดีมาก โทร|ภรรยา นาง[NAME] โทร",
        "นางสาวพิมพ์ชนก ศรีสวัสดิ์ ปอดอักเสบ|นางสาว[NAME] ปอดอักเสบ",
        "ด.ช.ภูมิพัฒน์ วงศ์ทองคำ เกิด|ด.ช.[NAME] เกิด",
        "แพทย์ผู้รักษา นพ.ประเสริฐ วัฒนากุล|แพทย์ผู้รักษา นพ.[NAME]",
        "นายวีระ อายุ 40|นาย[NAME] อายุ 40"})
    void aNameAfterItsTitleIsReplacedWithItsSurnameAndTheTitleStays(String text, String expected) {
        assertEquals(expected, replaced(text, false, 0));
    }

    @Test
    void aTitleAloneIsNoName() {
        assertEquals("นางสาว", replaced("นางสาว", false, 0), "นางสาว is no นาง before a name สาว");
    }

    @Test
    void theNationalIdIsFoundInAsciiAndInThaiDigitsByItsCheckDigit() {
        assertEquals("เลขบัตร [ID]", replaced("เลขบัตร 1-1017-00123-45-6", false, 0));
        assertEquals("เลขบัตร [ID]", replaced("เลขบัตร ๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖", false, 0));
        assertEquals("เลขบัตร [ID]", replaced("เลขบัตร 1101700123456", false, 0));
        assertEquals("เลขบัตร 1-1017-00123-45-7", replaced("เลขบัตร 1-1017-00123-45-7", false, 0), "check digit wrong");
    }

    @Test
    void aHospitalNumberWithItsYearAndAPhoneInThaiDigitsAreFound() {
        assertEquals("ผู้ป่วย HN [ID] มา", replaced("ผู้ป่วย HN 12345/66 มา", false, 0));
        assertEquals("โทร [PHONE]", replaced("โทร ๐๘๙-๗๖๕-๔๓๒๑", false, 0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12 มี.ค. 2566 เจ็บหน้าอก|1|13 มี.ค. 2566 เจ็บหน้าอก",
        "31 ธ.ค. 2565|1|1 ม.ค. 2566",
        "01 ม.ค. 2566|-1|31 ธ.ค. 2565",
        "28 ก.พ. 2567|1|29 ก.พ. 2567",
        "28 กุมภาพันธ์ 2566|1|1 มีนาคม 2566",
        "วันที่ ๓ ม.ค. ๒๕๖๖|10|วันที่ ๑๓ ม.ค. ๒๕๖๖",
        "12 มี.ค. 2023|1|13 มี.ค. 2023"})
    void aDateWithTheMonthsThaiNameIsShiftedInItsEraDigitsAndForm(String text, int days, String expected) {
        assertEquals(expected, replaced(text, true, days));
    }

    @Test
    void aDayTheCalendarLacksIsNoShiftedDate() {
        assertEquals("[DATE]", replaced("29 ก.พ. 2566", true, 1), "2566 BE is 2023, no leap year");
        assertEquals("[DATE]", replaced("12 มี.ค. 2566", false, 0), "no subject: no shift");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "12/03/2566|1|13/03/2566", "31/12/2566|1|01/01/2567", "28/02/2567|1|29/02/2567", "29/02/2567|1|01/03/2567",
        "2566-03-12|-12|2566-02-28", "12/03/2566 08:15|2|14/03/2566 08:15"})
    void aBuddhistEraValueIsShiftedAsItsCommonEraDayAndWrittenInItsEra(String value, int days, String expected)
            throws Exception {
        assertEquals(expected, DateValues.shift(value, days, true));
    }

    @Test
    void aBuddhistEraValuesYearIsItsCommonEraYear() throws Exception {
        assertEquals(2023, DateValues.shiftedYear("12/03/2566", 0, true));
        assertEquals(1958, DateValues.shiftedYear("12/03/2501", 0, true));
        assertEquals(2399, DateValues.shiftedYear("12/03/2399", 0, true), "before 2400: a common-era year");
        assertTrue(DateValues.isDate("2567-02-29"), "29 February 2024");
        assertFalse(DateValues.isDate("2566-02-29"));
    }

    @Test
    void aTextWithAThaiDateDependsOnTheSubject() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot());
        assertTrue(s.mayShiftDates("บันทึก 12 มี.ค. 2566"));
        String a = s.scrub("บันทึก 12 มี.ค. 2566 นายสมชาย ใจดีมาก", new Subject("P-1", 3));
        String b = s.scrub("บันทึก 12 มี.ค. 2566 นายสมชาย ใจดีมาก", new Subject("P-2", 5));
        assertEquals("บันทึก 15 มี.ค. 2566 นาย[NAME]", a);
        assertEquals("บันทึก 17 มี.ค. 2566 นาย[NAME]", b);
    }
}
