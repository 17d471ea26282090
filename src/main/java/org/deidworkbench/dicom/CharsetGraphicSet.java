package org.deidworkbench.dicom;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * One graphic character set that ISO 2022 code extension can designate in DICOM (PS3.3 Tables
 * C.12-2 to C.12-4): its escape sequence, whether it goes to G0 (GL, bytes 0x21–0x7E) or G1 (GR,
 * bytes 0xA0–0xFF), and one or two bytes per character. The byte work is delegated to JDK charsets
 * (ISO-8859-x, x-iso-8859-11, EUC-JP, EUC-KR, GB2312 from module jdk.charsets). Immutable; the
 * single-byte tables are built once.
 */
enum CharsetGraphicSet {
    /** ISO-IR 6, ASCII. */
    ASCII(0, 1, "(B", null),
    /**
     * ISO-IR 14, JIS X 0201 Romaji. Decoded like ASCII, as pydicom does: its 0x5C (YEN SIGN) is the
     * value delimiter in DICOM and 0x7E is the overline, and keeping them as '\' and '~' keeps the
     * delimiter visible in the decoded text.
     */
    JIS_X0201_ROMAN(0, 1, "(J", null),
    /** ISO-IR 13, JIS X 0201 Katakana (half-width katakana U+FF61–U+FF9F in GR 0xA1–0xDF). */
    JIS_X0201_KATAKANA(1, 1, ")I", null),
    LATIN1(1, 1, "-A", "ISO-8859-1"),
    LATIN2(1, 1, "-B", "ISO-8859-2"),
    LATIN3(1, 1, "-C", "ISO-8859-3"),
    LATIN4(1, 1, "-D", "ISO-8859-4"),
    CYRILLIC(1, 1, "-L", "ISO-8859-5"),
    ARABIC(1, 1, "-G", "ISO-8859-6"),
    GREEK(1, 1, "-F", "ISO-8859-7"),
    HEBREW(1, 1, "-H", "ISO-8859-8"),
    LATIN5(1, 1, "-M", "ISO-8859-9"),
    LATIN9(1, 1, "-b", "ISO-8859-15"),
    /** ISO-IR 166, TIS 620-2533 (Thai); ISO 8859-11 is the same plus NBSP at 0xA0. */
    THAI(1, 1, "-T", "x-iso-8859-11"),
    /** ISO-IR 87, JIS X 0208 kanji, in GL. */
    JIS_X0208(0, 2, "$B", "EUC-JP"),
    /** ISO-IR 159, JIS X 0212 supplementary kanji, in GL. */
    JIS_X0212(0, 2, "$(D", "EUC-JP"),
    /** ISO-IR 149, KS X 1001 Hangul and Hanja, in GR. */
    KS_X1001(1, 2, "$)C", "EUC-KR"),
    /** ISO-IR 58, GB 2312 simplified Chinese, in GR. */
    GB2312(1, 2, "$)A", "GB2312");

    static final byte ESC = 0x1B;

    private final int element;
    private final int bytesPerChar;
    private final byte[] escape;
    private final Charset charset;
    /** Single-byte sets: the character for each byte 0x00–0xFF of the set's half, or U+FFFD. */
    private final char[] table;

    CharsetGraphicSet(int element, int bytesPerChar, String designation, String charsetName) {
        this.element = element;
        this.bytesPerChar = bytesPerChar;
        byte[] seq = new byte[designation.length() + 1];
        seq[0] = ESC;
        for (int i = 0; i < designation.length(); i++) {
            seq[i + 1] = (byte) designation.charAt(i);
        }
        this.escape = seq;
        this.charset = charsetName == null ? null : Charset.forName(charsetName);
        this.table = bytesPerChar == 1 ? buildTable() : null;
    }

    private char[] buildTable() {
        char[] chars = new char[256];
        Arrays.fill(chars, '\uFFFD');
        if (element == 0) {
            for (int b = 0x20; b < 0x7F; b++) {
                chars[b] = (char) b;
            }
        } else if (charset == null) {
            for (int b = 0xA1; b <= 0xDF; b++) {
                chars[b] = (char) (0xFF61 + b - 0xA1);
            }
        } else {
            for (int b = 0xA0; b <= 0xFF; b++) {
                String s = new String(new byte[] {(byte) b}, charset);
                if (s.length() == 1 && s.charAt(0) != '\uFFFD') {
                    chars[b] = s.charAt(0);
                }
            }
        }
        return chars;
    }

    /** Whether the set is designated to G1 (bytes with the high bit set) rather than G0. */
    boolean isG1() {
        return element == 1;
    }

    boolean isMultiByte() {
        return bytesPerChar == 2;
    }

