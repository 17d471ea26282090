package org.deidworkbench.deid.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Subject ids that one record gives for one person (decision 0078): a row with two subject columns
 * ({@code patid} and {@code mrn}), a FHIR Patient with several identifiers, a DICOM file with Patient ID and
 * Other Patient IDs. Linked ids are one subject for the date offset; each keeps its own pseudonym.
 *
 * <p>A union–find over the normalized ids of the records that carry two or more, filled during the scan
 * and {@link #resolve resolved} once before any output is written. The result does not depend on the order
 * in which records were noted: the classes are the connected components of the records, and each class's
 * offset is its representative's, the id of the best (lowest) rank, the smallest id among equals (unless the key
 * file already recorded an offset for one of its ids: {@link Deidentifier#resolveLinks}, decision 0078 addendum). A class
 * holding two ids of one kind (two {@code patid}s, two DICOM Patient IDs of one issuer) that no record gave
 * together is a data error: one MRN on two patients. Such a class is not linked (each id keeps its own
 * offset, as without linking) and is counted as a conflict. Memory: the linked ids only, at most
 * {@value #MAX_IDS} of them; beyond that no id is linked (the run says so) rather than grow without bound.
 * Thread-safe (noting is synchronized; the scan notes a record once per row that links). Holds original
 * identifiers: never log its contents.
 */
final class SubjectLinks {

    /** Distinct linked ids remembered at most (about 100 bytes each with both indexes). */
    static final int MAX_IDS = 1 << 20;

    /** One id of a record: its normalized value, its kind and the rank of that kind (lower wins). */
    record Id(String kind, int rank, String value) {
    }

    /**
     * The outcome: the linked classes, each as its representative followed by its other ids (whose offset is the
     * representative's), the classes left unlinked as conflicts, and whether more ids were linked than are kept.
     */
    record Resolved(int conflicts, boolean overflow, List<List<String>> classes) {
        static final Resolved NONE = new Resolved(0, false, List.of());
    }

    private final Map<String, Integer> ids = new HashMap<>();
    private int[] parent = new int[64];
    private int[] rank = new int[64];
    private final List<String> values = new ArrayList<>();
    /** (kind, id) pairs: a second union–find joining the ids of one kind that one record gave together. */
    private final Map<String, Integer> kindIds = new HashMap<>();
    private int[] kindParent = new int[64];
    private final List<String> kindOf = new ArrayList<>();
    private final List<Integer> idOfKind = new ArrayList<>();
    private boolean overflow;

    /** Notes that {@code record}'s ids (normalized, non-blank) are one person. Fewer than two distinct ids: nothing. */
    synchronized void note(List<Id> record) {
        if (overflow || record.stream().map(Id::value).distinct().count() < 2) {
            return;
        }
        int first = -1;
        Map<String, Integer> firstOfKind = new HashMap<>();
        for (Id id : record) {
            int i = node(id.value(), id.rank());
            if (i < 0) {
                return;
            }
            first = first < 0 ? i : union(parent, first, i);
            int k = kindNode(id.kind(), i);
            Integer same = firstOfKind.putIfAbsent(id.kind(), k);
            if (same != null) {
                union(kindParent, same, k);
            }
        }
    }

    private int node(String value, int r) {
        Integer known = ids.get(value);
        if (known != null) {
            rank[known] = Math.min(rank[known], r);
            return known;
        }
        if (values.size() >= MAX_IDS) {
            overflow = true;
            clear();
            return -1;
        }
        int i = values.size();
        if (i == parent.length) {
            parent = Arrays.copyOf(parent, i * 2);
            rank = Arrays.copyOf(rank, i * 2);
        }
        parent[i] = i;
        rank[i] = r;
        values.add(value);
        ids.put(value, i);
        return i;
    }

    private int kindNode(String kind, int id) {
        String key = kind + '\u0000' + values.get(id);
        Integer known = kindIds.get(key);
        if (known != null) {
            return known;
        }
        int k = kindOf.size();
        if (k == kindParent.length) {
            kindParent = Arrays.copyOf(kindParent, k * 2);
        }
        kindParent[k] = k;
        kindOf.add(kind);
        idOfKind.add(id);
        kindIds.put(key, k);
        return k;
    }

    private void clear() {
        ids.clear();
        values.clear();
        kindIds.clear();
        kindOf.clear();
        idOfKind.clear();
        parent = new int[1];
        rank = new int[1];
        kindParent = new int[1];
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    /** Joins the classes of {@code a} and {@code b}; returns the root (the smaller index, so roots are stable). */
    private static int union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra == rb) {
            return ra;
        }
        int root = Math.min(ra, rb);
        p[Math.max(ra, rb)] = root;
        return root;
    }

    /**
     * What was noted, as a value another engine can {@link #absorb} (a cluster's scan workers, decision 0078): each
     * id with its rank and its class's root, each (kind, id) node with its group's root.
     */
    synchronized NotedLinks export() {
        if (overflow) {
            return new NotedLinks(new String[0], new int[0], new int[0], new String[0], new int[0], new int[0], true);
        }
        int n = values.size();
        int[] idRoot = new int[n];
        for (int i = 0; i < n; i++) {
            idRoot[i] = find(parent, i);
        }
        int m = kindOf.size();
        int[] kindId = new int[m];
        int[] kindRoot = new int[m];
        for (int k = 0; k < m; k++) {
            kindId[k] = idOfKind.get(k);
            kindRoot[k] = find(kindParent, k);
        }
        return new NotedLinks(values.toArray(new String[0]), Arrays.copyOf(rank, n), idRoot,
                kindOf.toArray(new String[0]), kindId, kindRoot, false);
    }

    /**
     * Adds what another engine noted ({@link #export}), as if its records had been noted here: the union of both
     * graphs. Past {@value #MAX_IDS} distinct ids, or when the other engine overflowed, nothing is linked.
     */
    synchronized void absorb(NotedLinks other) {
        if (overflow) {
            return;
        }
        if (other.overflow) {
            overflow = true;
            clear();
            return;
        }
        int[] id = new int[other.values.length];
        for (int i = 0; i < id.length; i++) {
            id[i] = node(other.values[i], other.ranks[i]);
            if (id[i] < 0) {
                return;
            }
        }
        for (int i = 0; i < id.length; i++) {
            union(parent, id[i], id[other.idRoot[i]]);
        }
        int[] kind = new int[other.kinds.length];
        for (int k = 0; k < kind.length; k++) {
            kind[k] = kindNode(other.kinds[k], id[other.kindId[k]]);
        }
        for (int k = 0; k < kind.length; k++) {
            union(kindParent, kind[k], kind[other.kindRoot[k]]);
        }
    }

    /**
     * The classes as they stand: those that are linked (not conflicts), each as its representative followed by its
     * other ids, and the number of conflicts.
     */
    synchronized Resolved resolve() {
        if (overflow) {
            return new Resolved(0, true, List.of());
        }
        int n = values.size();
        if (n == 0) {
            return Resolved.NONE;
        }
        int[] root = new int[n];
        for (int i = 0; i < n; i++) {
            root[i] = find(parent, i);
        }
        // A class with two groups of one kind is a conflict: two patients sharing an id.
        boolean[] conflicted = new boolean[n];
        Map<String, Integer> groupOfKind = new HashMap<>();
        for (int k = 0; k < kindOf.size(); k++) {
            int cls = root[idOfKind.get(k)];
            int group = find(kindParent, k);
            Integer seen = groupOfKind.putIfAbsent(cls + "\u0000" + kindOf.get(k), group);
            if (seen != null && seen != group) {
                conflicted[cls] = true;
            }
        }
        int[] best = new int[n];
        Arrays.fill(best, -1);
        for (int i = 0; i < n; i++) {
            int c = root[i];
            int b = best[c];
            if (b < 0 || rank[i] < rank[b] || rank[i] == rank[b] && values.get(i).compareTo(values.get(b)) < 0) {
                best[c] = i;
            }
        }
        Map<Integer, List<String>> members = new TreeMap<>();
        int conflicts = 0;
        boolean[] counted = new boolean[n];
        for (int i = 0; i < n; i++) {
            int c = root[i];
            if (conflicted[c]) {
                if (!counted[c]) {
                    counted[c] = true;
                    conflicts++;
                }
                continue;
            }
            List<String> cls = members.computeIfAbsent(c, k -> new ArrayList<>(List.of(values.get(best[k]))));
            if (best[c] != i) {
                cls.add(values.get(i));
            }
        }
        // Canonical, whatever the order of the records: each class as its representative and its other ids sorted,
        // the classes sorted by representative.
        List<List<String>> classes = new ArrayList<>(members.size());
        for (List<String> cls : members.values()) {
            List<String> others = new ArrayList<>(cls.subList(1, cls.size()));
            others.sort(null);
            others.add(0, cls.get(0));
            classes.add(List.copyOf(others));
        }
        classes.sort(Comparator.comparing((List<String> c) -> c.get(0)));
        return new Resolved(conflicts, false, List.copyOf(classes));
    }
}
