package org.deidworkbench.job;

import java.util.Objects;

/**
 * A file's detected format and whether this version cleans it: what the workbench's input tree
 * shows (format icon, "withheld" badge) before anything runs. Names no value of the file.
 *
 * @param format the format's name, e.g. {@code CSV}, {@code DICOM}, {@code FHIR_JSON}, {@code UNKNOWN}
 * @param description readable and plural, e.g. {@code CSV exports}
 * @param cleanable whether a run de-identifies such files (else they are withheld, never copied)
 * @param withheldCode for files that are not cleanable, the code a run reports, e.g.
 *     {@code FORMAT-NOT-YET-SUPPORTED}; empty otherwise
 * @param withheldReason for files that are not cleanable, the reason a run reports; empty otherwise
 */
public record FileKind(String format, String description, boolean cleanable, String withheldCode,
        String withheldReason) {

    public FileKind {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(withheldCode, "withheldCode");
        Objects.requireNonNull(withheldReason, "withheldReason");
    }
}
