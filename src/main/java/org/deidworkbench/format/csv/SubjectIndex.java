package org.deidworkbench.format.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deidworkbench.deid.classify.ColumnClassifier;

/**
 * Which patient a key of an intermediate table belongs to (a case number to its patient id), for
 * tables that reference only the case ({@code labor.csv: Fallnummer}). Compact: a sorted array of
 * 64-bit key hashes and an array of indexes into the distinct patient ids, twelve bytes per key and
 * no object per row. Two keys with the same 64-bit hash are, for a million keys, a one-in-ten-
 * million chance; such a key is dropped from the index (its rows get no subject and their dates the
 * project-wide offset) rather than risk tying it to the wrong patient. Built once, then immutable and
 * thread-safe.
 */
final class SubjectIndex implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final long[] hashes;
    private final int[] subjects;
    private final String[] ids;

    private SubjectIndex(long[] hashes, int[] subjects, String[] ids) {
        this.hashes = hashes;
        this.subjects = subjects;
        this.ids = ids;
    }

    /** The original patient id of a key, or {@code null}. */
    String subjectOf(String key) {
        int i = Arrays.binarySearch(hashes, KeySet.hash(ColumnClassifier.idForm(key), 0x5851F42D4C957F2DL));
        return i < 0 ? null : ids[subjects[i]];
    }

    /** Number of keys indexed. */
    int size() {
        return hashes.length;
    }

    /** Collects key → patient pairs, then {@link #build()}s the index. Not thread-safe. */
    static final class Builder {
        private long[] hashes = new long[1024];
        private int[] subjects = new int[1024];
        private int size;
        private final Map<String, Integer> idIndex = new HashMap<>();
        private final List<String> ids = new ArrayList<>();

        void put(String key, String patientId) {
            if (key.isEmpty() || patientId.isEmpty()) {
                return;
            }
            Integer s = idIndex.get(patientId);
            if (s == null) {
                s = ids.size();
                ids.add(patientId);
                idIndex.put(patientId, s);
            }
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
                subjects = Arrays.copyOf(subjects, size * 2);
            }
            hashes[size] = KeySet.hash(ColumnClassifier.idForm(key), 0x5851F42D4C957F2DL);
            subjects[size] = s;
            size++;
        }

        SubjectIndex build() {
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            long[] h = hashes;
            Arrays.sort(order, (a, b) -> Long.compare(h[a], h[b]));
            long[] outH = new long[size];
            int[] outS = new int[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                long hash = h[order[i]];
                int subject = subjects[order[i]];
                if (n > 0 && outH[n - 1] == hash) {
                    if (outS[n - 1] != subject) {
                        outS[n - 1] = -1; // a hash collision between keys of two patients: drop it
                    }
                    continue;
                }
                outH[n] = hash;
                outS[n] = subject;
                n++;
            }
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (outS[i] >= 0) {
                    outH[kept] = outH[i];
                    outS[kept] = outS[i];
                    kept++;
                }
            }
            return new SubjectIndex(Arrays.copyOf(outH, kept), Arrays.copyOf(outS, kept), ids.toArray(new String[0]));
        }
    }
}
