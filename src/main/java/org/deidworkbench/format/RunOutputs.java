package org.deidworkbench.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * What a processor's {@link FileProcessor#finish} step sees of a run, and how it writes the outputs
 * it deferred. Given by the run for one call of {@code finish}; not thread-safe.
 */
public interface RunOutputs {

    /**
     * One of the processor's files in the run.
     *
     * @param output its final output name, relative to the output folder, '/'-separated, free of
     *     identifiers
     * @param format its detected format
     * @param written the de-identified output as written so far (readable until the run ends, not
     *     yet in place, by the pieces that {@link #tasks()} runs: it may not exist where the finish step
     *     runs), or null when none was written
     * @param deferred whether its transform was deferred ({@link DeferredException}), so that only
     *     {@link #write} can make its output
     */
    record Output(String output, FileFormat format, Path written, boolean deferred) {
    }

    /** Writes a file's content to a stream (not closed by the body). */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Where the finish step's per-file pieces run (e.g. reading each written file back): the run's
     * threads, or a cluster's executors (decision 0041), which read {@link Output#written} there. By
     * default here, one after another.
     */
    default FileTasks tasks() {
        return FileTasks.HERE;
    }

    /** The processor's files in the run (written, deferred, withheld and failed), in input order. */
    List<Output> outputs();

    /**
     * Writes the output of a deferred file under its output name: through the run's work folder,
     * forced to disk, moved into place, listed in the manifest and reported as written with
     * {@code stats}, like every transformed file. A content that throws leaves the file failed.
     *
     * @throws IllegalArgumentException when {@code file} was not deferred or was written already
     */
    void write(Output file, Content content, FileStats stats) throws IOException;

    /**
     * Leaves a deferred file withheld with this code and reason (free of identifying values) instead
     * of the deferral's, e.g. to say why it could not be made.
     *
     * @throws IllegalArgumentException when {@code file} was not deferred or was written already
     */
    void withhold(Output file, String code, String reason);
}
