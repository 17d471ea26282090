package org.deidworkbench.deid.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Generalization;
import org.junit.jupiter.api.Test;

/** Decision 0142: a SAS numeric date column's day numbers are shifted and aggregated as dates, and stay numbers. */
class SasDateMethodTest {

    private static final FieldContext TEN_DAYS = new FieldContext(new Subject("P", 10), "d");

    @Test
    void aDayNumberIsShiftedAsItsDateAndWrittenAsADayNumber() throws Exception {
        assertEquals("23021", new SasDateMethod(new ShiftDateMethod(-3)).apply("23011", TEN_DAYS));
        assertEquals("-9", new SasDateMethod(new ShiftDateMethod(-3)).apply("-19", TEN_DAYS));
    }

    @Test
    void aBirthDayNumberOfSomeoneOver89IsAggregatedAndAYoungerOneShifted() throws Exception {
        DeidMethod birth = new SasDateMethod(new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, -3));
        assertEquals("<=1936", birth.apply("-12610", TEN_DAYS)); // 1925-06-23
        assertEquals("-7680", birth.apply("-7690", TEN_DAYS)); // 1938-12-12
    }

    @Test
    void aValueThatIsNoDayNumberGoesToTheDateMethodAsItIs() throws Exception {
        DeidMethod shift = new SasDateMethod(new ShiftDateMethod(-3));
        assertEquals("2024-01-25", shift.apply("2024-01-15", TEN_DAYS));
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> shift.apply("99999", TEN_DAYS));
        assertEquals("VALUE-NOT-A-DATE", e.code());
    }

    @Test
    void onlyDateActionsReadDayNumbers() {
        assertTrue(SasDateMethod.readsDates(new ActionSpec.ShiftDate()));
        assertTrue(SasDateMethod.readsDates(new ActionSpec.Generalize(Generalization.BIRTH_DATE)));
        assertFalse(SasDateMethod.readsDates(new ActionSpec.Generalize(Generalization.AGE_BAND)));
        assertFalse(SasDateMethod.readsDates(new ActionSpec.Keep()));
    }
}
