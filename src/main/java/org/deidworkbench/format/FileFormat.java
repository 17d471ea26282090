package org.deidworkbench.format;

/** The input formats the workbench recognises by content. */
public enum FileFormat {
    /** DICOM Part 10 (with or without preamble) or a bare DICOM data set. */
    DICOM,
    /** A FHIR resource or Bundle in JSON. */
    FHIR_JSON,
    /** FHIR bulk export: one JSON resource per line. */
    FHIR_NDJSON,
    /** A FHIR resource or Bundle in XML. */
    FHIR_XML,
    /** Delimited text with a header row. */
    CSV,
    /** Nothing the workbench can clean; such files are quarantined, never copied. */
    UNKNOWN
}
