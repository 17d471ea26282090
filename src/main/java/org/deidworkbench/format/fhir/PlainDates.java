package org.deidworkbench.format.fhir;

/**
 * Recognises, without HAPI, the common forms of a FHIR {@code date}, {@code dateTime} or {@code
 * instant} that HAPI reads and prints back unchanged ({@code setValueAsString} then {@code
 * getValueAsString} gives the same text): {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD}, and
 * for {@code dateTime} and {@code instant} {@code YYYY-MM-DDThh:mm:ss[.fff…]} with {@code Z} or an
 * offset {@code ±hh:mm} (hours up to 14, not {@code -00:00}). The year is 1600–9999 (HAPI's calendar
 * is Julian before 1582), the day one the month has, seconds 00–59 (a leap second HAPI moves to the
 * next minute), fractions of 3 to 9 digits (HAPI pads shorter ones).
 *
 * <p>It answers a subset: {@code true} means HAPI would hold the text as written (checked against
 * HAPI's own types by {@code PlainDatesTest} over many valid and invalid strings and time zones);
 * {@code false} says nothing, and the caller asks HAPI as before. So the hot path of the token
 * transform skips HAPI's calendar for the dates it shifts and reads (decision 0064). Thread-safe.
 */
final class PlainDates {

    private PlainDates() {
    }

    /** Whether HAPI's type for {@code fhirType} holds {@code s} exactly as written (false: ask HAPI). */
    static boolean heldAsWritten(String fhirType, String s) {
        boolean instant = fhirType.equals("instant");
        boolean time = instant || fhirType.equals("dateTime");
        if (!time && !fhirType.equals("date")) {
            return false;
        }
        int n = s.length();
        if (n == 4 || n == 7 || n == 10) {
            return !instant && date(s, n);
        }
        return time && n >= 20 && date(s, 10) && time(s);
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD} in {@code s[0, n)}. */
    private static boolean date(String s, int n) {
        int year = digits(s, 0, 4);
        if (year < 1600) {
            return false;
        }
        if (n == 4) {
            return true;
        }
        if (s.charAt(4) != '-') {
            return false;
        }
        int month = digits(s, 5, 2);
        if (month < 1 || month > 12) {
            return false;
        }
        if (n == 7) {
            return true;
        }
        if (s.charAt(7) != '-') {
            return false;
        }
        int day = digits(s, 8, 2);
        return day >= 1 && day <= daysIn(year, month);
    }

    /** {@code Thh:mm:ss[.fff…](Z|±hh:mm)} from index 10. */
    private static boolean time(String s) {
        int n = s.length();
        if (s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            int fraction = i - start;
            if (fraction < 3 || fraction > 9) {
                return false;
            }
        }
        if (i == n - 1) {
            return s.charAt(i) == 'Z';
        }
        if (i != n - 6) {
            return false;
        }
        char sign = s.charAt(i);
        if (sign != '+' && sign != '-' || s.charAt(i + 3) != ':') {
            return false;
        }
        int offsetHours = digits(s, i + 1, 2);
        int offsetMinutes = digits(s, i + 4, 2);
        if (offsetHours < 0 || offsetHours > 14 || offsetMinutes < 0 || offsetMinutes > 59) {
            return false;
        }
        return sign == '+' || offsetHours != 0 || offsetMinutes != 0; // HAPI prints -00:00 as +00:00
    }

    /** The number written by {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }
}
