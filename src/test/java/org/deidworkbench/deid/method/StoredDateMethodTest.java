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

/**
 * Decisions 0142 and 0181: a SAS numeric date column's day numbers and a FileMan date column's dates are shifted and
 * aggregated as dates, and stay as their program stores them.
 */
class StoredDateMethodTest {

    private static final FieldContext TEN_DAYS = new FieldContext(new Subject("P", 10), "d");

    @Test
    void aDayNumberIsShiftedAsItsDateAndWrittenAsADayNumber() throws Exception {
        assertEquals("23021", StoredDateMethod.sas(new ShiftDateMethod(-3)).apply("23011", TEN_DAYS));
        assertEquals("-9", StoredDateMethod.sas(new ShiftDateMethod(-3)).apply("-19", TEN_DAYS));
    }

    @Test
    void aBirthDayNumberOfSomeoneOver89IsAggregatedAndAYoungerOneShifted() throws Exception {
        DeidMethod birth = StoredDateMethod.sas(new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, -3));
        assertEquals("<=1936", birth.apply("-12610", TEN_DAYS)); // 1925-06-23
        assertEquals("-7680", birth.apply("-7690", TEN_DAYS)); // 1938-12-12
    }

    @Test
    void aValueThatIsNoDayNumberGoesToTheDateMethodAsItIs() throws Exception {
        DeidMethod shift = StoredDateMethod.sas(new ShiftDateMethod(-3));
        assertEquals("2024-01-25", shift.apply("2024-01-15", TEN_DAYS));
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> shift.apply("99999", TEN_DAYS));
        assertEquals("VALUE-NOT-A-DATE", e.code());
    }

    @Test
    void onlyDateActionsReadDayNumbers() {
        assertTrue(StoredDateMethod.readsDates(new ActionSpec.ShiftDate()));
        assertTrue(StoredDateMethod.readsDates(new ActionSpec.Generalize(Generalization.BIRTH_DATE)));
        assertFalse(StoredDateMethod.readsDates(new ActionSpec.Generalize(Generalization.AGE_BAND)));
        assertFalse(StoredDateMethod.readsDates(new ActionSpec.Keep()));
    }

    @Test
    void aFileManDateIsShiftedAsItsDateAndKeepsItsTimeOfDay() throws Exception {
        DeidMethod shift = StoredDateMethod.fileMan(new ShiftDateMethod(-3));
        assertEquals("3230322.1445", shift.apply("3230312.1445", TEN_DAYS)); // 2023-03-12 14:45 -> 2023-03-22
        assertEquals("3230401.13", shift.apply("3230322.13", TEN_DAYS)); // across a month, 13:00 as written
        assertEquals("3240101", shift.apply("3231222", TEN_DAYS)); // across a year, no time
    }

    @Test
    void aFileManBirthDateOfSomeoneOver89IsAggregatedAndAYoungerOneShifted() throws Exception {
        DeidMethod birth = StoredDateMethod.fileMan(new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, -3));
        assertEquals("<=1936", birth.apply("2310214", TEN_DAYS)); // 1931-02-14
        assertEquals("2681115", birth.apply("2681105", TEN_DAYS)); // 1968-11-05
    }

    @Test
    void aFileManMonthOrYearAloneIsWhatTheDateMethodMakesOfAMonthOrAYear() throws Exception {
        DeidMethod shift = StoredDateMethod.fileMan(new ShiftDateMethod(-3));
        assertEquals("3230300", shift.apply("3230300", TEN_DAYS)); // March 2023: a month is kept, as 2023-03 is
        assertEquals("3230000", shift.apply("3230000", TEN_DAYS));
        DeidMethod birth = StoredDateMethod.fileMan(new GeneralizeMethod(Generalization.BIRTH_DATE, 2026, -3));
        assertEquals("<=1936", birth.apply("2310200", TEN_DAYS)); // February 1931: someone over 89
        UnprocessableValueException e = assertThrows(UnprocessableValueException.class,
                () -> shift.apply("3231400", TEN_DAYS)); // no FileMan date: to the date method as it is
        assertEquals("VALUE-NOT-A-DATE", e.code());
    }
}
