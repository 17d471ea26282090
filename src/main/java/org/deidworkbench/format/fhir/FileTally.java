package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.HashMap;
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

    /**
     * Counts per rule id and action not yet added to {@link #counts}: a count is two hash look-ups
     * instead of a new key string and a sorted-map merge (decision 0064); {@link #counts()} adds them.
     */
    private final Map<String, Map<String, long[]>> pending = new HashMap<>();

    void count(String ruleId, String action) {
        pending.computeIfAbsent(ruleId, k -> new HashMap<>(4)).computeIfAbsent(action, k -> new long[1])[0]++;
    }

    /** The counts by {@code "rule (action)"}, the pending ones added. */
    private TreeMap<String, Long> counts() {
        if (!pending.isEmpty()) {
            pending.forEach((rule, byAction) -> byAction.forEach((action, n) -> counts.merge(rule + " (" + action + ")", n[0],
                    Long::sum)));
            pending.clear();
        }
        return counts;
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

    /**
     * Adds what {@code later} counted, as if it had been counted here after what this one holds;
     * false (and nothing added) when the default-applied paths together would pass their limit, so
     * that which ones are listed would depend on the order.
     */
    boolean addAll(FileTally later) {
        if (!canAdd(later)) {
            return false;
        }
        unmatched.addAll(later.unmatched);
        TreeMap<String, Long> mine = counts();
        later.counts().forEach((k, v) -> mine.merge(k, v, Long::sum));
        for (Problem p : later.warnings) {
            if (warningCount++ < MAX_LISTED_WARNINGS) {
                warnings.add(p);
            }
        }
        warningCount += later.warningCount - later.warnings.size();
        records += later.records;
        return true;
    }

    /** Whether {@link #addAll} would take {@code later}: the default-applied paths together stay within their limit. */
    boolean canAdd(FileTally later) {
        if (unmatched.size() + later.unmatched.size() < MAX_UNMATCHED) {
            return true;
        }
        TreeSet<String> paths = new TreeSet<>(unmatched);
        paths.addAll(later.unmatched);
        return paths.size() < MAX_UNMATCHED;
    }

    /** An empty tally for the same file (counting apart, to be added with {@link #addAll}). */
    FileTally scratch() {
        return new FileTally(file, explaining);
    }

    long warningCount() {
        return warningCount;
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
        return new FileStats(records, counts(), warnings, warningCount, new ArrayList<>(unmatched));
    }
}
