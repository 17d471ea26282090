package org.deidworkbench.io;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream over another that flushes it when closed but leaves it open, for a stream whose owner closes it
 * later: a file of {@link AtomicFiles}, or a part's channel that a sync thread forces before closing it.
 */
public final class LeavesOpen extends FilterOutputStream {

    public LeavesOpen(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
