package org.deidworkbench.gui.common;

import java.io.IOException;
import java.util.Locale;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.job.JobException;
import org.deidworkbench.keyfile.KeyFileException;

/**
 * Turns a failure into what a steward reads: a message by its cause (wrong passphrase, tampered key
 * file, output folder not empty, ...) and the technical details behind a "Details" button. The
 * details are the messages of {@code job}, {@code config} and {@code keyfile}, which by contract
 * name paths, codes and rule ids, never values; of any other exception only the class is shown,
 * since a library message may quote the data it choked on.
 */
public final class UserErrors {

    private UserErrors() {
    }

    /** The steward-facing error for {@code e}. */
    public static UserError describe(Exception e) {
        if (e instanceof JobException je) {
            if (je.getCause() instanceof KeyFileException ke) {
                return keyFile(ke);
            }
            return UserError.of(je.getMessage(), "error.job." + key(je.reason().name()));
        }
        if (e instanceof KeyFileException ke) {
            return keyFile(ke);
        }
        if (e instanceof ProfileException pe) {
            return UserError.of(pe.getMessage(), "error.profile", pe.problems().size());
        }
        if (e instanceof IOException io) {
            return UserError.of(io.getClass().getName() + (io.getMessage() == null ? "" : ": " + io.getMessage()),
                    "error.io");
        }
        return UserError.of(e.getClass().getName(), "error.internal");
    }

    private static UserError keyFile(KeyFileException e) {
        return UserError.of(e.code() + ": " + e.getMessage(), "error.keyfile." + key(e.reason().name()));
    }

    /** {@code WRONG_PASSPHRASE} → {@code wrongPassphrase}: the message key of an error reason. */
    static String key(String reason) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char c : reason.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
