package org.deidworkbench.model;

import java.util.Objects;

/**
 * How a keyed pseudonym is written: its alphabet, length, prefix and optional check character.
 *
 * @param encoding the alphabet of the random part
 * @param length number of characters of the random part (without prefix and check character)
 * @param prefix literal text put in front, e.g. {@code PAT-}; may be empty
 * @param checkDigit whether a check character is appended (Damm for digits, ISO/IEC 7064 MOD 37,36
 *     over the standard character values otherwise; see {@code PseudonymGenerator})
 */
public record PseudonymFormat(Encoding encoding, int length, String prefix, boolean checkDigit) {

    /** The alphabet of a pseudonym's random part. */
    public enum Encoding {
        /** Crockford base32: digits and upper-case letters without I, L, O, U. */
        BASE32("base32", 32, 5, 52),
        /** Decimal digits only, for systems that require numeric identifiers. */
        DIGITS("digits", 10, 6, 60),
        /** Lower-case hexadecimal. */
        HEX("hex", 16, 4, 64);

        private final String yamlName;
        private final int radix;
        private final int minLength;
        private final int maxLength;

        Encoding(String yamlName, int radix, int minLength, int maxLength) {
            this.yamlName = yamlName;
            this.radix = radix;
            this.minLength = minLength;
            this.maxLength = maxLength;
        }

        /** The spelling used in profiles. */
        public String yamlName() {
            return yamlName;
        }

        /** Number of symbols in the alphabet. */
        public int radix() {
            return radix;
        }

        /** Shortest allowed length: below it collisions are likely even for small studies. */
        public int minLength() {
            return minLength;
        }

        /** Longest allowed length: up to all 256 bits of the HMAC (digits stop at 60 to keep the bias of
         * reducing 256 bits modulo 10^n negligible). */
        public int maxLength() {
            return maxLength;
        }
    }

    /** The default: {@code base32}, 12 characters (60 bits), no prefix, no check character. */
    public static final PseudonymFormat DEFAULT = new PseudonymFormat(Encoding.BASE32, 12, "", false);

    public PseudonymFormat {
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(prefix, "prefix");
        if (length < encoding.minLength() || length > encoding.maxLength()) {
            throw new IllegalArgumentException("pseudonym length " + length + " is outside "
                    + encoding.minLength() + ".." + encoding.maxLength() + " for " + encoding.yamlName());
        }
    }
}
