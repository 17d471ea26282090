package org.deidworkbench.deid.method;

import org.deidworkbench.crypto.CryptoException;
import org.deidworkbench.crypto.Ff1Cipher;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.UnprocessableValueException;

/**
 * {@code encrypt}: FF1 format-preserving encryption; separators stay in place and the value can be
 * decrypted with the project key. Values too short for NIST's minimum domain cannot be encrypted
 * safely and are reported, not passed through.
 */
public final class EncryptMethod implements DeidMethod {

    private final Ff1Cipher cipher;
    private final String domain;
    private final String alphabet;

    /** Binds the cipher to its tweak domain and alphabet. */
    public EncryptMethod(Ff1Cipher cipher, String domain, String alphabet) {
        this.cipher = cipher;
        this.domain = domain;
        this.alphabet = alphabet;
    }

    @Override
    public String apply(String value, FieldContext context) throws UnprocessableValueException {
        try {
            return cipher.encrypt(domain, value, alphabet);
        } catch (CryptoException e) {
            throw new UnprocessableValueException(e.code(), e.getMessage());
        }
    }
}
