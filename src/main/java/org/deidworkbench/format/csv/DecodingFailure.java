package org.deidworkbench.format.csv;

import java.io.IOException;

/**
 * Raised inside the decoding stream when bytes are not valid in the file's encoding; carries the place so that
 * {@link CsvRecordReader} can turn it into {@code CSV-ENCODING}. Never carries the offending bytes.
 */
final class DecodingFailure extends IOException {

    private static final long serialVersionUID = 1L;

    private final long line;
    private final long byteOffset;

    DecodingFailure(long line, long byteOffset) {
        super("invalid bytes at line " + line + ", byte offset " + byteOffset);
        this.line = line;
        this.byteOffset = byteOffset;
    }

    long line() {
        return line;
    }

    long byteOffset() {
        return byteOffset;
    }
}
