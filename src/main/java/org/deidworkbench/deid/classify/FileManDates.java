package org.deidworkbench.deid.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * VA FileMan dates: VistA stores a date as {@code YYYMMDD[.HHMMSS]}, its year less 1700 in three digits
 * ({@code 3230312} is 2023-03-12, {@code 3230312.1445} that day at 14:45, {@code 2310214} is 1931-02-14), the time's
 * trailing zeros dropped ({@code .13} is 13:00), and a day or month of {@code 00} where only the month or the year is
 * known ({@code 3230300}, decision 0181). A VistA extract's lab, pharmacy or patient file writes them as they are
 * stored; such a column reads as decimals, so without this it was kept as a number — a visit or birth date in clear to
 * anyone who knows VistA — or, under a date rule, emptied as no date. A column is taken for one only on two pieces of
 * evidence, its header (a date or birth word) and its values (every one of that shape, seven digits before the point).
 * Pure functions; thread-safe.
 */
public final class FileManDates {

    /** What the classifier's evidence says of such a column; the run wraps the column's date method when it reads it. */
    public static final String EVIDENCE = "VA FileMan dates (YYYMMDD.HHMMSS, year less 1700)";
    /** 1880 less 1700: no one alive was born earlier. */
    private static final int FIRST_YYY = 180;
    /** 2059 less 1700. */
    private static final int LAST_YYY = 359;

    private FileManDates() {
    }

    /** Whether a column of this header and these values holds FileMan dates. */
    public static boolean holds(HeaderHints header, ValueStats s) {
        return s.values() > 0 && s.fileMan == s.values()
                && (header.has(HeaderHints.Hint.DATE) || header.has(HeaderHints.Hint.BIRTH));
    }

    /** Whether a column's evidence (as {@link ColumnClassifier#classify} wrote it) says it holds FileMan dates. */
    public static boolean said(String evidence) {
        return evidence.contains(EVIDENCE);
    }

    /**
     * Whether a value has a FileMan date's shape: seven digits, the first 1–3, a month 00–12 and a day 00–31, then
     * at most six digits of time after a point; its year within 1880–2059.
     */
    public static boolean shaped(String value) {
        String v = value.strip();
        int n = v.length();
        if (n < 7 || n == 8 || n > 14 || n > 7 && v.charAt(7) != '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (i != 7 && (v.charAt(i) < '0' || v.charAt(i) > '9')) {
                return false;
            }
        }
        int yyy = Integer.parseInt(v, 0, 3, 10);
        int month = Integer.parseInt(v, 3, 5, 10);
        int day = Integer.parseInt(v, 5, 7, 10);
        return yyy >= FIRST_YYY && yyy <= LAST_YYY && month <= 12 && day <= 31 && (month > 0 || day == 0);
    }

    /** The day a FileMan date names, or null when it is no such date or names only a month or a year ({@code 00}). */
    public static LocalDate date(String value) {
        if (!shaped(value)) {
            return null;
        }
        String v = value.strip();
        try {
            return LocalDate.of(1700 + Integer.parseInt(v, 0, 3, 10), Integer.parseInt(v, 3, 5, 10),
                    Integer.parseInt(v, 5, 7, 10));
        } catch (DateTimeException e) {
            return null; // a month or day of 00, or 31 February
        }
    }

    /**
     * The date a FileMan value names as ISO writes it: {@code 2023-03-12} for a day, {@code 2023-03} for a month alone
     * ({@code 3230300}), {@code 2023} for a year alone ({@code 3230000}); null when it is none.
     */
    public static String iso(String value) {
        LocalDate day = date(value);
        if (day != null) {
            return day.toString();
        }
        if (!shaped(value)) {
            return null;
        }
        String v = value.strip();
        String year = Integer.toString(1700 + Integer.parseInt(v, 0, 3, 10));
        return v.startsWith("00", 3) ? year : v.startsWith("00", 5) ? year + "-" + v.substring(3, 5) : null;
    }

    /**
     * An ISO date, month ({@code 2023-04}) or year as FileMan writes it ({@code 3230400}, {@code 3230000}), with the
     * time of {@code original} as it was; null for anything else or a year outside 1880–2059.
     */
    public static String fromIso(String iso, String original) {
        try {
            return switch (iso.length()) {
                case 10 -> write(LocalDate.parse(iso), original);
                case 7 -> {
                    YearMonth month = YearMonth.parse(iso);
                    yield stored(month.getYear(), month.getMonthValue(), 0, original);
                }
                case 4 -> iso.chars().allMatch(c -> c >= '0' && c <= '9')
                        ? stored(Integer.parseInt(iso), 0, 0, original) : null;
                default -> null;
            };
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * A day as FileMan writes it, with the time of {@code original} after the point as it was ({@code 3230312.1445}
     * moved to 2023-04-20 is {@code 3230420.1445}); null when the year is outside 1880–2059.
     */
    public static String write(LocalDate date, String original) {
        return stored(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), original);
    }

    /** {@code YYYMMDD} (month or day 0 where unknown) and the time of {@code original}, or null outside 1880–2059. */
    private static String stored(int year, int month, int day, String original) {
        int yyy = year - 1700;
        if (yyy < FIRST_YYY || yyy > LAST_YYY) {
            return null;
        }
        String v = original.strip();
        int point = v.indexOf('.');
        StringBuilder b = new StringBuilder(14).append(yyy);
        b.append(month < 10 ? "0" : "").append(month).append(day < 10 ? "0" : "").append(day);
        return point < 0 ? b.toString() : b.append(v, point, v.length()).toString();
    }
}
