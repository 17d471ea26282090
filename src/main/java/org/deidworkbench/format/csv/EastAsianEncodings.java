package org.deidworkbench.format.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.HashMap;
import java.util.Map;
import org.deidworkbench.format.FormatException;

/**
 * Tells the double-byte encodings of East Asian exports apart (decision 0127): Shift_JIS as Windows writes it (CP932,
 * Excel's "CSV" in Japan), Korean CP949 (EUC-KR and Microsoft's extension), Chinese GB18030 (GBK and GB2312 are
 * subsets) and Taiwanese Big5 (CP950).
 *
 * <p>A sample is read strictly in each; an encoding it does not decode in is out. Many byte pairs decode in several
 * (a Korean syllable in EUC-KR is a valid Chinese character in GBK), so each surviving reading is scored: the share of
 * its non-ASCII characters that are the common repertoire of its language, told by where the character lies in its own
 * encoding's table (JIS level 1 kanji and kana; KS X 1001 Hangul; GB2312 level 1 hanzi; Big5's frequent hanzi) and
 * punctuation. A reading must score {@link #MIN_SCORE} and beat every other by {@link #MIN_MARGIN}; when two do and
 * neither clearly wins the sniffer says so instead of guessing. Stateless and thread-safe; cost: a few decodes of the
 * sample.
 */
final class EastAsianEncodings {

    static final Charset CP932 = Charset.forName("windows-31j");
    static final Charset CP949 = Charset.forName("x-windows-949");
    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = Charset.forName("x-windows-950");

    private static final Charset[] CANDIDATES = {CP932, CP949, GB18030, BIG5};

    /** Share of a reading's non-ASCII characters that must be its language's common repertoire. */
    static final double MIN_SCORE = 0.6;
    /** How much the best reading must score above the second. */
    static final double MIN_MARGIN = 0.15;
    /** Characters of evidence below which a Korean and a Chinese reading of the same bytes cannot be told apart. */
    static final int MIN_EVIDENCE = 8;

    private EastAsianEncodings() {
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
     * Whether the sample's bytes above 0x7F come in the pairs a double-byte encoding writes rather than alone, as
     * accented letters in the Western and Central European encodings do ("é" between two ASCII letters): at least four
     * of them, and most of them next to another.
     */
    static boolean looksDoubleByte(byte[] sample, int start, int length) {
        int high = 0;
        int paired = 0;
        for (int i = start; i < length; i++) {
            if (sample[i] >= 0) {
                continue;
            }
            high++;
            if (i > start && sample[i - 1] < 0 || i + 1 < length && sample[i + 1] < 0) {
                paired++;
            }
        }
        return high >= 4 && paired * 4 >= high * 3;
    }

    /**
     * The encoding the sample reads in, or null when none scores (the caller tries the European encodings).
     *
     * @throws FormatException {@code CSV-ENCODING-UNSURE} naming the offset of the first non-ASCII byte when two
     *         East Asian encodings read the sample equally well
     */
    static Charset detect(byte[] sample, int start, int length, boolean complete) throws FormatException {
        boolean halfWidthOnly = true;
        int firstHigh = -1;
        for (int i = start; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b >= 0x80) {
                firstHigh = firstHigh < 0 ? i : firstHigh;
                halfWidthOnly &= b >= 0xA1 && b <= 0xDF;
            }
        }
        Reading best = null;
        Reading second = null;
        for (Charset cs : CANDIDATES) {
            Reading r = read(cs, sample, start, length, complete, halfWidthOnly);
            if (r == null) {
                continue;
            }
            if (best == null || r.score > best.score) {
                second = best;
                best = r;
            } else if (second == null || r.score > second.score) {
                second = r;
            }
        }
        if (best == null || best.score < MIN_SCORE) {
            return null;
        }
        if (second != null && second.score >= MIN_SCORE && best.score - second.score < MIN_MARGIN
                || best.evidence < MIN_EVIDENCE && second != null && second.score >= MIN_SCORE) {
            throw new FormatException("CSV-ENCODING-UNSURE", "offset " + firstHigh, "the file's text from offset "
                    + firstHigh + " reads as " + best.charset.name() + " and as " + second.charset.name()
                    + " equally well, so its encoding cannot be told; save it as UTF-8 and run again");
        }
        return best.charset;
    }

    /** A strict reading of the sample: its score and how many characters it rests on. */
    private record Reading(Charset charset, double score, int evidence) {
    }

