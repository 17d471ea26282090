package org.deidworkbench.deid.classify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A month and its year in free text, without a day (decision 0152): {@code October 1995}, {@code Nov. 2019},
 * {@code March of 2004}, {@code Oktober 1995}, {@code marzo de 2004}, {@code 03/2017}, {@code 3/2017},
 * {@code 03.2017} and {@code 2018-06}. HIPAA Safe Harbor counts the month as an element of a date; a note that
 * keeps it while the record's dates are shifted also tells the shift.
 *
 * <p>Found by the years: a run of four digits 1800–2099 standing alone, then what stands before it (a month's word,
 * or a month's one or two digits and a slash or dot) or after it (a dash or slash and two digits). A month's
 * word must name a month ({@link MonthNames}): in full in any language, as an English abbreviation, with a dot, or
 * capitalised, except for abbreviations that are words of their own ({@code set}, {@code out}, {@code Sie}).
 * Stateless and thread-safe.
 */
public final class MonthYears {

    /** One month and year in a text; {@link #shifted} writes it moved, in the same notation. */
    public record Found(int start, int end, int year, int month, Notation notation, String word, String between,
            int monthDigits) {

        /**
         * The month and year the month's middle (its 15th) falls in after {@code days}, as the structured year-month
         * values of a column are shifted ({@code DateValues.shift} of {@code 2018-06}), written as found: the word in
         * its language, abbreviation, case and dot, the month's digits padded as they were; null if the shift leaves
         * the years 1..9999.
         */
        public String shifted(int days) {
            LocalDate mid = middle(year, month, days);
            if (mid.getYear() < 1 || mid.getYear() > 9999) {
                return null;
            }
            String y = String.format(Locale.ROOT, "%04d", mid.getYear());
            String m = monthDigits == 2 ? String.format(Locale.ROOT, "%02d", mid.getMonthValue())
                    : Integer.toString(mid.getMonthValue());
            return switch (notation) {
                case WORD -> {
                    boolean dot = between.startsWith(".");
                    MonthNames.Month was = MonthNames.of(word, preferred(between));
                    yield MonthNames.name(word, was, mid.getMonthValue(), dot) + between + y;
                }
                case MONTH_FIRST -> m + between + y;
                case YEAR_FIRST -> y + between + m;
            };
        }

        /** The year after {@link #shifted}. */
        public int shiftedYear(int days) {
            return middle(year, month, days).getYear();
        }
    }

    /**
     * Where a month without its day goes when the dates around it move by {@code days}: its middle, the 15th, moved
     * (decision 0152). The one rule for a month and year in a note ({@link Found#shifted}) and in a column
     * ({@code DateValues.shift} of {@code 2018-06}), so that both come out as the same month.
     *
     * @throws java.time.DateTimeException for a month that is not 1 to 12 or a year out of range
     */
    public static LocalDate middle(int year, int month, int days) {
        return LocalDate.of(year, month, 15).plusDays(days);
    }

    /** How a month and year are written. */
    public enum Notation {
        /** {@code October 1995}, {@code Nov. 2019}, {@code March of 2004}, {@code marzo de 2004}. */
        WORD,
        /** {@code 03/2017}, {@code 3/2017}, {@code 03.2017}. */
        MONTH_FIRST,
        /** {@code 2018-06}, {@code 2018/06}. */
        YEAR_FIRST
    }

    /**
     * Abbreviations of other languages that are also words ({@code set}, {@code out}, {@code Sie}, {@code gen}): a month
     * only with a dot after them. The other languages' abbreviations count when capitalised ({@code Okt 2019}); full
     * names in every language and English's abbreviations count as they are written.
     */
    private static final Set<String> WORDS_OF_THEIR_OWN = Set.of("set", "sett", "out", "gen", "lis", "sie", "lip",
            "mag", "maj", "sty", "lut", "cze", "kwi", "wrz", "gru", "ago");

    /** Words written between a month and its year besides spaces: "March of 2004", "marzo de 2004", "maio del 2004". */
    private static final Set<String> LINKS = Set.of("of", "de", "del");

    private MonthYears() {
    }

    /** Whether a text may hold one: a run of four digits (cheap; {@link #find} decides). */
    public static boolean mayHold(int longestDigitRun) {
        return longestDigitRun >= 4;
    }

    /** The month and year that {@code value} is, whole ({@code 03/2017}, {@code October 1995}), or null. */
    public static Found whole(String value) {
        if (value.length() < 6 || value.length() > 24) {
            return null;
        }
        List<Found> found = find(value);
        return found.size() == 1 && found.get(0).start() == 0 && found.get(0).end() == value.length() ? found.get(0)
                : null;
    }

    /** Every month and year in {@code text}, in order. */
    public static List<Found> find(String text) {
        List<Found> out = null;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i - start != 4 || start > 0 && isLetterOrDigit(text.charAt(start - 1))) {
                continue;
            }
            int year = (text.charAt(start) - '0') * 1000 + (text.charAt(start + 1) - '0') * 100
                    + (text.charAt(start + 2) - '0') * 10 + (text.charAt(start + 3) - '0');
            if (year < 1800 || year > 2099) {
                continue;
            }
            Found f = yearFirst(text, start, year);
            if (f == null && (i == n || !followsOn(text, i))) {
                f = monthDigitsBefore(text, start, year);
                if (f == null) {
                    f = monthWordBefore(text, start, year);
                }
            }
            if (f != null) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(f);
                i = Math.max(i, f.end());
            }
        }
        return out == null ? List.of() : out;
    }

    /** Whether the year goes on into something else: a letter or digit, or a separator and a digit ("2019-03-12"). */
    private static boolean followsOn(String text, int end) {
        char c = text.charAt(end);
        if (isLetterOrDigit(c)) {
            return true;
        }
        return (c == '/' || c == '.' || c == '-' || c == ':' || c == ',') && end + 1 < text.length()
                && isDigit(text.charAt(end + 1));
    }

    /** {@code 2018-06}, {@code 2018/06}: a year not part of a longer date, a dash or slash, a month of two digits. */
    private static Found yearFirst(String text, int start, int year) {
        int n = text.length();
        int sep = start + 4;
        if (sep + 3 > n || text.charAt(sep) != '-' && text.charAt(sep) != '/') {
            return null;
        }
        if (start > 0 && "/.-:".indexOf(text.charAt(start - 1)) >= 0) {
            return null;
        }
        int end = sep + 3;
        if (!isDigit(text.charAt(sep + 1)) || !isDigit(text.charAt(sep + 2))) {
            return null;
        }
        if (end < n && (isLetterOrDigit(text.charAt(end))
                || "/.-:".indexOf(text.charAt(end)) >= 0 && end + 1 < n && isDigit(text.charAt(end + 1)))) {
            return null;
        }
        int month = (text.charAt(sep + 1) - '0') * 10 + (text.charAt(sep + 2) - '0');
        if (month < 1 || month > 12) {
            return null;
        }
        return new Found(start, end, year, month, Notation.YEAR_FIRST, null, text.substring(sep, sep + 1), 2);
    }

    /** {@code 03/2017}, {@code 3/2017}, {@code 03.2017} (two digits with a dot): no longer date, no fraction before. */
    private static Found monthDigitsBefore(String text, int start, int year) {
        if (start < 2) {
            return null;
        }
        char sep = text.charAt(start - 1);
        if (sep != '/' && sep != '.') {
            return null;
        }
        int end = start - 1;
        int from = end;
        while (from > 0 && end - from < 3 && isDigit(text.charAt(from - 1))) {
            from--;
        }
        int digits = end - from;
        if (digits < 1 || digits > 2 || sep == '.' && digits != 2) {
            return null;
        }
        if (from > 0) {
            char before = text.charAt(from - 1);
            if (isLetterOrDigit(before) || "/.-:,".indexOf(before) >= 0) {
                return null;
            }
        }
        int month = digits == 1 ? text.charAt(from) - '0'
                : (text.charAt(from) - '0') * 10 + (text.charAt(from + 1) - '0');
        if (month < 1 || month > 12) {
            return null;
        }
        return new Found(from, start + 4, year, month, Notation.MONTH_FIRST, null, String.valueOf(sep), digits);
    }

    /** {@code October 1995}, {@code Nov. 2019}, {@code March of 2004}, {@code Oktober, 1995}. */
    private static Found monthWordBefore(String text, int start, int year) {
        int i = start;
        int spaceEnd = i;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1)) && spaceEnd - i < 3) {
            i--;
        }
        if (i == spaceEnd || i == 0) {
            return null;
        }
        if (text.charAt(i - 1) == ',') {
            i--;
        }
        int wordEnd = i;
        int wordStart = letterRunStart(text, wordEnd);
        String word = text.substring(wordStart, wordEnd);
        if (LINKS.contains(word.toLowerCase(Locale.ROOT)) && wordStart > 0) {
            int j = wordStart;
            int k = j;
            while (j > 0 && Character.isWhitespace(text.charAt(j - 1)) && k - j < 3) {
                j--;
            }
            if (j == k) {
                return null;
            }
            wordEnd = j;
            wordStart = letterRunStart(text, wordEnd);
            word = text.substring(wordStart, wordEnd);
        }
        boolean dot = false;
        if (word.isEmpty() && wordEnd > 0 && text.charAt(wordEnd - 1) == '.') {
            dot = true;
            wordEnd--;
            wordStart = letterRunStart(text, wordEnd);
            word = text.substring(wordStart, wordEnd);
        }
        if (word.length() < 3 || wordStart > 0 && isLetterOrDigit(text.charAt(wordStart - 1))) {
            return null;
        }
        String between = text.substring(wordEnd, start);
        MonthNames.Month month = MonthNames.of(word, preferred(between));
        if (month == null || !takenForMonth(word, month, dot)) {
            return null;
        }
        return new Found(wordStart, start + 4, year, month.month(), Notation.WORD, word, between, 0);
    }

    /** Whether a word that names a month is written as a month is, before a year (the class comment says when). */
    private static boolean takenForMonth(String word, MonthNames.Month month, boolean dot) {
        if (dot || month.full() || MonthNames.languagesOf(word).contains(MonthNames.Language.EN)) {
            return true; // "octobre", "mars", "Oktober", "Nov.", "gen.", English's "Oct", "SEP", "Sept"
        }
        if (WORDS_OF_THEIR_OWN.contains(word.toLowerCase(Locale.ROOT))) {
            return false; // "set", "out", "Gen", "Sie", "lis", "ago" without a dot
        }
        return Character.isUpperCase(word.charAt(0)); // "Okt", "Dez", "Mär", "Janv": capitalised, as a month's abbreviation
    }

    /** Spanish and Portuguese write "de" between month and year: their month words are read in Spanish first. */
    private static MonthNames.Language preferred(String between) {
        return between.toLowerCase(Locale.ROOT).contains("de") ? MonthNames.Language.ES : null;
    }

    private static int letterRunStart(String text, int end) {
        int s = end;
        while (s > 0 && Character.isLetter(text.charAt(s - 1))) {
            s--;
        }
        return s;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
    }
}
