package org.deidworkbench.format.csv;

import java.io.IOException;

/**
 * Raised inside the decoding stream when bytes are not valid in the file's encoding; carries the byte offset, from
 * which {@link CsvRecordReader} finds the line ({@link StrictDecodingReader#lineAt}) for {@code CSV-ENCODING}.
 * Never carries the offending bytes.
 */
final class DecodingFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final long byteOffset;

    /** @param byteOffset where the invalid bytes start, counted from the start of the file (a byte order mark included) */
    DecodingFailure(long byteOffset) {
        super("invalid bytes at byte offset " + byteOffset);
        this.byteOffset = byteOffset;
    }

    long byteOffset() {
        return byteOffset;
    }
}
