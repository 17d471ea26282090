package org.deidworkbench.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Replaces a DICOM UID by a new one that is the same wherever the old one occurs (so references
 * between instances, series and studies stay intact) and reveals nothing about it.
 *
 * <p>{@code tag = HMAC-SHA256(HKDF(secret, "uid", 32), UTF-8(trimmed uid))}. Its first 16 bytes,
 * with the RFC 9562 version field set to 8 (custom) and the variant bits to {@code 10}, form a UUID;
 * the result is the UUID-derived OID {@code 2.25.<that UUID as an unsigned decimal integer>}
 * (ITU-T X.667 / DICOM PS3.5 §B.2): at most 44 characters, no leading zero. Trimming removes
 * leading and trailing whitespace and U+0000, because DICOM pads UI values with a NUL to an even
 * length and a padded and an unpadded copy of one UID must map to the same new UID.
 *
 * <p>Thread-safe. Cost per call: one HMAC-SHA256 and one 128-bit decimal conversion; the key is
 * derived once in the constructor.
 */
public final class UidDeriver {

    /** The OID arc of UUID-derived UIDs. */
    public static final String UUID_ROOT = "2.25.";

    private final KeyedHmac hmac;

    /** With the already derived purpose key of {@code keys} (a worker that has no project secret). */
    public UidDeriver(PurposeKeys keys) {
        byte[] key = keys.uid();
        try {
            this.hmac = new KeyedHmac(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Derives the UID key from {@code secret} once. */
    public UidDeriver(ProjectSecret secret) {
        byte[] key = KeyDerivation.derive(Objects.requireNonNull(secret, "secret"), KeyDerivation.UID, 32);
        try {
            this.hmac = new KeyedHmac(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * The replacement of {@code uid}.
     *
     * @throws CryptoException {@code UID-EMPTY} if nothing is left after trimming
     */
    public String derive(String uid) {
        String trimmed = trim(Objects.requireNonNull(uid, "uid"));
        if (trimmed.isEmpty()) {
            throw new CryptoException(CryptoException.UID_EMPTY, "cannot derive a replacement for an empty UID");
        }
        byte[] uuid = Arrays.copyOf(hmac.tag(trimmed.getBytes(StandardCharsets.UTF_8)), 16);
        uuid[6] = (byte) ((uuid[6] & 0x0F) | 0x80); // version 8
        uuid[8] = (byte) ((uuid[8] & 0x3F) | 0x80); // variant 10xx
        return UUID_ROOT + new BigInteger(1, uuid);
    }

    private static String trim(String uid) {
        int from = 0;
        int to = uid.length();
        while (from < to && isPadding(uid.charAt(from))) {
            from++;
        }
        while (to > from && isPadding(uid.charAt(to - 1))) {
            to--;
        }
        return uid.substring(from, to);
    }

    private static boolean isPadding(char c) {
        return c == '\0' || Character.isWhitespace(c);
    }
}
