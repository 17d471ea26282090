package org.deidworkbench.cli;

import static org.deidworkbench.cli.DeidCommandTest.deid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deid keyfile}: recipients, passphrase change and inspection of the contents, as a steward uses them. */
class KeyFileCommandTest {

    private static final String PASSPHRASE = "Tr0ub4dor&3-horse";

    @TempDir
    static Path shared;

    private static Path runKey;
    private static TestCertificates trustee;

    @BeforeAll
    static void runSampleOnce() throws Exception {
        runKey = shared.resolve("out.deidkey");
        DeidCommandTest.Result r = deid("run", "sample-data/csv", "--out", shared.resolve("out").toString());
        assertEquals(ExitCode.OK, r.code(), r::all);
        trustee = TestCertificates.rsa(shared, "Trustee Cli");
    }

    private static Path copyOfKey(String name) throws Exception {
        return Files.copy(runKey, shared.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void addedTrusteeIsListedByInspectAndOpensTheFile() throws Exception {
        Path key = copyOfKey("add.deidkey");
        DeidCommandTest.Result add = deid("keyfile", "add-recipient", key.toString(), "--cert", trustee.cert().toString());
        assertEquals(ExitCode.OK, add.code(), add::all);
        DeidCommandTest.Result inspect = deid("keyfile", "inspect", key.toString());
        assertTrue(inspect.out().contains("CN=Trustee Cli"), inspect::out);
        assertTrue(inspect.out().contains("RSA-OAEP/SHA-256"), inspect::out);
        DeidCommandTest.Result opened = deid(Map.of(), "keyfile", "inspect", key.toString(), "--contents", "--key",
                trustee.key().toString(), "--cert", trustee.cert().toString());
        assertEquals(ExitCode.OK, opened.code(), opened::all);
        assertTrue(opened.out().contains("domain patient"), opened::out);
    }

    @Test
    void removedTrusteeCannotOpenTheFile() throws Exception {
        Path key = copyOfKey("remove.deidkey");
        assertEquals(ExitCode.OK, deid("keyfile", "add-recipient", key.toString(), "--cert", trustee.cert().toString()).code());
        DeidCommandTest.Result remove = deid("keyfile", "remove-recipient", key.toString(), "--serial",
                trustee.serial().toString(16));
        assertEquals(ExitCode.OK, remove.code(), remove::all);
        DeidCommandTest.Result opened = deid(Map.of(), "keyfile", "inspect", key.toString(), "--contents", "--key",
                trustee.key().toString(), "--cert", trustee.cert().toString());
        assertEquals(ExitCode.KEY_FILE, opened.code(), opened::all);
        assertTrue(opened.err().contains("no trustee entry"), opened::err);
    }

    @Test
    void changedPassphraseOpensAndTheOldOneIsWrong() throws Exception {
        Path key = copyOfKey("change.deidkey");
        String fresh = "a-completely-new-passphrase";
        DeidCommandTest.Result change = deid(Map.of(Passphrases.ENV, PASSPHRASE, Passphrases.NEW_ENV, fresh),
                "keyfile", "change-passphrase", key.toString());
        assertEquals(ExitCode.OK, change.code(), change::all);
        assertFalse(change.all().contains(fresh));
        assertEquals(ExitCode.WRONG_PASSPHRASE, deid("keyfile", "inspect", key.toString(), "--contents").code());
        assertEquals(ExitCode.OK, deid(Map.of(Passphrases.ENV, fresh), "keyfile", "inspect", key.toString(), "--contents").code());
    }

    @Test
    void inspectContentsListsDomainsCountsAndRunsButNoValues() throws Exception {
        DeidCommandTest.Result r = deid("keyfile", "inspect", runKey.toString(), "--contents", "--json");
        assertEquals(ExitCode.OK, r.code(), r::all);
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode contents = json.get("contents");
        assertTrue(contents.get("entries").asInt() > 0);
        assertTrue(contents.get("domains").has("patient"), r.out());
        assertEquals(1, json.get("runs").size());
        assertFalse(json.get("runs").get(0).has("files"), "input paths only with --runs");
        for (String id : org.deidworkbench.job.SampleDataAccess.identifiers()) {
            assertFalse(r.out().toLowerCase().contains(id.toLowerCase()), "an original value was printed");
        }
    }

    @Test
    void splitSharesOpenTheFileAndOneShareIsNotEnough() throws Exception {
        Path key = copyOfKey("split.deidkey");
        Path folder = java.nio.file.Files.createDirectories(shared.resolve("shares"));
        DeidCommandTest.Result split = deid("keyfile", "split", key.toString(), "--threshold", "2", "--shares", "3",
                "--out", folder.toString());
        assertEquals(ExitCode.OK, split.code(), split::all);
        String one = folder.resolve("split.deidkey.share-1-of-3.json").toString();
        String three = folder.resolve("split.deidkey.share-3-of-3.json").toString();
        DeidCommandTest.Result opened = deid(Map.of(), "keyfile", "inspect", key.toString(), "--contents", "--share", one,
                "--share", three);
        assertEquals(ExitCode.OK, opened.code(), opened::all);
        assertTrue(opened.out().contains("Split custody: 2 of 3"), opened::out);
        assertTrue(opened.out().contains("custodians (KEK, AES-256-WRAP"), opened::out);
        DeidCommandTest.Result tooFew = deid(Map.of(), "keyfile", "inspect", key.toString(), "--contents", "--share", one);
        assertEquals(ExitCode.KEY_FILE, tooFew.code(), tooFew::all);
        assertTrue(tooFew.err().contains("needs 2 different shares of 3"), tooFew::err);
    }

    @Test
    void exportWritesAKeyFileWithoutTheSecretForOneOutput() throws Exception {
        Path export = shared.resolve("for-trustee.deidkey");
        DeidCommandTest.Result r = deid(Map.of(Passphrases.ENV, PASSPHRASE, Passphrases.EXPORT_ENV, "trustee-passphrase"),
                "keyfile", "export", runKey.toString(), "--for", shared.resolve("out").toString(), "--to", export.toString());
        assertEquals(ExitCode.OK, r.code(), r::all);
        DeidCommandTest.Result inspect = deid(Map.of(Passphrases.ENV, "trustee-passphrase"), "keyfile", "inspect",
                export.toString(), "--contents");
        assertTrue(inspect.out().contains("An export key file"), inspect::out);
    }

    @Test
    void addingAnRsaKeyBelow2048BitsIsAUsageError() throws Exception {
        Path key = copyOfKey("weak.deidkey");
        Path weak = shared.resolve("weak-cert.pem");
        TestFixturesWeak.write(weak);
        DeidCommandTest.Result r = deid("keyfile", "add-recipient", key.toString(), "--cert", weak.toString());
        assertEquals(ExitCode.USAGE, r.code(), r::all);
        assertTrue(r.err().contains("at least 2048"), r::err);
    }

    /** An RSA-1024 certificate. */
    static final class TestFixturesWeak {
        static void write(Path file) throws Exception {
            java.security.KeyPairGenerator kpg = java.security.KeyPairGenerator.getInstance("RSA");
            kpg.initialize(1024);
            java.security.KeyPair kp = kpg.generateKeyPair();
            org.bouncycastle.asn1.x500.X500Name name = new org.bouncycastle.asn1.x500.X500Name("CN=Weak");
            var cert = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(
                    new org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder(name, java.math.BigInteger.TEN,
                            new java.util.Date(), new java.util.Date(System.currentTimeMillis() + 86_400_000L), name,
                            kp.getPublic()).build(new org.bouncycastle.operator.jcajce.JcaContentSignerBuilder("SHA256withRSA")
                            .build(kp.getPrivate())));
            java.io.StringWriter sw = new java.io.StringWriter();
            try (org.bouncycastle.openssl.jcajce.JcaPEMWriter w = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(sw)) {
                w.writeObject(cert);
            }
            Files.writeString(file, sw.toString());
        }
    }
}
