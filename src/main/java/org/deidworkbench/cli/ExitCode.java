package org.deidworkbench.cli;

/** The documented exit codes of {@code deid}; scripts rely on them, so they never change meaning. */
public final class ExitCode {

    /** Everything asked for was done. */
    public static final int OK = 0;
    /** A defect in deid itself. */
    public static final int SOFTWARE = 1;
    /** The command line is wrong. */
    public static final int USAGE = 2;
    /** The run finished, but some files failed or were quarantined (see the report). */
    public static final int PARTIAL = 3;
    /** The profile is invalid or cannot be applied. */
    public static final int PROFILE = 4;
    /** The key file is missing, not a key file, of an unsupported version, or cannot be written. */
    public static final int KEY_FILE = 5;
    /** The passphrase does not open the key file. */
    public static final int WRONG_PASSPHRASE = 6;
    /** The key file was modified after it was sealed. */
    public static final int KEY_FILE_TAMPERED = 7;
    /** The key file is cut short. */
    public static final int KEY_FILE_TRUNCATED = 8;
    /** An input is missing, or the output folder cannot be used. */
    public static final int IO = 9;
    /** {@code deid verify} (or {@code run --verify}) found an original value or a PHI pattern in the output. */
    public static final int LEAKS_FOUND = 10;
    /** {@code deid verify} found nothing, but some files could only be scanned as raw text. */
    public static final int VERIFY_INCOMPLETE = 11;
    /** The run was cancelled (Ctrl-C); nothing was finalized. */
    public static final int CANCELLED = 130;

    private ExitCode() {
    }
}
