package org.deidworkbench.gui.run;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the run dialog asks: where the cleaned files go, which key file, how many threads.
 *
 * @param output the output folder
 * @param keyFile the study's key file (created on first use after a confirmation)
 * @param threads worker threads; the output does not depend on it
 */
public record RunSettings(Path output, Path keyFile, int threads) {

    public RunSettings {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(keyFile, "keyFile");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }
}
