package org.deidworkbench.crypto;

import java.io.Serializable;
import java.util.Objects;

/**
 * The four purpose keys of a project (pseudonym HMAC, FF1, date shift, UID), derived from its secret
 * with HKDF and nothing else: what a worker that de-identifies needs, without the project secret
 * (which also derives the audit key and is what the key file seals) and without the passphrase.
 * Serializable so that a cluster's driver can hand them to its workers (issue 13, decision 0021).
 *
 * <p>Holds key material: never logged ({@link #toString()} says nothing about it), compared or
 * written anywhere but to a worker. Immutable; the arrays are private copies.
 */
public final class PurposeKeys implements Serializable {

    private static final long serialVersionUID = 1L;

    private final byte[] pseudonym;
    private final byte[] ff1;
    private final byte[] dateShift;
    private final byte[] uid;

    private PurposeKeys(byte[] pseudonym, byte[] ff1, byte[] dateShift, byte[] uid) {
        this.pseudonym = pseudonym;
        this.ff1 = ff1;
        this.dateShift = dateShift;
        this.uid = uid;
    }

    /** Derives the purpose keys from {@code secret}, exactly as each primitive derives its own. */
    public static PurposeKeys derive(ProjectSecret secret) {
        Objects.requireNonNull(secret, "secret");
        return new PurposeKeys(KeyDerivation.derive(secret, KeyDerivation.PSEUDONYM, 32),
                KeyDerivation.derive(secret, KeyDerivation.FF1, 32),
                KeyDerivation.derive(secret, KeyDerivation.DATE_SHIFT, 32),
                KeyDerivation.derive(secret, KeyDerivation.UID, 32));
    }

    byte[] pseudonym() {
        return pseudonym.clone();
    }

    byte[] ff1() {
        return ff1.clone();
    }

    byte[] dateShift() {
        return dateShift.clone();
    }

    byte[] uid() {
        return uid.clone();
    }

    @Override
    public String toString() {
        return "PurposeKeys[not shown]";
    }
}
