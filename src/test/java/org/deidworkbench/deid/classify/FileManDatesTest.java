package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decision 0181: VA FileMan dates ({@code YYYMMDD.HHMMSS}, year less 1700) are found by header and values. */
class FileManDatesTest {

    private static final List<String> TAKEN = List.of("3230312.1445", "3230314.0905", "3230315.1102", "3230315.13",
            "3221230");

    private static ColumnClassifier.Classification classify(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get());
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats);
    }

    @Test
    void aFileManDateIsItsYearLess1700AndKeepsItsTimeWhenWritten() {
        assertEquals(LocalDate.of(2023, 3, 12), FileManDates.date("3230312.1445"));
        assertEquals(LocalDate.of(1931, 2, 14), FileManDates.date("2310214"));
        assertEquals("3230420.1445", FileManDates.write(LocalDate.of(2023, 4, 20), "3230312.1445"));
        assertEquals("2310302", FileManDates.write(LocalDate.of(1931, 3, 2), "2310214"));
        assertNull(FileManDates.write(LocalDate.of(1870, 1, 1), "2310214"), "before 1880: no FileMan date to write");
    }

    @Test
    void aMonthOrYearAloneHasTheShapeButNamesNoDay() {
        assertTrue(FileManDates.shaped("3230300"));
        assertTrue(FileManDates.shaped("3230000"));
        assertNull(FileManDates.date("3230300"));
        assertEquals("2023-03", FileManDates.iso("3230300"));
        assertEquals("2023", FileManDates.iso("3230000.12"));
        assertEquals("3230400.12", FileManDates.fromIso("2023-04", "3230300.12"));
        assertEquals("3240000", FileManDates.fromIso("2024", "3230000"));
        assertNull(FileManDates.fromIso("<=1936", "2310200"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023071", "1985123", "32303120", "3231312", "3230332", "3230012", "4230312", "1790312",
        "323031", "3230312.", "3230312.1234567", "3230312,14", "12.5", ""})
    void otherNumbersHaveNoFileManShape(String value) {
        assertFalse(FileManDates.shaped(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DATE/TIME SPECIMEN TAKEN", "DATE REPORT COMPLETED", "EVENT DATE", "FM_DATE", "ADMIT_DT"})
    void fileManValuesUnderADateWordAreDates(String header) {
        ColumnClassifier.Classification c = classify(header, TAKEN);
        assertEquals(ColumnClass.DATE, c.columnClass(), header);
        assertTrue(FileManDates.said(c.evidence()), header);
    }

    @Test
    void aBirthDateWordMakesThemBirthDates() {
        ColumnClassifier.Classification c = classify("DATE OF BIRTH", List.of("2310214", "2520730", "2681105"));
        assertEquals(ColumnClass.BIRTH_DATE, c.columnClass());
        assertTrue(FileManDates.said(c.evidence()));
    }

    @Test
    void theSameNumbersUnderAnotherWordOrWithOneThatIsNoneAreNoDates() {
        assertFalse(FileManDates.said(classify("RESULT", TAKEN).evidence()), "no date word");
        assertFalse(FileManDates.said(classify("ACCESSION COUNT", TAKEN).evidence()), "no date word");
        List<String> mixed = new java.util.ArrayList<>(TAKEN);
        mixed.add("112");
        assertFalse(FileManDates.said(classify("EVENT DATE", mixed).evidence()), "one value is no FileMan date");
    }
}
