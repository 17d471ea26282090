package org.deidworkbench.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A file channel over a real one that misbehaves as a test asks: writes at most a few bytes per call
 * (as a channel may), fails once a number of bytes is written (a full disk), or fails to force.
 */
final class FaultyChannel extends FileChannel {

    private final FileChannel real;
    private final int maxBytesPerWrite;
    private final long failAfterBytes;
    private final boolean failForce;
    private long written;
    private int writeCalls;

    private FaultyChannel(FileChannel real, int maxBytesPerWrite, long failAfterBytes, boolean failForce) {
        this.real = real;
        this.maxBytesPerWrite = maxBytesPerWrite;
        this.failAfterBytes = failAfterBytes;
        this.failForce = failForce;
    }

    /** Writes at most {@code n} bytes per call. */
    static FaultyChannel shortWrites(FileChannel real, int n) {
        return new FaultyChannel(real, n, Long.MAX_VALUE, false);
    }

    /** Throws "No space left on device" once {@code n} bytes are written. */
    static FaultyChannel failingAfter(FileChannel real, long n) {
        return new FaultyChannel(real, Integer.MAX_VALUE, n, false);
    }

    /** Writes normally, but {@link #force} throws. */
    static FaultyChannel failingForce(FileChannel real) {
        return new FaultyChannel(real, Integer.MAX_VALUE, Long.MAX_VALUE, true);
    }

    /** How often {@link #write(ByteBuffer)} was called. */
    int writeCalls() {
        return writeCalls;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        writeCalls++;
        if (written >= failAfterBytes) {
            throw new IOException("No space left on device (simulated)");
        }
        int n = (int) Math.min(Math.min(src.remaining(), maxBytesPerWrite), failAfterBytes - written);
        ByteBuffer slice = src.slice();
        slice.limit(n);
        int done = real.write(slice);
        src.position(src.position() + done);
        written += done;
        return done;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (failForce) {
            throw new IOException("Input/output error (simulated fsync failure)");
        }
        real.force(metaData);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        throw new UnsupportedOperationException("not used by AtomicFiles");
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new UnsupportedOperationException("not used by AtomicFiles");
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        throw new UnsupportedOperationException("not used by AtomicFiles");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new UnsupportedOperationException("not used by AtomicFiles");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        throw new UnsupportedOperationException("not used by AtomicFiles");
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        throw new UnsupportedOperationException("not used by AtomicFiles");
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
