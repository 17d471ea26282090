package org.deidworkbench.deid;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Russian, Ukrainian and Greek names in free text (decision 0131). Those languages decline names: a surname a table
 * gave as {@code Смирнова} is written {@code Смирновой}, {@code Смирнову} in a note, {@code Παπαδόπουλος} is
 * {@code Παπαδοπούλου} in the genitive and for his wife, {@code Καραγιάννης} {@code Καραγιάννη}; {@link #knownBase}
 * finds the form a run knows. Names no table gave are found where a note's own words say so: after a cue
 * ({@code Пациентка}, {@code мужа}, {@code д-ром}, {@code ασθενής}, {@code σύζυγος}, {@code κ.}, {@code Δρ.}), before
 * or after initials ({@code Кузнецов Д. А.}, {@code Γεωργίου Κ.}), and with a patronymic ({@code Анна Петровна},
 * {@code Кузнецов Дмитрий Алексеевич}). Stateless and thread-safe; cost: a scan of the text where it holds Cyrillic
 * or Greek letters, and a few dozen look-ups per capitalised word no table named.
 */
public final class CyrillicGreekNames {

    /** Words after which capitalised words are a person's name; lower case, Greek without accents. */
    private static final Set<String> CUES = folded(
            // Russian: the patient, relatives, clinicians (д-р, д-ра, д-ром: doctor), in the cases notes write them
            "пациент", "пациента", "пациенту", "пациентом", "пациентка", "пациентки", "пациентке", "пациентку",
            "пациенткой", "больной", "больного", "больному", "больная", "больную", "гражданин", "гражданка",
            "муж", "мужа", "мужу", "мужем", "жена", "жены", "жене", "женой", "сын", "сына", "сыну", "сыном", "дочь",
            "дочери", "дочерью", "мать", "матери", "отец", "отца", "отцу", "брат", "брата", "сестра", "сестры",
            "врач", "врача", "врачом", "доктор", "доктора", "доктором", "д-р", "д-ра", "д-ру", "д-ром", "медсестра",
            "медсестры", "фельдшер", "хирург", "хирургом", "зав", "лечащий",
            // Ukrainian
            "пацієнт", "пацієнтка", "чоловік", "дружина", "лікар", "лікаря", "лікарем",
            // Greek: the patient (ο/η ασθενής), the husband or wife (σύζυγος), Mr and Mrs (κ., κα), the physician
            "ασθενης", "ασθενους", "ασθενη", "συζυγος", "συζυγο", "συζυγου", "κ", "κα", "κας", "κυριος", "κυριου",
            "κυρια", "κυριας", "δρ", "ιατρος", "ιατρου", "ιατρο", "γιατρος", "γιατρου", "κορη", "γιος", "γιου",
            "μητερα", "πατερας", "αδελφος", "αδελφη");

    private static Set<String> folded(String... words) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(fold(w));
        }
        return Set.copyOf(out);
    }

    /** A capitalised Cyrillic or Greek word, a hyphenated one too ({@code Римский-Корсаков}). */
    private static final String WORD = "[\\p{IsCyrillic}\\p{IsGreek}&&\\p{Lu}][\\p{IsCyrillic}\\p{IsGreek}&&\\p{L}]+"
            + "(?:-[\\p{IsCyrillic}\\p{IsGreek}&&\\p{Lu}][\\p{IsCyrillic}\\p{IsGreek}&&\\p{L}]+)?";
    /** One initial: a capital and a full stop. */
    private static final String INITIAL = "[\\p{IsCyrillic}\\p{IsGreek}&&\\p{Lu}]\\.";

    /** {@code Кузнецов Д. А.}, {@code Кузнецов Д.А.}, {@code Γεωργίου Κ.}; and {@code Д. А. Кузнецов}. */
    private static final Pattern WITH_INITIALS = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + WORD + " " + INITIAL
            + "(?: ?" + INITIAL + ")?|" + INITIAL + " ?(?:" + INITIAL + " )?" + WORD + ")(?![\\p{L}\\p{M}])");

    /**
     * A Russian or Ukrainian patronymic in any case: {@code Петровна}, {@code Петровны}, {@code Иванович},
     * {@code Ивановичем}, {@code Ильинична}, {@code Петрівна}.
     */
    private static final Pattern PATRONYMIC = Pattern.compile(
            "[\\p{IsCyrillic}&&\\p{Lu}][\\p{IsCyrillic}&&\\p{Ll}]+(?:ович|евич|ич|івна|ївна|овна|евна|ична)"
                    + "(?:а|у|ем|е|ы|ой|ою|і|у|ю)?");
    /** One or two capitalised Cyrillic words, then a patronymic. */
    private static final Pattern WITH_PATRONYMIC = Pattern.compile("(?<![\\p{L}\\p{M}])(?:" + WORD + " ){1,2}"
            + PATRONYMIC.pattern() + "(?![\\p{L}\\p{M}])");

    private CyrillicGreekNames() {
    }

    /**
     * Whether the text holds a Cyrillic or Greek letter: only then can anything of this class be in it; the verifier asks
     * it for the numbers that count only in such a text (decision 0137).
     */
    public static boolean mayHold(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u0370' && c <= '\u04FF') {
                return true;
            }
        }
        return false;
    }

    /** The [start, end) of the names a text's own words point at: cued, with initials, with a patronymic. */
    static List<int[]> cuedNames(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = WITH_INITIALS.matcher(text);
        while (m.find()) {
            if (!cue(text, m.start(), firstSpace(text, m.start()))) {
                out.add(new int[] {m.start(), m.end()});
            }
        }
        m = WITH_PATRONYMIC.matcher(text);
        while (m.find()) {
            int start = m.start();
            if (cue(text, start, firstSpace(text, start))) {
                start = firstSpace(text, start) + 1; // "Пациентка Анна Петровна": the cue is no name
            }
            out.add(new int[] {start, m.end()});
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (!letter(text.charAt(i)) || i > 0 && (letter(text.charAt(i - 1)) || text.charAt(i - 1) == '-')) {
                continue;
            }
            int end = i;
            while (end < n && (letter(text.charAt(end)) || text.charAt(end) == '-')) {
                end++;
            }
            if (cue(text, i, end)) {
                int at = end;
                if (at < n && text.charAt(at) == '.') {
                    at++;
                }
                int nameEnd = -1;
                for (int words = 0; words < 3; words++) {
                    int s = at;
                    while (s < n && text.charAt(s) == ' ') {
                        s++;
                    }
                    if (s == at || s >= n || !Character.isUpperCase(text.charAt(s)) || !cyrillicOrGreek(text.charAt(s))) {
                        break;
                    }
                    int e = s;
                    while (e < n && (letter(text.charAt(e)) || text.charAt(e) == '-' && e + 1 < n
                            && letter(text.charAt(e + 1)))) {
                        e++;
                    }
                    if (e < n && text.charAt(e) == '.' && e - s == 1) {
                        e++; // an initial
                    } else if (e - s < 2 || cue(text, s, e)) {
                        break;
                    }
                    nameEnd = e;
                    at = e;
                }
                if (nameEnd > 0) {
                    out.add(new int[] {firstNameStart(text, end), nameEnd});
                }
            }
            i = end - 1;
        }
        declinedInText(text, out);
        return out;
    }

    /**
     * Adds the other forms of the names found in the text ({@code Смирнова Анна Петровна}, then {@code Смирновой},
     * {@code Смирнову}; {@code Η ασθενής Παπαδοπούλου}, then {@code Παπαδόπουλος}): capitalised words whose
     * {@link #knownBase} is a word of a name found.
     */
    private static void declinedInText(String text, List<int[]> names) {
        if (names.isEmpty()) {
            return;
        }
        Set<String> found = new java.util.HashSet<>();
        for (int[] b : names) {
            for (String w : text.substring(b[0], b[1]).split("[^\\p{L}\\p{M}]+")) {
                if (w.length() >= 3) {
                    found.add(KnownIdentifiers.normalizeToken(w));
                }
            }
        }
        int n = text.length();
        int known = names.size();
        for (int i = 0; i < n; i++) {
            if (!letter(text.charAt(i))) {
                continue;
            }
            int end = i;
            while (end < n && letter(text.charAt(end))) {
                end++;
            }
            if (Character.isUpperCase(text.charAt(i)) && cyrillicOrGreek(text.charAt(i)) && !inside(names, known, i)) {
                String token = KnownIdentifiers.normalizeToken(text.substring(i, end));
                if (!found.contains(token) && knownBase(token, found::contains) != null) {
                    names.add(new int[] {i, end});
                }
            }
            i = end;
        }
    }

    private static boolean inside(List<int[]> names, int count, int at) {
        for (int k = 0; k < count; k++) {
            if (at >= names.get(k)[0] && at < names.get(k)[1]) {
                return true;
            }
        }
        return false;
    }

    private static int firstNameStart(String text, int cueEnd) {
        int s = cueEnd;
        while (s < text.length() && (text.charAt(s) == '.' || text.charAt(s) == ' ')) {
            s++;
        }
        return s;
    }

    private static int firstSpace(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    /** Whether a word is one of the cues after which names stand ({@code Пациентка}, {@code ασθενής}). */
    static boolean isCue(String word) {
        return word.length() <= 12 && CUES.contains(fold(word));
    }

    private static boolean cue(String text, int start, int end) {
        return end - start <= 12 && end > start && CUES.contains(fold(text.substring(start, end)));
    }

    private static boolean letter(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean cyrillicOrGreek(char c) {
        return c >= '\u0370' && c <= '\u04FF';
    }

    /** Lower case, Greek without accents and with {@code σ} for {@code ς}. */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean greek = false;
        for (int i = 0; i < lower.length() && !greek; i++) {
            greek = lower.charAt(i) >= '\u0370' && lower.charAt(i) <= '\u03FF';
        }
        if (!greek) {
            return lower;
        }
        return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace('ς', 'σ');
    }

    /** Russian case endings of names, longest first ({@code Смирновой}, {@code Ивановичем}, {@code Достоевского}). */
    private static final String[] RU_ENDINGS = {"ЫМИ", "ОМУ", "ОГО", "ЕМУ", "ЕГО", "ОЙ", "ОЮ", "ЫМ", "ЫХ", "ОМ", "ЕМ",
        "ЕЙ", "ИМ", "ИХ", "УЮ", "ЮЮ", "ЬЮ", "А", "У", "Е", "Ы", "И", "Ю", "Я", ""};
    /** Endings of a name's nominative ({@code Смирнов}, {@code Смирнова}, {@code Мария}, {@code Игорь}, {@code -ский}). */
    private static final String[] RU_BASES = {"", "А", "Я", "Й", "Ь", "ИЙ", "ЫЙ", "АЯ", "ЯЯ", "ИЯ"};
    /** Greek case endings of names without accents, longest first. */
    private static final String[] GR_ENDINGS = {"ΟΥ", "ΟΣ", "ΗΣ", "ΑΣ", "ΕΣ", "Ο", "Ε", "Η", "Α", ""};
    /** Endings of a Greek name's nominative ({@code Παπαδόπουλος}, {@code Καραγιάννης}, {@code Μαρία}). */
    private static final String[] GR_BASES = {"ΟΣ", "ΗΣ", "ΑΣ", "ΟΥ", "Η", "Α", ""};
    private static final String GR_VOWELS = "ΑΕΗΙΟΥΩ";
    private static final String GR_ACCENTED = "ΆΈΉΊΌΎΏ";

    /**
     * The form of a declined name ({@code СМИРНОВОЙ}, {@code ΠΑΠΑΔΟΠΟΎΛΟΥ}: a token as {@link KnownIdentifiers} keeps
     * it, upper case) that {@code known} accepts, or null: the token's case ending is replaced by each ending of a
     * nominative, and a Greek one is tried with its accent on each vowel (the accent moves as the name declines).
     */
    static String knownBase(String token, Predicate<String> known) {
        int n = token.length();
        if (n < 4 || !cyrillicOrGreek(token.charAt(0))) {
            return null;
        }
        boolean greek = token.charAt(0) <= '\u03FF';
        if (greek) {
            String plain = Normalizer.normalize(token, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            for (String ending : GR_ENDINGS) {
                if (!plain.endsWith(ending) || plain.length() - ending.length() < 3) {
                    continue;
                }
                String stem = plain.substring(0, plain.length() - ending.length());
                for (String base : GR_BASES) {
                    String bare = stem + base;
                    for (int v = 0; v < bare.length(); v++) {
                        int k = GR_VOWELS.indexOf(bare.charAt(v));
                        if (k < 0) {
                            continue;
                        }
                        String candidate = bare.substring(0, v) + GR_ACCENTED.charAt(k) + bare.substring(v + 1);
                        if (!candidate.equals(token) && known.test(candidate)) {
                            return candidate;
                        }
                    }
                    if (!bare.equals(token) && known.test(bare)) {
                        return bare;
                    }
                }
            }
            return null;
        }
        for (String ending : RU_ENDINGS) {
            if (!token.endsWith(ending) || n - ending.length() < 3) {
                continue;
            }
            String stem = token.substring(0, n - ending.length());
            for (String base : RU_BASES) {
                String candidate = stem + base;
                if (!candidate.equals(token) && known.test(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
