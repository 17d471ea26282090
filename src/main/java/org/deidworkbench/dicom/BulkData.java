package org.deidworkbench.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * A value left in its source file: (file, offset, length) and the byte order it is stored in. The
 * writer copies such values from the source instead of holding them in memory, so a large
 * multi-frame file streams with a small heap. The source must not change while it is referenced.
 *
 * @param file the source file
 * @param offset where the value starts in the file
 * @param length the value length in bytes
 * @param bigEndian whether the source stores multi-byte numbers big endian
 */
public record BulkData(Path file, long offset, long length, boolean bigEndian) {

    /** Validates the fields. */
    public BulkData {
        Objects.requireNonNull(file, "file");
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("offset and length must not be negative");
        }
    }

    /**
     * Reads the whole value into memory, as stored (no byte swapping). Costs {@code length} bytes
     * of heap; meant for values known to be small.
     *
     * @throws IOException when the file is shorter than the reference or cannot be read
     */
    public byte[] readAll() throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException("value of " + length + " bytes is too large to load into memory");
        }
        return readFirst((int) length);
    }

    /**
     * Reads the value's first {@code most} bytes into memory (all of it when it is shorter), as stored: for a look at
     * a value's start without loading the rest.
     *
     * @throws IOException when the file is shorter than the reference or cannot be read
     */
    public byte[] readFirst(int most) throws IOException {
        return read(0, (int) Math.min(length, Math.max(0, most)));
    }

    /**
     * Reads {@code count} bytes of the value from its byte {@code from} into memory, as stored.
     *
     * @throws IOException when the file is shorter than the reference or cannot be read
     * @throws IndexOutOfBoundsException when the bytes asked for are not all inside the value
     */
    public byte[] read(long from, int count) throws IOException {
        if (from < 0 || count < 0 || from + count > length) {
            throw new IndexOutOfBoundsException("bytes " + from + "+" + count + " of a value of " + length);
        }
        byte[] out = new byte[count];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            read(ch, from, out, 0, count);
        }
        return out;
    }

    /**
     * Reads {@code count} bytes of the value from its byte {@code from} into {@code into} at {@code at}, from a channel
     * open on {@link #file} (for a caller that reads a value piece by piece without opening the file each time).
     *
     * @throws IOException when the file is shorter than the reference or cannot be read
     */
    public void read(FileChannel ch, long from, byte[] into, int at, int count) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, at, count);
        long pos = offset + from;
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("source file is shorter than the referenced value");
            }
            pos += n;
        }
    }

    @Override
    public String toString() {
        return "BulkData[offset=" + offset + ", length=" + length + "]";
    }
}
