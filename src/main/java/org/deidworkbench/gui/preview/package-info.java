/**
 * The preview: Original | De-identified | Differences of the selected file, computed in memory by
 * the real engine through {@code job.PreviewJob}, with originals of changed fields masked until
 * revealed, and the inspector ("why") for the selected field. One subpackage per layout.
 */
package org.deidworkbench.gui.preview;
