package org.deidworkbench.gui.preview;

/** Which values a preview tab shows. */
public enum Side {
    /** The values as read (changed ones masked until revealed). */
    ORIGINAL,
    /** The values as a run would write them. */
    CLEANED
}
