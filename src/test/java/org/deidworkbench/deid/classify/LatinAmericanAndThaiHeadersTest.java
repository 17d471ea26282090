package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision 0133: Latin American and Thai headers, and Thai name columns (synthetic values). */
class LatinAmericanAndThaiHeadersTest {

    @ParameterizedTest
    @CsvSource({"CURP,NATIONAL_ID", "RFC,NATIONAL_ID", "NSS,NATIONAL_ID", "RUT,NATIONAL_ID", "CUIL,NATIONAL_ID",
        "Número documento,NATIONAL_ID", "Nro afiliado,NATIONAL_ID", "Expediente,ID", "HN,ID", "AN,ID", "Comuna,PLACE",
        "Evolución,TEXT", "เลขประจำตัวประชาชน,NATIONAL_ID", "ชื่อ,NAME_PART", "นามสกุล,NAME_PART", "วันเกิด,BIRTH",
        "ที่อยู่,ADDRESS", "โทรศัพท์,PHONE", "วันที่รับ,DATE", "บันทึก,TEXT", "การวินิจฉัย,CODE"})
    void aHeaderGivesItsHint(String header, String hint) {
        assertTrue(HeaderHints.of(header).has(HeaderHints.Hint.valueOf(hint)), header + ": " + HeaderHints.of(header));
    }

    @Test
    void aThaiBirthDateHeaderIsNoDateOfItsOwn() {
        assertTrue(!HeaderHints.of("วันเกิด").has(HeaderHints.Hint.DATE), HeaderHints.of("วันเกิด").toString());
    }

    @Test
    void aColumnOfThaiGivenNamesIsANameColumn() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("สมชาย", "พิมพ์ชนก", "ภูมิพัฒน์", "มาลัย", "วีระ", "บุญเรือน").forEach(stats::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("ชื่อ", stats);
        assertEquals(ColumnClass.PERSON_NAME, c.columnClass(), c.toString());
    }

    @Test
    void aColumnOfCurpsIsANationalId() {
        ValueStats stats = new ValueStats(NameDictionary.get());
        List.of("HELG580312MDFRPD05", "RAOJ670905HJCMCS06", "PEXM900101HDFRRR01").forEach(stats::add);
        ColumnClassifier.Classification c = ColumnClassifier.classify("CURP", stats);
        assertEquals(ColumnClass.NATIONAL_ID, c.columnClass(), c.toString());
    }
}
