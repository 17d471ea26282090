package org.deidworkbench.gui.preview;

import java.util.Objects;
import org.deidworkbench.model.PreviewField;

/**
 * One changed field in the Differences tab: where it is and what happened to it.
 *
 * @param record the record's label, e.g. {@code line 7}
 * @param recordIndex position of the record in the preview
 * @param field the field (with its original, cleaned value and rule)
 */
public record DiffRow(String record, int recordIndex, PreviewField field) {

    public DiffRow {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
        return "DiffRow[" + record + ", " + field + "]";
    }
}
