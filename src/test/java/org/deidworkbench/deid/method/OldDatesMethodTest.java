package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.junit.jupiter.api.Test;

/** Decision 0142: a column taken for dates by its values aggregates the dates that may tell an age over 89. */
class OldDatesMethodTest {

    private static final FieldContext TEN_DAYS = new FieldContext(new Subject("P", 10), "d");
    private static final DeidMethod METHOD = new OldDatesMethod(new ShiftDateMethod(-3), 2026, false);

    @Test
    void aDateNinetyOrMoreYearsBackIsAggregated() throws Exception {
        assertEquals("<=1936", METHOD.apply("1929-03-05", TEN_DAYS));
        assertEquals("<=1936", METHOD.apply("1936-12-31", TEN_DAYS));
    }

    @Test
    void aDateWhoseShiftLandsNinetyYearsBackIsAggregatedToo() throws Exception {
        assertEquals("<=1936", new OldDatesMethod(new ShiftDateMethod(-3), 2026, false)
                .apply("1937-01-05", new FieldContext(new Subject("P", -10), "d")));
    }

    @Test
    void aYoungerDateIsShifted() throws Exception {
        assertEquals("1937-01-15", METHOD.apply("1937-01-05", TEN_DAYS));
        assertEquals("2024-01-25", METHOD.apply("2024-01-15", TEN_DAYS));
    }
}
