package org.deidworkbench.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.fpe.FPEFF1Engine;
import org.bouncycastle.crypto.params.FPEParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Reversible format-preserving encryption of identifiers with FF1 (NIST SP 800-38G Rev.1) over
 * AES-256, keyed by {@code HKDF(secret, "ff1", 32)} and tweaked by the UTF-8 bytes of the domain.
 *
 * <p>The characters of a value that belong to the alphabet are encrypted together as one FF1
 * numeral string, in order; every other character is copied to the same position unchanged. So with
 * {@link #DIGITS}, {@code 123-45-6789} keeps its dashes and length. <b>Characters outside the
 * alphabet stay in clear</b>: choose an alphabet that covers every identifying character.
 *
 * <p>Limits: SP 800-38G Rev.1 requires {@code radix^n >= 1,000,000} for {@code n} encryptable
 * characters (at least 6 digits, or 4 characters of a 36- or 62-character alphabet); shorter values
 * fail with {@code FPE-DOMAIN-TOO-SMALL} rather than being weakly encrypted. A value without any
 * encryptable character (e.g. empty) is returned unchanged. At most {@link #MAX_SYMBOLS} characters
 * are encrypted per value ({@code FPE-VALUE-TOO-LONG}), which bounds the cost per cell. An alphabet
 * has 2..256 distinct non-surrogate characters ({@code FPE-ALPHABET-INVALID}).
 *
 * <p>Thread-safe. Cost per call: ten AES-CBC-MAC rounds plus big-integer arithmetic on the numeral
 * string (tens of microseconds for short identifiers); a fresh Bouncy Castle engine per call, since
 * engines hold state.
 */
public final class Ff1Cipher {

    /** Decimal digits: SSNs, MRNs, phone numbers. */
    public static final String DIGITS = "0123456789";
    /** Digits and upper-case Latin letters. */
    public static final String UPPER_ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /** Digits, upper-case and lower-case Latin letters. */
    public static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** The most encryptable characters accepted in one value. */
    public static final int MAX_SYMBOLS = 4096;

    /** NIST SP 800-38G Rev.1 §5.2: the domain must hold at least a million values. */
    private static final long MIN_DOMAIN_SIZE = 1_000_000L;
    private static final int MAX_RADIX = 256;
    private static final int MAX_CACHED_ALPHABETS = 64;
    private static final Map<String, Alphabet> STANDARD_ALPHABETS = Map.of(
            DIGITS, new Alphabet(DIGITS), UPPER_ALPHANUMERIC, new Alphabet(UPPER_ALPHANUMERIC),
            ALPHANUMERIC, new Alphabet(ALPHANUMERIC));

    private final byte[] aesKey;
    private final Map<String, Alphabet> customAlphabets = new ConcurrentHashMap<>();

    /** With the already derived FF1 key of {@code keys} (a worker that has no project secret). */
    public Ff1Cipher(PurposeKeys keys) {
        this(keys.ff1(), true);
    }

    /** Derives the FF1 key from {@code secret} once. */
    public Ff1Cipher(ProjectSecret secret) {
        this(KeyDerivation.derive(Objects.requireNonNull(secret, "secret"), KeyDerivation.FF1, 32), true);
    }

    /**
     * With a raw AES key of 16, 24 or 32 bytes, for the NIST SP 800-38G sample vectors. The array is
     * taken over (and owned) when {@code owned}, copied otherwise.
     */
    Ff1Cipher(byte[] aesKey, boolean owned) {
        if (aesKey.length != 16 && aesKey.length != 24 && aesKey.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + aesKey.length);
        }
        this.aesKey = owned ? aesKey : aesKey.clone();
    }

    /**
     * Encrypts the characters of {@code value} that are in {@code alphabet}, under the tweak
     * {@code domain}; the result has the same length and the same other characters.
     *
     * @throws CryptoException {@code FPE-DOMAIN-TOO-SMALL}, {@code FPE-VALUE-TOO-LONG} or
     *         {@code FPE-ALPHABET-INVALID} (see the class description)
     */
    public String encrypt(String domain, String value, String alphabet) {
        return process(true, domain, value, alphabet);
    }

    /** Reverses {@link #encrypt(String, String, String)} for the same domain and alphabet. */
    public String decrypt(String domain, String value, String alphabet) {
        return process(false, domain, value, alphabet);
    }

    private String process(boolean encrypt, String domain, String value, String alphabetSymbols) {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(value, "value");
        Alphabet alphabet = alphabet(Objects.requireNonNull(alphabetSymbols, "alphabet"));

        char[] chars = value.toCharArray();
        byte[] numerals = new byte[chars.length];
        int count = 0;
        for (char c : chars) {
            int index = alphabet.indexOf(c);
            if (index >= 0) {
                numerals[count++] = (byte) index;
            }
        }
        if (count == 0) {
            return value;
        }
        if (count < alphabet.minLength) {
            throw new CryptoException(CryptoException.FPE_DOMAIN_TOO_SMALL, "value has " + count
                    + " character(s) from the " + alphabet.radix + "-character alphabet; FF1 needs at least "
                    + alphabet.minLength + " (NIST SP 800-38G Rev.1: radix^length >= 1,000,000); "
                    + "pseudonymize values this short instead of encrypting them");
        }
        if (count > MAX_SYMBOLS) {
            throw new CryptoException(CryptoException.FPE_VALUE_TOO_LONG, "value has " + count
                    + " characters from the alphabet; FF1 encryption is limited to " + MAX_SYMBOLS + " per value");
        }

        byte[] result = new byte[count];
        engine(encrypt, alphabet.radix, domain.getBytes(StandardCharsets.UTF_8)).processBlock(numerals, 0, count, result, 0);
        for (int i = 0, next = 0; i < chars.length; i++) {
            if (alphabet.indexOf(chars[i]) >= 0) {
                chars[i] = alphabet.symbols.charAt(result[next++] & 0xFF);
            }
        }
        return new String(chars);
    }

    private FPEFF1Engine engine(boolean encrypt, int radix, byte[] tweak) {
        try {
            FPEFF1Engine engine = new FPEFF1Engine(AESEngine.newInstance());
            engine.init(encrypt, new FPEParameters(new KeyParameter(aesKey), radix, tweak));
            return engine;
        } catch (UnsupportedOperationException e) {
            throw new CryptoException(CryptoException.FPE_UNAVAILABLE, "FF1 is disabled in Bouncy Castle "
                    + "(system property org.bouncycastle.fpe.disable or org.bouncycastle.fpe.disable_ff1)", e);
        }
    }

    private Alphabet alphabet(String symbols) {
        Alphabet standard = STANDARD_ALPHABETS.get(symbols);
        if (standard != null) {
            return standard;
        }
        Alphabet cached = customAlphabets.get(symbols);
        if (cached != null) {
            return cached;
        }
        Alphabet alphabet = new Alphabet(symbols);
        // Profiles name few alphabets; the cap only guards against a caller inventing one per value.
        if (customAlphabets.size() < MAX_CACHED_ALPHABETS) {
            customAlphabets.putIfAbsent(symbols, alphabet);
        }
        return alphabet;
    }

    /** The smallest n >= 2 with radix^n >= 1,000,000. */
    static int minLength(int radix) {
        int n = 1;
        long size = radix;
        while (size < MIN_DOMAIN_SIZE || n < 2) {
            size *= radix;
            n++;
        }
        return n;
    }

    /** A validated FF1 alphabet with a fast character-to-numeral lookup. */
    private static final class Alphabet {
        final String symbols;
        final int radix;
        final int minLength;
        private final short[] asciiIndex = new short[128];
        private final boolean hasNonAscii;

        Alphabet(String symbols) {
            int radix = symbols.length();
            if (radix < 2 || radix > MAX_RADIX) {
                throw new CryptoException(CryptoException.FPE_ALPHABET_INVALID,
                        "FF1 alphabet has " + radix + " characters; it needs 2.." + MAX_RADIX);
            }
            Arrays.fill(asciiIndex, (short) -1);
            boolean nonAscii = false;
            for (int i = 0; i < radix; i++) {
                char c = symbols.charAt(i);
                if (Character.isSurrogate(c)) {
                    throw new CryptoException(CryptoException.FPE_ALPHABET_INVALID,
                            "FF1 alphabet has a surrogate (supplementary character) at index " + i);
                }
                if (symbols.indexOf(c) != i) {
                    throw new CryptoException(CryptoException.FPE_ALPHABET_INVALID,
                            "FF1 alphabet repeats the character at index " + symbols.indexOf(c) + " at index " + i);
                }
                if (c < 128) {
                    asciiIndex[c] = (short) i;
                } else {
                    nonAscii = true;
                }
            }
            this.symbols = symbols;
            this.radix = radix;
            this.minLength = minLength(radix);
            this.hasNonAscii = nonAscii;
        }

        /** The numeral of {@code c}, or -1 if {@code c} is not in the alphabet. */
        int indexOf(char c) {
            if (c < 128) {
                return asciiIndex[c];
            }
            return hasNonAscii ? symbols.indexOf(c) : -1;
        }
    }
}
