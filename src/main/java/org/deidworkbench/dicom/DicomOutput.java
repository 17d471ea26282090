package org.deidworkbench.dicom;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/** Buffered writes of DICOM primitives, and copies of {@link BulkData} from their source files. Not thread-safe. */
final class DicomOutput implements AutoCloseable {

    private final OutputStream out;
    /** Per-thread spare of the 16 KB buffer each output has (decision 0065). */
    private static final SpareBuffer SPARE = new SpareBuffer(16 * 1024);

    private byte[] buf = SPARE.take();
    private int pos;
    private final Map<Path, FileChannel> sources = new HashMap<>();
    private byte[] copyBuf;

    /**
     * One copy buffer per thread, reused by every file it writes: a buffer per file (512 KB for a CT
     * slice) was a G1 humongous allocation each time, and those dominated the collector's work when
     * writing many files. 256 KB is below half of G1's smallest region, so it is never humongous.
     */
    private static final ThreadLocal<byte[]> COPY_CHUNK = ThreadLocal.withInitial(() -> new byte[256 * 1024]);
    /**
     * A thread's buffer outside the heap for values copied unchanged to a stream that is also a channel (a run's
     * part, decision 0088): the source is read into it and the part written from it, with no copy into and out of
     * the heap as a heap buffer costs (the JDK copies those through a buffer of its own on each read and write).
     */
    private static final ThreadLocal<ByteBuffer> DIRECT_CHUNK =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(256 * 1024));

    DicomOutput(OutputStream out) {
        this.out = out;
    }

    void u16(int v, boolean bigEndian) throws IOException {
        room(2);
        if (bigEndian) {
            buf[pos++] = (byte) (v >>> 8);
            buf[pos++] = (byte) v;
        } else {
            buf[pos++] = (byte) v;
            buf[pos++] = (byte) (v >>> 8);
        }
    }

    void u32(long v, boolean bigEndian) throws IOException {
        if (bigEndian) {
            u16((int) (v >>> 16), true);
            u16((int) v, true);
        } else {
            u16((int) v, false);
            u16((int) (v >>> 16), false);
        }
    }

    void tag(int tag, boolean bigEndian) throws IOException {
        u16(tag >>> 16, bigEndian);
        u16(tag & 0xFFFF, bigEndian);
    }

    void u8(int b) throws IOException {
        room(1);
        buf[pos++] = (byte) b;
    }

    void bytes(byte[] b, int off, int len) throws IOException {
        if (len > buf.length - pos) {
            flushBuffer();
            if (len >= buf.length) {
                out.write(b, off, len);
                return;
            }
        }
        System.arraycopy(b, off, buf, pos, len);
        pos += len;
    }

    /** Copies a bulk value from its source, swapping {@code swapUnit}-byte groups when asked. */
    void copy(BulkData bulk, int swapUnit) throws IOException {
        copy(bulk, swapUnit, null);
    }

    /** As {@link #copy(BulkData, int)}, passing each chunk read through {@code filter} (may be null) first. */
    void copy(BulkData bulk, int swapUnit, BulkFilter filter) throws IOException {
        FileChannel ch = sources.get(bulk.file());
        if (ch == null) {
            ch = FileChannel.open(bulk.file(), StandardOpenOption.READ);
            sources.put(bulk.file(), ch);
        }
        if (filter == null && swapUnit <= 1 && out instanceof WritableByteChannel target) {
            copyDirect(ch, bulk, target);
            return;
        }
        if (copyBuf == null) {
            copyBuf = COPY_CHUNK.get();
        }
        long at = bulk.offset();
        long left = bulk.length();
        int carry = 0;
        while (left > 0) {
            ByteBuffer bb = ByteBuffer.wrap(copyBuf, carry, (int) Math.min(copyBuf.length - carry, left));
            int n = ch.read(bb, at);
            if (n < 0) {
                throw new IOException("the source file is shorter than a value read from it; was it changed?");
            }
            if (filter != null) {
                filter.filter(copyBuf, carry, n, at - bulk.offset());
            }
            at += n;
            left -= n;
            int have = carry + n;
            int usable = swapUnit > 1 && left > 0 ? have - have % swapUnit : have;
            if (swapUnit > 1) {
                Values.swap(copyBuf, 0, usable, swapUnit);
            }
            bytes(copyBuf, 0, usable);
            carry = have - usable;
            System.arraycopy(copyBuf, usable, copyBuf, 0, carry);
        }
    }

    /** An unchanged value from its file to a channel, through the thread's direct buffer; the bytes are the same. */
    private void copyDirect(FileChannel ch, BulkData bulk, WritableByteChannel target) throws IOException {
        flushBuffer();
        ByteBuffer chunk = DIRECT_CHUNK.get();
        long at = bulk.offset();
        long left = bulk.length();
        while (left > 0) {
            chunk.clear();
            chunk.limit((int) Math.min(chunk.capacity(), left));
            int n = ch.read(chunk, at);
            if (n < 0) {
                throw new IOException("the source file is shorter than a value read from it; was it changed?");
            }
            chunk.flip();
            while (chunk.hasRemaining()) {
                target.write(chunk);
            }
            at += n;
            left -= n;
        }
    }

    private void room(int n) throws IOException {
        if (buf.length - pos < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }

    /** Writes buffered bytes through to the stream. */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    /** Flushes and closes the source files; the stream itself stays open. */
    @Override
    public void close() throws IOException {
        IOException first = null;
        try {
            flushBuffer();
        } catch (IOException e) {
            first = e;
        }
        for (FileChannel ch : sources.values()) {
            try {
                ch.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        sources.clear();
        if (first != null) {
            throw first;
        }
        // Nothing writes through this output any more: its buffer goes back to the thread's spare.
        byte[] done = buf;
        buf = new byte[0];
        pos = 0;
        SPARE.give(done);
    }
}
