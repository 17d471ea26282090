package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;

/**
 * One field of a previewed record, before and after.
 *
 * @param path stable address of the field within the record, e.g. {@code mrn} (CSV column),
 *     {@code (0008,1140)[1]/(0008,1155)} (DICOM), {@code Patient.name[0].family} (FHIR)
 * @param name readable name, e.g. the column header, a DICOM keyword or a FHIR element name
 * @param original the value as read; {@code null} for a field the de-identification added. Binary
 *     values are summarised (e.g. {@code <binary, 524288 bytes>})
 * @param cleaned the value as it would be written; {@code null} when the field is removed
 * @param change what happened to the field
 * @param ruleId the rule that decided, {@code default} for the profile's default, or a format's own
 *     reason such as {@code annex-e:X}; empty when nothing applied (e.g. a container)
 * @param action the action applied, e.g. {@code pseudonymize}; empty when none
 * @param children nested fields (sequence items, backbone elements); empty for leaves
 */
public record PreviewField(String path, String name, String original, String cleaned, Change change, String ruleId,
        String action, List<PreviewField> children) {

    /** What the de-identification did to a field. */
    public enum Change {
        /** Written exactly as read. */
        UNCHANGED,
        /** Written with another value. */
        CHANGED,
        /** Not written. */
        REMOVED,
        /** Written by the de-identification, not present in the input (e.g. DICOM marking). */
        ADDED
    }

    public PreviewField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(action, "action");
        children = List.copyOf(children);
    }

    /** A leaf field. */
    public static PreviewField leaf(String path, String name, String original, String cleaned, String ruleId,
            String action) {
        Change change;
        if (cleaned == null) {
            change = original == null ? Change.UNCHANGED : Change.REMOVED;
        } else if (original == null) {
            change = Change.ADDED;
        } else {
            change = original.equals(cleaned) ? Change.UNCHANGED : Change.CHANGED;
        }
        return new PreviewField(path, name, original, cleaned, change, ruleId, action, List.of());
    }

    /** This field (if it changed) plus changed fields below it. */
    public long changedFields() {
        long own = change == Change.UNCHANGED ? 0 : 1;
        return own + children.stream().mapToLong(PreviewField::changedFields).sum();
    }

    @Override
    public String toString() {
        return "PreviewField[" + path + ", " + change + ", rule " + ruleId + "]";
    }
}
