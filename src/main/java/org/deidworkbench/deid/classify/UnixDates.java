package org.deidworkbench.deid.classify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written with their weekday, as programs print them (decision 0242): Unix {@code date}'s and Java's
 * {@code Date.toString()} {@code Mon Oct 02 21:00:00 EDT 2023}, C's {@code asctime} and Python's {@code ctime()}
 * {@code Mon Oct  2 21:00:00 2023}, and e-mail's and HTTP's RFC 1123 / 2822 {@code Mon, 02 Oct 2023 21:00:00 -0400}.
 * English abbreviations of the weekday and month, as those programs write them. A shifted date gets the weekday of its
 * new day (the original's weekday would tell the offset modulo seven); the time and the zone are kept as written, the
 * day in its padding (a zero, a space, or none; a day of two digits is Java's zero-padded one after a zone, asctime's
 * space-padded one without).
 */
public final class UnixDates {

    private static final String WEEKDAY = "(?<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
    private static final String MONTH = "(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
    private static final String CLOCK = "\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?";
    private static final String ZONE = "(?:[A-Z]{3,5}|[+-]\\d{4}|[+-]\\d{2}:\\d{2})";

    /** {@code Mon Oct 02 21:00:00 EDT 2023}, {@code Mon Oct  2 21:00:00 2023}: the day after the month, the year last. */
    private static final Pattern PROGRAM = Pattern.compile(WEEKDAY + " " + MONTH + "(?<s1> {1,2})(?<d>\\d{1,2})"
            + "(?<rest> " + CLOCK + "(?: " + ZONE + ")?) (?<y>\\d{4})");

    /** {@code Mon, 02 Oct 2023 21:00:00 -0400}, {@code Mon, 2 Oct 2023}: the day first, the time and zone last. */
    private static final Pattern MAIL = Pattern.compile(WEEKDAY + ", (?<d>\\d{1,2}) " + MONTH + " (?<y>\\d{4})"
            + "(?<rest>(?: " + CLOCK + "(?: " + ZONE + ")?)?)");

    private static final Pattern PROGRAM_IN_TEXT = Pattern.compile("(?<![\\p{L}\\p{N}])" + PROGRAM.pattern()
            + "(?![\\p{L}\\p{N}])");
    private static final Pattern MAIL_IN_TEXT = Pattern.compile("(?<![\\p{L}\\p{N}])" + MAIL.pattern()
            + "(?![\\p{L}\\p{N}:])");

    /** Monday first, as {@link java.time.DayOfWeek#getValue()} counts. */
    private static final List<String> WEEKDAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    private UnixDates() {
    }

    /** A date found in a text: {@code [start, end)}. */
    public record Found(int start, int end) {
    }

    /** Whether a text may hold such a date: a colon (a clock) or a comma (RFC 2822's), and a weekday's abbreviation. */
    public static boolean mayHold(String text) {
        return text.length() >= 15 && (text.indexOf(':') >= 0 || text.indexOf(',') >= 0) && (text.contains("Mon") || text.contains("Tue") || text.contains("Wed")
                || text.contains("Thu") || text.contains("Fri") || text.contains("Sat") || text.contains("Sun"));
    }

    /** The dates of a text, in order (a real day or not: a date all the same). */
    public static List<Found> find(String text) {
        if (!mayHold(text)) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        for (Pattern p : List.of(PROGRAM_IN_TEXT, MAIL_IN_TEXT)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(new Found(m.start(), m.end()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Found::start));
        return out;
    }

    /** The day a whole value names, or null if it is none of these notations or no real day. */
    public static LocalDate parse(String value) {
        Matcher m = match(value);
        return m == null ? null : date(m);
    }

    /** A whole value shifted by {@code days}, in its notation with the new day's weekday; null if it is none. */
    public static String shift(String value, int days) {
        Matcher m = match(value);
        if (m == null) {
            return null;
        }
        LocalDate date = date(m);
        if (date == null) {
            return null;
        }
        LocalDate s = date.plusDays(days);
        if (s.getYear() < 1000 || s.getYear() > 9999) {
            return null;
        }
        String weekday = WEEKDAYS.get(s.getDayOfWeek().getValue() - 1);
        String month = MONTHS.get(s.getMonthValue() - 1);
        String d = m.group("d");
        int day = s.getDayOfMonth();
        if (m.pattern() == PROGRAM) {
            String s1 = m.group("s1");
            String dayText;
            // a day of two digits without its zero is either's: with a zone, Java's; without, asctime's
            boolean zone = m.group("rest").indexOf(' ', 1) > 0;
            if (d.length() == 2 && (d.charAt(0) == '0' || s1.length() == 1 && zone)) {
                dayText = " " + (day < 10 ? "0" + day : Integer.toString(day)); // Java's "Oct 02"
            } else if (s1.length() + d.length() == 3) {
                dayText = day < 10 ? "  " + day : " " + day; // asctime's "Oct  2", "Oct 12"
            } else {
                dayText = " " + day;
            }
            return weekday + " " + month + dayText + m.group("rest") + " " + s.getYear();
        }
        String dayText = d.length() == 2 ? (day < 10 ? "0" + day : Integer.toString(day)) : Integer.toString(day);
        return weekday + ", " + dayText + " " + month + " " + s.getYear() + m.group("rest");
    }

    private static Matcher match(String value) {
        if (value.length() < 15 || !mayHold(value)) {
            return null;
        }
        for (Pattern p : List.of(PROGRAM, MAIL)) {
            Matcher m = p.matcher(value);
            if (m.matches()) {
                return m;
            }
        }
        return null;
    }

    private static LocalDate date(Matcher m) {
        int month = MONTHS.indexOf(m.group("mon")) + 1;
        int year = Integer.parseInt(m.group("y"));
        int day = Integer.parseInt(m.group("d"));
        if (day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }
}
