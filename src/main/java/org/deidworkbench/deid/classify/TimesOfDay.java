package org.deidworkbench.deid.classify;

import java.util.regex.Pattern;

/**
 * Times of day without a day: {@code 14:22}, {@code 09:15:02}, {@code 2:05 PM}, and as digits alone, {@code 1422},
 * {@code 142233}, {@code 142233.125} (DICOM's TM, a RIS export's {@code StudyTime}, an EHR extract's {@code ADMIT_TIME}
 * beside its {@code ADMIT_DATE}). A date is shifted by whole days, so a time of day under the shift is itself: it is kept,
 * as the DICOM profile keeps TM (decision 0231). Written with colons a time is one wherever it stands
 * ({@link org.deidworkbench.deid.DateValues#shift} keeps it); as digits alone it could be a year ({@code 1422}) or a year
 * and month ({@code 091502} read {@code yyyyMM}), so such a column is taken for times on two pieces of evidence: its
 * header names a time and no day ({@code StudyTime}, {@code ARRIVAL_HHMM}, not {@code ADMIT_DATE_TIME}), and every value
 * is a time of day. Pure functions; thread-safe.
 */
public final class TimesOfDay {

    /** What the classifier's evidence says of such a column; the run keeps its times when a date rule takes it. */
    public static final String EVIDENCE = "times of day (HH:MM, HHMM, HHMMSS)";

    /** A time of day with colons: hours, minutes, seconds and a fraction, a 12-hour clock's AM or PM, a zone. */
    private static final Pattern COLON = Pattern.compile(
            "(?:[01]?\\d|2[0-3]):[0-5]\\d(?::(?:[0-5]\\d|60)(?:[.,]\\d{1,9})?)?(?:\\s?[AaPp]\\.?[Mm]\\.?)?"
                    + "(?:\\s?(?:Z|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d))?");

    private TimesOfDay() {
    }

    /** Whether a value (stripped) is a time of day written with colons ({@code 14:22}, {@code 9:15:02.5 PM}). */
    public static boolean colon(String value) {
        String v = value.strip();
        return v.length() >= 4 && v.length() <= 24 && v.indexOf(':') > 0 && COLON.matcher(v).matches();
    }

    /**
     * Whether a value (stripped) is a time of day of digits alone: {@code HHMM}, {@code HHMMSS} or {@code HHMMSS.f} (up
     * to six digits of fraction, as DICOM's TM), hours 00–23, minutes 00–59, seconds 00–60.
     */
    public static boolean digits(String value) {
        String v = value.strip();
        int n = v.length();
        int dot = v.indexOf('.');
        int whole = dot < 0 ? n : dot;
        if (whole != 4 && whole != 6 || dot >= 0 && (whole != 6 || n - dot - 1 < 1 || n - dot - 1 > 6)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (i != dot && (c < '0' || c > '9')) {
                return false;
            }
        }
        int hh = (v.charAt(0) - '0') * 10 + v.charAt(1) - '0';
        int mm = (v.charAt(2) - '0') * 10 + v.charAt(3) - '0';
        int ss = whole == 6 ? (v.charAt(4) - '0') * 10 + v.charAt(5) - '0' : 0;
        return hh <= 23 && mm <= 59 && ss <= 60;
    }

    /**
     * Whether a column of this header and these values holds times of day of digits alone: every value a time of day
     * ({@link ValueStats#timeOfDay}), at least one of digits alone, and a time word without a day's word in the header.
     */
    public static boolean holds(String header, ValueStats s) {
        int n = s.values();
        if (n == 0 || s.timeOfDay != n || s.timeOfDayDigits == 0) {
            return false;
        }
        return timeWithoutDay(HeaderHints.words(header));
    }

    /** Whether a header's words name a time of day and no day ({@code ADMIT_TIME}, not {@code ADMIT_DATE_TIME}). */
    static boolean timeWithoutDay(java.util.List<String> words) {
        boolean time = false;
        boolean date = false;
        for (String w : words) {
            time |= TIME_WORDS.contains(w);
            date |= DATE_WORDS.contains(w);
        }
        return time && !date;
    }

    /**
     * Header words of a time of day, whose four or six digits ({@code HHMM}, {@code HHMMSS}) may read as a year or a
     * date (a UB-04's {@code MMDDYY}, decision 0228).
     */
    private static final java.util.Set<String> TIME_WORDS = java.util.Set.of("time", "hour", "hr", "hrs", "tm", "hh",
            "hhmm", "hhmmss", "uhrzeit", "zeit", "heure", "hora", "ora", "tid", "tijd", "clock");
    /** Header words of a day, beside which a time word names a date and time ({@code ADMIT_DATE_TIME}). */
    private static final java.util.Set<String> DATE_WORDS = java.util.Set.of("date", "dt", "dttm", "datetime", "day",
            "datum", "fecha", "data", "dato", "birthdate");

    /** Whether a column's evidence (as {@link ColumnClassifier#classify} wrote it) says it holds such times. */
    public static boolean said(String evidence) {
        return evidence.contains(EVIDENCE);
    }
}
