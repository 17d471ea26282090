package org.deidworkbench.deid.spill;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.deidworkbench.model.SortedTuples;

/**
 * A sorted run of tuples written once into a {@link SpillArea} (encrypted like every spill file) that can
 * be read in order and searched by key (decision 0030): the first key of every block of {@value #BLOCK}
 * tuples and the block's offset stay in memory, a look-up decrypts one block and compares exact keys.
 * How the entries of a large key file are kept during a run: readable for the payload merge when the
 * key file is sealed, searchable for the few look-ups of pass 0 ({@code original}). Thread-safe once written.
 * Holds original values: never log a tuple.
 */
public final class IndexedRun implements SortedTuples {

    static final int BLOCK = 256;

    private final SpillArea area;
    private final Path file;
    private final int arity;
    private final int keyArity;
    private final long count;
    /** The first key of each block. */
    private final String[][] firstKeys;
    /** Plaintext offset of each block, and the offset after the last tuple at the end. */
    private final long[] offsets;
    private SpillArea.RandomReader reader;

    private IndexedRun(SpillArea area, Path file, int arity, int keyArity, long count, String[][] firstKeys,
            long[] offsets) {
        this.area = area;
        this.file = file;
        this.arity = arity;
        this.keyArity = keyArity;
        this.count = count;
        this.firstKeys = firstKeys;
        this.offsets = offsets;
    }

    /**
     * Writes {@code sorted} into a new file of {@code area}.
     *
     * @throws IllegalArgumentException when a tuple has another arity or does not follow the one before
     *     strictly in key order (nothing is kept then)
     */
    public static IndexedRun write(SpillArea area, String name, int arity, int keyArity, Iterator<String[]> sorted)
            throws IOException {
        if (arity < 1 || keyArity < 1 || keyArity > arity) {
            throw new IllegalArgumentException("arity " + arity + ", key " + keyArity);
        }
        Path file = area.newFile(name);
        List<String[]> keys = new ArrayList<>();
        long[] offsets = new long[16];
        long count = 0;
        String[] previous = null;
        long[] position = new long[1];
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(new FilterOutputStream(
                area.encrypt(file)) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                position[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                position[0] += len;
            }
        }, 1 << 16))) {
            while (sorted.hasNext()) {
                String[] t = sorted.next();
                if (t.length != arity) {
                    throw new IllegalArgumentException("a tuple of " + t.length + " fields, expected " + arity);
                }
                if (previous != null && Arrays.compare(previous, 0, keyArity, t, 0, keyArity) >= 0) {
                    throw new IllegalArgumentException("tuples not strictly increasing by key");
                }
                if (count % BLOCK == 0) {
                    out.flush();
                    int block = (int) (count / BLOCK);
                    if (block + 1 >= offsets.length) {
                        offsets = Arrays.copyOf(offsets, offsets.length * 2);
                    }
                    offsets[block] = position[0];
                    keys.add(Arrays.copyOf(t, keyArity));
                }
                ExternalSorter.writeTuple(out, t);
                previous = t;
                count++;
            }
            out.flush();
            offsets[keys.size()] = position[0];
            out.writeByte(0);
        } catch (IOException | RuntimeException e) {
            area.delete(file);
            throw e;
        }
        return new IndexedRun(area, file, arity, keyArity, count, keys.toArray(new String[0][]),
                Arrays.copyOf(offsets, keys.size() + 1));
    }


    @Override
    public long size() {
        return count;
    }

    /** Blocks whose first keys are held in memory (one per {@value #BLOCK} tuples): for tests of the bound. */
    public int blocks() {
        return firstKeys.length;
    }

    /**
     * The tuple whose key fields equal {@code key} (as many fields as the run's key), or {@code null}.
     * Reads and decrypts at most one block.
     */
    public String[] find(String... key) throws IOException {
        if (key.length != keyArity) {
            throw new IllegalArgumentException("a key of " + key.length + " fields, expected " + keyArity);
        }
        int lo = 0;
        int hi = firstKeys.length - 1;
        int block = -1;
        while (lo <= hi) { // the last block whose first key is <= key
            int mid = (lo + hi) >>> 1;
            if (Arrays.compare(firstKeys[mid], 0, keyArity, key, 0, keyArity) <= 0) {
                block = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (block < 0) {
            return null;
        }
        byte[] bytes = reader().read(offsets[block], Math.toIntExact(offsets[block + 1] - offsets[block]));
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (String[] t = readTuple(in); t != null; t = readTuple(in)) {
                int c = Arrays.compare(t, 0, keyArity, key, 0, keyArity);
                if (c == 0) {
                    return t;
                }
                if (c > 0) {
                    return null;
                }
            }
        }
        return null;
    }

    private synchronized SpillArea.RandomReader reader() throws IOException {
        if (reader == null) {
            reader = area.random(file);
        }
        return reader;
    }

    /** The next tuple, or {@code null} at the end marker or the end of a block's bytes. */
    private String[] readTuple(DataInputStream in) throws IOException {
        int marker;
        try {
            marker = in.readUnsignedByte();
        } catch (EOFException e) {
            return null;
        }
        if (marker == 0) {
            return null;
        }
        if (marker != 1) {
            throw new IOException("a spill file is corrupt");
        }
        return ExternalSorter.fields(in, arity);
    }

    @Override
    public Cursor open() throws IOException {
        DataInputStream in = new DataInputStream(area.decrypt(file));
        return new Cursor() {
            private boolean done;

            @Override
            public String[] next() throws IOException {
                if (done) {
                    return null;
                }
                String[] t;
                try {
                    t = readTuple(in);
                } catch (EOFException e) {
                    throw new IOException("a spill file is truncated", e);
                }
                done = t == null;
                return t;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }
}
