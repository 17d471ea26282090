package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trustees made by OpenSSL: their keys and certificates as {@code openssl req} writes them are added with
 * {@link KeyFileRecipients#add}, open the file with {@code openssl cms -decrypt}, and open it in DeID Workbench
 * through {@link Pem}; a file OpenSSL seals for an EC trustee opens here. Skipped (visibly) without openssl.
 */
class KeyFileRecipientsOpensslTest {

    @TempDir
    static Path dir;

    private static Path rsaKey;
    private static Path rsaCert;
    private static Path ecKey;
    private static Path ecCert;

    @BeforeAll
    static void makeOpensslTrustees() throws Exception {
        Assumptions.assumeTrue(TestFixtures.opensslPresent(), "openssl not installed: apt-get install openssl");
        rsaKey = dir.resolve("rsa-key.pem");
        rsaCert = dir.resolve("rsa-cert.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", rsaKey.toString(), "-out", rsaCert.toString(),
                "-subj", "/CN=OpenSSL RSA Trustee", "-days", "30");
        ecKey = dir.resolve("ec-key.pem");
        ecCert = dir.resolve("ec-cert.pem");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                ecKey.toString(), "-out", ecCert.toString(), "-subj", "/CN=OpenSSL EC Trustee", "-days", "30");
    }

    private static TestFixtures.Result openssl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        TestFixtures.Result r = TestFixtures.run(cmd);
        assertEquals(0, r.exitCode(), r.stderr());
        return r;
    }

    private static Path withTrustee(String name, Path cert) throws Exception {
        Path file = dir.resolve(name + ".deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of());
        KeyFileRecipients.add(file, TestFixtures.PASSPHRASE, Pem.certificate(cert), TestFixtures.FAST);
        return file;
    }

    private static KeyFileContents opensslDecrypt(Path file, Path cert, Path key) throws Exception {
        Path out = dir.resolve(file.getFileName() + ".json");
        openssl("cms", "-decrypt", "-inform", "DER", "-in", file.toString(), "-recip", cert.toString(), "-inkey",
                key.toString(), "-out", out.toString());
        return PayloadCodec.read(Files.readAllBytes(out), out);
    }

    @Test
    void opensslMadeRsaTrusteeAddedHereDecryptsWithOpenssl() throws Exception {
        Path file = withTrustee("rsa-added", rsaCert);
        assertTrue(opensslDecrypt(file, rsaCert, rsaKey).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void opensslMadeEcTrusteeAddedHereDecryptsWithOpenssl() throws Exception {
        Path file = withTrustee("ec-added", ecCert);
        assertTrue(opensslDecrypt(file, ecCert, ecKey).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void opensslMadeRsaKeyOpensTheFileHere() throws Exception {
        Path file = withTrustee("rsa-here", rsaCert);
        assertTrue(KeyFileStore.open(file, Pem.privateKey(rsaKey, null), Pem.certificate(rsaCert))
                .sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void opensslMadeEcKeyOpensTheFileHere() throws Exception {
        Path file = withTrustee("ec-here", ecCert);
        assertTrue(KeyFileStore.open(file, Pem.privateKey(ecKey, null), Pem.certificate(ecCert))
                .sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void fileOpensslSealsForAnEcTrusteeOpensHere() throws Exception {
        Path json = Files.write(dir.resolve("payload-ec.json"), PayloadCodec.write(TestFixtures.sampleContents()));
        Path file = dir.resolve("ossl-ec.deidkey");
        openssl("cms", "-encrypt", "-aes-256-gcm", "-binary", "-in", json.toString(), "-outform", "DER", "-out",
                file.toString(), "-recip", ecCert.toString());
        assertTrue(KeyFileStore.open(file, Pem.privateKey(ecKey, null), Pem.certificate(ecCert))
                .sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void bcMadeCertificateAddedHereDecryptsWithOpenssl() throws Exception {
        TestFixtures.Trustee bc = TestFixtures.rsaTrustee("BC RSA Trustee");
        Path cert = TestFixtures.writeCertPem(dir, "bc-cert.pem", bc.certificate());
        Path key = TestFixtures.writePkcs8Pem(dir, "bc-key.pem", bc.privateKey());
        Path file = withTrustee("bc-added", cert);
        assertTrue(opensslDecrypt(file, cert, key).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void traditionalEcKeyWithParametersBlockIsRead() throws Exception {
        Path key = dir.resolve("ec-traditional.pem");
        openssl("ecparam", "-genkey", "-name", "prime256v1", "-out", key.toString());
        assertTrue(Files.readString(key).contains("BEGIN EC PRIVATE KEY"));
        assertEquals("EC", Pem.privateKey(key, null).getAlgorithm());
    }

    @Test
    void encryptedPkcs8KeyIsReadWithItsPassword() throws Exception {
        Path key = dir.resolve("rsa-encrypted.pem");
        openssl("pkcs8", "-topk8", "-in", rsaKey.toString(), "-out", key.toString(), "-passout", "pass:key-secret-1");
        PrivateKey read = Pem.privateKey(key, "key-secret-1".toCharArray());
        assertEquals(Pem.privateKey(rsaKey, null), read);
    }

    @Test
    void encryptedKeyWithoutItsPasswordIsCredentialInvalid() throws Exception {
        Path key = dir.resolve("rsa-encrypted-2.pem");
        openssl("pkcs8", "-topk8", "-in", rsaKey.toString(), "-out", key.toString(), "-passout", "pass:key-secret-2");
        KeyFileException e = assertThrows(KeyFileException.class, () -> Pem.privateKey(key, null));
        assertEquals(KeyFileException.Reason.CREDENTIAL_INVALID, e.reason());
    }

    @Test
    void certificateFileWithoutACertificateIsCredentialInvalid() throws Exception {
        KeyFileException e = assertThrows(KeyFileException.class, () -> Pem.certificate(rsaKey));
        assertEquals(KeyFileException.Reason.CREDENTIAL_INVALID, e.reason());
        X509Certificate ok = Pem.certificate(rsaCert);
        assertTrue(ok.getSubjectX500Principal().getName().contains("OpenSSL RSA Trustee"));
    }
}
