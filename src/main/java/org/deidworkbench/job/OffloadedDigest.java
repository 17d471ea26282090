package org.deidworkbench.job;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A part's stream that feeds every byte to the manifest's SHA-256 as {@code DigestOutputStream} does,
 * except that past {@link #INLINE} bytes it hands copies of the bytes, in order, to a thread of the
 * part's own that hashes them while the worker goes on reading, cleaning and writing. A multi-gigabyte
 * part (a long multi-frame series) is then hashed beside its writing instead of after each chunk of it;
 * a part smaller than {@link #INLINE} is hashed inline and starts no thread. Memory: at most
 * {@link #BUFFERS} buffers of {@link #BUFFER_SIZE}. One producer; {@link #digest()} after {@link #close()}.
 */
final class OffloadedDigest extends OutputStream implements WritableByteChannel {

    static final long INLINE = 64L << 20;
    static final int BUFFER_SIZE = 1 << 20;
    static final int BUFFERS = 4;

    private final OutputStream out;
    private final MessageDigest digest;
    private final long inline;
    private long seen;
    private ExecutorService hasher;
    private BlockingQueue<byte[]> free;
    private byte[] current;
    private int filled;
    private Future<?> last;
    private boolean closed;
    private final byte[] single = new byte[1];

    OffloadedDigest(OutputStream out, MessageDigest digest) {
        this(out, digest, INLINE);
    }

    OffloadedDigest(OutputStream out, MessageDigest digest, long inline) {
        this.out = Objects.requireNonNull(out, "out");
        this.digest = Objects.requireNonNull(digest, "digest");
        this.inline = inline;
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        out.write(b, off, len);
        if (hasher == null) {
            long room = inline - seen;
            if (len <= room) {
                digest.update(b, off, len);
                seen += len;
                return;
            }
            digest.update(b, off, (int) room);
            seen += room;
            off += (int) room;
            len -= (int) room;
            start();
        }
        while (len > 0) {
            if (filled == BUFFER_SIZE) {
                handOver();
            }
            int n = Math.min(len, BUFFER_SIZE - filled);
            System.arraycopy(b, off, current, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /**
     * The bytes of a buffer, as {@link #write(byte[], int, int)} would take them (decision 0088): a direct
     * buffer goes to the stream under this one as it is when that stream is a channel and the part is still
     * hashed inline, the digest reading the same buffer; otherwise its bytes go through a heap array.
     */
    @Override
    public int write(ByteBuffer src) throws IOException {
        int len = src.remaining();
        if (hasher != null || len > inline - seen || !(out instanceof WritableByteChannel target)) {
            byte[] copy = new byte[Math.min(len, 1 << 16)];
            while (src.hasRemaining()) {
                int n = Math.min(copy.length, src.remaining());
                src.get(copy, 0, n);
                write(copy, 0, n);
            }
            return len;
        }
        digest.update(src.duplicate());
        seen += len;
        while (src.hasRemaining()) {
            target.write(src);
        }
        return len;
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    private void start() {
        hasher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "deid-hash");
            t.setDaemon(true);
            return t;
        });
        free = new ArrayBlockingQueue<>(BUFFERS);
        for (int i = 1; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_SIZE]);
        }
        current = new byte[BUFFER_SIZE];
    }

    /** Queues the current buffer for hashing (in order: one thread) and takes a free one. */
    private void handOver() throws IOException {
        byte[] full = current;
        int n = filled;
        last = hasher.submit(() -> {
            digest.update(full, 0, n);
            free.add(full);
        });
        filled = 0;
        try {
            current = free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing a part");
        }
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (hasher != null) {
                if (filled > 0) {
                    byte[] full = current;
                    int n = filled;
                    last = hasher.submit(() -> digest.update(full, 0, n));
                    filled = 0;
                }
                awaitLast();
            }
        } finally {
            if (hasher != null) {
                hasher.shutdownNow();
            }
            out.close();
        }
    }

    private void awaitLast() throws IOException {
        if (last == null) {
            return;
        }
        try {
            last.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing a part");
        } catch (ExecutionException e) {
            throw new IOException("hashing the part failed", e.getCause());
        }
    }

    /** The SHA-256 of every byte written; only after {@link #close()}. */
    byte[] digest() {
        if (!closed) {
            throw new IllegalStateException("the part is not closed");
        }
        return digest.digest();
    }
}
