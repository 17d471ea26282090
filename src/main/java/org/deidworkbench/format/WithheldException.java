package org.deidworkbench.format;

/**
 * A file that was read correctly but cannot be released safely, e.g. an image with burned-in
 * annotation that no redaction rule covers: the run withholds it (reported as quarantined, with the
 * code and reason), never copies it, and goes on. The message never contains a value from the data.
 */
public class WithheldException extends FormatException {

    private static final long serialVersionUID = 1L;

    /** See {@link FormatException#FormatException(String, String, String)}. */
    public WithheldException(String code, String location, String message) {
        super(code, location, message);
    }
}
