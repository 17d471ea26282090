package org.deidworkbench.keyfile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.cms.GCMParameters;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAESOAEPparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAlgorithm;
import org.bouncycastle.cms.CMSAuthEnvelopedData;
import org.bouncycastle.cms.KeyAgreeRecipientInformation;
import org.bouncycastle.cms.KeyTransRecipientInformation;
import org.bouncycastle.cms.OriginatorInformation;
import org.bouncycastle.cms.PKIXRecipientId;
import org.bouncycastle.cms.PasswordRecipientInformation;
import org.bouncycastle.cms.RecipientInformation;
import org.deidworkbench.keyfile.KeyFileException.Reason;

/**
 * Reading the CMS envelope of a key file: bytes from disk, a cheap check of the outer DER header that
 * tells a truncated key file from something that is not a key file at all, parsing, and description
 * for {@link KeyFileStore#inspect}. Stateless.
 */
final class CmsFile {

    /** DER of OBJECT IDENTIFIER 1.2.840.113549.1.9.16.1.23 (id-ct-authEnvelopedData), tag and length included. */
    private static final byte[] AUTH_ENVELOPED_OID = {
        0x06, 0x0B, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x09, 0x10, 0x01, 0x17};

    private static final Map<ASN1ObjectIdentifier, String> NAMES = Map.ofEntries(
            Map.entry(NISTObjectIdentifiers.id_aes256_GCM, "AES-256-GCM"),
            Map.entry(NISTObjectIdentifiers.id_aes192_GCM, "AES-192-GCM"),
            Map.entry(NISTObjectIdentifiers.id_aes128_GCM, "AES-128-GCM"),
            Map.entry(NISTObjectIdentifiers.id_aes256_CBC, "AES-256-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes128_CBC, "AES-128-CBC"),
            Map.entry(NISTObjectIdentifiers.id_aes256_wrap, "AES-256-WRAP"),
            Map.entry(NISTObjectIdentifiers.id_aes128_wrap, "AES-128-WRAP"),
            Map.entry(NISTObjectIdentifiers.id_sha256, "SHA-256"),
            Map.entry(NISTObjectIdentifiers.id_sha384, "SHA-384"),
            Map.entry(NISTObjectIdentifiers.id_sha512, "SHA-512"),
            Map.entry(PKCSObjectIdentifiers.id_PBKDF2, "PBKDF2"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA1, "HMAC-SHA1"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA256, "HMAC-SHA256"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA384, "HMAC-SHA384"),
            Map.entry(PKCSObjectIdentifiers.id_hmacWithSHA512, "HMAC-SHA512"),
            Map.entry(PKCSObjectIdentifiers.id_alg_PWRI_KEK, "PWRI-KEK"),
            Map.entry(PKCSObjectIdentifiers.id_RSAES_OAEP, "RSA-OAEP"),
            Map.entry(PKCSObjectIdentifiers.rsaEncryption, "RSA-PKCS1v1.5"),
            Map.entry(CMSAlgorithm.ECDH_SHA256KDF, "ECDH-SHA256KDF"),
            Map.entry(CMSAlgorithm.ECDH_SHA384KDF, "ECDH-SHA384KDF"),
            Map.entry(CMSAlgorithm.ECDH_SHA1KDF, "ECDH-SHA1KDF"),
            Map.entry(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1, "SHA-1"));

    /** Arc of the SEC 1 dhSinglePass ECDH schemes (1.3.132.1.11.x, 1.3.132.1.14.x). */
    private static final String SECG_ECDH_SCHEMES = "1.3.132.1.";

    private CmsFile() {
    }

    /** Reads the whole file, mapping "missing" and "too large" to their reasons. */
    static byte[] read(Path file) throws KeyFileException {
        try {
            long size = Files.size(file);
            if (size > KeyFileStore.MAX_FILE_SIZE) {
                throw new KeyFileException(Reason.NOT_A_KEY_FILE, file, "File " + file + " is " + size
                        + " bytes, larger than any key file this tool writes; it was not read.");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(Reason.NOT_FOUND, file, "Key file " + file + " does not exist. Check the path.");
        } catch (IOException e) {
            throw new KeyFileException(Reason.IO_ERROR, file, "Could not read key file " + file + ": "
                    + e.getClass().getSimpleName() + ".", e);
        }
    }

    /**
     * Checks the outer header, then parses. A DER key file starts with SEQUENCE, its length, and the
     * authEnvelopedData OID: a file whose bytes agree with that prefix but end early is TRUNCATED, one that
     * disagrees is NOT_A_KEY_FILE, and a complete one that fails to parse inside was damaged (TAMPERED).
     */
    static CMSAuthEnvelopedData parse(Path file, byte[] der) throws KeyFileException {
        boolean definiteLength = checkOuterHeader(file, der);
        try {
            return new CMSAuthEnvelopedData(der);
        } catch (Exception e) {
            // a definite-length file already has all its declared bytes, so an inner "end of data" is a damaged length
            if (!definiteLength && isEndOfData(e)) {
                throw truncated(file, der.length); // only reachable for indefinite-length (BER) files
            }
            throw new KeyFileException(Reason.TAMPERED, file, "Key file " + file
                    + " has a damaged CMS structure (it parses as far as its header). Restore it from a backup.", e);
        }
    }

    /** Returns whether the outer length is definite (DER); throws TRUNCATED / NOT_A_KEY_FILE / TAMPERED. */
    private static boolean checkOuterHeader(Path file, byte[] d) throws KeyFileException {
        if (d.length == 0) {
            throw new KeyFileException(Reason.TRUNCATED, file, "Key file " + file
                    + " is empty (0 bytes): it was cut short when copied or written. Restore it from a backup.");
        }
        if (d[0] != 0x30) {
            throw notAKeyFile(file);
        }
        if (d.length < 2) {
            throw truncated(file, d.length);
        }
        int first = d[1] & 0xFF;
        int pos = 2;
        long length = -1; // -1: indefinite (BER)
        if (first < 0x80) {
            length = first;
        } else if (first > 0x80) {
            int n = first & 0x7F;
            if (n > 4) {
                throw notAKeyFile(file);
            }
            if (d.length < 2 + n) {
                throw truncated(file, d.length);
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (d[pos++] & 0xFF);
            }
        }
        for (int i = 0; i < AUTH_ENVELOPED_OID.length; i++) {
            if (pos + i >= d.length) {
                throw truncated(file, d.length);
            }
            if (d[pos + i] != AUTH_ENVELOPED_OID[i]) {
                throw notAKeyFile(file);
            }
        }
        if (length >= 0) {
            long declared = pos + length;
            if (declared > d.length) {
                throw truncated(file, d.length, declared);
            }
            if (declared < d.length) {
                throw new KeyFileException(Reason.TAMPERED, file, "Key file " + file + " has " + (d.length - declared)
                        + " unexpected bytes after its end (declared " + declared + " bytes). Restore it from a backup.");
            }
        }
        return length >= 0;
    }

    private static boolean isEndOfData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException) {
                return true;
            }
            String m = t.getMessage();
            // Bouncy Castle's wording when a length runs past the end of the input
            if (m != null && (m.contains("EOF") || m.contains("unexpected end") || m.contains("out of data")
                    || m.contains("out of bounds length"))) {
                return true;
            }
        }
        return false;
    }

    private static KeyFileException notAKeyFile(Path file) {
        return new KeyFileException(Reason.NOT_A_KEY_FILE, file, "File " + file + " is not a DeID Workbench key file"
                + " (not a CMS AuthEnvelopedData structure). Check that you chose the right file.");
    }

    private static KeyFileException truncated(Path file, long actual) {
        return new KeyFileException(Reason.TRUNCATED, file, "Key file " + file + " is truncated: it ends after " + actual
                + " bytes. It was cut short when copied or written; restore it from a backup.");
    }

    private static KeyFileException truncated(Path file, long actual, long declared) {
        return new KeyFileException(Reason.TRUNCATED, file, "Key file " + file + " is truncated: it has " + actual
                + " of its " + declared + " bytes. It was cut short when copied or written; restore it from a backup.");
    }

    /** Certificates stored in originatorInfo that match a trustee entry, in entry order. */
    static List<java.security.cert.X509Certificate> trusteeCertificates(Path file, CMSAuthEnvelopedData envelope)
            throws KeyFileException {
        return trusteeCertificates(file, envelope.getOriginatorInfo(), envelope.getRecipientInfos());
    }

    /** As {@link #trusteeCertificates(Path, CMSAuthEnvelopedData)}, from the parts a streaming parser gives. */
    static List<java.security.cert.X509Certificate> trusteeCertificates(Path file, OriginatorInformation originator,
            org.bouncycastle.cms.RecipientInformationStore recipients) throws KeyFileException {
        try {
            List<X509CertificateHolder> stored = storedCertificates(originator);
            org.bouncycastle.cert.jcajce.JcaX509CertificateConverter converter =
                    new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter();
            List<java.security.cert.X509Certificate> result = new ArrayList<>();
            for (RecipientInformation ri : recipients.getRecipients()) {
                if (ri instanceof KeyTransRecipientInformation || ri instanceof KeyAgreeRecipientInformation) {
                    PKIXRecipientId rid = (PKIXRecipientId) ri.getRID();
                    Optional<X509CertificateHolder> cert = stored.stream().filter(rid::match).findFirst();
                    if (cert.isPresent()) {
                        result.add(converter.getCertificate(cert.get()));
                    }
                }
            }
            return List.copyOf(result);
        } catch (java.security.cert.CertificateException | RuntimeException e) {
            throw new KeyFileException(Reason.TAMPERED, file, "Key file " + file
                    + " has a damaged stored trustee certificate. Restore it from a backup.", e);
        }
    }

    private static List<X509CertificateHolder> storedCertificates(CMSAuthEnvelopedData envelope) {
        return storedCertificates(envelope.getOriginatorInfo());
    }

    private static List<X509CertificateHolder> storedCertificates(OriginatorInformation originator) {
        List<X509CertificateHolder> certs = new ArrayList<>();
        if (originator != null) {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> stored = originator.getCertificates().getMatches(null);
            certs.addAll(stored);
        }
        return certs;
    }

    /** Builds the inspection result from the unencrypted parts of the envelope. */
    static KeyFileInfo describe(Path file, byte[] der, CMSAuthEnvelopedData envelope) throws KeyFileException {
        try {
            List<X509CertificateHolder> certs = storedCertificates(envelope);
            List<KeyFileInfo.RecipientEntry> entries = new ArrayList<>();
            for (RecipientInformation ri : envelope.getRecipientInfos().getRecipients()) {
                entries.add(describe(ri, certs));
            }
            AlgorithmIdentifier content = contentAlgorithm(envelope);
            int macLength = envelope.getMac().length;
            return new KeyFileInfo(file, der.length, name(content.getAlgorithm()), macLength, entries);
        } catch (RuntimeException e) {
            throw new KeyFileException(Reason.TAMPERED, file, "Key file " + file
                    + " has a damaged recipient or algorithm entry. Restore it from a backup.", e);
        }
    }

    private static AlgorithmIdentifier contentAlgorithm(CMSAuthEnvelopedData envelope) {
        org.bouncycastle.asn1.cms.AuthEnvelopedData data =
                org.bouncycastle.asn1.cms.AuthEnvelopedData.getInstance(envelope.toASN1Structure().getContent());
        AlgorithmIdentifier alg = data.getAuthEncryptedContentInfo().getContentEncryptionAlgorithm();
        if (NISTObjectIdentifiers.id_aes256_GCM.equals(alg.getAlgorithm())) {
            GCMParameters.getInstance(alg.getParameters()); // validates the nonce/ICV structure
        }
        return alg;
    }

    private static KeyFileInfo.RecipientEntry describe(RecipientInformation ri, List<X509CertificateHolder> certs) {
        if (ri instanceof PasswordRecipientInformation pri) {
            AlgorithmIdentifier kdf = pri.getKeyDerivationAlgorithm();
            String wrap = keyEncryption(pri.getKeyEncryptionAlgorithm());
            if (kdf != null && PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
                PBKDF2Params p = PBKDF2Params.getInstance(kdf.getParameters());
                String prf = p.isDefaultPrf() ? "HMAC-SHA1" : name(p.getPrf().getAlgorithm());
                return new KeyFileInfo.PasswordEntry("PBKDF2", prf, p.getIterationCount().longValueExact(),
                        p.getSalt().length, wrap);
            }
            return new KeyFileInfo.PasswordEntry(kdf == null ? "none" : name(kdf.getAlgorithm()), "", 0, 0, wrap);
        }
        if (ri instanceof KeyTransRecipientInformation || ri instanceof KeyAgreeRecipientInformation) {
            PKIXRecipientId rid = (PKIXRecipientId) ri.getRID();
            Optional<String> subject = certs.stream().filter(rid::match).findFirst().map(h -> h.getSubject().toString());
            KeyFileInfo.CertificateMethod method = ri instanceof KeyTransRecipientInformation
                    ? KeyFileInfo.CertificateMethod.KEY_TRANSPORT : KeyFileInfo.CertificateMethod.KEY_AGREEMENT;
            return new KeyFileInfo.CertificateEntry(method, keyEncryption(ri.getKeyEncryptionAlgorithm()),
                    rid.getIssuer() == null ? "" : rid.getIssuer().toString(), rid.getSerialNumber(), subject);
        }
        if (ri instanceof org.bouncycastle.cms.KEKRecipientInformation kek) {
            byte[] id = ((org.bouncycastle.cms.KEKRecipientId) kek.getRID()).getKeyIdentifier();
            return new KeyFileInfo.OtherEntry("custodians (KEK, " + keyEncryption(kek.getKeyEncryptionAlgorithm())
                    + ", key id " + java.util.HexFormat.of().formatHex(id) + ")");
        }
        return new KeyFileInfo.OtherEntry(ri.getClass().getSimpleName().replace("RecipientInformation", ""));
    }

    /** e.g. {@code PWRI-KEK/AES-256-CBC}, {@code RSA-OAEP/SHA-256}, {@code ECDH-SHA256KDF/AES-256-WRAP}. */
    private static String keyEncryption(AlgorithmIdentifier alg) {
        String base = name(alg.getAlgorithm());
        ASN1Encodable params = alg.getParameters();
        if (params == null || params instanceof DERNull) {
            return base;
        }
        if (PKCSObjectIdentifiers.id_RSAES_OAEP.equals(alg.getAlgorithm())) {
            RSAESOAEPparams oaep = RSAESOAEPparams.getInstance(params);
            return base + "/" + name(oaep.getHashAlgorithm().getAlgorithm());
        }
        // PWRI-KEK and the ECDH schemes carry the inner (wrapping) algorithm as their parameter
        if (PKCSObjectIdentifiers.id_alg_PWRI_KEK.equals(alg.getAlgorithm())
                || alg.getAlgorithm().getId().startsWith(SECG_ECDH_SCHEMES)) {
            return base + "/" + name(AlgorithmIdentifier.getInstance(params).getAlgorithm());
        }
        return base;
    }

    private static String name(ASN1ObjectIdentifier oid) {
        String n = NAMES.get(oid);
        return n != null ? n : oid.getId();
    }
}
