package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;

/**
 * One record of a {@link FilePreview}: a CSV row, a DICOM data set or a FHIR resource.
 *
 * @param label where it is in the file, e.g. {@code line 7}, {@code data set},
 *     {@code entry 3 (Observation)}; never an original value
 * @param fields its fields in file order
 */
public record PreviewRecord(String label, List<PreviewField> fields) {

    public PreviewRecord {
        Objects.requireNonNull(label, "label");
        fields = List.copyOf(fields);
    }

    /** Fields that changed, at any depth. */
    public long changedFields() {
        return fields.stream().mapToLong(PreviewField::changedFields).sum();
    }

    @Override
    public String toString() {
        return "PreviewRecord[" + label + ", " + fields.size() + " fields]";
    }
}
