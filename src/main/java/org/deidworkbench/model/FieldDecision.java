package org.deidworkbench.model;

import java.util.Objects;

/**
 * What a profile does with one field of one file, and why: the answer of {@code deid profile explain
 * FILE} and of the workbench's "why" on a selected field. Made by the same code that runs, so what a
 * steward reads is what happens.
 *
 * @param path the field's address, as in {@link PreviewField#path()}
 * @param name readable name (column header, DICOM keyword, FHIR element)
 * @param ruleId the deciding rule, {@code default} when no rule matched, or a format's own reason
 * @param action the action that applies, e.g. {@code shift-date}
 * @param subject whether this field ties records to their subject (patient)
 * @param reason readable explanation, e.g. {@code rule 'names' (column "first_name" at p.yaml:14)}
 * @param decidedBy {@code rule}, {@code relation}, {@code classifier} or {@code default}
 * @param fieldClass the class the classifier gave the field from its values ({@code ""} when not classified)
 * @param confidence the classifier's confidence, e.g. {@code 97%} ({@code ""} when not classified)
 * @param evidence value statistics and relations behind the class, never a value ({@code ""} when none)
 * @param spec the action with its parameters ({@code null} when the format does not say)
 * @param label the label the field's values get when scrubbed from free text ({@code ""} when none)
 * @param identifier whether the field's values are collected as identifiers of the subject
 */
public record FieldDecision(String path, String name, String ruleId, String action, boolean subject, String reason,
        String decidedBy, String fieldClass, String confidence, String evidence, ActionSpec spec, String label,
        boolean identifier) {

    public FieldDecision {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(fieldClass, "fieldClass");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(label, "label");
    }

    /**
     * The name to show a person: {@link #name}, or for a CSV column whose name its file repeats, or that has none, its
     * {@link #path}, the name with its position ({@code id (column 4)}, decision 0160).
     */
    public String shownName() {
        return name.isEmpty() || path.startsWith(name + " (column ") ? path : name;
    }

    /** A decision by a rule or the default, without classification (formats that do not classify). */
    public FieldDecision(String path, String name, String ruleId, String action, boolean subject, String reason) {
        this(path, name, ruleId, action, subject, reason, ruleId.equals("default") ? "default" : "rule", "", "", "",
                null, "", false);
    }
}
