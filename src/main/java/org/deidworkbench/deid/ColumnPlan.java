package org.deidworkbench.deid;

import java.util.Locale;
import java.util.Objects;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.model.ActionSpec;

/**
 * The decision for one column, made by {@link Deidentifier#plan} — the one place where "a rule,
 * else the relations and the classifier, else the default" is decided, for runs, previews, explain
 * and suggested profiles alike.
 *
 * @param header the column's header
 * @param spec the action that applies
 * @param ruleId the deciding rule's id; {@code null} when no rule named the column
 * @param decidedBy which decided
 * @param columnClass the classifier's class ({@code null} when the values were not analysed)
 * @param confidence the classifier's confidence, 0..1 (0 without a class)
 * @param evidence the classifier's evidence and the relation, never a value ({@code ""} without)
 * @param label the label its values get when scrubbed from free text, upper case
 * @param identifier whether its values identify a person (collected and scrubbed elsewhere too)
 * @param slashDayFirst whether slash dates in it are day first
 * @param reason readable explanation of the decision
 * @param monthLanguage the language its dates' month names are written in, where the classifier found one other than
 *     English ({@code 03-ENE-2023}: Spanish), else null (decision 0119)
 */
public record ColumnPlan(String header, ActionSpec spec, String ruleId, DecidedBy decidedBy, ColumnClass columnClass,
        double confidence, String evidence, String label, boolean identifier, boolean slashDayFirst, String reason,
        org.deidworkbench.deid.classify.MonthNames.Language monthLanguage) {

    /** A plan whose month names, if any, are read in the first language that has them. */
    public ColumnPlan(String header, ActionSpec spec, String ruleId, DecidedBy decidedBy, ColumnClass columnClass,
            double confidence, String evidence, String label, boolean identifier, boolean slashDayFirst, String reason) {
        this(header, spec, ruleId, decidedBy, columnClass, confidence, evidence, label, identifier, slashDayFirst, reason,
                null);
    }

    /** What decided a column. */
    public enum DecidedBy {
        /** A profile rule named the column. */
        RULE,
        /** The column is a table's key or refers to one (pseudonymized in the key's domain). */
        RELATION,
        /** The classifier's class decided, from header and values. */
        CLASSIFIER,
        /** Nothing else applied: the profile's default. */
        DEFAULT;

        /** Lower case, as in reports. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ColumnPlan {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * The id reports count this column's values under: the rule id, {@code class:…}, {@code relation:…} (the
     * domain; for a reference removed with its key, the key's domain) or {@code default}.
     */
    public String counterId() {
        return switch (decidedBy) {
            case RULE -> ruleId;
            case RELATION -> "relation:" + (spec instanceof ActionSpec.Pseudonymize p ? p.domain() : label.toLowerCase(Locale.ROOT));
            case CLASSIFIER -> "class:" + columnClass.yamlName();
            case DEFAULT -> "default";
        };
    }

    /** The class as reports spell it, {@code ""} when none. */
    public String classYamlName() {
        return columnClass == null ? "" : columnClass.yamlName();
    }
}
