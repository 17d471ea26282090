package org.deidworkbench.job;

import java.util.Objects;

/**
 * A run could not start or could not finish as a whole (as opposed to one file failing, which is
 * reported per file and lets the run go on). The message names paths, never data values.
 */
public final class JobException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the run stopped; the CLI maps each to a documented exit code. */
    public enum Reason {
        INPUT_NOT_FOUND, OUTPUT_OVERLAPS_INPUT, OUTPUT_NOT_EMPTY, KEY_FILE_INSIDE_OUTPUT, PROFILE_NOT_APPLICABLE,
        /** The key file given does not exist (and the run may not create it). */
        KEY_FILE_MISSING,
        KEY_FILE, IO_ERROR, CANCELLED,
        /** One file asked for (preview, explain) cannot be read or cleaned; the message says where and why. */
        FILE_FAILED
    }

    private final Reason reason;

    /** @param reason why the run stopped */
    public JobException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why the run stopped. */
    public Reason reason() {
        return reason;
    }
}
