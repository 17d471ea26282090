package org.deidworkbench.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives the purpose keys (pseudonym HMAC, FF1, date shift, UID) from the {@link ProjectSecret}
 * with HKDF-SHA256 (RFC 5869): salt = ASCII {@code deid-workbench/v1}, info = UTF-8 purpose.
 *
 * <p>Separate keys per purpose mean that, for example, a pseudonym never reveals anything about an
 * FF1 ciphertext or a date offset. Thread-safe and stateless; each call costs a few HMAC-SHA256
 * computations, so callers derive once and keep the key.
 */
public final class KeyDerivation {

    /** Purpose of the pseudonym HMAC key. */
    public static final String PSEUDONYM = "pseudonym";
    /** Purpose of the FF1 (AES-256) key. */
    public static final String FF1 = "ff1";
    /** Purpose of the per-subject date offset HMAC key. */
    public static final String DATE_SHIFT = "date-shift";
    /** Purpose of the DICOM UID remapping HMAC key. */
    public static final String UID = "uid";
    /** Purpose of the key that chains the key file's re-identification audit log (HMAC-SHA256). */
    public static final String AUDIT = "audit";

    static final String HMAC_SHA256 = "HmacSHA256";
    static final int HASH_LENGTH = 32;
    /** RFC 5869 allows at most 255 blocks of output. */
    static final int MAX_LENGTH = 255 * HASH_LENGTH;

    private static final byte[] SALT = "deid-workbench/v1".getBytes(StandardCharsets.US_ASCII);

    private KeyDerivation() {
    }

    /**
     * The {@code length}-byte key for {@code purpose}; the caller should wipe it once it is loaded
     * into a cipher or MAC.
     *
     * @throws CryptoException {@code KDF-PURPOSE-INVALID} for an empty purpose,
     *         {@code KDF-LENGTH-INVALID} for a length outside 1..8160
     */
    public static byte[] derive(ProjectSecret secret, String purpose, int length) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.isEmpty()) {
            throw new CryptoException(CryptoException.KDF_PURPOSE_INVALID, "key derivation needs a non-empty purpose");
        }
        byte[] ikm = secret.bytes();
        try {
            return hkdf(ikm, SALT, purpose.getBytes(StandardCharsets.UTF_8), length);
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /** HKDF-SHA256 (RFC 5869) extract-then-expand on raw bytes; an empty salt means 32 zero bytes. */
    static byte[] hkdf(byte[] ikm, byte[] salt, byte[] info, int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new CryptoException(CryptoException.KDF_LENGTH_INVALID,
                    "key length " + length + " is outside 1.." + MAX_LENGTH + " bytes");
        }
        // RFC 5869 §2.2: a missing salt is HashLen zeros (SecretKeySpec also rejects empty keys).
        byte[] prk = hmacSha256(salt.length == 0 ? new byte[HASH_LENGTH] : salt, ikm);
        byte[] okm = new byte[length];
        byte[] block = new byte[0];
        try {
            Mac mac = newHmacSha256(new SecretKeySpec(prk, HMAC_SHA256));
            for (int counter = 1, done = 0; done < length; counter++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) counter);
                Arrays.fill(block, (byte) 0);
                block = mac.doFinal();
                int n = Math.min(block.length, length - done);
                System.arraycopy(block, 0, okm, done, n);
                done += n;
            }
            return okm;
        } finally {
            Arrays.fill(prk, (byte) 0);
            Arrays.fill(block, (byte) 0);
        }
    }

    /** HMAC-SHA256 of {@code data} under a non-empty {@code key}. */
    static byte[] hmacSha256(byte[] key, byte[] data) {
        return newHmacSha256(new SecretKeySpec(key, HMAC_SHA256)).doFinal(data);
    }

    /** A fresh JCA HMAC-SHA256 instance initialised with {@code key}; not thread-safe. */
    static Mac newHmacSha256(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new CryptoException(CryptoException.ALGORITHM_UNAVAILABLE,
                    "this Java runtime cannot compute HMAC-SHA256", e);
        }
    }
}
