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
 */
public record FileStats(long records, SortedMap<String, Long> actionCounts, List<Problem> warnings, long warningCount,
        List<String> unmatchedFields) {

    public FileStats {
        actionCounts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(actionCounts));
        warnings = List.copyOf(warnings);
        unmatchedFields = List.copyOf(unmatchedFields);
    }
}
