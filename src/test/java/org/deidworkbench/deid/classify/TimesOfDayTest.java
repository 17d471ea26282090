package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0231: times of day without a day ({@code StudyTime}'s {@code 142233}, {@code ADMIT_TIME}'s {@code 14:22}) are
 * known by their values and a header that names a time and no day.
 */
class TimesOfDayTest {

    /** A RIS worklist's StudyTime: 14:22:33, 09:15:02 (a year and month read yyyyMM: 0915-02), 10:04:55. */
    private static final List<String> STUDY_TIMES = List.of("142233", "091502", "100455");

    private static String evidence(String header, List<String> values) {
        ValueStats stats = new ValueStats(NameDictionary.get());
        values.forEach(stats::add);
        return ColumnClassifier.classify(header, stats).evidence();
    }

    @Test
    void aTimeIsHoursMinutesAndSecondsWithColonsOrDigitsAlone() {
        for (String t : List.of("14:22", "9:05", "09:15:02", "23:59:59.125", "2:05 PM", "2:05 p.m.", "07:30Z",
                "07:30:00 +0100")) {
            assertTrue(TimesOfDay.colon(t), t);
        }
        for (String t : List.of("1422", "0805", "142233", "235960", "142233.125", "142233.123456")) {
            assertTrue(TimesOfDay.digits(t), t);
        }
        for (String t : List.of("24:00", "14:60", "14:2", "14:22 tomorrow", "2024-02-06 14:22")) {
            assertFalse(TimesOfDay.colon(t), t);
        }
        for (String t : List.of("2460", "146000", "142261", "14223", "1422.5", "142233.1234567", "20240206", "1422a")) {
            assertFalse(TimesOfDay.digits(t), t);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"StudyTime", "SeriesTime", "ADMIT_TIME", "arrival_hhmm", "Uhrzeit", "FL13_ADMSN_HR"})
    void digitsUnderATimeWithoutADayAreTimes(String header) {
        assertTrue(TimesOfDay.said(evidence(header, STUDY_TIMES)), header);
        assertTrue(TimesOfDay.said(evidence(header, List.of("1422", "0805", "2359"))), header);
    }

    @Test
    void aDayInTheHeaderOrAValueThatIsNoTimeMakesNoColumnOfTimes() {
        assertFalse(TimesOfDay.said(evidence("ADMIT_DATE_TIME", STUDY_TIMES)), "a date and time of digits");
        assertFalse(TimesOfDay.said(evidence("StudyDate", STUDY_TIMES)));
        assertFalse(TimesOfDay.said(evidence("ORDER_NO", STUDY_TIMES)), "no time word");
        assertFalse(TimesOfDay.said(evidence("StudyTime", List.of("142233", "091502", "20240118"))), "a date among them");
        assertFalse(TimesOfDay.said(evidence("StudyTime", List.of("14:22", "09:15"))),
                "colons alone need no column: every date method keeps them");
    }
}
