package org.deidworkbench.model;

import java.util.Objects;

/**
 * One ordered rule of a profile's {@code dicom:} section: the first rule whose selector matches a
 * data element decides its action, before PS3.15 Table E.1-1 and the options are consulted.
 *
 * @param id stable id used in reports and {@code profile explain}
 * @param selector which elements the rule applies to
 * @param spec the action and its parameters
 * @param identifier whether values of matching text elements are identifiers of the patient, to be
 *     scrubbed from every kept text of the export
 * @param label category used when such an identifier is scrubbed from text, e.g. {@code NAME}
 * @param allowNonConformant the profile accepts that this rule may remove or empty an attribute an
 *     IOD requires (Type 1 or 2), making the instance invalid; refused otherwise
 * @param location where the rule is written
 */
public record DicomRule(String id, DicomSelector selector, ActionSpec spec, boolean identifier, String label,
        boolean allowNonConformant, SourceLocation location) {

    public DicomRule {
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
