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
