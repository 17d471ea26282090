package org.deidworkbench.io;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * A second way into an output stream: a region of another file, written as if its bytes had been
 * written through the stream at this point, after everything written before. A stream that can move
 * such bytes without the caller reading them into its own buffers first implements it; a writer copying
 * a value unchanged from its source file asks for it with {@code instanceof}, and writes through the
 * stream otherwise. Whatever the stream does with the bytes it writes (count, hash, force) it does with
 * these too.
 */
public interface FileRegionSink {

    /**
     * Writes {@code length} bytes of {@code source} from {@code position} (the channel's own position is
     * not used nor moved).
     *
     * @throws java.io.EOFException when {@code source} ends before the region does
     * @throws IOException when reading or writing fails
     */
    void writeRegion(FileChannel source, long position, long length) throws IOException;
}
