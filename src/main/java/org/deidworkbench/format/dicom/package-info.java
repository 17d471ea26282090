/**
 * Our own DICOM Part 10 codec (see decision record 0001) and DICOM specifics.
 */
package org.deidworkbench.format.dicom;
