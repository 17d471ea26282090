package org.deidworkbench.keyfile;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A passphrase and the key-encryption key of the next seal, derived ahead of time. Sealing a key file
 * runs PBKDF2 (600,000 iterations) under a fresh random salt; nothing in that derivation depends on what
 * is sealed, so a run starts it on a background thread when it opens the key file and the seal at its end
 * does not wait for it ({@link #inBackground}). The salt is new for every instance, as it is for every
 * seal without one. Use an instance for one save, then close it: closing wipes the passphrase copy and
 * the derived key, also while a background derivation is still running (it wipes its result itself).
 * Thread-safe.
 */
public final class SealingKey implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Bits of the key-encryption key: AES-256 key wrap of the password entry. */
    static final int KEY_BITS = 256;

    private final Object lock = new Object();
    private final char[] passphrase;
    private final byte[] salt;
    private final int iterations;
    private final AtomicBoolean started = new AtomicBoolean();
    private final CountDownLatch derived = new CountDownLatch(1);
    private byte[] key; // guarded by lock
    private boolean closed; // guarded by lock

    private SealingKey(char[] passphrase, int iterations) {
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the key file passphrase must not be empty");
        }
        this.passphrase = passphrase.clone();
        this.salt = new byte[KeyFileStore.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        this.iterations = iterations;
    }

    /**
     * A key for the passphrase (copied now: the caller may wipe its array at once) under a new salt and the
     * iteration count of new key files. Nothing is derived yet.
     */
    public static SealingKey of(char[] passphrase) {
        return new SealingKey(passphrase, KeyFileStore.PBKDF2_ITERATIONS);
    }

    /** As {@link #of}, with another iteration count (tests). */
    static SealingKey of(char[] passphrase, int iterations) {
        return new SealingKey(passphrase, iterations);
    }

    /** Starts the derivation on a new daemon thread and returns at once. */
    public SealingKey inBackground() {
        if (!started.get()) {
            Thread t = new Thread(this::derive, "deid-sealing-key");
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /**
     * Derives the key now on this thread (or waits for a derivation already started) and returns it:
     * for a caller that must not have the derivation run beside other work it times (benchmarks).
     */
    public SealingKey derivedNow() {
        derive();
        return this;
    }

    /** Derives now on this thread, or waits for the derivation another thread runs. */
    void derive() {
        if (!started.compareAndSet(false, true)) {
            awaitDerived();
            return;
        }
        try {
            char[] chars;
            synchronized (lock) {
                if (closed) {
                    return;
                }
                chars = passphrase.clone();
            }
            byte[] k;
            try {
                k = Pbkdf2.hmacSha256(chars, salt, iterations, KEY_BITS);
            } finally {
                Arrays.fill(chars, '\0');
            }
            synchronized (lock) {
                if (closed) {
                    Arrays.fill(k, (byte) 0);
                } else {
                    key = k;
                }
            }
        } catch (RuntimeException e) {
            // No key: the seal derives one itself (and reports its own failure, if any).
        } finally {
            derived.countDown();
        }
    }

    private void awaitDerived() {
        boolean interrupted = false;
        while (true) {
            try {
                derived.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** A copy of the passphrase for the seal's password entry and its verification; the caller wipes it. */
    char[] passphrase() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("this sealing key is closed");
            }
            return passphrase.clone();
        }
    }

    byte[] salt() {
        return salt.clone();
    }

    int iterations() {
        return iterations;
    }

    /**
     * A copy of the derived key if these are its parameters (salt, iteration count, HMAC-SHA256 implied by
     * the caller, size), derived now if no thread started it; {@code null} otherwise.
     */
    byte[] keyFor(byte[] otherSalt, BigInteger otherIterations, int bits) {
        if (bits != KEY_BITS || !Arrays.equals(salt, otherSalt) || !BigInteger.valueOf(iterations).equals(otherIterations)) {
            return null;
        }
        derive();
        synchronized (lock) {
            return key == null ? null : key.clone();
        }
    }

    /** Wipes the passphrase copy and the derived key; a derivation still running wipes its result. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            Arrays.fill(passphrase, '\0');
            if (key != null) {
                Arrays.fill(key, (byte) 0);
                key = null;
            }
        }
    }
}
