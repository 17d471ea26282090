package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.cms.AuthEnvelopedData;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.deidworkbench.crypto.Ff1Cipher;
import org.deidworkbench.crypto.ProjectSecret;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-identification with its sealed, hash-chained audit log, and the detection of every kind of tampering with it. */
class ReidentifierTest {

    private static final Reidentifier.Request ASK = new Reidentifier.Request("steward",
            "Ticket 4711: adverse event follow-up", Instant.parse("2026-12-01T09:00:00Z"));
    private static final KeyFileCredential PASS = new KeyFileCredential.Passphrase(TestFixtures.PASSPHRASE);

    private static TestFixtures.Trustee rsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTrustee() throws Exception {
        rsa = TestFixtures.rsaTrustee("Audit Trustee");
    }

    private Path sample() throws Exception {
        Path file = dir.resolve("study.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of(rsa.certificate()));
        return file;
    }

    private static KeyFileContents reopen(Path file) throws KeyFileException {
        return KeyFileStore.open(file, TestFixtures.PASSPHRASE);
    }

    @Test
    void lookupReturnsTheOriginalAndSealsOneAuditEntry() throws Exception {
        Path file = sample();
        Reidentifier.Result r = Reidentifier.lookup(file, PASS, ASK, null, List.of("PAT-7G3K2M", "NOPE-1"));
        assertEquals(List.of(new Reidentifier.Answer("PAT-7G3K2M", "patient", Optional.of("MRN-004711")),
                new Reidentifier.Answer("NOPE-1", null, Optional.empty())), r.answers());
        List<AuditEntry> log = reopen(file).auditEntries();
        assertEquals(1, log.size());
        AuditEntry e = log.get(0);
        assertEquals(List.of("PAT-7G3K2M", "NOPE-1"), e.items());
        assertEquals(1, e.found());
        assertEquals("steward", e.user());
        assertEquals(AuditLog.LOOKUP, e.action());
        assertTrue(AuditLog.verify(reopen(file)).intact());
    }

    @Test
    void auditEntriesNeverHoldTheOriginals() throws Exception {
        Path file = sample();
        Reidentifier.lookup(file, PASS, ASK, "patient", List.of("PAT-1Q9XZ0"));
        assertFalse(reopen(file).auditEntries().toString().contains("Müller"));
    }

    @Test
    void lookupInAnotherDomainFindsNothing() throws Exception {
        Reidentifier.Result r = Reidentifier.lookup(sample(), PASS, ASK, "accession", List.of("PAT-7G3K2M"));
        assertEquals(Optional.empty(), r.answers().get(0).original());
        assertEquals(0, r.entry().found());
    }

    @Test
    void entriesChainEachToThePreviousOne() throws Exception {
        Path file = sample();
        AuditEntry first = Reidentifier.lookup(file, PASS, ASK, null, List.of("PAT-7G3K2M")).entry();
        AuditEntry second = Reidentifier.lookup(file, PASS, ASK, null, List.of("ACC-88")).entry();
        assertEquals(AuditLog.GENESIS, first.prev());
        assertEquals(first.hash(), second.prev());
        assertEquals(2, second.seq());
        AuditLog.Check check = AuditLog.verify(reopen(file));
        assertTrue(check.intact(), check.problem()::toString);
        assertEquals(second.hash(), check.head());
    }

    @Test
    void trusteeLookupReSealsForTheSameRecipientsWithoutThePassphrase() throws Exception {
        Path file = sample();
        byte[] before = Files.readAllBytes(file);
        Reidentifier.lookup(file, new KeyFileCredential.Trustee(rsa.privateKey(), rsa.certificate()), ASK, null,
                List.of("ACC-88"));
        byte[] after = Files.readAllBytes(file);
        assertEquals(recipientInfos(before), recipientInfos(after), "recipient entries kept byte for byte");
        assertEquals(1, reopen(file).auditEntries().size(), "the passphrase still opens it");
        assertEquals(1, KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).auditEntries().size());
    }

    private static org.bouncycastle.asn1.ASN1Set recipientInfos(byte[] der) {
        return AuthEnvelopedData.getInstance(ContentInfo.getInstance(der).getContent()).getRecipientInfos();
    }

