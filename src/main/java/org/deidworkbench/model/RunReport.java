package org.deidworkbench.model;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a run did: the content of {@code deid-report.json}, of {@code deid run --json} and of the
 * workbench's run summary — one record, rendered to JSON in one place. Everything but {@link #run()}
 * depends only on the inputs, the key and the profile. Holds no original value.
 *
 * @param tool the tool and its version, e.g. {@code deid-workbench 0.1.0}
 * @param profile which rules ran
 * @param status {@code ok} when every file was written, else {@code partial}
 * @param files how many files came to which end
 * @param records records written over all files
 * @param actions values handled per rule over all files, keyed {@code ruleId (action)}
 * @param valuesEmptied values that could not be transformed and were emptied
 * @param subjects distinct subjects (patients) seen
 * @param fileResults one entry per input file, in input order
 * @param run when and how the run ran (differs between identical runs)
 */
public record RunReport(String tool, ProfileInfo profile, String status, FileCounts files, long records,
        SortedMap<String, Long> actions, long valuesEmptied, int subjects, List<FileReport> fileResults, RunInfo run) {

    /** The profile a run applied. */
    public record ProfileInfo(String name, String sha256, String defaultAction) {
        public ProfileInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(defaultAction, "defaultAction");
        }
    }

    /** Files per status, and how many outputs got a de-identified name. */
    public record FileCounts(int total, int written, int failed, int quarantined, int renamed) {
    }

    /**
     * The run-specific part.
     *
     * @param startedAt ISO-8601 instant
     * @param finishedAt ISO-8601 instant
     * @param seconds wall time
     * @param threads worker threads
     * @param newPseudonyms pseudonym entries this run added to the key file (depends on what the key
     *     file already held, so it is run-specific like the times)
     */
    public record RunInfo(String startedAt, String finishedAt, double seconds, int threads, int newPseudonyms) {
    }

    public RunReport {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(files, "files");
        actions = Collections.unmodifiableSortedMap(new TreeMap<>(actions));
        fileResults = List.copyOf(fileResults);
        Objects.requireNonNull(run, "run");
    }

    /**
     * The report of a run whose files ended as {@code fileResults}: every count and total is
     * computed here, the one place that counts statuses.
     */
    /**
     * This report with counts of the run as a whole (not of a file) added to {@link #actions()}, e.g. the subject
     * links of decision 0078; itself when there are none.
     */
    public RunReport withRunActions(java.util.Map<String, Long> runActions) {
        if (runActions.isEmpty()) {
            return this;
        }
        SortedMap<String, Long> merged = new TreeMap<>(actions);
        runActions.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return new RunReport(tool, profile, status, files, records, merged, valuesEmptied, subjects, fileResults, run);
    }

    public static RunReport of(String tool, ProfileInfo profile, List<FileReport> fileResults, int renamed,
            int subjects, RunInfo run) {
        long records = 0;
        long emptied = 0;
        SortedMap<String, Long> actions = new TreeMap<>();
        for (FileReport f : fileResults) {
            records += f.records();
            if (f.status() == FileReport.Status.WRITTEN) {
                emptied += f.problemCount();
            }
            f.actions().forEach((k, v) -> actions.merge(k, v, Long::sum));
        }
        FileCounts counts = count(fileResults, renamed);
        return new RunReport(tool, profile, counts.written() == counts.total() ? "ok" : "partial", counts, records,
                actions, emptied, subjects, fileResults, run);
    }

    /** How many of {@code fileResults} came to each end. */
    public static FileCounts count(List<FileReport> fileResults, int renamed) {
        int written = 0;
        int failed = 0;
        int quarantined = 0;
        for (FileReport f : fileResults) {
            switch (f.status()) {
                case WRITTEN -> written++;
                case FAILED -> failed++;
                case QUARANTINED -> quarantined++;
            }
        }
        return new FileCounts(fileResults.size(), written, failed, quarantined, renamed);
    }

    /** Whether every file was written. */
    public boolean allWritten() {
        return files.written() == files.total();
    }
}
