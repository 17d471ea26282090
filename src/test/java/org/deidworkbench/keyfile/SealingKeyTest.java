package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run derives the next seal's key-encryption key while it works ({@link SealingKey}). The file sealed with
 * it must open with the passphrase alone, in deid and in openssl; a closed sealing key must leave nothing
 * behind and seal nothing.
 */
class SealingKeyTest {

    @TempDir
    Path dir;

    @Test
    void aFileSealedWithAKeyDerivedAheadOpensWithThePassphraseAlone() throws Exception {
        Path file = dir.resolve("ahead.deidkey");
        char[] passphrase = "Grüße, Paßwort € 2026".toCharArray();
        try (SealingKey sealing = SealingKey.of(passphrase).inBackground()) {
            Arrays.fill(passphrase, '\0'); // the caller may wipe its copy at once
            KeyFileStore.create(file, TestFixtures.sampleContents(), sealing, List.of());
        }
        assertTrue(KeyFileStore.open(file, "Grüße, Paßwort € 2026".toCharArray()).sameAs(TestFixtures.sampleContents()));
        KeyFileException wrong = assertThrows(KeyFileException.class,
                () -> KeyFileStore.open(file, "Grüsse, Passwort € 2026".toCharArray()));
        assertEquals(KeyFileException.Reason.WRONG_PASSPHRASE, wrong.reason());
        assertEquals(KeyFileStore.PBKDF2_ITERATIONS, iterations(file));

        if (TestFixtures.opensslPresent()) {
            Path out = dir.resolve("payload.json");
            TestFixtures.Result r = TestFixtures.run(List.of("openssl", "cms", "-decrypt", "-inform", "DER", "-in",
                    file.toString(), "-pwri_password", "Grüße, Paßwort € 2026", "-out", out.toString()));
            assertEquals(0, r.exitCode(), r.stderr());
            assertTrue(PayloadCodec.read(Files.readAllBytes(out), out).sameAs(TestFixtures.sampleContents()));
        }
    }

    private static long iterations(Path file) throws KeyFileException {
        return KeyFileStore.inspect(file).recipients().stream().filter(KeyFileInfo.PasswordEntry.class::isInstance)
                .map(KeyFileInfo.PasswordEntry.class::cast).findFirst().orElseThrow().iterationCount();
    }

    @Test
    void replacingAFileWithAKeyDerivedOnTheSealingThreadWorksToo() throws Exception {
        Path file = dir.resolve("replace.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of());
        try (SealingKey sealing = SealingKey.of(TestFixtures.PASSPHRASE, 2_000)) { // never started: derived when sealing
            KeyFileStore.save(file, TestFixtures.sampleContents(), sealing, List.of());
        }
        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(TestFixtures.sampleContents()));
        assertEquals(2_000, iterations(file));
    }

    @Test
    void everyKeyHasItsOwnSaltAndGivesItsKeyOnlyForItsOwnParameters() {
        try (SealingKey a = SealingKey.of(TestFixtures.PASSPHRASE, 1_000); SealingKey b = SealingKey.of(TestFixtures.PASSPHRASE, 1_000)) {
            assertFalse(Arrays.equals(a.salt(), b.salt()));
            BigInteger n = BigInteger.valueOf(1_000);
            byte[] key = a.keyFor(a.salt(), n, 256);
            assertArrayEquals(Pbkdf2.bouncyCastle(TestFixtures.PASSPHRASE, a.salt(), 1_000, 256), key);
            assertNull(a.keyFor(b.salt(), n, 256), "another salt");
            assertNull(a.keyFor(a.salt(), BigInteger.valueOf(999), 256), "another iteration count");
            assertNull(a.keyFor(a.salt(), n, 128), "another key size");
        }
    }

    @Test
    void closingWipesTheKeyAndRefusesToSeal() throws Exception {
        SealingKey sealing = SealingKey.of(TestFixtures.PASSPHRASE).inBackground(); // closed while it may still derive
        sealing.close();
        assertNull(sealing.keyFor(sealing.salt(), BigInteger.valueOf(KeyFileStore.PBKDF2_ITERATIONS), 256));
        Path file = dir.resolve("never.deidkey");
        assertThrows(IllegalStateException.class,
                () -> KeyFileStore.create(file, TestFixtures.sampleContents(), sealing, List.of()));
        assertFalse(Files.exists(file));
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temporary file either");
        }
    }
}
