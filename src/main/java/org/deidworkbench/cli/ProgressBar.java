package org.deidworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.deidworkbench.job.RunListener;

/**
 * A one-line progress bar on standard error, drawn only once a run has taken longer than a moment
 * so quick runs stay quiet. Shows phase, files and bytes; never a file name (names may identify).
 */
final class ProgressBar implements RunListener, AutoCloseable {

    private static final long DELAY_MS = 700;
    private static final int WIDTH = 28;

    private final PrintWriter err;
    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();
    private volatile String phase = "";
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile boolean drawn;

    ProgressBar(PrintWriter err) {
        this.err = err;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "deid-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, DELAY_MS, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void phase(String name, int fileCount, long byteCount) {
        phase = name;
        files.set(fileCount);
        bytes.set(byteCount);
        done.set(0);
        bytesDone.set(0);
    }

    @Override
    public void fileDone(long byteCount) {
        done.incrementAndGet();
        bytesDone.addAndGet(byteCount);
    }

    private synchronized void draw() {
        long total = bytes.get();
        double fraction = total > 0 ? (double) bytesDone.get() / total
                : files.get() > 0 ? (double) done.get() / files.get() : 0;
        int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
        double seconds = (System.nanoTime() - start) / 1e9;
        err.printf("\r%-9s [%s%s] %3d%%  %d/%d files  %.1f MB  %.0fs ", phase, "#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(fraction * 100), done.get(), files.get(),
                bytesDone.get() / 1e6, seconds);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        if (drawn) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
