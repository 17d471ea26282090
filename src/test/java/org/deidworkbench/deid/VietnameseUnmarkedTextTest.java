package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0248: Vietnamese names and notes written without their marks — a US or Australian note on a
 * Vietnamese-American patient ("Thanh Nguyen", "Le Van Tam (brother)", "NGUYEN, VAN HUNG"), and a Vietnamese system that
 * strips the diacritics ("Benh nhan Tran Thi Mai", "chi Lan", "so 12 ngo 45 pho Hue, quan Hai Ba Trung", "ngay 14
 * thang 2 nam 2024"). With main's jar (7a04977) "Van Hung", "Le Van Tam", "Duong Thi Thu Ha", the lanes, wards and
 * districts were kept (synthetic values).
 */
class VietnameseUnmarkedTextTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "BN Nguyen Van Hung, 45M, chest pain.|BN [NAME], 45M, chest pain.",
        "Emergency contact: Le Van Tam (brother)|Emergency contact: [NAME] (brother)",
        "Duong Thi Thu Ha, RN|[NAME], RN",
        "Registration: NGUYEN, VAN HUNG  DOB on file|Registration: [NAME], [NAME]  DOB on file",
        "Patient: TRAN THI MAI|Patient: [NAME]",
        "Wife Ly Thi Kim Loan at bedside.|Wife [NAME] at bedside.",
        "Spoke with son Quoc Bao Tran by phone.|Spoke with son [NAME] by phone.",
        "Referred by Huong Do, NP.|Referred by [NAME], NP.",
        "Seen by Dr. Khoa Le and Dr. Minh Vo.|Seen by Dr. [NAME] and Dr. [NAME].",
        "Interpreter: Mai Pham (Vietnamese).|Interpreter: [NAME] (Vietnamese).",
        "Mr. Vu Duc Thang, 72, diabetic.|Mr. [NAME], 72, diabetic."})
    void aVietnameseNameWithoutMarksIsReplacedWhole(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Surnames that are words too need a name's shape after them; the provinces stay, as a state does. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Le Fort I fracture of the maxilla.",
        "Do Not Resuscitate order signed.",
        "TO BE SEEN IN CLINIC IN 2 WEEKS. DO NOT USE.",
        "To Do: call pharmacy.",
        "Visited Ha Noi and Da Nang last year.",
        "Trekking in Ha Giang, Lao Cai and Lai Chau."})
    void wordsAndProvincesStay(String text) {
        assertEquals(text, scrub(text));
    }

    @Test
    void hoChiMinhCityIsNoName() {
        String out = scrub("Son Quoc Bao Tran flew in from Ho Chi Minh City on Monday.");
        assertTrue(out.contains("Ho Chi Minh City"), out);
        assertFalse(out.contains("Tran"), out);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Benh nhan Tran Thi Mai, nu, 67 tuoi.|Benh nhan [NAME], nu, 67 tuoi.",
        "Nguoi nha: chi Lan (con gai), goi dien luc 20h.|Nguoi nha: chi [NAME] (con gai), goi dien luc 20h.",
        "Chong la anh Dung, lam viec tai Cong ty TNHH Minh Phat.|Chong la anh [NAME], lam viec tai Cong ty TNHH [EMPLOYER].",
        "Ong Vu Duc Thang, 72 tuoi, tien su dai thao duong.|Ong [NAME], 72 tuoi, tien su dai thao duong.",
        "Ba Hoa (me benh nhan) SDT 0909 123 456.|Ba [NAME] (me benh nhan) SDT [PHONE].",
        "Dieu duong Tran Thi Hong theo doi.|Dieu duong [NAME] theo doi."})
    void aNoteWithoutMarksKeepsItsCuesAndLosesItsNames(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Dia chi: so 12 ngo 45 pho Hue, phuong Bach Dang, quan Hai Ba Trung, Ha Noi.|Dia chi: [ADDRESS], [LOCATION], [LOCATION], Ha Noi.",
        "Dia chi: 45/12 Le Van Sy, Phuong 13, Quan 3, TP. Ho Chi Minh.|Dia chi: [ADDRESS], [LOCATION], [LOCATION], TP. Ho Chi Minh.",
        "Thon Ha Hoi, xa Van Phuc, huyen Thanh Tri|[LOCATION], [LOCATION], [LOCATION]"})
    void anAddressWithoutMarksIsReplacedDownToTheDistrictAndTheProvinceStays(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** "duong" is sugar and road, "lam" is to work: a name the run learnt is no lower-case word of such a note. */
    @Test
    void aKnownNameIsNoLowerCaseWordOfANoteWithoutMarks() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Duong Thi Thu Ha", "[NAME]");
        ids.add("Lam Thi Yen", "[NAME]");
        String out = new TextScrubber(ids.snapshot()).scrub("Benh nhan dai thao duong, lam viec tai nha. Dieu duong "
                + "Lam Thi Yen theo doi.", null);
        assertEquals("Benh nhan dai thao duong, lam viec tai nha. Dieu duong [NAME] theo doi.", out);
    }

    @Test
    void aDateWrittenOutWithoutMarksIsShiftedAndTheScrubSaysItDependsOnTheSubject() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers().snapshot(), 2026);
        String text = "Benh nhan vao vien ngay 14 thang 2 nam 2024.";
        assertTrue(s.mayShiftDates(text));
        assertEquals("Benh nhan vao vien [DATE].", s.scrub(text, null));
        assertEquals("ngay 24 thang 2 nam 2024", VietnameseText.shift("ngay 14 thang 2 nam 2024", 10));
        assertEquals("Ngay 01 thang 03 nam 2024", VietnameseText.shift("Ngay 20 thang 02 nam 2024", 10));
    }

    /** English text without Vietnamese words is not read as a Vietnamese note ("tai chi" alone is one word of two). */
    @Test
    void anEnglishNoteIsNoVietnameseNote() {
        String text = "Patient attends tai chi classes, walks daily. Seen with wife.";
        TextScrubber.Shape shape = new TextScrubber.Shape(text);
        assertFalse(VietnameseText.writtenWithoutMarks(text, shape.wordStarts, shape.wordStartCount));
        String note = "Benh nhan 67 tuoi, vao vien.";
        TextScrubber.Shape noteShape = new TextScrubber.Shape(note);
        assertTrue(VietnameseText.writtenWithoutMarks(note, noteShape.wordStarts, noteShape.wordStartCount));
    }
}
