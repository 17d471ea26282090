package org.deidworkbench.model;

import java.util.Objects;

/**
 * A per-file problem found during a run. Messages name the place (line, offset, tag path) and never
 * contain an original value from the data.
 *
 * @param code stable code, e.g. {@code CSV-RAGGED-ROW}
 * @param file input path relative to the input root
 * @param location where in the file (e.g. {@code line 12}, {@code offset 0x1F4}); may be empty
 * @param message what is wrong and what to do, free of identifying data
 */
public record Problem(String code, String file, String location, String message) implements java.io.Serializable {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location.isEmpty() ? file + ": " + code + ": " + message
                : file + " (" + location + "): " + code + ": " + message;
    }
}
