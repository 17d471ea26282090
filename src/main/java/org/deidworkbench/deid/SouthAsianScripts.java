package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names and places in Bangla and Urdu running text (decision 0250), as the registers of Bangladeshi and Pakistani
 * hospitals write them. Neither script has capitals, so a name is found by the word before it, as {@link
 * MiddleEasternNames} finds Arabic ones:
 * <ul>
 * <li>Bangla: after a name's label ({@code রোগীর নাম:}, {@code পিতা:}, {@code স্বামী}, {@code মেয়ে}, {@code ডাঃ}), past
 * the honorifics that stay ({@code মোঃ}, {@code মোছাঃ}, {@code শ্রী}), one to four words up to a comma, a danda, a
 * bracket, a digit or a word of the sentence ({@code সাথে}, {@code দেখেছেন}); after an address's label ({@code গ্রাম},
 * {@code ডাকঘর}, {@code থানা}, {@code উপজেলা}, {@code ইউনিয়ন}, {@code জেলা}, {@code মহল্লা}) its place, after
 * {@code ঠিকানা} (address) the address up to the sentence's end, a house's or a road's number
 * ({@code বাড়ি নং ১২});</li>
 * <li>Urdu: after {@code سکنہ} (resident of), {@code موضع} (mauza), {@code گاؤں} (village), {@code تحصیل},
 * {@code ضلع}, {@code محلہ} their place, {@code چک نمبر 45} and a house's number ({@code مکان نمبر 12}), each up to an
 * Urdu comma or full stop; the names after {@code ولد}, {@code زوجہ}, {@code نام:} are {@link MiddleEasternNames}'.</li>
 * </ul>
 * A division (বিভাগ) is kept as a state is. The text is matched folded ({@link TextFolding}: Bengali digits as ASCII
 * ones, no zero-width joiners). Stateless and thread-safe.
 */
public final class SouthAsianScripts {

    /** A name, place or address found: {@code [start, end)} and its replacement; null marks a cue kept out of names. */
    public record Found(int start, int end, String replacement) {
    }

    private SouthAsianScripts() {
    }

    /** Whether the character is a Bengali letter, vowel sign, virama or visarga (not a digit). */
    static boolean bengali(char c) {
        return c >= '\u0980' && c <= '\u09E3' || c == '\u09F0' || c == '\u09F1';
    }

    // ---------------------------------------------------------------- Bangla

    /** Labels and kin words after which a name follows: a name's label, a relative, a physician, the patient. */
    private static final Set<String> BN_NAME_CUES = bn("নাম", "পিতা", "মাতা", "স্বামী", "স্ত্রী", "পুত্র", "ছেলে",
            "কন্যা", "মেয়ে", "ভাই", "বোন", "বাবা", "মা", "অভিভাবক", "ডাঃ", "ডা", "ডাক্তার", "জনাব", "রোগী", "রোগিনী",
            "নার্স", "সেবিকা", "শিশু");
    /** Honorifics before a name that stay and are no word of it: Md., Mst., Sri, Srimati, Janab, Dr. */
    private static final Set<String> BN_HONORIFICS = bn("মোঃ", "মো", "মোহাম্মদ", "মোছাঃ", "মোছা", "মোসাঃ",
            "মোসাম্মৎ", "মোসাম্মত", "শ্রী", "শ্রীমতী", "জনাব", "ডাঃ", "ডা", "বেগম");
    /** Words after a kin word that are the sentence's, not a name: with, came, saw, said, admitted, age, fever … */
    private static final Set<String> BN_NOT_NAMES = bn("সাথে", "সঙ্গে", "আছেন", "আছে", "এসেছেন", "এসেছে",
            "দেখেছেন", "বলেন", "জানান", "ভর্তি", "হয়েছে", "হয়েছেন", "বয়স", "বছর", "জ্বর", "ও", "এবং", "কে", "এর",
            "নিয়ে", "মারা", "গেছেন", "সুস্থ", "অসুস্থ", "জীবিত", "নেই", "হাসপাতালে", "বাড়িতে", "ফোন", "মোবাইল",
            "গ্রাম", "ডাকঘর", "থানা", "উপজেলা", "জেলা", "ঠিকানা", "তারিখ", "ভর্তির", "নাম", "পিতা", "মাতা", "স্বামী");
    /** Labels of a place: village, post office, police station, sub-district, union, district, neighbourhood, ward. */
    private static final Set<String> BN_PLACE_LABELS = bn("গ্রাম", "ডাকঘর", "পোস্ট", "থানা", "উপজেলা",
            "ইউনিয়ন", "জেলা", "মহল্লা", "ওয়ার্ড", "সাং", "পোঃ", "থানাঃ", "গ্রামঃ");
    /** Labels of an address: the address, a house, a road, a holding. */
    private static final Set<String> BN_ADDRESS_LABELS = bn("ঠিকানা", "বাড়ি", "বাসা", "রোড", "হোল্ডিং");

