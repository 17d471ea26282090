package org.deidworkbench.deid.leak;

/**
 * Open-addressing set of {@code long} keys (never {@link Long#MIN_VALUE}), filled to at most two thirds: 12–24 bytes
 * per key, where a {@link LongIntMap} used as a set takes 32–64 (decision 0061: a key file's million pseudonyms). Not
 * thread-safe while added to; read-only and safe to share afterwards.
 */
final class LongSet {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] table;
    private int size;
    private int mask;

    LongSet(int expected) {
        table = new long[Integer.highestOneBit(Math.max(16, expected * 3 / 2)) << 1];
        java.util.Arrays.fill(table, EMPTY);
        mask = table.length - 1;
    }

    /** Adds {@code key}. */
    void add(long key) {
        if ((size + 1) * 3 > table.length * 2) {
            long[] old = table;
            table = new long[old.length * 2];
            java.util.Arrays.fill(table, EMPTY);
            mask = table.length - 1;
            size = 0;
            for (long k : old) {
                if (k != EMPTY) {
                    add(k);
                }
            }
        }
        int i = slot(key);
        while (true) {
            long k = table[i];
            if (k == key) {
                return;
            }
            if (k == EMPTY) {
                table[i] = key;
                size++;
                return;
            }
            i = (i + 1) & mask;
        }
    }

    boolean contains(long key) {
        int i = slot(key);
        while (true) {
            long k = table[i];
            if (k == key) {
                return true;
            }
            if (k == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return size;
    }

    private int slot(long key) {
        return LongIntMap.slot(key, mask);
    }
}
