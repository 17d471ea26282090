package org.deidworkbench.format.csv;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import org.deidworkbench.format.FormatException;

/**
 * Tells the single-byte Cyrillic and Greek encodings of Russian, Ukrainian and Greek exports apart (decision 0131):
 * Windows-1251 (1C:Medicine, Excel in Russia), KOI8-R (older Unix systems), Windows-1253 (Excel in Greece) and
 * ISO-8859-7.
 *
 * <p>Any byte string decodes in most single-byte code pages, so the sample is read strictly in each and each reading is
 * scored by how its words look: a word of three or more letters counts when all its letters are of the reading's
 * script, and is well formed when it is in lower case, capitalised or in upper case (and, in Greek, has its final sigma
 * {@code ς} only at its end). Windows-1251 read as KOI8-R swaps the cases ({@code Дата} reads {@code дЮРЮ}), Russian
 * read as Greek puts {@code ς} inside words and Greek read as Russian puts capitals after small letters, and a Western
 * or Central European export's accented letters sit between ASCII letters (words of mixed scripts), so none of them
 * scores; Greek read as Russian and Russian as Greek also lose most of their vowels ({@link #MIN_VOWELS}).
 * A reading must have {@link #MIN_WORDS} such words, few mixed ones, score {@link #MIN_SCORE} and beat a
 * reading of the other script by {@link #MIN_MARGIN}; otherwise the sniffer says it is unsure or leaves the sample to
 * the encodings it knew before. Stateless and thread-safe; cost: four decodes of the sample.
 */
final class CyrillicGreekEncodings {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    static final Charset KOI8_R = Charset.forName("KOI8-R");
    static final Charset WINDOWS_1253 = Charset.forName("windows-1253");
    static final Charset ISO_8859_7 = Charset.forName("ISO-8859-7");

    private static final Charset[] CANDIDATES = {WINDOWS_1251, KOI8_R, WINDOWS_1253, ISO_8859_7};

    /** Words of the reading's own script (three letters or more) needed before it is considered at all. */
    static final int MIN_WORDS = 2;
    /** Share of those words that must be well formed. */
    static final double MIN_SCORE = 0.85;
    /** How much the best reading must score above a reading in the other script. */
    static final double MIN_MARGIN = 0.15;

    /**
     * Share of the words' letters that must be vowels of the reading's language (about 42% in Russian, 45% in Greek).
     * Greek read as Windows-1251 turns α, ο, ι, η into б, п, й, з and keeps about one vowel in six; Russian read as
     * Greek likewise.
     */
    static final double MIN_VOWELS = 0.28;

    private static final String VOWELS = "аеёиоуыэюяіїєαεηιουωάέήίόύώϊϋΐΰ";

    /** The most frequent Russian letters (about 80% of a text's letters): tells KOI8-R from Windows-1251 in capitals. */
    private static final String FREQUENT_RUSSIAN = "оеаинтсрвлкмдпу";

    private CyrillicGreekEncodings() {
    }

