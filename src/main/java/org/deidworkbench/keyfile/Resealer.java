package org.deidworkbench.keyfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.EncryptedContentInfo;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.deidworkbench.io.AtomicFiles;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Re-seals changed contents for exactly the recipients a file already has, by whoever opened it: the
 * content-encryption key recovered on opening encrypts the new payload under a fresh random 96-bit GCM
 * nonce, and the file's recipient entries and stored certificates are kept byte for byte (each still wraps
 * the same content key). So a trustee, or custodians with their shares, can append to the audit log
 * without the passphrase. Written atomically; the temporary file is re-read and decrypted before it
 * replaces the old one. Stateless; cost: one AES-GCM pass over the payload, twice.
 *
 * <p>Nonce reuse would be fatal for GCM: nonces are 96 random bits per seal, so the chance of a repeat
 * under one content key stays below 2<sup>-32</sup> for up to 2<sup>32</sup> seals (NIST SP 800-38D §8.3);
 * every recipient change ({@link KeyFileRecipients}) starts a fresh content key anyway.
 */
final class Resealer {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG = 16;

    private Resealer() {
    }

    /** Replaces {@code file} with {@code contents} sealed under the content key of {@code opened}. */
    static void reseal(Path file, KeyFileStore.Opened opened, KeyFileContents contents) throws KeyFileException {
        Path target = file.toAbsolutePath();
        byte[] payload;
        try {
            payload = PayloadCodec.write(contents);
        } catch (IOException e) {
            throw new KeyFileException(Reason.IO_ERROR, target, "Could not serialize the key file payload for " + target
                    + " (" + e.getClass().getSimpleName() + "); nothing was written.");
        }
        try {
            AuthEnvelopedData old = AuthEnvelopedData.getInstance(ContentInfo.getInstance(opened.der()).getContent());
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            byte[] sealed = gcm(Cipher.ENCRYPT_MODE, opened.contentKey(), nonce, payload);
            byte[] ciphertext = Arrays.copyOf(sealed, sealed.length - TAG);
            byte[] tag = Arrays.copyOfRange(sealed, sealed.length - TAG, sealed.length);
            EncryptedContentInfo content = new EncryptedContentInfo(CMSObjectIdentifiers.data,
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_aes256_GCM, new GCMParameters(nonce, TAG)),
                    new DEROctetString(ciphertext));
            AuthEnvelopedData fresh = new AuthEnvelopedData(old.getOriginatorInfo(), old.getRecipientInfos(), content,
                    null, new DEROctetString(tag), null);
            byte[] der = new ContentInfo(CMSObjectIdentifiers.authEnvelopedData, fresh).getEncoded(ASN1Encoding.DER);
            int recipients = old.getRecipientInfos().size();
            AtomicFiles.TempCheck verified = temp -> verify(temp, der, payload, opened.contentKey(), recipients);
            AtomicFiles.write(target, out -> out.write(der),
                    AtomicFiles.Options.replacing().ownerOnly().checkedBy(verified));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException(Reason.IO_ERROR, target, "Could not re-seal key file " + target + " ("
                    + e.getClass().getSimpleName() + "); the previous file is unchanged.", e);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** Re-reads the temp file and checks it is a key file with the same recipients that decrypts to the payload. */
    private static void verify(Path temp, byte[] der, byte[] payload, byte[] key, int recipients) throws IOException {
        byte[] onDisk = Files.readAllBytes(temp);
        if (!Arrays.equals(onDisk, der)) {
            throw new IOException("the temporary file does not read back as written");
        }
        byte[] decrypted = null;
        try {
            AuthEnvelopedData data = AuthEnvelopedData.getInstance(CmsFile.parse(temp, onDisk).toASN1Structure().getContent());
            if (data.getRecipientInfos().size() != recipients) {
                throw new IOException("the re-sealed file lost recipient entries");
            }
            EncryptedContentInfo eci = data.getAuthEncryptedContentInfo();
            GCMParameters params = GCMParameters.getInstance(eci.getContentEncryptionAlgorithm().getParameters());
            byte[] ct = eci.getEncryptedContent().getOctets();
            byte[] mac = data.getMac().getOctets();
            byte[] both = Arrays.copyOf(ct, ct.length + mac.length);
            System.arraycopy(mac, 0, both, ct.length, mac.length);
            decrypted = gcm(Cipher.DECRYPT_MODE, key, params.getNonce(), both);
            if (!MessageDigest.isEqual(decrypted, payload)) {
                throw new IOException("the re-sealed file decrypts to a different payload");
            }
        } catch (KeyFileException | GeneralSecurityException e) {
            throw new IOException("the re-sealed file did not verify (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (decrypted != null) {
                Arrays.fill(decrypted, (byte) 0);
            }
        }
    }

    private static byte[] gcm(int mode, byte[] key, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG * 8, nonce));
        return cipher.doFinal(input);
    }
}