    private static Reading read(Charset cs, byte[] sample, int start, int length, boolean complete,
            boolean halfWidthOnly) {
        CharBuffer out = StrictDecodingReader.strictly(cs, sample, start, length, complete);
        if (out == null) {
            return null;
        }
        CharsetEncoder encoder = cs.newEncoder();
        Map<Character, Double> weights = new HashMap<>();
        double sum = 0;
        int counted = 0;
        int koreanRows = 0; // GB2312 or Big5 hanzi in rows 0xB0-0xC8, where EUC-KR has its Hangul
        int laterRows = 0; // hanzi in rows EUC-KR's Hangul never reaches
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c < 0x80 || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)) {
                    counted++; // a GB18030 four-byte character outside the BMP: rare in a hospital's export
                }
                continue;
            }
            byte[] bytes = bytes(encoder, c);
            if ((cs == GB18030 || cs == BIG5) && bytes.length == 2 && (bytes[1] & 0xFF) >= 0xA1) {
                int lead = bytes[0] & 0xFF;
                koreanRows += lead >= 0xB0 && lead <= 0xC8 ? 1 : 0;
                laterRows += lead >= 0xC9 && lead <= 0xF9 || cs == BIG5 && lead >= 0xA4 && lead <= 0xAF ? 1 : 0;
            }
            sum += weights.computeIfAbsent(c, k -> weight(cs, bytes, halfWidthOnly));
            counted++;
        }
        if (counted == 0) {
            return null;
        }
        double score = sum / counted;
        if ((cs == GB18030 || cs == BIG5) && koreanRows >= MIN_EVIDENCE && laterRows == 0) {
            // EUC-KR writes its Hangul in rows 0xB0-0xC8 only, which are hanzi in GB2312 and Big5. Chinese text of
            // eight hanzi or more uses other rows too: GB2312's later ones (是 0xCAC7, 一 0xD2BB, 中 0xD6D0), Big5's
            // earlier ones (一 0xA440, 中 0xA4A4, 的 0xAABA).
            score /= 2;
        }
        return new Reading(cs, score, counted);
    }

    private static byte[] bytes(CharsetEncoder encoder, char c) {
        try {
            ByteBuffer b = encoder.reset().encode(CharBuffer.wrap(new char[] {c}));
            byte[] a = new byte[b.remaining()];
            b.get(a);
            return a;
        } catch (CharacterCodingException e) {
            return new byte[0];
        }
    }

    /**
     * How much one character counts for its encoding: 1 for the language's common repertoire and punctuation, 0.5 for
     * the rarer part of the standard table, 0 for user-defined areas and for what belongs to another language.
     */
    static double weight(Charset cs, byte[] bytes, boolean halfWidthOnly) {
        if (bytes.length == 1) {
            int b = bytes[0] & 0xFF;
            // half-width katakana: a legacy Japanese system's names; alone (without a two-byte character anywhere)
            // they are surely Japanese
            return cs == CP932 && b >= 0xA1 && b <= 0xDF ? (halfWidthOnly ? 1 : 0.5) : 0;
        }
        if (bytes.length != 2) {
            return 0;
        }
        int lead = bytes[0] & 0xFF;
        int trail = bytes[1] & 0xFF;
        if (cs == CP932) {
            int code = lead << 8 | trail;
            if (code >= 0x8140 && code <= 0x81AC || code >= 0x824F && code <= 0x8396) {
                return 1; // punctuation, full-width digits and letters, hiragana, katakana
            }
            if (code >= 0x889F && code <= 0x9872) {
                return 1; // JIS X 0208 level 1 kanji
            }
            return code >= 0x989F && code <= 0xEAA4 ? 0.5 : 0; // level 2 kanji
        }
        if (cs == CP949) {
            if (trail >= 0xA1 && (lead == 0xA1 || lead == 0xA3 || lead >= 0xB0 && lead <= 0xC8)) {
                return 1; // KS X 1001 punctuation, full-width forms, the 2,350 Hangul syllables
            }
            return lead >= 0x81 && lead <= 0xC6 ? 0.5 : 0; // CP949's other Hangul syllables
        }
        if (cs == GB18030) {
            if (trail < 0xA1) {
                return 0; // GBK's additions: rare characters
            }
            if (lead == 0xA1 || lead == 0xA3 || lead >= 0xB0 && lead <= 0xD7) {
                return 1; // GB2312 punctuation, full-width forms, level 1 hanzi
            }
            return lead >= 0xD8 && lead <= 0xF7 ? 0.5 : 0; // level 2 hanzi
        }
        int code = lead << 8 | trail;
        if (code >= 0xA140 && code <= 0xA1FE || code >= 0xA440 && code <= 0xC67E) {
            return 1; // Big5 punctuation and its 5,401 frequent hanzi
        }
        return code >= 0xC940 && code <= 0xF9D5 ? 0.5 : 0; // the less frequent hanzi
    }
}
