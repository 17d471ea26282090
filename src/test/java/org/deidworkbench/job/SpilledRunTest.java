package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs whose pseudonym ledger and subject identifiers are spilled to disk (decision 0026), with a
 * threshold of a few entries so that every run of the corpus spills many times: the key file holds
 * exactly what a run in memory gives, the output is the same, and no spilled file is left behind,
 * whether the run succeeds or fails.
 */
class SpilledRunTest {

    private static final char[] PASSPHRASE = "spill-test-passphrase".toCharArray();

    @TempDir
    static Path dir;

    private static LoadedProfile profile;
    private static Path input;
    private static Path emptyKey;

    @BeforeAll
    static void prepare() throws Exception {
        profile = ProfileLoader.read("csv-template");
        input = dir.resolve("in");
        SampleData.copyTree(Corpus.ROOT, input, "truth.tsv");
        Files.deleteIfExists(input.resolve("README.md"));
        byte[] secret = new byte[32];
        for (int i = 0; i < 32; i++) {
            secret[i] = (byte) (i * 11 + 5);
        }
        emptyKey = dir.resolve("empty.deidkey");
        KeyFileStore.save(emptyKey, KeyFileContents.create(ProjectSecret.of(secret), Instant.EPOCH), PASSPHRASE, List.of());
    }

    /** A run with {@code threshold} entries in memory (null: the default, far above this corpus). */
    private static RunResult run(String name, Path key, String threshold, int threads, RunListener listener)
            throws Exception {
        return run(name, input, key, threshold, threads, listener);
    }

    private static RunResult run(String name, Path in, Path key, String threshold, int threads, RunListener listener)
            throws Exception {
        Path out = dir.resolve(name);
        String before = System.getProperty("deid.spill.threshold");
        if (threshold == null) {
            System.clearProperty("deid.spill.threshold");
        } else {
            System.setProperty("deid.spill.threshold", threshold);
        }
        try {
            return new RunJob(new RunRequest(List.of(in), out, key, false, PASSPHRASE, profile, threads), listener).run();
        } finally {
            if (before == null) {
                System.clearProperty("deid.spill.threshold");
            } else {
                System.setProperty("deid.spill.threshold", before);
            }
        }
    }

    /** Checksums of the output files (the report, which holds times, aside). */
    private static java.util.Map<String, String> outputs(String name) throws IOException {
        java.util.Map<String, String> sums = SampleData.checksums(dir.resolve(name));
        assertTrue(sums.size() > 20, "the corpus has more than 20 tables: " + sums.size());
        sums.remove(RunJob.REPORT);
        return sums;
    }

    private static Path keyCopy(String name) throws IOException {
        return Files.copy(emptyKey, dir.resolve(name));
    }

    /** Counts the spill files present when the key file is about to be sealed. */
    private static class SpillWatcher implements RunListener {
        private final Path out;
        final AtomicInteger filesAtSeal = new AtomicInteger(-1);

        SpillWatcher(Path out) {
            this.out = out;
        }

        @Override
        public void phase(String name, int files, long bytes) {
            if (name.equals(RunPhase.SEAL.id())) {
                try (Stream<Path> s = Files.list(out.resolve(RunJob.WORK_DIR).resolve("spill"))) {
                    filesAtSeal.set((int) s.count());
                } catch (IOException e) {
                    filesAtSeal.set(-2);
                }
            }
        }
    }

    @Test
    void aSpilledRunSealsTheSameKeyFileAndOutputAsARunInMemory() throws Exception {
        Path memoryKey = keyCopy("memory.deidkey");
        Path spilledKey = keyCopy("spilled.deidkey");
        RunResult inMemory = run("out-memory", memoryKey, null, 2, RunListener.NONE);
        SpillWatcher watcher = new SpillWatcher(dir.resolve("out-spilled"));
        RunResult spilled = run("out-spilled", spilledKey, "7", 2, watcher);

        assertTrue(watcher.filesAtSeal.get() > 0, "the run spilled (files at sealing: " + watcher.filesAtSeal + ")");
        assertTrue(outputs("out-memory").equals(outputs("out-spilled")), "every output byte the same");
        KeyFileContents a = KeyFileStore.open(memoryKey, PASSPHRASE);
        KeyFileContents b = KeyFileStore.open(spilledKey, PASSPHRASE);
        assertTrue(a.entryCount() > 1000, "the corpus issues many pseudonyms: " + a.entryCount());
        assertEquals(a.domains(), b.domains());
        for (String domain : a.domains()) {
            assertEquals(a.entries(domain), b.entries(domain), "entries of domain " + domain);
        }
        assertEquals(a.entryCount(), b.entryCount());
        assertFalse(a.knownIdentifiers().isEmpty());
        assertEquals(a.knownIdentifiers(), b.knownIdentifiers(), "the subjects' identifying values");
        assertEquals(a.dateOffsets(), b.dateOffsets());
        assertEquals(a.runs().get(0).newEntries(), b.runs().get(0).newEntries());
        assertEquals(inMemory.report().run().newPseudonyms(), spilled.report().run().newPseudonyms());
        assertFalse(Files.exists(dir.resolve("out-spilled").resolve(RunJob.WORK_DIR)), "no work folder left");
    }

