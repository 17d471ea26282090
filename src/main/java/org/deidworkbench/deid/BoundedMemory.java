package org.deidworkbench.deid;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A memory of recent results by key, for work that repeats across the files of a run (the same description
 * in every slice of a series, the same identifier noted by every file): at most {@code capacity} entries,
 * all forgotten at once when it is full, so it never grows with the run and needs no order of use.
 * Thread-safe; a result computed twice by two threads is simply remembered twice. Also used for a file's own
 * memories in the format adapters (FHIR references and narratives).
 */
public final class BoundedMemory<K, V> {

    private final int capacity;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();

    public BoundedMemory(int capacity) {
        this.capacity = capacity;
    }

    /** What was remembered for {@code key}, or null. */
    public V get(K key) {
        return entries.get(key);
    }

    /** Remembers {@code value} for {@code key}, forgetting everything first when the memory is full. */
    public void put(K key, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, value);
    }
}
