package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A pixel redaction rule of a profile's {@code dicom:} section: images whose header meets every
 * condition get the rectangles filled with zeros in every frame before they are written. An image
 * that carries, or is of a kind known to carry, burned-in annotation is withheld unless such a rule
 * matches it; an empty rectangle list is a steward's statement that matching images carry none.
 *
 * @param id stable id used in reports
 * @param manufacturer Manufacturer (0008,0070) must equal this (trimmed, case-insensitive), if given
 * @param model Manufacturer's Model Name (0008,1090) must equal this, if given
 * @param modality Modality (0008,0060) must equal this, if given
 * @param sopClassUid SOP Class UID (0008,0016) must equal this, if given
 * @param rows Rows (0028,0010) must equal this, if given
 * @param columns Columns (0028,0011) must equal this, if given
 * @param rectangles the areas to fill, in pixels of the image
 * @param location where the rule is written
 */
public record DicomRedaction(String id, Optional<String> manufacturer, Optional<String> model,
        Optional<String> modality, Optional<String> sopClassUid, Optional<Integer> rows, Optional<Integer> columns,
        List<Rectangle> rectangles, SourceLocation location) {

    /** An area of an image: left column, top row, width and height in pixels (all ≥ 0, width and height ≥ 1). */
    public record Rectangle(int x, int y, int width, int height) {
        public Rectangle {
            if (x < 0 || y < 0 || width < 1 || height < 1) {
                throw new IllegalArgumentException("a rectangle needs x, y >= 0 and width, height >= 1");
            }
        }
    }

    public DicomRedaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        rectangles = List.copyOf(rectangles);
        Objects.requireNonNull(location, "location");
    }
}
