package org.deidworkbench.gui.inputs;

/** The badge of a file in the input tree. */
public enum FileStatus {
    /** Not previewed or run yet. */
    PENDING,
    /** Previewed or written cleanly. */
    CLEAN,
    /** Not cleaned by this version or quarantined: never copied. */
    WITHHELD,
    /** Could not be read or cleaned. */
    ERROR;

    /** The style class and the message key suffix of the badge, e.g. {@code pending}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
