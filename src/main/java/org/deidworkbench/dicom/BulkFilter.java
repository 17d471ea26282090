package org.deidworkbench.dicom;

/**
 * Changes the bytes of a {@link BulkData} value while the writer copies it from its source, so a
 * value many times the heap can be edited (e.g. rectangles of pixel data filled) without being held
 * in memory. The writer calls it on each chunk it reads, in order, before any byte swapping.
 * Implementations must be deterministic and must not change the length.
 */
@FunctionalInterface
public interface BulkFilter {

    /**
     * Edits {@code len} bytes of {@code chunk} starting at {@code off}, in place.
     *
     * @param valueOffset the position of {@code chunk[off]} within the value (0 = its first byte), in
     *     the source's byte order
     */
    void filter(byte[] chunk, int off, int len, long valueOffset);
}
