package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A holiday with its year names a day as a date does (decision 0186): {@code Christmas Eve 2021}, {@code Thanksgiving
 * 2022}, {@code Easter Sunday 2023}, {@code New Year's Eve, 2019}, {@code Weihnachten 2021}, {@code Noël 2020},
 * {@code Nochebuena de 2021}, {@code Kerstmis 2022}. Holidays of the languages the corpus' notes are written in
 * (English as the US, UK, Canada, Australia and New Zealand keep them, German, French, Spanish, Italian, Dutch,
 * Portuguese); those that name a season or a week ({@code Semana Santa}, {@code Carnaval}) or are also common names
 * alone ({@code Reyes}, {@code Valentine}) are not listed. Without a year the holiday is left: "over Christmas" is a
 * season. Stateless and thread-safe.
 */
final class HolidayDates {

    private static final String APOSTROPHE = "['\u2019]?";
    private static final String HOLIDAY = "christmas(?:\\s+(?:eve|day))?|x-?mas(?:\\s+(?:eve|day))?"
            + "|new\\s+year" + APOSTROPHE + "s?\\s+(?:eve|day)|thanksgiving(?:\\s+day)?"
            + "|easter(?:\\s+(?:sunday|monday|day))?|good\\s+friday|independence\\s+day"
            + "|(?:the\\s+)?fourth\\s+of\\s+july|memorial\\s+day|labou?r\\s+day"
            + "|veterans" + APOSTROPHE + "\\s+day|halloween"
            + "|valentine" + APOSTROPHE + "s\\s+day|mother" + APOSTROPHE + "s\\s+day|father" + APOSTROPHE + "s\\s+day"
            + "|boxing\\s+day|canada\\s+day|australia\\s+day|anzac\\s+day|waitangi\\s+day|guy\\s+fawkes(?:\\s+night)?"
            + "|bonfire\\s+night|(?:st\\.?|saint)\\s+patrick" + APOSTROPHE + "s\\s+day|juneteenth|remembrance\\s+day"
            + "|hogmanay|heiligabend|weihnachten|(?:erster|zweiter)\\s+weihnachtsfeiertag|silvester|neujahr|ostern"
            + "|ostersonntag|ostermontag|karfreitag|pfingsten|pfingstmontag|rosenmontag"
            + "|no[e\u00eb]l|r[e\u00e9]veillon|nouvel\\s+an|jour\\s+de\\s+l['\u2019]an|p[a\u00e2]ques|toussaint"
            + "|navidad|nochebuena|nochevieja|a[n\u00f1]o\\s+nuevo|d[i\u00ed]a\\s+de\\s+reyes|viernes\\s+santo"
            + "|natale|vigilia\\s+di\\s+natale|capodanno|pasquetta|ferragosto|san\\s+silvestro"
            + "|kerstmis|kerstavond|(?:eerste|tweede)\\s+kerstdag|oudejaarsavond|oudejaarsdag|nieuwjaarsdag|pasen"
            + "|pinksteren|koningsdag|v[e\u00e9]spera\\s+de\\s+natal|p[a\u00e1]scoa";

    /**
     * A holiday ending where a window ends, before its year: the holiday, then a comma, a preposition of the year
     * ("of", "de", "von", …) or spaces.
     */
    private static final Pattern BEFORE_YEAR = Pattern.compile("(?iu)(?<![\\p{L}\\p{N}'\u2019])(?:" + HOLIDAY
            + ")(?:,?\\s+(?:of|in|de|del|di|von|van|do|da)\\s+|,\\s*|\\s+)$");

    /** The longest holiday with what stands before its year, and some. */
    private static final int WINDOW = 48;

    /**
     * The last word of every holiday above, in lower case: the word before a year (or before its preposition) must be
     * one, or the window is not looked at (most years stand after a slash, a dash or a number).
     */
    private static final Set<String> LAST_WORDS = Set.of("christmas", "xmas", "mas", "eve", "day", "thanksgiving",
            "easter", "sunday", "monday", "friday", "july", "halloween", "night", "fawkes", "juneteenth", "hogmanay",
            "heiligabend", "weihnachten", "weihnachtsfeiertag", "silvester", "neujahr", "ostern", "ostersonntag",
            "ostermontag", "karfreitag", "pfingsten", "pfingstmontag", "rosenmontag", "no\u00ebl", "noel",
            "r\u00e9veillon", "reveillon", "an", "p\u00e2ques", "paques", "toussaint", "navidad", "nochebuena",
            "nochevieja", "nuevo", "reyes", "santo", "natale", "capodanno", "pasquetta", "ferragosto", "silvestro",
            "kerstmis", "kerstavond", "kerstdag", "oudejaarsavond", "oudejaarsdag", "nieuwjaarsdag", "pasen",
            "pinksteren", "koningsdag", "natal", "p\u00e1scoa", "pascoa");
    private static final Set<String> YEAR_PREPOSITIONS = Set.of("of", "in", "de", "del", "di", "von", "van", "do", "da");

    private HolidayDates() {
    }

    /** Whether a text may hold one (cheap; {@link #find} decides): a run of four digits, a year's. */
    static boolean mayHold(int longestDigitRun) {
        return longestDigitRun >= 4;
    }

    /** Each holiday with its year, as {@code {start, end}}, in order. */
    static List<int[]> find(String text) {
        List<int[]> out = null;
        int n = text.length();
        for (int i = 0; i + 4 <= n; i++) {
            char c = text.charAt(i);
            if (c != '1' && c != '2' || i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                continue;
            }
            if (!isYear(text, i) || i + 4 < n && Character.isDigit(text.charAt(i + 4))) {
                continue;
            }
            if (!lastWordMayEndAHoliday(text, i)) {
                i += 3;
                continue;
            }
            int from = Math.max(0, i - WINDOW);
            Matcher m = BEFORE_YEAR.matcher(text).region(from, i).useTransparentBounds(true);
            if (m.find()) {
                if (out == null) {
                    out = new ArrayList<>(1);
                }
                out.add(new int[] {m.start(), i + 4});
            }
            i += 3;
        }
        return out == null ? List.of() : out;
    }

    /** Whether the word before the year at {@code year} (past a comma and one preposition) may end a holiday. */
    private static boolean lastWordMayEndAHoliday(String text, int year) {
        int end = skipBack(text, year);
        for (int words = 0; words < 2 && end > 0 && Character.isLetter(text.charAt(end - 1)); words++) {
            int start = end;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            String word = text.substring(start, end).toLowerCase(Locale.ROOT);
            if (LAST_WORDS.contains(word)) {
                return true;
            }
            if (!YEAR_PREPOSITIONS.contains(word)) {
                return false;
            }
            end = skipBack(text, start);
        }
        return false;
    }

    /** Before {@code at}, past spaces and a comma. */
    private static int skipBack(String text, int at) {
        int k = at;
        while (k > 0 && (Character.isWhitespace(text.charAt(k - 1)) || text.charAt(k - 1) == ',')) {
            k--;
        }
        return k;
    }

    /** 1900–2099 at {@code i}. */
    private static boolean isYear(String text, int i) {
        char a = text.charAt(i);
        char b = text.charAt(i + 1);
        return (a == '1' && b == '9' || a == '2' && b == '0') && Character.isDigit(text.charAt(i + 2))
                && Character.isDigit(text.charAt(i + 3));
    }
}
