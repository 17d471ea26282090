package org.deidworkbench.format.csv;

import java.nio.CharBuffer;
import java.nio.charset.Charset;
import org.deidworkbench.format.FormatException;

/**
 * Tells an Arabic or Persian export saved as Windows-1256 and a Hebrew one saved as Windows-1255 (Excel's "CSV" in the
 * Gulf, Egypt, Iran and Israel) from the Western and Central European code pages (decision 0132).
 *
 * <p>Any byte string decodes in most single-byte code pages, so decoding alone decides nothing: a sample is read
 * strictly in each of the two (Windows-1255 leaves bytes undefined, which rules it out) and each reading is scored by
 * script consistency inside words: the share of its non-ASCII letters that are of the code page's script
 * <em>and</em> stand in a word with no ASCII letter. An Arabic or Hebrew word is written in its script throughout; a
 * French or German export read in Windows-1256 gives Latin letters ({@code é} stays {@code é} there) or Arabic letters
 * glued to ASCII ones ({@code Bär} reads {@code Bلr}), and scores low. A reading must score {@link #MIN_SCORE} on at
 * least {@link #MIN_LETTERS} letters; when both do, the sniffer withholds the file ({@code CSV-ENCODING-UNSURE})
 * rather than guess. Stateless and thread-safe; cost: two decodes of the sample, only for a sample that is not UTF-8.
 */
final class MiddleEasternEncodings {

    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    static final Charset WINDOWS_1255 = Charset.forName("windows-1255");
    /** Share of a reading's non-ASCII letters that must be of its script, in words of that script alone. */
    static final double MIN_SCORE = 0.8;
    /** Letters of the script a reading must rest on: a few stray bytes of a Western export decide nothing. */
    static final int MIN_LETTERS = 12;

    private MiddleEasternEncodings() {
    }

    /**
     * Windows-1256 or Windows-1255 when one of them reads the sample as words of its script, else null (the caller
     * goes on to the European code pages).
     *
     * @throws FormatException {@code CSV-ENCODING-UNSURE} naming the offset of the first non-ASCII byte when both read
     *         it so
     */
    static Charset detect(byte[] sample, int start, int length, boolean complete) throws FormatException {
        double arabic = score(WINDOWS_1256, Character.UnicodeScript.ARABIC, sample, start, length, complete);
        double hebrew = score(WINDOWS_1255, Character.UnicodeScript.HEBREW, sample, start, length, complete);
        if (arabic >= MIN_SCORE && hebrew >= MIN_SCORE) {
            int firstHigh = start;
            while (firstHigh < length && sample[firstHigh] >= 0) {
                firstHigh++;
            }
            throw new FormatException("CSV-ENCODING-UNSURE", "offset " + firstHigh, "the file's text from offset "
                    + firstHigh + " reads as windows-1256 and as windows-1255 equally well, so its encoding cannot be"
                    + " told; save it as UTF-8 and run again");
        }
        if (arabic >= MIN_SCORE) {
            return WINDOWS_1256;
        }
        return hebrew >= MIN_SCORE ? WINDOWS_1255 : null;
    }

    /**
     * The share of the strict reading's non-ASCII letters that are of the script and in a word without ASCII letters;
     * 0 when the sample does not decode or rests on fewer than {@link #MIN_LETTERS} such letters.
     */
    static double score(Charset cs, Character.UnicodeScript script, byte[] sample, int start, int length,
            boolean complete) {
        CharBuffer out = StrictDecodingReader.strictly(cs, sample, start, length, complete);
        if (out == null) {
            return 0;
        }
        int letters = 0;
        int good = 0;
        int i = 0;
        while (i < out.length()) {
            if (!isWordChar(out.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean ascii = false;
            while (end < out.length() && isWordChar(out.charAt(end))) {
                char c = out.charAt(end);
                ascii |= c < 0x80 && Character.isLetter(c);
                end++;
            }
            for (int k = i; k < end; k++) {
                char c = out.charAt(k);
                if (c >= 0x80 && Character.isLetter(c)) {
                    letters++;
                    if (!ascii && Character.UnicodeScript.of(c) == script) {
                        good++;
                    }
                }
            }
            i = end;
        }
        return good < MIN_LETTERS ? 0 : (double) good / letters;
    }

    /** A letter, a combining mark (Hebrew points, Arabic vowel signs) or the tatweel: the characters of one word. */
    private static boolean isWordChar(char c) {
        return Character.isLetter(c) || Character.getType(c) == Character.NON_SPACING_MARK || c == '\u0640';
    }
}
