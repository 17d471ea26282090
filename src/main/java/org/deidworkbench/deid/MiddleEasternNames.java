package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Person names in Arabic, Persian and Hebrew running text (decision 0132), found by the word before them: a word for
 * the patient ({@code المريض}, {@code بیمار}, {@code המטופל}), a relative ({@code زوجها}, {@code همسرش},
 * {@code בעלה}) or a physician ({@code د.}, {@code دکتر}, {@code ד"ר}). Those scripts have no capitals, so the word-based
 * detectors of {@link TextScrubber} do not see these names. What follows the cue is taken as the name: in Arabic the
 * given name, every {@code بن}/{@code بنت} and the name after it, and a family name with {@code ال}; in Persian and
 * Hebrew the given and the family name, unless the second word is a common verb or word of the sentence. The text is
 * matched folded ({@link TextFolding}: no tatweel, no zero-width joiners). Stateless and thread-safe; a text without
 * Arabic or Hebrew letters is passed over by {@link #mayHold}.
 */
public final class MiddleEasternNames {

    /** The words after which a name follows. */
    private static final Set<String> CUES = Set.of(
            // Arabic: the patient, husband and wife, son and daughter, father and mother, brother and sister, physician
            "المريض", "المريضة", "مريض", "مريضة", "زوجها", "زوجته", "زوج", "زوجة", "ابنه", "ابنها", "ابنته", "ابنتها",
            "والده", "والدها", "والدته", "والدتها", "أخوه", "أخوها", "أخته", "أختها", "الدكتور", "الدكتورة", "د",
            "الطبيب", "الطبيبة", "السيد", "السيدة",
            // Persian: the patient, Mr and Mrs, spouse, son, daughter, father, mother, brother, sister, physician
            "بیمار", "آقای", "خانم", "همسرش", "همسر", "پسرش", "دخترش", "پدرش", "مادرش", "برادرش", "خواهرش", "دکتر",
            // Hebrew: the patient, husband and wife, son and daughter, father and mother, physician, Mr and Mrs
            "המטופל", "המטופלת", "בעלה", "אשתו", "בנו", "בנה", "בתו", "בתה", "אביו", "אביה", "אמו", "אמה", "ד\"ר",
            "דר", "מר", "גב'", "גברת",
            // Urdu (decision 0250): name, son of, wife of, daughter of, the named (m., f.), the patient, physician, Mr,
            // Mrs, son, daughter, father, mother, husband, wife, brother, sister
            "نام", "ولد", "زوجہ", "دختر", "مسمی", "مسماۃ", "مریض", "مریضہ", "ڈاکٹر", "جناب", "محترمہ", "بیٹا", "بیٹی",
            "والد", "والدہ", "شوہر", "بیوی", "بھائی", "بہن");
    /** The Persian cues: the name after them is given and family name, as in Hebrew. */
    private static final Set<String> PERSIAN_CUES = Set.of("بیمار", "آقای", "خانم", "همسرش", "همسر", "پسرش", "دخترش",
            "پدرش", "مادرش", "برادرش", "خواهرش", "دکتر",
            // and Urdu's (decision 0250)
            "نام", "ولد", "زوجہ", "دختر", "مسمی", "مسماۃ", "مریض", "مریضہ", "ڈاکٹر", "جناب", "محترمہ", "بیٹا", "بیٹی",
            "والد", "والدہ", "شوہر", "بیوی", "بھائی", "بہن");
    /** Words after an Urdu name that are still of it: Bibi, Begum, Khatun ("نسرین بی بی"). */
    private static final Set<String> URDU_NAME_ENDS = Set.of("بی", "بیگم", "خاتون");
    /** Arabic: the son of, the daughter of; followed by the father's name. */
    private static final Set<String> BIN = Set.of("بن", "بنت", "ابن");
    /** Persian and Hebrew words that do not continue a name: verbs and the sentence's small words. */
    private static final Set<String> NOT_NAMES = Set.of(
            "همراه", "است", "بود", "شد", "را", "و", "به", "از", "که", "با", "در", "اطلاع", "ویزیت", "کرد", "آمد",
            "بیمار", "متولد", "ליווה", "ליוותה", "הגיע", "הגיעה", "תלווה", "ילווה", "של", "עם", "את", "אותו",
            "אותה", "ו", "נבדק", "נבדקה", "שוחרר", "שוחררה", "حضر", "حضرت", "في", "من", "على", "إلى", "عن",
            "بتاريخ", "تاريخ", "منذ", "يعاني", "تعاني", "لديه", "لديها", "عمره", "عمرها", "راجع", "راجعت", "دخل",
            "دخلت", "حامل", "رقم", "هاتف", "الجوال", "لم", "لا", "قد", "تم", "كان", "كانت",
            // Urdu: of, to, from, in, with, is, was, the resident of, age, year, fever (decision 0250)
            "کا", "کی", "کے", "نے", "ہے", "ہیں", "تھا", "تھی", "کو", "سے", "میں", "ساتھ", "سکنہ", "عمر", "سال", "بخار");
    /** Words that may stand between a cue and the name: a role, an origin. */
    private static final Set<String> ROLES = Set.of("المعالج", "المعالجة", "المناوب", "مصري", "مصرية", "سعودي",
            "سعودية", "המטפל", "המטפלת");

    /**
     * Hebrew verbs a note opens with after the patient's name: came, was discharged, was examined, was admitted,
     * turned to (the clinic), was brought, complains, suffers, was operated on; masculine and feminine.
     */
    private static final Set<String> HEAD_VERBS = Set.of("הגיע", "הגיעה", "שוחרר", "שוחררה", "נבדק", "נבדקה",
            "אושפז", "אושפזה", "התקבל", "התקבלה", "פנה", "פנתה", "הובא", "הובאה", "מתלונן", "מתלוננת", "סובל", "סובלת",
            "נותח", "נותחה", "הופנה", "הופנתה");

    private MiddleEasternNames() {
    }

    /**
     * A Hebrew name that opens a note with no cue before it (decision 0136): one to three words at the text's start
     * before a comma and the Teudat Zehut's label or a number ("אביטל בן-שטרית, ת.ז. ..."), or two or three before a
     * verb a note opens with ({@link #HEAD_VERBS}: "יהונתן רוזנצוויג שוחרר ..."). A note opening with its finding
     * ("כאב בחזה, ...") has neither after it. Its words as [start, end) pairs, one per word as a table's names are
     * replaced; none when there is no such name.
     */
    static List<int[]> noteHeadName(String text) {
        List<int[]> words = words(text);
        int n = Math.min(words.size(), 4);
        if (n < 2 || !hebrew(text.charAt(words.get(0)[0]))) {
            return List.of();
        }
        for (int i = 0; i < words.get(0)[0]; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"') {
                return List.of(); // not the note's first word
            }
        }
        for (int last = 0; last < n - 1; last++) {
            int[] w = words.get(last);
            String word = word(text, w);
            if (!hebrew(text.charAt(w[0])) || CUES.contains(word) || NOT_NAMES.contains(word) || ROLES.contains(word)
                    || HEAD_VERBS.contains(word) || last > 0 && !adjacentBySpace(text, words.get(last - 1), w)) {
                return List.of();
            }
            int[] next = words.get(last + 1);
            int end = w[1];
            if (end < text.length() && text.charAt(end) == ',' && idOrNumberAfter(text, end + 1)
                    || last >= 1 && adjacentBySpace(text, w, next) && HEAD_VERBS.contains(word(text, next))) {
                return words.subList(0, last + 1);
            }
        }
        return List.of();
    }

    /** After a comma: spaces, then the Teudat Zehut's label (ת.ז., ת"ז, ת״ז) or a digit. */
    private static boolean idOrNumberAfter(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && (Character.isDigit(text.charAt(i)) || text.startsWith("ת.ז", i)
                || text.startsWith("ת\"ז", i) || text.startsWith("ת\u05F4ז", i));
    }

    private static boolean adjacentBySpace(String text, int[] a, int[] b) {
        return b[0] == a[1] + 1 && text.charAt(a[1]) == ' ';
    }

    /** Whether the text has an Arabic-script or Hebrew letter (no other text can hold what this class finds). */
    static boolean mayHold(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u05D0' && c <= '\u06FF') {
                return true;
            }
        }
        return false;
    }

    /** Where the names are, as [start, end) pairs in the text. */
    static List<int[]> cuedNames(String text) {
        List<int[]> words = words(text);
        List<int[]> out = new ArrayList<>();
        for (int w = 0; w < words.size(); w++) {
            String cue = word(text, words.get(w));
            if (!CUES.contains(cue)) {
                continue;
            }
            int next = w + 1;
            // a title after a word for the physician, a role or origin between cue and name ("الطبيب المعالج د. خالد")
            while (next < words.size() && adjacent(text, words, next - 1, next)
                    && (CUES.contains(word(text, words.get(next))) || ROLES.contains(word(text, words.get(next))))) {
                next++;
            }
            if (next >= words.size() || !adjacent(text, words, next - 1, next)
                    || NOT_NAMES.contains(word(text, words.get(next)))) {
                continue;
            }
            int last = next;
            if (!PERSIAN_CUES.contains(cue) && arabic(text, words.get(next))) {
                while (last + 2 < words.size() && BIN.contains(word(text, words.get(last + 1)))
                        && adjacent(text, words, last, last + 1) && adjacent(text, words, last + 1, last + 2)) {
                    last += 2; // "نورة بنت سعد"
                }
                if (last + 1 < words.size() && word(text, words.get(last + 1)).startsWith("ال")
                        && adjacent(text, words, last, last + 1) && !NOT_NAMES.contains(word(text, words.get(last + 1)))) {
                    last++; // the family name: "الدوسري"
                }
            } else if (last + 1 < words.size() && adjacent(text, words, last, last + 1)
                    && !NOT_NAMES.contains(word(text, words.get(last + 1)))
                    && !CUES.contains(word(text, words.get(last + 1)))) {
                last++; // Persian, Urdu and Hebrew: given and family name
                while (last + 1 < words.size() && adjacent(text, words, last, last + 1)
                        && URDU_NAME_ENDS.contains(word(text, words.get(last + 1)))) {
                    last++; // "نسرین بی بی"
                }
            }
            out.add(new int[] {words.get(next)[0], words.get(last)[1]});
            w = last;
        }
        return out;
    }

    /** Words of Arabic-script or Hebrew letters (with ', " and - inside a word: ד"ר, גב', בן-שטרית), and of others. */
    private static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || Character.getType(text.charAt(i))
                    == Character.NON_SPACING_MARK || inner(text, i))) {
                i++;
            }
            out.add(new int[] {start, i});
        }
        return out;
    }

    /** A ', " or - between two Hebrew letters, or a ' or " right after one (גב', ד"ר). */
    private static boolean inner(String text, int i) {
        char c = text.charAt(i);
        if ((c != '\'' && c != '"' && c != '-' && c != '\u05F3' && c != '\u05F4') || i == 0 || !hebrew(text.charAt(i - 1))) {
            return false;
        }
        return c != '-' || i + 1 < text.length() && hebrew(text.charAt(i + 1));
    }

    /** Two words with only spaces, a dot or a colon of a title between them. */
    private static boolean adjacent(String text, List<int[]> words, int a, int b) {
        for (int i = words.get(a)[1]; i < words.get(b)[0]; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '.' && c != ':') {
                return false;
            }
        }
        return true;
    }

    private static String word(String text, int[] w) {
        return text.substring(w[0], w[1]);
    }

    private static boolean arabic(String text, int[] w) {
        char c = text.charAt(w[0]);
        return c >= '\u0600' && c <= '\u06FF';
    }

    private static boolean hebrew(char c) {
        return c >= '\u05D0' && c <= '\u05EA';
    }
}
