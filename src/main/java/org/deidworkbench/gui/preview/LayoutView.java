package org.deidworkbench.gui.preview;

import javafx.scene.Node;
import org.deidworkbench.model.FilePreview;

/**
 * One side (original or de-identified) of a preview in one layout: a table for CSV, a tree for
 * DICOM and FHIR. Each layout lives in its own subpackage; the main window says which view shows
 * which layout, so this package depends on none of them.
 */
public interface LayoutView {

    /** The node for the tab. */
    Node node();

    /** Shows {@code preview}. */
    void show(FilePreview preview);

    /** Redraws the values (after reveal was toggled). */
    void refresh();

    /** Makes the view of a layout and side. */
    @FunctionalInterface
    interface Factory {
        LayoutView create(FilePreview.Layout layout, Side side);
    }
}
