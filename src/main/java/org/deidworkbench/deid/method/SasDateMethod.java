package org.deidworkbench.deid.method;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.classify.SasDates;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Generalization;

/**
 * A date method ({@code shift-date}, {@code generalize} of a birth date) of a column of SAS numeric dates (days since
 * 1 January 1960, decision 0142): each day number is read as its date, given to the wrapped method as an ISO date, and
 * its result written back as a day number, so a shifted visit date stays a number SAS reads as a date. A birth date
 * the wrapped method aggregates ({@code <=1936}) is written as that. A value that is no day number in range goes to the
 * wrapped method as it is (which empties what is no date). Immutable and thread-safe when the wrapped method is.
 */
public final class SasDateMethod implements DeidMethod {

    private final DeidMethod dates;

    /** @param dates the column's date method */
    public SasDateMethod(DeidMethod dates) {
        this.dates = dates;
    }

    /** Whether an action reads its values as dates: {@code shift-date}, {@code generalize} to a year or birth date. */
    public static boolean readsDates(ActionSpec spec) {
        return spec.action() == Action.SHIFT_DATE || spec instanceof ActionSpec.Generalize g
                && (g.kind() == Generalization.YEAR || g.kind() == Generalization.BIRTH_YEAR
                        || g.kind() == Generalization.BIRTH_DATE);
    }

    @Override
    public String apply(String value, FieldContext context) throws DeidException {
        LocalDate d = SasDates.date(value);
        if (d == null) {
            return dates.apply(value, context);
        }
        return back(dates.apply(d.toString(), context));
    }

    @Override
    public boolean dependsOnSubject(String value) {
        return dates.dependsOnSubject(value);
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        LocalDate d = SasDates.date(value);
        if (d == null) {
            dates.reused(value, result, context);
            return;
        }
        LocalDate r = result == null ? null : SasDates.date(result);
        dates.reused(d.toString(), r == null ? result : r.toString(), context);
    }

    @Override
    public boolean keepsEmpty() {
        return dates.keepsEmpty();
    }

    /** An ISO date the wrapped method wrote, as a day number; anything else ({@code <=1936}, empty) as it is. */
    private static String back(String written) {
        if (written == null || written.length() != 10) {
            return written;
        }
        try {
            return SasDates.days(LocalDate.parse(written));
        } catch (DateTimeParseException e) {
            return written;
        }
    }
}
