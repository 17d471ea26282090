package org.deidworkbench.deid.spill;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.deidworkbench.model.SortedTuples;

/**
 * Sorts string tuples that may not fit in the heap (decision 0026): tuples are buffered, and a full
 * buffer is sorted and written as an encrypted run into a {@link SpillArea}; {@link #finish()} merges
 * the runs into one sorted, duplicate-free sequence. Tuples compare field by field with
 * {@link String#compareTo}, the order of the key file's sorted maps, so the result is the same
 * whatever the order of adding and wherever the buffer was cut. Tuples that agree on their first
 * {@code keyArity} fields but differ after are a conflict (two originals for one pseudonym), reported
 * by {@link ConflictException} when a merge meets them. Thread-safe ({@code add} is synchronized).
 */
public final class ExternalSorter {

    /** Runs merged at once; more runs are first merged into one. */
    static final int FAN_IN = 32;

    /** Field-by-field order of tuples of equal length. */
    public static final Comparator<String[]> ORDER = (a, b) -> {
        for (int i = 0; i < a.length; i++) {
            int c = a[i].compareTo(b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** Two tuples with the same key and different values. Carries no value: the fields may be originals. */
    public static final class ConflictException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String[] key;

        ConflictException(String[] key) {
            super("two tuples with the same key differ");
            this.key = key;
        }

        /** The key fields both tuples share (e.g. domain and pseudonym: not original values). */
        public String[] key() {
            return key.clone();
        }
    }

    private final SpillArea area;
    private final String name;
    private final int arity;
    private final int keyArity;
    private final int threshold;
    private final Set<Tuple> buffer = new HashSet<>();
    private final List<Run> runs = new ArrayList<>();
    private int spills;
    private boolean finished;
    private boolean keepFirst;

    /**
     * @param name a prefix for the run files (no value: it is visible in the folder)
     * @param arity fields per tuple
     * @param keyArity fields that identify a tuple; tuples equal on them must be equal
     * @param threshold tuples buffered before a run is written
     */
    public ExternalSorter(SpillArea area, String name, int arity, int keyArity, int threshold) {
        if (arity < 1 || keyArity < 1 || keyArity > arity || threshold < 1) {
            throw new IllegalArgumentException("arity " + arity + ", key " + keyArity + ", threshold " + threshold);
        }
        this.area = area;
        this.name = name;
        this.arity = arity;
        this.keyArity = keyArity;
        this.threshold = threshold;
    }

    private record Tuple(String[] fields) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Tuple t && Arrays.equals(fields, t.fields);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(fields);
        }
    }

    private record Run(Path file, long count) {
    }

    /**
     * Adds a tuple (a copy of the array is not made: do not change it afterwards); a full buffer is
     * written as a run.
     *
     * @throws UncheckedIOException when a run cannot be written
     * @throws ConflictException when merging runs meets a conflict
     */
    public synchronized void add(String... tuple) {
        if (finished) {
            throw new IllegalStateException("the sorter was finished");
        }
        if (tuple.length != arity) {
            throw new IllegalArgumentException("a tuple of " + tuple.length + " fields, expected " + arity);
        }
        buffer.add(new Tuple(tuple));
        if (buffer.size() >= threshold) {
            spillBuffer();
        }
    }

    /**
     * Writes tuples the caller has already sorted with {@link #ORDER} and freed of duplicates as one run
     * (how a caller with its own in-memory map spills it).
     */
    public synchronized void addSortedRun(Iterator<String[]> sorted) {
        if (finished) {
            throw new IllegalStateException("the sorter was finished");
        }
        writeRun(sorted);
    }

