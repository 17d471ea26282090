package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.model.DateShiftSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateShifterTest {

    private final DateShifter shifter = new DateShifter(TestSupport.vectorSecret());

    @ParameterizedTest
    @CsvSource({"-365,365", "1,30", "-30,-1", "-1,1", "0,5", "-5,0", "-36500,36500"})
    void offsetsAreNeverZeroAndStayWithinTheRange(int min, int max) {
        DateShiftSettings range = new DateShiftSettings(min, max);
        for (int i = 0; i < 20_000; i++) {
            int offset = shifter.offsetDays("subject-" + i, range);
            assertNotEquals(0, offset, "subject-" + i);
            assertTrue(offset >= min && offset <= max, "subject-" + i + " -> " + offset);
        }
    }

    @Test
    void offsetsAreRoughlyUniformOverTheNonZeroDays() {
        DateShiftSettings range = new DateShiftSettings(-10, 10);
        int subjects = 40_000;
        int[] counts = new int[21];
        for (int i = 0; i < subjects; i++) {
            counts[shifter.offsetDays("PAT" + i, range) + 10]++;
        }
        assertEquals(0, counts[10], "offset 0 must never occur");
        double expected = subjects / 20.0;
        double chiSquare = 0;
        for (int day = -10; day <= 10; day++) {
            if (day != 0) {
                double d = counts[day + 10] - expected;
                chiSquare += d * d / expected;
            }
        }
        // 19 degrees of freedom: P(chi-square > 43.82) = 0.001 for a uniform distribution.
        assertTrue(chiSquare < 43.82, "chi-square " + chiSquare);
    }

    @Test
    void singleDayRangeAlwaysGivesThatDay() {
        DateShiftSettings range = new DateShiftSettings(7, 7);
        for (int i = 0; i < 100; i++) {
            assertEquals(7, shifter.offsetDays("subject-" + i, range));
        }
    }

    @Test
    void rangeFromMinusOneToZeroAlwaysGivesMinusOne() {
        DateShiftSettings range = new DateShiftSettings(-1, 0);
        for (int i = 0; i < 100; i++) {
            assertEquals(-1, shifter.offsetDays("subject-" + i, range));
        }
    }

    @Test
    void sameSubjectGetsTheSameOffset() {
        DateShifter second = new DateShifter(TestSupport.vectorSecret());
        assertEquals(shifter.offsetDays("PAT-0001", DateShiftSettings.DEFAULT),
                second.offsetDays("PAT-0001", DateShiftSettings.DEFAULT));
    }

    @Test
    void subjectKeyIsNormalizedLikeAPseudonymValue() {
        assertEquals(shifter.offsetDays("PAT-0001", DateShiftSettings.DEFAULT),
                shifter.offsetDays("  pat-0001\t", DateShiftSettings.DEFAULT));
    }

    @Test
    void differentSecretGivesDifferentOffsets() {
        DateShifter other = new DateShifter(TestSupport.otherSecret());
        int differing = 0;
        for (int i = 0; i < 100; i++) {
            if (shifter.offsetDays("s" + i, DateShiftSettings.DEFAULT) != other.offsetDays("s" + i, DateShiftSettings.DEFAULT)) {
                differing++;
            }
        }
        assertTrue(differing > 90, "offsets differing: " + differing);
    }

    @Test
    void parallelCallsGiveTheSameResultsAsSequentialCalls() throws Exception {
        List<Integer> sequential = TestSupport.sequential(5_000, i -> shifter.offsetDays("s" + i, DateShiftSettings.DEFAULT));
        DateShifter shared = new DateShifter(TestSupport.vectorSecret());
        assertEquals(sequential, TestSupport.parallel(5_000, i -> shared.offsetDays("s" + i, DateShiftSettings.DEFAULT)));
    }
}
