package org.deidworkbench.job;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * What {@code BufferedOutputStream} does for a part's stream, with a 64 KB buffer that is the writing
 * thread's spare instead of a new one per part: a run of many small files (3,000 CT slices) allocated
 * and zeroed 64 KB per file for it (decision 0065). Writes of at least the buffer's size go straight
 * through, as with {@code BufferedOutputStream}. {@link #close()} flushes, gives the buffer back and
 * closes the stream under it. One producer, like any stream.
 */
final class PartBuffer extends OutputStream implements WritableByteChannel {

    static final int SIZE = 1 << 16;
    private static final ThreadLocal<byte[]> SPARE = new ThreadLocal<>();

    private final OutputStream out;
    private byte[] buf;
    private int count;

    PartBuffer(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
        byte[] b = SPARE.get();
        if (b == null) {
            b = new byte[SIZE];
        } else {
            SPARE.set(null);
        }
        this.buf = b;
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buf.length) {
            flushBuffer();
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len >= buf.length) {
            flushBuffer();
            out.write(b, off, len);
            return;
        }
        if (len > buf.length - count) {
            flushBuffer();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    /**
     * What is buffered first, then the buffer's bytes straight to the stream under this one when that is a
     * channel (decision 0088), else through {@link #write(byte[], int, int)}.
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        int len = src.remaining();
        if (!(out instanceof WritableByteChannel target)) {
            byte[] copy = new byte[Math.min(len, buf.length)];
            while (src.hasRemaining()) {
                int n = Math.min(copy.length, src.remaining());
                src.get(copy, 0, n);
                write(copy, 0, n);
            }
            return len;
        }
        flushBuffer();
        while (src.hasRemaining()) {
            target.write(src);
        }
        return len;
    }

    @Override
    public boolean isOpen() {
        return buf.length > 0;
    }

    private void flushBuffer() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (buf.length == 0) {
            return;
        }
        try {
            flush();
        } finally {
            byte[] done = buf;
            buf = new byte[0];
            count = 0;
            SPARE.set(done);
            out.close();
        }
    }
}
