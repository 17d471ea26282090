package org.deidworkbench.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises the date notations found in clinical exports and shifts or coarsens them while
 * keeping the notation (digits, separators, padding, time of day and zone) exactly as written.
 *
 * <p>Slash dates are read month first ({@code 03/04/2021} is 4 March) and dot dates day first
 * ({@code 04.03.2021}), the conventions of the US and of continental Europe. Two-digit years are
 * kept two-digit; their century (1900s above 30, 2000s otherwise) only matters for leap days.
 * Stateless and thread-safe.
 */
public final class DateValues {

    private enum Order { YMD, MDY, DMY }

    /**
     * One notation. Its regex has six capturing groups: three date fields in {@code order}, with the
     * two separators as groups 2 and 4, and the time part (kept verbatim) as group 6. Groups are
     * addressed by number because named-group lookups cost a hash each, per value.
     */
    private record Notation(Pattern pattern, Order order) {
        int y() {
            return order == Order.YMD ? 1 : 5;
        }

        int m() {
            return order == Order.MDY ? 1 : 3;
        }

        int d() {
            return switch (order) {
                case YMD -> 5;
                case MDY -> 3;
                case DMY -> 1;
            };
        }
    }

    private static final String TIME = "(?<rest>(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
            + "(?:\\s?[AaPp][Mm])?(?:Z|[+-]\\d{2}:?\\d{2})?)?)";