    @Test
    void aSecondSpilledRunOnTheSameKeyFileAddsNothingAndKeepsItsEntries() throws Exception {
        Path key = keyCopy("twice.deidkey");
        run("out-first", key, "5", 1, RunListener.NONE);
        KeyFileContents first = KeyFileStore.open(key, PASSPHRASE);
        RunResult second = run("out-second", key, "5", 1, RunListener.NONE);
        KeyFileContents after = KeyFileStore.open(key, PASSPHRASE);

        assertEquals(0, second.report().run().newPseudonyms(), "every pseudonym was already in the key file");
        for (String domain : first.domains()) {
            assertEquals(first.entries(domain), after.entries(domain), "entries of domain " + domain);
        }
        assertEquals(first.knownIdentifiers(), after.knownIdentifiers());
        assertTrue(outputs("out-first").equals(outputs("out-second")), "every output byte the same");
    }

    /** Counts, at sealing, the folders a key file read as a stream keeps its entries in (beside the output). */
    private static class StreamWatcher implements RunListener {
        final AtomicInteger foldersAtSeal = new AtomicInteger(-1);

        @Override
        public void phase(String name, int files, long bytes) {
            if (name.equals(RunPhase.SEAL.id())) {
                foldersAtSeal.set(keyFileFolders());
            }
        }
    }

    private static int keyFileFolders() {
        try (Stream<Path> s = Files.list(dir)) {
            return (int) s.filter(p -> p.getFileName().toString().startsWith(".deid-keyfile-")).count();
        } catch (IOException e) {
            return -2;
        }
    }

    /** As {@link #run}, with every key file read as a stream (decision 0030). */
    private static RunResult streamedRun(String name, Path in, Path key, RunListener listener) throws Exception {
        System.setProperty("deid.keyfile.stream.bytes", "0");
        try {
            return run(name, in, key, "5", 2, listener);
        } finally {
            System.clearProperty("deid.keyfile.stream.bytes");
        }
    }

    @Test
    void aKeyFileReadAsAStreamGivesTheRunAKeyFileReadWholeGives() throws Exception {
        Path key = keyCopy("stream-base.deidkey");
        run("out-stream-base", key, "5", 2, RunListener.NONE);
        Path whole = Files.copy(key, dir.resolve("stream-whole.deidkey"));
        Path streamed = Files.copy(key, dir.resolve("stream-streamed.deidkey"));
        Path notesAlone = dir.resolve("notes-alone");
        Files.createDirectories(notesAlone);
        Files.copy(input.resolve("ehr").resolve("notes.csv"), notesAlone.resolve("notes.csv"));
        Files.copy(input.resolve("omop").resolve("note.csv"), notesAlone.resolve("note.csv"));

        // The notes alone (their patients known only from the key file), then the whole corpus again.
        RunResult wholeNotes = run("out-whole-notes", notesAlone, whole, "5", 2, RunListener.NONE);
        StreamWatcher watcher = new StreamWatcher();
        RunResult streamedNotes = streamedRun("out-streamed-notes", notesAlone, streamed, watcher);
        assertEquals(1, watcher.foldersAtSeal.get(), "the key file was read as a stream");
        assertEquals(outputsOf("out-whole-notes"), outputsOf("out-streamed-notes"), "notes alone: every output byte");
        RunResult wholeAgain = run("out-whole-again", whole, "5", 2, RunListener.NONE);
        RunResult streamedAgain = streamedRun("out-streamed-again", input, streamed, RunListener.NONE);
        assertTrue(outputs("out-whole-again").equals(outputs("out-streamed-again")), "every output byte the same");
        assertEquals(0, keyFileFolders(), "the key file's spill folder is gone");

        assertEquals(wholeNotes.report().run().newPseudonyms(), streamedNotes.report().run().newPseudonyms());
        assertEquals(wholeAgain.report().run().newPseudonyms(), streamedAgain.report().run().newPseudonyms());
        assertEquals(wholeAgain.subjects(), streamedAgain.subjects());
        KeyFileContents a = KeyFileStore.open(whole, PASSPHRASE);
        KeyFileContents b = KeyFileStore.open(streamed, PASSPHRASE);
        assertTrue(a.entryCount() > 1000, "the corpus issues many pseudonyms: " + a.entryCount());
        assertEquals(a.domains(), b.domains());
        for (String domain : a.domains()) {
            assertEquals(a.entries(domain), b.entries(domain), "entries of domain " + domain);
        }
        assertEquals(a.knownIdentifiers(), b.knownIdentifiers());
        assertEquals(a.dateOffsets(), b.dateOffsets());
        assertEquals(a.runs().size(), b.runs().size());
        for (int i = 0; i < a.runs().size(); i++) {
            assertEquals(a.runs().get(i).newEntries(), b.runs().get(i).newEntries(), "new entries of run " + i);
        }
    }

