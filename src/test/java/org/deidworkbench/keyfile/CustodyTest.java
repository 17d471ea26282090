package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.deidworkbench.keyfile.KeyFileException.Reason;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Split custody: any k of n shares open the file; fewer, wrong or mixed shares are refused with a clear error. */
class CustodyTest {

    @TempDir
    Path dir;

    private static TestFixtures.Trustee rsa;

    @BeforeAll
    static void makeTrustee() throws Exception {
        rsa = TestFixtures.rsaTrustee("Custody Trustee");
    }

    private Path file;
    private List<KeyShare> shares;

    private void split(int k, int n) throws Exception {
        file = dir.resolve("study.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate()));
        List<Path> paths = Custody.split(file, TestFixtures.PASSPHRASE, k, n, dir, TestFixtures.FAST);
        shares = new ArrayList<>();
        for (Path p : paths) {
            shares.add(KeyShare.read(p));
        }
    }

    private KeyFileContents openWith(KeyShare... given) throws KeyFileException {
        return KeyFileStore.open(file, new KeyFileCredential.Custodians(List.of(given)));
    }

    private static boolean sameAsSample(KeyFileContents c) throws KeyFileException {
        KeyFileContents sample = TestFixtures.sampleContents();
        sample.setSplit(c.split());
        return c.sameAs(sample);
    }

    @Test
    void everyPairOfThreeSharesOpensTheFile() throws Exception {
        split(2, 3);
        assertTrue(sameAsSample(openWith(shares.get(0), shares.get(1))));
        assertTrue(sameAsSample(openWith(shares.get(0), shares.get(2))));
        assertTrue(sameAsSample(openWith(shares.get(2), shares.get(1))));
    }

    @Test
    void allSharesTogetherOpenTheFile() throws Exception {
        split(3, 5);
        assertTrue(sameAsSample(openWith(shares.toArray(KeyShare[]::new))));
    }

    @Test
    void fewerSharesThanTheThresholdAreRefusedSayingHowManyAreNeeded() throws Exception {
        split(3, 5);
        KeyFileException e = assertThrows(KeyFileException.class, () -> openWith(shares.get(0), shares.get(4)));
        assertEquals(Reason.CREDENTIAL_INVALID, e.reason());
        assertTrue(e.getMessage().contains("needs 3 different shares of 5; 2 were given"), e.getMessage());
    }

    @Test
    void theSameShareTwiceCountsOnce() throws Exception {
        split(2, 3);
        KeyFileException e = assertThrows(KeyFileException.class, () -> openWith(shares.get(1), shares.get(1)));
        assertTrue(e.getMessage().contains("1 was given"), e.getMessage());
    }

    @Test
    void anAlteredShareIsDetectedByTheKeyCheckValue() throws Exception {
        split(2, 3);
        String text = Files.readString(dir.resolve("study.deidkey.share-2-of-3.json"));
        String b64 = text.replaceAll("(?s).*\"share\":\"([^\"]+)\".*", "$1");
        byte[] bytes = java.util.Base64.getDecoder().decode(b64);
        bytes[5] ^= 0x40;
        Path altered = Files.writeString(dir.resolve("altered.json"),
                text.replace(b64, java.util.Base64.getEncoder().encodeToString(bytes)));
        KeyFileException e = assertThrows(KeyFileException.class, () -> openWith(shares.get(0), KeyShare.read(altered)));
        assertEquals(Reason.CREDENTIAL_INVALID, e.reason());
        assertTrue(e.getMessage().contains("do not combine to the key"), e.getMessage());
    }

    @Test
    void sharesOfTwoSplitsAreNotMixed() throws Exception {
        split(2, 3);
        KeyShare old = shares.get(0);
        Path again = Files.createDirectories(dir.resolve("again"));
        List<Path> fresh = Custody.split(file, TestFixtures.PASSPHRASE, 2, 3, again, TestFixtures.FAST);
        KeyFileException e = assertThrows(KeyFileException.class, () -> openWith(old, KeyShare.read(fresh.get(1))));
        assertTrue(e.getMessage().contains("different splits"), e.getMessage());
    }

    @Test
    void sharesOfAReplacedSplitNoLongerOpenTheFile() throws Exception {
        split(2, 3);
        List<KeyShare> old = List.copyOf(shares);
        Custody.split(file, TestFixtures.PASSPHRASE, 2, 3, Files.createDirectories(dir.resolve("again")), TestFixtures.FAST);
        KeyFileException e = assertThrows(KeyFileException.class, () -> openWith(old.get(0), old.get(1)));
        assertEquals(Reason.NO_MATCHING_RECIPIENT, e.reason());
    }

    @Test
    void shareFilesHoldNeitherTheKeyNorEachOther() throws Exception {
        split(2, 3);
        byte[] kek = KeyFileStore.open(file, TestFixtures.PASSPHRASE).split().kek();
        for (int i = 1; i <= 3; i++) {
            String text = Files.readString(dir.resolve("study.deidkey.share-" + i + "-of-3.json"));
            assertFalse(text.contains(java.util.Base64.getEncoder().encodeToString(kek)));
            assertFalse(text.toLowerCase().contains(HexFormat.of().formatHex(kek)));
            assertTrue(text.startsWith("{\"format\":\"deid-workbench-key-share\",\"version\":1,"), text);
        }
    }

    @Test
    void theSplitSurvivesAPassphraseReSealAndATrusteeAuditAppend() throws Exception {
        split(2, 3);
        KeyFileRecipients.changePassphrase(file, TestFixtures.PASSPHRASE, "another passphrase!".toCharArray(),
                TestFixtures.FAST);
        Reidentifier.lookup(file, new KeyFileCredential.Trustee(rsa.privateKey(), rsa.certificate()),
                new Reidentifier.Request("trustee", "Ticket 99: checking custody", Instant.EPOCH), null, List.of("ACC-88"));
        KeyFileContents c = openWith(shares.get(2), shares.get(0));
        assertEquals(1, c.auditEntries().size());
    }

    @Test
    void custodiansAppendToTheAuditLogWithoutThePassphrase() throws Exception {
        split(2, 3);
        Reidentifier.Result r = Reidentifier.lookup(file, new KeyFileCredential.Custodians(shares.subList(0, 2)),
                new Reidentifier.Request("custodians", "Ethics board decision 2026-17", Instant.EPOCH), null,
                List.of("PAT-7G3K2M"));
        assertEquals("MRN-004711", r.answers().get(0).original().orElseThrow());
        assertEquals(1, KeyFileStore.open(file, TestFixtures.PASSPHRASE).auditEntries().size());
    }

    @Test
    void inspectListsTheCustodiansEntryWithoutAnySecret() throws Exception {
        split(2, 3);
        KeyFileInfo info = KeyFileStore.inspect(file);
        assertTrue(info.recipients().stream().anyMatch(r -> r instanceof KeyFileInfo.OtherEntry o && o.type().contains("KEK")),
                info.recipients()::toString);
    }

    @Test
    void opensslOpensTheFileWithTheCombinedKeyAsSecretKey() throws Exception {
        Assumptions.assumeTrue(TestFixtures.opensslPresent(), "openssl not installed");
        split(2, 3);
        byte[] kek = Custody.combine(file, List.of(shares.get(0), shares.get(2)));
        Path out = dir.resolve("payload.json");
        TestFixtures.Result r = TestFixtures.run(List.of("openssl", "cms", "-decrypt", "-inform", "DER", "-in",
                file.toString(), "-secretkey", HexFormat.of().formatHex(kek), "-secretkeyid", shares.get(0).keyId(),
                "-out", out.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(sameAsSample(PayloadCodec.read(Files.readAllBytes(out), out)));
    }
}
