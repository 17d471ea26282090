package org.deidworkbench.model;

import java.util.Objects;

/**
 * What a run did to one field (column) of one file, for the report: its class, what decided its
 * action, and how many values it changed. Holds no value.
 *
 * @param name the field's name (column header)
 * @param fieldClass the class the classifier gave it ({@code person-name}, {@code code}, ...), {@code ""} when not classified
 * @param decidedBy {@code rule}, {@code relation}, {@code classifier} or {@code default}
 * @param action the action applied, e.g. {@code shift-date}
 * @param rule the deciding rule's id, or the report's counter id ({@code class:code}, {@code relation:patient}, {@code default})
 * @param changed values that came out different from how they went in (a removed column: every non-empty value)
 */
public record FieldSummary(String name, String fieldClass, String decidedBy, String action, String rule, long changed)
        implements java.io.Serializable {

    public FieldSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fieldClass, "fieldClass");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rule, "rule");
    }
}
