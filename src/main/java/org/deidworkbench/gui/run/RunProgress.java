package org.deidworkbench.gui.run;

import java.time.Duration;
import java.util.Optional;

/**
 * Turns a run's phases and per-file callbacks into one fraction and an estimated time left. The
 * phases get fixed shares of the bar (the scan pass, when the profile needs one, reads every file
 * once more, so it takes a large share); within a phase, bytes done count (files when there are no
 * bytes). Thread-safe: the run calls it from its workers, the view reads it.
 */
public final class RunProgress {

    private String phase = "";
    private boolean scanPass;
    private long totalBytes;
    private long doneBytes;
    private int totalFiles;
    private int doneFiles;

    /** A phase begins ({@code scan}, {@code transform}, {@code seal}, {@code finish}). */
    public synchronized void phase(String name, int files, long bytes) {
        if ("scan".equals(name)) {
            scanPass = true;
        }
        phase = name;
        totalFiles = files;
        totalBytes = bytes;
        doneFiles = 0;
        doneBytes = 0;
    }

    /** One more file of the current phase is done. */
    public synchronized void fileDone(long bytes) {
        doneFiles++;
        doneBytes += bytes;
    }

    /** The current phase's name, empty before the first. */
    public synchronized String phase() {
        return phase;
    }

    /** Files done and in all in the current phase. */
    public synchronized int[] files() {
        return new int[] {doneFiles, totalFiles};
    }

    /** The whole run's progress, 0 to 1. */
    public synchronized double fraction() {
        double within = totalBytes > 0 ? (double) doneBytes / totalBytes
                : totalFiles > 0 ? (double) doneFiles / totalFiles : 0;
        within = Math.min(1, within);
        double[] share = switch (phase) {
            case "scan" -> new double[] {0, 0.40};
            case "transform" -> scanPass ? new double[] {0.40, 0.90} : new double[] {0, 0.90};
            case "seal" -> new double[] {0.90, 0.95};
            case "finish" -> new double[] {0.95, 1.0};
            default -> new double[] {0, 0};
        };
        return share[0] + (share[1] - share[0]) * within;
    }

    /** Estimated time left after {@code elapsed}; empty until there is enough to go on (5 %). */
    public Optional<Duration> remaining(Duration elapsed) {
        double f = fraction();
        if (f < 0.05 || f >= 1) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(elapsed.toMillis() * (1 - f) / f)));
    }
}
