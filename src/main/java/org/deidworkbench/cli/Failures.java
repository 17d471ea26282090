package org.deidworkbench.cli;

import org.deidworkbench.config.ProfileException;
import org.deidworkbench.job.JobException;
import org.deidworkbench.keyfile.KeyFileException;

/** Turns the typed errors of the lower layers into a {@link CliException} with its exit code. */
final class Failures {

    private Failures() {
    }

    static CliException of(KeyFileException e) {
        int code = switch (e.reason()) {
            case WRONG_PASSPHRASE -> ExitCode.WRONG_PASSPHRASE;
            case TAMPERED, CORRUPT_PAYLOAD -> ExitCode.KEY_FILE_TAMPERED;
            case TRUNCATED -> ExitCode.KEY_FILE_TRUNCATED;
            case NOT_FOUND, NOT_A_KEY_FILE, NO_MATCHING_RECIPIENT, UNSUPPORTED_VERSION, PSEUDONYM_COLLISION,
                    ALREADY_EXISTS, IO_ERROR, CREDENTIAL_INVALID, RECIPIENT_CONFLICT -> ExitCode.KEY_FILE;
        };
        return new CliException(code, e.getMessage(), e);
    }

    static CliException of(JobException e) {
        if (e.getCause() instanceof KeyFileException k) {
            return of(k);
        }
        int code = switch (e.reason()) {
            case INPUT_NOT_FOUND, OUTPUT_OVERLAPS_INPUT, OUTPUT_NOT_EMPTY, KEY_FILE_INSIDE_OUTPUT, IO_ERROR -> ExitCode.IO;
            case PROFILE_NOT_APPLICABLE -> ExitCode.PROFILE;
            case KEY_FILE, KEY_FILE_MISSING -> ExitCode.KEY_FILE;
            case CANCELLED -> ExitCode.CANCELLED;
            case FILE_FAILED -> ExitCode.PARTIAL;
        };
        return new CliException(code, e.getMessage(), e);
    }

    static CliException of(ProfileException e) {
        return new CliException(ExitCode.PROFILE, e.getMessage(), e);
    }
}
