package org.deidworkbench.dicom;

import java.util.Objects;

/**
 * One item of encapsulated pixel data (PS3.5 §A.4): the basic offset table, an extended offset
 * piece or a piece of a compressed frame, held either in memory or as a reference to the source.
 * Passed through untouched.
 *
 * @param bytes the fragment bytes when in memory, else null
 * @param bulk the source reference when not in memory, else null
 */
public record Fragment(byte[] bytes, BulkData bulk) {

    /** Exactly one of bytes and bulk is set. */
    public Fragment {
        if ((bytes == null) == (bulk == null)) {
            throw new IllegalArgumentException("a fragment is either in memory or a file reference");
        }
    }

    /** A fragment held in memory. */
    public static Fragment of(byte[] bytes) {
        return new Fragment(Objects.requireNonNull(bytes), null);
    }

    /** A fragment left in the source file. */
    public static Fragment of(BulkData bulk) {
        return new Fragment(null, Objects.requireNonNull(bulk));
    }

    /** Length in bytes. */
    public long length() {
        return bytes != null ? bytes.length : bulk.length();
    }

    @Override
    public String toString() {
        return "Fragment[length=" + length() + (bulk != null ? ", in file" : "") + "]";
    }
}
