package org.deidworkbench.format.csv;

import java.nio.charset.Charset;

/**
 * Tells a Thai export in TIS-620 or Windows-874 (what Thai Windows and Excel save as "CSV"; TIS-620 is its subset)
 * apart from the single-byte European encodings that decode the same bytes (decision 0133).
 *
 * <p>Any byte string decodes in Windows-1252 and most in Windows-874, so strict decoding alone decides nothing; the
 * reading is scored by the script's own structure instead. Thai writes its letters in runs without ASCII between them,
 * and its combining marks (above and below vowels, tone marks: bytes 0xD1, 0xD4–0xDA, 0xE7–0xEE) always follow a Thai
 * letter. An accented Latin letter of a Windows-1252 export stands alone between ASCII letters ({@code Müller}), and
 * where two stand together ({@code ção}: 0xE7 0xE3) the first is a combining mark after an ASCII letter in a Thai
 * reading. A sample reads as Windows-874 when it holds {@link #MIN_THAI} Thai characters or more, none of its high
 * bytes is undefined in Windows-874, at most one in five high bytes stands alone (abbreviations such as {@code ม.ค.} stand so) between ASCII characters, and no
 * combining mark follows anything but a Thai character, and at least one Thai character in ten is a consonant from
 * ก to ภ (0xA1–0xC0; Greek capitals, 0xC1–0xD9, read as Thai letters but never as these). Stateless and thread-safe; linear in the sample.
 */
final class ThaiEncodings {

    static final Charset WINDOWS_874 = Charset.forName("x-windows-874");

    /** Thai characters below which a sample is not taken for Thai (a single accented name is no evidence). */
    static final int MIN_THAI = 12;

    private ThaiEncodings() {
    }

    /** Windows-874 when the sample's high bytes read as Thai text by the rules above, else null. */
    static Charset detect(byte[] sample, int start, int length) {
        int thai = 0;
        int alone = 0;
        int firstConsonants = 0;
        for (int i = start; i < length; i++) {
            int b = sample[i] & 0xFF;
            if (b < 0x80) {
                continue;
            }
            if (b >= 0xA1 && b <= 0xFB && !(b >= 0xDB && b <= 0xDE)) {
                thai++;
                if (b <= 0xC0) {
                    firstConsonants++;
                }
            } else if (!(b == 0x80 || b == 0x85 || b >= 0x91 && b <= 0x97 || b == 0xA0)) {
                return null; // undefined in Windows-874 (or a control code): not Thai
            }
            int before = i > start ? sample[i - 1] & 0xFF : 0;
            int after = i + 1 < length ? sample[i + 1] & 0xFF : 0;
            if (before < 0x80 && after < 0x80) {
                alone++;
            }
            if (combining(b) && !(before >= 0xA1 && before <= 0xFB)) {
                return null; // a mark after an ASCII character or a symbol: an accented Latin letter
            }
        }
        // Thai text always has consonants from ก to ภ (0xA1–0xC0): Greek capitals of Windows-1253 (0xC1–0xD9) read as
        // Thai letters and marks too, but never as those
        return thai >= MIN_THAI && alone * 5 <= thai && firstConsonants * 10 >= thai ? WINDOWS_874 : null;
    }

    /** Whether the byte is a Thai combining mark in TIS-620: mai han-akat, the above and below vowels, the tone marks. */
    private static boolean combining(int b) {
        return b == 0xD1 || b >= 0xD4 && b <= 0xDA || b >= 0xE7 && b <= 0xEE;
    }
}
