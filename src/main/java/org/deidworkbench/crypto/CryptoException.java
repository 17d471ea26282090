package org.deidworkbench.crypto;

import java.util.Objects;

/**
 * A failure of a keyed cryptographic primitive, with a stable {@link #code()} (e.g.
 * {@code FPE-DOMAIN-TOO-SMALL}) that callers and documentation can rely on. Messages name counts,
 * lengths and settings, never a data value, key or secret.
 */
public final class CryptoException extends RuntimeException {

    /** FF1 was given fewer encryptable characters than NIST SP 800-38G Rev.1 allows for the alphabet. */
    public static final String FPE_DOMAIN_TOO_SMALL = "FPE-DOMAIN-TOO-SMALL";
    /** FF1 was given more encryptable characters than {@link Ff1Cipher#MAX_SYMBOLS}. */
    public static final String FPE_VALUE_TOO_LONG = "FPE-VALUE-TOO-LONG";
    /** An FF1 alphabet is too short, too long, repeats a character or contains a surrogate. */
    public static final String FPE_ALPHABET_INVALID = "FPE-ALPHABET-INVALID";
    /** FF1 is switched off in Bouncy Castle by the {@code org.bouncycastle.fpe.disable*} system properties. */
    public static final String FPE_UNAVAILABLE = "FPE-UNAVAILABLE";
    /** A key derivation was asked for an empty purpose. */
    public static final String KDF_PURPOSE_INVALID = "KDF-PURPOSE-INVALID";
    /** A key derivation was asked for fewer than 1 or more than 8160 bytes (the HKDF-SHA256 limit). */
    public static final String KDF_LENGTH_INVALID = "KDF-LENGTH-INVALID";
    /** A pseudonym domain contains U+0000, which separates the domain from the value in the HMAC input. */
    public static final String PSEUDONYM_DOMAIN_INVALID = "PSEUDONYM-DOMAIN-INVALID";
    /** A UID to be remapped is empty once padding and whitespace are removed. */
    public static final String UID_EMPTY = "UID-EMPTY";
    /** The Java runtime lacks HMAC-SHA256 (a broken or stripped JRE). */
    public static final String ALGORITHM_UNAVAILABLE = "CRYPTO-ALGORITHM-UNAVAILABLE";

    private static final long serialVersionUID = 1L;

    private final String code;

    /** An error with a stable code and a message that names no data value or secret. */
    public CryptoException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** As {@link #CryptoException(String, String)}, keeping the underlying cause. */
    public CryptoException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable error code, e.g. {@code FPE-DOMAIN-TOO-SMALL}. */
    public String code() {
        return code;
    }
}