    /** Checksums of an output's files (the report aside), without the size check of {@link #outputs}. */
    private static java.util.Map<String, String> outputsOf(String name) throws IOException {
        java.util.Map<String, String> sums = SampleData.checksums(dir.resolve(name));
        sums.remove(RunJob.REPORT);
        assertFalse(sums.isEmpty());
        return sums;
    }

    @Test
    void aRunThatFailsAfterSpillingLeavesNoSpilledFile() throws Exception {
        Path key = keyCopy("failing.deidkey");
        byte[] before = Files.readAllBytes(key);
        Path out = dir.resolve("out-failing");
        SpillWatcher watcher = new SpillWatcher(out) {
            @Override
            public void phase(String name, int files, long bytes) {
                super.phase(name, files, bytes);
                if (name.equals(RunPhase.SEAL.id())) {
                    throw new IllegalStateException("failure injected before sealing");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> run("out-failing", key, "7", 2, watcher));

        assertTrue(watcher.filesAtSeal.get() > 0, "the run had spilled before it failed");
        assertFalse(Files.exists(out.resolve(RunJob.WORK_DIR).resolve("spill")), "the spill folder is gone");
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key)), "the key file is unchanged");
    }

    @Test
    void aCancelledRunLeavesNoSpilledFile() throws Exception {
        Path key = keyCopy("cancelled.deidkey");
        Path out = dir.resolve("out-cancelled");
        RunJob[] job = new RunJob[1];
        List<Integer> spillFilesSeen = new ArrayList<>();
        RunListener cancelInTransform = new RunListener() {
            private boolean transforming;

            @Override
            public void phase(String name, int files, long bytes) {
                transforming = name.equals(RunPhase.TRANSFORM.id());
            }

            @Override
            public void fileDone(long bytes) {
                if (transforming) {
                    try (Stream<Path> s = Files.list(out.resolve(RunJob.WORK_DIR).resolve("spill"))) {
                        spillFilesSeen.add((int) s.count());
                    } catch (IOException e) {
                        spillFilesSeen.add(-1);
                    }
                    job[0].cancel();
                }
            }
        };
        System.setProperty("deid.spill.threshold", "7");
        try {
            job[0] = new RunJob(new RunRequest(List.of(input), out, key, false, PASSPHRASE, profile, 1), cancelInTransform);
            JobException e = assertThrows(JobException.class, job[0]::run);
            assertEquals(JobException.Reason.CANCELLED, e.reason());
        } finally {
            System.clearProperty("deid.spill.threshold");
        }
        assertFalse(spillFilesSeen.isEmpty());
        assertTrue(spillFilesSeen.get(0) > 0, "spilled before the cancel: " + spillFilesSeen);
        assertFalse(Files.exists(out), "the output folder the run made is gone, spill files with it");
    }

    @Test
    void theDefaultThresholdFollowsTheHeap() {
        String before = System.getProperty("deid.spill.threshold");
        System.clearProperty("deid.spill.threshold");
        try {
            long expected = Math.max(4096, Runtime.getRuntime().maxMemory() / 4096);
            assertEquals(Math.min(Integer.MAX_VALUE, expected), RunJob.spillThreshold());
            System.setProperty("deid.spill.threshold", "12");
            assertEquals(12, RunJob.spillThreshold());
        } finally {
            if (before == null) {
                System.clearProperty("deid.spill.threshold");
            } else {
                System.setProperty("deid.spill.threshold", before);
            }
        }
    }
}
