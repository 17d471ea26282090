package org.deidworkbench.config;

import java.util.Objects;
import org.deidworkbench.model.SourceLocation;

/**
 * One thing wrong with a rule profile, at a place a steward can open in an editor.
 *
 * @param location file, line and column of the offending key or value
 * @param ruleId id of the rule concerned, or {@code null} for problems outside rules
 * @param message what is wrong and how to fix it; names keys and rule ids, never data values
 */
public record ProfileProblem(SourceLocation location, String ruleId, String message) {

    public ProfileProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** E.g. {@code profile.yaml:12:13: rule 'names': unknown action 'pseudonymise' (did you mean 'pseudonymize'?)}. */
    @Override
    public String toString() {
        return location + ": " + (ruleId == null ? "" : "rule '" + ruleId + "': ") + message;
    }
}
