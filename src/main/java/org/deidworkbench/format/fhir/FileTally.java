package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.Problem;

/**
 * What happened in one file: values per rule and action, warnings (place and code only), the
 * element paths the default applied to, and for {@code explain} one decision per element path and
 * rule. Not thread-safe: one per file.
 */
final class FileTally {

    /** Warnings listed per file; further ones are only counted. */
    static final int MAX_LISTED_WARNINGS = 50;
    /** Distinct default-applied paths listed per file. */
    static final int MAX_UNMATCHED = 200;

    private final String file;
    private final TreeMap<String, Long> counts = new TreeMap<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final TreeSet<String> unmatched = new TreeSet<>();
    private final Map<String, FieldDecision> decisions = new LinkedHashMap<>();
    private final boolean explaining;
    private long warningCount;
    long records;

    FileTally(String file, boolean explaining) {
        this.file = file;
        this.explaining = explaining;
    }

    void count(String ruleId, String action) {
        counts.merge(ruleId + " (" + action + ")", 1L, Long::sum);
    }

    void warn(String code, String location, String message) {
        if (warningCount++ < MAX_LISTED_WARNINGS) {
            warnings.add(new Problem(code, file, location, message));
        }
    }

    void unmatched(String typePath) {
        if (unmatched.size() < MAX_UNMATCHED) {
            unmatched.add(typePath);
        }
    }

    boolean explaining() {
        return explaining;
    }

    /** Records the decision for an element path (without list indexes), once per path and rule. */
    void decision(String typePath, String name, String ruleId, String action, boolean subject, String reason) {
        if (explaining) {
            decisions.putIfAbsent(typePath + "\u0000" + ruleId, new FieldDecision(typePath, name, ruleId, action, subject,
                    reason));
        }
    }

    List<FieldDecision> decisions() {
        return new ArrayList<>(decisions.values());
    }

    List<Problem> warnings() {
        return warnings;
    }

    FileStats stats() {
        return new FileStats(records, counts, warnings, warningCount, new ArrayList<>(unmatched));
    }
}
