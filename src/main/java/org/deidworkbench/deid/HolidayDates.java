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
 * alone ({@code Reyes}, {@code Valentine}) are not listed.
 *
 * <p>Without its year a holiday names a day too (decision 0189), and one the shift of the patient's dates does not
 * move: {@code seen on Christmas Day} beside an admission shifted to July tells the offset. A holiday of more than one
 * word or one that only names the day ({@code Christmas Eve}, {@code Good Friday}, {@code Heiligabend}, {@code
 * Nochevieja}) is a date wherever it stands; one that is a word otherwise too ({@code Christmas}, {@code Easter},
 * {@code Thanksgiving}, {@code Noël}, {@code Natal}, {@code Silvester}) only written with a capital after a word of
 * time of its own language ({@code over Christmas}, {@code since Easter}, {@code an Ostern}, {@code à Noël}, {@code no
 * Natal}), and not before {@code disease}, {@code factor}, {@code island}, {@code teeth} or {@code cleft}. Stateless
 * and thread-safe.
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
            + "|natale?|vigilia\\s+di\\s+natale|capodanno|pasquetta|ferragosto|san\\s+silvestro"
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

    /** A holiday where a word starts, ending where a word ends. */
    private static final Pattern AT_WORD = Pattern.compile("(?iu)(?:" + HOLIDAY + ")(?![\\p{L}\\p{N}])");

    /** A holiday that is a word otherwise too, by the language whose words of time must stand before it. */
    private static final java.util.Map<String, String> AMBIGUOUS = java.util.Map.ofEntries(
            java.util.Map.entry("christmas", "en"), java.util.Map.entry("xmas", "en"), java.util.Map.entry("x-mas", "en"),
            java.util.Map.entry("easter", "en"), java.util.Map.entry("thanksgiving", "en"),
            java.util.Map.entry("halloween", "en"), java.util.Map.entry("weihnachten", "de"),
            java.util.Map.entry("ostern", "de"), java.util.Map.entry("pfingsten", "de"),
            java.util.Map.entry("silvester", "de"), java.util.Map.entry("no\u00ebl", "fr"),
            java.util.Map.entry("noel", "fr"), java.util.Map.entry("p\u00e2ques", "fr"), java.util.Map.entry("paques", "fr"),
            java.util.Map.entry("toussaint", "fr"), java.util.Map.entry("navidad", "es"),
            java.util.Map.entry("natale", "it"), java.util.Map.entry("kerstmis", "nl"), java.util.Map.entry("pasen", "nl"),
            java.util.Map.entry("pinksteren", "nl"), java.util.Map.entry("natal", "pt"),
            java.util.Map.entry("p\u00e1scoa", "pt"), java.util.Map.entry("pascoa", "pt"));

    /** Words of time before a holiday, by language: prepositions and "this", "last", "next". */
    private static final java.util.Map<String, Set<String>> TIME_WORDS = java.util.Map.of(
            "en", Set.of("on", "over", "at", "since", "before", "after", "during", "until", "till", "til", "around",
                    "by", "for", "from", "this", "last", "next", "past", "through", "thru", "pre", "post"),
            "de", Set.of("an", "am", "\u00fcber", "ueber", "zu", "zum", "seit", "vor", "nach", "bis", "um", "ab",
                    "letzte", "letzten", "letztes", "diese", "diesen", "dieses", "n\u00e4chste", "n\u00e4chsten",
                    "naechste", "naechsten", "kommende", "kommenden", "vergangene", "vergangenen"),
            "fr", Set.of("\u00e0", "a", "depuis", "avant", "apr\u00e8s", "apres", "pendant", "pour", "d\u00e8s",
                    "vers", "la", "le"),
            "es", Set.of("en", "desde", "antes", "despu\u00e9s", "despues", "hasta", "para", "por", "tras", "durante",
                    "la", "esta"),
            "it", Set.of("a", "da", "dopo", "prima", "per", "durante", "fino", "verso", "questo"),
            "nl", Set.of("met", "sinds", "na", "voor", "tijdens", "rond", "tot", "vanaf", "deze", "vorige",
                    "afgelopen"),
            "pt", Set.of("no", "na", "desde", "antes", "depois", "at\u00e9", "ate", "durante", "pelo", "pela", "neste",
                    "nesta"));

    /**
     * Words after a holiday's name that make it another thing: Christmas disease (haemophilia B), Easter Island, natal
     * teeth and the natal cleft (English words "No Natal teeth" a newborn's exam writes).
     */
    private static final Set<String> NOT_A_DAY_AFTER = Set.of("disease", "factor", "island", "teeth", "tooth", "cleft");

    private HolidayDates() {
    }

    /**
     * Each holiday without its year that names a day (see the class), as {@code {start, end}}, in order.
     *
     * @param starts where ASCII letters follow something other than an ASCII letter, digit or {@code _}, in order
     *     ({@code TextScrubber.Shape}'s word starts)
     * @param count how many of {@code starts} there are
     */
    static List<int[]> findWithoutYear(String text, int[] starts, int count) {
        List<int[]> out = null;
        Matcher m = null;
        int n = text.length();
        int last = -1;
        for (int k = 0; k < count; k++) {
            int i = starts[k];
            if (i < last || i + 4 > n || !mayStartAHoliday(text, i)
                    || i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')) {
                continue;
            }
            int w = i + 1;
            while (w < n && Character.isLetter(text.charAt(w))) {
                w++;
            }
            if (!(w - i == 1 ? text.charAt(w) == '-' : FIRST_WORDS.contains(text.substring(i, w).toLowerCase(Locale.ROOT)))) {
                continue; // "the", "patient", "chest": most words share a holiday's first two letters, not its first word
            }
            if (m == null) {
                m = AT_WORD.matcher(text);
            }
            m.region(i, n);
            if (!m.lookingAt() || !namesADay(text, m.start(), m.end())) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(1);
            }
            out.add(new int[] {m.start(), m.end()});
            last = m.end();
        }
        return out == null ? List.of() : out;
    }

    /** Whether the holiday at {@code [start, end)} names a day here: of several words, one that only names it, or ... */
    private static boolean namesADay(String text, int start, int end) {
        String word = text.substring(start, end).toLowerCase(Locale.ROOT);
        String language = AMBIGUOUS.get(word);
        if (language == null) {
            return true;
        }
        // ... written with a capital after a word of time of its language, and not the name of something else
        if (!Character.isUpperCase(text.charAt(start))) {
            return false;
        }
        String next = wordAt(text, skipSpaces(text, end));
        if (next != null && NOT_A_DAY_AFTER.contains(next.toLowerCase(Locale.ROOT))) {
            return false;
        }
        int e = start;
        while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        int b = e;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        return b < e && e < start && TIME_WORDS.get(language).contains(text.substring(b, e).toLowerCase(Locale.ROOT));
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The word of letters at {@code at}, or null. */
    private static String wordAt(String text, int at) {
        int e = at;
        while (e < text.length() && Character.isLetter(text.charAt(e))) {
            e++;
        }
        return e > at ? text.substring(at, e) : null;
    }

    /** The first word of every holiday above, in lower case ("x" of "x-mas" apart). */
    private static final Set<String> FIRST_WORDS = Set.of("christmas", "xmas", "new", "thanksgiving", "easter", "good",
            "independence", "fourth", "memorial", "labor", "labour", "veterans", "halloween", "valentine", "valentines",
            "mother", "mothers", "father", "fathers", "boxing", "canada", "australia", "anzac", "waitangi", "guy",
            "bonfire", "st", "saint", "juneteenth", "remembrance", "hogmanay", "heiligabend", "weihnachten", "erster",
            "zweiter", "silvester", "neujahr", "ostern", "ostersonntag", "ostermontag", "karfreitag", "pfingsten",
            "pfingstmontag", "rosenmontag", "no\u00ebl", "noel", "r\u00e9veillon", "reveillon", "nouvel", "jour",
            "p\u00e2ques", "paques", "toussaint", "navidad", "nochebuena", "nochevieja", "a\u00f1o", "ano", "d\u00eda",
            "dia", "viernes", "natale", "natal", "vigilia", "capodanno", "pasquetta", "ferragosto", "san", "kerstmis",
            "kerstavond", "eerste", "tweede", "oudejaarsavond", "oudejaarsdag", "nieuwjaarsdag", "pasen", "pinksteren",
            "koningsdag", "v\u00e9spera", "vespera", "p\u00e1scoa", "pascoa");

    /**
     * The first two letters of {@link #FIRST_WORDS}: a word starting otherwise is not looked at. Those of two ASCII
     * letters by the first's and the second's place in the alphabet; the others ({@code ré}, {@code pâ}, {@code añ},
     * {@code dí}, {@code vé}, {@code pá}) as written.
     */
    private static final boolean[] ASCII_FIRST_LETTERS = new boolean[26 * 26];
    private static final Set<String> OTHER_FIRST_LETTERS;

    static {
        Set<String> other = new java.util.HashSet<>();
        for (String w : FIRST_WORDS) {
            if (isAsciiLetter(w.charAt(0)) && isAsciiLetter(w.charAt(1))) {
                ASCII_FIRST_LETTERS[(w.charAt(0) - 'a') * 26 + w.charAt(1) - 'a'] = true;
            } else {
                other.add(w.substring(0, 2));
            }
        }
        OTHER_FIRST_LETTERS = Set.copyOf(other);
    }

    /** Whether the word at {@code i} (an ASCII letter, one more character after it) may start a holiday. */
    private static boolean mayStartAHoliday(String text, int i) {
        char a = (char) (text.charAt(i) | 0x20);
        char b = text.charAt(i + 1);
        if (b < 0x80) {
            b = (char) (b | 0x20);
            return b >= 'a' && b <= 'z' && ASCII_FIRST_LETTERS[(a - 'a') * 26 + b - 'a']
                    || b == '-' && a == 'x';
        }
        return OTHER_FIRST_LETTERS.contains(new String(new char[] {a, Character.toLowerCase(b)}));
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
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
