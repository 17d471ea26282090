package org.deidworkbench.deid.leak;

/**
 * A set of strings kept as 128-bit keys ({@link #first} and {@link #second}, two independent hashes of the exact
 * characters) instead of the strings themselves (decision 0061): what the leak verifier needs of an original or a
 * pseudonym where only identity matters (is this value one of them, are two originals the same value). Two distinct
 * strings share a key with a probability of about 2<sup>-128</sup> per pair. Open addressing; not thread-safe while
 * added to, read-only and safe to share afterwards.
 */
public final class ValueKeys {

    private long[] a;
    private long[] b;
    private boolean[] used;
    private int size;
    private int mask;

    ValueKeys(int expected) {
        allocate(Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1);
    }

    private void allocate(int capacity) {
        a = new long[capacity];
        b = new long[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    /** The first half of a value's key: FNV-1a over its characters, finished with a 64-bit mix. */
    public static long first(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return mix(h ^ s.length());
    }

    /** The second half: a different multiply-rotate hash over its characters and length, finished with a mix. */
    public static long second(CharSequence s) {
        long h = 0x9E3779B97F4A7C15L ^ s.length();
        for (int i = 0; i < s.length(); i++) {
            h = Long.rotateLeft(h + s.charAt(i) * 0xC2B2AE3D27D4EB4FL, 27) * 0x9E3779B97F4A7C15L;
        }
        return mix(h + 0x165667B19E3779F9L);
    }

    /** Murmur3's 64-bit finalizer. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Adds a value's key. */
    void add(CharSequence value) {
        add(first(value), second(value));
    }

    void add(long x, long y) {
        if ((size + 1) * 2 > a.length) {
            long[] oldA = a;
            long[] oldB = b;
            boolean[] oldUsed = used;
            allocate(a.length * 2);
            size = 0;
            for (int i = 0; i < oldA.length; i++) {
                if (oldUsed[i]) {
                    add(oldA[i], oldB[i]);
                }
            }
        }
        int i = (int) (x * 0x9E3779B97F4A7C15L >>> 32) & mask;
        while (used[i]) {
            if (a[i] == x && b[i] == y) {
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        a[i] = x;
        b[i] = y;
        size++;
    }

    /** Whether the value's key was added. */
    boolean contains(CharSequence value) {
        return contains(first(value), second(value));
    }

    boolean contains(long x, long y) {
        int i = (int) (x * 0x9E3779B97F4A7C15L >>> 32) & mask;
        while (used[i]) {
            if (a[i] == x && b[i] == y) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    int size() {
        return size;
    }
}
