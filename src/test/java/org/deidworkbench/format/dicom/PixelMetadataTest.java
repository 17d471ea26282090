package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.dicom.BulkData;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomTestFiles;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Fragment;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.WithheldException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera's EXIF, XMP, IPTC captions and comments inside JPEG, JPEG-LS and JPEG 2000 frames are blanked where they
 * stand; the picture and every length stay as they were (decision 0156).
 */
public class PixelMetadataTest {

    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    private static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    private static final String JPEG_2000 = "1.2.840.10008.1.2.4.90";
    private static final String VL_PHOTOGRAPHIC = "1.2.840.10008.5.1.4.1.1.77.1.4";
    /** What a camera and a photo tool write, none of which may leave. */
    public static final List<String> PLANTED = List.of("Canon EOS 5D Mark IV", "SN 0123456789", "2023:03:12 10:15:42",
            "52 deg 31' 12.0\" N", "Photo: Hannelore Kuebler", "Caption: Kuebler-Schmitz wound day 3");

    @TempDir
    Path dir;

    /** A small baseline JPEG of a gradient, as the JDK's encoder writes it (SOI, APP0 JFIF, tables, SOS ...). */
    static byte[] plainJpeg() throws Exception {
        BufferedImage img = new BufferedImage(24, 16, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                img.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | (x + y) * 5);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, "jpg", out));
        return out.toByteArray();
    }

    static byte[] segment(int marker, byte[] payload) {
        byte[] s = new byte[4 + payload.length];
        s[0] = (byte) 0xFF;
        s[1] = (byte) marker;
        s[2] = (byte) ((payload.length + 2) >> 8);
        s[3] = (byte) (payload.length + 2);
        System.arraycopy(payload, 0, s, 4, payload.length);
        return s;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The JPEG with an EXIF APP1, an XMP APP1, an IPTC APP13 and a COM after its JFIF segment, of even length. */
    public static byte[] cameraJpeg() throws Exception {
        byte[] plain = plainJpeg();
        int afterApp0 = 4 + ((plain[4] & 0xFF) << 8 | plain[5] & 0xFF);
        byte[] exif = concat(ascii("Exif\0\0MM\0*"), ascii(PLANTED.get(0) + "\0" + PLANTED.get(1) + "\0"
                + PLANTED.get(2) + "\0" + PLANTED.get(3)));
        byte[] xmp = ascii("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><dc:creator>" + PLANTED.get(4)
                + "</dc:creator></x:xmpmeta>");
        byte[] iptc = ascii("Photoshop 3.0\08BIM\u0004\u0004\0\0\0\0\0\u0020\u001c\u0002\u0078" + PLANTED.get(5));
        byte[] jpeg = concat(Arrays.copyOf(plain, afterApp0), segment(0xE1, exif), segment(0xE1, xmp),
                segment(0xED, iptc), segment(0xFE, ascii(PLANTED.get(4))),
                Arrays.copyOfRange(plain, afterApp0, plain.length));
        return jpeg.length % 2 == 0 ? jpeg : Arrays.copyOf(jpeg, jpeg.length + 1);
    }

    static Dataset photo(List<Fragment> fragments) {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, VL_PHOTOGRAPHIC);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.3.4.5.6.7");
        ds.putStrings(0x00080060, VR.CS, "XC");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "PID-0001");
        ds.putLongs(0x00280002, VR.US, 3);
        ds.putStrings(0x00280004, VR.CS, "YBR_FULL_422");
        ds.putLongs(0x00280006, VR.US, 0);
        ds.putLongs(0x00280010, VR.US, 16);
        ds.putLongs(0x00280011, VR.US, 24);
        ds.putLongs(0x00280100, VR.US, 8);
        ds.putLongs(0x00280101, VR.US, 8);
        ds.putLongs(0x00280102, VR.US, 7);
        ds.putLongs(0x00280103, VR.US, 0);
        ds.put(Element.ofFragments(Tag.PIXEL_DATA, VR.OB, fragments));
        return ds;
    }

    /** The file is withheld with the pixel-data code, its message saying {@code why}. */
    private static void assertWithheld(Dataset ds, TransferSyntax ts, String why) {
        WithheldException e = assertThrows(WithheldException.class, () -> PixelMetadata.blank(ds, ts));
        assertEquals(PixelMetadata.UNREADABLE, e.code());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void assertNothingPlanted(byte[] b) {
        String s = latin1(b);
        for (String p : PLANTED) {
            assertFalse(s.contains(p), () -> "left in the pixel data: a planted camera value");
        }
    }

    /** The decoded pixels of an image ImageIO reads (JPEG, PNG), in ARGB. */
    public static int[] pixels(byte[] jpeg) throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    @Test
    void aCamerasExifXmpCaptionAndCommentAreBlankedAndThePictureDecodesAsBefore() throws Exception {
        byte[] jpeg = cameraJpeg();
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jpeg)));
        assertEquals(4, PixelMetadata.blank(ds, TransferSyntax.of(JPEG_BASELINE)));
        byte[] out = ds.get(Tag.PIXEL_DATA).fragments().get(1).bytes();
        assertEquals(jpeg.length, out.length);
        assertNothingPlanted(out);
        int sos = latin1(jpeg).indexOf("\u00FF\u00DA");
        assertArrayEquals(Arrays.copyOfRange(jpeg, sos, jpeg.length), Arrays.copyOfRange(out, sos, out.length),
                "the coded picture is untouched");
        assertArrayEquals(Arrays.copyOf(jpeg, 20), Arrays.copyOf(out, 20), "SOI and the JFIF segment stay");
        assertArrayEquals(pixels(jpeg), pixels(out));
    }

    @Test
    void aJpegWithoutMetadataIsLeftAsItIs() throws Exception {
        byte[] plain = plainJpeg();
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(plain.length % 2 == 0 ? plain
                : Arrays.copyOf(plain, plain.length + 1))));
        Element before = ds.get(Tag.PIXEL_DATA);
        assertEquals(0, PixelMetadata.blank(ds, TransferSyntax.of(JPEG_BASELINE)));
        assertSame(before, ds.get(Tag.PIXEL_DATA));
    }

    @Test
    void aFrameLeftInTheSourceFileIsBlankedInACopy() throws Exception {
        byte[] jpeg = cameraJpeg();
        Path source = dir.resolve("source.bin");
        Files.write(source, concat(new byte[100], jpeg));
        Dataset ds = photo(List.of(Fragment.of(new byte[0]),
                Fragment.of(new BulkData(source, 100, jpeg.length, false))));
        assertEquals(4, PixelMetadata.blank(ds, TransferSyntax.of(JPEG_BASELINE)));
        byte[] out = ds.get(Tag.PIXEL_DATA).fragments().get(1).bytes();
        assertNothingPlanted(out);
        assertArrayEquals(pixels(jpeg), pixels(out));
        assertArrayEquals(concat(new byte[100], jpeg), Files.readAllBytes(source), "the input is not modified");
    }

    /**
     * A frame may span fragments (PS3.5 A.4): a segment whose payload runs on into the next fragment is blanked in both
     * (decision 0166; decision 0156 withheld the file).
     */
    @Test
    void aSegmentThatRunsIntoTheNextFragmentIsBlankedInBoth() throws Exception {
        byte[] jpeg = cameraJpeg();
        int inExif = latin1(jpeg).indexOf("Canon") + 2;
        inExif += inExif % 2;
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(Arrays.copyOf(jpeg, inExif)),
                Fragment.of(Arrays.copyOfRange(jpeg, inExif, jpeg.length))));
        assertEquals(4, PixelMetadata.blank(ds, TransferSyntax.of(JPEG_BASELINE)));
        List<Fragment> out = ds.get(Tag.PIXEL_DATA).fragments();
        assertEquals(inExif, out.get(1).length());
        assertEquals(jpeg.length - inExif, out.get(2).length());
        byte[] joined = concat(out.get(1).bytes(), out.get(2).bytes());
        assertNothingPlanted(joined);
        assertFalse(latin1(out.get(1).bytes()).contains("Can"), "the first part of the EXIF is blanked too");
        assertArrayEquals(pixels(jpeg), pixels(joined));
    }

    @Test
    void jpegLsKeepsItsColourTransformSegmentAndLosesItsComment() throws Exception {
        byte[] stream = concat(new byte[] {(byte) 0xFF, (byte) 0xD8}, segment(0xE8, ascii("mrfx\u0001")),
                segment(0xFE, ascii(PLANTED.get(4))), segment(0xF7, new byte[] {8, 0, 1, 0, 1, 1, 1, 0x11, 0}),
                new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0, 0, 0x55, (byte) 0xFF, (byte) 0xD9, 0});
        Dataset ls = photo(List.of(Fragment.of(new byte[0]), Fragment.of(stream)));
        assertEquals(1, PixelMetadata.blank(ls, TransferSyntax.of(JPEG_LS)));
        byte[] out = ls.get(Tag.PIXEL_DATA).fragments().get(1).bytes();
        assertTrue(latin1(out).contains("mrfx"), "HP's colour transform is needed to decode JPEG-LS");
        assertNothingPlanted(out);
        Dataset labelledJpeg = photo(List.of(Fragment.of(new byte[0]), Fragment.of(stream)));
        assertEquals(1, PixelMetadata.blank(labelledJpeg, TransferSyntax.of(JPEG_BASELINE)),
                "its JPEG-LS frame segment (SOF55) says what the stream is, whatever the transfer syntax says");
        byte[] jpeg = stream.clone();
        jpeg[latin1(stream).indexOf("\u00FF\u00F7") + 1] = (byte) 0xC0; // the same segments in a baseline frame
        Dataset asJpeg = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jpeg)));
        assertEquals(2, PixelMetadata.blank(asJpeg, TransferSyntax.of(JPEG_BASELINE)),
                "APP8 is metadata outside JPEG-LS");
    }

    @Test
    void aJpeg2000CommentIsBlankedAndItsRegistrationKept() throws Exception {
        byte[] comment = concat(new byte[] {0, 1}, ascii(PLANTED.get(4)));
        byte[] stream = concat(new byte[] {(byte) 0xFF, 0x4F}, segment(0x51, new byte[38]), segment(0x64, comment),
                new byte[] {(byte) 0xFF, (byte) 0x90, 0, 10, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xFF, (byte) 0x93});
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(stream)));
        assertEquals(1, PixelMetadata.blank(ds, TransferSyntax.of(JPEG_2000)));
        byte[] out = ds.get(Tag.PIXEL_DATA).fragments().get(1).bytes();
        assertNothingPlanted(out);
        int com = latin1(stream).indexOf("\u00FF\u0064");
        assertArrayEquals(Arrays.copyOf(stream, com + 6), Arrays.copyOf(out, com + 6), "Lcom and Rcom stay");
        assertEquals(stream.length, out.length);
    }

    static byte[] box(String type, byte[] payload) {
        int n = 8 + payload.length;
        return concat(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n}, ascii(type), payload);
    }

    /** A JPEG XL container: signature, file type, EXIF, XMP, the codestream, and a box of the given type after it. */
    static byte[] jxlContainer(String last) {
        byte[] codestream = concat(new byte[] {(byte) 0xFF, 0x0A}, new byte[30]);
        byte[] c = concat(new byte[] {0, 0, 0, 0x0C, 'J', 'X', 'L', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A},
                box("ftyp", ascii("jxl \0\0\0\0jxl ")), box("Exif", ascii("\0\0\0\0MM\0*" + PLANTED.get(1))),
                box("jxlc", codestream), box(last, ascii("<x:xmpmeta>" + PLANTED.get(4) + "</x:xmpmeta>")));
        return c.length % 2 == 0 ? c : Arrays.copyOf(c, c.length + 1);
    }

    @Test
    void aJpegXlContainersExifAndXmpBoxesAreBlankedEvenAfterTheCodestream() throws Exception {
        byte[] container = jxlContainer("xml ");
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(container)));
        assertEquals(2, PixelMetadata.blank(ds, TransferSyntax.of("1.2.840.10008.1.2.4.112")));
        byte[] out = ds.get(Tag.PIXEL_DATA).fragments().get(1).bytes();
        assertNothingPlanted(out);
        assertEquals(container.length, out.length);
        int codestream = latin1(container).indexOf("jxlc") + 4;
        assertArrayEquals(Arrays.copyOfRange(container, codestream, codestream + 32),
                Arrays.copyOfRange(out, codestream, codestream + 32), "the codestream is untouched");
    }

    @Test
    void aJpegXlBoxOfCompressedMetadataWithholdsTheFile() {
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jxlContainer("brob"))));
        assertWithheld(ds, TransferSyntax.of("1.2.840.10008.1.2.4.110"), "Brotli-compressed metadata");
    }

    @Test
    void aBareJpegXlCodestreamHasNoBoxes() throws Exception {
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(concat(new byte[] {(byte) 0xFF, 0x0A},
                new byte[30]))));
        assertEquals(0, PixelMetadata.blank(ds, TransferSyntax.of("1.2.840.10008.1.2.4.112")));
    }

    @Test
    void compressedPixelDataInATransferSyntaxTheCodecDoesNotKnowWithholdsTheFile() {
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jxlContainer("xml "))));
        assertWithheld(ds, TransferSyntax.of("1.2.840.99999.1.2.4.7"), "does not know (1.2.840.99999.1.2.4.7)");
    }

    /**
     * Damaged and hostile streams — every byte of the header region changed, lengths that lie, truncations — give a
     * blanked copy or a withheld file with its reason, never another exception (which would end as an internal error).
     */
    @Test
    void damagedStreamsAreBlankedOrWithheldNeverACrash() throws Exception {
        java.util.Random random = new java.util.Random(20261204);
        List<byte[]> seeds = List.of(cameraJpeg(), jxlContainer("xml "));
        List<TransferSyntax> syntaxes = List.of(TransferSyntax.of(JPEG_BASELINE), TransferSyntax.of(JPEG_LS),
                TransferSyntax.of(JPEG_2000), TransferSyntax.of("1.2.840.10008.1.2.4.112"));
        int withheld = 0;
        for (int round = 0; round < 4_000; round++) {
            byte[] b = seeds.get(round % 2).clone();
            switch (round % 4) {
                case 0 -> b[random.nextInt(Math.min(b.length, 400))] = (byte) random.nextInt(256);
                case 1 -> {
                    int at = random.nextInt(Math.min(b.length, 400) - 4);
                    b[at] = (byte) 0xFF;
                    b[at + 1] = (byte) random.nextInt(256);
                    b[at + 2] = (byte) random.nextInt(256);
                    b[at + 3] = (byte) random.nextInt(256);
                }
                case 2 -> b = Arrays.copyOf(b, 2 + random.nextInt(b.length - 2));
                default -> {
                    for (int k = 0; k < 8; k++) {
                        b[random.nextInt(Math.min(b.length, 200))] = (byte) 0xFF;
                    }
                }
            }
            Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(b)));
            try {
                PixelMetadata.blank(ds, syntaxes.get(round % syntaxes.size()));
                assertEquals(b.length, ds.get(Tag.PIXEL_DATA).fragments().get(1).length(), "the length stays");
            } catch (WithheldException e) {
                assertEquals(PixelMetadata.UNREADABLE, e.code());
                withheld++;
            }
        }
        assertTrue(withheld > 100 && withheld < 4_000, "withheld " + withheld + " of 4,000");
    }

    @Test
    void aJpegXlBoxWhoseSizeLiesPastTheEndOfEverythingIsWithheld() {
        byte[] c = jxlContainer("xml ");
        int exif = latin1(c).indexOf("Exif") - 4;
        byte[] lying = concat(Arrays.copyOf(c, exif), new byte[] {0, 0, 0, 1}, ascii("Exif"),
                new byte[] {0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xF0},
                Arrays.copyOfRange(c, exif + 8, c.length));
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(lying)));
        assertWithheld(ds, TransferSyntax.of("1.2.840.10008.1.2.4.112"), "box runs past the end");
    }

    /** A JP2 file where DICOM wants the bare codestream (GDCM wrote some): its XML box and its codestream's comment. */
    @Test
    void aJp2FilesXmlBoxAndItsCodestreamsCommentAreBlanked() throws Exception {
        byte[] comment = concat(new byte[] {0, 1}, ascii(PLANTED.get(5)));
        byte[] codestream = concat(new byte[] {(byte) 0xFF, 0x4F}, segment(0x51, new byte[38]), segment(0x64, comment),
                new byte[] {(byte) 0xFF, (byte) 0x90, 0, 10, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xFF, (byte) 0x93});
        byte[] jp2 = concat(new byte[] {0, 0, 0, 0x0C, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A},
                box("ftyp", ascii("jp2 \0\0\0\0jp2 ")), box("xml ", ascii("<creator>" + PLANTED.get(4) + "</creator>")),
                box("jp2c", codestream));
        byte[] even = jp2.length % 2 == 0 ? jp2 : Arrays.copyOf(jp2, jp2.length + 1);
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(even)));
        assertEquals(2, PixelMetadata.blank(ds, TransferSyntax.of(JPEG_2000)));
        byte[] out = ds.get(Tag.PIXEL_DATA).fragments().get(1).bytes();
        assertNothingPlanted(out);
        assertEquals(even.length, out.length);
        assertTrue(latin1(out).contains("jp2c") && latin1(out).contains("xml "), "the boxes stay");
    }

    @Test
    void aFirstFragmentThatStartsNoStreamWithholdsTheFile() {
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(ascii("<x>" + PLANTED.get(4) + "</x>  "))));
        assertWithheld(ds, TransferSyntax.of(JPEG_2000), "does not start a JPEG 2000 stream");
    }

    @Test
    void uncompressedPixelDataIsNotRead() throws Exception {
        byte[] jpeg = cameraJpeg();
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jpeg)));
        assertEquals(0, PixelMetadata.blank(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    /** Transforms one file with a profile whose redaction rule releases VL Photographic images as they are. */
    static FileStats releasePhotos(Path in, ByteArrayOutputStream out) throws Exception {
        Deidentifier engine = DicomProcessorTest.engine(DicomProcessorTest.withSection("dicom:\n  options:"
                + " {clean-pixel-data: true}\n  redactions:\n    - {id: checked-photos, when: {sop-class: "
                + VL_PHOTOGRAPHIC + "}, rectangles: []}\n"));
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        p.scan(in, "f", () -> false);
        engine.freezeIdentifiers();
        return p.transform(in, "f", out, () -> false);
    }

    @Test
    void aReleasedPhotographLeavesWithoutItsCameraDataAndTheReportCountsIt() throws Exception {
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(cameraJpeg())));
        Path in = Files.createTempFile(dir, "photo", ".dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, TransferSyntax.of(JPEG_BASELINE)), in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileStats stats = releasePhotos(in, out);
        assertNothingPlanted(out.toByteArray());
        assertEquals(4L, stats.actionCounts().get(DicomProcessor.PIXEL_METADATA_RULE + " (blank)"));
        String input = latin1(Files.readAllBytes(in));
        assertTrue(PLANTED.stream().allMatch(input::contains), "the input still holds them: it is never modified");
    }

    /**
     * dcmtk's own dicomizer keeps a camera's segments when told to ({@code img2dcm --keep-appn}, as other dicomizers do
     * by default); after the run they are gone and dcmtk's decoder gives the same pixels as from the input.
     */
    @Test
    void aPhotographWrappedByImg2dcmLeavesWithoutItsCameraDataAndDecodesAsBefore() throws Exception {
        Assumptions.assumeTrue(DicomTestFiles.onPath("img2dcm") && DicomTestFiles.onPath("dcmdjpeg"),
                "img2dcm and dcmdjpeg not installed (apt-get install dcmtk); CI installs them");
        Path jpeg = dir.resolve("camera.jpg");
        Files.write(jpeg, cameraJpeg());
        Path in = dir.resolve("photo.dcm");
        tool("img2dcm", "-vlp", "--keep-appn", "-k", "PatientID=PID-0001", jpeg.toString(), in.toString());
        assertTrue(PLANTED.stream().allMatch(latin1(Files.readAllBytes(in))::contains), "img2dcm kept the segments");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(4L, releasePhotos(in, out).actionCounts().get(DicomProcessor.PIXEL_METADATA_RULE + " (blank)"));
        assertNothingPlanted(out.toByteArray());
        Path released = dir.resolve("released.dcm");
        Files.write(released, out.toByteArray());
        assertArrayEquals(decodedPixels(in), decodedPixels(released));
    }

    private void tool(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), () -> command[0] + " failed: " + said);
    }

    /** The pixel data of a file as dcmtk's {@code dcmdjpeg} decodes it. */
    private byte[] decodedPixels(Path file) throws Exception {
        Path raw = dir.resolve(file.getFileName() + ".raw.dcm");
        tool("dcmdjpeg", file.toString(), raw.toString());
        byte[] pixels = new DicomReader().read(Files.readAllBytes(raw)).dataset().get(Tag.PIXEL_DATA).bytes();
        assertTrue(pixels != null && pixels.length == 24 * 16 * 3, "decoded to 24 x 16 RGB");
        return pixels;
    }
}
