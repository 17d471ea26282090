package org.deidworkbench.model;

import java.util.Objects;

/**
 * One ordered rule of a profile's {@code fhir:} section; for each primitive value, the first rule
 * that matches the value or one of the elements it sits in decides.
 *
 * @param id stable id used in reports and {@code profile explain}
 * @param selector which elements the rule applies to
 * @param spec the action and its parameters
 * @param identifier whether the string values it matches are identifiers of the subject, collected
 *     and scrubbed from free text and file names elsewhere in the export
 * @param label short category used when such an identifier is scrubbed from text, e.g. {@code NAME}
 * @param location where the rule is written
 */
public record FhirRule(String id, FhirSelector selector, ActionSpec spec, boolean identifier, String label,
        SourceLocation location) {

    public FhirRule {
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
}
