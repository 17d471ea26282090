package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.format.FormatException;

/**
 * A REDCap project's data dictionary (decision 0176): the CSV REDCap writes for "Download the data dictionary", one row
 * per field, with the field's variable name, label, type, validation and the study's own {@code Identifier?} flag. It
 * describes the project's exports and holds no participant's data.
 *
 * <p>What a run takes from it, for the project's exports in the same run (raw, labels and reports alike): the fields the
 * study declared identifiers, and the fields whose validation says what they hold ({@code email}, {@code phone},
 * {@code ssn}, {@code zipcode}, {@code vmrn}). What the dictionary file itself gets: its structural columns (variable
 * names, forms, field types, validations, flags) kept as written, so that it still describes the de-identified export;
 * its texts (labels, choices, notes, annotations) scrubbed as free text.
 */
final class RedcapDictionary {

    private RedcapDictionary() {
    }

    /** The columns REDCap writes in every data dictionary, normalized as column names are compared. */
    private static final String VARIABLE = "variable_/_field_name";
    private static final String FIELD_TYPE = "field_type";
    private static final String FIELD_LABEL = "field_label";
    private static final String IDENTIFIER = "identifier?";
    private static final String VALIDATION = "text_validation_type_or_show_slider_number";

    /**
     * The dictionary's columns that describe the fields' structure, not their wording: kept as written (a class of their
     * own would say nothing more than "kept"; {@link ColumnClass#CATEGORICAL} keeps them).
     */
    private static final Set<String> STRUCTURE = Set.of(VARIABLE, "form_name", FIELD_TYPE, VALIDATION,
            "text_validation_min", "text_validation_max", IDENTIFIER, "required_field?", "custom_alignment",
            "question_number_(surveys_only)", "matrix_group_name", "matrix_ranking?");

    /** Most rows read from one dictionary: REDCap's largest projects have a few thousand fields. */
    private static final int MAX_FIELDS = 100_000;

    /** Whether a CSV header is a REDCap data dictionary's: its first column the variable name, with type and flag. */
    static boolean isDictionary(List<String> header) {
        if (header.isEmpty() || !VARIABLE.equals(normalize(header.get(0)))) {
            return false;
        }
        List<String> names = header.stream().map(RedcapDictionary::normalize).toList();
        return names.contains(FIELD_TYPE) && names.contains(FIELD_LABEL) && names.contains(IDENTIFIER);
    }

    /** Whether a dictionary's column (by its header) describes the fields' structure and is kept as written. */
    static boolean isStructure(String header) {
        return STRUCTURE.contains(normalize(header));
    }

    /**
     * What a run needs of one dictionary: its record id field (the first row: REDCap exports it first), and each field
     * the run must treat as an identifier, by variable name and by label, with the class to give it.
     *
     * @param recordVariable the record id field's variable name, normalized
     * @param recordLabel the record id field's label, normalized
     * @param byVariable declared fields by normalized variable name
     * @param byLabel declared fields by normalized label
     */
    record Fields(String recordVariable, String recordLabel, Map<String, Declared> byVariable,
            Map<String, Declared> byLabel) implements java.io.Serializable {

        /**
         * The class a project's export column must have at least, with its evidence, or null: a raw export names a
         * checkbox's columns {@code race___1}, a labels export {@code Race (choice=White)}.
         */
        Declared declared(String header) {
            String name = normalize(header);
            Declared d = byVariable.get(name);
            int checkbox = header.indexOf("___"); // before normalizing, which makes one "_" of it
            if (d == null && checkbox > 0) {
                d = byVariable.get(normalize(header.substring(0, checkbox)));
            }
            String label = label(header);
            if (d == null) {
                d = byLabel.get(label);
            }
            int choice = label.indexOf(" (choice=");
            if (d == null && choice > 0) {
                d = byLabel.get(label.substring(0, choice));
            }
            return d;
        }

        /** Whether a header's first column is this project's record id field, as a raw or labels export names it. */
        boolean describes(List<String> header) {
            return !header.isEmpty() && (recordVariable.equals(normalize(header.get(0)))
                    || !recordLabel.isEmpty() && recordLabel.equals(label(header.get(0))));
        }
    }

    /** A column's class by the dictionary, and why (no value: a field's name and the dictionary's file name). */
    record Declared(ColumnClass columnClass, String evidence) implements java.io.Serializable {
    }

    /** Reads the fields of the dictionary at {@code path}, a file whose header {@link #isDictionary} accepted. */
    static Fields read(Path path, CsvDialect dialect) throws IOException, FormatException {
        try (CsvRecordReader reader = new CsvRecordReader(path, dialect)) {
            List<String> header = reader.header();
            int variable = column(header, VARIABLE);
            int label = column(header, FIELD_LABEL);
            int flag = column(header, IDENTIFIER);
            int validation = column(header, VALIDATION);
            String recordVariable = "";
            String recordLabel = "";
            String file = path.getFileName().toString();
            Map<String, Declared> byVariable = new HashMap<>();
            Map<String, Declared> byLabel = new HashMap<>();
            String[] row;
            for (int rows = 0; rows < MAX_FIELDS && (row = reader.next()) != null; rows++) {
                String name = normalize(value(row, variable));
                if (name.isEmpty()) {
                    continue;
                }
                String text = label(value(row, label));
                if (recordVariable.isEmpty()) {
                    recordVariable = name;
                    recordLabel = text;
                    continue; // the record id: the export's subject, pseudonymized as such (decision 0106)
                }
                ColumnClass c = byValidation(value(row, validation));
                Declared d = null;
                if (c != null) {
                    d = new Declared(c, "validated as " + value(row, validation).strip().toLowerCase(Locale.ROOT)
                            + " in the REDCap data dictionary " + file);
                } else if (value(row, flag).strip().equalsIgnoreCase("y")) {
                    d = new Declared(ColumnClass.IDENTIFIER, "declared an identifier (Identifier? = y) in the REDCap"
                            + " data dictionary " + file);
                }
                if (d != null) {
                    byVariable.put(name, d);
                    if (!text.isEmpty()) {
                        // a label two fields share is declared when either is: its labels export cannot tell them apart
                        byLabel.putIfAbsent(text, d);
                    }
                }
            }
            return new Fields(recordVariable, recordLabel, Map.copyOf(byVariable), Map.copyOf(byLabel));
        }
    }

    /**
     * The class a field's text validation gives its values: REDCap checks them on entry, so an {@code email} field holds
     * e-mail addresses whatever its name; null for validations that say nothing of a person (numbers, dates: the
     * classifier reads dates from their values).
     */
    static ColumnClass byValidation(String validation) {
        String v = validation.strip().toLowerCase(Locale.ROOT);
        if (v.equals("email")) {
            return ColumnClass.EMAIL;
        }
        if (v.equals("phone") || v.startsWith("phone_")) {
            return ColumnClass.PHONE;
        }
        if (v.equals("ssn")) {
            return ColumnClass.NATIONAL_ID;
        }
        if (v.equals("vmrn") || v.equals("mrn_10d") || v.equals("mrn_generic")) {
            return ColumnClass.IDENTIFIER;
        }
        if (v.equals("zipcode") || v.startsWith("postalcode")) {
            return ColumnClass.ZIP;
        }
        return null;
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (normalize(header.get(i)).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String value(String[] row, int column) {
        return column >= 0 && column < row.length ? row[column] : "";
    }

    private static String normalize(String header) {
        return FieldSelector.ColumnName.normalize(header);
    }

    /** A field label as a labels export's header writes it: without markup, spaces collapsed, in lower case. */
    private static String label(String text) {
        return text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
