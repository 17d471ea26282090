package org.deidworkbench.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What a format does in a run. A run calls {@link #scan} on every file first when the profile
 * scrubs free text (so identifiers found in one file are also removed from every other), then
 * {@link #transform} on each file. Implementations are thread-safe: one instance serves all files
 * of its format in parallel. Neither method modifies its input.
 */
public interface FileProcessor {

    /**
     * Pass 1: reads the file and reports its subjects and identifier values to the engine.
     *
     * @param name the file's name for messages (relative path, already free of identifiers)
     * @param cancelled polled regularly; when true the method throws
     *     {@link java.util.concurrent.CancellationException}
     */
    void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException;

    /** Pass 2: writes the de-identified file to {@code out} (not closed) and returns what was done. */
    FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException;
}
