package org.deidworkbench.crypto;

/**
 * The check characters appended to pseudonyms: the Damm algorithm for decimal digits and the
 * ISO/IEC 7064 MOD 37,36 hybrid system for alphanumeric text. Both detect every single-character
 * substitution; Damm detects every transposition of adjacent characters, MOD 37,36 all but about
 * 0.16% of them (a property of the hybrid systems). Stateless and thread-safe.
 */
final class CheckCharacters {

    /** ISO/IEC 7064 character set for MOD 37,36: character values 0..35 and the check characters. */
    static final String ISO_7064_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Damm's weakly totally anti-symmetric quasigroup of order 10 (H. M. Damm, 2004), zero diagonal. */
    private static final byte[][] DAMM = {
        {0, 3, 1, 7, 5, 9, 8, 6, 4, 2},
        {7, 0, 9, 2, 1, 5, 4, 8, 6, 3},
        {4, 2, 0, 6, 8, 7, 1, 3, 5, 9},
        {1, 7, 5, 0, 9, 8, 3, 4, 2, 6},
        {6, 1, 2, 3, 0, 4, 5, 9, 7, 8},
        {3, 6, 7, 4, 2, 0, 9, 5, 8, 1},
        {5, 8, 6, 9, 7, 2, 0, 1, 3, 4},
        {8, 9, 4, 5, 3, 6, 2, 0, 1, 7},
        {9, 4, 3, 8, 6, 1, 7, 2, 0, 5},
        {2, 5, 8, 1, 4, 3, 6, 7, 9, 0},
    };

    private CheckCharacters() {
    }

    /** The Damm check digit of the decimal digits in {@code text[from, to)}. */
    static char damm(CharSequence text, int from, int to) {
        int interim = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("Damm check digit needs decimal digits, position " + i + " is not one");
            }
            interim = DAMM[interim][c - '0'];
        }
        return (char) ('0' + interim);
    }

    /**
     * The ISO/IEC 7064 MOD 37,36 check character of {@code text[from, to)}, from {@code 0-9A-Z}.
     * Characters take their ISO 7064 values: {@code 0-9} are 0..9 and {@code A-Z} (or {@code a-z})
     * are 10..35, so any standard MOD 37,36 validator accepts the printed text.
     */
    static char mod37x36(CharSequence text, int from, int to) {
        final int m = 36;
        int p = m;
        for (int i = from; i < to; i++) {
            int s = (p + iso7064Value(text.charAt(i), i)) % m;
            p = ((s == 0 ? m : s) * 2) % (m + 1);
        }
        return ISO_7064_ALPHANUMERIC.charAt((m + 1 - p) % m);
    }

    private static int iso7064Value(char c, int position) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("ISO 7064 MOD 37,36 needs 0-9/A-Z, position " + position + " is neither");
    }
}
