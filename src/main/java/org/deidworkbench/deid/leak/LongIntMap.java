package org.deidworkbench.deid.leak;

/**
 * Open-addressing map from {@code long} keys to non-negative {@code int} values, for the matcher's token
 * ids and transitions: no boxing, and each key lies next to its value in one array, so a lookup in a map
 * larger than the caches costs one cache miss, not two. Not thread-safe while built; read-only afterwards,
 * and then safe to share.
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;

    /** Key at {@code 2i}, value at {@code 2i + 1}. */
    private long[] table;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new long[capacity * 2];
        for (int i = 0; i < table.length; i += 2) {
            table[i] = EMPTY;
        }
        mask = capacity - 1;
    }

    /** The value of {@code key}, or -1. */
    int get(long key) {
        long[] t = table;
        int i = slot(key);
        while (true) {
            long k = t[i << 1];
            if (k == key) {
                return (int) t[(i << 1) + 1];
            }
            if (k == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Stores {@code value} (≥ 0) under {@code key} (never {@link Long#MIN_VALUE}); returns the previous value or -1. */
    int put(long key, int value) {
        if ((size + 1) * 2 > mask + 1) {
            grow();
        }
        int i = slot(key);
        while (true) {
            long k = table[i << 1];
            if (k == key) {
                int old = (int) table[(i << 1) + 1];
                table[(i << 1) + 1] = value;
                return old;
            }
            if (k == EMPTY) {
                table[i << 1] = key;
                table[(i << 1) + 1] = value;
                size++;
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    /** A key and its value. */
    interface Entry {
        void accept(long key, int value);
    }

    /** Each key with its value, in the table's order. */
    void forEach(Entry action) {
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != EMPTY) {
                action.accept(table[i], (int) table[i + 1]);
            }
        }
    }

    private int slot(long key) {
        return slot(key, mask);
    }

    /** A key's first slot in an open-addressed table of {@code mask + 1} slots (a power of two). */
    static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] old = table;
        allocate((mask + 1) * 2);
        size = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                put(old[i], (int) old[i + 1]);
            }
        }
    }
}
