package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.RunReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parts are forced to disk off the workers' threads, and a run renames none that was not forced. */
class PartSyncerTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @Test
    void aFailedSyncIsReportedForItsFileOnly(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "a");
        Path b = Files.writeString(dir.resolve("b"), "b");
        Set<Path> forced = ConcurrentHashMap.newKeySet();
        try (PartSyncer syncer = new PartSyncer(2, 4, (part, channel) -> {
            if (part.equals(b)) {
                throw new IOException("device full");
            }
            PartSyncer.FDATASYNC.force(part, channel);
            forced.add(part);
        })) {
            syncer.submit(0, a, FileChannel.open(a, StandardOpenOption.WRITE));
            syncer.submit(1, b, FileChannel.open(b, StandardOpenOption.WRITE));
            Map<Integer, IOException> failures = syncer.awaitAll();
            assertEquals(Set.of(1), failures.keySet());
            assertEquals(Set.of(a), forced);
        }
    }

    @Test
    void aWorkerWaitsWhenTooManyPartsAreUnforced(@TempDir Path dir) throws Exception {
        Path part0 = Files.writeString(dir.resolve("0.part"), "0");
        Path part1 = Files.writeString(dir.resolve("1.part"), "1");
        Path part2 = Files.writeString(dir.resolve("2.part"), "2");
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (PartSyncer syncer = new PartSyncer(1, 2, (part, channel) -> {
            started.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })) {
            syncer.submit(0, dir, FileChannel.open(part0, StandardOpenOption.WRITE));
            syncer.submit(1, dir, FileChannel.open(part1, StandardOpenOption.WRITE));
            CountDownLatch third = new CountDownLatch(1);
            FileChannel thirdChannel = FileChannel.open(part2, StandardOpenOption.WRITE);
            Thread worker = new Thread(() -> {
                try {
                    syncer.submit(2, dir, thirdChannel);
                    third.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            worker.start();
            assertFalse(third.await(300, TimeUnit.MILLISECONDS), "a third part waits while two are unforced");
            release.countDown();
            assertTrue(third.await(10, TimeUnit.SECONDS), "and goes on once they are forced");
            assertEquals(Map.of(), syncer.awaitAll());
            assertEquals(3, started.get());
        }
    }

    @Test
    void everyHandedChannelIsClosedForcedFailedOrNeverRun(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a"), "a");
        Path b = Files.writeString(dir.resolve("b"), "b");
        Path c = Files.writeString(dir.resolve("c"), "c");
        FileChannel forced = FileChannel.open(a, StandardOpenOption.WRITE);
        FileChannel failed = FileChannel.open(b, StandardOpenOption.WRITE);
        FileChannel queued = FileChannel.open(c, StandardOpenOption.WRITE);
        CountDownLatch release = new CountDownLatch(1);
        PartSyncer syncer = new PartSyncer(1, 4, (part, channel) -> {
            if (part.equals(b)) {
                throw new IOException("device full");
            }
            if (part.equals(c)) {
                return;
            }
            PartSyncer.FDATASYNC.force(part, channel);
        });
        try {
            syncer.submit(0, a, forced);
            syncer.submit(1, b, failed);
            assertEquals(Set.of(1), syncer.awaitAll().keySet());
            assertFalse(forced.isOpen(), "a forced part's channel is closed");
            assertFalse(failed.isOpen(), "so is a part's whose sync failed");
            // One sync thread held up: a part queued behind it is never forced, and closing the syncer closes it.
            FileChannel blocker = FileChannel.open(a, StandardOpenOption.WRITE);
            PartSyncer held = new PartSyncer(1, 4, (part, channel) -> {
                if (part.equals(a)) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            held.submit(0, a, blocker);
            held.submit(2, c, queued);
            held.close();
            assertFalse(queued.isOpen(), "a queued part's channel is closed when the syncer is");
        } finally {
            release.countDown();
            syncer.close();
        }
    }

    @Test
    void aRunFailsTheFileWhosePartCouldNotBeForcedAndWritesTheOthers(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "mrn,notes\n123456,fine\n");
        Files.writeString(in.resolve("b.csv"), "mrn,notes\n234567,fine\n");
        Files.writeString(in.resolve("c.csv"), "mrn,notes\n345678,fine\n");
        Path key = dir.resolve("k.deidkey");
        KeyFileStore.save(key, KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH), PASSPHRASE, List.of());
        Path out = dir.resolve("out");
        // Input files are numbered in walk order (a, b, c): the part of input #2 cannot be forced.
        RunResult result = new RunJob(new RunRequest(List.of(in), out, key, false, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE, null,
                threads -> new PartSyncer(2, 4, (part, channel) -> {
                    if (part.getFileName().toString().equals("1.part")) {
                        throw new IOException("I/O error");
                    }
                    PartSyncer.FDATASYNC.force(part, channel);
                })).run();
        assertEquals(new RunReport.FileCounts(3, 2, 1, 0, 0), result.report().files());
        FileReport b = result.files().get(1);
        assertEquals(FileReport.Status.FAILED, b.status());
        assertEquals("IO-WRITE", b.problems().get(0).code());
        assertTrue(Files.exists(out.resolve("a.csv")));
        assertTrue(Files.exists(out.resolve("c.csv")));
        assertFalse(Files.exists(out.resolve("b.csv")), "a part that was not forced is never renamed into the output");
        assertFalse(Files.exists(out.resolve(RunJob.WORK_DIR)), "no work file is left");
        assertFalse(Files.readString(out.resolve(RunJob.MANIFEST)).contains("b.csv"));
    }
}
