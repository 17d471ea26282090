package org.deidworkbench.keyfile;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a key file says about itself without being decrypted: its size, content cipher and recipient
 * entries (for {@code deid keyfile inspect}). Contains no secret and no original value.
 *
 * @param file the file inspected
 * @param fileSize size in bytes
 * @param contentCipher content encryption, e.g. {@code AES-256-GCM} (or the OID if unknown)
 * @param macLength length of the authentication tag in bytes
 * @param recipients the recipient entries in file order; any one of them opens the file
 */
public record KeyFileInfo(Path file, long fileSize, String contentCipher, int macLength, List<RecipientEntry> recipients) {

    public KeyFileInfo {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contentCipher, "contentCipher");
        recipients = List.copyOf(recipients);
    }

    /** One recipient entry of the CMS envelope. */
    public sealed interface RecipientEntry permits PasswordEntry, CertificateEntry, OtherEntry {
    }

    /**
     * A password entry (PWRI, RFC 3211).
     *
     * @param keyDerivation e.g. {@code PBKDF2}
     * @param prf pseudo-random function of PBKDF2, e.g. {@code HMAC-SHA256} (HMAC-SHA1 when the file uses the default)
     * @param iterationCount PBKDF2 iterations
     * @param saltLength PBKDF2 salt length in bytes
     * @param keyEncryption how the content key is wrapped, e.g. {@code PWRI-KEK/AES-256-CBC}
     */
    public record PasswordEntry(String keyDerivation, String prf, long iterationCount, int saltLength, String keyEncryption)
            implements RecipientEntry {
    }

    /** How a certificate entry carries the content key. */
    public enum CertificateMethod {
        /** KeyTransRecipientInfo, e.g. RSA-OAEP. */
        KEY_TRANSPORT,
        /** KeyAgreeRecipientInfo, e.g. ECDH. */
        KEY_AGREEMENT
    }

    /**
     * A trustee entry for a certificate's key.
     *
     * @param method key transport or key agreement
     * @param keyEncryption e.g. {@code RSA-OAEP/SHA-256} or {@code ECDH-SHA256KDF/AES-256-WRAP}
     * @param issuer issuer DN of the certificate (RFC 4514 string), empty if the entry names a subject key id
     * @param serialNumber serial number, or {@code null} if the entry names a subject key id
     * @param subject subject DN, when the certificate itself is stored in the file
     */
    public record CertificateEntry(CertificateMethod method, String keyEncryption, String issuer, BigInteger serialNumber,
            Optional<String> subject) implements RecipientEntry {
    }

    /**
     * An entry of a kind this tool does not write (e.g. KEKRI), listed so nothing is hidden.
     *
     * @param type a short description of the kind
     */
    public record OtherEntry(String type) implements RecipientEntry {
    }
}
