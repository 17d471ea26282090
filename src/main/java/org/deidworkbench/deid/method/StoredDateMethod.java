package org.deidworkbench.deid.method;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.classify.FileManDates;
import org.deidworkbench.deid.classify.SasDates;
import org.deidworkbench.deid.classify.TimesOfDay;
import org.deidworkbench.deid.classify.UsCompactDates;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Generalization;

/**
 * A date method ({@code shift-date}, {@code generalize} of a birth date) of a column whose dates are stored as a
 * program stores them, not written as dates: SAS numeric dates (days since 1 January 1960, decision 0142) and VA
 * FileMan dates ({@code 3230312.1445}, a month alone {@code 3230300}; decision 0181). Each value is read as its date,
 * given to the wrapped method as an ISO date (or month, or year), and its result written back in the stored notation
 * (a FileMan date keeps its time of day), so a shifted visit date stays a value its program reads as a date. A birth
 * date the wrapped method aggregates ({@code <=1936}) is written as that. A value that is no stored date in range goes
 * to the wrapped method as it is (which empties what is no date). Immutable and thread-safe when the wrapped method is.
 */
public final class StoredDateMethod implements DeidMethod {

    private final DeidMethod dates;
    /** A stored value as an ISO date (or month, or year), or null when it is none. */
    private final Function<String, String> read;
    /** An ISO date (or month, or year) the wrapped method wrote, stored as {@code original} was, or null. */
    private final BiFunction<String, String, String> write;

    private StoredDateMethod(DeidMethod dates, Function<String, String> read, BiFunction<String, String, String> write) {
        this.dates = dates;
        this.read = read;
        this.write = write;
    }

    /** @param dates the column's date method, for SAS day numbers */
    public static StoredDateMethod sas(DeidMethod dates) {
        return new StoredDateMethod(dates, v -> {
            LocalDate d = SasDates.date(v);
            return d == null ? null : d.toString();
        }, (iso, original) -> {
            try {
                return iso.length() == 10 ? SasDates.days(LocalDate.parse(iso)) : null;
            } catch (DateTimeParseException e) {
                return null;
            }
        });
    }

    /** @param dates the column's date method, for FileMan dates (a month or a year alone too: {@code 3230300}) */
    public static StoredDateMethod fileMan(DeidMethod dates) {
        return new StoredDateMethod(dates, FileManDates::iso, FileManDates::fromIso);
    }

    /** @param dates the column's date method, for US dates of digits alone ({@code MMDDYY}, {@code MMDDCCYY}) */
    public static StoredDateMethod usCompact(DeidMethod dates) {
        return new StoredDateMethod(dates, UsCompactDates::iso, UsCompactDates::fromIso);
    }

    /**
     * The column's date method for a column of times of day ({@code StudyTime}'s {@code 142233}, decision 0231): a time
     * of day of digits alone is kept, as whole days leave it as it is (one with colons the date method keeps itself,
     * {@link org.deidworkbench.deid.DateValues#shift}); any other value goes to the date method.
     */
    public static DeidMethod timesOfDay(DeidMethod dates) {
        return new DeidMethod() {
            @Override
            public String apply(String value, FieldContext context) throws DeidException {
                return TimesOfDay.digits(value) ? value : dates.apply(value, context);
            }

            @Override
            public boolean dependsOnSubject(String value) {
                return !TimesOfDay.digits(value) && dates.dependsOnSubject(value);
            }

            @Override
            public void reused(String value, String result, FieldContext context) {
                if (!TimesOfDay.digits(value)) {
                    dates.reused(value, result, context);
                }
            }

            @Override
            public boolean keepsEmpty() {
                return dates.keepsEmpty();
            }
        };
    }

    /** Whether an action reads its values as dates: {@code shift-date}, {@code generalize} to a year or birth date. */
    public static boolean readsDates(ActionSpec spec) {
        return spec.action() == Action.SHIFT_DATE || spec instanceof ActionSpec.Generalize g
                && (g.kind() == Generalization.YEAR || g.kind() == Generalization.BIRTH_YEAR
                        || g.kind() == Generalization.BIRTH_DATE);
    }

    @Override
    public String apply(String value, FieldContext context) throws DeidException {
        String iso = read.apply(value);
        if (iso == null) {
            return dates.apply(value, context);
        }
        return back(dates.apply(iso, context), value);
    }

    @Override
    public boolean dependsOnSubject(String value) {
        return dates.dependsOnSubject(value);
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        String iso = read.apply(value);
        if (iso == null) {
            dates.reused(value, result, context);
            return;
        }
        String r = result == null ? null : read.apply(result);
        dates.reused(iso, r == null ? result : r, context);
    }

    @Override
    public boolean keepsEmpty() {
        return dates.keepsEmpty();
    }

    /**
     * An ISO date (or month, or year) the wrapped method wrote, in the stored notation; anything else ({@code <=1936},
     * empty) as it is. A date the notation cannot hold (a FileMan year before 1880) is written as the ISO date.
     */
    private String back(String written, String original) {
        if (written == null) {
            return null;
        }
        String stored = write.apply(written, original);
        return stored == null ? written : stored;
    }
}
