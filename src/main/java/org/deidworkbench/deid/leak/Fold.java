package org.deidworkbench.deid.leak;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalization of the leak matcher, per UTF-16 unit, so patterns and scanned text agree:
 * letters lose their accents (NFKD, marks dropped) and become upper case, digits of any script
 * become ASCII digits, combining marks continue the token they follow, and everything else separates
 * tokens. A token is a run of letters or a run of digits ({@code CT123456} is two tokens), so case,
 * spacing and punctuation never matter. Tables for all 65,536 units are built once (a few ms).
 */
final class Fold {

    static final byte SEPARATOR = 0;
    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    /** A combining mark: continues the current token without adding to it. */
    static final byte MARK = 3;

    /** The folded unit of each UTF-16 unit (meaningful for letters and digits). */
    static final char[] FOLDED = new char[65536];
    /** The class of each UTF-16 unit. */
    static final byte[] CLASS = new byte[65536];

    static {
        for (int c = 0; c < 65536; c++) {
            char ch = (char) c;
            if (c < 128) {
                if (c >= 'a' && c <= 'z') {
                    CLASS[c] = LETTER;
                    FOLDED[c] = (char) (c - 32);
                } else if ((c >= 'A' && c <= 'Z')) {
                    CLASS[c] = LETTER;
                    FOLDED[c] = ch;
                } else if (c >= '0' && c <= '9') {
                    CLASS[c] = DIGIT;
                    FOLDED[c] = ch;
                }
                continue;
            }
            if (Character.isSurrogate(ch)) {
                continue;
            }
            int type = Character.getType(ch);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                CLASS[c] = MARK;
            } else if (Character.isDigit(ch)) {
                CLASS[c] = DIGIT;
                FOLDED[c] = (char) ('0' + Character.digit(ch, 10));
            } else if (Character.isLetter(ch)) {
                CLASS[c] = LETTER;
                String base = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFKD);
                char first = base.isEmpty() ? ch : base.charAt(0);
                if (Character.getType(first) == Character.NON_SPACING_MARK) {
                    first = ch;
                }
                String upper = String.valueOf(first).toUpperCase(Locale.ROOT);
                FOLDED[c] = upper.length() == 1 ? upper.charAt(0) : first;
                if (Character.isDigit(FOLDED[c])) {
                    CLASS[c] = DIGIT; // e.g. a letter-like compatibility digit
                }
            }
        }
    }

    private Fold() {
    }

    /** The tokens of a text, folded (for building patterns; scanning uses the tables directly). */
    static java.util.List<String> tokens(CharSequence text) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder token = new StringBuilder();
        byte current = SEPARATOR;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte cls = CLASS[c];
            if (cls == MARK) {
                continue;
            }
            if (cls != current && token.length() > 0) {
                out.add(token.toString());
                token.setLength(0);
            }
            current = cls;
            if (cls != SEPARATOR) {
                token.append(FOLDED[c]);
            }
        }
        if (token.length() > 0) {
            out.add(token.toString());
        }
        return out;
    }

    /** 64-bit FNV-1a over the folded units of a token, as the scanner computes it incrementally. */
    static long hash(String foldedToken) {
        long h = OFFSET;
        for (int i = 0; i < foldedToken.length(); i++) {
            h = (h ^ foldedToken.charAt(i)) * PRIME;
        }
        return h;
    }

    /** The scanner's hash of a whole word: every letter and digit of {@code text}, folded, separators skipped. */
    static long wordHash(CharSequence text) {
        long h = OFFSET;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            byte cls = CLASS[c];
            if (cls == LETTER || cls == DIGIT) {
                h = (h ^ FOLDED[c]) * PRIME;
            }
        }
        return h;
    }

    /** How many tokens {@link #shortCode} numbers: 26 + 26² letter tokens, 10 + 10² digit tokens. */
    static final int SHORT_CODES = 26 + 26 * 26 + 10 + 10 * 10;

    /**
     * A number in {@code [0, SHORT_CODES)} for a token of one or two ASCII letters ({@code A}–{@code Z}, folded) or
     * ASCII digits, distinct for distinct tokens; -1 for every other token (longer, non-ASCII after folding, mixed).
     *
     * @param length the token's length in folded units
     * @param lastTwo its last two folded units, the one before in the upper 16 bits ({@code (a << 16) | b})
     */
    static int shortCode(int length, int lastTwo) {
        int b = lastTwo & 0xFFFF;
        if (length == 1) {
            return b >= 'A' && b <= 'Z' ? b - 'A' : b >= '0' && b <= '9' ? 26 + 26 * 26 + b - '0' : -1;
        }
        if (length != 2) {
            return -1;
        }
        int a = (lastTwo >>> 16) & 0xFFFF;
        if (a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z') {
            return 26 + (a - 'A') * 26 + (b - 'A');
        }
        if (a >= '0' && a <= '9' && b >= '0' && b <= '9') {
            return 26 + 26 * 26 + 10 + (a - '0') * 10 + (b - '0');
        }
        return -1;
    }

    /** {@link #shortCode(int, int)} of a folded token. */
    static int shortCode(String foldedToken) {
        int n = foldedToken.length();
        if (n == 0 || n > 2) {
            return -1;
        }
        return shortCode(n, n == 1 ? foldedToken.charAt(0) : foldedToken.charAt(0) << 16 | foldedToken.charAt(1));
    }

    static final long OFFSET = 0xcbf29ce484222325L;
    static final long PRIME = 0x100000001b3L;
}
