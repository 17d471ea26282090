package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;

/**
 * One file de-identified in memory, for a steward to compare before it leaves: the original and the
 * cleaned value of every field of the first records, what changed and which rule did it. Made by
 * {@code deid preview} and the workbench's Original | De-identified | Differences view; nothing is
 * written and nothing is added to a key file.
 *
 * <p>Holds original identifying values: never log it. {@link #toString()} shows counts only.
 *
 * @param format the detected format, e.g. {@code CSV}, {@code DICOM}, {@code FHIR_JSON}
 * @param layout how to show it: a table (CSV) or a tree (DICOM elements, FHIR resources)
 * @param columns for {@link Layout#TABLE}: the input's column names in order (every record has one
 *     field per column, in this order, but a report's title, page-break and closing lines around and inside a CSV
 *     table, which have one field, in the first column: decisions 0173, 0174); empty for trees
 * @param records the first records (rows, data sets, resources), at most the limit asked for (a CSV report's own
 *     lines not counted)
 * @param recordsRead records read to make the preview (more than {@code records.size()} only when
 *     the file was cut off at the limit)
 * @param truncated whether the file has records beyond those shown
 * @param problems values that could not be transformed (emptied), with their place
 */
public record FilePreview(String format, Layout layout, List<String> columns, List<PreviewRecord> records,
        long recordsRead, boolean truncated, List<Problem> problems) {

    /** How a preview is best shown. */
    public enum Layout {
        /** Rows × columns: every record has the same fields in the order of {@code columns}. */
        TABLE,
        /** Nested fields (sequences, backbone elements): records are trees. */
        TREE
    }

    public FilePreview {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(layout, "layout");
        columns = List.copyOf(columns);
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }

    /** Fields that changed (at any depth) over all records shown. */
    public long changedFields() {
        return records.stream().mapToLong(PreviewRecord::changedFields).sum();
    }

    @Override
    public String toString() {
        return "FilePreview[" + format + ", " + records.size() + " records, " + changedFields() + " changed fields]";
    }
}
