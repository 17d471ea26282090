package org.deidworkbench.gui.preview.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.deidworkbench.model.DicomImage;
import org.junit.jupiter.api.Test;

/** Stored values through rescale and window to screen pixels. */
class ImageRenderingTest {

    private static DicomImage.Header header(DicomImage.Photometric photometric, double slope, double intercept) {
        return new DicomImage.Header(3, 1, 1, photometric, 12, slope, intercept, Double.NaN, Double.NaN, "CT", "", "", "",
                null);
    }

    private static int level(int argb) {
        return argb & 0xFF;
    }

    @Test
    void valuesBelowTheWindowAreBlackAboveItWhiteAndTheCentreMidGray() {
        DicomImage img = new DicomImage(header(DicomImage.Photometric.MONOCHROME2, 1, 0), 0, new int[] {0, 100, 200},
                0, 200);
        int[] px = ImageRendering.argb(img, 100.5, 101);
        assertEquals(0, level(px[0]));
        assertEquals(128, level(px[1]));
        assertEquals(255, level(px[2]));
    }

    @Test
    void theRescaleIsAppliedBeforeTheWindow() {
        DicomImage img = new DicomImage(header(DicomImage.Photometric.MONOCHROME2, 2, -1000), 0, new int[] {500, 550, 600},
                500, 600);
        int[] px = ImageRendering.argb(img, 100.5, 101);
        assertEquals(0, level(px[0]));
        assertEquals(128, level(px[1]));
        assertEquals(255, level(px[2]));
    }

    @Test
    void monochrome1IsInverted() {
        DicomImage img = new DicomImage(header(DicomImage.Photometric.MONOCHROME1, 1, 0), 0, new int[] {0, 100, 200},
                0, 200);
        assertEquals(255, level(ImageRendering.argb(img, 100, 101)[0]));
    }

    @Test
    void colourIsShownAsItIs() {
        int[] argb = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF};
        DicomImage img = new DicomImage(header(DicomImage.Photometric.COLOUR, 1, 0), 0, argb, 0, 255);
        assertArrayEquals(argb, ImageRendering.argb(img, 0, 1));
    }

    @Test
    void pixelsAreOpaque() {
        DicomImage img = new DicomImage(header(DicomImage.Photometric.MONOCHROME2, 1, 0), 0, new int[] {-5, 0, 70000},
                -5, 70000);
        for (int p : ImageRendering.argb(img, 0, 10)) {
            assertEquals(0xFF, p >>> 24);
        }
    }
}
