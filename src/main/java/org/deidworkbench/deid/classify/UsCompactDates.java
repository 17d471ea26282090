package org.deidworkbench.deid.classify;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * US dates written as digits alone, month first: {@code MMDDYY} ({@code 011824} is 18 January 2024) and
 * {@code MMDDCCYY} ({@code 03141952} is 14 March 1952), as the UB-04 (CMS-1450) claim form writes its admission,
 * statement, occurrence, service and procedure dates and its birth date, and a hospital's billing extract keeps them
 * (decision 0228). Such a column reads as integers: without this its dates were kept as numbers, or emptied as no
 * date under a date rule. A column is taken for one on two pieces of evidence: its header (a date or birth word, or a
 * period's bound, {@code FROM}, {@code THRU}) and its values (every one of that shape, and at least one that is no
 * date read year first, {@code yyMMdd} or {@code yyyyMMdd}, so that a column of ISO dates without dashes stays one). A
 * birth date is taken with its century only ({@code MMDDCCYY}). Two-digit years are 1950–2049. Pure functions;
 * thread-safe.
 */
public final class UsCompactDates {

    /** What the classifier's evidence says of such a column; the run wraps the column's date method when it reads it. */
    public static final String EVIDENCE = "US dates as digits, month first (MMDDYY, MMDDCCYY)";

    private UsCompactDates() {
    }

    /** Header words that bound a period, as a claim's statement covers one ({@code STMT_FROM}, {@code STMT_THRU}). */
    private static final java.util.Set<String> PERIOD_BOUNDS = java.util.Set.of("from", "thru", "through");

    /**
     * Whether a column of this header and these values holds such dates: every value one ({@link ValueStats#usCompact}),
     * at least one that is no date read year first, and a date or birth word or a period's bound in the header; a birth
     * date with its century.
     */
    public static boolean holds(String header, HeaderHints h, ValueStats s) {
        int n = s.values();
        if (n == 0 || s.usCompact != n || s.yearFirstCompact >= n) {
            return false;
        }
        if (h.has(HeaderHints.Hint.BIRTH)) {
            return s.usCompactShort == 0;
        }
        java.util.List<String> words = HeaderHints.words(header);
        if (TimesOfDay.timeWithoutDay(words)) {
            return false; // ADMIT_TIME's 091500, 103015: a morning's times read as dates, month first
        }
        if (h.has(HeaderHints.Hint.DATE)) {
            return true;
        }
        for (String w : words) {
            if (PERIOD_BOUNDS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a column's evidence (as {@link ColumnClassifier#classify} wrote it) says it holds such dates. */
    public static boolean said(String evidence) {
        return evidence.contains(EVIDENCE);
    }

    /** The day a value names, month first ({@code MMDDYY} or {@code MMDDCCYY}), or null when it is none. */
    public static LocalDate date(String value) {
        String v = value.strip();
        int n = v.length();
        if (n != 6 && n != 8 || !digits(v)) {
            return null;
        }
        int month = Integer.parseInt(v, 0, 2, 10);
        int day = Integer.parseInt(v, 2, 4, 10);
        int year;
        if (n == 6) {
            int yy = Integer.parseInt(v, 4, 6, 10);
            year = yy < 50 ? 2000 + yy : 1900 + yy;
        } else {
            year = Integer.parseInt(v, 4, 8, 10);
            if (year < 1850 || year > 2100) {
                return null;
            }
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether a value of six or eight digits is a date read year first ({@code yyMMdd}, {@code yyyyMMdd}). */
    static boolean yearFirst(String v) {
        int n = v.length();
        if (n != 6 && n != 8 || !digits(v)) {
            return false;
        }
        int at = n - 4;
        if (n == 8) {
            int year = Integer.parseInt(v, 0, 4, 10);
            if (year < 1850 || year > 2100) {
                return false;
            }
        }
        int month = Integer.parseInt(v, at, at + 2, 10);
        int day = Integer.parseInt(v, at + 2, at + 4, 10);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** The ISO date a value names ({@link #date}), or null. */
    public static String iso(String value) {
        LocalDate d = date(value);
        return d == null ? null : d.toString();
    }

    /**
     * An ISO date written as {@code original} was: {@code MMDDYY} when it had six digits and the year is within
     * 1950–2049, {@code MMDDCCYY} when it had eight; null for anything else (a year or month alone, which is written as
     * it is).
     */
    public static String fromIso(String iso, String original) {
        if (iso.length() != 10) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(iso);
        } catch (DateTimeException e) {
            return null;
        }
        String mmdd = two(d.getMonthValue()) + two(d.getDayOfMonth());
        int year = d.getYear();
        if (original.strip().length() == 6) {
            return year >= 1950 && year <= 2049 ? mmdd + two(year % 100) : null;
        }
        return year >= 1000 && year <= 9999 ? mmdd + year : null;
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    private static boolean digits(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
