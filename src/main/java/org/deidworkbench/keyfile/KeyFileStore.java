package org.deidworkbench.keyfile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.cms.OriginatorInfo;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSAuthEnvelopedDataParser;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.OriginatorInfoGenerator;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.PasswordRecipient;
import org.bouncycastle.cms.PasswordRecipientInformation;
import org.bouncycastle.cms.Recipient;
import org.bouncycastle.cms.RecipientInfoGenerator;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientInformationStore;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder;
import org.bouncycastle.cms.jcajce.JceKeyAgreeAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyAgreeRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JceKeyTransAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator;
import org.bouncycastle.cms.jcajce.JcePasswordAuthEnvelopedRecipient;
import org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputAEADEncryptor;
import org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter;
import org.bouncycastle.util.CollectionStore;
import org.deidworkbench.io.AtomicFiles;
import org.deidworkbench.io.LeavesOpen;
import org.deidworkbench.io.AtomicWriteException;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Opens, seals and inspects key files: DER-encoded CMS AuthEnvelopedData (AES-256-GCM) around the JSON
 * payload, with one password entry (PBKDF2-HMAC-SHA256, 600,000 iterations, 16-byte salt) and optional
 * trustee entries (RSA-OAEP-SHA256 key transport, ECDH-SHA256KDF + AES-256 key wrap). Files open with
 * {@code openssl cms -decrypt -inform DER -in FILE -pwri_password PASS} (OpenSSL 3.0+).
 *
 * <p>Stateless and thread-safe. Cost: each seal and each passphrase open runs PBKDF2 once (about
 * 0.3–1 s, {@link Pbkdf2}); {@link #save} runs it once (its verification reuses the seal's derived key), or not
 * at all when given a {@link SealingKey} derived ahead. Memory: saving
 * streams the payload (about 50 bytes per entry) into the file and back, so it needs stream buffers beyond the
 * contents whatever their size; opening still holds the file and the payload in memory (a few copies).
 * The Bouncy Castle provider is used as an instance and is never installed globally.
 */
public final class KeyFileStore {

    /** PBKDF2 iterations written into every new key file (OWASP's floor for PBKDF2-HMAC-SHA256). */
    public static final int PBKDF2_ITERATIONS = 600_000;
    /** PBKDF2 salt length in bytes. */
    public static final int SALT_LENGTH = 16;
    /**
     * Opening refuses password entries demanding more PBKDF2 iterations than this, so a damaged or
     * hostile file cannot stall the tool for minutes.
     */
    static final long MAX_ITERATIONS_ON_OPEN = 10_000_000L;
    /** Larger files are refused before being read into memory (a million entries is about 60 MB). */
    static final long MAX_FILE_SIZE = 1L << 30;

    static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Parameters of one seal; package-private so tests may lower the iteration count and inject faults.
     *
     * @param afterTempWritten called with the temporary file after it is written and synced, before verification
     */
    record SealOptions(int iterations, AtomicFiles.TempCheck afterTempWritten) {
        static final SealOptions DEFAULT = new SealOptions(PBKDF2_ITERATIONS, temp -> { });
    }

    private KeyFileStore() {
    }

    // ------------------------------------------------------------------------------------------ open

    /**
     * Opens a key file with its passphrase. The passphrase array is not kept or changed; the caller wipes it.
     *
     * @throws KeyFileException NOT_FOUND, NOT_A_KEY_FILE, TRUNCATED, WRONG_PASSPHRASE, TAMPERED,
     *         NO_MATCHING_RECIPIENT (no password entry), UNSUPPORTED_VERSION, CORRUPT_PAYLOAD or IO_ERROR
     */
    public static KeyFileContents open(Path file, char[] passphrase) throws KeyFileException {
        Objects.requireNonNull(passphrase, "passphrase");
        return open(file, new KeyFileCredential.Passphrase(passphrase));
    }

    /**
     * Opens a key file as a trustee, with the private key belonging to {@code certificate}.
     *
     * @throws KeyFileException as {@link #open(Path, char[])}; NO_MATCHING_RECIPIENT when the file has no entry for
     *         the certificate or the key does not belong to it
     */
    public static KeyFileContents open(Path file, PrivateKey key, X509Certificate certificate) throws KeyFileException {
        return open(file, new KeyFileCredential.Trustee(key, certificate));
    }

    /**
     * Opens a key file with any credential: a passphrase, a trustee's private key, or custodians' shares.
     * The credential is not kept or changed; the caller wipes it.
     *
     * @throws KeyFileException as {@link #open(Path, char[])}
     */
    public static KeyFileContents open(Path file, KeyFileCredential credential) throws KeyFileException {
        Opened opened = openCapturingKey(file, credential);
        opened.wipeKey();
        return opened.contents();
    }

    /** A key file read as a stream: its contents (entries outside the heap) and the trustees it is sealed for. */
    public record Streamed(KeyFileContents contents, List<X509Certificate> trustees) {
    }

    /**
     * Opens a key file with its passphrase as a stream (decision 0030): the envelope is parsed as it is read,
     * the payload decrypted as a stream, and its pseudonym entries, date offsets and known identifiers go
     * into {@code store} instead of the heap; the authentication tag is checked at the end of the content, before
     * this returns. For a key file too large to open whole: memory does not grow with the file. The contents
     * seal as the same bytes as the contents {@link #open(Path, char[])} gives (their lookups do not see the
     * stored tuples). Nothing is written to {@code store} before the passphrase is found right.
     *
     * @throws KeyFileException as {@link #open(Path, char[])}; a structure that fails to parse is TAMPERED
     */
    public static Streamed openStreamed(Path file, char[] passphrase, org.deidworkbench.model.SortedTuples.Store store)
            throws KeyFileException {
        Objects.requireNonNull(passphrase, "passphrase");
        if (!Files.exists(file)) {
            throw new KeyFileException(Reason.NOT_FOUND, file, "Key file " + file + " does not exist. Check the path.");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), IO_BUFFER)) {
            CMSAuthEnvelopedDataParser parser;
            try {
                parser = new CMSAuthEnvelopedDataParser(in);
            } catch (CMSException | RuntimeException e) {
                throw new KeyFileException(Reason.NOT_A_KEY_FILE, file, "File " + file
                        + " is not a DeID Workbench key file (it does not parse as CMS AuthEnvelopedData).", e);
            }
            RecipientInformationStore recipients = parser.getRecipientInfos();
            List<X509Certificate> trustees = CmsFile.trusteeCertificates(file, parser.getOriginatorInfo(), recipients);
            KeyCapture capture = new KeyCapture();
            KeyFileContents contents;
            try {
                contents = decryptWithPassphrase(file, recipients, passphrase, capture, null,
                    (entry, recipient) -> {
                        try (InputStream plain = entry.getContentStream(recipient).getContentStream()) {
                            KeyFileContents read;
                            byte[] rest = new byte[IO_BUFFER];
                            try {
                                read = PayloadCodec.readStreamed(plain, file, store);
                            } catch (KeyFileException e) {
                                // Authentic but unreadable, or damaged? The tag at the end of the content says which.
                                while (plain.read(rest) >= 0) {
                                    // a failing tag throws here and makes this a TAMPERED file
                                }
                                throw new StreamedFailure(e);
                            }
                            while (plain.read(rest) >= 0) {
                                // to the end of the content, where the tag is checked (JSON has nothing after its end)
                            }
                            return read;
                        }
                    });
            } finally {
                capture.wipe();
            }
            return new Streamed(contents, trustees);
        } catch (StreamedFailure e) {
            throw e.failure;
        } catch (IOException e) {
            throw new KeyFileException(Reason.IO_ERROR, file, "Could not read key file " + file + ": "
                    + e.getClass().getSimpleName() + ".", e);
        }
    }

    /** A payload error inside a stream decryption, kept apart from the decryption's own failures. */
    private static final class StreamedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient KeyFileException failure;

        StreamedFailure(KeyFileException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }

    /**
     * A file opened together with its content-encryption key, so it can be re-sealed for exactly the same
     * recipients ({@link Resealer}) by whoever opened it. The caller wipes the key.
     */
    record Opened(KeyFileContents contents, byte[] contentKey, byte[] der) {
        void wipeKey() {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    static Opened openCapturingKey(Path file, KeyFileCredential credential) throws KeyFileException {
        Objects.requireNonNull(credential, "credential");
        byte[] der = CmsFile.read(file);
        CMSAuthEnvelopedData envelope = CmsFile.parse(file, der);
        KeyCapture capture = new KeyCapture();
        byte[] payload;
        if (credential instanceof KeyFileCredential.Passphrase p) {
            payload = decryptWithPassphrase(file, envelope, p.chars(), capture, null);
        } else if (credential instanceof KeyFileCredential.Trustee t) {
            payload = decryptAsTrustee(file, envelope, t, capture);
        } else {
            payload = Custody.decrypt(file, envelope, (KeyFileCredential.Custodians) credential, capture);
        }
        try {
            if (capture.key == null) {
                throw new KeyFileException(Reason.TAMPERED, file, "Key file " + file
                        + " opened but its content key could not be recovered; restore it from a backup.");
            }
            return new Opened(PayloadCodec.read(payload, file), capture.key, der);
        } catch (KeyFileException e) {
            capture.wipe();
            throw e;
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** Receives the content-encryption key from whichever recipient entry opened the file. */
    static final class KeyCapture {
        private byte[] key;

        void accept(java.security.Key k) {
            if (k != null && k.getEncoded() != null) {
                wipe();
                key = k.getEncoded();
            }
        }

        void wipe() {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
                key = null;
            }
        }
    }

    private static byte[] decryptAsTrustee(Path file, CMSAuthEnvelopedData envelope, KeyFileCredential.Trustee trustee,
            KeyCapture capture) throws KeyFileException {
        PrivateKey key = trustee.key();
        X509Certificate certificate = trustee.certificate();
        X509CertificateHolder holder = holder(certificate);
        RecipientInformation entry = null;
        for (RecipientInformation ri : envelope.getRecipientInfos().getRecipients()) {
            if ((ri instanceof KeyTransRecipientInformation || ri instanceof KeyAgreeRecipientInformation)
                    && ((PKIXRecipientId) ri.getRID()).match(holder)) {
                entry = ri;
                break;
            }
        }
        if (entry == null) {
            throw new KeyFileException(Reason.NO_MATCHING_RECIPIENT, file, "Key file " + file
                    + " has no trustee entry for the certificate " + certificate.getSubjectX500Principal().getName()
                    + " (serial " + certificate.getSerialNumber().toString(16) + "). Use the passphrase or another trustee's key.");
        }
        if (!keyBelongsToCertificate(key, certificate)) {
            throw new KeyFileException(Reason.NO_MATCHING_RECIPIENT, file, "The private key given does not belong to the"
                    + " certificate " + certificate.getSubjectX500Principal().getName() + "; key file " + file
                    + " was not opened. Check that the key and certificate files belong together.");
        }
        Recipient recipient = entry instanceof KeyTransRecipientInformation
                ? new CapturingKeyTransRecipient(key, capture).setProvider(BC)
                        .setAllowedContentAlgorithms(Set.of(CMSAlgorithm.AES256_GCM)).setMinimumTagSize(128)
                : new CapturingKeyAgreeRecipient(key, capture).setProvider(BC)
                        .setAllowedContentAlgorithms(Set.of(CMSAlgorithm.AES256_GCM)).setMinimumTagSize(128);
        try {
            return entry.getContent(recipient);
        } catch (CMSException | RuntimeException e) {
            capture.wipe();
            // the key fits the certificate, so a failure here means the entry or the content was changed
            throw tampered(file, e);
        }
    }

    /** RSA key transport recipient that hands the unwrapped content key to a {@link KeyCapture}. */
    private static final class CapturingKeyTransRecipient extends JceKeyTransAuthEnvelopedRecipient {
        private final KeyCapture capture;

        CapturingKeyTransRecipient(PrivateKey key, KeyCapture capture) {
            super(key);
            this.capture = capture;
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier content,
                byte[] encryptedKey) throws CMSException {
            capture.accept(extractSecretKey(keyEncryption, content, encryptedKey));
            return super.getRecipientOperator(keyEncryption, content, encryptedKey);
        }
    }

    /** ECDH key agreement recipient that hands the unwrapped content key to a {@link KeyCapture}. */
    private static final class CapturingKeyAgreeRecipient extends JceKeyAgreeAuthEnvelopedRecipient {
        private final KeyCapture capture;

        CapturingKeyAgreeRecipient(PrivateKey key, KeyCapture capture) {
            super(key);
            this.capture = capture;
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier content,
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo sender, org.bouncycastle.asn1.ASN1OctetString ukm,
                byte[] encryptedKey) throws CMSException {
            capture.accept(extractSecretKey(keyEncryption, content, sender, ukm, encryptedKey));
            return super.getRecipientOperator(keyEncryption, content, sender, ukm, encryptedKey);
        }
    }

    /** Decrypts the content through one recipient entry: to a byte array, or as a stream. */
    @FunctionalInterface
    private interface Decryption<T> {
        T apply(RecipientInformation entry, Recipient recipient) throws CMSException, IOException;
    }

    private static byte[] decryptWithPassphrase(Path file, CMSAuthEnvelopedData envelope, char[] passphrase,
            KeyCapture capture, SealedKek sealed) throws KeyFileException {
        return decryptWithPassphrase(file, envelope.getRecipientInfos(), passphrase, capture, sealed,
                RecipientInformation::getContent);
    }

    private static <T> T decryptWithPassphrase(Path file, RecipientInformationStore store, char[] passphrase,
            KeyCapture capture, SealedKek sealed, Decryption<T> decryption) throws KeyFileException {
        List<PasswordRecipientInformation> entries = new ArrayList<>();
        for (RecipientInformation ri : store.getRecipients()) {
            if (ri instanceof PasswordRecipientInformation pri) {
                entries.add(pri);
            }
        }
        if (entries.isEmpty()) {
            throw new KeyFileException(Reason.NO_MATCHING_RECIPIENT, file, "Key file " + file
                    + " has no password entry; it can only be opened with a trustee's private key.");
        }
        KeyFileException last = null;
        for (PasswordRecipientInformation entry : entries) {
            GuardedPasswordRecipient recipient = new GuardedPasswordRecipient(passphrase, capture, sealed);
            try {
                return decryption.apply(entry, recipient);
            } catch (StreamedFailure e) {
                throw e; // the payload of an authentic file: not a passphrase or envelope failure
            } catch (CMSException | IOException | RuntimeException e) {
                capture.wipe();
                KeyFileException failure = switch (recipient.failedStage) {
                    case UNWRAP -> new KeyFileException(Reason.WRONG_PASSPHRASE, file, "Wrong passphrase for key file "
                            + file + " (or the file's password entry is damaged). Check the passphrase and try again.", e);
                    case PARAMETERS -> new KeyFileException(Reason.TAMPERED, file, "Key file " + file
                            + " has a damaged or unsupported password entry (key derivation parameters rejected).", e);
                    case NONE -> tampered(file, e);
                };
                if (recipient.failedStage == Stage.NONE) {
                    throw failure; // the passphrase was right: content failures are not worth retrying
                }
                // with several password entries, a failed key check anywhere is the likelier explanation
                if (last == null || last.reason() != Reason.WRONG_PASSPHRASE) {
                    last = failure;
                }
            }
        }
        throw last;
    }

    private static KeyFileException tampered(Path file, Exception cause) {
        return new KeyFileException(Reason.TAMPERED, file, "Key file " + file + " failed its integrity check: the"
                + " encrypted content, its authentication tag or its parameters were modified or damaged."
                + " Restore the file from a backup.", cause);
    }

    enum Stage { NONE, PARAMETERS, UNWRAP }

    /**
     * Password recipient that records at which step a failure happened (so a wrong passphrase is told apart
     * from a damaged content), bounds the iteration count, and wipes the passphrase-derived key.
     */
    private static final class GuardedPasswordRecipient extends JcePasswordAuthEnvelopedRecipient {
        private Stage failedStage = Stage.NONE;
        private final KeyCapture capture;
        private final SealedKek sealed;
        private final char[] passphrase;

        GuardedPasswordRecipient(char[] passphrase, KeyCapture capture, SealedKek sealed) {
            super(passphrase);
            this.passphrase = passphrase;
            this.capture = capture;
            this.sealed = sealed;
            setProvider(BC);
            setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8);
            // refuse an attacker's downgrade of the content cipher or of the tag length
            setAllowedContentAlgorithms(Set.of(CMSAlgorithm.AES256_GCM));
            setMinimumTagSize(128);
        }

        @Override
        public byte[] calculateDerivedKey(int scheme, AlgorithmIdentifier derivation, int keySize) throws CMSException {
            try {
                if (!PKCSObjectIdentifiers.id_PBKDF2.equals(derivation.getAlgorithm())) {
                    throw new CMSException("key derivation is not PBKDF2");
                }
                PBKDF2Params params = PBKDF2Params.getInstance(derivation.getParameters());
                if (params.getIterationCount().signum() <= 0
                        || params.getIterationCount().compareTo(java.math.BigInteger.valueOf(MAX_ITERATIONS_ON_OPEN)) > 0) {
                    throw new CMSException("PBKDF2 iteration count outside 1.." + MAX_ITERATIONS_ON_OPEN);
                }
                if (sealed != null && sealed.derivedBy(params, keySize)) {
                    return sealed.key(); // the seal's own derivation from these very parameters: no second PBKDF2
                }
                if (scheme == PasswordRecipient.PKCS5_SCHEME2_UTF8
                        && PKCSObjectIdentifiers.id_hmacWithSHA256.equals(params.getPrf().getAlgorithm())) {
                    return Pbkdf2.hmacSha256(passphrase, params.getSalt(), params.getIterationCount().intValueExact(),
                            keySize);
                }
                return super.calculateDerivedKey(scheme, derivation, keySize);
            } catch (CMSException | RuntimeException e) {
                failedStage = Stage.PARAMETERS;
                throw e;
            }
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier content,
                byte[] derivedKey, byte[] encryptedKey) throws CMSException {
            try {
                capture.accept(extractSecretKey(keyEncryption, content, derivedKey, encryptedKey));
                return super.getRecipientOperator(keyEncryption, content, derivedKey, encryptedKey);
            } catch (CMSException | RuntimeException e) {
                // only a failed RFC 3211 key check means "wrong passphrase"; anything else (algorithm not
                // allowed, bad IV, missing cipher) is a damaged or foreign entry
                failedStage = e.getCause() instanceof InvalidKeyException ? Stage.UNWRAP : Stage.PARAMETERS;
                throw e;
            } finally {
                Arrays.fill(derivedKey, (byte) 0);
            }
        }
    }

    private static boolean keyBelongsToCertificate(PrivateKey key, X509Certificate certificate) {
        PublicKey publicKey = certificate.getPublicKey();
        String algorithm = publicKey instanceof RSAPublicKey ? "SHA256withRSA"
                : publicKey instanceof ECPublicKey ? "SHA256withECDSA" : null;
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------------------------------ save

    /**
     * Seals {@code contents} for the passphrase and the trustees and writes it atomically: temp file in the
     * same folder, fsync, re-open and verify that the payload decrypts to exactly what was sealed, atomic
     * rename over {@code file}, fsync of the folder. On any failure the previous file is untouched and no
     * temp file remains. The payload is never held in memory: it is serialized twice, once to count its bytes
     * and once through SHA-256 and AES-256-GCM straight into the temp file (the contents are locked for both
     * passes), and the verification decrypts the file as a stream and compares SHA-256 digests; the file is
     * definite-length DER as before. Costs one PBKDF2 run: the verification unwraps with the key the seal derived,
     * after checking that the file carries the salt, iteration count and PRF it was derived with.
     *
     * @param trustees certificates whose RSA or EC key may also open the file (see {@link #checkTrustee}); may be empty
     * @throws KeyFileException IO_ERROR when writing or verifying fails
     * @throws IllegalArgumentException for an empty passphrase or an unsupported trustee certificate
     */
    public static void save(Path file, KeyFileContents contents, char[] passphrase, List<X509Certificate> trustees)
            throws KeyFileException {
        save(file, contents, passphrase, trustees, SealOptions.DEFAULT, true, null);
    }

    /**
     * As {@link #save(Path, KeyFileContents, char[], List)}, with the passphrase and the key-encryption key of a
     * {@link SealingKey} (derived ahead, e.g. while a run worked, so the seal need not wait for PBKDF2). The
     * sealing key is not closed here.
     */
    public static void save(Path file, KeyFileContents contents, SealingKey sealing, List<X509Certificate> trustees)
            throws KeyFileException {
        saveWith(file, contents, sealing, trustees, true);
    }

    /**
     * As {@link #save}, for a new project: fails with ALREADY_EXISTS instead of replacing an existing file,
     * also one another process creates while this one seals (the no-replace check and the move are one
     * atomic step, see {@link AtomicFiles#create}).
     */
    public static void create(Path file, KeyFileContents contents, char[] passphrase, List<X509Certificate> trustees)
            throws KeyFileException {
        save(file, contents, passphrase, trustees, SealOptions.DEFAULT, false, null);
    }

    /** As {@link #create(Path, KeyFileContents, char[], List)}, with a {@link SealingKey}; not closed here. */
    public static void create(Path file, KeyFileContents contents, SealingKey sealing, List<X509Certificate> trustees)
            throws KeyFileException {
        saveWith(file, contents, sealing, trustees, false);
    }

    private static void saveWith(Path file, KeyFileContents contents, SealingKey sealing, List<X509Certificate> trustees,
            boolean replace) throws KeyFileException {
        Objects.requireNonNull(sealing, "sealing");
        char[] passphrase = sealing.passphrase();
        try {
            save(file, contents, passphrase, trustees, new SealOptions(sealing.iterations(), temp -> { }), replace,
                    sealing);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /**
     * Checks that a certificate can be a trustee: an RSA key of at least 2048 bits or an EC key.
     *
     * @throws IllegalArgumentException naming the certificate and the problem
     */
    public static void checkTrustee(X509Certificate certificate) {
        PublicKey key = certificate.getPublicKey();
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("trustee certificate " + certificate.getSubjectX500Principal().getName()
                        + " has an RSA key of " + rsa.getModulus().bitLength() + " bits; at least 2048 are required");
            }
        } else if (!(key instanceof ECPublicKey)) {
            throw new IllegalArgumentException("trustee certificate " + certificate.getSubjectX500Principal().getName()
                    + " has a " + key.getAlgorithm() + " key; only RSA and EC keys can be key file trustees");
        }
    }

    static void save(Path file, KeyFileContents contents, char[] passphrase, List<X509Certificate> trustees,
            SealOptions options, boolean replace) throws KeyFileException {
        save(file, contents, passphrase, trustees, options, replace, null);
    }

    /** @param sealing a key derived ahead for this passphrase, or {@code null} to derive while sealing */
    static void save(Path file, KeyFileContents contents, char[] passphrase, List<X509Certificate> trustees,
            SealOptions options, boolean replace, SealingKey sealing) throws KeyFileException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(contents, "contents");
        Objects.requireNonNull(passphrase, "passphrase");
        if (passphrase.length == 0) {
            throw new IllegalArgumentException("the key file passphrase must not be empty");
        }
        List<X509Certificate> certs = List.copyOf(trustees);
        certs.forEach(KeyFileStore::checkTrustee);
        Path target = file.toAbsolutePath();
        if (!replace && Files.exists(target)) {
            throw alreadyExists(target); // before the costly seal
        }
        SealedKek kek = new SealedKek();
        try {
            Custody.SplitKey split = contents.split();
            Envelope envelope = seal(target, passphrase, certs, split, options.iterations(), kek, sealing);
            int recipients = certs.size() + 1 + (split == null ? 0 : 1);
            Written[] written = new Written[1];
            AtomicFiles.TempCheck verified = temp -> {
                options.afterTempWritten().check(temp);
                try {
                    verify(target, temp, written[0], passphrase, recipients, kek);
                } catch (KeyFileException e) {
                    throw new NotVerified(e);
                }
            };
            AtomicFiles.Options how = (replace ? AtomicFiles.Options.replacing() : AtomicFiles.Options.creating())
                    .ownerOnly().checkedBy(verified);
            AtomicFiles.write(target, out -> written[0] = envelope.writeTo(out, contents), how);
        } catch (NotVerified e) {
            throw e.failure;
        } catch (FileAlreadyExistsException e) {
            throw replace ? writeFailed(target, e) : alreadyExists(target);
        } catch (IOException e) {
            throw writeFailed(target, e);
        } finally {
            kek.wipe();
        }
    }

    /**
     * The key-encryption key the seal derived from the passphrase, with the salt and iteration count it was
     * derived with, kept until the written file is verified so the verification need not run PBKDF2 again
     * (600,000 iterations: half the cost of saving). The verification still parses the file as read back,
     * checks the PBKDF2 parameters written in it against the ones used, unwraps the content key with this
     * key and decrypts the whole payload, comparing its SHA-256; what it no longer repeats is the derivation itself,
     * whose interoperability {@code openssl cms -decrypt} tests cover. Wiped when the save ends.
     */
    private static final class SealedKek {
        private byte[] salt;
        private int iterations;
        private byte[] key;

        void keep(byte[] salt, int iterations, byte[] derivedKey) {
            wipe();
            this.salt = salt.clone();
            this.iterations = iterations;
            this.key = derivedKey.clone();
        }

        /** Whether the file's parameters are exactly those this key was derived with (HMAC-SHA256, same size). */
        boolean derivedBy(PBKDF2Params params, int keySizeBits) {
            return key != null && key.length * 8 == keySizeBits && Arrays.equals(salt, params.getSalt())
                    && params.getIterationCount().equals(java.math.BigInteger.valueOf(iterations))
                    && PKCSObjectIdentifiers.id_hmacWithSHA256.equals(params.getPrf().getAlgorithm());
        }

        /** A copy of the key (the recipient wipes what it is given). */
        byte[] key() {
            return key.clone();
        }

        void wipe() {
            if (key != null) {
                Arrays.fill(key, (byte) 0);
                key = null;
            }
        }
    }

    /** Carries a verification failure through {@link AtomicFiles}, which then removes the temp file. */
    private static final class NotVerified extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient KeyFileException failure;

        NotVerified(KeyFileException failure) {
            super(failure.getMessage(), failure);
            this.failure = failure;
        }
    }

    private static KeyFileException writeFailed(Path target, IOException e) {
        String why = e instanceof AtomicWriteException ? e.getMessage()
                : e.getClass().getSimpleName() + " " + e.getMessage() + ". The previous file, if any, is unchanged";
        return new KeyFileException(Reason.IO_ERROR, target, "Could not write key file " + target + ": " + why + ".", e);
    }

    private static KeyFileException alreadyExists(Path target) {
        return new KeyFileException(Reason.ALREADY_EXISTS, target, "Key file " + target
                + " already exists; it was not replaced. Choose another name or open the existing project.");
    }

    /**
     * Re-reads the temp file from disk as a stream and checks that it is exactly as long as written, has the
     * expected recipient entries, and decrypts with the passphrase (Bouncy Castle checks the GCM tag when the
     * content stream ends) to a payload with the SHA-256 of the one sealed. Memory: stream buffers only.
     */
    private static void verify(Path target, Path temp, Written written, char[] passphrase, int recipients,
            SealedKek kek) throws IOException, KeyFileException {
        if (written == null || Files.size(temp) != written.fileLength()) {
            throw new IOException("the temporary file does not read back as written");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(temp), IO_BUFFER)) {
            verify(target, temp, in, written, passphrase, recipients, kek);
        }
    }

    /** {@link #verify} of the sealed bytes {@code in} (read from {@code temp}, named in messages). */
    private static void verify(Path target, Path temp, InputStream in, Written written, char[] passphrase,
            int recipients, SealedKek kek) throws IOException, KeyFileException {
        try {
            CMSAuthEnvelopedDataParser parser;
            try {
                parser = new CMSAuthEnvelopedDataParser(in);
            } catch (CMSException | RuntimeException e) {
                throw new IOException("the sealed file does not parse as CMS AuthEnvelopedData", e);
            }
            RecipientInformationStore store = parser.getRecipientInfos();
            if (store.size() != recipients) {
                throw new IOException("the sealed file has " + store.size() + " recipient entries instead of " + recipients);
            }
            KeyCapture capture = new KeyCapture();
            byte[] digest = decryptWithPassphrase(temp, store, passphrase, capture, kek, (entry, recipient) -> {
                MessageDigest sha256 = sha256();
                try (InputStream plain = entry.getContentStream(recipient).getContentStream()) {
                    byte[] buffer = new byte[IO_BUFFER];
                    for (int n; (n = plain.read(buffer)) >= 0; ) {
                        sha256.update(buffer, 0, n);
                    }
                    Arrays.fill(buffer, (byte) 0);
                }
                return sha256.digest();
            });
            capture.wipe();
            if (!MessageDigest.isEqual(digest, written.payloadSha256())) {
                throw new IOException("the sealed file decrypts to a different payload");
            }
        } catch (KeyFileException e) {
            throw new KeyFileException(Reason.IO_ERROR, target, "Key file " + target + " did not verify after writing ("
                    + e.code() + "); the previous file, if any, is unchanged.", e);
        }
    }

    private static final int IO_BUFFER = 1 << 16;

    // ------------------------------------------------------------------------------------------ warm-up

    /**
     * Seals new, empty contents (a fresh random secret, never kept) under a fixed throwaway passphrase with one
     * PBKDF2 iteration into memory, and verifies the bytes as {@link #save} verifies a written file. Nothing is
     * written anywhere and nothing is kept; what a real seal does is unchanged. For a thread beside a run's work
     * (decision 0093): it loads, verifies and links Bouncy Castle's provider and CMS classes, which come from
     * signed jars the launcher's class-data archive cannot hold (about 0.5 s of CPU in a cold JVM), so that the
     * run's seal at its end, on the one thread left, does not.
     *
     * @return whether the throwaway seal verified (a failure is left to the real seal to report)
     */
    public static boolean warmUp() {
        char[] passphrase = "deid-warm-up".toCharArray();
        SealedKek kek = new SealedKek();
        Path none = Path.of("warm-up");
        try {
            Envelope envelope = seal(none, passphrase, List.of(), null, 1, kek, null);
            ByteArrayOutputStream sealed = new ByteArrayOutputStream();
            Written written = envelope.writeTo(sealed, KeyFileContents.newProject(java.time.Instant.EPOCH));
            verify(none, none, new java.io.ByteArrayInputStream(sealed.toByteArray()), written, passphrase, 1, kek);
            return sealed.size() == written.fileLength();
        } catch (IOException | KeyFileException | RuntimeException e) {
            return false;
        } finally {
            kek.wipe();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** What {@link Envelope#writeTo} wrote: the file's length and the SHA-256 of the payload sealed in it. */
    private record Written(long fileLength, byte[] payloadSha256) {
    }

    /**
     * A key file sealed except for its content: the recipient entries (the content key wrapped for each) and
     * the content encryptor holding that key. {@link #writeTo} streams the DER file: it serializes the payload
     * once only to count its bytes (so every length is known before the first byte is written and the file is
     * definite-length DER, byte-compatible with earlier versions), then again through SHA-256 and AES-256-GCM
     * straight into the output. Memory: stream buffers, whatever the contents' size.
     */
    private record Envelope(byte[] head, byte[] contentHead, OutputAEADEncryptor encryptor, int tagLength) {

        /** DER of id-ct-authEnvelopedData (tag and length included). */
        private static final byte[] AUTH_ENVELOPED_OID = {
            0x06, 0x0B, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x01, 0x17};

        Written writeTo(OutputStream out, KeyFileContents contents) throws IOException {
            // the lock spans both passes so the count is that of the bytes encrypted (PayloadCodec locks each too)
            synchronized (contents) {
                CountingStream counter = new CountingStream(OutputStream.nullOutputStream());
                serialize(contents, counter);
                long n = counter.count;
                long content = 1 + lengthOctets(n) + n; // [0] IMPLICIT OCTET STRING, primitive
                long eci = contentHead.length + content;
                long mac = 1 + lengthOctets(tagLength) + tagLength;
                long aedBody = head.length + 1 + lengthOctets(eci) + eci + mac;
                long aed = 1 + lengthOctets(aedBody) + aedBody;
                long info = AUTH_ENVELOPED_OID.length + 1 + lengthOctets(aed) + aed;
                long fileLength = 1 + lengthOctets(info) + info;
                header(out, 0x30, info); // ContentInfo
                out.write(AUTH_ENVELOPED_OID);
                header(out, 0xA0, aed); // [0] EXPLICIT content
                header(out, 0x30, aedBody); // AuthEnvelopedData
                out.write(head);
                header(out, 0x30, eci);
                out.write(contentHead);
                header(out, 0x80, n);
                CountingStream ciphertext = new CountingStream(new LeavesOpen(out));
                MessageDigest sha256 = sha256();
                CountingStream plain;
                try (OutputStream encrypting = encryptor.getOutputStream(ciphertext)) {
                    plain = new CountingStream(new java.security.DigestOutputStream(encrypting, sha256));
                    serialize(contents, plain);
                }
                byte[] tag = encryptor.getMAC();
                if (plain.count != n || ciphertext.count != n || tag.length != tagLength) {
                    throw new IOException("the key file contents changed while they were sealed");
                }
                header(out, 0x04, tagLength);
                out.write(tag);
                return new Written(fileLength, sha256.digest());
            }
        }

        /** The payload into {@code out}; a serializer failure is reported without its message, which might quote a value. */
        private static void serialize(KeyFileContents contents, OutputStream out) throws IOException {
            try {
                PayloadCodec.write(contents, out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException("the key file payload could not be serialized (" + e.getClass().getSimpleName() + ")");
            }
        }

        private static void header(OutputStream out, int tag, long length) throws IOException {
            out.write(tag);
            if (length < 0x80) {
                out.write((int) length);
                return;
            }
            int octets = lengthOctets(length) - 1;
            out.write(0x80 | octets);
            for (int i = octets - 1; i >= 0; i--) {
                out.write((int) (length >>> (8 * i)));
            }
        }

        /** Octets of a DER length field for {@code length}, the first included. */
        private static int lengthOctets(long length) {
            if (length < 0x80) {
                return 1;
            }
            int octets = 1;
            while ((length >>>= 8) != 0) {
                octets++;
            }
            return 1 + octets;
        }
    }

    /** Counts the bytes passed through. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Builds the recipient entries (running PBKDF2 once, keeping its key in {@code derived}) around a fresh
     * AES-256-GCM content key; nothing of the payload yet.
     */
    private static Envelope seal(Path target, char[] passphrase, List<X509Certificate> trustees,
            Custody.SplitKey split, int iterations, SealedKek derived, SealingKey sealing) throws KeyFileException {
        try {
            List<RecipientInfoGenerator> generators = new ArrayList<>();
            byte[] salt;
            if (sealing != null) {
                salt = sealing.salt();
            } else {
                salt = new byte[SALT_LENGTH];
                RANDOM.nextBytes(salt);
            }
            generators.add(new WipingPasswordRecipientInfoGenerator(passphrase, sealing,
                    key -> derived.keep(salt, iterations, key))
                    .setProvider(BC)
                    .setPasswordConversionScheme(PasswordRecipient.PKCS5_SCHEME2_UTF8)
                    .setPRF(PasswordRecipient.PRF.HMacSHA256)
                    .setSaltAndIterationCount(salt, iterations)
                    .setSecureRandom(RANDOM));
            List<X509CertificateHolder> holders = new ArrayList<>();
            for (X509Certificate cert : trustees) {
                holders.add(holder(cert));
                if (cert.getPublicKey() instanceof RSAPublicKey) {
                    AlgorithmIdentifier oaep = new JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                            PKCSObjectIdentifiers.id_RSAES_OAEP, new OAEPParameterSpec("SHA-256", "MGF1",
                                    MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                    generators.add(new JceKeyTransRecipientInfoGenerator(cert, oaep).setProvider(BC));
                } else {
                    ECPublicKey ec = (ECPublicKey) cert.getPublicKey();
                    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC", BC);
                    kpg.initialize(ec.getParams(), RANDOM);
                    KeyPair ephemeral = kpg.generateKeyPair();
                    generators.add(new JceKeyAgreeRecipientInfoGenerator(CMSAlgorithm.ECDH_SHA256KDF,
                            ephemeral.getPrivate(), ephemeral.getPublic(), CMSAlgorithm.AES256_WRAP)
                            .setProvider(BC).setSecureRandom(RANDOM).addRecipient(cert));
                }
            }
            if (split != null) {
                // custodians: a KEKRecipientInfo (AES-256 key wrap) for the KEK their shares rebuild
                byte[] kek = split.kek();
                try {
                    generators.add(new org.bouncycastle.cms.jcajce.JceKEKRecipientInfoGenerator(
                            java.util.HexFormat.of().parseHex(split.keyId()), new javax.crypto.spec.SecretKeySpec(kek, "AES"))
                            .setProvider(BC).setSecureRandom(RANDOM));
                } finally {
                    Arrays.fill(kek, (byte) 0);
                }
            }
            OriginatorInfo originator = null;
            if (!holders.isEmpty()) {
                // the trustees' certificates travel in originatorInfo so `inspect` can name them
                originator = new OriginatorInfoGenerator(new CollectionStore<>(holders)).generate().toASN1Structure();
            }
            OutputAEADEncryptor encryptor = (OutputAEADEncryptor) new JceCMSContentEncryptorBuilder(CMSAlgorithm.AES256_GCM)
                    .setSecureRandom(RANDOM).build();
            ASN1EncodableVector infos = new ASN1EncodableVector();
            for (RecipientInfoGenerator generator : generators) {
                infos.add(generator.generate(encryptor.getKey()));
            }
            // AuthEnvelopedData up to its content: version 0, [0] IMPLICIT originatorInfo, the SET of entries
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(new ASN1Integer(0).getEncoded(ASN1Encoding.DER));
            if (originator != null) {
                head.write(new DERTaggedObject(false, 0, originator).getEncoded(ASN1Encoding.DER));
            }
            head.write(new DERSet(infos).getEncoded(ASN1Encoding.DER));
            // EncryptedContentInfo up to its content: content type id-data, the GCM algorithm with nonce and tag size
            ByteArrayOutputStream contentHead = new ByteArrayOutputStream();
            contentHead.write(CMSObjectIdentifiers.data.getEncoded(ASN1Encoding.DER));
            contentHead.write(encryptor.getAlgorithmIdentifier().getEncoded(ASN1Encoding.DER));
            int tagLength = GCMParameters.getInstance(encryptor.getAlgorithmIdentifier().getParameters()).getIcvLen();
            return new Envelope(head.toByteArray(), contentHead.toByteArray(), encryptor, tagLength);
        } catch (CMSException | GeneralSecurityException | IOException | RuntimeException e) {
            throw new KeyFileException(Reason.IO_ERROR, target, "Could not seal key file " + target + " ("
                    + e.getClass().getSimpleName() + "); nothing was written.", e);
        }
    }

    /** Wipes the passphrase-derived key-encryption key as soon as the content key is wrapped. */
    private static final class WipingPasswordRecipientInfoGenerator extends JcePasswordRecipientInfoGenerator {
        private final java.util.function.Consumer<byte[]> keep;
        private final char[] passphrase;
        private final SealingKey sealing;

        /**
         * @param sealing the key derived ahead for these parameters, or {@code null}
         * @param keep given the derived key before it is wiped (copies what it keeps)
         */
        WipingPasswordRecipientInfoGenerator(char[] passphrase, SealingKey sealing,
                java.util.function.Consumer<byte[]> keep) {
            super(CMSAlgorithm.AES256_CBC, passphrase);
            this.passphrase = passphrase;
            this.sealing = sealing;
            this.keep = keep;
        }

        /** The key derived ahead when it matches, else PBKDF2 now ({@link Pbkdf2}: the JDK's where it agrees). */
        @Override
        protected byte[] calculateDerivedKey(int scheme, AlgorithmIdentifier derivation, int keySize) throws CMSException {
            PBKDF2Params params = PBKDF2Params.getInstance(derivation.getParameters());
            if (scheme != PasswordRecipient.PKCS5_SCHEME2_UTF8
                    || !PKCSObjectIdentifiers.id_hmacWithSHA256.equals(params.getPrf().getAlgorithm())) {
                return super.calculateDerivedKey(scheme, derivation, keySize);
            }
            byte[] ahead = sealing == null ? null : sealing.keyFor(params.getSalt(), params.getIterationCount(), keySize);
            return ahead != null ? ahead
                    : Pbkdf2.hmacSha256(passphrase, params.getSalt(), params.getIterationCount().intValueExact(), keySize);
        }

        @Override
        public byte[] generateEncryptedBytes(AlgorithmIdentifier keyEncryption, byte[] derivedKey, GenericKey contentKey)
                throws CMSException {
            try {
                keep.accept(derivedKey);
                return super.generateEncryptedBytes(keyEncryption, derivedKey, contentKey);
            } finally {
                Arrays.fill(derivedKey, (byte) 0);
            }
        }
    }

    static X509CertificateHolder holder(X509Certificate certificate) {
        try {
            return new X509CertificateHolder(certificate.getEncoded());
        } catch (CertificateEncodingException | IOException e) {
            throw new IllegalArgumentException("certificate " + certificate.getSubjectX500Principal().getName()
                    + " cannot be encoded", e);
        }
    }

    // ------------------------------------------------------------------------------------------ inspect

    /**
     * The trustee certificates stored in the file (in {@code originatorInfo}), one per trustee entry, in entry
     * order; no passphrase needed. Pass them back to {@link #save} to keep the trustees when re-sealing (e.g.
     * after a passphrase change, or with one certificate added). Entries whose certificate is not stored (a
     * file made by another tool) are left out. Cheap.
     *
     * @throws KeyFileException as {@link #inspect}
     */
    public static List<X509Certificate> trustees(Path file) throws KeyFileException {
        byte[] der = CmsFile.read(file);
        return CmsFile.trusteeCertificates(file, CmsFile.parse(file, der));
    }

    /**
     * Describes a key file's envelope without decrypting it (no passphrase or key needed): recipient entries
     * with their PBKDF2 parameters or certificate identities, content cipher and file size. Cheap.
     *
     * @throws KeyFileException NOT_FOUND, NOT_A_KEY_FILE, TRUNCATED, TAMPERED (structure damaged) or IO_ERROR
     */
    public static KeyFileInfo inspect(Path file) throws KeyFileException {
        byte[] der = CmsFile.read(file);
        return CmsFile.describe(file, der, CmsFile.parse(file, der));
    }
}
