package org.deidworkbench.keyfile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.KEKRecipientId;
import org.bouncycastle.cms.KEKRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.bouncycastle.cms.RecipientOperator;
import org.bouncycastle.cms.jcajce.JceKEKAuthEnvelopedRecipient;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.deidworkbench.io.AtomicFiles;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Split custody (keyfile-format.md §8): a random 256-bit key-encryption key (KEK) opens the file through a
 * standard CMS KEKRecipientInfo (AES-256 key wrap), and the KEK is split k-of-n with Shamir's scheme over
 * GF(2<sup>8</sup>) (Bouncy Castle's {@code ShamirSecretSplitter}, polynomial 0x11B) into share files for n
 * custodians. Any k shares rebuild the KEK; fewer, or a wrong or mixed share, are refused before any
 * decryption by the key-check value (a wrong combination would otherwise yield a wrong key silently).
 * The KEK is also kept, sealed, in the payload, so a passphrase holder's re-seal (fresh content key) can
 * wrap the new content key for the custodians again. Stateless and thread-safe.
 */
public final class Custody {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CHECK_LABEL = "deid-workbench key check v1".getBytes(StandardCharsets.US_ASCII);
    static final int KEY_LENGTH = 32;

    private Custody() {
    }

    /**
     * The split stored in a key file's payload: identifier, threshold, number of shares, creation time and
     * the KEK itself (sealed with everything else). {@code toString()} hides the KEK.
     */
    record SplitKey(String keyId, int threshold, int shares, Instant createdAt, byte[] kek) {
        SplitKey {
            kek = kek.clone();
        }

        @Override
        public byte[] kek() {
            return kek.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SplitKey s && keyId.equals(s.keyId) && threshold == s.threshold && shares == s.shares
                    && createdAt.equals(s.createdAt) && MessageDigest.isEqual(kek, s.kek);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode();
        }

        @Override
        public String toString() {
            return "SplitKey[" + keyId + ", " + threshold + " of " + shares + "]";
        }
    }

    /**
     * Splits a new KEK {@code threshold}-of-{@code shares}, re-seals the key file with a KEKRecipientInfo for
     * it (replacing an earlier split, whose shares stop opening files sealed from now on), and writes the
     * share files {@code <keyfile>.share-<i>-of-<n>.json} into {@code folder} (owner-only, never replaced).
     *
     * @return the share files, in index order
     * @throws IllegalArgumentException unless 2 ≤ threshold ≤ shares ≤ 255
     * @throws KeyFileException as {@link KeyFileStore#open(Path, char[])} and {@link KeyFileStore#save};
     *         ALREADY_EXISTS when a share file is there already (nothing is changed then)
     */
    public static List<Path> split(Path file, char[] passphrase, int threshold, int shares, Path folder)
            throws KeyFileException {
        return split(file, passphrase, threshold, shares, folder, KeyFileStore.SealOptions.DEFAULT);
    }

    static List<Path> split(Path file, char[] passphrase, int threshold, int shares, Path folder,
            KeyFileStore.SealOptions options) throws KeyFileException {
        if (threshold < 2 || shares < threshold || shares > 255) {
            throw new IllegalArgumentException("a split needs 2 <= threshold <= shares <= 255, got " + threshold
                    + " of " + shares);
        }
        String name = file.getFileName().toString();
        List<Path> targets = new ArrayList<>();
        for (int i = 1; i <= shares; i++) {
            Path target = folder.resolve(name + ".share-" + i + "-of-" + shares + ".json");
            if (Files.exists(target)) {
                throw new KeyFileException(Reason.ALREADY_EXISTS, target, "Share file " + target
                        + " already exists; nothing was changed. Move the old shares away first.");
            }
            targets.add(target);
        }
        List<java.security.cert.X509Certificate> trustees = KeyFileStore.trustees(file);
        KeyFileContents contents = KeyFileStore.open(file, passphrase);
        byte[] kek = new byte[KEY_LENGTH];
        byte[] id = new byte[16];
        RANDOM.nextBytes(kek);
        RANDOM.nextBytes(id);
        String keyId = HexFormat.of().formatHex(id);
        Instant now = Instant.now();
        List<KeyShare> made = new ArrayList<>();
        try {
            contents.setSplit(new SplitKey(keyId, threshold, shares, now, kek));
            ShamirSplitSecret split = ShamirSecretSplitter.getInstance(ShamirSecretSplitter.Algorithm.AES, KEY_LENGTH,
                    RANDOM).resplit(kek.clone(), threshold, shares);
            ShamirSplitSecretShare[] parts = split.getSecretShares();
            String check = check(kek);
            for (int i = 0; i < parts.length; i++) {
                byte[] bytes = parts[i].getEncoded();
                made.add(new KeyShare(keyId, threshold, shares, i + 1, bytes, check, name, now));
                Arrays.fill(bytes, (byte) 0);
            }
            KeyFileStore.save(file, contents, passphrase, trustees, options, true);
            for (int i = 0; i < made.size(); i++) {
                byte[] encoded = made.get(i).encode();
                try {
                    AtomicFiles.write(targets.get(i), out -> out.write(encoded),
                            AtomicFiles.Options.creating().ownerOnly());
                } finally {
                    Arrays.fill(encoded, (byte) 0);
                }
            }
            return targets;
        } catch (IOException e) {
            throw new KeyFileException(Reason.IO_ERROR, folder, "The key file " + file + " was split, but writing the"
                    + " share files into " + folder + " failed (" + e.getClass().getSimpleName() + "). Split again.", e);
        } finally {
            Arrays.fill(kek, (byte) 0);
            made.forEach(KeyShare::wipe);
        }
    }

    /** Key-check value: the first 8 bytes of HMAC-SHA256(KEK, "deid-workbench key check v1"), hex. */
    static String check(byte[] kek) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(kek, "HmacSHA256"));
            return HexFormat.of().formatHex(Arrays.copyOf(mac.doFinal(CHECK_LABEL), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is required by every Java runtime", e);
        }
    }

    /**
     * Rebuilds the KEK from shares, checking first that they belong together and are enough, and afterwards
     * that the result matches the key-check value.
     *
     * @throws KeyFileException CREDENTIAL_INVALID with a message saying which of these failed
     */
    static byte[] combine(Path file, List<KeyShare> given) throws KeyFileException {
        if (given.isEmpty()) {
            throw new KeyFileException(Reason.CREDENTIAL_INVALID, file, "No key share given.");
        }
        KeyShare first = given.get(0);
        TreeMap<Integer, KeyShare> byIndex = new TreeMap<>();
        for (KeyShare s : given) {
            if (!s.keyId().equals(first.keyId()) || s.threshold() != first.threshold() || s.shares() != first.shares()
                    || !s.check().equals(first.check())) {
                throw new KeyFileException(Reason.CREDENTIAL_INVALID, file, "The key shares given belong to different"
                        + " splits (key ids " + first.keyId() + " and " + s.keyId() + "); use shares of one split only.");
            }
            byIndex.putIfAbsent(s.index(), s);
        }
        if (byIndex.size() < first.threshold()) {
            throw new KeyFileException(Reason.CREDENTIAL_INVALID, file, "This split needs " + first.threshold()
                    + " different shares of " + first.shares() + "; " + byIndex.size() + " "
                    + (byIndex.size() == 1 ? "was" : "were") + " given (indices " + byIndex.keySet() + ").");
        }
        ShamirSplitSecretShare[] parts = byIndex.values().stream().limit(first.threshold())
                .map(s -> {
                    byte[] b = s.shareBytes();
                    ShamirSplitSecretShare part = new ShamirSplitSecretShare(b, s.index());
                    Arrays.fill(b, (byte) 0);
                    return part;
                }).toArray(ShamirSplitSecretShare[]::new);
        byte[] kek;
        try {
            kek = ShamirSplitSecret.getInstance(ShamirSecretSplitter.Algorithm.AES, parts).getSecret();
        } catch (IOException | RuntimeException e) {
            throw new KeyFileException(Reason.CREDENTIAL_INVALID, file, "The key shares could not be combined ("
                    + e.getClass().getSimpleName() + ").");
        }
        if (!MessageDigest.isEqual(check(kek).getBytes(StandardCharsets.US_ASCII),
                first.check().getBytes(StandardCharsets.US_ASCII))) {
            Arrays.fill(kek, (byte) 0);
            throw new KeyFileException(Reason.CREDENTIAL_INVALID, file, "The key shares given (indices "
                    + byIndex.keySet() + ") do not combine to the key of split " + first.keyId()
                    + ": at least one of them is damaged or altered. Try another custodian's share.");
        }
        return kek;
    }

    /** Opens the envelope's KEKRecipientInfo with the KEK rebuilt from the custodians' shares. */
    static byte[] decrypt(Path file, CMSAuthEnvelopedData envelope, KeyFileCredential.Custodians custodians,
            KeyFileStore.KeyCapture capture) throws KeyFileException {
        byte[] kek = combine(file, custodians.shares());
        try {
            byte[] id = HexFormat.of().parseHex(custodians.shares().get(0).keyId());
            RecipientInformation entry = envelope.getRecipientInfos().get(new KEKRecipientId(id));
            if (!(entry instanceof KEKRecipientInformation)) {
                throw new KeyFileException(Reason.NO_MATCHING_RECIPIENT, file, "Key file " + file + " has no entry for"
                        + " the custodians' split " + custodians.shares().get(0).keyId() + " (it was split again or"
                        + " the split was removed). Use the newest shares, the passphrase or a trustee's key.");
            }
            JceKEKAuthEnvelopedRecipient recipient = new CapturingKekRecipient(new SecretKeySpec(kek, "AES"), capture);
            recipient.setProvider(KeyFileStore.BC);
            recipient.setAllowedContentAlgorithms(Set.of(CMSAlgorithm.AES256_GCM)).setMinimumTagSize(128);
            try {
                return entry.getContent(recipient);
            } catch (CMSException | RuntimeException e) {
                capture.wipe();
                throw new KeyFileException(Reason.TAMPERED, file, "Key file " + file + " failed its integrity check"
                        + " when opened with the custodians' key. Restore it from a backup.", e);
            }
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** KEK recipient that hands the unwrapped content key to a capture. */
    private static final class CapturingKekRecipient extends JceKEKAuthEnvelopedRecipient {
        private final KeyFileStore.KeyCapture capture;

        CapturingKekRecipient(javax.crypto.SecretKey kek, KeyFileStore.KeyCapture capture) {
            super(kek);
            this.capture = capture;
        }

        @Override
        public RecipientOperator getRecipientOperator(AlgorithmIdentifier keyEncryption, AlgorithmIdentifier content,
                byte[] encryptedKey) throws CMSException {
            capture.accept(extractSecretKey(keyEncryption, content, encryptedKey));
            return super.getRecipientOperator(keyEncryption, content, encryptedKey);
        }
    }
}
