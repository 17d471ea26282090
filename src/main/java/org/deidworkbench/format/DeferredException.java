package org.deidworkbench.format;

/**
 * Thrown by {@link FileProcessor#transform} for a file whose output is made from the run's other
 * outputs rather than from its own content, e.g. a DICOMDIR, which indexes the cleaned files. The
 * processor's {@link FileProcessor#finish} step writes it; until then, and for good if that step
 * does not, the file is withheld with this exception's code and reason, never copied. The message
 * never contains a value from the data.
 */
public class DeferredException extends WithheldException {

    private static final long serialVersionUID = 1L;

    /** See {@link FormatException#FormatException(String, String, String)}; the reason applies if it is never made. */
    public DeferredException(String code, String location, String message) {
        super(code, location, message);
    }
}
