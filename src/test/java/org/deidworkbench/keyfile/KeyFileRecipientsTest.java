package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.keyfile.KeyFileException.Reason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding and removing trustees and changing the passphrase: who can open the file afterwards. */
class KeyFileRecipientsTest {

    private static final char[] NEW_PASSPHRASE = "a new and different passphrase".toCharArray();

    private static TestFixtures.Trustee rsa;
    private static TestFixtures.Trustee ec;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeTrustees() throws Exception {
        rsa = TestFixtures.rsaTrustee("Recipient RSA");
        ec = TestFixtures.ecTrustee("Recipient EC");
    }

    private Path sample(List<java.security.cert.X509Certificate> trustees) throws Exception {
        Path file = dir.resolve("study.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), trustees);
        return file;
    }

    @Test
    void addedRsaTrusteeOpensTheFile() throws Exception {
        Path file = sample(List.of());
        KeyFileRecipients.add(file, TestFixtures.PASSPHRASE, rsa.certificate(), TestFixtures.FAST);
        assertTrue(KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void addedEcTrusteeOpensTheFileAndTheEarlierTrusteeStillDoes() throws Exception {
        Path file = sample(List.of(rsa.certificate()));
        KeyFileRecipients.add(file, TestFixtures.PASSPHRASE, ec.certificate(), TestFixtures.FAST);
        assertTrue(KeyFileStore.open(file, ec.privateKey(), ec.certificate()).sameAs(TestFixtures.sampleContents()));
        assertTrue(KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()).sameAs(TestFixtures.sampleContents()));
        assertEquals(List.of(rsa.certificate(), ec.certificate()), KeyFileStore.trustees(file));
    }

    @Test
    void addingATrusteeTwiceIsRefusedAndLeavesTheFileAsItWas() throws Exception {
        Path file = sample(List.of(rsa.certificate()));
        byte[] before = Files.readAllBytes(file);
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileRecipients.add(file, TestFixtures.PASSPHRASE, rsa.certificate(), TestFixtures.FAST));
        assertEquals(Reason.RECIPIENT_CONFLICT, e.reason());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void addingNeedsTheRightPassphrase() throws Exception {
        Path file = sample(List.of());
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileRecipients.add(file, "wrong passphrase".toCharArray(), rsa.certificate(), TestFixtures.FAST));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
    }

    @Test
    void removedTrusteeNoLongerOpensTheFileButTheOthersDo() throws Exception {
        Path file = sample(List.of(rsa.certificate(), ec.certificate()));
        KeyFileRecipients.remove(file, TestFixtures.PASSPHRASE, rsa.certificate().getSerialNumber().toString(16),
                TestFixtures.FAST);
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileStore.open(file, rsa.privateKey(), rsa.certificate()));
        assertEquals(Reason.NO_MATCHING_RECIPIENT, e.reason());
        assertTrue(KeyFileStore.open(file, ec.privateKey(), ec.certificate()).sameAs(TestFixtures.sampleContents()));
        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(TestFixtures.sampleContents()));
    }

    @Test
    void removingAnUnknownSerialIsRefused() throws Exception {
        Path file = sample(List.of(rsa.certificate()));
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileRecipients.remove(file, TestFixtures.PASSPHRASE, "abc123", TestFixtures.FAST));
        assertEquals(Reason.RECIPIENT_CONFLICT, e.reason());
    }

    @Test
    void changedPassphraseOpensTheFileAndTheOldOneNoLongerDoes() throws Exception {
        Path file = sample(List.of(ec.certificate()));
        KeyFileRecipients.changePassphrase(file, TestFixtures.PASSPHRASE, NEW_PASSPHRASE.clone(), TestFixtures.FAST);
        assertTrue(KeyFileStore.open(file, NEW_PASSPHRASE).sameAs(TestFixtures.sampleContents()));
        assertEquals(Reason.WRONG_PASSPHRASE, assertThrows(KeyFileException.class,
                () -> KeyFileStore.open(file, TestFixtures.PASSPHRASE)).reason());
        assertTrue(KeyFileStore.open(file, ec.privateKey(), ec.certificate()).sameAs(TestFixtures.sampleContents()),
                "the trustee keeps access");
    }

    @Test
    void aReSealUsesAFreshContentKey() throws Exception {
        Path file = sample(List.of(rsa.certificate()));
        KeyFileStore.Opened before = KeyFileStore.openCapturingKey(file, new KeyFileCredential.Passphrase(TestFixtures.PASSPHRASE));
        KeyFileRecipients.add(file, TestFixtures.PASSPHRASE, ec.certificate(), TestFixtures.FAST);
        KeyFileStore.Opened after = KeyFileStore.openCapturingKey(file, new KeyFileCredential.Passphrase(TestFixtures.PASSPHRASE));
        assertEquals(32, after.contentKey().length);
        assertFalse(java.util.Arrays.equals(before.contentKey(), after.contentKey()));
    }

    @Test
    void fileWithATrusteeWhoseCertificateIsNotStoredIsNotReSealed() throws Exception {
        // sealed by another tool: a trustee entry without the certificate in originatorInfo
        Path file = dir.resolve("foreign.deidkey");
        TestFixtures.sealRawForTrustee(file, PayloadCodec.write(TestFixtures.sampleContents()), TestFixtures.PASSPHRASE,
                rsa.certificate());
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> KeyFileRecipients.add(file, TestFixtures.PASSPHRASE, ec.certificate(), TestFixtures.FAST));
        assertEquals(Reason.RECIPIENT_CONFLICT, e.reason());
        assertTrue(e.getMessage().contains("lock the others out"), e.getMessage());
    }
}
