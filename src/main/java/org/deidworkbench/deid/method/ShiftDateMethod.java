package org.deidworkbench.deid.method;

import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.UnprocessableValueException;

/**
 * {@code shift-date}: moves a date by its subject's offset, keeping the notation. Records without a
 * subject use the project-wide offset, so every date is still moved.
 */
public final class ShiftDateMethod implements DeidMethod {

    private final int noSubjectOffset;
    private final boolean slashDayFirst;

    /** @param noSubjectOffset the offset for records that belong to no subject (never 0) */
    public ShiftDateMethod(int noSubjectOffset) {
        this(noSubjectOffset, false);
    }

    /**
     * @param noSubjectOffset the offset for records that belong to no subject (never 0)
     * @param slashDayFirst read slash dates day first ({@code 25/03/2022}), as the column's values show
     */
    public ShiftDateMethod(int noSubjectOffset, boolean slashDayFirst) {
        this(noSubjectOffset, slashDayFirst, null);
    }

    /**
     * @param witness told of every date written in a subject's record (the subject and the date as written), so that
     *     the run can attest shifted dates that coincide with the subject's own original dates (decision 0029); or null
     */
    public ShiftDateMethod(int noSubjectOffset, boolean slashDayFirst,
            java.util.function.BiConsumer<org.deidworkbench.deid.Subject, String> witness) {
        this(noSubjectOffset, slashDayFirst, witness, null);
    }

    /**
     * @param monthLanguage the language of the column's month names ({@code 03-ENE-2023}: Spanish), in which a shifted
     *     month is written where it has the word ({@code MAR} → {@code DIC}, not English's {@code DEC}); or null
     */
    public ShiftDateMethod(int noSubjectOffset, boolean slashDayFirst,
            java.util.function.BiConsumer<org.deidworkbench.deid.Subject, String> witness,
            org.deidworkbench.deid.classify.MonthNames.Language monthLanguage) {
        this.noSubjectOffset = noSubjectOffset;
        this.slashDayFirst = slashDayFirst;
        this.witness = witness;
        this.monthLanguage = monthLanguage;
    }

    private final org.deidworkbench.deid.classify.MonthNames.Language monthLanguage;

    private final java.util.function.BiConsumer<org.deidworkbench.deid.Subject, String> witness;

    @Override
    public boolean dependsOnSubject(String value) {
        return true;
    }

    @Override
    public String apply(String value, FieldContext context) throws UnprocessableValueException {
        int days = context.subject() != null ? context.subject().dateOffsetDays() : noSubjectOffset;
        String shifted = DateValues.shift(value, days, slashDayFirst, monthLanguage);
        if (witness != null && context.subject() != null && shifted != null && !shifted.equals(value)) {
            witness.accept(context.subject(), shifted);
        }
        return shifted;
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        if (witness != null && context.subject() != null && result != null && !result.equals(value)) {
            witness.accept(context.subject(), result);
        }
    }
}
