package org.deidworkbench.format.csv;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.deidworkbench.deid.classify.ColumnClassifier;

/**
 * The values of one table's key column, for asking "are these references values of that key?".
 * Small keys (the whole column fit in the sample) are held exactly; a larger key column is read once
 * into a Bloom filter of about ten bits per row (1% false positives, at most 32 MiB), so the memory
 * needed does not grow with the length of the values and stays bounded for any file. A false
 * positive can only make a containment look higher; containment is required of nearly every
 * sampled reference, so a chance hit cannot create a relation. Immutable once built; thread-safe
 * for reading. Serializable: a cluster's executor may build it (decision 0027).
 */
final class KeySet implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private static final int MIN_BITS = 1 << 16;
    private static final int MAX_BITS = 1 << 28;
    private static final int HASHES = 7;

    private final Set<String> exact;
    private final long[] bits;
    private final long mask;

    private KeySet(Set<String> exact, long[] bits) {
        this.exact = exact;
        this.bits = bits;
        this.mask = bits == null ? 0 : (long) bits.length * 64 - 1;
    }

    /** A key whose every value is known. */
    static KeySet exact(Set<String> values) {
        Set<String> ids = new java.util.HashSet<>();
        for (String v : values) {
            ids.add(ColumnClassifier.idForm(v));
        }
        return new KeySet(Set.copyOf(ids), null);
    }

    /** An empty filter sized for about {@code expectedRows} values, to {@link #add} to. */
    static KeySet filter(long expectedRows) {
        long wanted = Math.max(MIN_BITS, Math.min(MAX_BITS, Long.highestOneBit(Math.max(1, expectedRows * 10)) << 1));
        return new KeySet(null, new long[(int) (wanted / 64)]);
    }

    /** Adds a value to a filter (in its {@link ColumnClassifier#idForm}: {@code 123.00} is {@code 123}). */
    void add(String raw) {
        String value = ColumnClassifier.idForm(raw);
        long h1 = hash(value, 0x9E3779B97F4A7C15L);
        long h2 = hash(value, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
    }

    /** Whether the value is (probably, for a filter) one of the key's values, compared in its {@link ColumnClassifier#idForm}. */
    boolean contains(String raw) {
        String value = ColumnClassifier.idForm(raw);
        if (exact != null) {
            return exact.contains(value);
        }
        long h1 = hash(value, 0x9E3779B97F4A7C15L);
        long h2 = hash(value, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the UTF-8 bytes with a seed, then a murmur finaliser: stable across JVMs. */
    static long hash(String value, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        int n = value.length();
        int i = 0;
        // An ASCII character is its own UTF-8 byte: keys (ids, UUIDs) are hashed without encoding them.
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                break;
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        if (i < n) { // the rest from its first non-ASCII character, as UTF-8 bytes (the prefix was its own bytes)
            for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xFF;
                h *= 0x100000001b3L;
            }
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
