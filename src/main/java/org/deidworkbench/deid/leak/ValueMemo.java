package org.deidworkbench.deid.leak;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Values a {@link LeakScanner} scanned in full and found inert: no hit begun or held, no subject named, no PHI pattern
 * found (decision 0100). The same characters scanned again by the same scanner would do nothing but count their tokens,
 * so the scanner counts them and skips the scan. A value is found here only by an exact comparison of its bytes or
 * characters with a stored copy; the 64-bit hash only chooses the slot and spares most comparisons.
 *
 * <p>Direct-mapped, {@link #SLOTS} slots, values of at most {@link #LONGEST} units: 272 KB of tables, made at a
 * scanner's first value, and copies of at most 2.3 MB (bytes) or 4.3 MB (characters) however many values pass (a real
 * output's values average 15 units: about 0.6 MB). An occupied slot that was found again since it was stored is given
 * a second chance before a new value replaces it, so one-off values (ids, pseudonyms) do not evict the values that
 * repeat.
 */
final class ValueMemo {
    static final int SLOTS = 16384;
    static final int LONGEST = 128;
    static final int SHORTEST = 1;
    private static final int MASK = SLOTS - 1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long K = 0x9E3779B97F4A7C15L;

    private final long[] keys = new long[SLOTS];
    private final Object[] values = new Object[SLOTS];
    private final int[] tokens = new int[SLOTS];
    private final boolean[] used = new boolean[SLOTS];
    /** The token count of the value last found by {@link #find}. */
    int found;

    static long hash(byte[] a, int from, int length) {
        long h = length * K;
        int i = from;
        int end = from + length;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft((h ^ (long) LONGS.get(a, i)) * K, 29);
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 8) {
            tail |= (a[i] & 0xFFL) << shift;
        }
        return mix(h ^ tail);
    }

    static long hash(char[] a, int from, int length) {
        long h = ~(length * K);
        int i = from;
        int end = from + length;
        for (; i + 4 <= end; i += 4) {
            long x = a[i] | (long) a[i + 1] << 16 | (long) a[i + 2] << 32 | (long) a[i + 3] << 48;
            h = Long.rotateLeft((h ^ x) * K, 29);
        }
        long tail = 0;
        for (int shift = 0; i < end; i++, shift += 16) {
            tail |= (long) a[i] << shift;
        }
        return mix(h ^ tail);
    }

    /** Never 0, which {@link LeakScanner} uses for a value not looked for. */
    private static long mix(long h) {
        h = (h ^ (h >>> 32)) * K;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    /** The key of {@code a[from, from + length)}, a {@code byte[]} or a {@code char[]}. */
    static long key(Object a, int from, int length) {
        return a instanceof byte[] b ? hash(b, from, length) : hash((char[]) a, from, length);
    }

    /**
     * Whether {@code a[from, from + length)} (a {@code byte[]} or a {@code char[]}) is a stored inert value, compared
     * unit by unit; if so, {@link #found} is its token count.
     */
    boolean find(long key, Object a, int from, int length) {
        int slot = (int) key & MASK;
        Object v = values[slot];
        if (keys[slot] != key || v == null || !(v instanceof byte[] b
                ? a instanceof byte[] x && Arrays.equals(b, 0, b.length, x, from, from + length)
                : a instanceof char[] y && Arrays.equals((char[]) v, 0, ((char[]) v).length, y, from, from + length))) {
            return false;
        }
        used[slot] = true;
        found = tokens[slot];
        return true;
    }

    /**
     * Stores a copy of a value a full scan found inert, with its token count, unless its slot holds a value found again
     * since it was stored (that one is kept once more).
     */
    void put(long key, Object a, int from, int length, int tokenCount) {
        int slot = (int) key & MASK;
        if (used[slot]) {
            used[slot] = false;
            return;
        }
        keys[slot] = key;
        values[slot] = a instanceof byte[] b ? Arrays.copyOfRange(b, from, from + length)
                : Arrays.copyOfRange((char[]) a, from, from + length);
        tokens[slot] = tokenCount;
    }
}
