package org.deidworkbench.model;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What happened to one input file in a run. It is named by its de-identified output path and the
 * number of the input it came from, never by its input path: the report ships with the data and
 * must not map anything back to an original name (the key file keeps that mapping, sealed).
 *
 * @param output path of the output, relative to the output folder, '/'-separated
 * @param input which of the run's inputs (1-based, in the order given) the file came from
 * @param format detected format, e.g. {@code CSV}
 * @param rules which rules decided the file: {@code profile:NAME} for the profile's own rules,
 *     {@code built-in:NAME} for a format section lent by a built-in profile (decision 0006); empty
 *     when not known (the file was not read)
 * @param status written, failed or quarantined
 * @param records records written
 * @param sha256 of the output file; empty when none was written
 * @param actions values handled per rule, keyed {@code ruleId (action)}
 * @param defaultAppliedTo fields no rule matched, so the profile's default applied to them
 * @param problems why it failed or was withheld, and values that were emptied (the first ones)
 * @param moreProblems emptied values beyond those listed in {@code problems}
 * @param fields per field (CSV column): its class, what decided its action (rule, relation,
 *     classifier, default) and how many values changed; empty for files that were not written
 */
public record FileReport(String output, int input, String format, String rules, Status status, long records,
        String sha256, SortedMap<String, Long> actions, List<String> defaultAppliedTo, List<Problem> problems,
        long moreProblems, List<FieldSummary> fields) implements java.io.Serializable {

    /** The three ends a file can come to. */
    public enum Status {
        /** A de-identified output was written. */
        WRITTEN,
        /** The file could not be read or written safely; nothing was written for it. */
        FAILED,
        /** The file cannot be cleaned by this version (format, content); withheld, never copied. */
        QUARANTINED;

        /** Lower case, as in reports: {@code written}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FileReport {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sha256, "sha256");
        actions = Collections.unmodifiableSortedMap(new TreeMap<>(actions));
        defaultAppliedTo = List.copyOf(defaultAppliedTo);
        problems = List.copyOf(problems);
        fields = List.copyOf(fields);
    }

    /** A report without per-field summaries and whose rules are not (yet) known. */
    public FileReport(String output, int input, String format, Status status, long records, String sha256,
            SortedMap<String, Long> actions, List<String> defaultAppliedTo, List<Problem> problems, long moreProblems) {
        this(output, input, format, "", status, records, sha256, actions, defaultAppliedTo, problems, moreProblems,
                List.of());
    }

    /** A report whose rules are not (yet) known. */
    public FileReport(String output, int input, String format, Status status, long records, String sha256,
            SortedMap<String, Long> actions, List<String> defaultAppliedTo, List<Problem> problems, long moreProblems,
            List<FieldSummary> fields) {
        this(output, input, format, "", status, records, sha256, actions, defaultAppliedTo, problems, moreProblems,
                fields);
    }

    /** Values that could not be transformed and were emptied, or problems in all (listed and not). */
    public long problemCount() {
        return problems.size() + moreProblems;
    }

    /** This report under another output name (problems re-addressed to it). */
    public FileReport withOutput(String name) {
        List<Problem> renamed = problems.stream().map(p -> new Problem(p.code(), name, p.location(), p.message())).toList();
        return new FileReport(name, input, format, rules, status, records, sha256, actions, defaultAppliedTo, renamed,
                moreProblems, fields);
    }

    /** This report with the rules that decided it. */
    public FileReport withRules(String source) {
        return new FileReport(output, input, format, source, status, records, sha256, actions, defaultAppliedTo,
                problems, moreProblems, fields);
    }
}
