package org.deidworkbench.deid.method;

import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.UnprocessableValueException;

/**
 * {@code shift-date} of a column the classifier took for dates by its values alone (a header the profile does not know,
 * {@code Column4}, {@code VAR7}), with every date 90 or more years back aggregated as {@code generalize: birth-date}
 * aggregates it ({@code <=1936} in a run of 2026; decision 0142): such a column may be birth dates, and a birth year that
 * old tells an age over 89, which HIPAA Safe Harbor aggregates. A date is aggregated when its original or its shifted
 * year is that old, as {@code birth-date} does; the scrubber removes such dates from notes for the same reason. Every
 * other value goes to the wrapped method. Immutable and thread-safe when the wrapped method is.
 */
public final class OldDatesMethod implements DeidMethod {

    private final DeidMethod dates;
    private final int referenceYear;
    private final boolean slashDayFirst;

    /**
     * @param dates the column's {@code shift-date}
     * @param referenceYear the run's year, to which ages are counted
     * @param slashDayFirst read slash dates day first, as the wrapped method does
     */
    public OldDatesMethod(DeidMethod dates, int referenceYear, boolean slashDayFirst) {
        this.dates = dates;
        this.referenceYear = referenceYear;
        this.slashDayFirst = slashDayFirst;
    }

    @Override
    public String apply(String value, FieldContext context) throws DeidException {
        if (old(value)) {
            return marker();
        }
        String shifted = dates.apply(value, context);
        return old(shifted) ? marker() : shifted;
    }

    @Override
    public boolean dependsOnSubject(String value) {
        return dates.dependsOnSubject(value);
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        if (result == null || !result.equals(marker())) {
            dates.reused(value, result, context);
        }
    }

    @Override
    public boolean keepsEmpty() {
        return dates.keepsEmpty();
    }

    private String marker() {
        return "<=" + (referenceYear - 90);
    }

    /** Whether the value is a date whose year lies 90 or more years before the reference year. */
    private boolean old(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        try {
            return DateValues.shiftedYear(value, 0, referenceYear, slashDayFirst) <= referenceYear - 90;
        } catch (UnprocessableValueException e) {
            return false;
        }
    }
}
