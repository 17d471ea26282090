package org.deidworkbench.deid;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Vietnamese names written without their marks (decision 0248): "Nguyen Van Hung", "TRAN THI MAI", "NGUYEN, VAN HUNG",
 * "Le Van Tam (brother)", "Duong Thi Thu Ha, RN", "Huong Do, NP", as a US or Australian note, an English-language
 * hospital's record and a Vietnamese system exporting without diacritics write them. A name is a surname of
 * {@link VietnameseText#SURNAMES} and one to three syllables, each capitalised (or all in capitals with the surname)
 * and shaped as a Vietnamese syllable is (an onset, one to three vowels, a coda of c, ch, m, n, ng, nh, p or t:
 * "Fort", "Resuscitate" are not); or, in English order, given syllables before a surname that ends the name ("Thanh
 * Nguyen"). Surnames that are also words or other peoples' names (Le, Do, Ho, To, Ha, Mai, Lam, Kim …) need more: two
 * syllables after them, or a middle name (Van, Thi, Duc …) first ("Do Not Resuscitate", "Le Fort" and "To Be Seen"
 * stay); before one of them, a given name of a short list ("Huong Do", not "Seen Le"). The provinces and their cities
 * written so ("Ho Chi Minh City", "Ha Noi") are no name: {@link #provinces} gives them, for the scrubber to drop the
 * names other finders see there. Only a text with a capitalised surname before a space or a comma is looked at
 * ({@link #mayHold}: each capitalised word compared with the few surnames of its first letter, without a copy).
 * Stateless and thread-safe.
 */
public final class VietnameseNames {

    private VietnameseNames() {
    }

    /** Surnames that are no English, French or other word or name in their own right: one syllable after is a name. */
    private static final Set<String> STRONG = Set.of("NGUYEN", "TRAN", "PHAM", "HOANG", "HUYNH", "PHAN", "DANG", "BUI",
            "DUONG", "TRINH", "DINH", "DOAN", "TRUONG", "VUONG", "QUACH", "LUONG", "PHUNG", "KIEU", "NGHIEM", "TRIEU",
            "KHUC", "DIEP", "NONG", "KHUONG", "THIEU", "VU", "VO", "NGO", "LUU", "CHAU", "DAO", "DOI");

    /**
     * Every surname of {@link VietnameseText#SURNAMES} without its marks, upper case (one word: "Nguyễn Thị" and "Văn
     * Đình" are read by their first).
     */
    private static final Set<String> SURNAMES;
    /** The surnames by their first letter, A–Z, for {@link #mayHold}'s comparisons without a copy. */
    private static final String[][] BY_LETTER = new String[26][];

    static {
        Set<String> all = new HashSet<>();
        for (String s : VietnameseText.SURNAMES) {
            String p = VietnameseText.plain(s);
            if (p.indexOf(' ') < 0 && p.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                all.add(p);
            }
        }
        SURNAMES = Set.copyOf(all);
        for (char c = 'A'; c <= 'Z'; c++) {
            final char first = c;
            BY_LETTER[c - 'A'] = all.stream().filter(s -> s.charAt(0) == first).sorted().toArray(String[]::new);
        }
    }

    /** Middle names and first given syllables after which a surname of two letters is a name ("Le Van Tam"). */
    private static final Set<String> MIDDLE = Set.of("VAN", "THI", "DUC", "HUU", "QUOC", "NGOC", "XUAN", "MINH",
            "THANH", "CONG", "DINH", "HONG", "KIM", "BAO", "GIA", "HOANG", "TRUNG", "VIET", "QUANG", "MANH", "TUAN",
            "THU", "THUY", "PHUONG", "ANH", "NHU", "TIEN", "DANG", "TRONG", "HAI", "NGUYET", "BICH", "DIEU", "KHANH");

    /** Given names before a two-letter or ordinary-word surname at a name's end ("Huong Do", "Khoa Le", "Minh Vo"). */
    private static final Set<String> GIVEN = Set.of("HUNG", "HUONG", "KHOA", "THANH", "MINH", "LINH", "MAI", "LAN",
            "TUAN", "ANH", "DUNG", "HOA", "HAI", "NAM", "LONG", "PHUONG", "TRANG", "THAO", "HIEN", "HANH", "NGOC", "THUY",
            "QUANG", "VINH", "HIEU", "DUC", "TAM", "BINH", "HOANG", "SON", "CUONG", "TRUNG", "KHANH", "LOAN", "NGA", "YEN",
            "THU", "TIEN", "HUY", "PHUC", "VY", "VAN", "DAT", "TAI", "QUYNH", "NHUNG", "HANG", "HUE",
            "LIEN", "OANH", "TUYET", "DIEP", "KHAI", "LOC", "BAO", "QUOC", "THI", "TRUC", "UYEN", "XUAN", "HOAI", "HAU");

    /**
     * English words shaped as syllables that stand beside a surname in ordinary text ("To Be Seen", "Do Not Use",
     * "READ BACK BY LINH NGUYEN"): no syllable of a name.
     */
    private static final Set<String> ENGLISH = Set.of("BE", "SEE", "SEEN", "THE", "THEN", "THAN", "THEM", "NOT", "CAN",
            "MAY", "ON", "IN", "AN", "AT", "IT", "UP", "AM", "TO", "DO", "GO", "NO", "SO", "ME", "HE", "WE", "PUT", "GET",
            "LET", "SET", "YET", "BUT", "HIM", "HOT", "TOP", "MAN", "MEN", "SON", "SUN", "RUN", "TEN", "NOON", "SOON",
            "TEAM", "MAIN", "PAIN", "ONE", "OUT", "OFF", "ALL", "AND", "OR", "BOTH", "BY", "MY", "THAT", "MET",
            "MEET", "HIT", "CUT", "SIT", "PAT");

    /** A Vietnamese syllable without its marks, upper case. */
    private static final Pattern SYLLABLE = Pattern.compile(
            "(?:NGH|NG|NH|CH|GH|GI|KH|PH|QU|TH|TR|[BCDGHKLMNPRSTVX])?[AEIOUY]{1,3}(?:CH|NG|NH|[CMNPT])?");

    /**
     * Whether a capitalised surname of the list starts a word of the text and a space or a comma follows it: the only
     * texts {@link #find} reads. {@code wordStarts} are where ASCII letters follow something else
     * ({@code TextScrubber.Shape}'s).
     */
    static boolean mayHold(String text, int[] wordStarts, int count) {
        for (int k = 0; k < count; k++) {
            int i = wordStarts[k];
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                continue;
            }
            int end = i + 1;
            while (end < text.length() && end - i <= 6 && asciiLetter(text.charAt(end))) {
                end++;
            }
            if (end - i < 2 || end - i > 6 || end >= text.length() || text.charAt(end) != ' ' && text.charAt(end) != ',') {
                continue;
            }
            for (String s : BY_LETTER[c - 'A']) {
                if (s.length() == end - i && text.regionMatches(true, i, s, 0, end - i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean asciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** The words of a text: runs of ASCII letters, as {start, end}; a word joined to other letters is none. */
    private static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int s = i;
            boolean ascii = true;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || Character.getType(text.charAt(i))
                    == Character.NON_SPACING_MARK)) {
                ascii &= asciiLetter(text.charAt(i));
                i++;
            }
            if (ascii) {
                out.add(new int[] {s, i});
            }
        }
        return out;
    }

    /** The names of the text as {start, end}, in order. */
    public static List<int[]> find(String text) {
        List<int[]> out = new ArrayList<>();
        List<int[]> words = words(text);
        int n = words.size();
        int done = 0; // words before this one are taken
        for (int i = 0; i < n; i++) {
            int[] w = words.get(i);
            String up = upper(text, w);
            if (!SURNAMES.contains(up) || !Character.isUpperCase(text.charAt(w[0]))) {
                continue;
            }
            boolean capitals = capitals(text, w);
            // surname first: "Nguyen Van Hung", "TRAN THI MAI", "NGUYEN, VAN HUNG"
            int end = syllables(text, words, i + 1, 3, capitals, true);
            if (end > i + 1 && surnameFirst(up, text, words, i, end) && !province(text, words, i, end)) {
                if (adjacent(text, words, i, i + 1, ", ")) {
                    out.add(new int[] {w[0], w[1]}); // "NGUYEN, VAN HUNG": "[NAME], [NAME]", as a list writes it
                    out.add(new int[] {words.get(i + 1)[0], words.get(end - 1)[1]});
                } else {
                    out.add(new int[] {w[0], words.get(end - 1)[1]});
                }
                done = end;
                i = end - 1;
                continue;
            }
            // given names first: "Thanh Nguyen", "Quoc Bao Tran", "Huong Do"
            int start = i;
            while (start > done && i - start < 2 && adjacent(text, words, start - 1, start, " ")
                    && syllable(text, words.get(start - 1), capitals)) {
                start--;
            }
            if (start < i && givenFirst(up, text, words, start, i) && !province(text, words, start, i + 1)) {
                out.add(new int[] {words.get(start)[0], w[1]});
                done = i + 1;
            }
        }
        return out;
    }

    private static boolean surnameFirst(String surname, String text, List<int[]> words, int i, int end) {
        return STRONG.contains(surname) || end - i >= 3 || MIDDLE.contains(upper(text, words.get(i + 1)));
    }

    private static boolean givenFirst(String surname, String text, List<int[]> words, int start, int i) {
        return STRONG.contains(surname) || GIVEN.contains(upper(text, words.get(i - 1)));
    }

    /**
     * The end (exclusive word index) of up to {@code max} name syllables from {@code from}: one space apart, the
     * first after a space (or a comma and a space, {@code comma}).
     */
    private static int syllables(String text, List<int[]> words, int from, int max, boolean capitals, boolean comma) {
        if (from >= words.size() || !adjacent(text, words, from - 1, from, " ")
                && !(comma && adjacent(text, words, from - 1, from, ", "))) {
            return from;
        }
        int k = from;
        while (k < words.size() && k - from < max && syllable(text, words.get(k), capitals)
                && (k == from || adjacent(text, words, k - 1, k, " "))) {
            k++;
        }
        return k;
    }

    /** Whether exactly {@code between} stands between words {@code a} and {@code b}. */
    private static boolean adjacent(String text, List<int[]> words, int a, int b, String between) {
        int end = words.get(a)[1];
        return words.get(b)[0] - end == between.length() && text.startsWith(between, end);
    }

    /** Whether the word, without marks, is a surname of the list ("Le", "NGUYEN"). */
    static boolean surname(String word) {
        return SURNAMES.contains(word.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether {@code text[start, end)} is one capitalised syllable of a Vietnamese shape written without its marks
     * ("Lan", "Khoa"; all in capitals too).
     */
    static boolean nameSyllable(String text, int start, int end) {
        return syllable(text, new int[] {start, end}, capitals(text, new int[] {start, end}));
    }

    /**
     * A capitalised syllable (all capitals in a name in capitals) of a Vietnamese shape, no English word of that shape
     * ("BY" of "READ BACK BY LINH NGUYEN", "NOT" of "DO NOT USE").
     */
    private static boolean syllable(String text, int[] w, boolean capitals) {
        int len = w[1] - w[0];
        if (len > 7 || !Character.isUpperCase(text.charAt(w[0]))) {
            return false;
        }
        for (int i = w[0] + 1; i < w[1]; i++) {
            if (capitals != Character.isUpperCase(text.charAt(i))) {
                return false;
            }
        }
        String up = upper(text, w);
        return len > 1 && SYLLABLE.matcher(up).matches() && !ENGLISH.contains(up);
    }

    private static boolean capitals(String text, int[] w) {
        return w[1] - w[0] > 1 && Character.isUpperCase(text.charAt(w[1] - 1));
    }

    private static String upper(String text, int[] w) {
        return text.substring(w[0], w[1]).toUpperCase(Locale.ROOT);
    }

    /** Whether words {@code [from, end)} begin or end with a province's or a province city's name. */
    private static boolean province(String text, List<int[]> words, int from, int end) {
        for (int a = from; a < end; a++) {
            for (int b = end; b > a + 1; b--) {
                if (VietnameseText.province(text.substring(words.get(a)[0], words.get(b - 1)[1])
                        .toUpperCase(Locale.ROOT))) {
                    return a == from || b == end;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- provinces

    /** The same as written: title case or capitals, "City" or "CITY" after it ("Ho Chi Minh City"). */
    private static final Pattern PROVINCE_NAMES;

    static {
        List<String> alternatives = new ArrayList<>();
        for (String p : VietnameseText.provinceList()) {
            String unmarked = unmarked(p);
            if (unmarked.indexOf(' ') < 0) {
                continue;
            }
            for (String v : List.of(unmarked, unmarked.toUpperCase(Locale.ROOT))) {
                String q = Pattern.quote(v);
                if (!alternatives.contains(q)) {
                    alternatives.add(q);
                }
            }
        }
        alternatives.sort((a, b) -> b.length() - a.length());
        PROVINCE_NAMES = Pattern.compile("(?<![A-Za-z])(?:" + String.join("|", alternatives)
                + ")(?:\\h(?:City|CITY))?(?![A-Za-z])");
    }

    /** The word without its marks, {@code Đ} as {@code D}, case kept. */
    static String unmarked(String w) {
        String d = Normalizer.normalize(w, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(c == 'đ' ? 'd' : c == 'Đ' ? 'D' : c);
            }
        }
        return b.toString();
    }

    /**
     * The provinces' and province cities' names written without marks in the text ("Ho Chi Minh City", "HA NOI"), as
     * {start, end}: kept as a state is, so that no name found inside one is taken there.
     */
    public static List<int[]> provinces(String text) {
        return VietnameseText.matches(PROVINCE_NAMES, text);
    }
}
