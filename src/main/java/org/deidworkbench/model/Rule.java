package org.deidworkbench.model;

import java.util.Objects;

/**
 * One ordered rule of a profile: a selector, an action and its parameters.
 *
 * @param id stable id used in reports and {@code profile explain} (e.g. {@code names} or {@code rule-3})
 * @param selector which fields the rule applies to
 * @param spec the action and its parameters
 * @param identifier whether values of matching fields are identifiers of the subject: they are then
 *     collected and scrubbed from free text and file names elsewhere in the export
 * @param label short category used when such an identifier is scrubbed from text, e.g. {@code NAME}
 * @param location where the rule is written
 */
public record Rule(String id, FieldSelector selector, ActionSpec spec, boolean identifier, String label,
        SourceLocation location) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(location, "location");
    }

    /** The rule's action. */
    public Action action() {
        return spec.action();
    }

    /**
     * Why a field got this rule, for {@code deid profile explain} and previews, e.g.
     * {@code rule 'names' (column-pattern /(first|last)_?name/ at my.yaml:14)}.
     */
    public String reason() {
        String where = location.line() > 0 ? location.file() + ":" + location.line() : location.file();
        return "rule '" + id + "' (" + selector.describe() + " at " + where + ")";
    }
}
