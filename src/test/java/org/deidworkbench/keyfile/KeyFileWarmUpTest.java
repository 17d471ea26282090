package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run warms the seal up on a background thread (decision 0093): a throwaway seal and verification in
 * memory. It must really go through the seal and the verification (else it loads nothing the seal needs),
 * write no file, and leave the real seals as they were.
 */
class KeyFileWarmUpTest {

    @TempDir
    Path dir;

    @Test
    void theThrowawaySealVerifiesInMemoryAndWritesNothing() {
        assertTrue(KeyFileStore.warmUp(), "the in-memory seal did not verify");
        assertTrue(KeyFileStore.warmUp(), "a second warm-up");
        assertFalse(Files.exists(Path.of("warm-up")), "the warm-up wrote its placeholder name");
    }

    @Test
    void aSealBesideAWarmUpOpensAsBefore() throws Exception {
        Thread warmUp = new Thread(KeyFileStore::warmUp);
        warmUp.start();
        Path file = dir.resolve("after.deidkey");
        TestFixtures.saveFast(file, TestFixtures.sampleContents(), List.of());
        assertTrue(KeyFileStore.open(file, TestFixtures.PASSPHRASE).sameAs(TestFixtures.sampleContents()));
        warmUp.join();
    }
}
