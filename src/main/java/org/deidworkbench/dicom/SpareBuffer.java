package org.deidworkbench.dicom;

/**
 * One spare byte array of a fixed size per thread, lent to a reader's or writer's per-file buffer and
 * given back when that file is done, so reading or writing thousands of small files does not allocate
 * (and zero) a fresh buffer for each. A thread that takes while its spare is out (a writer nested in a
 * writer, a second file open at once) gets a new array, so a lent array is never shared. Thread-safe:
 * each thread has its own spare.
 */
final class SpareBuffer {

    private final int size;
    private final ThreadLocal<byte[]> spare = new ThreadLocal<>();

    SpareBuffer(int size) {
        this.size = size;
    }

    /** The buffer size lent. */
    int size() {
        return size;
    }

    /** This thread's spare, or a new array when it is out; give it back with {@link #give}. */
    byte[] take() {
        byte[] b = spare.get();
        if (b == null) {
            return new byte[size];
        }
        spare.set(null);
        return b;
    }

    /** Gives back a buffer that nothing uses any more (another size is dropped). */
    void give(byte[] b) {
        if (b != null && b.length == size) {
            spare.set(b);
        }
    }
}
