/**
 * DICOM de-identification on the {@code dicom} codec: PS3.15 Annex E profile and options, keyed
 * UID map, identifiers, dates, private tags, marking and pixel redaction, plugged into runs through
 * {@code format.FormatHandler}.
 */
package org.deidworkbench.format.dicom;
