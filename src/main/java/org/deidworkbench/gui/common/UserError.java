package org.deidworkbench.gui.common;

import java.util.Objects;

/**
 * A failure as a steward sees it: what happened and what to do, in their language, with the
 * technical details (error codes, paths, exception classes) one click away — never a stack trace in
 * the face and never a data value.
 *
 * @param message the steward-facing message
 * @param details technical details for the expandable part; may be empty
 */
public record UserError(LocalizedText message, String details) {

    public UserError {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(details, "details");
    }

    /** An error by message key, with details. */
    public static UserError of(String details, String key, Object... args) {
        return new UserError(LocalizedText.of(key, args), details);
    }
}
