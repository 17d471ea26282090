package org.deidworkbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which media types are image streams read for their text, and what a stream that is not whole asks for. */
class ImageTextTest {

    @Test
    void jpegJpeg2000JpegLsJpegXlAndPngMediaTypesAreRead() {
        assertEquals(ImageText.Stream.JPEG, ImageText.ofMediaType("image/jpeg"));
        assertEquals(ImageText.Stream.JPEG, ImageText.ofMediaType(" IMAGE/JPG ; name=x.jpg"));
        assertEquals(ImageText.Stream.JPEG_2000, ImageText.ofMediaType("image/jp2"));
        assertEquals(ImageText.Stream.JPEG_LS, ImageText.ofMediaType("image/jls"));
        assertEquals(ImageText.Stream.JPEG_XL, ImageText.ofMediaType("image/jxl"));
        assertEquals(ImageText.Stream.PNG, ImageText.ofMediaType("image/png"));
        assertNull(ImageText.ofMediaType("image/tiff"));
        assertNull(ImageText.ofMediaType(null));
    }

    @Test
    void aJpegXlContainerGivenInPartAsksForTheWholeStream() {
        byte[] head = {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A, 0, 0};
        assertThrows(ImageText.MoreBytes.class, () -> ImageText.segments(head, false, ImageText.Stream.JPEG_XL));
    }

    @Test
    void aJpegWithoutTextSegmentsHasNone() throws Exception {
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 4, 'J', 'F', (byte) 0xFF, (byte) 0xDA, 0, 2};
        assertEquals(List.of(), ImageText.segments(jpeg, true, ImageText.Stream.JPEG));
    }
}
