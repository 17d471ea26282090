package org.deidworkbench.dicom;

import java.math.BigDecimal;
import java.util.Locale;

/** Parses and formats the numeric text VRs IS (integer string) and DS (decimal string). Thread-safe. */
public final class NumberStrings {

    private NumberStrings() {
    }

    /**
     * Parses an IS value: optional sign and digits, surrounding spaces ignored.
     *
     * @throws NumberFormatException when the text is not an integer string
     */
    public static long parseIS(String s) {
        String t = s.strip();
        if (!t.matches("[+-]?[0-9]{1,12}")) {
            throw new NumberFormatException("not an integer string");
        }
        return Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
    }

    /** Formats an IS value; at most 12 characters are allowed by PS3.5. */
    public static String formatIS(long v) {
        String s = Long.toString(v);
        if (s.length() > 12) {
            throw new IllegalArgumentException("integer string longer than 12 characters");
        }
        return s;
    }

    /**
     * Parses a DS value (fixed or floating point decimal, surrounding spaces ignored).
     *
     * @throws NumberFormatException when the text is not a decimal string
     */
    public static BigDecimal parseDS(String s) {
        String t = s.strip();
        if (!t.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?")) {
            throw new NumberFormatException("not a decimal string");
        }
        return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
    }

    /**
     * Formats a DS value in at most 16 characters (PS3.5), with as many significant digits as fit.
     *
     * @throws IllegalArgumentException for NaN and infinities, which DS cannot represent
     */
    public static String formatDS(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("DS cannot hold NaN or infinity");
        }
        String plain = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        if (plain.length() <= 16) {
            return plain;
        }
        for (int digits = 16; digits > 0; digits--) {
            String f = new BigDecimal(v).round(new java.math.MathContext(digits)).stripTrailingZeros().toPlainString();
            if (f.length() <= 16) {
                return f;
            }
            String e = String.format(Locale.ROOT, "%." + (digits - 1) + "E", v);
            if (e.length() <= 16) {
                return e;
            }
        }
        throw new IllegalArgumentException("value cannot be written in 16 characters");
    }
}