    /** Whether the charset is one of the four this class detects. */
    static boolean isOne(Charset charset) {
        for (Charset c : CANDIDATES) {
            if (c.equals(charset)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The encoding the sample reads in, or null when no Cyrillic or Greek reading scores (the caller tries the others).
     *
     * @throws FormatException {@code CSV-ENCODING-UNSURE} naming the offset of the first non-ASCII byte when a Cyrillic
     *         and a Greek reading score alike
     */
    static Charset detect(byte[] sample, int start, int length, boolean complete) throws FormatException {
        Reading best = null;
        for (Charset cs : CANDIDATES) {
            Reading r = read(cs, sample, start, length, complete);
            if (r == null || r.words < MIN_WORDS || r.mixed * 4 > r.words || r.score() < MIN_SCORE
                    || r.vowels < MIN_VOWELS * r.wordLetters) {
                continue;
            }
            if (best == null) {
                best = r;
            } else if (r.cyrillic() == best.cyrillic()) {
                best = sameScript(best, r);
            } else if (Math.abs(r.score() - best.score()) < MIN_MARGIN) {
                int firstHigh = start;
                while (firstHigh < length && sample[firstHigh] >= 0) {
                    firstHigh++;
                }
                throw new FormatException("CSV-ENCODING-UNSURE", "offset " + firstHigh, "the file's text from offset "
                        + firstHigh + " reads as " + best.charset.name() + " and as " + r.charset.name()
                        + " equally well, so its encoding cannot be told; save it as UTF-8 and run again");
            } else if (r.score() > best.score()) {
                best = r;
            }
        }
        return best == null ? null : best.charset;
    }

    /**
     * The better of two readings in one script: the higher score; at equal scores (a text in capitals reads well in
     * both Cyrillic encodings, and the Greek ones share their letters) the one with more frequent Russian letters or,
     * in Greek, more letters (Windows-1253's {@code Ά} is ISO-8859-7's {@code ’}); else the Windows one.
     */
    private static Reading sameScript(Reading a, Reading b) {
        if (Math.abs(a.score() - b.score()) >= 0.05) {
            return a.score() > b.score() ? a : b;
        }
        int ta = a.cyrillic() ? a.frequent : a.letters;
        int tb = b.cyrillic() ? b.frequent : b.letters;
        if (ta != tb) {
            return ta > tb ? a : b;
        }
        return a.charset == WINDOWS_1251 || a.charset == WINDOWS_1253 ? a : b;
    }

    /** A strict reading: its words of its own script, how many are well formed, mixed or of frequent letters. */
    private record Reading(Charset charset, int words, int wellFormed, int mixed, int letters, int frequent,
            int wordLetters, int vowels) {
        double score() {
            return words == 0 ? 0 : (double) wellFormed / words;
        }

        boolean cyrillic() {
            return charset == WINDOWS_1251 || charset == KOI8_R;
        }
    }

    private static Reading read(Charset cs, byte[] sample, int start, int length, boolean complete) {
        CharBuffer out = StrictDecodingReader.strictly(cs, sample, start, length, complete);
        if (out == null) {
            return null;
        }
        Character.UnicodeScript script = cs == WINDOWS_1251 || cs == KOI8_R ? Character.UnicodeScript.CYRILLIC
                : Character.UnicodeScript.GREEK;
        int words = 0;
        int wellFormed = 0;
        int mixed = 0;
        int letters = 0;
        int frequent = 0;
        int wordLetters = 0;
        int vowels = 0;
        int n = out.length();
        for (int i = 0; i < n; i++) {
            char c = out.charAt(i);
            if (c >= 0x80 && c <= 0x9F) {
                return null; // C1 control codes: ISO-8859-7 does not print these bytes, Windows-1253 does
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            int end = i;
            int own = 0;
            while (end < n && Character.isLetter(out.charAt(end))) {
                char l = out.charAt(end);
                if (Character.UnicodeScript.of(l) == script) {
                    own++;
                    frequent += FREQUENT_RUSSIAN.indexOf(Character.toLowerCase(l)) >= 0 ? 1 : 0;
                }
                end++;
            }
            letters += own;
            int len = end - i;
            if (own > 0 && own < len) {
                mixed++;
            } else if (own == len && len >= 3) {
                words++;
                wellFormed += wellFormed(out, i, end, script) ? 1 : 0;
                wordLetters += len;
                for (int k = i; k < end; k++) {
                    vowels += VOWELS.indexOf(Character.toLowerCase(out.charAt(k))) >= 0 ? 1 : 0;
                }
            }
            i = end - 1;
        }
        return new Reading(cs, words, wellFormed, mixed, letters, frequent, wordLetters, vowels);
    }

    /** Lower case, capitalised or upper case; a Greek final sigma only at the end. */
    private static boolean wellFormed(CharSequence text, int from, int to, Character.UnicodeScript script) {
        boolean upperAfterFirst = false;
        boolean lowerAfterFirst = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == 'ς' && i < to - 1 && script == Character.UnicodeScript.GREEK) {
                return false;
            }
            if (i > from) {
                upperAfterFirst |= Character.isUpperCase(c);
                lowerAfterFirst |= Character.isLowerCase(c);
            }
        }
        if (upperAfterFirst && lowerAfterFirst) {
            return false;
        }
        return !(upperAfterFirst && Character.isLowerCase(text.charAt(from)));
    }
}
