package org.deidworkbench.deid;

/**
 * A 64-bit fingerprint of a string: FNV-1a over its characters, then a 64-bit finalizer, so that strings that differ
 * in one character differ in about half the bits. For tables that keep fingerprints instead of the strings (a run's
 * spilled known identifiers, the resources a run's Provenance point at); two strings share one by chance about once
 * in 2^64. Not a keyed hash: never for an original value that leaves the run.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The fingerprint of {@code s}. */
    public static long of(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