    @Test
    void aShortOrBlankReasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reidentifier.Request("u", "   why   ", Instant.EPOCH));
    }

    @Test
    void ff1ValuesAreDecryptedAndAudited() throws Exception {
        Path file = sample();
        String encrypted = new Ff1Cipher(ProjectSecret.of(TestFixtures.SECRET_BYTES)).encrypt("ssn", "123-45-6789",
                Ff1Cipher.DIGITS);
        Reidentifier.Result r = Reidentifier.decryptFf1(file, PASS, ASK, "ssn", Reidentifier.alphabet("digits"),
                List.of(encrypted));
        assertEquals(Optional.of("123-45-6789"), r.answers().get(0).original());
        AuditEntry e = reopen(file).auditEntries().get(0);
        assertEquals(AuditLog.FF1_DECRYPT, e.action());
        assertEquals(List.of(encrypted), e.items());
    }

    @Test
    void payloadHasNoAuditUntilAnAuditEntryExists() throws Exception {
        Path file = sample();
        assertFalse(new String(PayloadCodec.write(reopen(file)), java.nio.charset.StandardCharsets.UTF_8).contains("\"audit\""));
        Reidentifier.lookup(file, PASS, ASK, null, List.of("ACC-88"));
        String json = new String(PayloadCodec.write(reopen(file)), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"version\":2,"), json);
        assertTrue(json.contains("\"audit\":{\"count\":1,\"entries\":[{\"seq\":1,"), json);
    }

    // ------------------------------------------------------------------ tampering, as someone who can re-seal would do it

    private Path withThreeEntries() throws Exception {
        Path file = sample();
        for (String p : List.of("PAT-7G3K2M", "PAT-1Q9XZ0", "ACC-88")) {
            Reidentifier.lookup(file, PASS, ASK, null, List.of(p));
        }
        return file;
    }

    /** Decrypts, replaces the log (and counter) and re-seals with the passphrase: a consistent-looking file. */
    private static AuditLog.Check afterRewriting(Path file, java.util.function.UnaryOperator<List<AuditEntry>> edit,
            long count) throws Exception {
        KeyFileContents c = reopen(file);
        c.adoptAudit(edit.apply(new ArrayList<>(c.auditEntries())), count);
        TestFixtures.saveFast(file, c, List.of());
        return AuditLog.verify(reopen(file));
    }

    private static AuditEntry withReason(AuditEntry e, String reason) {
        return new AuditEntry(e.seq(), e.time(), e.user(), reason, e.action(), e.domain(), e.items(), e.found(), e.prev(),
                e.hash());
    }

    @Test
    void anEditedReasonIsDetected() throws Exception {
        AuditLog.Check check = afterRewriting(withThreeEntries(), log -> {
            log.set(1, withReason(log.get(1), "routine data quality check"));
            return log;
        }, 3);
        assertFalse(check.intact());
        assertTrue(check.problem().get().contains("entry 2 was edited"), check.problem().get());
    }

    @Test
    void aRemovedMiddleEntryIsDetected() throws Exception {
        AuditLog.Check check = afterRewriting(withThreeEntries(), log -> {
            log.remove(1);
            return log;
        }, 2);
        assertFalse(check.intact());
        assertTrue(check.problem().get().contains("entry 2"), check.problem().get());
    }

    @Test
    void aRemovedLastEntryIsDetectedByTheCounter() throws Exception {
        AuditLog.Check check = afterRewriting(withThreeEntries(), log -> {
            log.remove(2);
            return log;
        }, 3);
        assertFalse(check.intact());
        assertTrue(check.problem().get().contains("counts 3 audit entries but holds 2"), check.problem().get());
    }

    @Test
    void swappedEntriesAreDetected() throws Exception {
        AuditLog.Check check = afterRewriting(withThreeEntries(), log -> {
            AuditEntry a = log.get(0);
            log.set(0, log.get(1));
            log.set(1, a);
            return log;
        }, 3);
        assertFalse(check.intact());
    }

    @Test
    void aForgedEntryWithoutTheAuditKeyIsDetected() throws Exception {
        AuditLog.Check check = afterRewriting(withThreeEntries(), log -> {
            AuditEntry last = log.get(2);
            // a plain SHA-256 chain could be recomputed by anyone who can edit the JSON; the HMAC key cannot be guessed
            byte[] wrongKey = new byte[32];
            String forged = AuditLog.hash(wrongKey, 4, last.time(), "mallory", "nothing to see here", AuditLog.LOOKUP,
                    null, List.of("PAT-7G3K2M"), 1, last.hash());
            log.add(new AuditEntry(4, last.time(), "mallory", "nothing to see here", AuditLog.LOOKUP, null,
                    List.of("PAT-7G3K2M"), 1, last.hash(), forged));
            return log;
        }, 4);
        assertFalse(check.intact());
        assertTrue(check.problem().get().contains("entry 4 was edited"), check.problem().get());
    }

    @Test
    void anIntactLogVerifiesAfterAPassphraseChange() throws Exception {
        Path file = withThreeEntries();
        KeyFileRecipients.changePassphrase(file, TestFixtures.PASSPHRASE, "another passphrase 2".toCharArray(),
                TestFixtures.FAST);
        assertTrue(AuditLog.verify(KeyFileStore.open(file, "another passphrase 2".toCharArray())).intact());
    }
}
