package org.deidworkbench.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The project's 256-bit secret, from which every purpose key is derived. Thread-safe for reading;
 * {@link #destroy()} wipes it. Never printed: {@link #toString()} hides the bytes.
 */
public final class ProjectSecret {

    /** Length of the secret in bytes. */
    public static final int LENGTH = 32;

    private final byte[] bytes;
    private volatile boolean destroyed;

    private ProjectSecret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A fresh random secret from {@code random} (use a {@link SecureRandom#getInstanceStrong()} or default instance). */
    public static ProjectSecret generate(SecureRandom random) {
        byte[] b = new byte[LENGTH];
        random.nextBytes(b);
        return new ProjectSecret(b);
    }

    /** Wraps a copy of existing secret bytes (e.g. read from the key file); must be 32 bytes. */
    public static ProjectSecret of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("project secret must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new ProjectSecret(bytes.clone());
    }

    /** A copy of the secret bytes; the caller should wipe it after use. */
    public byte[] bytes() {
        if (destroyed) {
            throw new IllegalStateException("project secret was destroyed");
        }
        return bytes.clone();
    }

    /** Overwrites the secret in memory; later use fails. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProjectSecret other && java.security.MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return 0; // deliberately constant: a hash of a secret must not leak bits of it
    }

    @Override
    public String toString() {
        return "ProjectSecret[<hidden>]";
    }
}
