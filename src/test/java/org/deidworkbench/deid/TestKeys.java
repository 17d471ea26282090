package org.deidworkbench.deid;

import org.deidworkbench.crypto.ProjectSecret;

/** A fixed project key for engine tests, so that every expected value is reproducible. */
public final class TestKeys {

    private TestKeys() {
    }

    /** The 32 bytes 0x00, 0x01, …, 0x1F as the project secret. */
    public static ProjectSecret secret() {
        byte[] b = new byte[ProjectSecret.LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return ProjectSecret.of(b);
    }

    /** Every purpose key derived from {@link #secret()}. */
    public static KeyRing keyRing() {
        return KeyRing.from(secret());
    }
}
