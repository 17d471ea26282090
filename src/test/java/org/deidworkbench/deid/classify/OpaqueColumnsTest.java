package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decision 0138: columns whose headers say nothing ({@code Column7}, {@code VAR0012}, a language the tool does not know)
 * are classified by their values; a first line that is a row of data is told from a header. The national-number check
 * is a stand-in here (the values it passes, by name); {@code NationalNumberValuesTest} runs the real one.
 */
class OpaqueColumnsTest {

    /** Passes the values that start with {@code N}: the stand-in for "its check digits pass". */
    private static final NationalNumberCheck STAND_IN = v -> v.startsWith("N");

    private static ColumnClassifier.Classification classify(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get(), STAND_IN);
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats);
    }

    /** {@code count} values, {@code passing} of them passing the stand-in check, all alike in shape otherwise. */
    private static List<String> numbers(int count, int passing) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add((i < passing ? "N" : "X") + " " + (4711000 + i * 37)); // neither an id nor a phone by its shape
        }
        return out;
    }

    @Test
    void aColumnOfNationalNumbersIsANationalIdWhateverItsHeader() {
        for (String header : List.of("Column7", "VAR0012", "F_017", "Nomor")) {
            ColumnClassifier.Classification c = classify(header, numbers(24, 24));
            assertEquals(ColumnClass.NATIONAL_ID, c.columnClass(), header);
            assertTrue(c.evidence().contains("100% national number by its check digits"), c.evidence());
        }
    }

    @Test
    void aColumnWhereOnlyAFewPassIsNotTakenForNationalNumbers() {
        // one in eleven, as a mod-11 check passes numbers that are none, and one in two
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Column7", numbers(44, 4)).columnClass());
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Column7", numbers(24, 12)).columnClass());
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Column7", numbers(24, 20)).columnClass(), "83% is not enough");
    }

    @Test
    void fourValuesAreTooFewToTakeAColumnForNationalNumbersByTheirDigits() {
        assertNotEquals(ColumnClass.NATIONAL_ID, classify("Column7", numbers(4, 4)).columnClass());
        assertEquals(ColumnClass.NATIONAL_ID, classify("Column7", numbers(5, 5)).columnClass());
    }

    @Test
    void aColumnOfSsnsAndOtherCountriesNumbersIsOneColumnOfNationalNumbers() {
        List<String> values = new ArrayList<>(numbers(18, 18));
        for (int i = 0; i < 6; i++) {
            values.add("5" + (10 + i) + "-44-31" + (10 + i)); // shaped like an SSN, which has no check digit
        }
        assertEquals(ColumnClass.NATIONAL_ID, classify("Column7", values).columnClass());
    }

    @Test
    void codesAmountsAndSequenceNumbersStayWhatTheyWere() {
        List<String> icd = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        List<String> sequence = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            icd.add(List.of("E11.9", "I10", "J45.909", "N18.3", "E78.5").get(i % 5));
            amounts.add((1200 + i * 173) + "." + (10 + i));
            sequence.add(Integer.toString(1 + i % 3));
        }
        // N18.3 passes the stand-in, but a fifth of a column is no national numbers
        assertEquals(ColumnClass.CODE, classify("Column10", icd).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("Column13", amounts).columnClass());
        assertEquals(ColumnClass.NUMBER, classify("Column2", sequence).columnClass());
    }

    @Test
    void anIdentifierColumnStaysAnIdentifierForItsJoins() {
        List<String> uuids = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            uuids.add(String.format("%08x-1b2c-43d4-a5e6-7f8091a2b3c4", 0x5e1c0000 + i));
        }
        assertEquals(ColumnClass.IDENTIFIER, classify("Column1", uuids).columnClass());
    }

    @Test
    void amountsInWholeThousandsAreNumbersAndPhonesWithDotsStayPhones() {
        List<String> rupiah = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            rupiah.add((1 + i % 9) + "." + (250 + i * 5) + ".000");
            phones.add("9" + (12 + i) + "." + (345 + i) + "." + (678 + i));
        }
        assertEquals(ColumnClass.NUMBER, classify("Biaya (Rp)", rupiah).columnClass());
        assertEquals(ColumnClass.PHONE, classify("Column8", phones).columnClass());
    }

    @Test
    void aStreetWithAHouseNumberAfterItsMarkerIsAnAddressInAnyLanguage() {
        List<String> streets = new ArrayList<>();
        List<String> cycles = new ArrayList<>();
        String[] names = {"Jl. Merdeka", "Jl. Gatot Subroto", "Moda Cad.", "Calle Reforma", "Jalan Pemuda"};
        for (int i = 0; i < 24; i++) {
            streets.add(names[i % 5] + " No. " + (3 + i * 4) + ", Jakarta");
            cycles.add("Cycle No. " + (1 + i % 6));
        }
        assertEquals(ColumnClass.ADDRESS, classify("Alamat", streets).columnClass());
        assertNotEquals(ColumnClass.ADDRESS, classify("Column5", cycles).columnClass(), "one word before No. is no street");
    }

    private static ColumnClassifier.Classification[] classes(ColumnClass... classes) {
        ColumnClassifier.Classification[] out = new ColumnClassifier.Classification[classes.length];
        for (int i = 0; i < classes.length; i++) {
            out[i] = new ColumnClassifier.Classification(classes[i], 1, "", false);
        }
        return out;
    }

    @Test
    void aFirstLineOfDataIsToldFromAHeaderAndTheReasonNamesNoValue() {
        List<String> first = List.of("H800121", "Hadassah Zimmermann", "1940-01-03", "+1 617 555 0210", "E11.9");
        String why = ColumnClassifier.firstRowAsData(first, classes(ColumnClass.IDENTIFIER, ColumnClass.PERSON_NAME,
                ColumnClass.DATE, ColumnClass.PHONE, ColumnClass.CODE), NameDictionary.get(), STAND_IN);
        assertNotNull(why);
        assertTrue(why.contains("column 3 holds a date") && why.contains("column 4 holds a telephone number"), why);
        for (String v : first) {
            for (String part : v.split(" ")) {
                assertFalse(why.contains(part), "the reason holds a value");
            }
        }
        String national = ColumnClassifier.firstRowAsData(List.of("N4711000", "alice@example.org"),
                classes(ColumnClass.NATIONAL_ID, ColumnClass.EMAIL), NameDictionary.get(), STAND_IN);
        assertTrue(national != null && national.contains("column 1 holds an identifier")
                && national.contains("column 2 holds an e-mail address"), national);
    }

    @Test
    void opaqueHeadersAreHeaders() {
        ColumnClassifier.Classification[] five = classes(ColumnClass.IDENTIFIER, ColumnClass.DATE, ColumnClass.PHONE,
                ColumnClass.NATIONAL_ID, ColumnClass.NUMBER);
        for (List<String> header : List.of(List.of("Column1", "Column2", "Column3", "Column4", "Column5"),
                List.of("PTIDNUM", "BRTHDT", "PHNUM", "VAR0012", "2023"),
                List.of("No. RM", "Tgl Lahir", "No. HP", "NIK", "Biaya (Rp)"),
                List.of("F_017", "ATTR_3", "DX1", "ID 12", "Q1 2023"))) {
            assertNull(ColumnClassifier.firstRowAsData(header, five, NameDictionary.get(), STAND_IN), header.toString());
        }
    }

    @Test
    void aHeaderCellShapedLikeAValueOfAnotherKindIsStillAHeader() {
        // a date over a column of numbers (a pivot of a lab value by day), an e-mail over a column of codes
        assertNull(ColumnClassifier.firstRowAsData(List.of("2023-01-01", "x@example.org", "N4711000"),
                classes(ColumnClass.NUMBER, ColumnClass.CODE, ColumnClass.CATEGORICAL), NameDictionary.get(), STAND_IN));
    }
}
