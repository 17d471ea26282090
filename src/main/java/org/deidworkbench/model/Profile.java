package org.deidworkbench.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A complete, validated rule profile: ordered rules (first match wins) and an explicit default.
 *
 * @param name profile name shown in reports
 * @param description one paragraph for humans
 * @param rules ordered rules; the first whose selector matches a field decides its action
 * @param defaultSpec action for fields no rule matches
 * @param defaultIdentifier whether unmatched fields count as identifiers (see {@link Rule#identifier()})
 * @param subject how records are tied to a subject
 * @param dateShift range of per-subject date offsets
 * @param source where the profile was read from (a path or {@code built-in:NAME})
 * @param sections the format sections ({@code dicom}, {@code fhir}) by key; a format whose section
 *     the profile file lacks gets the section of that format's built-in profile (see
 *     {@code config.ProfileLoader}), so every format a run meets has rules
 * @param classification whether CSV columns no rule names are classified from header and values
 *     (and related across the run's tables) before the default applies
 */
public record Profile(String name, String description, List<Rule> rules, ActionSpec defaultSpec,
        boolean defaultIdentifier, SubjectSettings subject, DateShiftSettings dateShift, String source,
        Map<String, FormatSection> sections, ClassificationSettings classification) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultSpec, "defaultSpec");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dateShift, "dateShift");
        Objects.requireNonNull(source, "source");
        sections = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(sections));
        Objects.requireNonNull(classification, "classification");
    }

    /** A profile without column classification (as before issue #7). */
    public Profile(String name, String description, List<Rule> rules, ActionSpec defaultSpec,
            boolean defaultIdentifier, SubjectSettings subject, DateShiftSettings dateShift, String source,
            Map<String, FormatSection> sections) {
        this(name, description, rules, defaultSpec, defaultIdentifier, subject, dateShift, source, sections,
                ClassificationSettings.OFF);
    }

    /** A profile with CSV rules only. */
    public Profile(String name, String description, List<Rule> rules, ActionSpec defaultSpec,
            boolean defaultIdentifier, SubjectSettings subject, DateShiftSettings dateShift, String source) {
        this(name, description, rules, defaultSpec, defaultIdentifier, subject, dateShift, source, Map.of());
    }

    /** The section of one format, if the profile has it. */
    public <T extends FormatSection> Optional<T> section(String key, Class<T> type) {
        FormatSection s = sections.get(key);
        return type.isInstance(s) ? Optional.of(type.cast(s)) : Optional.empty();
    }

    /** This profile with {@code section} added or replaced. */
    public Profile withSection(FormatSection section) {
        Map<String, FormatSection> copy = new TreeMap<>(sections);
        copy.put(section.key(), section);
        return new Profile(name, description, rules, defaultSpec, defaultIdentifier, subject, dateShift, source, copy,
                classification);
    }

    /**
     * The rule that decides a CSV column: the first rule whose selector matches the header, or
     * empty when the {@link #defaultSpec() default} applies. This is the one implementation of
     * "first match wins" for columns; engine, CLI explain and GUI all use it.
     */
    public Optional<Rule> ruleForColumn(String header) {
        return firstMatching(rules, header);
    }

    /** The first of {@code rules} whose selector matches a CSV column header (see {@link #ruleForColumn}). */
    public static Optional<Rule> firstMatching(List<Rule> rules, String header) {
        for (Rule rule : rules) {
            FieldSelector selector = rule.selector();
            boolean matches;
            if (selector instanceof FieldSelector.ColumnName name) {
                matches = name.matches(header);
            } else if (selector instanceof FieldSelector.ColumnPattern pattern) {
                matches = pattern.matches(header);
            } else {
                throw new IllegalStateException("unhandled selector " + selector.getClass().getSimpleName());
            }
            if (matches) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /**
     * REDCap's own columns: a CSV file with one of them is a REDCap export, whose first column is the record id
     * (decision 0106).
     */
    private static final java.util.Set<String> REDCAP_COLUMNS = java.util.Set.of("redcap_event_name",
            "redcap_repeat_instrument", "redcap_repeat_instance", "redcap_data_access_group", "redcap_survey_identifier");

    /**
     * The record id column of a REDCap export (decision 0106): its first column, when another of its columns is one of
     * REDCap's own ({@code redcap_event_name}, {@code redcap_repeat_instrument}, ...); else -1. Every row of a
     * REDCap export carries the record id, while a study's identifiers (an MRN) are filled in on one event only.
     */
    public static int redcapRecordColumn(List<String> header) {
        int participants = participantListRecord(header);
        if (participants >= 0) {
            return participants;
        }
        if (header.size() < 2 || REDCAP_COLUMNS.contains(FieldSelector.ColumnName.normalize(header.get(0)))
                || REDCAP_LABELS.contains(FieldSelector.ColumnName.normalize(header.get(0)))) {
            return -1;
        }
        if (FieldSelector.ColumnName.normalize(header.get(1)).equals("event_name")) {
            return 0; // a labels export of a longitudinal project: "Record ID,Event Name,..."
        }
        for (int i = 1; i < header.size(); i++) {
            String name = FieldSelector.ColumnName.normalize(header.get(i));
            if (REDCAP_COLUMNS.contains(name) || REDCAP_LABELS.contains(name)) {
                return 0;
            }
        }
        return -1;
    }

    /**
     * The {@code Record} column of a REDCap survey's participant list (decision 0178: {@code Email, Phone, Participant
     * Identifier (optional), Record, Survey Access Code, Survey Link, …}), which is the record each invitation went to,
     * else -1. Kept as a number, it gave the original record id beside each invitation's times.
     */
    private static int participantListRecord(List<String> header) {
        int record = -1;
        boolean survey = false;
        for (int i = 0; i < header.size(); i++) {
            String name = FieldSelector.ColumnName.normalize(header.get(i));
            if (name.equals("record")) {
                record = i;
            }
            survey |= name.equals("survey_access_code") || name.equals("survey_link");
        }
        return survey ? record : -1;
    }

    /**
     * REDCap's own columns as its "CSV (labels)" export names them ("Repeat Instrument", "Data Access Group"); its
     * "Event Name" counts only right after the first column, where REDCap writes it: an events table of another system
     * may well have one (decision 0159).
     */
    private static final java.util.Set<String> REDCAP_LABELS = java.util.Set.of("repeat_instrument", "repeat_instance",
            "data_access_group", "survey_identifier");

    /**
     * The subject column of a CSV file with this header: a REDCap export's record id ({@link #redcapRecordColumn}),
     * else the index of the first of {@link SubjectSettings#csvColumns()} present in it, else the first column whose
     * rule pseudonymizes it in the subject's domain ({@link #subjectRuleColumn}), or -1 when the file has none.
     */
    public int subjectColumn(List<String> header) {
        int redcap = redcapRecordColumn(header);
        if (redcap >= 0) {
            return redcap;
        }
        int listed = listedSubjectColumn(header);
        return listed >= 0 ? listed : subjectRuleColumn(header);
    }

    /** The index of the first of {@link SubjectSettings#csvColumns()} present in {@code header}, else -1. */
    private int listedSubjectColumn(List<String> header) {
        for (String candidate : subject.csvColumns()) {
            FieldSelector.ColumnName name = new FieldSelector.ColumnName(candidate);
            for (int i = 0; i < header.size(); i++) {
                if (name.matches(header.get(i))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The first column of {@code header} (in the file's order) whose rule pseudonymizes it in the subject's domain, else
     * -1 (decision 0237). A rule that gives a column the patients' pseudonyms says the column holds patients' ids: a
     * table keyed only by one the subject list does not name ({@code PatNum}, {@code CHART_NO}) belongs to its patients
     * (their date offsets, their known identifiers), not to the run. Tried after every listed column, so a file with a
     * listed one keeps it.
     */
    public int subjectRuleColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            Optional<Rule> rule = ruleForColumn(header.get(i));
            if (rule.isPresent() && rule.get().spec() instanceof ActionSpec.Pseudonymize p
                    && p.domain().equals(subject.domain())) {
                return i;
            }
        }
        return -1;
    }


    /**
     * For each column of {@code header}, its place in the subject's candidate columns (the first candidate
     * that names it), or -1: a row with values in two of them gives two ids of one subject (decision 0078). A REDCap
     * export's record id comes after every candidate ({@code csvColumns().size()}): an MRN beside it gives the offset. A
     * file with neither ranks the subject column its rule found {@link #RANK_SUBJECT_RULE}.
     */
    public int[] subjectColumnRanks(List<String> header) {
        int[] ranks = new int[header.size()];
        java.util.Arrays.fill(ranks, -1);
        List<String> candidates = subject.csvColumns();
        int redcap = redcapRecordColumn(header);
        if (redcap >= 0) {
            ranks[redcap] = candidates.size();
        }
        boolean listed = false;
        for (int r = 0; r < candidates.size(); r++) {
            FieldSelector.ColumnName name = new FieldSelector.ColumnName(candidates.get(r));
            for (int i = 0; i < header.size(); i++) {
                if (ranks[i] < 0 && name.matches(header.get(i))) {
                    ranks[i] = r;
                    listed = true;
                }
            }
        }
        if (!listed && redcap < 0) {
            int ruled = subjectRuleColumn(header);
            if (ruled >= 0) {
                ranks[ruled] = RANK_SUBJECT_RULE;
            }
        }
        return ranks;
    }

    /**
     * The rank {@link #subjectColumnRanks} gives a subject column found by its rule ({@link #subjectRuleColumn}): after
     * every listed candidate and a REDCap record id, before a table's own key.
     */
    public static final int RANK_SUBJECT_RULE = 8_000;

    /** Whether any rule (or the default) scrubs free text, which needs all known identifiers first. */
    public boolean scrubsText() {
        return defaultSpec.action() == Action.SCRUB_TEXT
                || rules.stream().anyMatch(r -> r.action() == Action.SCRUB_TEXT);
    }
}
