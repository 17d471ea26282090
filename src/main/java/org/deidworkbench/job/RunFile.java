package org.deidworkbench.job;

import java.nio.file.Path;
import org.deidworkbench.format.FileFormat;

/**
 * One file of a run as its per-file passes see it ({@link FilePasses}): no name under its input
 * (which may hold identifiers), only what reading, cleaning and reporting it needs.
 *
 * @param index position in the run (0-based, in name order); names the work file
 * @param input which of the run's inputs it belongs to (1-based)
 * @param path absolute path
 * @param size bytes
 * @param format detected format
 */
public record RunFile(int index, int input, Path path, long size, FileFormat format) {

    @Override
    public String toString() {
        return "RunFile[#" + (index + 1) + ", input " + input + ", " + format + "]";
    }
}
