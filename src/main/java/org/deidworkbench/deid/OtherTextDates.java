package org.deidworkbench.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.deid.classify.MonthNames;

/**
 * Full dates in free text that {@link DateValues#textPattern()} and {@link DateValues#monthNameTextPatterns()} leave
 * (decision 0153): a German or Swiss letter's {@code 12.03.23}, a Korean, Chinese or Hungarian {@code 2023.03.12},
 * Oracle's {@code 12-Mar-23} and SAS's {@code 12MAR2023} or {@code 12MAR23} copied into a note. Each is a whole value
 * {@link DateValues#shift} reads. Only real days count ({@code 3.45.12} and {@code 31.02.23} are none), and none
 * joined to letters, digits or more separated numbers ({@code v1.2.10}, {@code 10.1.2.3}). Stateless and thread-safe.
 */
final class OtherTextDates {

    private OtherTextDates() {
    }

    /** Whether a text may hold one (cheap; {@link #find} decides): a digit run of two or more. */
    static boolean mayHold(int longestDigitRun) {
        return longestDigitRun >= 2;
    }

    /** Where the dates are, as {@code {start, end}} pairs in order. */
    static List<int[]> find(String text) {
        List<int[]> out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) || i > 0 && joined(text.charAt(i - 1))) {
                i++;
                continue;
            }
            int run = runEnd(text, i);
            int end = dotted(text, i, run);
            if (end < 0) {
                end = monthWord(text, i, run);
            }
            if (end > 0) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(new int[] {i, end});
                i = end;
            } else {
                i = run;
            }
        }
        return out == null ? List.of() : out;
    }

    /** {@code 12.03.23}, {@code 1.3.23} (day first, two-digit year) and {@code 2023.03.12}; the end, or -1. */
    private static int dotted(String text, int start, int run) {
        int n = text.length();
        int first = run - start;
        if (first != 4 && first > 2 || run >= n || text.charAt(run) != '.') {
            return -1;
        }
        int secondEnd = runEnd(text, run + 1);
        int second = secondEnd - run - 1;
        if (second < 1 || second > 2 || secondEnd >= n || text.charAt(secondEnd) != '.') {
            return -1;
        }
        int thirdEnd = runEnd(text, secondEnd + 1);
        int third = thirdEnd - secondEnd - 1;
        if (first == 4 ? third < 1 || third > 2 : third != 2) {
            return -1;
        }
        if (goesOn(text, thirdEnd)) {
            return -1;
        }
        int a = number(text, start, run);
        int b = number(text, run + 1, secondEnd);
        int c = number(text, secondEnd + 1, thirdEnd);
        boolean real = first == 4 ? realDay(a, b, c) : realDay(c <= 30 ? 2000 + c : 1900 + c, b, a);
        return real ? thirdEnd : -1;
    }

    /** {@code 12-Mar-23}, {@code 12MAR2023}, {@code 12MAR23}: two digits, a month's three letters, the year; or -1. */
    private static int monthWord(String text, int start, int run) {
        int n = text.length();
        if (run - start != 2) {
            return -1;
        }
        boolean dashes = run < n && text.charAt(run) == '-';
        int w = dashes ? run + 1 : run;
        if (w + 3 > n || !Character.isLetter(text.charAt(w)) || !Character.isLetter(text.charAt(w + 1))
                || !Character.isLetter(text.charAt(w + 2)) || w + 3 < n && Character.isLetter(text.charAt(w + 3))) {
            return -1;
        }
        int y = w + 3;
        if (dashes) {
            if (y >= n || text.charAt(y) != '-') {
                return -1;
            }
            y++;
        }
        int yEnd = runEnd(text, y);
        int digits = yEnd - y;
        if (digits != 2 && (digits != 4 || dashes)) { // DD-MON-YYYY is the month-name patterns'
            return -1;
        }
        if (goesOn(text, yEnd)) {
            return -1;
        }
        MonthNames.Month month = MonthNames.of(text.substring(w, w + 3));
        if (month == null || !month.abbreviated()) {
            return -1;
        }
        int year = number(text, y, yEnd);
        if (digits == 2) {
            year += year <= 30 ? 2000 : 1900;
        }
        return realDay(year, month.month(), number(text, start, run)) ? yEnd : -1;
    }

    private static boolean realDay(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return year >= 1800 && year <= 2099;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** A character that joins a number to a word or a longer number: a letter, a digit, a dot, a dash, a slash. */
    private static boolean joined(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '/' || c == '_';
    }

    /**
     * Whether the number goes on at {@code end}: a letter or digit, or a dot, dash or slash and a digit. A sentence's
     * full stop, a comma, a time after a space or a colon ({@code 12MAR2023:10:15}) end it.
     */
    private static boolean goesOn(String text, int end) {
        if (end >= text.length()) {
            return false;
        }
        char c = text.charAt(end);
        return Character.isLetterOrDigit(c) || c == '_' || (c == '.' || c == '-' || c == '/') && end + 1 < text.length()
                && isDigit(text.charAt(end + 1));
    }

    private static int runEnd(String text, int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int number(String text, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + text.charAt(i) - '0';
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
