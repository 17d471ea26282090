package org.deidworkbench.job;

import java.util.Locale;

/**
 * The phases of a run, in order, as {@link RunListener#phase} names them: progress displays (the
 * CLI's bar, the workbench's status line) can list every phase they must be able to show.
 */
public enum RunPhase {
    /** Pass 0: each format sees all its files at once (CSV: classes, keys, relations between tables). */
    ANALYZE,
    /** Pass 1: identifiers and subjects collected from every file. */
    SCAN,
    /** Pass 2: each file written, cleaned, to the work folder. */
    TRANSFORM,
    /** New pseudonyms, offsets and the run record sealed into the key file. */
    SEAL,
    /** Outputs moved to their de-identified names; manifest and report written. */
    FINISH;

    /** The name passed to {@link RunListener#phase}, e.g. {@code transform}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
