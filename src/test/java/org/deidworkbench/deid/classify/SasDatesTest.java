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

/** Decision 0142: SAS numeric dates (days since 1960-01-01) are found by header and values, and read and written. */
class SasDatesTest {

    private static final List<String> DAYS = List.of("-12610", "-7690", "2150", "10960", "23011", "-5230");

    private static ColumnClassifier.Classification classify(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get());
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats);
    }

    @Test
    void dayNumbersAreReadFromTheFirstOfJanuary1960() {
        assertEquals(LocalDate.of(1960, 1, 1), SasDates.date("0"));
        assertEquals(LocalDate.of(2023, 1, 1), SasDates.date("23011"));
        assertEquals(LocalDate.of(1925, 6, 23), SasDates.date("-12610"));
        assertEquals("23011", SasDates.days(LocalDate.of(2023, 1, 1)));
        assertEquals("-12610", SasDates.days(LocalDate.of(1925, 6, 23)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999", "-30000", "12.5", "2023-01-01", "", "-", "+12"})
    void aValueOutsideTheDaysOfLivingPeopleOrNoIntegerIsNoDate(String value) {
        assertNull(SasDates.date(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BRTHDT", "RFSTDTN", "VISDTN", "ADMDATE", "death_date", "TRTSDT"})
    void integersOfDaysUnderASasDateNameAreDates(String header) {
        ColumnClassifier.Classification c = classify(header, DAYS);
        assertTrue(c.columnClass().isDate(), header);
        assertTrue(SasDates.said(c.evidence()), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DOSECUM", "AMOUNT", "LBSTRESN", "Column3", "VISITNUM", "DTYPE", "DT_ID"})
    void theSameIntegersUnderAnotherNameAreNoDates(String header) {
        assertFalse(SasDates.said(classify(header, DAYS).evidence()), header);
    }

    @Test
    void smallCountsDecimalsAndZeroPaddedCodesUnderADateNameAreNoDayNumbers() {
        assertFalse(SasDates.said(classify("NDT", List.of("1", "3", "12", "7")).evidence()), "counts");
        assertFalse(SasDates.said(classify("ADMDT", List.of("23011.5", "23040.25")).evidence()), "decimals");
        assertFalse(SasDates.said(classify("CODEDT", List.of("01234", "00456", "02345")).evidence()), "zero-padded");
    }
}