    /** The escape sequence that designates this set, ESC included. A fresh copy. */
    byte[] escapeSequence() {
        return escape.clone();
    }

    /** Length of the escape sequence, ESC included. */
    int escapeLength() {
        return escape.length;
    }

    /** The set designated by the escape sequence at {@code offset} (which holds ESC), or null. */
    static CharsetGraphicSet forEscape(byte[] bytes, int offset, int end) {
        for (CharsetGraphicSet set : values()) {
            byte[] seq = set.escape;
            if (end - offset >= seq.length && Arrays.equals(bytes, offset, offset + seq.length, seq, 0, seq.length)) {
                return set;
            }
        }
        return null;
    }

    /** Single-byte sets: the character for byte {@code b} (0–255), U+FFFD if the set has none. */
    char decodeSingle(int b) {
        return table[b];
    }

    /**
     * Multi-byte sets: the character for the pair (b1, b2) as read (GL for G0 sets, GR for G1 sets),
     * or U+FFFD if the set assigns none. Where the JDK's mapping differs from the Unicode
     * consortium's JIS tables (which Python, hence pydicom, follows), the Unicode table wins.
     */
    char decodePair(int b1, int b2) {
        int code = ((b1 & 0x7F) << 8) | (b2 & 0x7F);
        if (this == JIS_X0208 && code == 0x213D) {
            return '\u2015'; // HORIZONTAL BAR; the JDK says EM DASH
        }
        if (this == JIS_X0212 && code == 0x2237) {
            return '~'; // TILDE; the JDK says FULLWIDTH TILDE
        }
        byte[] euc = this == JIS_X0212
                ? new byte[] {(byte) 0x8F, (byte) (b1 | 0x80), (byte) (b2 | 0x80)}
                : new byte[] {(byte) (b1 | 0x80), (byte) (b2 | 0x80)};
        String decoded = new String(euc, charset);
        return decoded.length() == 1 ? decoded.charAt(0) : '\uFFFD';
    }

    /** A per-call encoder for this set; not thread-safe, so each encode call makes its own. */
    Encoder newEncoder() {
        return new Encoder();
    }

    /** Encodes single code points into this set's bytes (as written: GL for G0, GR for G1). */
    final class Encoder {
        private final CharsetEncoder encoder = charset == null || bytesPerChar == 1
                ? null
                : charset.newEncoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);

        /** The bytes of {@code codePoint} in this set, or null if the set does not contain it. */
        byte[] encode(int codePoint) {
            if (bytesPerChar == 1) {
                return encodeSingle(codePoint);
            }
            if (Character.isSupplementaryCodePoint(codePoint) || codePoint < 0x80) {
                return null;
            }
            if (CharsetGraphicSet.this == JIS_X0208 && codePoint == 0x2015) {
                return new byte[] {0x21, 0x3D}; // see decodePair
            }
            if ((CharsetGraphicSet.this == JIS_X0208 && codePoint == 0x2014)
                    || (CharsetGraphicSet.this == JIS_X0212 && codePoint == 0xFF5E)) {
                return null; // the JDK maps these to the cells decodePair reads differently
            }
            ByteBuffer out;
            try {
                encoder.reset();
                out = encoder.encode(CharBuffer.wrap(new char[] {(char) codePoint}));
            } catch (CharacterCodingException e) {
                return null;
            }
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return fromEuc(bytes);
        }

        private byte[] encodeSingle(int codePoint) {
            if (codePoint > 0xFFFF || codePoint == 0xFFFD) { // U+FFFD marks unassigned bytes in the table
                return null;
            }
            int from = element == 0 ? 0x20 : 0xA0;
            int to = element == 0 ? 0x7E : 0xFF;
            for (int b = from; b <= to; b++) {
                if (table[b] == codePoint) {
                    return new byte[] {(byte) b};
                }
            }
            return null;
        }

        /** Keeps only EUC codes that belong to this set and converts them to the bytes written. */
        private byte[] fromEuc(byte[] euc) {
            if (CharsetGraphicSet.this == JIS_X0212) {
                return euc.length == 3 && (euc[0] & 0xFF) == 0x8F && isGr(euc[1]) && isGr(euc[2])
                        ? new byte[] {(byte) (euc[1] & 0x7F), (byte) (euc[2] & 0x7F)}
                        : null;
            }
            if (euc.length != 2 || !isGr(euc[0]) || !isGr(euc[1])) {
                return null;
            }
            return element == 0 ? new byte[] {(byte) (euc[0] & 0x7F), (byte) (euc[1] & 0x7F)} : euc;
        }

        private boolean isGr(byte b) {
            int v = b & 0xFF;
            return v >= 0xA1 && v <= 0xFE;
        }
    }
}