    private void writeRun(Iterator<String[]> sorted) {
        try {
            runs.add(write(sorted));
            spills++;
            if (runs.size() >= FAN_IN) {
                mergeRuns();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a spill file in " + area.folder(), e);
        }
    }

    /**
     * Of tuples with the same key, keeps the first in sort order instead of reporting a conflict (e.g.
     * the smallest replacement of an identifier). Call before adding.
     */
    public synchronized ExternalSorter keepingFirstOfEachKey() {
        keepFirst = true;
        return this;
    }

    /** How many runs have been written so far (0: everything is still in memory). */
    public synchronized int spills() {
        return spills;
    }

    private void spillBuffer() {
        if (buffer.isEmpty()) {
            return;
        }
        List<String[]> sorted = new ArrayList<>(buffer.size());
        buffer.forEach(t -> sorted.add(t.fields));
        buffer.clear();
        sorted.sort(ORDER);
        writeRun(sorted.iterator());
    }

    private void mergeRuns() throws IOException {
        List<Run> merging = new ArrayList<>(runs);
        runs.clear();
        try (Merge merge = new Merge(merging)) {
            runs.add(write(merge));
        }
        merging.forEach(r -> area.delete(r.file));
    }

    /**
     * Every tuple added, sorted and without duplicates. After this call the sorter takes no more
     * tuples; the result stays readable until the area is closed.
     *
     * @throws ConflictException when two tuples share a key and differ
     */
    public synchronized SortedTuples finish() throws IOException {
        finished = true;
        if (runs.isEmpty() && buffer.isEmpty()) {
            return SortedTuples.EMPTY;
        }
        if (runs.isEmpty()) {
            List<String[]> sorted = new ArrayList<>(buffer.size());
            buffer.forEach(t -> sorted.add(t.fields));
            buffer.clear();
            sorted.sort(ORDER);
            return SortedTuples.of(checkConflicts(sorted));
        }
        spillBuffer();
        if (runs.size() > 1 || keepFirst) {
            mergeRuns();
        } else {
            // One run alone was never merged: check it.
            try (Merge check = new Merge(List.of(runs.get(0)))) {
                while (check.hasNext()) {
                    check.next();
                }
            }
        }
        Run run = runs.get(0);
        return new SortedTuples() {
            @Override
            public long size() {
                return run.count;
            }

            @Override
            public Cursor open() throws IOException {
                RunReader reader = new RunReader(run);
                return new Cursor() {
                    @Override
                    public String[] next() throws IOException {
                        return reader.next();
                    }

                    @Override
                    public void close() throws IOException {
                        reader.close();
                    }
                };
            }
        };
    }

    private List<String[]> checkConflicts(List<String[]> sorted) {
        List<String[]> kept = keepFirst ? new ArrayList<>(sorted.size()) : sorted;
        for (int i = 0; i < sorted.size(); i++) {
            boolean same = i > 0 && sameKey(sorted.get(i - 1), sorted.get(i));
            if (same && !keepFirst) {
                throw new ConflictException(Arrays.copyOf(sorted.get(i), keyArity));
            }
            if (keepFirst && !same) {
                kept.add(sorted.get(i));
            }
        }
        return kept;
    }

    private boolean sameKey(String[] a, String[] b) {
        for (int i = 0; i < keyArity; i++) {
            if (!a[i].equals(b[i])) {
                return false;
            }
        }
        return true;
    }

    private Run write(Iterator<String[]> sorted) throws IOException {
        Path file = area.newFile(name);
        long count = 0;
        try (DataOutputStream out = new DataOutputStream(area.encrypt(file))) {
            while (sorted.hasNext()) {
                String[] t = sorted.next();
                writeTuple(out, t);
                count++;
            }
            out.writeByte(0);
        } catch (IOException | RuntimeException e) {
            area.delete(file);
            throw e;
        }
        return new Run(file, count);
    }

    /** Reads one run. */
    private final class RunReader implements AutoCloseable {
        private final DataInputStream in;
        private boolean done;

        RunReader(Run run) throws IOException {
            in = new DataInputStream(area.decrypt(run.file));
        }

        String[] next() throws IOException {
            if (done) {
                return null;
            }
            int marker;
            try {
                marker = in.readUnsignedByte();
            } catch (EOFException e) {
                throw new IOException("a spill file is truncated", e);
            }
            if (marker == 0) {
                done = true;
                return null;
            }
            if (marker != 1) {
                throw new IOException("a spill file is corrupt");
            }
            return fields(in, arity);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** The sorted union of runs, each tuple once; throws {@link ConflictException} on a conflict. */
    private final class Merge implements Iterator<String[]>, AutoCloseable {
        private record Head(String[] tuple, RunReader reader) {
        }

        private final List<RunReader> readers = new ArrayList<>();
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.tuple, b.tuple));
        private String[] last;
        private String[] pending;

        Merge(List<Run> sources) throws IOException {
            try {
                for (Run r : sources) {
                    RunReader reader = new RunReader(r);
                    readers.add(reader);
                    advance(reader);
                }
                pending = fetch();
            } catch (IOException | RuntimeException e) {
                close();
                throw e;
            }
        }

        private void advance(RunReader reader) throws IOException {
            String[] t = reader.next();
            if (t != null) {
                heads.add(new Head(t, reader));
            }
        }

        private String[] fetch() throws IOException {
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                advance(h.reader);
                if (last != null && Arrays.equals(last, h.tuple)) {
                    continue;
                }
                if (last != null && sameKey(last, h.tuple)) {
                    if (keepFirst) {
                        continue;
                    }
                    throw new ConflictException(Arrays.copyOf(h.tuple, keyArity));
                }
                last = h.tuple;
                return h.tuple;
            }
            return null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public String[] next() {
            String[] t = pending;
            try {
                pending = fetch();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return t;
        }

        @Override
        public void close() {
            for (RunReader r : readers) {
                try {
                    r.close();
                } catch (IOException e) {
                    // closing a reader of a temporary file: nothing to keep
                }
            }
        }
    }

    /** The {@code arity} length-prefixed UTF-8 fields of one spilled tuple (after its marker byte). */
    static String[] fields(DataInputStream in, int arity) throws IOException {
        String[] t = new String[arity];
        for (int i = 0; i < arity; i++) {
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("a spill file is corrupt");
            }
            byte[] b = new byte[n];
            in.readFully(b);
            t[i] = new String(b, StandardCharsets.UTF_8);
        }
        return t;
    }

    /** Writes one tuple as {@link #fields} reads it: marker byte 1, then each field length-prefixed in UTF-8. */
    static void writeTuple(java.io.DataOutputStream out, String[] t) throws IOException {
        out.writeByte(1);
        for (String f : t) {
            byte[] b = f.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }
}
