package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with the documented recovery path: OpenSSL 3.0's {@code openssl cms -decrypt} opens key
 * files with the passphrase and with each trustee's key, and its ASN.1 dump shows the PBKDF2 parameters.
 * Skipped (visibly) when openssl is not installed.
 */
class KeyFileOpensslTest {

    @TempDir
    static Path dir;

    private static final String PASS = new String(TestFixtures.PASSPHRASE);
    private static Path strongFile; // written through the public API: 600,000 iterations
    private static Path trusteeFile;
    private static TestFixtures.Trustee rsa;
    private static TestFixtures.Trustee ec;

    @BeforeAll
    static void writeFiles() throws Exception {
        Assumptions.assumeTrue(TestFixtures.opensslPresent(), "openssl not installed: apt-get install openssl");
        strongFile = dir.resolve("strong.deidkey");
        KeyFileStore.save(strongFile, TestFixtures.sampleContents(), TestFixtures.PASSPHRASE, List.of());
        rsa = TestFixtures.rsaTrustee("Trustee RSA");
        ec = TestFixtures.ecTrustee("Trustee EC");
        trusteeFile = dir.resolve("trustees.deidkey");
        TestFixtures.saveFast(trusteeFile, TestFixtures.sampleContents(), List.of(rsa.certificate(), ec.certificate()));
    }

    private static KeyFileContents decrypt(Path file, String... credentials) throws Exception {
        Path out = Files.createTempFile(dir, "payload", ".json");
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-decrypt", "-inform", "DER", "-in", file.toString()));
        cmd.addAll(List.of(credentials));
        cmd.addAll(List.of("-out", out.toString()));
        TestFixtures.Result r = TestFixtures.run(cmd);
        assertEquals(0, r.exitCode(), r.stderr());
        return PayloadCodec.read(Files.readAllBytes(out), out);
    }

    @Test
    void opensslOpensTheFileWithThePassphraseAndItsJsonParsesToTheSameContents() throws Exception {
        assertTrue(decrypt(strongFile, "-pwri_password", PASS).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void opensslRefusesAWrongPassphrase() throws Exception {
        TestFixtures.Result r = TestFixtures.run(List.of("openssl", "cms", "-decrypt", "-inform", "DER", "-in",
                strongFile.toString(), "-pwri_password", "not the passphrase", "-out", dir.resolve("x.json").toString()));
        assertNotEquals(0, r.exitCode());
        assertTrue(r.stderr().contains("unwrap failure"), r.stderr());
    }

    @Test
    void opensslSeesPbkdf2HmacSha256With600kIterationsAndA16ByteSalt() throws Exception {
        TestFixtures.Result r = TestFixtures.run(List.of("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in",
                strongFile.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        String dump = r.stdout();
        int kdf = dump.indexOf("keyDerivationAlgorithm");
        assertTrue(kdf > 0, dump);
        String pbkdf2 = dump.substring(kdf, dump.indexOf("keyEncryptionAlgorithm", kdf));
        assertTrue(pbkdf2.contains("PBKDF2 (1.2.840.113549.1.5.12)"), pbkdf2);
        assertTrue(pbkdf2.contains(":hmacWithSHA256"), pbkdf2);
        Matcher salt = Pattern.compile("OCTET STRING\\s+\\[HEX DUMP]:([0-9A-F]+)").matcher(pbkdf2);
        assertTrue(salt.find(), pbkdf2);
        assertEquals(16, salt.group(1).length() / 2);
        Matcher iterations = Pattern.compile("INTEGER\\s+:([0-9A-F]+)").matcher(pbkdf2);
        assertTrue(iterations.find(), pbkdf2);
        assertTrue(Integer.parseInt(iterations.group(1), 16) >= 600_000, iterations.group(1));
        assertTrue(dump.contains("aes-256-gcm"), "content cipher");
        assertTrue(dump.contains("id-smime-ct-authEnvelopedData"), "content type");
    }

    @Test
    void opensslOpensTheFileWithTheRsaTrusteeKey() throws Exception {
        Path cert = TestFixtures.writeCertPem(dir, "rsa.pem", rsa.certificate());
        Path key = TestFixtures.writePkcs8Pem(dir, "rsa.key", rsa.privateKey());
        assertTrue(decrypt(trusteeFile, "-recip", cert.toString(), "-inkey", key.toString())
                .sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void opensslOpensTheFileWithTheEcTrusteeKey() throws Exception {
        Path cert = TestFixtures.writeCertPem(dir, "ec.pem", ec.certificate());
        Path key = TestFixtures.writePkcs8Pem(dir, "ec.key", ec.privateKey());
        assertTrue(decrypt(trusteeFile, "-recip", cert.toString(), "-inkey", key.toString())
                .sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void opensslOpensTheTrusteeFileWithThePassphraseToo() throws Exception {
        assertTrue(decrypt(trusteeFile, "-pwri_password", PASS).sameAs(TestFixtures.sampleContents()));
    }

    /** OpenSSL-sealed (RSA-OAEP, AES-256-GCM) key file; {@code streamed} gives indefinite-length BER. */
    private static Path opensslSealed(String name, boolean streamed) throws Exception {
        Path json = Files.write(dir.resolve(name + ".json"), PayloadCodec.write(TestFixtures.sampleContents()));
        Path cert = TestFixtures.writeCertPem(dir, name + "-rsa.pem", rsa.certificate());
        Path out = dir.resolve(name + ".deidkey");
        List<String> cmd = new ArrayList<>(List.of("openssl", "cms", "-encrypt", "-aes-256-gcm", "-binary", "-in",
                json.toString(), "-outform", "DER", "-out", out.toString(), "-recip", cert.toString(),
                "-keyopt", "rsa_padding_mode:oaep", "-keyopt", "rsa_oaep_md:sha256"));
        if (streamed) {
            cmd.add("-stream");
        }
        TestFixtures.Result r = TestFixtures.run(cmd);
        assertEquals(0, r.exitCode(), r.stderr());
        Files.delete(json);
        return out;
    }

    @Test
    void keyFileSealedByOpensslOpensWithTheTrusteeKey() throws Exception {
        Path file = opensslSealed("ossl", false);
        assertTrue(KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void streamedBerKeyFileSealedByOpensslOpensWithTheTrusteeKey() throws Exception {
        Path file = opensslSealed("ossl-ber", true);
        assertEquals(0x80, Files.readAllBytes(file)[1] & 0xFF, "expected indefinite-length BER");
        assertTrue(KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void everyTruncationOfAStreamedBerFileIsTruncated() throws Exception {
        byte[] full = Files.readAllBytes(opensslSealed("ossl-ber-cut", true));
        Path cut = dir.resolve("ber-cut.deidkey");
        for (int len = 0; len < full.length; len++) {
            Files.write(cut, java.util.Arrays.copyOf(full, len));
            final int n = len;
            KeyFileException e = org.junit.jupiter.api.Assertions.assertThrows(KeyFileException.class,
                    () -> KeyFileStore.open(cut, rsa.privateKey(), rsa.certificate()), () -> "cut to " + n + " opened");
            assertEquals(KeyFileException.Reason.TRUNCATED, e.reason(), "cut to " + len + " bytes");
        }
    }
}
