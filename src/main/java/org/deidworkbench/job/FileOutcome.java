package org.deidworkbench.job;

import java.util.List;
import java.util.SortedMap;
import org.deidworkbench.model.Problem;

/**
 * What happened to one input file. It is named by its de-identified output path only: the report
 * must not map anything back to an original name.
 *
 * @param output path of the output, relative to the output folder, '/'-separated
 * @param format detected format
 * @param status written, failed or quarantined
 * @param records records written
 * @param sha256 of the output file (empty when none was written)
 * @param actionCounts values handled per rule
 * @param problems why it failed or was quarantined, and values that were emptied
 * @param warningCount total emptied values (may exceed the listed problems)
 * @param unmatchedFields fields the profile's default applied to (no rule matched them)
 */
public record FileOutcome(String output, String format, Status status, long records, String sha256,
        SortedMap<String, Long> actionCounts, List<Problem> problems, long warningCount, List<String> unmatchedFields) {

    /** The three ends a file can come to. */
    public enum Status {
        /** A de-identified output was written. */
        WRITTEN,
        /** The file could not be read or written safely; nothing was written for it. */
        FAILED,
        /** The file cannot be cleaned by this tool (format, content); withheld, never copied. */
        QUARANTINED
    }

    public FileOutcome {
        problems = List.copyOf(problems);
        unmatchedFields = List.copyOf(unmatchedFields);
    }
}
