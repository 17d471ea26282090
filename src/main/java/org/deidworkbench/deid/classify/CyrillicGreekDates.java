package org.deidworkbench.deid.classify;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates of Russian, Ukrainian and Greek notes, the month named in the genitive as those languages write a day of it
 * (decision 0131): {@code 12 марта 2023 г.}, {@code 3 січня 2023 р.}, {@code 12 Μαρτίου 2023}. They are shifted in
 * their own notation: the day's width, the month's word in the case the original was written (lower, capitalised, upper
 * case; Greek capitals without accents), a year suffix ({@code г.}) left as it is. Immutable and thread-safe.
 */
public final class CyrillicGreekDates {

    private static final String[][] MONTHS = {
        {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
            "декабря"},
        {"січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня",
            "листопада", "грудня"},
        {"Ιανουαρίου", "Φεβρουαρίου", "Μαρτίου", "Απριλίου", "Μαΐου", "Ιουνίου", "Ιουλίου", "Αυγούστου",
            "Σεπτεμβρίου", "Οκτωβρίου", "Νοεμβρίου", "Δεκεμβρίου"}};

    private static final Pattern IN_TEXT = Pattern.compile(
            "(?<![\\p{L}\\d])(?<d>\\d{1,2})(?<s1>\\s{1,2})(?<m>[\\p{IsCyrillic}\\p{IsGreek}\\p{M}]{3,12})(?<s2>\\s{1,2})"
                    + "(?<y>\\d{4})(?![\\d\\p{L}])");

    private CyrillicGreekDates() {
    }

    /** A date found in a text: {@code [start, end)}. */
    public record Found(int start, int end) {
    }

    /** The dates of a text, in order (only those whose word names a month and whose day exists). */
    public static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(text);
        while (m.find()) {
            if (date(m) != null) {
                out.add(new Found(m.start(), m.end()));
            }
        }
        return out;
    }

    /** The date a whole value ({@code 12 марта 2023}) stands for, or null. */
    public static LocalDate parse(String value) {
        Matcher m = IN_TEXT.matcher(value);
        return m.matches() ? date(m) : null;
    }

    /** A whole value shifted by {@code days} in its notation, or null if it is no such date. */
    public static String shift(String value, int days) {
        Matcher m = IN_TEXT.matcher(value);
        if (!m.matches()) {
            return null;
        }
        LocalDate date = date(m);
        if (date == null) {
            return null;
        }
        LocalDate shifted = date.plusDays(days);
        String word = m.group("m");
        int[] lm = languageAndMonth(word);
        String month = MONTHS[lm[0]][shifted.getMonthValue() - 1];
        if (word.equals(word.toUpperCase(Locale.ROOT))) {
            month = lm[0] == 2 ? strip(month.toUpperCase(Locale.ROOT)) : month.toUpperCase(Locale.ROOT);
        } else if (Character.isUpperCase(word.charAt(0))) {
            month = Character.toUpperCase(month.charAt(0)) + month.substring(1);
        } else {
            month = month.toLowerCase(Locale.ROOT);
        }
        String day = Integer.toString(shifted.getDayOfMonth());
        if (m.group("d").charAt(0) == '0' && day.length() == 1) {
            day = "0" + day;
        }
        return day + m.group("s1") + month + m.group("s2") + shifted.getYear();
    }

    private static LocalDate date(Matcher m) {
        int[] lm = languageAndMonth(m.group("m"));
        if (lm == null) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group("y")), lm[1], Integer.parseInt(m.group("d")));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {language, month 1–12} of a month's genitive, in any case and Greek with or without accents; null if none. */
    private static int[] languageAndMonth(String word) {
        String w = strip(word.toLowerCase(Locale.ROOT));
        for (int l = 0; l < MONTHS.length; l++) {
            for (int k = 0; k < 12; k++) {
                String name = MONTHS[l][k].toLowerCase(Locale.ROOT);
                if (w.equals(l == 2 ? strip(name) : name)) {
                    return new int[] {l, k + 1};
                }
            }
        }
        return null;
    }

    /** Without Greek accents (tonos, dialytika); Cyrillic й and ё are left alone (only Greek is passed here). */
    private static String strip(String s) {
        boolean greek = false;
        for (int i = 0; i < s.length() && !greek; i++) {
            greek = s.charAt(i) >= '\u0370' && s.charAt(i) <= '\u03FF';
        }
        return greek ? Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "") : s;
    }
}
