package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0246: what a Vietnamese note writes of a person and a place — a full name by its surname ("Nguyễn Văn
 * Hùng"), a given name after a form of address, a kin word or a title ("chị Lan", "Cụ ông", "Con trai anh", "cháu nội",
 * "BS."), an address from the house number down its lanes to the street ("số 12 ngõ 45 phố Huế", "hẻm 45/12 Lê Văn
 * Sỹ"), wards, communes and districts, abbreviated too ("P. Bạch Đằng", "Q.3"), a city below the province ("TP.
 * Vinh"), an employer ("Công ty TNHH Minh Phát"), a phone written with dots ("0903.111.222"), the health insurance
 * card, a date written out ("ngày 26 tháng 01 năm 2024"); the province (a state) stays. With main's jar nearly all of
 * them were kept (synthetic values).
 */
class VietnameseTextTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ông Nguyễn Văn Hùng, 65 tuổi, đau ngực trái.|Ông [NAME], 65 tuổi, đau ngực trái.",
        "Vợ là bà Trần Thị Bích đi cùng.|Vợ là bà [NAME] đi cùng.",
        "Con trai anh Nguyễn Đức Thắng sẽ đón.|Con trai anh [NAME] sẽ đón.",
        "Chị Lan nhập viện vì đường huyết 18 mmol/L.|Chị [NAME] nhập viện vì đường huyết 18 mmol/L.",
        "Chồng là anh Dũng, làm ruộng.|Chồng là anh [NAME], làm ruộng.",
        "Cụ ông Hoàng Đức Minh khó thở.|Cụ ông [NAME] khó thở.",
        "Chị Huế đi cùng, nhà ở phố Huế.|Chị [NAME] đi cùng, nhà ở [ADDRESS].",
        "Cháu nội Hoàng Minh Khôi báo gia đình.|Cháu nội [NAME] báo gia đình.",
        "BS. Lê Minh Tuấn|BS. [NAME]",
        "ĐD. Lương Thị Ngọc|ĐD. [NAME]",
        "PGS.TS. Đỗ Thu Hà hội chẩn.|PGS.TS. [NAME] hội chẩn.",
        "Trần Thị Bích (vợ)|[NAME] (vợ)",
        "NGƯỜI NHÀ: NGUYỄN VĂN HÙNG|NGƯỜI NHÀ: [NAME]",
        "Mẹ bệnh nhân, bà Lê Thị Hoa, cho biết cháu sốt 3 ngày.|Mẹ bệnh nhân, bà [NAME], cho biết cháu sốt 3 ngày."})
    void aNameAfterItsCueOrWithItsSurnameIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Typed in the combining form (NFD): found as the composed text is. */
    @Test
    void aNoteInTheCombiningFormIsReadAsTheComposed() {
        String note = Normalizer.normalize("Vợ bà Trần Thị Bích túc trực. Con trai Thắng sẽ đón về nhà số 12 ngõ 45 phố "
                + "Huế, phường Bạch Đằng.", Normalizer.Form.NFD);
        assertEquals(Normalizer.normalize("Vợ bà [NAME] túc trực. Con trai [NAME] sẽ đón về [ADDRESS], [LOCATION].",
                Normalizer.Form.NFD), scrub(note));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Nhà số 12 ngõ 45 phố Huế, phường Bạch Đằng, quận Hai Bà Trưng, Hà Nội|[ADDRESS], [LOCATION], [LOCATION], Hà Nội",
        "45/12 Lê Văn Sỹ, P.13, Q.3, TP. Hồ Chí Minh|[ADDRESS], [LOCATION], [LOCATION], TP. Hồ Chí Minh",
        "Thôn Đông, X. Yên Sở, H. Hoài Đức, TP. Hà Nội|[LOCATION], [LOCATION], [LOCATION], TP. Hà Nội",
        "báo gia đình ở hẻm 45/12 Lê Văn Sỹ.|báo gia đình ở [ADDRESS].",
        "Địa chỉ: Số 5 Nguyễn Trãi, Thanh Xuân|Địa chỉ: [ADDRESS], [LOCATION]",
        "TP. Vinh, tỉnh Nghệ An|TP. [LOCATION], tỉnh Nghệ An",
        "làm việc tại Công ty TNHH Minh Phát.|làm việc tại Công ty TNHH [EMPLOYER].",
        "SĐT 0903.111.222, di động +84 909 123 456, bàn 024 3826 4567|SĐT [PHONE], di động [PHONE], bàn [PHONE]",
        "Thẻ BHYT HT3010123456789 còn hạn.|Thẻ BHYT [ID] còn hạn."})
    void anAddressAPlaceBelowTheProvinceAnEmployerAPhoneAndACardAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /**
     * Title-cased diagnoses, the hospital's words, a province, a bed's and a dose's numbers, a lower-case "đường" (sugar)
     * and the "Việt Nam" of a nationality stay.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Chẩn đoán: Tăng Huyết Áp độ 2, Đái tháo đường typ 2.", "Tiền sử: Cao Huyết Áp.",
        "Bệnh nhân nam 45 tuổi, tiền sử tăng huyết áp. Khám: Tim đều, phổi không rale.",
        "Chuyển Khoa Nội tiết, giường số 3.", "Quốc tịch: Việt Nam. Tỉnh: Hà Nội.", "Quốc tịch: Hàn Quốc, sống ở Thái Lan.", "Đường huyết 11,2 mmol/L.",
        "Uống 2 viên x 2 lần/ngày.", "HbA1c 9,2%, SpO2 89%, HA 130/80 mmHg."})
    void clinicalWordsAndTheProvinceStay(String text) {
        assertEquals(text, scrub(text));
    }

    @Test
    void aWrittenDateIsShiftedInItsNotation() {
        assertEquals("Hẹn tái khám ngày 06 tháng 02 năm 2024.",
                VietnameseText.shift("ngày 26 tháng 01 năm 2024", 11) == null ? null
                        : "Hẹn tái khám " + VietnameseText.shift("ngày 26 tháng 01 năm 2024", 11) + ".");
        assertEquals("Hẹn tái khám [DATE].", scrub("Hẹn tái khám ngày 26 tháng 01 năm 2024."));
        // shifted per subject: a caller must not reuse one subject's scrub of it for another
        TextScrubber scrubber = new TextScrubber(new KnownIdentifiers().snapshot());
        assertTrue(scrubber.mayShiftDates("Hẹn tái khám ngày 26 tháng 01 năm 2024."));
        assertTrue(scrubber.mayShiftDates(java.text.Normalizer.normalize("Hẹn tái khám ngày 26 tháng 01 năm 2024.",
                java.text.Normalizer.Form.NFD)));
        String nfd = Normalizer.normalize("Hẹn tái khám ngày 26 tháng 01 năm 2024.", Normalizer.Form.NFD);
        assertEquals(Normalizer.normalize("Hẹn tái khám [DATE].", Normalizer.Form.NFD), scrub(nfd));
        assertEquals(null, VietnameseText.parse("ngày 31 tháng 02 năm 2024"));
    }

    /** Only a text with a letter Vietnamese writes is read as Vietnamese: an English or Spanish "con", "em", "ba" stay. */
    @Test
    void onlyVietnameseTextIsReadSo() {
        assertTrue(VietnameseText.mayHold("Phạm Thị Lan"));
        assertTrue(VietnameseText.mayHold(Normalizer.normalize("Người thân", Normalizer.Form.NFD)));
        assertFalse(VietnameseText.mayHold("Toma la pastilla con Metformina, ba Dose em Arm."));
        assertFalse(VietnameseText.mayHold("Müller, Zoë, São Paulo, Łódź, Ærø"));
        assertEquals("Toma la pastilla con Metformina.", scrub("Toma la pastilla con Metformina."));
    }

    /** The leak verifier reads a province's name as the scrubber keeps it: a patient's "Minh" is not in "Hồ Chí Minh". */
    @Test
    void theVerifierReadsAProvinceAsTheScrubberKeepsIt() {
        char[] value = "xx TP. Hồ Chí Minh, ông Minh xx".toCharArray();
        int from = 3;
        int to = value.length - 3;
        String text = new String(value);
        assertTrue(VietnameseText.inProvince(value, from, to, text.indexOf("Minh,") + 4));
        assertTrue(VietnameseText.inProvince(value, from, to, text.indexOf("Hồ") + 2));
        assertFalse(VietnameseText.inProvince(value, from, to, text.lastIndexOf("Minh") + 4));
        char[] none = "ông Minh".toCharArray();
        assertFalse(VietnameseText.inProvince(none, 0, none.length, none.length));
    }
}
