package org.deidworkbench.keyfile;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Changes who can open a key file: add or remove a trustee certificate, change the passphrase. Each
 * change opens the file with the passphrase (only a passphrase holder, the steward, manages recipients)
 * and re-seals it with a <b>fresh content key</b> for the new set of recipients, atomically and
 * verified ({@link KeyFileStore#save}); a removed trustee's old knowledge of the content key therefore
 * opens nothing written afterwards. Stateless and thread-safe; each call costs two or three PBKDF2 runs.
 */
public final class KeyFileRecipients {

    private KeyFileRecipients() {
    }

    /**
     * Adds a trustee: an RSA (at least 2048 bits, RSA-OAEP-SHA256) or EC (ECDH) certificate.
     *
     * @throws KeyFileException RECIPIENT_CONFLICT when the certificate is already a trustee, or the file has a
     *         trustee entry whose certificate is not stored (re-sealing would drop it); any reason of
     *         {@link KeyFileStore#open(Path, char[])} and {@link KeyFileStore#save}
     * @throws IllegalArgumentException for an unsupported key (see {@link KeyFileStore#checkTrustee})
     */
    public static void add(Path file, char[] passphrase, X509Certificate certificate) throws KeyFileException {
        add(file, passphrase, certificate, KeyFileStore.SealOptions.DEFAULT);
    }

    static void add(Path file, char[] passphrase, X509Certificate certificate, KeyFileStore.SealOptions options)
            throws KeyFileException {
        Objects.requireNonNull(certificate, "certificate");
        KeyFileStore.checkTrustee(certificate);
        List<X509Certificate> trustees = storedTrustees(file);
        if (trustees.contains(certificate)) {
            throw new KeyFileException(Reason.RECIPIENT_CONFLICT, file, "Key file " + file + " already has the trustee "
                    + describe(certificate) + "; nothing was changed.");
        }
        KeyFileContents contents = KeyFileStore.open(file, passphrase);
        List<X509Certificate> updated = new ArrayList<>(trustees);
        updated.add(certificate);
        KeyFileStore.save(file, contents, passphrase, updated, options, true);
    }

    /**
     * Removes the trustee whose certificate has the given serial number (hexadecimal, as {@code inspect} shows it).
     *
     * @return the certificate removed
     * @throws KeyFileException RECIPIENT_CONFLICT when no trustee has that serial number (or several have)
     */
    public static X509Certificate remove(Path file, char[] passphrase, String serialHex) throws KeyFileException {
        return remove(file, passphrase, serialHex, KeyFileStore.SealOptions.DEFAULT);
    }

    static X509Certificate remove(Path file, char[] passphrase, String serialHex, KeyFileStore.SealOptions options)
            throws KeyFileException {
        BigInteger serial;
        try {
            serial = new BigInteger(serialHex.replace(":", ""), 16);
        } catch (NumberFormatException e) {
            throw new KeyFileException(Reason.RECIPIENT_CONFLICT, file, "'" + serialHex
                    + "' is not a hexadecimal serial number; `deid keyfile inspect` lists the trustees' serials.");
        }
        List<X509Certificate> trustees = storedTrustees(file);
        List<X509Certificate> matching = trustees.stream().filter(c -> c.getSerialNumber().equals(serial)).toList();
        if (matching.size() != 1) {
            throw new KeyFileException(Reason.RECIPIENT_CONFLICT, file, "Key file " + file + " has " + matching.size()
                    + " trustees with serial number " + serial.toString(16) + "; nothing was changed."
                    + (matching.isEmpty() ? " `deid keyfile inspect` lists them." : " Remove it by certificate instead."));
        }
        remove(file, passphrase, matching.get(0), options);
        return matching.get(0);
    }

    /**
     * Removes the trustee with this certificate.
     *
     * @throws KeyFileException RECIPIENT_CONFLICT when it is not a trustee of the file
     */
    public static void remove(Path file, char[] passphrase, X509Certificate certificate) throws KeyFileException {
        remove(file, passphrase, certificate, KeyFileStore.SealOptions.DEFAULT);
    }

    static void remove(Path file, char[] passphrase, X509Certificate certificate, KeyFileStore.SealOptions options)
            throws KeyFileException {
        List<X509Certificate> trustees = storedTrustees(file);
        if (!trustees.contains(certificate)) {
            throw new KeyFileException(Reason.RECIPIENT_CONFLICT, file, "Key file " + file + " has no trustee "
                    + describe(certificate) + "; nothing was changed.");
        }
        KeyFileContents contents = KeyFileStore.open(file, passphrase);
        List<X509Certificate> updated = new ArrayList<>(trustees);
        updated.remove(certificate);
        KeyFileStore.save(file, contents, passphrase, updated, options, true);
    }

    /**
     * Replaces the passphrase; trustees (and custodians' shares) keep working.
     *
     * @throws IllegalArgumentException when the new passphrase is empty
     */
    public static void changePassphrase(Path file, char[] oldPassphrase, char[] newPassphrase) throws KeyFileException {
        changePassphrase(file, oldPassphrase, newPassphrase, KeyFileStore.SealOptions.DEFAULT);
    }

    static void changePassphrase(Path file, char[] oldPassphrase, char[] newPassphrase, KeyFileStore.SealOptions options)
            throws KeyFileException {
        if (newPassphrase.length == 0) {
            throw new IllegalArgumentException("the new passphrase must not be empty");
        }
        List<X509Certificate> trustees = storedTrustees(file);
        KeyFileContents contents = KeyFileStore.open(file, oldPassphrase);
        if (Arrays.equals(oldPassphrase, newPassphrase)) {
            throw new KeyFileException(Reason.RECIPIENT_CONFLICT, file, "The new passphrase is the old one; key file "
                    + file + " was not changed.");
        }
        KeyFileStore.save(file, contents, newPassphrase, trustees, options, true);
    }

    /**
     * The trustees to keep when re-sealing; refuses a file with a trustee entry whose certificate is not stored,
     * because a re-seal would silently lock that trustee out.
     */
    private static List<X509Certificate> storedTrustees(Path file) throws KeyFileException {
        KeyFileInfo info = KeyFileStore.inspect(file);
        long entries = info.recipients().stream().filter(r -> r instanceof KeyFileInfo.CertificateEntry).count();
        List<X509Certificate> stored = KeyFileStore.trustees(file);
        if (stored.size() != entries) {
            throw new KeyFileException(Reason.RECIPIENT_CONFLICT, file, "Key file " + file + " has " + entries
                    + " trustee entries but stores the certificates of only " + stored.size()
                    + " (it was sealed by another tool); re-sealing would lock the others out, so nothing was changed.");
        }
        return stored;
    }

    /** Subject and serial, for messages (certificates are public). */
    public static String describe(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName() + " (serial " + certificate.getSerialNumber().toString(16) + ")";
    }
}
