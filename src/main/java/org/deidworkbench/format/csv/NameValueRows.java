package org.deidworkbench.format.csv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.deid.ColumnPlan;
import org.deidworkbench.deid.ColumnInsight;
import org.deidworkbench.deid.classify.HeaderHints;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FieldSelector;

/**
 * The rows of a name/value table (decision 0161): one column names what the row holds ({@code QNAM}/{@code QLABEL} of
 * an SDTM supplemental qualifier, OMOP's {@code observation_source_value}, a questionnaire's {@code question}, a
 * flowsheet's {@code FLO_MEAS_NAME}), another holds it ({@code QVAL}, {@code value_as_string}, {@code answer},
 * {@code MEAS_VALUE}). A value is decided as a column named by its row's name would be, when a rule of the profile that
 * marks identifiers or generalizes decides that column: "Subject initials" → the names rule, "Mother's maiden name" →
 * maiden-name, "Emergency contact phone" → phone, "Age" → age bands. Other rows' values keep their column's own decision. Known by the header's names
 * only, so the decision is the same in every file of a system and {@code deid profile explain} can say it.
 * Not thread-safe: one per file.
 */
final class NameValueRows {

    /** Headers of a column that names what its row's value is (compared as column names are). */
    private static final Set<String> NAME_HEADERS = Set.of("qnam", "qlabel", "observation_source_value",
            "measurement_source_value", "question", "question_text", "question_label", "item_name", "item_label",
            "item_oid", "field_name", "field_label", "attribute", "attribute_name", "parameter", "parameter_name",
            "flo_meas_name", "disp_name", "display_name", "measure_name", "obs_name", "observation_name", "element_name",
            "data_element", "variable_name", "variable_label", "property_name", "merkmal", "frage",
            // a person's other ids as rows (decision 0210): Cerner's PERSON_ALIAS, Epic Clarity's IDENTITY_ID
            "alias_pool_cd", "person_alias_type_cd", "alias_type", "alias_type_cd", "alias_pool", "id_type",
            "identifier_type", "identity_type", "identity_type_name", "id_type_name",
            // a CGM's export: Dexcom Clarity's rows FirstName, LastName, DateOfBirth (decision 0238)
            "event_type");

    /** Headers of a column that holds the value its row's name names. */
    private static final Set<String> VALUE_HEADERS = Set.of("qval", "value_as_string", "value_source_value", "tval_char",
            "value", "value_text", "text_value", "string_value", "value_string", "answer", "answer_text", "response",
            "response_text", "meas_value", "obs_value", "observation_value", "item_value", "field_value",
            "attribute_value", "parameter_value", "property_value", "wert", "antwort", "alias", "alias_value",
            "identifier_value", "identity_id", "id_value", "patient_info");

    /** Distinct row names remembered per file; a table of more names than this decides them again. */
    private static final int CACHE = 4096;

    private final Deidentifier engine;
    private final int[] names;
    private final boolean[] values;
    private final Map<String, ColumnPlan> decided = new HashMap<>();
    /** The decision remembered for a row name that decides nothing. */
    private static final ColumnPlan NONE = new ColumnPlan("", new ActionSpec.Keep(), "",
            ColumnPlan.DecidedBy.DEFAULT, null, 0, "", "", false, false, "");

    private NameValueRows(Deidentifier engine, int[] names, boolean[] values) {
        this.engine = engine;
        this.names = names;
        this.values = values;
    }

    /** The name/value rows of a file with this header, or null when it has no name column or no value column. */
    static NameValueRows of(Deidentifier engine, List<String> header) {
        List<Integer> names = new ArrayList<>();
        boolean[] values = new boolean[header.size()];
        boolean any = false;
        for (int c = 0; c < header.size(); c++) {
            String h = FieldSelector.ColumnName.normalize(header.get(c));
            if (NAME_HEADERS.contains(h)) {
                names.add(c);
            } else if (VALUE_HEADERS.contains(h)) {
                values[c] = true;
                any = true;
            }
        }
        if (names.isEmpty() || !any) {
            return null;
        }
        return new NameValueRows(engine, names.stream().mapToInt(Integer::intValue).toArray(), values);
    }

    /**
     * The plan of a value column the classifier removed whole (an alias table's {@code ALIAS}: MRNs, FIN numbers and
     * SSNs under one header) made into one that keeps the column (decision 0210): each value a row's name decides is
     * decided so ({@code MRN} → the patient's pseudonym), every other one is written as the column's label
     * ({@code [ID]}), as a value a row's name removes is. A rule that removes the column still removes it whole.
     */
    static ColumnPlan keptByRows(ColumnPlan plan) {
        if (plan.spec().action() != Action.REMOVE || plan.decidedBy() != ColumnPlan.DecidedBy.CLASSIFIER) {
            return plan;
        }
        String label = "[" + (plan.label().isEmpty() ? "REMOVED" : plan.label()) + "]";
        return new ColumnPlan(plan.header(), new ActionSpec.Replace(label), plan.ruleId(), plan.decidedBy(),
                plan.columnClass(), plan.confidence(), plan.evidence(), plan.label(), plan.identifier(),
                plan.slashDayFirst(), plan.reason() + "; in a name/value table kept for the values its rows' names decide,"
                        + " every other value written as " + label + " (decision 0210)", plan.monthLanguage());
    }

