package org.deidworkbench.format.fhir;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which patient (subject id, the original MRN) each Patient reference of a run stands for:
 * {@code Patient/123}, a Bundle entry's {@code urn:uuid:...} fullUrl, or a conditional
 * {@code Patient?identifier=system|value}. Filled while scanning, read while transforming, so a
 * resource finds its patient even when the Patient is in another file. A key seen with two
 * different patients is ambiguous and resolves to none, whatever the order files were read in.
 * Thread-safe. Holds original identifiers: never log it; {@link #toString()} shows a count only.
 */
final class PatientIndex {

    private static final String AMBIGUOUS = "\u0000ambiguous";

    private final Map<String, String> subjects = new ConcurrentHashMap<>();

    /** Records that {@code key} refers to the patient with {@code subjectId}. */
    void put(String key, String subjectId) {
        subjects.merge(key, subjectId, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
    }

    /** The subject id of the patient {@code key} refers to; empty when unknown or ambiguous. */
    Optional<String> subjectId(String key) {
        String s = subjects.get(key);
        return s == null || s.equals(AMBIGUOUS) ? Optional.empty() : Optional.of(s);
    }

    /** Whether {@code key} was seen with two different patients. */
    boolean ambiguous(String key) {
        return AMBIGUOUS.equals(subjects.get(key));
    }

    @Override
    public String toString() {
        return "PatientIndex[" + subjects.size() + " keys]";
    }
}
