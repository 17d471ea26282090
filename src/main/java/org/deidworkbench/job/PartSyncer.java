package org.deidworkbench.job;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Forces finished parts to disk ({@code fdatasync}) on threads of their own, so a run's workers go on
 * to the next file while the disk catches up instead of waiting for each part in turn (decision 0004,
 * addendum on overlapped syncs). The guarantee is unchanged: {@link #awaitAll()} returns only when every
 * submitted part is forced or has failed, and the run renames no part before that.
 *
 * <p>At most {@code maxPending} parts wait or are being forced at once: a worker submitting one more
 * waits, so unforced data cannot pile up as dirty pages (which throttles every writer).
 *
 * <p>Thread-safe. {@link #close()} stops the threads without waiting for queued syncs (a cancelled or
 * failed run deletes its parts anyway).
 */
final class PartSyncer implements AutoCloseable {

    /** Forces one part through its open channel; a seam so tests can make a sync fail. */
    @FunctionalInterface
    interface Forcer {
        void force(Path part, FileChannel channel) throws IOException;
    }

    /** Forces the part's data through the channel it was written with (decision 0076: no second open). */
    static final Forcer FDATASYNC = (part, channel) -> channel.force(false);

    /** Opens {@code file} for writing and forces its data: the sync is of the file, whichever descriptor asks. */
    static void forceFile(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(false);
        }
    }

    private final ExecutorService threads;
    private final Semaphore pending;
    private final int maxPending;
    private final Forcer forcer;
    private final Map<Integer, IOException> failures = new TreeMap<>();

    /**
     * @param threads threads forcing parts (they wait on the disk, not on a processor)
     * @param maxPending parts submitted and not yet forced, at most
     */
    PartSyncer(int threads, int maxPending, Forcer forcer) {
        if (threads < 1 || maxPending < 1) {
            throw new IllegalArgumentException("threads and maxPending must be positive");
        }
        this.threads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "deid-sync");
            t.setDaemon(true);
            return t;
        });
        this.maxPending = maxPending;
        this.pending = new Semaphore(maxPending);
        this.forcer = Objects.requireNonNull(forcer, "forcer");
    }

    /**
     * The syncer of a run with {@code workers} worker threads: eight sync threads per worker, 4–32. On ext4 a
     * part's {@code fdatasync} waits for a journal commit and a cache flush of the disk; syncs in flight
     * together share one, so more threads mean fewer flushes (3,000 CT parts from 2 workers: about 2,600
     * flushes with 4 threads, 1,200–1,500 with 16, decision 0065). The threads wait on the disk, not on a
     * processor.
     */
    static PartSyncer forWorkers(int workers) {
        int threads = Math.max(4, Math.min(32, 8 * workers));
        return new PartSyncer(threads, 4 * threads, FDATASYNC);
    }

    /**
     * Forces {@code part} (input file {@code index}), written through {@code channel}, to disk soon, then closes
     * the channel; waits while too many parts are pending. The syncer owns the channel from this call on and
     * closes it whatever happens, also when this call fails or the syncer is closed first. Handing over the open
     * channel spares each part a second open and close (decision 0076).
     *
     * @throws InterruptedException when interrupted while waiting for room
     */
    void submit(int index, Path part, FileChannel channel) throws InterruptedException {
        try {
            pending.acquire();
        } catch (InterruptedException e) {
            closeQuietly(channel);
            throw e;
        }
        try {
            threads.execute(new Sync(index, part, channel));
        } catch (RuntimeException e) {
            closeQuietly(channel);
            pending.release();
            throw e;
        }
    }

    /** One part to force, then close. */
    private final class Sync implements Runnable {
        private final int index;
        private final Path part;
        private final FileChannel channel;

        Sync(int index, Path part, FileChannel channel) {
            this.index = index;
            this.part = part;
            this.channel = channel;
        }

        @Override
        public void run() {
            IOException failed = null;
            try {
                forcer.force(part, channel);
            } catch (IOException e) {
                failed = e;
            } finally {
                try {
                    channel.close();
                } catch (IOException e) {
                    if (failed == null) {
                        failed = e;
                    }
                }
                if (failed != null) {
                    synchronized (failures) {
                        failures.put(index, failed);
                    }
                }
                pending.release();
            }
        }
    }

    /** Closes a part's channel whose part will not be renamed (not forced, or deleted): a failed close changes nothing. */
    static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the part is not forced and the run does not rename it; a failed close changes nothing
        }
    }

    /**
     * Waits until every submitted part is forced or failed.
     *
     * @return the failed parts by input file index (their data may not be on disk: the run must not
     *     rename them), in index order
     * @throws InterruptedException when interrupted while waiting
     */
    Map<Integer, IOException> awaitAll() throws InterruptedException {
        pending.acquire(maxPending);
        pending.release(maxPending);
        synchronized (failures) {
            return new TreeMap<>(failures);
        }
    }

    @Override
    public void close() {
        // Parts still queued are not forced (the run deletes them), but their channels are closed.
        for (Runnable queued : threads.shutdownNow()) {
            if (queued instanceof Sync sync) {
                closeQuietly(sync.channel);
            }
        }
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
