package org.deidworkbench.format;

/** The input formats the workbench recognises by content. */
public enum FileFormat {
    /** DICOM Part 10 (with or without preamble) or a bare DICOM data set. */
    DICOM("DICOM files"),
    /** A FHIR resource or Bundle in JSON. */
    FHIR_JSON("FHIR resources (JSON)"),
    /** FHIR bulk export: one JSON resource per line. */
    FHIR_NDJSON("FHIR bulk exports (NDJSON)"),
    /** A FHIR resource or Bundle in XML. */
    FHIR_XML("FHIR resources (XML)"),
    /** HL7 v2 messages (ER7), one after another: an interface's archive, a feed saved to disk (decision 0182). */
    HL7V2("HL7 v2 message files"),
    /** Delimited text with a header row. */
    CSV("CSV exports"),
    /** Nothing the workbench can clean; such files are quarantined, never copied. */
    UNKNOWN("unrecognised files");

    private final String description;

    FileFormat(String description) {
        this.description = description;
    }

    /** Plural, readable, for messages: {@code DICOM files}. */
    public String description() {
        return description;
    }
}
