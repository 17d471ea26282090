package org.deidworkbench.dicom;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;

/**
 * Buffered, position-tracking reads of DICOM primitives from a stream. {@link #limit()} is the
 * total length when known (files, byte arrays) so lengths can be checked before any allocation.
 * Not thread-safe.
 */
final class DicomInput {

    private final InputStream in;
    private final long limit;
    private final byte[] buf;
    private int pos;
    private int lim;
    private long base;
    private boolean eof;
    /** Bytes the next refill asks for at least: {@link #FIRST_READ}, doubling up to the buffer's size. */
    private int step = FIRST_READ;

    /**
     * The first refill's size. A data set's header is usually a few KB and is followed by bulk values the
     * parse skips (a CT slice: 1.3 KB of header, then 512 KB of pixel data): filling the whole 64 KB buffer
     * read 62 KB of pixel data per file and pass only to drop it, and a read above 8 KB costs
     * {@code FileInputStream} a native buffer of its own. Later refills double, so a long header still
     * comes in a few reads.
     */
    static final int FIRST_READ = 8 * 1024;

    /** Per-thread spare of the largest buffer, for inputs read through {@link #lending} (decision 0065). */
    private static final SpareBuffer SPARE = new SpareBuffer(64 * 1024);

    DicomInput(InputStream in, long limit) {
        this(in, limit, false);
    }

    private DicomInput(InputStream in, long limit, boolean lend) {
        this.in = in;
        this.limit = limit;
        // Small files get a small buffer: allocating 64 KB per file dominated reading many small files.
        int size = limit < 0 ? SPARE.size() : (int) Math.max(512, Math.min(SPARE.size(), limit));
        this.buf = lend && size == SPARE.size() ? SPARE.take() : new byte[size];
    }

    /**
     * An input whose buffer, when it is the largest size, is this thread's spare: the caller must call
     * {@link #giveBack()} once nothing reads from it or from its {@link #remainder()} any more.
     */
    static DicomInput lending(InputStream in, long limit) {
        return new DicomInput(in, limit, true);
    }

    /** Gives the buffer back to this thread's spare (see {@link #lending}); this input must not be used afterwards. */
    void giveBack() {
        SPARE.give(buf);
    }

    /** Absolute position of the next byte. */
    long position() {
        return base + pos;
    }

    /** Total input length, or -1 when unknown. */
    long limit() {
        return limit;
    }

    /** Bytes left when the length is known, else -1. */
    long remaining() {
        return limit < 0 ? -1 : limit - position();
    }

    /** Makes up to n (≤ buffer size) bytes available; returns how many are buffered. */
    int ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return lim - pos;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            int r = in.read(buf, lim, Math.min(buf.length - lim, Math.max(n - lim, step)));
            step = Math.min(buf.length, step * 2);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos;
    }

    /** True when no byte is left. */
    boolean atEnd() throws IOException {
        return ensure(1) == 0;
    }

    /** The byte at {@code i} past the current position, which must have been ensured. */
    int peek(int i) {
        return buf[pos + i] & 0xFF;
    }

    int u8() throws IOException {
        if (ensure(1) < 1) {
            throw new EOFException();
        }
        return buf[pos++] & 0xFF;
    }

    int u16(boolean bigEndian) throws IOException {
        if (ensure(2) < 2) {
            throw new EOFException();
        }
        int a = buf[pos] & 0xFF;
        int b = buf[pos + 1] & 0xFF;
        pos += 2;
        return bigEndian ? a << 8 | b : b << 8 | a;
    }

    long u32(boolean bigEndian) throws IOException {
        int hi;
        int lo;
        if (bigEndian) {
            hi = u16(true);
            lo = u16(true);
        } else {
            lo = u16(false);
            hi = u16(false);
        }
        return ((long) hi << 16 | lo) & 0xFFFFFFFFL;
    }

    /** Reads a tag (group then element, each in the given byte order). */
    int tag(boolean bigEndian) throws IOException {
        int g = u16(bigEndian);
        int e = u16(bigEndian);
        return g << 16 | e;
    }

    void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (pos == lim) {
                if (len >= buf.length) {
                    int r = in.read(b, off, len);
                    if (r < 0) {
                        eof = true;
                        throw new EOFException();
                    }
                    base += r;
                    off += r;
                    len -= r;
                    continue;
                }
                if (ensure(1) < 1) {
                    throw new EOFException();
                }
            }
            int n = Math.min(len, lim - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            off += n;
            len -= n;
        }
    }

    /** Skips n bytes; the caller has checked n against {@link #remaining()} when the length is known. */
    void skip(long n) throws IOException {
        long inBuf = Math.min(n, lim - pos);
        pos += (int) inBuf;
        n -= inBuf;
        if (n > 0) {
            base += pos + n;
            pos = 0;
            lim = 0;
            long left = n;
            while (left > 0) {
                long s = in.skip(left);
                if (s <= 0) {
                    if (in.read() < 0) {
                        eof = true;
                        throw new EOFException();
                    }
                    s = 1;
                }
                left -= s;
            }
        }
    }

    /** The unread bytes as a stream (buffered bytes first); this input must not be used afterwards. */
    InputStream remainder() {
        InputStream buffered = new ByteArrayInputStream(buf, pos, lim - pos);
        return new SequenceInputStream(buffered, in);
    }
}
