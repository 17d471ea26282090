package org.deidworkbench.format.fhir;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.format.ScanIndex;

/**
 * Which patient (subject id, the original MRN) each Patient reference of a run stands for:
 * {@code Patient/123}, a Bundle entry's {@code urn:uuid:...} fullUrl, or a conditional
 * {@code Patient?identifier=system|value}; and which resources own a resource with no patient of its own
 * ({@link #owned}: what an attachment names, decision 0214; what a Provenance points at, decision 0215). Filled while scanning, read while transforming, so a
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

    /** The prefix of an {@link #owned} entry's key: no reference key begins with a NUL. */
    static final String OWNED = "\u0000owned:";

    /**
     * Records that the resource {@code key} belongs to the resource whose owner is {@code owner} ({@link ScanSink#owner}:
     * its references into the Patient compartment); two different owners make it ambiguous.
     */
    void owned(String key, String owner) {
        put(OWNED + key, owner);
        anyOwned = true;
    }

    /** Whether {@link #owned} was called, or reads go to a merged index (which may hold such entries). */
    private volatile boolean anyOwned;

    /** Whether a resource may have been recorded as {@link #owned} (false: no lookup can find one). */
    boolean anyOwned() {
        return anyOwned || merged != null;
    }

    /**
     * The subject id of the patient the resource {@code key} belongs to ({@link #owned}): the first key of its owner that
     * names a patient; empty when it was not recorded, was recorded with two owners, or none of its keys is a patient's.
     */
    Optional<String> ownedSubject(String key) {
        String owner = key == null ? null : get(OWNED + key);
        String[] keys = owner == null || owner.equals(ScanIndex.CONFLICT) ? null : ScanSink.ownerKeys(owner);
        if (keys != null) {
            for (String k : keys) {
                Optional<String> s = subjectId(k);
                if (s.isPresent()) {
                    return s;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@link #ownedSubject} of a resource by its {@code Type/id} key, else by its Bundle entry's {@code fullUrl}'s
     * key (either may be null); null when neither belongs to a patient.
     */
    String ownedSubject(String ownKey, String fullUrlKey) {
        Optional<String> s = ownedSubject(ownKey);
        if (s.isEmpty()) {
            s = ownedSubject(fullUrlKey);
        }
        return s.orElse(null);
    }

    /**
     * The one patient the resources {@code keys} are owned by ({@link #ownedSubject}; a Provenance's targets,
     * decision 0215): null when none is, or when two different patients are.
     */
    String onlySubject(List<String> keys) {
        String found = null;
        for (String key : keys) {
            String s = ownedSubject(key).orElse(null);
            if (s != null) {
                if (found != null && !found.equals(s)) {
                    return null;
                }
                found = s;
            }
        }
        return found;
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
