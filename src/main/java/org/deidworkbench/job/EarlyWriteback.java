package org.deidworkbench.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The stream a part's bytes go to on their way to its channel: every {@link #STEP} bytes it asks the
 * disk, on a thread of its own, to write back what the part holds so far ({@code fdatasync}), while the
 * worker goes on cleaning. Without it a multi-gigabyte part (a long multi-frame series) sits in the page
 * cache as dirty pages until the run forces it, and the run then waits for the whole file at once; with it
 * the disk writes while the processor works, and the final force (which the guarantee rests on, decision
 * 0004) finds little left. An early write-back that fails changes nothing: its error is dropped here and
 * the final force reports the disk's state. Parts smaller than {@link #STEP} never start one.
 *
 * <p>One producer, like any stream; {@link #close()} waits for a write-back in flight, then closes the
 * stream under it.
 */
final class EarlyWriteback extends OutputStream implements WritableByteChannel {

    /** Bytes between write-backs. */
    static final long STEP = 64L << 20;

    /** One thread for every part of the process: write-backs wait on the disk, not on a processor. */
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "deid-writeback");
        t.setDaemon(true);
        return t;
    });

    /** Write-backs started by every part (tests). */
    static final AtomicLong STARTED = new AtomicLong();

    private final OutputStream out;
    private final FileChannel channel;
    private final long step;
    private long written;
    private long nextAt;
    private Future<?> inFlight;

    /**
     * @param out the stream writing to {@code channel}
     * @param channel the part's channel, forced early on the write-back thread
     */
    EarlyWriteback(OutputStream out, FileChannel channel) {
        this(out, channel, STEP);
    }

    EarlyWriteback(OutputStream out, FileChannel channel, long step) {
        this.out = Objects.requireNonNull(out, "out");
        this.channel = Objects.requireNonNull(channel, "channel");
        if (step <= 0) {
            throw new IllegalArgumentException("step must be positive");
        }
        this.step = step;
        this.nextAt = step;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        advance(1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        advance(len);
    }

    /**
     * The buffer's bytes to the part's channel itself (decision 0088): the stream under this one writes to the
     * same channel (flushed first, should it hold any), so the order of the bytes is kept.
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        int len = src.remaining();
        out.flush();
        while (src.hasRemaining()) {
            channel.write(src);
        }
        advance(len);
        return len;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    private void advance(int n) {
        written += n;
        if (written < nextAt) {
            return;
        }
        nextAt = written + step;
        if (inFlight != null && !inFlight.isDone()) {
            return; // the disk is still at the previous one: the next step asks again
        }
        STARTED.incrementAndGet();
        inFlight = THREAD.submit(() -> {
            try {
                channel.force(false);
            } catch (IOException | RuntimeException e) {
                // dropped: the final force of the part reports what the disk says
            }
        });
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            awaitInFlight();
        } finally {
            out.close();
        }
    }

    private void awaitInFlight() {
        Future<?> f = inFlight;
        if (f == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                f.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the channel must not close under a force: wait, then pass the interrupt on
            } catch (java.util.concurrent.ExecutionException e) {
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