    /** The words, each as {@link #bn(String)} writes it. */
    private static Set<String> bn(String... words) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(bn(w));
        }
        return Set.copyOf(out);
    }

    /**
     * A Bangla word with its nukta letters in one writing: য়, ড়, ঢ় as the letter and the nukta (U+09AF U+09BC …), as
     * keyboards type them and as Unicode's normalization leaves them; the precomposed forms are read the same.
     */
    static String bn(String w) {
        if (w.indexOf('\u09DC') < 0 && w.indexOf('\u09DD') < 0 && w.indexOf('\u09DF') < 0) {
            return w;
        }
        return w.replace("\u09DC", "\u09A1\u09BC").replace("\u09DD", "\u09A2\u09BC").replace("\u09DF", "\u09AF\u09BC");
    }

    /** Whether the text holds a Bengali letter (no other text holds what {@link #bangla} finds). */
    static boolean mayHoldBangla(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (bengali(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The Bangla words of a text: runs of Bengali letters and signs, as {start, end}. */
    private static List<int[]> banglaWords(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            if (!bengali(text.charAt(i))) {
                i++;
                continue;
            }
            int s = i;
            while (i < n && bengali(text.charAt(i))) {
                i++;
            }
            out.add(new int[] {s, i});
        }
        return out;
    }

    /** Names, places and addresses in Bangla text. */
    public static List<Found> bangla(String text) {
        List<Found> out = new ArrayList<>();
        List<int[]> words = banglaWords(text);
        int n = words.size();
        for (int i = 0; i < n; i++) {
            String w = word(text, words.get(i));
            if (BN_ADDRESS_LABELS.contains(w) || BN_PLACE_LABELS.contains(w)) {
                int end = placeEnd(text, words, i, BN_ADDRESS_LABELS.contains(w));
                if (end > i + 1) {
                    int from = words.get(i + 1)[0];
                    if (BN_ADDRESS_LABELS.contains(w) && !w.equals(bn("ঠিকানা"))) {
                        from = words.get(i)[0]; // "বাড়ি নং ১২": the house with its number
                    }
                    out.add(new Found(from, placeEndOffset(text, words, end), BN_ADDRESS_LABELS.contains(w)
                            ? "[ADDRESS]" : "[LOCATION]"));
                    i = end - 1;
                }
                continue;
            }
            if (!BN_NAME_CUES.contains(w)) {
                continue;
            }
            // the label's colon (or visarga), then honorifics that stay
            int k = i + 1;
            boolean labelled = k < n && separatedBy(text, words.get(i)[1], words.get(k)[0], ":ঃ-");
            while (k < n && BN_HONORIFICS.contains(word(text, words.get(k)))
                    && separatedBy(text, words.get(k - 1)[1], words.get(k)[0], ":ঃ-.")) {
                k++;
                labelled = true;
            }
            if (k >= n || !separatedBy(text, words.get(k - 1)[1], words.get(k)[0], ":ঃ-.")) {
                continue;
            }
            int end = k;
            while (end < n && end - k < 4 && !BN_NOT_NAMES.contains(word(text, words.get(end)))
                    && !BN_NAME_CUES.contains(word(text, words.get(end)))
                    && (end == k || separatedBy(text, words.get(end - 1)[1], words.get(end)[0], ""))) {
                end++;
            }
            // a kin word without a label or an honorific: two words at least ("পিতা আব্দুল জলিল"), so that "মেয়ে
            // সুস্থ" (the daughter is well) is no name
            if (end > k && (labelled || end - k >= 2)) {
                if (k > i + 1) {
                    out.add(new Found(words.get(i + 1)[0], words.get(k - 1)[1], null)); // "মোঃ" stays
                }
                out.add(new Found(words.get(k)[0], words.get(end - 1)[1], "[NAME]"));
                i = end - 1;
            }
        }
        return out;
    }

    /**
     * The end (exclusive word index) of a place after its label at {@code label}: one to three words (up to the
     * sentence's end after an address's label), each one space apart, up to a comma, a danda or a bracket; a number
     * after {@code নং} (number) is part of it.
     */
    private static int placeEnd(String text, List<int[]> words, int label, boolean address) {
        int n = words.size();
        int k = label + 1;
        if (k >= n || !separatedBy(text, words.get(label)[1], words.get(k)[0], ":ঃ-")) {
            return label;
        }
        int max = address ? 8 : 3;
        int end = k;
        while (end < n && end - k < max && !BN_PLACE_LABELS.contains(word(text, words.get(end)))
                && !BN_NOT_NAMES.contains(word(text, words.get(end)))
                && (end == k || separatedBy(text, words.get(end - 1)[1], words.get(end)[0], address ? ",0123456789"
                        : "0123456789"))) {
            end++;
        }
        return end;
    }

    /** Where the place ending at word {@code end} (exclusive) ends, with a number that follows its last word. */
    private static int placeEndOffset(String text, List<int[]> words, int end) {
        int at = words.get(end - 1)[1];
        int i = at;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        return digits > i ? digits : at;
    }

    /** Whether only spaces and at most one of {@code marks} (a label's colon) stand between {@code a} and {@code b}. */
    private static boolean separatedBy(String text, int a, int b, String marks) {
        if (b <= a) {
            return false;
        }
        int marked = 0;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                continue;
            }
            if (marks.indexOf(c) < 0 || ++marked > (Character.isDigit(c) || c == ',' ? 12 : 1)) {
                return false;
            }
        }
        return true;
    }

    private static String word(String text, int[] w) {
        return bn(text.substring(w[0], w[1]));
    }

    // ---------------------------------------------------------------- Urdu

    /** Urdu labels of a place: resident of, mauza, village, tehsil, district, mohalla, street. */
    private static final List<String> UR_PLACE_LABELS = List.of("سکنہ", "موضع", "گاؤں", "گاوں", "تحصیل", "ضلع",
            "محلہ", "گلی");
    /** Urdu labels of a numbered place: a chak, a house. */
    private static final List<String> UR_NUMBERED = List.of("چک نمبر", "مکان نمبر");

    /**
     * Places in Urdu text, as {start, end}: after a label of {@link #UR_PLACE_LABELS} up to an Urdu comma or full stop,
     * a comma, a full stop or the next label ({@code سکنہ موضع چک نمبر 45 گ ب، تحصیل جڑانوالہ}); a chak's or a house's
     * number with the words of its block. "ضلع فیصل آباد" is a district, as a Pakistani province's districts are
     * below the state.
     */
    public static List<int[]> urduPlaces(String text) {
        List<int[]> out = new ArrayList<>();
        for (String label : UR_PLACE_LABELS) {
            for (int at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
                if (at > 0 && Character.isLetter(text.charAt(at - 1))
                        || at + label.length() < text.length() && Character.isLetter(text.charAt(at + label.length()))) {
                    continue;
                }
                int from = at + label.length();
                while (from < text.length() && (text.charAt(from) == ' ' || text.charAt(from) == ':')) {
                    from++;
                }
                int end = urduPlaceEnd(text, from);
                if (end > from) {
                    out.add(new int[] {from, end}); // the label stays: "تحصیل [LOCATION]"
                }
            }
        }
        for (String label : UR_NUMBERED) {
            for (int at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + 1)) {
                int end = urduPlaceEnd(text, at + label.length());
                if (end > at + label.length()) {
                    out.add(new int[] {at, end});
                }
            }
        }
        return out;
    }

    /** The end of an Urdu place from {@code from}: up to a comma or full stop of either script, at most 40 characters. */
    private static int urduPlaceEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 40 && "،۔,.;:\n()".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        while (end > from && text.charAt(end - 1) == ' ') {
            end--;
        }
        return end;
    }
}
