package org.deidworkbench.model;

import java.util.Objects;

/**
 * One frame of a DICOM image, decoded for a person to look at (the workbench's image view): stored
 * pixel values of a grayscale image, or ARGB colours. Made by {@code job.DicomImages}; holds
 * original pixels, which may show burned-in names: never log it ({@link #toString()} gives the size
 * only).
 *
 * @param header what the file says about its image, the same for every frame
 * @param frame the frame's index, from 0
 * @param values {@code columns × rows} values, row by row: stored values (masked to Bits Stored,
 *     sign-extended when signed) for grayscale, {@code 0xAARRGGBB} for colour; empty when the header
 *     says the image cannot be shown
 * @param smallest the smallest stored value of the frame (grayscale; 0 for colour)
 * @param largest the largest stored value of the frame (grayscale; 255 for colour)
 */
public record DicomImage(Header header, int frame, int[] values, int smallest, int largest) {

    /** How the values are to be shown. */
    public enum Photometric {
        /** Grayscale, the smallest value black. */
        MONOCHROME2,
        /** Grayscale, the smallest value white. */
        MONOCHROME1,
        /** ARGB colour (converted from RGB or YBR). */
        COLOUR
    }

    /** Why an image cannot be shown. */
    public enum Unavailable {
        /** Encapsulated (compressed) pixel data: the workbench does not decode it. */
        COMPRESSED,
        /** The file has no pixel data (a report, a structured document). */
        NO_PIXEL_DATA,
        /** A layout the viewer does not show (e.g. palette colour, float pixels, more than 32 bits). */
        UNSUPPORTED,
        /** The pixel data is shorter than rows × columns × samples × frames need. */
        SHORT
    }

    /**
     * What a file says about its image, and the header values a redaction rule's {@code when}
     * matches on (equipment, never a patient's value).
     *
     * @param columns Columns (0028,0011)
     * @param rows Rows (0028,0010)
     * @param frames Number of Frames (1 when absent)
     * @param photometric how the decoded values are shown
     * @param bitsStored Bits Stored (8 for colour)
     * @param rescaleSlope Rescale Slope (1 when absent)
     * @param rescaleIntercept Rescale Intercept (0 when absent)
     * @param windowCenter the first Window Center, or NaN when the file gives none
     * @param windowWidth the first Window Width, or NaN when the file gives none
     * @param modality Modality (0008,0060), {@code ""} when absent
     * @param manufacturer Manufacturer (0008,0070), {@code ""} when absent
     * @param model Manufacturer's Model Name (0008,1090), {@code ""} when absent
     * @param sopClassUid SOP Class UID, {@code ""} when absent
     * @param unavailable why the image cannot be shown, or {@code null} when it can
     */
    public record Header(int columns, int rows, int frames, Photometric photometric, int bitsStored,
            double rescaleSlope, double rescaleIntercept, double windowCenter, double windowWidth, String modality,
            String manufacturer, String model, String sopClassUid, Unavailable unavailable) {

        public Header {
            Objects.requireNonNull(photometric, "photometric");
            Objects.requireNonNull(modality, "modality");
            Objects.requireNonNull(manufacturer, "manufacturer");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(sopClassUid, "sopClassUid");
        }

        /** Whether the file declares a window (else a viewer windows from the values). */
        public boolean hasWindow() {
            return !Double.isNaN(windowCenter) && !Double.isNaN(windowWidth) && windowWidth > 0;
        }
    }

    public DicomImage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(values, "values");
    }

    /** The value at column {@code x}, row {@code y}. */
    public int value(int x, int y) {
        return values[y * header.columns() + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DicomImage d && d.header.equals(header) && d.frame == frame
                && java.util.Arrays.equals(d.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, frame, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "DicomImage[" + header.columns() + "x" + header.rows() + ", frame " + frame + " of " + header.frames()
                + "]";
    }
}
