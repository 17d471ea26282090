package org.deidworkbench.format;

/**
 * Key → value entries a processor learns across files in the scan pass and looks up while
 * transforming (FHIR: which patient a reference stands for, {@code Patient/123} → the patient's
 * subject id). A key learnt with two different values is in {@link #CONFLICT} and resolves to none,
 * whatever order the files were read in: {@link #merge} is associative and commutative, so partial
 * indexes made by a cluster's workers may be merged in any order and give the index one process
 * would have made (issue 13, decision 0027). Holds original identifiers: never log its entries.
 */
public interface ScanIndex {

    /** The value of a key learnt with two different values (it resolves to none). */
    String CONFLICT = "\u0000conflict";

    /**
     * The value learnt for {@code key}: {@link #CONFLICT} when it was learnt with two different
     * values, null when it was never learnt. Thread-safe.
     */
    String get(String key);

    /** One key's two values merged: the value when they agree, else {@link #CONFLICT}. */
    static String merge(String a, String b) {
        return a.equals(b) ? a : CONFLICT;
    }
}
