package org.deidworkbench.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file could not be put in place atomically: the file system cannot rename atomically, or a
 * write or sync failed. The target is unchanged and no temporary file remains.
 */
public final class AtomicWriteException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path target;

    /** @param target the file that was to be written; message says why, naming no data */
    public AtomicWriteException(Path target, String message, Throwable cause) {
        super(message, cause);
        this.target = target;
    }

    /** The file that was to be written. */
    public Path target() {
        return target;
    }
}
