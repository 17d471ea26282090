package org.deidworkbench.job;

/**
 * Progress of a run, for a progress bar. Called from worker threads; implementations must be
 * thread-safe and quick. Every method has an empty default.
 */
public interface RunListener {

    /** A phase begins: the {@link RunPhase#id()} of {@code analyze}, {@code scan}, {@code transform}, {@code seal} or {@code finish}. */
    default void phase(String name, int files, long bytes) {
    }

    /** One more file of the current phase is done. */
    default void fileDone(long bytes) {
    }

    /** Listener that ignores everything. */
    RunListener NONE = new RunListener() {
    };
}
