package org.deidworkbench.deid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.classify.MonthNames;
import org.deidworkbench.deid.classify.MonthYears;

/**
 * Recognises the date notations found in clinical exports and shifts or coarsens them while
 * keeping the notation (digits, separators, padding, time of day and zone) exactly as written.
 *
 * <p>Slash dates are read month first ({@code 03/04/2021} is 4 March) and dot dates day first
 * ({@code 04.03.2021}), the conventions of the US and of continental Europe. Two-digit years are
 * kept two-digit; their century (1900s above 30, 2000s otherwise) only matters for leap days,
 * except for birth dates ({@link #pastYear}), which cannot lie in the future.
 * Stateless and thread-safe.
 */
public final class DateValues {

    private enum Order { YMD, MDY, DMY }

    /** One notation: the regex must have groups y, m, d and rest (the time part, kept verbatim). */
    private record Notation(Pattern pattern, Order order) {
    }

    /** The zones a time is written with by name: UTC, GMT and the abbreviations of North America, Europe and the Pacific. */
    private static final String ZONE_NAMES = "(?:UTC|GMT|[ECMP][SD]T|AK[SD]T|HST|CES?T|EES?T|WES?T|BST|IST|JST|KST"
            + "|AE[SD]T|AC[SD]T|AWST|NZ[SD]T|MESZ|MEZ)";

    /**
     * A time of day after a date, kept verbatim: its zone joined or after one space ({@code -0400} in HealthKit's
     * {@code 2023-10-02 21:00:00 -0400}, {@code UTC}, {@code EDT}: decision 0238).
     */
    private static final String TIME = time("[T @]");

    /** {@link #TIME} after a comma too, as Strava writes it after a month-first date ({@code Jan 8, 2024, 11:10:31 AM}). */
    private static final String TIME_AFTER_COMMA = time("(?:[T @]|, )");

    /** The time of day group {@code rest}, after {@code separator}, kept verbatim. */
    private static String time(String separator) {
        return "(?<rest>(?:" + separator + "\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?"
                + "(?:\\s?[AaPp][Mm])?(?: ?(?:Z|[+-]\\d{2}(?::?\\d{2})?)| " + ZONE_NAMES + ")?)?)";
    }

