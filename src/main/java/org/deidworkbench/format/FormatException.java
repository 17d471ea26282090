package org.deidworkbench.format;

import java.util.Objects;

/**
 * A file cannot be read or written safely. Carries a stable code and the place in the file (line,
 * byte offset, tag path). The message never contains a value from the data.
 */
public class FormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String location;

    /**
     * @param code stable code such as {@code CSV-RAGGED-ROW} or {@code DICOM-LENGTH-OVERFLOW}
     * @param location where, e.g. {@code line 12} or {@code offset 0x000001F4, (0008,1140)[2]/(0008,1150)}
     * @param message what is wrong, free of identifying values
     */
    public FormatException(String code, String location, String message) {
        this(code, location, message, null);
    }

    /** As {@link #FormatException(String, String, String)}, with the underlying cause. */
    public FormatException(String code, String location, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.location = Objects.requireNonNull(location, "location");
    }

    /** Stable code for reports and scripts. */
    public String code() {
        return code;
    }

    /** Where in the file; may be empty when the whole file is concerned. */
    public String location() {
        return location;
    }
}
