/**
 * The tree layout of a preview (DICOM elements, FHIR resources): nested fields with their values,
 * changed rows highlighted. Generic over the format: any {@code Layout.TREE} preview shows here.
 */
package org.deidworkbench.gui.preview.tree;
