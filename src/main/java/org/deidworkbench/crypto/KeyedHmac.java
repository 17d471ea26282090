package org.deidworkbench.crypto;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one fixed key with one JCA {@link Mac} per thread, so that hot paths neither
 * re-derive keys nor synchronise. Thread-safe; the per-thread instance is created on first use.
 */
final class KeyedHmac {

    private final ThreadLocal<Mac> macs;

    /** Copies {@code key}; the caller may wipe its array afterwards. */
    KeyedHmac(byte[] key) {
        SecretKeySpec spec = new SecretKeySpec(key, KeyDerivation.HMAC_SHA256);
        this.macs = ThreadLocal.withInitial(() -> KeyDerivation.newHmacSha256(spec));
    }

    /**
     * This thread's MAC, ready for {@code update}; finish with {@code doFinal}, which also resets it.
     * Must not escape the calling thread.
     */
    Mac mac() {
        return macs.get();
    }

    /** The 32-byte tag of {@code message}. */
    byte[] tag(byte[] message) {
        return macs.get().doFinal(message);
    }
}
