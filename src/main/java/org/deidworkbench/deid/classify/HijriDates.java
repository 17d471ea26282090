package org.deidworkbench.deid.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of the Islamic calendars as Gulf, Egyptian and Iranian exports write them (decision 0132): the lunar Hijri
 * calendar ({@code 12/03/1378 هـ}, {@code 1445/03/12}) in its Umm al-Qura form (Saudi Arabia's civil calendar, the
 * JDK's {@link HijrahDate}), and the Solar Hijri (Jalali) calendar of Iran ({@code 1402/12/20}), converted here by the
 * 33-year-cycle arithmetic of Borkowski (as the {@code jalaali} libraries compute it; exact from 1800 to 2256 AD).
 *
 * <p>A date is shifted in its own calendar and written back in its own notation (order, separator, zero padding);
 * the digits it was written in are the caller's ({@code TextFolding} writes them back). The two calendars share
 * their years (1378 is 1958 in one and 1999 in the other), so which one a date is in is told by the text around it:
 * the marker {@code هـ} (hijri) after it, Persian letters or digits (Solar Hijri), Arabic text (Hijri). A text that
 * tells neither gives no calendar, and the date is emptied ({@code [DATE]}). Stateless and thread-safe.
 */
public final class HijriDates {

    /** The calendars. */
    public enum Calendar {
        /** The lunar Hijri calendar, Umm al-Qura. */
        HIJRI,
        /** The Solar Hijri (Jalali) calendar of Iran and Afghanistan. */
        SOLAR_HIJRI
    }

    /** A year of these calendars in a hospital's export: 1300 AH is 1882 AD, 1500 SH is 2121 AD. */
    static final int FIRST_YEAR = 1300;
    static final int LAST_YEAR = 1500;

    private static final Pattern DATE = Pattern.compile(
            "(?<y1>\\d{4})(?<s1>[/.\\-])(?<m1>\\d{1,2})\\k<s1>(?<d1>\\d{1,2})|(?<d2>\\d{1,2})(?<s2>[/.\\-])(?<m2>\\d{1,2})"
                    + "\\k<s2>(?<y2>\\d{4})");

    private HijriDates() {
    }

    /** Whether a date ({@code 1445/03/12}, {@code 12/03/1378}, ASCII digits) has a year of these calendars. */
    public static boolean hasIslamicYear(String date) {
        Matcher m = DATE.matcher(date);
        if (!m.matches()) {
            return false;
        }
        int y = Integer.parseInt(m.group("y1") != null ? m.group("y1") : m.group("y2"));
        return y >= FIRST_YEAR && y <= LAST_YEAR;
    }

    /**
     * The calendar a text's dates with an Islamic year are in: Solar Hijri for Persian (the letters پ چ ژ گ ک ی or
     * Persian digits), Hijri for Arabic ({@code هـ}, Arabic-Indic digits or Arabic letters); null for any other text.
     */
    public static Calendar calendarOf(String text) {
        boolean arabic = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < '\u0600' || c > '\u06FF') {
                continue;
            }
            if (c == '\u067E' || c == '\u0686' || c == '\u0698' || c == '\u06AF' || c == '\u06A9' || c == '\u06CC'
                    || c >= '\u06F0' && c <= '\u06F9') {
                return Calendar.SOLAR_HIJRI;
            }
            arabic |= Character.isLetter(c) || c >= '\u0660' && c <= '\u0669';
        }
        return arabic ? Calendar.HIJRI : null;
    }

    /** The Gregorian day of a date in the calendar, or null when it names no day of it. */
    public static LocalDate parse(String date, Calendar calendar) {
        Matcher m = DATE.matcher(date);
        if (!m.matches()) {
            return null;
        }
        boolean yearFirst = m.group("y1") != null;
        int y = Integer.parseInt(yearFirst ? m.group("y1") : m.group("y2"));
        int mo = Integer.parseInt(yearFirst ? m.group("m1") : m.group("m2"));
        int d = Integer.parseInt(yearFirst ? m.group("d1") : m.group("d2"));
        return toGregorian(y, mo, d, calendar);
    }

    /**
     * The date shifted by the days in its calendar, in its notation (order, separator, each field's width), or null
     * when it names no day of the calendar.
     */
    public static String shift(String date, int days, Calendar calendar) {
        Matcher m = DATE.matcher(date);
        if (!m.matches()) {
            return null;
        }
        boolean yearFirst = m.group("y1") != null;
        String ys = yearFirst ? m.group("y1") : m.group("y2");
        String ms = yearFirst ? m.group("m1") : m.group("m2");
        String ds = yearFirst ? m.group("d1") : m.group("d2");
        String sep = yearFirst ? m.group("s1") : m.group("s2");
        LocalDate day = toGregorian(Integer.parseInt(ys), Integer.parseInt(ms), Integer.parseInt(ds), calendar);
        if (day == null) {
            return null;
        }
        int[] shifted = fromGregorian(day.plusDays(days), calendar);
        if (shifted == null) {
            return null;
        }
        String y = Integer.toString(shifted[0]);
        String mo = pad(shifted[1], ms.length());
        String d = pad(shifted[2], ds.length());
        return yearFirst ? y + sep + mo + sep + d : d + sep + mo + sep + y;
    }

    private static String pad(int v, int width) {
        String s = Integer.toString(v);
        return s.length() < width ? "0".repeat(width - s.length()) + s : s;
    }

    /** The Gregorian day of a day of the calendar, or null when the calendar has no such day. */
    public static LocalDate toGregorian(int year, int month, int day, Calendar calendar) {
        if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) {
            return null;
        }
        if (calendar == Calendar.HIJRI) {
            try {
                return LocalDate.from(HijrahDate.of(year, month, day));
            } catch (DateTimeException e) {
                return null; // a 30th of a 29-day month, or a year outside the Umm al-Qura table
            }
        }
        if (day > solarMonthLength(year, month)) {
            return null;
        }
        long first = firstOfYear(year).toEpochDay();
        int before = month <= 7 ? (month - 1) * 31 : 6 * 31 + (month - 7) * 30;
        return LocalDate.ofEpochDay(first + before + day - 1);
    }

    /** The year, month and day of the calendar on a Gregorian day, or null outside the calendar's range. */
    public static int[] fromGregorian(LocalDate date, Calendar calendar) {
        if (calendar == Calendar.HIJRI) {
            try {
                HijrahDate h = HijrahDate.from(date);
                return new int[] {h.get(ChronoField.YEAR), h.get(ChronoField.MONTH_OF_YEAR),
                    h.get(ChronoField.DAY_OF_MONTH)};
            } catch (DateTimeException e) {
                return null;
            }
        }
        int year = date.getYear() - 621;
        if (date.isBefore(firstOfYear(year))) {
            year--;
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return null;
        }
        int k = (int) (date.toEpochDay() - firstOfYear(year).toEpochDay());
        if (k < 6 * 31) {
            return new int[] {year, k / 31 + 1, k % 31 + 1};
        }
        k -= 6 * 31;
        return new int[] {year, 7 + k / 30, k % 30 + 1};
    }

    /** Days of a Solar Hijri month: 31 in the first six, 30 in the next five, 29 in Esfand (30 in a leap year). */
    static int solarMonthLength(int year, int month) {
        if (month <= 6) {
            return 31;
        }
        if (month <= 11) {
            return 30;
        }
        return firstOfYear(year + 1).toEpochDay() - firstOfYear(year).toEpochDay() == 366 ? 30 : 29;
    }

    /** The years at which the 33-year leap cycle of the Solar Hijri calendar breaks (Borkowski). */
    private static final int[] BREAKS = {-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097,
        2192, 2262, 2324, 2394, 2456, 3178};

    /** The Gregorian day of 1 Farvardin (Nowruz) of a Solar Hijri year. */
    static LocalDate firstOfYear(int jy) {
        int gy = jy + 621;
        int leapJ = -14;
        int jp = BREAKS[0];
        int jump = 0;
        for (int i = 1; i < BREAKS.length; i++) {
            int jm = BREAKS[i];
            jump = jm - jp;
            if (jy < jm) {
                break;
            }
            leapJ += Math.floorDiv(jump, 33) * 8 + Math.floorDiv(Math.floorMod(jump, 33), 4);
            jp = jm;
        }
        int n = jy - jp;
        leapJ += Math.floorDiv(n, 33) * 8 + Math.floorDiv(Math.floorMod(n, 33) + 3, 4);
        if (Math.floorMod(jump, 33) == 4 && jump - n == 4) {
            leapJ++;
        }
        int leapG = Math.floorDiv(gy, 4) - Math.floorDiv((Math.floorDiv(gy, 100) + 1) * 3, 4) - 150;
        int march = 20 + leapJ - leapG;
        return LocalDate.of(gy, 3, 1).plusDays(march - 1);
    }
}
