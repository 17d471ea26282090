package org.deidworkbench.gui.keys;

import java.util.List;
import java.util.Locale;
import org.deidworkbench.job.KeyFiles;

/**
 * How hard a passphrase is to guess, for the meter of the "new key file" dialog: an estimate of its
 * entropy from its length and the kinds of characters in it, lowered for repeats, runs like
 * {@code 1234} or {@code abcd} and well-known passwords. A guide for the steward, not a proof; the
 * key file's PBKDF2 (600,000 iterations) slows every guess further. Stateless.
 */
public final class PassphraseStrength {

    /** The meter's steps. */
    public enum Level {
        /** Shorter than {@link KeyFiles#MIN_PASSPHRASE_LENGTH}: refused. */
        TOO_SHORT,
        WEAK,
        FAIR,
        GOOD,
        STRONG;

        /** The message key suffix and style class, e.g. {@code tooShort}. */
        public String id() {
            return this == TOO_SHORT ? "tooShort" : name().toLowerCase(Locale.ROOT);
        }
    }

    private static final List<String> COMMON = List.of("password", "passwort", "passphrase", "123456", "qwerty",
            "qwertz", "letmein", "welcome", "willkommen", "admin", "hospital", "klinik", "secret", "geheim", "iloveyou",
            "monkey", "dragon", "abc123", "changeme", "change-me", "sommer", "summer", "winter");

    private PassphraseStrength() {
    }

    /** The meter's step for {@code passphrase}. */
    public static Level rate(CharSequence passphrase) {
        if (passphrase.length() < KeyFiles.MIN_PASSPHRASE_LENGTH) {
            return Level.TOO_SHORT;
        }
        double bits = bits(passphrase);
        if (bits < 45) {
            return Level.WEAK;
        }
        if (bits < 65) {
            return Level.FAIR;
        }
        if (bits < 85) {
            return Level.GOOD;
        }
        return Level.STRONG;
    }

    /** The estimated entropy in bits. */
    static double bits(CharSequence p) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        boolean other = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c < 128) {
                symbol = true;
            } else {
                other = true;
            }
        }
        int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
        double perChar = Math.log(Math.max(pool, 2)) / Math.log(2);
        return effectiveLength(p) * perChar;
    }

    /** Length counting a repeated or consecutive character, and a well-known password, as little. */
    private static double effectiveLength(CharSequence p) {
        String s = p.toString().toLowerCase(Locale.ROOT);
        double length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i > 0 && (c == s.charAt(i - 1) || c == s.charAt(i - 1) + 1 || c == s.charAt(i - 1) - 1)) {
                length += 0.25;
            } else {
                length += 1;
            }
        }
        for (String word : COMMON) {
            if (s.contains(word)) {
                length -= word.length() - 1;
            }
        }
        return Math.max(length, 1);
    }
}
