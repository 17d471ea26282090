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

        // reopened in a JVM of its own: what this suite's JVM holds after thousands of tests is not the file's business
        Path reopenLog = dir.resolve("reopen.log");
        Process reopen = new ProcessBuilder(List.of(javaBin, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                SealUnderSmallHeap.class.getName(), "reopen", file.toString(), Integer.toString(ENTRIES)))
                .redirectErrorStream(true).redirectOutput(reopenLog.toFile()).start();
        assertTrue(reopen.waitFor(10, TimeUnit.MINUTES), "the reopening JVM did not finish");
        String reopened = Files.readString(reopenLog, StandardCharsets.UTF_8);
        assertEquals(0, reopen.exitValue(), "reopening failed: " + reopened);
        assertTrue(reopened.contains("entries " + ENTRIES + "\n"), reopened);
        assertTrue(reopened.contains("last true\n"), "the last entry's original: " + reopened);
        assertTrue(reopened.contains("first true\n"), "the first entry's original: " + reopened);
    }
}
