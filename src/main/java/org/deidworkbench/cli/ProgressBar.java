package org.deidworkbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.deidworkbench.job.RunListener;

/**
 * A one-line progress bar on standard error, drawn only once a run has taken longer than a moment
 * so quick runs stay quiet. Shows phase, files and bytes; never a file name (names may identify).
 * Thread-safe: workers report progress while a timer thread redraws.
 */
final class ProgressBar implements RunListener, AutoCloseable {

    /** How long a run must take before the bar appears. */
    static final long DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(700);
    private static final long REDRAW_MS = 200;
    private static final int WIDTH = 28;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final long start;
    private final ScheduledExecutorService timer;
    private volatile String phase = "";
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile boolean drawn;

    /** A bar redrawn by its own timer thread, five times a second. */
    ProgressBar(PrintWriter err) {
        this(err, System::nanoTime, true);
    }

    /**
     * A bar on {@code nanoClock}; without {@code timer} nothing redraws it but {@link #tick()} (tests
     * drive it that way, with a clock they advance, instead of sleeping).
     */
    ProgressBar(PrintWriter err, LongSupplier nanoClock, boolean timer) {
        this.err = err;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
        if (timer) {
            this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deid-progress");
                t.setDaemon(true);
                return t;
            });
            this.timer.scheduleAtFixedRate(this::tick, TimeUnit.NANOSECONDS.toMillis(DELAY_NANOS), REDRAW_MS,
                    TimeUnit.MILLISECONDS);
        } else {
            this.timer = null;
        }
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

    /** Redraws the line, once the run has lasted {@link #DELAY_NANOS}. */
    synchronized void tick() {
        long elapsed = nanoClock.getAsLong() - start;
        if (elapsed < DELAY_NANOS) {
            return;
        }
        long total = bytes.get();
        double fraction = total > 0 ? (double) bytesDone.get() / total
                : files.get() > 0 ? (double) done.get() / files.get() : 0;
        int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
        err.printf("\r%-9s [%s%s] %3d%%  %d/%d files  %.1f MB  %.0fs ", phase, "#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(fraction * 100), done.get(), files.get(),
                bytesDone.get() / 1e6, elapsed / 1e9);
        err.flush();
        drawn = true;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (drawn) {
            err.print("\r" + " ".repeat(78) + "\r");
            err.flush();
        }
    }
}
