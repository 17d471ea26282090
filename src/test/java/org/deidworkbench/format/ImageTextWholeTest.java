package org.deidworkbench.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.deidworkbench.format.dicom.PixelMetadataTest;
import org.junit.jupiter.api.Test;

/**
 * A whole image file — what a FHIR attachment holds — without its embedded text (decision 0157): the camera's EXIF,
 * XMP and comments of a JPEG, also between the scans of a progressive one, PNG text chunks (plain and compressed),
 * {@code eXIf}, {@code tIME} and private chunks, and bytes appended after the image's end; the picture decodes the same.
 */
public class ImageTextWholeTest {

    private static final String NAME = "Hannelore Kuebler";
    private static final String SERIAL = "SN 0123456789";
    private static final String GPS = "GPS 52.5200N 13.4050E";
    private static final String TRAILER = "MotionPhoto Kuebler-Familie 2023-06-01";

    @Test
    void sniffsTheKindFromTheFirstBytesWhateverTheDeclaredType() throws Exception {
        assertEquals(ImageText.Stream.JPEG, ImageText.sniff(PixelMetadataTest.cameraJpeg()));
        assertEquals(ImageText.Stream.PNG, ImageText.sniff(png(List.of())));
        assertEquals(ImageText.Stream.JPEG_2000, ImageText.sniff(new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51}));
        assertNull(ImageText.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)));
        assertNull(ImageText.sniff(new byte[0]));
        assertNull(ImageText.withoutText("GIF89a".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aCameraJpegLosesItsTextAndKeepsItsPicture() throws Exception {
        byte[] jpeg = PixelMetadataTest.cameraJpeg();
        byte[] clean = ImageText.withoutText(jpeg);
        assertTrue(clean.length < jpeg.length, "the segments are cut out, not blanked");
        assertNothing(clean, PixelMetadataTest.PLANTED);
        assertTrue(latin1(clean).contains("JFIF"), "the segment decoders need stays");
        assertArrayEquals(pixels(jpeg), pixels(clean));
        assertSame(clean, ImageText.withoutText(clean), "nothing left to take out: the same array");
        assertTrue(joined(ImageText.texts(jpeg)).contains(PixelMetadataTest.PLANTED.get(4)));
        assertEquals(List.of(), ImageText.texts(clean));
    }

    @Test
    void aProgressiveJpegLosesTheCommentBetweenItsScansAndWhatFollowsItsEnd() throws Exception {
        byte[] progressive = progressiveJpeg();
        int second = secondScan(progressive);
        byte[] planted = concat(Arrays.copyOf(progressive, second), segment(0xFE, ascii("Befund " + NAME)),
                Arrays.copyOfRange(progressive, second, progressive.length), ascii(TRAILER));
        assertEquals(pixels(progressive).length, pixels(planted).length, "ImageIO reads the planted file");
        List<String> texts = new ArrayList<>();
        ImageText.texts(planted).forEach(t -> texts.add(latin1(t)));
        assertEquals(List.of("Befund " + NAME, TRAILER), texts);
        byte[] clean = ImageText.withoutText(planted);
        assertArrayEquals(progressive, clean, "the comment and the trailer cut out, nothing else");
    }

    @Test
    void aPngLosesItsTextChunksPlainAndCompressedItsExifTimeAndPrivateChunks() throws Exception {
        byte[] plain = png(List.of());
        byte[] planted = png(List.of(chunk("tEXt", ascii("Author\0" + NAME)),
                chunk("zTXt", concat(ascii("Comment\0\0"), deflate("Patient " + NAME))),
                chunk("iTXt", concat(ascii("Description\0\1\0de\0Beschreibung\0"), deflate("Aufnahme von " + NAME))),
                chunk("eXIf", ascii("MM\0*" + SERIAL + GPS)), chunk("tIME", new byte[] {7, (byte) 0xE7, 6, 1, 9, 30, 0}),
                chunk("prVt", ascii("Station 4B " + NAME))));
        byte[] trailed = concat(planted, ascii(TRAILER));
        assertArrayEquals(pixels(plain), pixels(trailed), "ImageIO reads the planted file");
        String texts = joined(ImageText.texts(trailed));
        for (String value : List.of("Author", "Patient " + NAME, "Aufnahme von " + NAME, SERIAL, "Station 4B", TRAILER)) {
            assertTrue(texts.contains(value), "read for the verifier, compressed ones inflated: " + value);
        }
        byte[] clean = ImageText.withoutText(trailed);
        assertArrayEquals(plain, clean, "every chunk but the picture's cut out, with what followed IEND");
        assertArrayEquals(pixels(plain), pixels(clean));
    }

    @Test
    void aPngKeepsTheChunksItsPictureIsShownWith() throws Exception {
        byte[] withColour = png(List.of(chunk("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}),
                chunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1})));
        assertSame(withColour, ImageText.withoutText(withColour));
    }

    @Test
    void aJpegLsKeepsItsColourTransformSegment() throws Exception {
        byte[] app8 = segment(0xE8, ascii("mrfx\u0002"));
        byte[] sof55 = segment(0xF7, new byte[] {8, 0, 1, 0, 1, 1, 1, 0x11, 0});
        byte[] sos = segment(0xDA, new byte[] {1, 1, 0, 0, 0, 0});
        // 0xFF 0x7F is data in JPEG-LS (a stuffed bit), a marker in JPEG
        byte[] scan = {0x12, (byte) 0xFF, 0x7F, 0x34};
        byte[] ls = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, app8, segment(0xFE, ascii(NAME)), sof55, sos, scan,
                new byte[] {(byte) 0xFF, (byte) 0xD9});
        byte[] clean = ImageText.withoutText(ls);
        assertNothing(clean, List.of(NAME));
        assertTrue(latin1(clean).contains("mrfx"), "HP's colour transform stays in JPEG-LS");
        assertArrayEquals(scan, Arrays.copyOfRange(clean, clean.length - 6, clean.length - 2));
    }

    @Test
    void anImageWhoseStructureCannotBeFollowedIsUnreadable() throws Exception {
        byte[] jpeg = PixelMetadataTest.cameraJpeg();
        ImageText.Unreadable e = assertThrows(ImageText.Unreadable.class,
                () -> ImageText.withoutText(Arrays.copyOf(jpeg, jpeg.length - 40)));
        assertEquals("its JPEG stream ends in a scan, before its end marker", e.getMessage());
        byte[] lying = png(List.of(chunk("tEXt", ascii("Author\0" + NAME))));
        lying[33] = 0x7F; // the tEXt chunk's length, past the end
        assertThrows(ImageText.Unreadable.class, () -> ImageText.withoutText(lying));
        byte[] bad = png(List.of(chunk("zTXt", ascii("Comment\0\0not zlib " + NAME))));
        assertThrows(ImageText.Unreadable.class, () -> ImageText.texts(bad), "the verifier cannot read it");
        assertNothing(ImageText.withoutText(bad), List.of(NAME));
    }

    /** Mutated images give a cleaned copy or {@link ImageText.Unreadable}, never another exception. */
    @Test
    void mutatedImagesAreCleanedOrUnreadableNeverACrash() throws Exception {
        List<byte[]> seeds = List.of(PixelMetadataTest.cameraJpeg(), progressiveJpeg(),
                png(List.of(chunk("zTXt", concat(ascii("Comment\0\0"), deflate(NAME))), chunk("tEXt", ascii("a\0b")))));
        Random random = new Random(157);
        int cleaned = 0;
        int unreadable = 0;
        for (int i = 0; i < 3_000; i++) {
            byte[] b = seeds.get(i % seeds.size()).clone();
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = random.nextInt(Math.min(b.length, 400));
                b[at] = random.nextInt(3) == 0 ? (byte) 0xFF : (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                b = Arrays.copyOf(b, random.nextInt(b.length + 1));
            }
            try {
                byte[] out = ImageText.withoutText(b);
                ImageText.texts(b);
                cleaned += out == null ? 0 : 1;
            } catch (ImageText.Unreadable e) {
                assertNotNull(e.getMessage());
                unreadable++;
            }
        }
        assertTrue(cleaned > 300 && unreadable > 300, cleaned + " cleaned, " + unreadable + " unreadable");
    }

    // ---------------------------------------------------------------- fixtures

    private static BufferedImage picture() {
        BufferedImage img = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, (x * 8) << 16 | (y * 10) << 8 | (x + y) * 4);
            }
        }
        return img;
    }

    /** A PNG as ImageIO writes it, with {@code chunks} inserted after IHDR. */
    public static byte[] png(List<byte[]> chunks) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(picture(), "png", out);
        byte[] b = out.toByteArray();
        int afterIhdr = 8 + 12 + 13;
        List<byte[]> parts = new ArrayList<>();
        parts.add(Arrays.copyOf(b, afterIhdr));
        parts.addAll(chunks);
        parts.add(Arrays.copyOfRange(b, afterIhdr, b.length));
        return concat(parts.toArray(new byte[0][]));
    }

    public static byte[] chunk(String type, byte[] data) {
        byte[] t = ascii(type);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        return concat(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8),
            (byte) data.length}, t, data, new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
    }

    private static byte[] deflate(String text) {
        Deflater d = new Deflater();
        d.setInput(text.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] buffer = new byte[1024];
        int n = d.deflate(buffer);
        d.end();
        return Arrays.copyOf(buffer, n);
    }

    /** A progressive JPEG of a small picture (several scans), as the JDK's encoder writes it. */
    public static byte[] progressiveJpeg() throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(picture(), null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    /** Where the second scan's tables or SOS start: after the first scan's entropy-coded data. */
    private static int secondScan(byte[] jpeg) {
        int sos = 0;
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                if (sos > 0) {
                    // back to the marker that opens the segments before this SOS (DHT, if any)
                    for (int k = sos + 2; k < i; k++) {
                        int m = jpeg[k + 1] & 0xFF;
                        if ((jpeg[k] & 0xFF) == 0xFF && m != 0 && m != 0xFF && (m < 0xD0 || m > 0xD7)) {
                            return k;
                        }
                    }
                }
                sos = i;
            }
        }
        throw new AssertionError("not progressive: one scan");
    }

    static byte[] segment(int marker, byte[] payload) {
        int length = payload.length + 2;
        return concat(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >>> 8), (byte) length}, payload);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String joined(List<byte[]> texts) {
        StringBuilder b = new StringBuilder();
        texts.forEach(t -> b.append(latin1(t)).append('\n'));
        return b.toString();
    }

    private static void assertNothing(byte[] b, List<String> values) {
        String s = latin1(b);
        for (String v : values) {
            assertFalse(s.contains(v), () -> "left in the image: a planted value");
        }
    }

    public static int[] pixels(byte[] image) throws Exception {
        return PixelMetadataTest.pixels(image);
    }
}
