package org.deidworkbench.keyfile;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.PseudonymEntry;

/** Shared test data: small contents, self-signed trustee certificates, PEM files and openssl helpers. */
final class TestFixtures {

    /** Low iteration count for tests that are not about the PBKDF2 parameters (the public API always uses 600,000). */
    static final KeyFileStore.SealOptions FAST = new KeyFileStore.SealOptions(1_000, temp -> { });
    static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    static final byte[] SECRET_BYTES = new byte[32];

    static {
        for (int i = 0; i < SECRET_BYTES.length; i++) {
            SECRET_BYTES[i] = (byte) (i * 7 + 1);
        }
    }

    private TestFixtures() {
    }

    static KeyFileContents sampleContents() throws KeyFileException {
        KeyFileContents c = KeyFileContents.create(ProjectSecret.of(SECRET_BYTES), Instant.parse("2026-03-01T10:15:30Z"));
        c.addEntries(List.of(new PseudonymEntry("patient", "PAT-7G3K2M", "MRN-004711"),
                new PseudonymEntry("patient", "PAT-1Q9XZ0", "Müller^Jürgen"),
                new PseudonymEntry("accession", "ACC-88", "A2026-000123")));
        c.putDateOffset("PAT-7G3K2M", -123);
        c.putDateOffset("PAT-1Q9XZ0", 45);
        c.addKnownIdentifiers(java.util.Map.of("PAT-1Q9XZ0", List.of(
                new org.deidworkbench.model.KnownIdentifier("Müller", "[NAME]", "[NAME]"),
                new org.deidworkbench.model.KnownIdentifier("Jürgen", "[NAME]", "[NAME]"))));
        c.addRun(new RunRecord("run-1", Instant.parse("2026-03-01T10:16:00Z"), Instant.parse("2026-03-01T10:17:00Z"),
                "0.1.0", "dicom-basic", "ab".repeat(32), "out", 12, 1, 2, 3));
        return c;
    }

    static void saveFast(Path file, KeyFileContents contents, List<X509Certificate> trustees) throws KeyFileException {
        KeyFileStore.save(file, contents, PASSPHRASE, trustees, FAST, true);
    }

    record Trustee(KeyPair keys, X509Certificate certificate) {
        PrivateKey privateKey() {
            return keys.getPrivate();
        }
    }

    static Trustee rsaTrustee(String cn) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        return selfSigned(kpg.generateKeyPair(), cn, "SHA256withRSA");
    }

    static Trustee ecTrustee(String cn) throws Exception {
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
        kpg.initialize(new ECGenParameterSpec("secp256r1"));
        return selfSigned(kpg.generateKeyPair(), cn, "SHA256withECDSA");
    }

    private static Trustee selfSigned(KeyPair kp, String cn, String sigAlg) throws Exception {
        X500Name name = new X500Name("CN=" + cn + ",O=DeID Workbench Test");
        Date from = new Date(System.currentTimeMillis() - 3_600_000L);
        Date to = new Date(System.currentTimeMillis() + 86_400_000L * 365);
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(System.nanoTime()), from, to, name, kp.getPublic());
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder(sigAlg).build(kp.getPrivate())));
        return new Trustee(kp, cert);
    }

    static Path writeCertPem(Path dir, String name, X509Certificate cert) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(cert);
        }
        return Files.writeString(dir.resolve(name), sw.toString());
    }

    /** PKCS#8 PEM: OpenSSL reads it for RSA and EC alike (a SEC1 key without curve parameters it would not). */
    static Path writePkcs8Pem(Path dir, String name, PrivateKey key) throws IOException {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return Files.writeString(dir.resolve(name), "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n");
    }

    /**
     * Seals arbitrary payload bytes the way the key file does (independently of KeyFileStore), for tests
     * that need a well-sealed file with an unusual payload.
     */
    static void sealRaw(Path file, byte[] payload, char[] passphrase, int iterations) throws Exception {
        sealRaw(file, payload, passphrase, iterations, null);
    }

    /**
     * As {@link #sealRaw(Path, byte[], char[], int)}, plus an RSA-OAEP entry for {@code trustee} (when not null)
     * without storing its certificate, as other tools do.
     */
    static void sealRawForTrustee(Path file, byte[] payload, char[] passphrase, X509Certificate trustee) throws Exception {
        sealRaw(file, payload, passphrase, 1000, trustee);
    }

    private static void sealRaw(Path file, byte[] payload, char[] passphrase, int iterations, X509Certificate trustee)
            throws Exception {
        org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator gen = new org.bouncycastle.cms.CMSAuthEnvelopedDataGenerator();
        java.security.Provider bc = new org.bouncycastle.jce.provider.BouncyCastleProvider();
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        gen.addRecipientInfoGenerator(new org.bouncycastle.cms.jcajce.JcePasswordRecipientInfoGenerator(
                org.bouncycastle.cms.CMSAlgorithm.AES256_CBC, passphrase).setProvider(bc)
                .setPasswordConversionScheme(org.bouncycastle.cms.PasswordRecipient.PKCS5_SCHEME2_UTF8)
                .setPRF(org.bouncycastle.cms.PasswordRecipient.PRF.HMacSHA256)
                .setSaltAndIterationCount(salt, iterations));
        if (trustee != null) {
            gen.addRecipientInfoGenerator(new org.bouncycastle.cms.jcajce.JceKeyTransRecipientInfoGenerator(trustee,
                    new org.bouncycastle.operator.jcajce.JcaAlgorithmParametersConverter().getAlgorithmIdentifier(
                            org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_RSAES_OAEP,
                            javax.crypto.spec.OAEPParameterSpec.DEFAULT)).setProvider(bc));
        }
        org.bouncycastle.operator.OutputAEADEncryptor enc = (org.bouncycastle.operator.OutputAEADEncryptor)
                new org.bouncycastle.cms.jcajce.JceCMSContentEncryptorBuilder(org.bouncycastle.cms.CMSAlgorithm.AES256_GCM)
                        .setProvider(bc).build();
        Files.write(file, gen.generate(new org.bouncycastle.cms.CMSProcessableByteArray(payload), enc)
                .toASN1Structure().getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER));
    }

    static boolean opensslPresent() {
        try {
            return run(List.of("openssl", "version")).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    static Result run(List<String> command) throws IOException {
        Path out = Files.createTempFile("proc", ".out");
        Path err = Files.createTempFile("proc", ".err");
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command.get(0));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
