package org.deidworkbench.cli;

/** A command failed in a way the user can act on; carries the exit code and the message to show. */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** @param exitCode one of {@link ExitCode} */
    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The exit code for this failure. */
    public int exitCode() {
        return exitCode;
    }
}
