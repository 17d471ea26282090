package org.deidworkbench.keyfile;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * What opens a key file: its passphrase, or a trustee's private key with the certificate it belongs to.
 * Any one recipient entry of the file opens it (keyfile-format.md §1). The credential's secret parts are
 * not copied; whoever made the credential wipes them ({@link #wipe()}). {@code toString()} hides them.
 */
public sealed interface KeyFileCredential permits KeyFileCredential.Passphrase, KeyFileCredential.Trustee,
        KeyFileCredential.Custodians {

    /** Overwrites what can be overwritten (the passphrase characters); keys are left to their provider. */
    void wipe();

    /** The passphrase of the file's password entry; the array is used as is, not copied. */
    record Passphrase(char[] chars) implements KeyFileCredential {
        public Passphrase {
            Objects.requireNonNull(chars, "chars");
        }

        @Override
        public void wipe() {
            Arrays.fill(chars, '\0');
        }

        @Override
        public String toString() {
            return "Passphrase[<hidden>]";
        }
    }

    /** Custodians' shares of a split key (at least the split's threshold of them, see {@link Custody}). */
    record Custodians(java.util.List<KeyShare> shares) implements KeyFileCredential {
        public Custodians {
            shares = java.util.List.copyOf(shares);
        }

        @Override
        public void wipe() {
            shares.forEach(KeyShare::wipe);
        }

        @Override
        public String toString() {
            return "Custodians[" + shares.size() + " shares]";
        }
    }

    /** A trustee's private key and the certificate whose entry in the file it opens. */
    record Trustee(PrivateKey key, X509Certificate certificate) implements KeyFileCredential {
        public Trustee {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(certificate, "certificate");
        }

        @Override
        public void wipe() {
            // a JCA private key cannot be overwritten portably; it is dropped with this object
        }

        @Override
        public String toString() {
            return "Trustee[" + certificate.getSubjectX500Principal().getName() + "]";
        }
    }
}
