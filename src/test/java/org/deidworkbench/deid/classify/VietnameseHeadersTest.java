package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0246: the headers of a Vietnamese hospital's exports — the HIS's, in Vietnamese with its marks, the social
 * insurance's 4210 claims file's, in ASCII capitals — and the columns under them (synthetic values). With main's jar the
 * full name under {@code Họ và tên} and {@code HO_TEN} and the address under {@code DIA_CHI} were kept, and the sex
 * ("Nam", "Nữ") under {@code Giới tính} was removed as a name.
 */
class VietnameseHeadersTest {

    @ParameterizedTest
    @CsvSource({"Họ và tên,NAME_PART", "Họ tên,NAME_PART", "HO_TEN,NAME_PART", "Tên bệnh nhân,NAME_PART", "Họ,NAME_PART",
        "Ngày sinh,BIRTH", "NGAY_SINH,BIRTH", "Năm sinh,BIRTH", "Địa chỉ,ADDRESS", "DIA_CHI,ADDRESS", "Hộ khẩu,ADDRESS",
        "Số điện thoại,PHONE", "SĐT,PHONE", "SĐT người thân,PHONE", "Điện thoại di động,PHONE", "Số CCCD,NATIONAL_ID",
        "CMND,NATIONAL_ID", "Số thẻ BHYT,NATIONAL_ID", "MA_THE,NATIONAL_ID", "Mã BN,ID", "MA_BN,ID", "MA_LK,ID",
        "Số vào viện,ID", "Ngày vào viện,DATE", "NGAY_RA,DATE", "Thời gian,DATE", "GT_THE_TU,DATE", "Phường/Xã,PLACE",
        "Quận/Huyện,PLACE", "Người thân,PERSON_ROLE", "Bác sĩ điều trị,PERSON_ROLE", "Điều dưỡng,PERSON_ROLE",
        "Ghi chú,TEXT", "Diễn biến,TEXT", "Chẩn đoán,CODE", "Mã ICD,CODE", "MA_BENH,CODE", "MA_BENHKHAC,CODE",
        "Tên bệnh,CODE", "Cân nặng,MEASURE", "CAN_NANG,MEASURE", "T_TONGCHI,MEASURE", "T_BHTT,MEASURE",
        "SO_NGAY_DTRI,MEASURE", "Tuổi,MEASURE"})
    void aHeaderGivesItsHint(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(HeaderHints.Hint.valueOf(hint)), header + ": " + HeaderHints.of(header));
    }

    /** Typed in the combining form, as some Vietnamese keyboards write: the same header. */
    @ParameterizedTest
    @ValueSource(strings = {"Mã BN", "Họ và tên", "Điều dưỡng", "Diễn biến", "Ngày sinh", "Số điện thoại"})
    void aHeaderInTheCombiningFormGivesTheComposedOnesHints(String header) {
        String nfd = Normalizer.normalize(header, Normalizer.Form.NFD);
        assertEquals(HeaderHints.of(header).hints(), HeaderHints.of(nfd).hints(), header);
    }

    /**
     * A drug's, a test's and a disease's name, blood pressure ("huyết áp": áp is also a hamlet), a method ("phương"
     * as in phường), a relationship ("quan" as in quận), anaesthesia ("vô cảm": vô as vợ) name no person and no place.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Tên thuốc", "Tên xét nghiệm", "Tên bệnh", "Huyết áp", "Phương pháp vô cảm", "Quan hệ với BN",
        "Khoa", "Tỉnh/TP", "Dân tộc"})
    void wordsThatOnlySoundLikeAPersonOrAPlaceGiveNeither(String header) {
        HeaderHints h = HeaderHints.of(header);
        assertFalse(h.has(HeaderHints.Hint.NAME_PART) || h.has(HeaderHints.Hint.PLACE)
                || h.has(HeaderHints.Hint.ADDRESS), header + ": " + h);
    }

    /** English, German and Malay headers whose words are Vietnamese syllables without marks keep their own hints. */
    @Test
    void otherLanguagesHeadersAreUnchanged() {
        for (String header : List.of("HO", "TEN", "Ma", "Ngay", "Ban", "Ap", "Bo", "Quan", "Xa", "So", "ten_id")) {
            HeaderHints h = HeaderHints.of(header);
            assertFalse(h.has(HeaderHints.Hint.NAME_PART) || h.has(HeaderHints.Hint.PLACE) || h.has(HeaderHints.Hint.DATE),
                    header + ": " + h);
        }
    }

    @Test
    void theSexUnderItsHeaderIsACategoryAndTheNamesUnderTheirsAreNames() {
        assertTrue(HeaderHints.of("Giới tính").namesDemographic());
        assertTrue(HeaderHints.of("GIOI_TINH").namesDemographic());
        ValueStats sex = new ValueStats(NameDictionary.get());
        List.of("Nam", "Nữ", "Nam", "Nam", "Nữ").forEach(sex::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("Giới tính", sex);
        assertFalse(c.columnClass() == ColumnClass.PERSON_NAME, c.toString());

        ValueStats names = new ValueStats(NameDictionary.get());
        List.of("Nguyễn Văn Hùng", "Phạm Thị Lan", "Hoàng Đức Minh", "Trần Thị Bích", "Lê Quang Vinh").forEach(names::add);
        c = ColumnClassifier.classify("Họ và tên", names);
        assertEquals(ColumnClass.PERSON_NAME, c.columnClass(), c.toString());
        ValueStats capitals = new ValueStats(NameDictionary.get());
        List.of("NGUYỄN VĂN HÙNG", "PHẠM THỊ LAN", "HOÀNG ĐỨC MINH", "TRẦN THỊ BÍCH", "LÊ QUANG VINH")
                .forEach(capitals::add);
        c = ColumnClassifier.classify("HO_TEN", capitals);
        assertEquals(ColumnClass.PERSON_NAME, c.columnClass(), c.toString());
    }
}
