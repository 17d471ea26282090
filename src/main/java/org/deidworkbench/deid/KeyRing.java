package org.deidworkbench.deid;

import org.deidworkbench.crypto.DateShifter;
import org.deidworkbench.crypto.Ff1Cipher;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.crypto.UidDeriver;

/**
 * The purpose-specific keyed primitives of one project, derived once from its secret.
 * Thread-safe; creating one costs a few HKDF derivations.
 */
public record KeyRing(PseudonymGenerator pseudonyms, Ff1Cipher ff1, DateShifter dates, UidDeriver uids) {

    /** Derives every purpose key from the project secret. */
    public static KeyRing from(ProjectSecret secret) {
        return new KeyRing(new PseudonymGenerator(secret), new Ff1Cipher(secret), new DateShifter(secret),
                new UidDeriver(secret));
    }

    /** From purpose keys derived elsewhere (a cluster worker, which never sees the project secret). */
    public static KeyRing from(org.deidworkbench.crypto.PurposeKeys keys) {
        return new KeyRing(new PseudonymGenerator(keys), new Ff1Cipher(keys), new DateShifter(keys),
                new UidDeriver(keys));
    }
}
