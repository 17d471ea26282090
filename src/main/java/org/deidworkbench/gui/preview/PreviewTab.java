package org.deidworkbench.gui.preview;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/**
 * A tab the preview shows besides Original | De-identified | Differences for the files it concerns
 * (the DICOM image). Like a {@link LayoutView} it lives in its own subpackage and the main window
 * hands it in, so this package depends on none of them.
 */
public interface PreviewTab {

    /** The tab's title, a message key. */
    String titleKey();

    /** The tab's node id, e.g. {@code imageTab}. */
    String id();

    /** The tab's content. */
    Node node();

    /** Whether the tab is shown for the file selected now. */
    ObservableBooleanValue shownProperty();
}
