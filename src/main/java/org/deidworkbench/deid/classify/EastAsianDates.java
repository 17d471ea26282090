package org.deidworkbench.deid.classify;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Japanese, Chinese and Korean write them (decision 0127): {@code 2023年3月12日}, {@code 2023년 3월 12일},
 * and Japan's era dates, {@code 昭和33年3月12日}, {@code 令和元年5月1日} and the short form of older systems,
 * {@code S33.3.12}. A date is shifted in its own notation: an era date stays an era date, in the era of the shifted
 * day ({@code 平成31年4月30日} plus one day is {@code 令和元年5月1日}). Stateless and thread-safe.
 */
public final class EastAsianDates {

    /** The eras since the Gregorian calendar's adoption, from their first day; the short form's letter. */
    private enum Era {
        MEIJI("明治", 'M', LocalDate.of(1868, 10, 23)),
        TAISHO("大正", 'T', LocalDate.of(1912, 7, 30)),
        SHOWA("昭和", 'S', LocalDate.of(1926, 12, 25)),
        HEISEI("平成", 'H', LocalDate.of(1989, 1, 8)),
        REIWA("令和", 'R', LocalDate.of(2019, 5, 1));

        final String kanji;
        final char letter;
        final LocalDate first;

        Era(String kanji, char letter, LocalDate first) {
            this.kanji = kanji;
            this.letter = letter;
            this.first = first;
        }

        static Era of(LocalDate date) {
            Era found = null;
            for (Era e : values()) {
                if (!date.isBefore(e.first)) {
                    found = e;
                }
            }
            return found;
        }
    }

    /** {@code 2023年3月12日}, {@code 昭和33年3月12日}, {@code 令和元年5月1日}, {@code 2023년 3월 12일}. */
    private static final Pattern IN_TEXT = Pattern.compile("(?<!\\d)(?:(?<era>明治|大正|昭和|平成|令和)(?<ey>元|\\d{1,2})"
            + "|(?<y>\\d{4}))(?<s1>年\\s?)(?<m>\\d{1,2})(?<s2>月\\s?)(?<d>\\d{1,2})(?<s3>日)"
            + "|(?<!\\d)(?<ky>\\d{4})(?<ks1>년\\s?)(?<km>\\d{1,2})(?<ks2>월\\s?)(?<kd>\\d{1,2})(?<ks3>일)");
    /** The short era form of a whole value: {@code S33.3.12}, {@code H1.1.8}. */
    private static final Pattern SHORT_ERA = Pattern.compile("(?<l>[MTSHR])(?<ey>\\d{1,2})(?<s>[./])(?<m>\\d{1,2})"
            + "\\k<s>(?<d>\\d{1,2})");

    private EastAsianDates() {
    }

    /** A date found in a text: {@code [start, end)}. */
    public record Found(int start, int end) {
    }

    /** Whether the text may hold such a date: it has 年 or 년. */
    public static boolean mayHold(String text) {
        return text.indexOf('年') >= 0 || text.indexOf('년') >= 0;
    }

    /** The dates of a text, in order. */
    public static List<Found> find(String text) {
        if (!mayHold(text)) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(), m.end())); // 平成31年5月1日, no real day, is still a date to take out
        }
        return out;
    }

    /** The date a whole value stands for, or null if it is no date of these notations (or no real day). */
    public static LocalDate parse(String value) {
        boolean shortEra = value.length() >= 6 && "MTSHR".indexOf(value.charAt(0)) >= 0
                && value.charAt(1) >= '0' && value.charAt(1) <= '9';
        if (!shortEra && !mayHold(value)) {
            return null; // the common case, without a regular expression: the classifier asks of every value
        }
        Matcher m = IN_TEXT.matcher(value);
        if (m.matches()) {
            return date(m);
        }
        m = SHORT_ERA.matcher(value);
        if (m.matches()) {
            Era era = letter(m.group("l").charAt(0));
            return eraDate(era, Integer.parseInt(m.group("ey")), m.group("m"), m.group("d"));
        }
        return null;
    }

    /**
     * A whole value shifted by {@code days} in its notation, or null if it is none of these. An era date whose shifted
     * day lies before the Meiji era is written in the Western year with 年.
     */
    public static String shift(String value, int days) {
        LocalDate date = parse(value);
        if (date == null) {
            return null;
        }
        LocalDate shifted = date.plusDays(days);
        Matcher m = SHORT_ERA.matcher(value);
        if (m.matches()) {
            Era era = Era.of(shifted);
            if (era == null) {
                return null;
            }
            return "" + era.letter + eraYear(era, shifted) + m.group("s") + shifted.getMonthValue() + m.group("s")
                    + shifted.getDayOfMonth();
        }
        m = IN_TEXT.matcher(value);
        m.matches();
        if (m.group("ky") != null) {
            return shifted.getYear() + m.group("ks1") + pad(shifted.getMonthValue(), m.group("km")) + m.group("ks2")
                    + pad(shifted.getDayOfMonth(), m.group("kd")) + m.group("ks3");
        }
        String year;
        if (m.group("era") != null && Era.of(shifted) != null) {
            Era era = Era.of(shifted);
            int y = eraYear(era, shifted);
            year = era.kanji + (y == 1 ? "元" : String.valueOf(y));
        } else {
            year = String.valueOf(shifted.getYear());
        }
        return year + m.group("s1") + pad(shifted.getMonthValue(), m.group("m")) + m.group("s2")
                + pad(shifted.getDayOfMonth(), m.group("d")) + m.group("s3");
    }

    /** A month or day zero-padded where the original was ({@code 03月} stays two digits). */
    private static String pad(int value, String original) {
        return original.length() == 2 && original.charAt(0) == '0' && value < 10 ? "0" + value : String.valueOf(value);
    }

    private static int eraYear(Era era, LocalDate date) {
        return date.getYear() - era.first.getYear() + 1;
    }

    private static Era letter(char c) {
        for (Era e : Era.values()) {
            if (e.letter == c) {
                return e;
            }
        }
        throw new IllegalArgumentException("no era " + c);
    }

    private static Era kanji(String s) {
        for (Era e : Era.values()) {
            if (e.kanji.equals(s)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no era " + s);
    }

    private static LocalDate date(Matcher m) {
        try {
            if (m.group("ky") != null) {
                return LocalDate.of(Integer.parseInt(m.group("ky")), Integer.parseInt(m.group("km")),
                        Integer.parseInt(m.group("kd")));
            }
            if (m.group("era") != null) {
                String ey = m.group("ey");
                return eraDate(kanji(m.group("era")), ey.equals("元") ? 1 : Integer.parseInt(ey), m.group("m"),
                        m.group("d"));
            }
            return LocalDate.of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d")));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The day of an era date, or null if that era had no such day (平成32年, 令和元年4月30日). */
    private static LocalDate eraDate(Era era, int eraYear, String month, String day) {
        if (eraYear < 1) {
            return null;
        }
        try {
            LocalDate date = LocalDate.of(era.first.getYear() + eraYear - 1, Integer.parseInt(month),
                    Integer.parseInt(day));
            return Era.of(date) == era ? date : null;
        } catch (DateTimeException e) {
            return null;
        }
    }
}
