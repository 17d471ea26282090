package org.deidworkbench.job;

import java.io.IOException;

/**
 * A {@link FilePasses} pass could not be done as a whole (e.g. a cluster job failed after its
 * retries). Its message names the pass and the cause's kind, never a value of the data, so the run's
 * error may quote it. The run then fails and leaves nothing.
 */
public final class PassException extends IOException {

    private static final long serialVersionUID = 1L;

    public PassException(String message, Throwable cause) {
        super(message, cause);
    }
}
