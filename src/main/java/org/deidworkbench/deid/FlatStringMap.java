package org.deidworkbench.deid;

import java.util.function.BiConsumer;

/**
 * A map of strings to strings for the ledger's large per-domain maps (decision 0049): keys, values and
 * hashes in flat arrays, in order of insertion, with an open-addressed index of positions, instead of a
 * node object per entry. Writes are serialized; {@link #get} takes no lock and may miss an entry that
 * another thread is adding at that moment (callers for whom a miss only costs work use it),
 * {@link #getExact} never misses one.
 */
final class FlatStringMap {

    /** One generation of the arrays; replaced as a whole when it grows, so a reader sees one or the other. */
    private static final class Table {
        /** Position + 1 of the entry in each slot, 0 for an empty slot; twice the capacity, a power of two. */
        final int[] slots;
        final int[] hashes;
        final String[] keys;
        final String[] values;
        int size;

        Table(int capacity) {
            slots = new int[capacity * 2];
            hashes = new int[capacity];
            keys = new String[capacity];
            values = new String[capacity];
        }
    }

    private static final int INITIAL = 16;
    private volatile Table table = new Table(INITIAL);

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }

    /**
     * The value of {@code key}, or {@code null}; without a lock, so an entry being added by another
     * thread at the same time may be missed (never a wrong value: keys and values are written before the
     * slot that points to them, and a slot read before them is taken as a miss).
     */
    String get(String key) {
        Table t = table;
        int h = spread(key.hashCode());
        int[] slots = t.slots;
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int s = slots[i];
            if (s == 0) {
                return null;
            }
            int e = s - 1;
            if (t.hashes[e] == h) {
                String k = t.keys[e];
                if (k != null && k.equals(key)) {
                    return t.values[e];
                }
            }
        }
    }

    /** The value of {@code key}, or {@code null}, with every completed write seen. */
    synchronized String getExact(String key) {
        return get(key);
    }

    /** Adds the entry unless {@code key} has one; returns the value it had, or {@code null} when added. */
    synchronized String putIfAbsent(String key, String value) {
        return put(key, value, false);
    }

    /** Adds or replaces the entry of {@code key}. */
    synchronized void put(String key, String value) {
        put(key, value, true);
    }

    private String put(String key, String value, boolean replace) {
        Table t = table;
        int h = spread(key.hashCode());
        int i = find(t, key, h);
        int s = t.slots[i];
        if (s != 0) {
            String old = t.values[s - 1];
            if (replace) {
                t.values[s - 1] = value;
            }
            return old;
        }
        if (t.size == t.keys.length) {
            t = grow(t);
            i = find(t, key, h);
        }
        int e = t.size++;
        t.hashes[e] = h;
        t.keys[e] = key;
        t.values[e] = value;
        t.slots[i] = e + 1;
        return null;
    }

    /** The slot of {@code key}, or the empty slot where it would go. */
    private static int find(Table t, String key, int h) {
        int mask = t.slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int s = t.slots[i];
            if (s == 0 || t.hashes[s - 1] == h && t.keys[s - 1].equals(key)) {
                return i;
            }
        }
    }

    private Table grow(Table t) {
        Table n = new Table(t.keys.length * 2);
        System.arraycopy(t.hashes, 0, n.hashes, 0, t.size);
        System.arraycopy(t.keys, 0, n.keys, 0, t.size);
        System.arraycopy(t.values, 0, n.values, 0, t.size);
        n.size = t.size;
        int mask = n.slots.length - 1;
        for (int e = 0; e < n.size; e++) {
            int i = n.hashes[e] & mask;
            while (n.slots[i] != 0) {
                i = (i + 1) & mask;
            }
            n.slots[i] = e + 1;
        }
        table = n;
        return n;
    }

    synchronized int size() {
        return table.size;
    }

    /** Every entry, in order of insertion. */
    synchronized void forEach(BiConsumer<String, String> action) {
        Table t = table;
        for (int e = 0; e < t.size; e++) {
            action.accept(t.keys[e], t.values[e]);
        }
    }

    /** Forgets every entry (and the arrays). */
    synchronized void clear() {
        table = new Table(INITIAL);
    }
}
