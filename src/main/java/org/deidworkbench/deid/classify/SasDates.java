package org.deidworkbench.deid.classify;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * SAS numeric dates: a date stored as the number of days since 1 January 1960 ({@code 23011} is 2023-01-01, {@code -9000}
 * is 1935-05-11), as a SAS data set exported without a date format writes it (decision 0142). Such a column reads as
 * integers, so without this it was kept as a number: a birth or visit date in clear. A column is taken for one only on
 * two pieces of evidence, its header and its values: a SAS-style name ending in {@code DT}, {@code DTN} or
 * {@code DATE} ({@code BRTHDT}, {@code RFSTDTN}, {@code VISDTN}, {@code ADMDATE}) and values that are all integers
 * without leading zeros, at least one of four or five digits. A column of amounts or lab values has no such header;
 * a {@code VISITNUM} or a {@code DTYPE} no such name. A value is read as a date only inside the range
 * {@link #FIRST_DAY}..{@link #LAST_DAY}. Pure functions; thread-safe.
 */
public final class SasDates {

    /** What the classifier's evidence says of such a column; the run wraps the column's date method when it reads it. */
    public static final String EVIDENCE = "SAS numeric dates (days since 1960-01-01)";
    /** The day numbers' origin. */
    private static final LocalDate ORIGIN = LocalDate.of(1960, 1, 1);
    /** 1880-01-01: no one alive was born earlier. */
    static final int FIRST_DAY = -29219;
    /** 2059-12-31. */
    static final int LAST_DAY = 36524;
    /** A SAS variable name (letters, digits, underscores) ending in DT, DTN or DATE. */
    private static final Pattern HEADER = Pattern.compile("(?i)(?:[a-z][a-z0-9_]*)?(?:dtn?|date)");

    private SasDates() {
    }

    /** Whether a column of this header and these values holds SAS numeric dates. */
    public static boolean holds(String header, ValueStats s) {
        return s.values() > 0 && s.integer == s.values() && s.integerLengthMax >= 4 && s.integerLengthMax <= 5
                && s.leadingZero == 0 && HEADER.matcher(header.strip()).matches();
    }

    /** Whether a column's evidence (as {@link ColumnClassifier#classify} wrote it) says it holds SAS numeric dates. */
    public static boolean said(String evidence) {
        return evidence.contains(EVIDENCE);
    }

    /** The date of a SAS day number ({@code -9000}, {@code 23011}), or null when the value is no day number in range. */
    public static LocalDate date(String value) {
        String v = value.strip();
        int start = v.startsWith("-") ? 1 : 0;
        if (v.length() - start < 1 || v.length() - start > 5) {
            return null;
        }
        for (int i = start; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return null;
            }
        }
        int days = Integer.parseInt(v);
        return days < FIRST_DAY || days > LAST_DAY ? null : ORIGIN.plusDays(days);
    }

    /** The SAS day number of a date. */
    public static String days(LocalDate date) {
        return Long.toString(date.toEpochDay() - ORIGIN.toEpochDay());
    }
}
