/**
 * The preview's Image tab for DICOM files: the original frame with the profile's redaction boxes,
 * editable with the mouse, beside the frame as a run writes it; window and level, frames.
 */
package org.deidworkbench.gui.preview.dicom;
