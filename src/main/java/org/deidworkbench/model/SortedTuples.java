package org.deidworkbench.model;

import java.io.Closeable;
import java.io.IOException;

/**
 * A sorted, duplicate-free sequence of string tuples that may live outside the heap (spilled to
 * encrypted temporary files) and can be read more than once, e.g. a run's new pseudonym entries
 * {@code (domain, pseudonym, original)} streamed into the sealed key file. Tuples are ordered field by
 * field with {@link String#compareTo}. Holds original values: never log a tuple.
 */
public interface SortedTuples {

    /** Number of tuples. */
    long size();

    /**
     * A cursor at the first tuple. Each call reads the sequence again from its start.
     *
     * @throws IOException when the spilled data cannot be read
     */
    Cursor open() throws IOException;

    /** Reads tuples in order; close it when done. Not thread-safe. */
    interface Cursor extends Closeable {

        /** The next tuple (a new array each time), or {@code null} after the last. */
        String[] next() throws IOException;
    }

    /**
     * Keeps a sequence of tuples that arrives sorted (e.g. the entries of a key file read as a stream) outside
     * the heap and gives it back as {@link SortedTuples}: how the key file layer streams a large payload into a
     * run's spill area without knowing it (decision 0030).
     */
    @FunctionalInterface
    interface Store {

        /**
         * Writes {@code sorted} and returns it, re-readable.
         *
         * @param name a prefix for the file (no value)
         * @param arity fields per tuple
         * @param keyArity leading fields that identify a tuple
         * @param sorted strictly increasing by the first {@code keyArity} fields ({@link String#compareTo}, field by field)
         * @throws IllegalArgumentException when the tuples are not strictly increasing by key
         */
        SortedTuples write(String name, int arity, int keyArity, java.util.Iterator<String[]> sorted) throws IOException;
    }

    /** No tuples. */
    SortedTuples EMPTY = new SortedTuples() {
        @Override
        public long size() {
            return 0;
        }

        @Override
        public Cursor open() {
            return new Cursor() {
                @Override
                public String[] next() {
                    return null;
                }

                @Override
                public void close() {
                }
            };
        }
    };

    /** The tuples of {@code sorted} (already sorted and free of duplicates), read from the list; each tuple a copy. */
    static SortedTuples of(java.util.List<String[]> sorted) {
        return new SortedTuples() {
            @Override
            public long size() {
                return sorted.size();
            }

            @Override
            public Cursor open() {
                java.util.Iterator<String[]> it = sorted.iterator();
                return new Cursor() {
                    @Override
                    public String[] next() {
                        return it.hasNext() ? it.next().clone() : null;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }
}
