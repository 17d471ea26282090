package org.deidworkbench.model;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Case changes of text that is all ASCII (ids, codes, UUIDs, most names of an export), as
 * {@link String#toUpperCase(Locale)} with {@link Locale#ROOT} makes them, without the JDK's per-character table
 * lookups: a run normalizes every id it pseudonymizes and every word it remembers, and a UUID's lower-case hex
 * made the JDK's case mapping a visible share of a FHIR run (2026-12-07).
 */
public final class AsciiText {

    private AsciiText() {
    }

    /** {@code s.toUpperCase(Locale.ROOT)}; {@code s} itself when nothing changes. */
    public static String upperCase(String s) {
        int n = s.length();
        int first = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return s.toUpperCase(Locale.ROOT);
            }
            if (first < 0 && c >= 'a' && c <= 'z') {
                first = i;
            }
        }
        if (first < 0) {
            return s;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1); // ASCII: one byte per character, as it is
        for (int i = first; i < n; i++) {
            byte c = b[i];
            if (c >= 'a' && c <= 'z') {
                b[i] = (byte) (c - ('a' - 'A'));
            }
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
