package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving a key file needs no more memory than its contents plus stream buffers: a million entries (about
 * 160 MB of contents on the heap, a 52 MB payload) are sealed, written and verified in a child JVM whose
 * whole heap is 256 MB. The earlier save, which held the payload in about five copies (JSON, CMS envelope,
 * DER encoding, the file read back, the decrypted check), ran out of memory there and needed more than
 * 480 MB (see performance.md).
 */
class SealMemoryTest {

    private static final int ENTRIES = 1_000_000;
    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path dir;

    @Test
    void aMillionEntriesAreSavedInAHeapLittleLargerThanTheContents() throws Exception {
        Path file = dir.resolve("big.deidkey");
        Path log = dir.resolve("child.log");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(javaBin, HEAP, "-cp", System.getProperty("java.class.path"),
                SealUnderSmallHeap.class.getName(), file.toString(), Integer.toString(ENTRIES)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(child.waitFor(10, TimeUnit.MINUTES), "the child JVM did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), "saving under " + HEAP + " failed (3: out of memory while saving,"
                + " 4: the contents alone do not fit): " + output);

        KeyFileContents reopened = KeyFileStore.open(file, TestFixtures.PASSPHRASE);
        assertEquals(ENTRIES, reopened.entryCount());
        assertEquals(java.util.Optional.of("Müller^Jürgen^999999^MRN-7999999"),
                reopened.original("mrn", String.format("PAT-%08X", 999_999)));
        assertEquals(java.util.Optional.of("Müller^Jürgen^1^MRN-7000001"), reopened.original("patient", "PAT-00000001"));
    }
}