    private static final List<Notation> NOTATIONS = List.of(
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>-)(?<m>\\d{1,2})(?<s2>-)(?<d>\\d{1,2})" + TIME), Order.YMD),
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>/)(?<m>\\d{1,2})(?<s2>/)(?<d>\\d{1,2})" + TIME), Order.YMD),
            new Notation(Pattern.compile("(?<m>\\d{1,2})(?<s1>/)(?<d>\\d{1,2})(?<s2>/)(?<y>\\d{4}|\\d{2})" + TIME), Order.MDY),
            new Notation(Pattern.compile("(?<d>\\d{1,2})(?<s1>[.])(?<m>\\d{1,2})(?<s2>[.])(?<y>\\d{4}|\\d{2})" + TIME), Order.DMY),
            new Notation(Pattern.compile("(?<d>\\d{1,2})(?<s1>-)(?<m>\\d{1,2})(?<s2>-)(?<y>\\d{4})" + TIME), Order.DMY),
            // DICOM DA / DT: yyyyMMdd[HHmmss[.ffffff]][&ZZXX]
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>)(?<m>\\d{2})(?<s2>)(?<d>\\d{2})"
                    + "(?<rest>(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\.\\d{1,6})?)?)?)?(?:[+-]\\d{4})?)"), Order.YMD));

    private static final Pattern YEAR_MONTH = Pattern.compile("(?<y>\\d{4})(?<s>[-/]?)(?<m>\\d{2})");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");

    private DateValues() {
    }

    /**
     * Shifts a whole value that is a date or date-time by {@code days}, keeping its notation.
     * A bare year is returned unchanged (a year alone is not an identifier, and shifting it would
     * only blur it).
     *
     * @throws UnprocessableValueException if the value is not a date in a known notation
     */
    public static String shift(String value, int days) throws UnprocessableValueException {
        String v = value.strip();
        if (v.isEmpty() || !Character.isDigit(v.charAt(0))) {
            throw notADate();
        }
        String fast = shiftIsoFast(v, days);
        if (fast != null) {
            return fast;
        }
        for (Notation n : NOTATIONS) {
            Matcher m = n.pattern().matcher(v);
            if (m.matches()) {
                LocalDate date = toDate(m, n);
                return format(m, n, date.plusDays(days));
            }
        }
        Matcher ym = YEAR_MONTH.matcher(v);
        if (ym.matches()) {
            LocalDate mid = monthMiddle(ym).plusDays(days);
            return pad(mid.getYear(), 4) + ym.group("s") + pad(mid.getMonthValue(), 2);
        }
        if (YEAR_ONLY.matcher(v).matches()) {
            return v;
        }
        throw notADate();
    }

    /** The four-digit year of a date or date-time value in any known notation. */
    public static int year(String value) throws UnprocessableValueException {
        String v = value.strip();
        for (Notation n : NOTATIONS) {
            Matcher m = n.pattern().matcher(v);
            if (m.matches()) {
                return toDate(m, n).getYear();
            }
        }
        Matcher ym = YEAR_MONTH.matcher(v);
        if (ym.matches()) {
            return monthMiddle(ym).getYear();
        }
        if (YEAR_ONLY.matcher(v).matches()) {
            return Integer.parseInt(v);
        }
        throw notADate();
    }

    /** Whether the whole value is a date or date-time in a known notation. */
    public static boolean isDate(String value) {
        try {
            year(value);
            return true;
        } catch (UnprocessableValueException e) {
            return false;
        }
    }

    /**
     * The ISO notation {@code yyyy-MM-dd} with an optional simple time ({@code [T ]HH:mm[:ss[.f]]}
     * and an optional {@code Z}/{@code ±hh:mm}) handled without regular expressions, because it
     * is by far the most common one and a column of it is shifted once per row. Returns
     * {@code null} for anything else, which then goes through the general notations.
     */
    private static String shiftIsoFast(String v, int days) throws UnprocessableValueException {
        int n = v.length();
        if (n < 10 || v.charAt(4) != '-' || v.charAt(7) != '-' || !digits(v, 0, 4) || !digits(v, 5, 7)
                || !digits(v, 8, 10) || !simpleTime(v, 10)) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(num(v, 0, 4), num(v, 5, 7), num(v, 8, 10)).plusDays(days);
        } catch (DateTimeException e) {
            throw notADate();
        }
        int y = date.getYear();
        if (y < 1 || y > 9999) {
            throw new UnprocessableValueException("VALUE-DATE-OUT-OF-RANGE", "the shifted date leaves the years 1..9999");
        }
        char[] out = v.toCharArray();
        put(out, 0, y, 4);
        put(out, 5, date.getMonthValue(), 2);
        put(out, 8, date.getDayOfMonth(), 2);
        return new String(out);
    }

    /** Whether {@code v} from {@code i} on is empty or a simple time: {@code [T ]HH:mm[:ss[.f]][Z|±hh:mm]}. */
    private static boolean simpleTime(String v, int i) {
        int n = v.length();
        if (i == n) {
            return true;
        }
        char sep = v.charAt(i);
        if ((sep != 'T' && sep != ' ') || i + 6 > n || !digits(v, i + 1, i + 3) || v.charAt(i + 3) != ':'
                || !digits(v, i + 4, i + 6)) {
            return false;
        }
        i += 6;
        if (i + 3 <= n && v.charAt(i) == ':' && digits(v, i + 1, i + 3)) {
            i += 3;
            if (i < n && (v.charAt(i) == '.' || v.charAt(i) == ',')) {
                int start = ++i;
                while (i < n && Character.isDigit(v.charAt(i))) {
                    i++;
                }
                if (i == start || i - start > 9) {
                    return false;
                }
            }
        }
        if (i == n) {
            return true;
        }
        if (v.charAt(i) == 'Z') {
            return i + 1 == n;
        }
        char c = v.charAt(i);
        return (c == '+' || c == '-') && i + 6 == n && digits(v, i + 1, i + 3) && v.charAt(i + 3) == ':'
                && digits(v, i + 4, i + 6);
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String v, int from, int to) {
        int r = 0;
        for (int i = from; i < to; i++) {
            r = r * 10 + (v.charAt(i) - '0');
        }
        return r;
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Notations used inside free text (full dates only, with a four-digit year). */
    static Pattern textPattern() {
        return TEXT_DATE;
    }

    private static final Pattern TEXT_DATE = Pattern.compile(
            "(?<![\\d/.\\-])(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4}"
                    + "|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4})(?![\\d/.\\-]\\d)");

    private static LocalDate monthMiddle(Matcher ym) throws UnprocessableValueException {
        try {
            return LocalDate.of(Integer.parseInt(ym.group("y")), Integer.parseInt(ym.group("m")), 15);
        } catch (DateTimeException e) {
            throw notADate();
        }
    }

    private static LocalDate toDate(Matcher m, Notation n) throws UnprocessableValueException {
        String ys = m.group(n.y());
        int year = Integer.parseInt(ys);
        if (ys.length() == 2) {
            year += year > 30 ? 1900 : 2000;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(m.group(n.m())), Integer.parseInt(m.group(n.d())));
        } catch (DateTimeException e) {
            throw notADate();
        }
    }

    private static String format(Matcher m, Notation n, LocalDate date) throws UnprocessableValueException {
        String y = m.group(n.y());
        String year = y.length() == 2 ? pad(date.getYear() % 100, 2) : pad(date.getYear(), 4);
        if (y.length() == 4 && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw new UnprocessableValueException("VALUE-DATE-OUT-OF-RANGE", "the shifted date leaves the years 1..9999");
        }
        String month = pad(date.getMonthValue(), m.end(n.m()) - m.start(n.m()));
        String day = pad(date.getDayOfMonth(), m.end(n.d()) - m.start(n.d()));
        String s1 = m.group(2);
        String s2 = m.group(4);
        String datePart = switch (n.order()) {
            case YMD -> year + s1 + month + s2 + day;
            case MDY -> month + s1 + day + s2 + year;
            case DMY -> day + s1 + month + s2 + year;
        };
        return datePart + m.group(6);
    }

    /** {@code value} zero-padded to {@code width} digits (a width of 1 means no padding). */
    private static String pad(int value, int width) {
        String s = Integer.toString(value);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    private static UnprocessableValueException notADate() {
        return new UnprocessableValueException("VALUE-NOT-A-DATE", "value is not a date in a known notation");
    }
}
