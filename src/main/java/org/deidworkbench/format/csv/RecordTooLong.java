package org.deidworkbench.format.csv;

import java.io.IOException;

/**
 * Raised inside the decoding stream when the parser keeps reading far past the start of the current record,
 * which in practice means a quote that is never closed; stops the parser before it fills the heap.
 */
final class RecordTooLong extends IOException {

    private static final long serialVersionUID = 1L;

    RecordTooLong() {
        super("record too long");
    }
}
