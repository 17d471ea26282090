package org.deidworkbench.format;

import java.util.List;
import java.util.SortedMap;
import org.deidworkbench.model.Problem;

/**
 * What {@link FileProcessor#transform} did to one file.
 *
 * @param records records (rows, resources, data sets) written
 * @param actionCounts values handled per rule, keyed {@code ruleId (action)}, e.g. {@code names (remove)}
 * @param warnings values that could not be transformed and were emptied (place and code only)
 * @param warningCount total warnings, which may exceed the listed ones
 * @param unmatchedFields fields no rule matched, so the profile's default applied to them; reported
 *     so that an unexpected column is never handled silently
 * @param fields per field: class, what decided, action and values changed (may be empty for formats
 *     that do not report per field)
 */
public record FileStats(long records, SortedMap<String, Long> actionCounts, List<Problem> warnings, long warningCount,
        List<String> unmatchedFields, List<org.deidworkbench.model.FieldSummary> fields) {

    public FileStats {
        actionCounts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(actionCounts));
        warnings = List.copyOf(warnings);
        unmatchedFields = List.copyOf(unmatchedFields);
        fields = List.copyOf(fields);
    }

    /** Stats without per-field summaries. */
    public FileStats(long records, SortedMap<String, Long> actionCounts, List<Problem> warnings, long warningCount,
            List<String> unmatchedFields) {
        this(records, actionCounts, warnings, warningCount, unmatchedFields, List.of());
    }
}
