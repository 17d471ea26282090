package org.deidworkbench.deid;

import java.util.Objects;
import org.deidworkbench.deid.classify.ColumnClassifier.Classification;

/**
 * What the analysis of a run found out about one column before its rows are cleaned: its class
 * (from header and sampled values) and its place in the relations between the run's tables.
 *
 * @param classification the classifier's decision, or {@code null} when the values were not sampled
 * @param relation the column's relation, {@link Relation#NONE} when it has none
 */
public record ColumnInsight(Classification classification, Relation relation) implements java.io.Serializable {

    /** Nothing known (a file whose values were not analysed). */
    public static final ColumnInsight NONE = new ColumnInsight(null, Relation.NONE);

    public ColumnInsight {
        Objects.requireNonNull(relation, "relation");
    }

    /** A column's role in the relations between tables. */
    public enum Role {
        /** Takes part in no relation. */
        NONE,
        /** The patient table's key: its values are the subjects. */
        PATIENT_KEY,
        /** Values of the patient table's key (or of subjects known from the key file): ties rows to patients. */
        PATIENT_REFERENCE,
        /** Another table's key (encounters, claims, orders, ...). */
        KEY,
        /** Values of another table's key. */
        REFERENCE
    }

    /**
     * A column's relation.
     *
     * @param role its role
     * @param domain the pseudonym domain shared by a key and every reference to it ({@code ""} for none)
     * @param description readable, e.g. {@code references encounters.csv:Id}; names files and columns, never values
     * @param keyRemoved for a {@link Role#REFERENCE}: the key it references is removed by a profile rule (a
     *     direct identifier that must go), so the reference goes too rather than keeping a pseudonym nothing joins
     */
    public record Relation(Role role, String domain, String description, boolean keyRemoved)
            implements java.io.Serializable {

        /** No relation. */
        public static final Relation NONE = new Relation(Role.NONE, "", "");

        public Relation {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(description, "description");
            if (keyRemoved && role != Role.REFERENCE) {
                throw new IllegalArgumentException("only a reference to another table's key can have its key removed");
            }
        }

        /** A relation whose key is kept (pseudonymized). */
        public Relation(Role role, String domain, String description) {
            this(role, domain, description, false);
        }

        /** Whether the column holds values of another table's key (a patient's or another). */
        public boolean reference() {
            return role == Role.PATIENT_REFERENCE || role == Role.REFERENCE;
        }

        /** Whether the column ties rows to a patient (the patient key or a reference to it). */
        public boolean patient() {
            return role == Role.PATIENT_KEY || role == Role.PATIENT_REFERENCE;
        }
    }
}
