package org.deidworkbench.format.fhir;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.format.ScanIndex;

/**
 * Which patient (subject id, the original MRN) each Patient reference of a run stands for:
 * {@code Patient/123}, a Bundle entry's {@code urn:uuid:...} fullUrl, or a conditional
 * {@code Patient?identifier=system|value}. Filled while scanning, read while transforming, so a
 * resource finds its patient even when the Patient is in another file. A key seen with two
 * different patients is ambiguous and resolves to none, whatever the order files were read in
 * ({@link ScanIndex#merge}). When the run's files were scanned elsewhere (a cluster's workers), reads
 * go to the merged index of all of them ({@link #readFrom}). Thread-safe. Holds original
 * identifiers: never log it; {@link #toString()} shows a count only.
 */
final class PatientIndex {

    private final Map<String, String> subjects = new ConcurrentHashMap<>();
    private volatile ScanIndex merged;

    /** Records that {@code key} refers to the patient with {@code subjectId}. */
    void put(String key, String subjectId) {
        subjects.merge(key, subjectId, ScanIndex::merge);
    }

    /** Reads from now on go to {@code index} (the run's merged index), not to what was put here. */
    void readFrom(ScanIndex index) {
        merged = index;
    }

    /** What was put here, as a read-only live view (the processor's {@code scanIndex()}). */
    Map<String, String> entries() {
        return Collections.unmodifiableMap(subjects);
    }

    private String get(String key) {
        ScanIndex m = merged;
        return m != null ? m.get(key) : subjects.get(key);
    }

    /** The subject id of the patient {@code key} refers to; empty when unknown or ambiguous. */
    Optional<String> subjectId(String key) {
        return subjectOf(get(key));
    }

    /** The subject id of the patient {@code key} refers to in a merged {@code index}; empty when unknown or ambiguous. */
    static Optional<String> subjectId(ScanIndex index, String key) {
        return subjectOf(index.get(key));
    }

    private static Optional<String> subjectOf(String learnt) {
        return learnt == null || learnt.equals(ScanIndex.CONFLICT) ? Optional.empty() : Optional.of(learnt);
    }

    /** Whether {@code key} was seen with two different patients. */
    boolean ambiguous(String key) {
        return ScanIndex.CONFLICT.equals(get(key));
    }

    @Override
    public String toString() {
        return "PatientIndex[" + subjects.size() + " keys" + (merged == null ? "" : ", reading a merged index") + "]";
    }
}
