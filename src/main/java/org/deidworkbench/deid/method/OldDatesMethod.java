package org.deidworkbench.deid.method;

import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.ThaiText;
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
        int leading = evidentYear(value);
        if (leading > referenceYear - 90 && leading < ThaiText.FIRST_BUDDHIST_YEAR) {
            return false; // a recent year first: the answer of the parse below, without its regular expressions
        }
        try {
            return DateValues.shiftedYear(value, 0, referenceYear, slashDayFirst) <= referenceYear - 90;
        } catch (UnprocessableValueException e) {
            return false;
        }
    }

    /**
     * The year a date value shows without parsing it, else -1: its first four characters (after leading white space)
     * when they are ASCII digits, or the four digits after a day and a month ({@code 05.03.1930}, {@code 3/5/1930},
     * {@code 05-03-1930}, a time may follow). Every notation {@link DateValues#shiftedYear(String, int, int, boolean)}
     * reads of these shapes has that year (ISO, slash and compact year first, year-month, year alone,
     * {@code 2023年3月12日}, day or month first with a four-digit year); the Buddhist Era's years (2400 and later) are
     * the one case where the year read is another, which callers exclude.
     */
    static int evidentYear(String value) {
        int i = 0;
        int n = value.length();
        while (i < n && Character.isWhitespace(value.charAt(i))) {
            i++;
        }
        if (fourDigitsAt(value, i)) {
            return yearAt(value, i);
        }
        int first = digitsFrom(value, i);
        if (first < 1 || first > 2 || i + first >= n) {
            return -1;
        }
        char separator = value.charAt(i + first);
        if (separator != '.' && separator != '/' && separator != '-') {
            return -1;
        }
        int month = i + first + 1;
        int second = digitsFrom(value, month);
        if (second < 1 || second > 2 || month + second >= n || value.charAt(month + second) != separator) {
            return -1;
        }
        int year = month + second + 1;
        return digitsFrom(value, year) == 4 ? yearAt(value, year) : -1;
    }

    private static boolean fourDigitsAt(String value, int at) {
        return value.length() - at >= 4 && isDigit(value.charAt(at)) && isDigit(value.charAt(at + 1))
                && isDigit(value.charAt(at + 2)) && isDigit(value.charAt(at + 3));
    }

    private static int yearAt(String value, int at) {
        return (value.charAt(at) - '0') * 1000 + (value.charAt(at + 1) - '0') * 100 + (value.charAt(at + 2) - '0') * 10
                + value.charAt(at + 3) - '0';
    }

    /** How many ASCII digits follow one another from {@code at}. */
    private static int digitsFrom(String value, int at) {
        int j = at;
        while (j < value.length() && isDigit(value.charAt(j))) {
            j++;
        }
        return j - at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