    private static final List<Notation> NOTATIONS = List.of(
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>-)(?<m>\\d{1,2})(?<s2>-)(?<d>\\d{1,2})" + TIME), Order.YMD),
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>/)(?<m>\\d{1,2})(?<s2>/)(?<d>\\d{1,2})" + TIME), Order.YMD),
            // 2023.03.12: Korea, China, Hungary, old ACR-NEMA dates (decision 0153)
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>[.])(?<m>\\d{1,2})(?<s2>[.])(?<d>\\d{1,2})" + TIME), Order.YMD),
            new Notation(Pattern.compile("(?<m>\\d{1,2})(?<s1>/)(?<d>\\d{1,2})(?<s2>/)(?<y>\\d{4}|\\d{2})" + TIME), Order.MDY),
            new Notation(Pattern.compile("(?<d>\\d{1,2})(?<s1>[.])(?<m>\\d{1,2})(?<s2>[.])(?<y>\\d{4}|\\d{2})" + TIME), Order.DMY),
            new Notation(Pattern.compile("(?<d>\\d{1,2})(?<s1>-)(?<m>\\d{1,2})(?<s2>-)(?<y>\\d{4})" + TIME), Order.DMY),
            // DICOM DA / DT: yyyyMMdd[HHmmss[.ffffff]][&ZZXX]
            new Notation(Pattern.compile("(?<y>\\d{4})(?<s1>)(?<m>\\d{2})(?<s2>)(?<d>\\d{2})"
                    + "(?<rest>(?:\\d{2}(?:\\d{2}(?:\\d{2}(?:\\.\\d{1,6})?)?)?)?(?:[+-]\\d{4})?)"), Order.YMD));

    /** Slash dates read day first, for columns whose values show that order ({@code 25/03/2022}). */
    private static final Notation SLASH_DMY = new Notation(Pattern.compile(
            "(?<d>\\d{1,2})(?<s1>/)(?<m>\\d{1,2})(?<s2>/)(?<y>\\d{4}|\\d{2})" + TIME), Order.DMY);

    /**
     * A month's name or its abbreviation, as Oracle, SAS and reports write them, in English or another language of
     * {@link MonthNames} ({@code MAG}, {@code ENE}, {@code MÄR}, {@code marzo}; decision 0119).
     */
    private static final String MON = "(?<mon>\\p{L}{3,12})";

    /**
     * Dates with the month's name (decision 0115), whole values of a column: Oracle's default {@code DD-MON-YY} and
     * {@code DD-MON-YYYY} with its TIMESTAMP's time ({@code 03-FEB-23 10.15.00.000000 AM}), SAS's DATE9, DATE7 and
     * DATETIME ({@code 03FEB2023}, {@code 03FEB23}, {@code 03FEB2023:10:15:00}), and report styles ({@code 3 Feb 2023},
     * {@code Feb 3, 2023}, {@code February 3, 2023}). Groups d, mon, y, s1, s2, dot and rest, as the numeric notations.
     */
    private static final List<Pattern> MONTH_NAME_NOTATIONS = List.of(
            Pattern.compile("(?<d>\\d{1,2})(?<s1>-)" + MON + "(?<dot>)(?<s2>-)(?<y>\\d{4}|\\d{2})"
                    + "(?<rest>(?:\\s\\d{1,2}[.:]\\d{2}(?:[.:]\\d{2}(?:[.,]\\d{1,9})?)?(?:\\s?[AaPp][Mm])?)?)"),
            Pattern.compile("(?<d>\\d{2})(?<s1>)(?<mon>\\p{L}{3})(?<dot>)(?<s2>)(?<y>\\d{4}|\\d{2})"
                    + "(?<rest>(?::\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,6})?)?)?)"),
            // "3 Feb 2023", German "3. März 2023", Spanish and Portuguese "12 de marzo de 2023"
            Pattern.compile("(?<d>\\d{1,2})(?<s1>\\.?\\s(?:de\\s)?)" + MON + "(?<dot>\\.?)(?<s2>\\s(?:del?\\s)?)(?<y>\\d{4})"
                    + TIME),
            // Strava's "Jan 8, 2024, 11:10:31 AM" writes a comma before the time too (decision 0243)
            Pattern.compile(MON + "(?<dot>\\.?)(?<s1>\\s)(?<d>\\d{1,2})(?<s2>,\\s?)(?<y>\\d{4})"
                    + TIME_AFTER_COMMA));

    /** The month (1–12) a name or abbreviation names ({@code FEB}, {@code Sept}, {@code february}), else 0. */
    private static int monthOrZero(String name) {
        MonthNames.Month m = MonthNames.of(name);
        return m == null ? 0 : m.month();
    }

    /** The language a month word is read in: Spanish or Portuguese after their "de" ("12 de marzo de 2023"). */
    private static MonthNames.Language preferred(String separator) {
        return preferred(separator, null);
    }

    /** {@link #preferred(String)}, else the column's language. */
    private static MonthNames.Language preferred(String separator, MonthNames.Language column) {
        if (separator.startsWith(".")) {
            return MonthNames.Language.DE; // "4. April 2023": German writes the day with a dot (decision 0150)
        }
        return separator.toLowerCase(Locale.ROOT).contains("de") ? MonthNames.Language.ES : column;
    }

    /**
     * A month written as {@code like} is: abbreviated (three letters, or {@code Sept} for September) or in full (also
     * {@code June} and {@code July}), and in its case. For column values and for dates in text alike. {@code May} is
     * both: it counts as abbreviated only where every month is ({@code mayIsShort}: Oracle's and SAS's fixed-width
     * notations, or a dot after it), so a note's "May 3" becomes "July 13", not "Jul 13".
     */
    private static String monthLike(String like, int month, boolean mayIsShort, MonthNames.Language preferred)
            throws UnprocessableValueException {
        MonthNames.Month was = MonthNames.of(like, preferred);
        if (was == null) {
            throw notADate();
        }
        return MonthNames.name(like, was, month, mayIsShort);
    }

    /** A month's three letters in capitals ({@code MAY}, {@code JAN}): an abbreviation, as forms write it (0175). */
    private static boolean monthInCapitals(String month) {
        return month.length() == 3 && month.equals(month.toUpperCase(Locale.ROOT));
    }

    /** The matcher of a month-name notation that matches the whole value, or null. */
    private static Matcher monthNameMatch(String v) {
        for (Pattern p : MONTH_NAME_NOTATIONS) {
            Matcher m = p.matcher(v);
            if (m.matches() && monthOrZero(m.group("mon")) > 0) {
                return m;
            }
        }
        return null;
    }

    private static LocalDate monthNameDate(Matcher m, int latestYear) throws UnprocessableValueException {
        return day(m.group("y"), monthOrZero(m.group("mon")), m.group("d"), latestYear);
    }

    private static String formatMonthName(Matcher m, LocalDate date, MonthNames.Language monthLanguage)
            throws UnprocessableValueException {
        String y = m.group("y");
        if (y.length() == 4 && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw outOfRange();
        }
        String year = y.length() == 2 ? zeroPadded(date.getYear() % 100, 2) : zeroPadded(date.getYear(), 4);
        // Oracle and SAS write two digits always; a report's "27 Feb" tells nothing, its "03 Feb" does
        String d = m.group("d");
        boolean fixedWidth = m.group("s1").isEmpty() || m.group("s1").equals("-");
        // a column's "24 MAY 1974" in capitals is Rave's, SAS's or a report's DD MON YYYY (decision 0175): its other
        // values read "24 JAN 1974" and "02 FEB 1974", so May shifted to the 2nd of January is "02 JAN", not "2 JANUARY"
        String mon = m.group("mon");
        boolean capitals = monthInCapitals(mon);
        // the month first in capitals is FileMan's "FEB 16,1931" (decision 0181), whose days have no zero: "SEP 9,1966"
        boolean dayFirst = m.start("d") < m.start("mon");
        String day = d.length() == 2 && (fixedWidth || capitals && dayFirst || d.charAt(0) == '0')
                ? zeroPadded(date.getDayOfMonth(), 2) : Integer.toString(date.getDayOfMonth());
        String month = monthLike(mon, date.getMonthValue(), fixedWidth || capitals || !m.group("dot").isEmpty(),
                preferred(m.group("s1"), monthLanguage)) + m.group("dot");
        String datePart = !dayFirst ? month + m.group("s1") + day + m.group("s2") + year
                : day + m.group("s1") + month + m.group("s2") + year;
        return datePart + m.group("rest");
    }

    /** Two-digit years up to 30 are read as 20yy, later ones as 19yy. */
    private static final int PIVOT_LATEST_YEAR = 2030;

    private static final Pattern YEAR_MONTH = Pattern.compile("(?<y>\\d{4})(?<s>[-/]?)(?<m>\\d{2})");
    private static final Pattern YEAR_ONLY = Pattern.compile("\\d{4}");
    /**
     * A system's marker where a date would be, in brackets and lower case ({@code [not completed]}, REDCap's in the
     * timestamp of a survey not completed): kept, where it was emptied and reported as no date on every such row. A
     * name is written with capitals; a value with a digit may be a date.
     */
    private static final Pattern MARKER = Pattern.compile("\\[[a-z][a-z ]{1,30}\\]");

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
        return shift(value, days, false);
    }

    /**
     * As {@link #shift(String, int)}, reading slash dates day first when {@code slashDayFirst} (a UK
     * or European export's {@code 25/03/2022}); the column's values tell which order it uses.
     */
    public static String shift(String value, int days, boolean slashDayFirst) throws UnprocessableValueException {
        return shift(value, days, slashDayFirst, null);
    }

    /**
     * As {@link #shift(String, int, boolean)}, writing a month name in {@code monthLanguage} where that language has the
     * original's word (a Spanish column's {@code 12-MAR-2023} moved into December is {@code 29-DIC-2022}, not English's
     * {@code DEC}; decision 0119); null: the first language of {@link MonthNames.Language} that has it.
     */
    public static String shift(String value, int days, boolean slashDayFirst, MonthNames.Language monthLanguage)
            throws UnprocessableValueException {
        if (!value.isEmpty() && value.charAt(0) == '[' && MARKER.matcher(value).matches()) {
            return value; // REDCap's "[not completed]" in a survey's timestamp: no date, nothing of a person (0176)
        }
        int buddhist = BuddhistEra.yearAt(value);
        if (buddhist >= 0) { // 12/03/2566: shifted as the day of 2023 it is, written in its era (decision 0133)
            return BuddhistEra.toBuddhist(shift(BuddhistEra.moveYear(value, buddhist, -ThaiText.BUDDHIST_OFFSET), days,
                    slashDayFirst, monthLanguage));
        }
        String v = value.strip();
        if (v.length() == value.length()) {
            // nothing around the value (the common case): no padding to cut off and put back
            String fast = shiftIsoFast(v, days);
            if (fast == null) {
                fast = shiftNumericFast(v, days, slashDayFirst);
            }
            if (fast != null) {
                return fast;
            }
        }
        // Whitespace around the value is part of its notation (DICOM pads to even length, fixed-width exports).
        String before = v.isEmpty() ? value : value.substring(0, value.indexOf(v));
        String after = value.substring(before.length() + v.length());
        String fast = shiftIsoFast(v, days);
        if (fast == null) {
            fast = shiftNumericFast(v, days, slashDayFirst);
        }
        if (fast != null) {
            return before + fast + after;
        }
        return shiftByNotations(value, v, before, after, days, slashDayFirst, monthLanguage);
    }

    /**
     * {@link #shift(String, int, boolean)} through the regular expressions of the notations only, without the
     * hand-written fast paths: the reference the fast paths are tested against ({@code DateValuesTest}).
     */
    static String shiftByNotations(String value, int days, boolean slashDayFirst) throws UnprocessableValueException {
        int buddhist = BuddhistEra.yearAt(value);
        if (buddhist >= 0) { // as shift reads a Buddhist Era date (decision 0133)
            return BuddhistEra.toBuddhist(shiftByNotations(BuddhistEra.moveYear(value, buddhist,
                    -ThaiText.BUDDHIST_OFFSET), days, slashDayFirst));
        }
        String v = value.strip();
        String before = v.isEmpty() ? value : value.substring(0, value.indexOf(v));
        String after = value.substring(before.length() + v.length());
        return shiftByNotations(value, v, before, after, days, slashDayFirst, null);
    }

    private static String shiftByNotations(String value, String v, String before, String after, int days,
            boolean slashDayFirst, MonthNames.Language monthLanguage) throws UnprocessableValueException {
        for (Notation notation : NOTATIONS) {
            Notation n = slashDayFirst && notation.order() == Order.MDY ? SLASH_DMY : notation;
            Matcher m = n.pattern().matcher(v);
            if (m.matches()) {
                LocalDate date = toDate(m, PIVOT_LATEST_YEAR);
                return before + format(m, n.order(), date.plusDays(days)) + after;
            }
        }
        Matcher named = monthNameMatch(v);
        if (named != null) {
            return before + formatMonthName(named, monthNameDate(named, PIVOT_LATEST_YEAR).plusDays(days), monthLanguage)
                    + after;
        }
        Matcher ym = YEAR_MONTH.matcher(v);
        if (ym.matches()) {
            LocalDate mid = monthMiddle(ym, days);
            if (mid.getYear() < 1 || mid.getYear() > 9999) {
                throw outOfRange();
            }
            return before + zeroPadded(mid.getYear(), 4) + ym.group("s") + zeroPadded(mid.getMonthValue(), 2) + after;
        }
        MonthYears.Found monthYear = MonthYears.whole(v);
        if (monthYear != null) { // 03/2017, 03.2017, October 1995, Okt. 2019 (decision 0152)
            String shifted = monthYear.shifted(days);
            if (shifted == null) {
                throw outOfRange();
            }
            return before + shifted + after;
        }
        if (YEAR_ONLY.matcher(v).matches()) {
            return value;
        }
        String eastAsian = org.deidworkbench.deid.classify.EastAsianDates.shift(v, days);
        if (eastAsian != null) {
            return before + eastAsian + after;
        }
        String program = org.deidworkbench.deid.classify.UnixDates.shift(v, days);
        if (program != null) { // Mon Oct 02 21:00:00 EDT 2023, Mon, 02 Oct 2023 21:00:00 -0400 (decision 0242)
            return before + program + after;
        }
        if (org.deidworkbench.deid.classify.TimesOfDay.colon(v)) {
            return value; // 14:22 beside its day's column: whole days leave a time of day as it is (decision 0231)
        }
        throw notADate();
    }

    /** The four-digit year of a date or date-time value in any known notation. */
    public static int year(String value) throws UnprocessableValueException {
        return year(value, PIVOT_LATEST_YEAR);
    }

    /**
     * The four-digit year of a date that cannot lie after {@code latestYear}, such as a birth date:
     * a two-digit year is read in the latest century that keeps it there ({@code 3/4/28} is 1928
     * in 2026, where {@link #year(String)} would say 2028).
     */
    public static int pastYear(String value, int latestYear) throws UnprocessableValueException {
        return year(value, latestYear);
    }

    private static int year(String value, int latestYear) throws UnprocessableValueException {
        return shiftedYear(value, 0, latestYear);
    }

    /**
     * The four-digit year of a date once shifted by {@code days}, as {@link #shift(String, int)} would write it, with
     * two-digit years read in the latest century that keeps them at or before {@code latestYear} (a birth date cannot
     * lie in the future). A year and month is shifted from the middle of its month, as {@link #shift} does; a bare year
     * is not shifted (decision 0091: a year kept from a shifted date must be the shifted date's year, or a holder of
     * both narrows the offset). With {@code days} 0, the year of the date as written.
     */
    public static int shiftedYear(String value, int days, int latestYear) throws UnprocessableValueException {
        return shiftedYear(value, days, latestYear, false);
    }

    /**
     * As {@link #shiftedYear(String, int, int)}, reading slash dates day first when {@code slashDayFirst}, as
     * {@link #shift(String, int, boolean)} does ({@code 25/03/1930} is not a date month first).
     */
    /**
     * Whether the value is a year and month without a day ({@code 1944-03}, {@code 194403}, {@code 03/1944},
     * {@code März 1944}), which {@link #shift} shifts from the middle of its month: an offset of less than about
     * half a month gives the month back as it was (decision 0225).
     */
    public static boolean isYearAndMonth(String value, boolean slashDayFirst) {
        if (BuddhistEra.yearAt(value) >= 0) {
            return false;
        }
        String v = value.strip();
        for (Notation notation : NOTATIONS) {
            Notation n = slashDayFirst && notation.order() == Order.MDY ? SLASH_DMY : notation;
            if (n.pattern().matcher(v).matches()) {
                return false;
            }
        }
        if (monthNameMatch(v) != null) {
            return false;
        }
        return YEAR_MONTH.matcher(v).matches() || MonthYears.whole(v) != null;
    }

    public static int shiftedYear(String value, int days, int latestYear, boolean slashDayFirst)
            throws UnprocessableValueException {
        int buddhist = BuddhistEra.yearAt(value);
        if (buddhist >= 0) { // the common-era year of a Buddhist Era date (decision 0133)
            return shiftedYear(BuddhistEra.moveYear(value, buddhist, -ThaiText.BUDDHIST_OFFSET), days, latestYear,
                    slashDayFirst);
        }
        String v = value.strip();
        for (Notation notation : NOTATIONS) {
            Notation n = slashDayFirst && notation.order() == Order.MDY ? SLASH_DMY : notation;
            Matcher m = n.pattern().matcher(v);
            if (m.matches()) {
                return toDate(m, latestYear).plusDays(days).getYear();
            }
        }
        Matcher named = monthNameMatch(v);
        if (named != null) {
            return monthNameDate(named, latestYear).plusDays(days).getYear();
        }
        Matcher ym = YEAR_MONTH.matcher(v);
        if (ym.matches()) {
            return monthMiddle(ym, days).getYear();
        }
        MonthYears.Found monthYear = MonthYears.whole(v);
        if (monthYear != null) {
            return monthYear.shiftedYear(days);
        }
        if (YEAR_ONLY.matcher(v).matches()) {
            return Integer.parseInt(v);
        }
        LocalDate eastAsian = org.deidworkbench.deid.classify.EastAsianDates.parse(v);
        if (eastAsian != null) {
            return eastAsian.plusDays(days).getYear();
        }
        LocalDate program = org.deidworkbench.deid.classify.UnixDates.parse(v);
        if (program != null) {
            return program.plusDays(days).getYear();
        }
        throw notADate();
    }

    /** {@link #shiftedYear(String, int, int)} with two-digit years read as {@link #year(String)} reads them. */
    public static int shiftedYear(String value, int days) throws UnprocessableValueException {
        return shiftedYear(value, days, PIVOT_LATEST_YEAR);
    }

    /** {@link #shiftedYear(String, int)} reading slash dates day first when {@code slashDayFirst}. */
    public static int shiftedYear(String value, int days, boolean slashDayFirst) throws UnprocessableValueException {
        return shiftedYear(value, days, PIVOT_LATEST_YEAR, slashDayFirst);
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
     * Notations used inside free text: full dates with a four-digit year, and US slash dates with a
     * two-digit year ({@code 3/4/21}), which notes use often; dot and dash dates with two-digit
     * years are left alone as they are too easily version numbers or ranges.
     */
    /**
     * What a date of {@link #textPattern()} shows of a slash date's order: 1 when its first number can only be a day
     * ({@code 25/04/2021}), -1 when its second can only be ({@code 04/25/2021}), 0 otherwise (both 12 or less, not a
     * day-month-year slash date, or neither reading a date).
     */
    static int slashOrder(String date) {
        int slash = date.indexOf('/');
        if (slash < 1 || slash > 2) {
            return 0; // yyyy/MM/dd, or no slash
        }
        int second = date.indexOf('/', slash + 1);
        if (second < 0) {
            return 0;
        }
        int a = Integer.parseInt(date, 0, slash, 10);
        int b = Integer.parseInt(date, slash + 1, second, 10);
        if (a > 12 && a <= 31 && b >= 1 && b <= 12) {
            return 1;
        }
        return b > 12 && b <= 31 && a >= 1 && a <= 12 ? -1 : 0;
    }

    static Pattern textPattern() {
        return TEXT_DATE;
    }

    private static final Pattern TEXT_DATE = Pattern.compile(
            "(?<![\\d/.\\-])(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})"
                    + "|\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{1,2}-\\d{1,2}-\\d{4})(?!\\d|[/.\\-]\\d)");

    /**
     * The start of a month's word: English's three letters (then any letters: a word that names no month is still
     * taken for one, "[DATE]"), and the other languages' of {@link MonthNames} (their words must name a month).
     */
    private static final String MONTH_WORD = "(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
            + "|gen|giu|lug|ago|set|ott|dic|ene|abr|mag|mai|maj|okt|dez|m[\u00e4\u00c4]r|mrz|avr|f[\u00e9\u00c9]v|fev"
            + "|jui|ao[\u00fb\u00db]|aou|d[\u00e9\u00c9]c|out|mrt|mei|sty|lut|kwi|cze|lip|sie|wrz|pa[\u017a\u0179]|paz"
            + "|lis|gru|maa)(?<monrest>\\p{L}*)";

    /** English's month words, the only ones written before the day ("March 3, 2023"), as before decision 0119. */
    private static final String ENGLISH_MONTH_WORD = "(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + "(?<monrest>[a-z]*)";

    /**
     * Dates with a month name and a four-digit year, month first (English) or day first (every language of
     * {@link MonthNames}), day first also with German's dot after the day ({@code 3. März 2023}) and Spanish's and
     * Portuguese's "de" ({@code 12 de marzo de 2023}), and Oracle's {@code DD-MON-YYYY}.
     */
    private static final List<Pattern> MONTH_NAME_DATES = List.of(
            Pattern.compile("(?i)\\b" + ENGLISH_MONTH_WORD + "(?<dot>\\.?)(?<sp1>\\s+)(?<d>\\d{1,2})(?<ord>st|nd|rd|th)?"
                    + "(?<comma>,?)(?<sp2>(?<=,)\\s*|\\s+)(?<y>\\d{4})\\b"),
            Pattern.compile("(?i)\\b(?<d>\\d{1,2})(?<ord>st|nd|rd|th|\\.)?(?<sp1>\\s+(?:de\\s+)?)" + MONTH_WORD
                    + "(?<dot>\\.?)(?<comma>,?)(?<sp2>\\s+(?:del?\\s+)?)(?<y>\\d{4})\\b"),
            // Oracle's DD-MON-YYYY copied into a note ("Valoración previa el 12-ABR-2023")
            Pattern.compile("(?i)(?<![\\p{L}\\p{N}-])(?<d>\\d{2})(?<ord>)(?<sp1>-)" + MONTH_WORD
                    + "(?<dot>)(?<comma>)(?<sp2>-)(?<y>\\d{4})(?![\\p{L}\\p{N}]|-\\d)"));

    /**
     * Whether a match of {@link #monthNameTextPatterns()} is taken for a date: its word names a month in a language of
     * {@link MonthNames}, or starts as an English month does (as before decision 0119: "Marchy 3, 2021" is a date
     * written wrongly).
     */
    static boolean isMonthNameDate(Matcher m) {
        String word = m.group("mon") + m.group("monrest");
        return MonthNames.of(word, preferred(m.group("sp1"))) != null
                || ENGLISH_PREFIXES.contains(m.group("mon").toLowerCase(Locale.ROOT));
    }

    private static final java.util.Set<String> ENGLISH_PREFIXES = java.util.Set.of("jan", "feb", "mar", "apr", "may",
            "jun", "jul", "aug", "sep", "oct", "nov", "dec");

    /** Month-name notations used inside free text; {@link #shiftMonthNameDate} shifts their matches. */
    static List<Pattern> monthNameTextPatterns() {
        return MONTH_NAME_DATES;
    }

    /**
     * Shifts a match of one of {@link #monthNameTextPatterns()}, keeping its style: full or
     * abbreviated month name and its case, ordinal suffix, comma, spacing and day padding.
     *
     * @throws UnprocessableValueException if the words do not name a real month or day
     */
    static String shiftMonthNameDate(Matcher m, int days) throws UnprocessableValueException {
        String word = m.group("mon") + m.group("monrest");
        // German writes the day with a dot ("4. April 2023"): its month is German, "Juni" after a shift, not "June"
        MonthNames.Language preferred = ".".equals(m.group("ord")) ? MonthNames.Language.DE : preferred(m.group("sp1"));
        int month = monthOf(word, preferred);
        boolean fixedWidth = m.group("sp1").equals("-"); // Oracle's DD-MON-YYYY: two digits always
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group("y")), month, Integer.parseInt(m.group("d"))).plusDays(days);
        } catch (DateTimeException e) {
            throw notADate();
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw outOfRange();
        }
        String d = m.group("d");
        // "24 MAY 1974" in capitals, the day first with two digits: a form's or a report's DD MON YYYY (decision 0175)
        boolean capitals = monthInCapitals(word) && d.length() == 2
                && m.start("d") < m.start("mon");
        String name = monthLike(word, date.getMonthValue(), fixedWidth || capitals || !m.group("dot").isEmpty(),
                preferred);
        String day = d.length() == 2 && (fixedWidth || capitals || d.charAt(0) == '0')
                ? zeroPadded(date.getDayOfMonth(), 2) : Integer.toString(date.getDayOfMonth());
        String ord = m.group("ord");
        if (".".equals(ord)) {
            day += ord; // German: "3. März"
        } else if (ord != null && !ord.isEmpty()) { // empty in Oracle's notation
            String suffix = ordinal(date.getDayOfMonth());
            day += ord.equals(ord.toUpperCase(Locale.ROOT)) ? suffix.toUpperCase(Locale.ROOT) : suffix;
        }
        String year = zeroPadded(date.getYear(), 4);
        boolean monthFirst = m.start("mon") < m.start("d");
        return monthFirst
                ? name + m.group("dot") + m.group("sp1") + day + m.group("comma") + m.group("sp2") + year
                : day + m.group("sp1") + name + m.group("dot") + m.group("comma") + m.group("sp2") + year;
    }

    /** The day a match of {@link #monthNameTextPatterns()} names, as {@code yyyy-MM-dd}; null if it names none. */
    static String isoOfMonthNameDate(Matcher m) {
        try {
            return LocalDate.of(Integer.parseInt(m.group("y")), monthOf(m.group("mon") + m.group("monrest"),
                    preferred(m.group("sp1"))), Integer.parseInt(m.group("d"))).toString();
        } catch (UnprocessableValueException | DateTimeException e) {
            return null;
        }
    }

    /** The month a word names in a language of {@link MonthNames}, in full or abbreviated. */
    private static int monthOf(String word, MonthNames.Language preferred) throws UnprocessableValueException {
        MonthNames.Month m = MonthNames.of(word, preferred);
        if (m == null) {
            throw notADate();
        }
        return m.month();
    }

    private static String ordinal(int day) {
        if (day >= 11 && day <= 13) {
            return "th";
        }
        return switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    /** A year-month value's middle moved by {@code days} ({@link MonthYears#middle}); not a date for no such month. */
    private static LocalDate monthMiddle(Matcher ym, int days) throws UnprocessableValueException {
        try {
            return MonthYears.middle(Integer.parseInt(ym.group("y")), Integer.parseInt(ym.group("m")), days);
        } catch (DateTimeException e) {
            throw notADate();
        }
    }

    private static LocalDate toDate(Matcher m, int latestYear) throws UnprocessableValueException {
        return day(m.group("y"), Integer.parseInt(m.group("m")), m.group("d"), latestYear);
    }

    /** The day of a year as written (two digits: in the latest century that keeps it at or before {@code latestYear}). */
    private static LocalDate day(String ys, int month, String d, int latestYear) throws UnprocessableValueException {
        int year = Integer.parseInt(ys);
        if (ys.length() == 2) {
            year += 2000 + year <= latestYear ? 2000 : 1900;
        }
        try {
            return LocalDate.of(year, month, Integer.parseInt(d));
        } catch (DateTimeException e) {
            throw notADate();
        }
    }

    private static String format(Matcher m, Order order, LocalDate date) throws UnprocessableValueException {
        String y = m.group("y");
        String year = y.length() == 2 ? zeroPadded(date.getYear() % 100, 2) : zeroPadded(date.getYear(), 4);
        if (y.length() == 4 && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw outOfRange();
        }
        // "9/30/2021" is unpadded although its day has two digits: one one-digit part reveals the
        // notation. Two two-digit parts ("12/25/2021", "03/04/2021") are read as padded.
        boolean padded = m.group("m").length() >= 2 && m.group("d").length() >= 2;
        String month = pad(date.getMonthValue(), padded);
        String day = pad(date.getDayOfMonth(), padded);
        String s1 = m.group("s1");
        String s2 = m.group("s2");
        String datePart = switch (order) {
            case YMD -> year + s1 + month + s2 + day;
            case MDY -> month + s1 + day + s2 + year;
            case DMY -> day + s1 + month + s2 + year;
        };
        return datePart + m.group("rest");
    }

    /** {@code value} as {@code String.format("%0<width>d")} writes it (the sign counts in the width), without a Formatter. */
    static String zeroPadded(int value, int width) {
        String digits = Integer.toString(Math.abs(value));
        StringBuilder out = new StringBuilder(width);
        if (value < 0) {
            out.append('-');
        }
        for (int i = out.length() + digits.length(); i < width; i++) {
            out.append('0');
        }
        return out.append(digits).toString();
    }

    private static String pad(int value, boolean padded) {
        return padded && value < 10 ? "0" + value : Integer.toString(value);
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
            throw outOfRange();
        }
        char[] out = v.toCharArray();
        put(out, 0, y, 4);
        put(out, 5, date.getMonthValue(), 2);
        put(out, 8, date.getDayOfMonth(), 2);
        return new String(out);
    }

    /**
     * Day or month first with a four-digit year — {@code d.M.yyyy}, {@code M/d/yyyy} ({@code d/M/yyyy} when
     * {@code slashDayFirst}) and {@code d-M-yyyy}, one or two digits each, with an optional simple time as in
     * {@link #shiftIsoFast} — without regular expressions: German and US exports have a column of them shifted
     * once per row. The same result as the notations' patterns (held to them by {@code DateValuesTest});
     * {@code null} for anything else.
     */
    private static String shiftNumericFast(String v, int days, boolean slashDayFirst)
            throws UnprocessableValueException {
        int n = v.length();
        int a = 0;
        while (a < n && a < 3 && isDigit(v.charAt(a))) {
            a++;
        }
        if (a == 0 || a > 2 || a >= n) {
            return null;
        }
        char sep = v.charAt(a);
        if (sep != '.' && sep != '/' && sep != '-') {
            return null;
        }
        int b = a + 1;
        while (b < n && b - a - 1 < 3 && isDigit(v.charAt(b))) {
            b++;
        }
        int bLength = b - a - 1;
        if (bLength == 0 || bLength > 2 || b + 5 > n || v.charAt(b) != sep || !digits(v, b + 1, b + 5)
                || b + 5 < n && isDigit(v.charAt(b + 5)) || !simpleTime(v, b + 5)) {
            return null;
        }
        boolean dayFirst = sep != '/' || slashDayFirst;
        int first = num(v, 0, a);
        int second = num(v, a + 1, b);
        int year = num(v, b + 1, b + 5);
        int month = dayFirst ? second : first;
        int day = dayFirst ? first : second;
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day).plusDays(days);
        } catch (DateTimeException e) {
            throw notADate();
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw outOfRange();
        }
        boolean padded = a >= 2 && bLength >= 2;
        String m = pad(date.getMonthValue(), padded);
        String d = pad(date.getDayOfMonth(), padded);
        StringBuilder out = new StringBuilder(n + 2);
        out.append(dayFirst ? d : m).append(sep).append(dayFirst ? m : d).append(sep);
        put4(out, date.getYear());
        return out.append(v, b + 5, n).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void put4(StringBuilder out, int year) {
        out.append((char) ('0' + year / 1000)).append((char) ('0' + year / 100 % 10))
                .append((char) ('0' + year / 10 % 10)).append((char) ('0' + year % 10));
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
                while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
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
        // +01:00, or +01 alone as PostgreSQL writes a whole hour's offset (2023-02-06 08:20:11.482+01)
        return (c == '+' || c == '-') && (i + 3 == n && digits(v, i + 1, i + 3)
                || i + 6 == n && digits(v, i + 1, i + 3) && v.charAt(i + 3) == ':' && digits(v, i + 4, i + 6));
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

    private static UnprocessableValueException outOfRange() {
        return new UnprocessableValueException("VALUE-DATE-OUT-OF-RANGE", "the shifted date leaves the years 1..9999");
    }

    private static UnprocessableValueException notADate() {
        return new UnprocessableValueException("VALUE-NOT-A-DATE", "value is not a date in a known notation");
    }
}
