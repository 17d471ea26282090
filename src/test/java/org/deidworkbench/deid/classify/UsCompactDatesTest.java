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

/**
 * Decision 0228: a UB-04's dates of digits alone, month first ({@code MMDDYY}, {@code MMDDCCYY}), are found by header
 * and values, and written back in their notation.
 */
class UsCompactDatesTest {

    /** Admission dates of a billing extract: 18 January 2024, 6 February 2024, 11 March 2024. */
    private static final List<String> ADMITTED = List.of("011824", "020624", "031124");

    private static ColumnClassifier.Classification classify(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get());
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats);
    }

    @Test
    void sixDigitsAreMonthDayAndTwoDigitsOfTheYearAndEightTheWholeYear() {
        assertEquals(LocalDate.of(2024, 1, 18), UsCompactDates.date("011824"));
        assertEquals(LocalDate.of(1952, 3, 14), UsCompactDates.date("03141952"));
        assertEquals(LocalDate.of(1987, 12, 31), UsCompactDates.date("123187"));
        assertNull(UsCompactDates.date("131824"), "month 13");
        assertNull(UsCompactDates.date("023024"), "30 February");
        assertNull(UsCompactDates.date("0118240"));
        assertNull(UsCompactDates.date("01/18/24"));
    }

    @Test
    void aShiftedDateIsWrittenInTheNotationItCameIn() {
        assertEquals("030524", UsCompactDates.fromIso("2024-03-05", "011824"));
        assertEquals("11281951", UsCompactDates.fromIso("1951-11-28", "03141952"));
        assertNull(UsCompactDates.fromIso("1948-02-01", "011849"), "two digits cannot say 1948 among 1950-2049");
        assertNull(UsCompactDates.fromIso("1952", "03141952"), "a year alone is written as it is");
        assertNull(UsCompactDates.fromIso("<=1936", "03141930"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"FL12_ADMSN_DATE", "FL45_SERV_DATE", "FL06_STMT_FROM", "FL06_STMT_THRU", "OCCUR_DT",
        "Service Date"})
    void suchValuesUnderADateWordOrAPeriodsBoundAreDates(String header) {
        ColumnClassifier.Classification c = classify(header, ADMITTED);
        assertEquals(ColumnClass.DATE, c.columnClass(), header);
        assertTrue(UsCompactDates.said(c.evidence()), header);
    }

    @Test
    void aBirthDateIsTakenWithItsCenturyOnly() {
        ColumnClassifier.Classification c = classify("FL10_PAT_BIRTHDATE", List.of("03141952", "11271941"));
        assertEquals(ColumnClass.BIRTH_DATE, c.columnClass());
        assertTrue(UsCompactDates.said(c.evidence()));
        assertFalse(UsCompactDates.said(classify("BIRTH_DATE", List.of("031452", "112741")).evidence()),
                "52 and 41 may be of either century");
    }

    @Test
    void numbersWithoutADateWordStayNumbersAndYearFirstDatesStayTheirs() {
        assertFalse(UsCompactDates.said(classify("FL47_TOT_CHRG", ADMITTED).evidence()));
        assertFalse(UsCompactDates.said(classify("ORDER_NO", ADMITTED).evidence()));
        // 20240118, 20240206: yyyyMMdd, as before; 120315, 110102: as valid year first as month first, so not taken
        assertFalse(UsCompactDates.said(classify("ADMIT_DATE", List.of("20240118", "20240206")).evidence()));
        assertFalse(UsCompactDates.said(classify("ADMIT_DATE", List.of("120315", "110102")).evidence()));
        assertFalse(UsCompactDates.said(classify("ADMIT_DATE", List.of("011824", "2024-02-06")).evidence()));
    }

    @Test
    void aMorningsTimesOfDayAreNoDates() {
        // 09:15:00, 10:30:15, 11:30:45 read month first are 15 September 2000, 30 October 2015, 30 November 2045
        List<String> times = List.of("091500", "103015", "113045");
        assertFalse(UsCompactDates.said(classify("FL13_ADMSN_TIME", times).evidence()));
        assertFalse(UsCompactDates.said(classify("ARRIVAL_HHMMSS", times).evidence()));
        assertTrue(UsCompactDates.said(classify("SERVICE_DATE_TIME", ADMITTED).evidence()));
    }
}
