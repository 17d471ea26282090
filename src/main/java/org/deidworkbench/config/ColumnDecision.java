package org.deidworkbench.config;

import java.util.Objects;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Rule;

/**
 * What a profile does with one CSV column, and why; the answer of {@code deid profile explain} and
 * the engine's per-column plan.
 *
 * @param column the header as it appears in the file
 * @param rule the first rule whose selector matches, or {@code null} when the default applies
 * @param spec the action and parameters that apply
 * @param identifier whether the column's values are identifiers (collected and scrubbed elsewhere)
 * @param subjectColumn whether this column holds the subject id for the file's rows
 * @param reason readable explanation, e.g. {@code rule 'names' (column-pattern /(first|last)_?name/ at profile.yaml:14)}
 */
public record ColumnDecision(String column, Rule rule, ActionSpec spec, boolean identifier, boolean subjectColumn,
        String reason) {

    public ColumnDecision {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(reason, "reason");
    }
}