    /** Whether column {@code c} holds values named by the row. */
    boolean isValue(int c) {
        return values[c];
    }

    /** The columns that name a row's value, in file order. */
    int[] nameColumns() {
        return names;
    }

    /**
     * The decision of a column named {@code name} when a rule makes it that marks identifiers or generalizes ({@code Age}
     * → age bands, {@code Zip code} → three digits, {@code Year of birth}), else null: a rule that keeps, shifts or
     * scrubs would do no more than the value column's own decision.
     */
    static ColumnPlan identifierRule(Deidentifier engine, String name) {
        ColumnPlan plan = engine.plan(name, ColumnInsight.NONE);
        return plan.decidedBy() == ColumnPlan.DecidedBy.RULE
                && (plan.identifier() || plan.spec().action() == Action.GENERALIZE) ? plan : null;
    }

    /**
     * The English column name whose rule decides a row's name that no rule names, by the words the classifier reads
     * in headers of many languages ({@code Vorname}, {@code Rufname}, {@code Telefon}, {@code Prénom}): a name part as
     * {@code last_name}, a phone as {@code phone} and so on, so the profile's own rules still decide. A name part with a
     * word of anything else ({@code Nom du médicament} is a drug's) gives none.
     */
    static String standIn(String name) {
        HeaderHints hints = HeaderHints.of(name);
        if (hints.has(HeaderHints.Hint.EMAIL)) {
            return "email";
        }
        if (hints.has(HeaderHints.Hint.PHONE)) {
            return "phone";
        }
        if (hints.has(HeaderHints.Hint.NATIONAL_ID)) {
            return "national_id";
        }
        if (hints.has(HeaderHints.Hint.ADDRESS)) {
            return "address";
        }
        if (hints.has(HeaderHints.Hint.NAME_PART) && onlyPersonWords(name)) {
            return "last_name";
        }
        return null;
    }

    /** Words that join a name's other words ({@code Nom de naissance}, {@code Vorname des Patienten}). */
    private static final Set<String> JOINING = Set.of("de", "du", "des", "d", "la", "le", "of", "the", "da", "do", "di",
            "del", "della", "von", "van", "der", "die", "das", "den", "dem");

    /**
     * Whether every word of {@code name} names a person, a part of a name or a birth, or joins them: {@code Nom},
     * {@code Prénom du patient}, {@code Nom de naissance}, but not {@code Nom du médicament} (a drug's name).
     */
    private static boolean onlyPersonWords(String name) {
        for (String w : HeaderHints.words(name)) {
            if (JOINING.contains(w)) {
                continue;
            }
            Set<HeaderHints.Hint> hints = HeaderHints.of(w).hints();
            if (hints.isEmpty() || !PERSON_HINTS.containsAll(hints)) {
                return false;
            }
        }
        return true;
    }

    private static final Set<HeaderHints.Hint> PERSON_HINTS = java.util.EnumSet.of(HeaderHints.Hint.NAME_PART,
            HeaderHints.Hint.PERSON_ROLE, HeaderHints.Hint.BIRTH);

    /** {@link #identifierRule} of {@code name}, else of its {@link #standIn}, else null. */
    static ColumnPlan byName(Deidentifier engine, String name) {
        ColumnPlan plan = identifierRule(engine, name);
        if (plan == null) {
            String standIn = standIn(name);
            plan = standIn == null ? null : identifierRule(engine, standIn);
        }
        return plan;
    }

    /**
     * The decision for the row's values: that of a column named by the first of the row's names that a profile rule
     * marking identifiers or generalizing decides ({@link #identifierRule}), directly or through {@link #standIn}, or
     * null when none does. {@code row} must hold the name columns.
     */
    ColumnPlan decision(String[] row) {
        for (int c : names) {
            String name = row[c];
            if (name == null || name.isBlank()) {
                continue;
            }
            ColumnPlan plan = decided.get(name);
            if (plan == null) {
                plan = byName(engine, name);
                if (plan == null) {
                    plan = NONE;
                }
                if (decided.size() >= CACHE) {
                    decided.clear();
                }
                decided.put(name, plan);
            }
            if (plan != NONE) {
                return plan;
            }
        }
        return null;
    }
}
