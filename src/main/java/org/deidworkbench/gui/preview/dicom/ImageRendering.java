package org.deidworkbench.gui.preview.dicom;

import org.deidworkbench.model.DicomImage;

/**
 * A decoded frame as screen pixels: grayscale through the modality rescale and a linear window
 * (PS3.3 C.11.2.1.2, MONOCHROME1 inverted), colour as it is. Stateless; cheap enough for the FX
 * thread (one table lookup per pixel for the usual 8- to 16-bit values).
 */
final class ImageRendering {

    /** Value ranges up to this size go through a lookup table. */
    private static final long MAX_TABLE = 1 << 20;

    private ImageRendering() {
    }

    /** {@code 0xAARRGGBB} pixels of {@code image}, row by row, through the window {@code center}/{@code width}. */
    static int[] argb(DicomImage image, double center, double width) {
        DicomImage.Header h = image.header();
        int[] values = image.values();
        if (h.photometric() == DicomImage.Photometric.COLOUR) {
            return values.clone();
        }
        boolean invert = h.photometric() == DicomImage.Photometric.MONOCHROME1;
        int[] out = new int[values.length];
        long span = (long) image.largest() - image.smallest() + 1;
        if (span > 0 && span <= MAX_TABLE) {
            int[] table = new int[(int) span];
            for (int i = 0; i < table.length; i++) {
                table[i] = gray(image.smallest() + i, h, center, width, invert);
            }
            for (int i = 0; i < values.length; i++) {
                out[i] = table[values[i] - image.smallest()];
            }
            return out;
        }
        for (int i = 0; i < values.length; i++) {
            out[i] = gray(values[i], h, center, width, invert);
        }
        return out;
    }

    /** The shade of one stored value. */
    static int gray(int stored, DicomImage.Header h, double center, double width, boolean invert) {
        double x = stored * h.rescaleSlope() + h.rescaleIntercept();
        double w = Math.max(1, width);
        double low = center - 0.5 - (w - 1) / 2;
        double high = center - 0.5 + (w - 1) / 2;
        int level;
        if (x <= low) {
            level = 0;
        } else if (x > high) {
            level = 255;
        } else {
            level = (int) Math.round(((x - (center - 0.5)) / (w - 1) + 0.5) * 255);
            level = Math.max(0, Math.min(255, level));
        }
        if (invert) {
            level = 255 - level;
        }
        return 0xFF000000 | level << 16 | level << 8 | level;
    }
}
