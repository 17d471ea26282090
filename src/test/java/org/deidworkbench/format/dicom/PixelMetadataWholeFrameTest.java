package org.deidworkbench.format.dicom;

import static org.deidworkbench.format.dicom.PixelMetadataTest.PLANTED;
import static org.deidworkbench.format.dicom.PixelMetadataTest.ascii;
import static org.deidworkbench.format.dicom.PixelMetadataTest.concat;
import static org.deidworkbench.format.dicom.PixelMetadataTest.photo;
import static org.deidworkbench.format.dicom.PixelMetadataTest.pixels;
import static org.deidworkbench.format.dicom.PixelMetadataTest.segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deidworkbench.dicom.BulkData;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Fragment;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.ImageText;
import org.deidworkbench.format.WithheldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JPEG frame's text after its first scan (decision 0166): segments between the scans of a progressive frame, and
 * what a phone or a vendor appends after the end marker (a motion photo's video, a second picture), are blanked where
 * they stand, in frames that span fragments and in frames left in the source file; the picture decodes as before.
 */
public class PixelMetadataWholeFrameTest {

    private static final TransferSyntax JPEG = TransferSyntax.of("1.2.840.10008.1.2.4.50");
    /** What a phone appends after a motion photo's JPEG: an MP4 whose metadata holds a place and an owner. */
    private static final String VIDEO_PLACE = "+52.5200+013.4050/";
    private static final String VIDEO_OWNER = "Pixel of Hannelore Kuebler";

    @TempDir
    Path dir;

    /** A progressive JPEG (several scans). */
    static byte[] progressiveJpeg() throws Exception {
        return org.deidworkbench.format.ImageTextWholeTest.progressiveJpeg();
    }

    /** Where each scan's SOS segment starts in a whole JPEG. */
    private static List<Integer> scans(byte[] jpeg) throws Exception {
        ImageText.JpegWalker walker = new ImageText.JpegWalker(false, true);
        walker.feed(jpeg, 0, jpeg.length);
        walker.finish("the image");
        return walker.segments().stream().filter(s -> s[0] == 0xDA).map(s -> (int) s[1]).toList();
    }

    /** The progressive JPEG with a comment and an XMP segment before its third scan, of even length. */
    static byte[] textBetweenScans() throws Exception {
        byte[] jpeg = progressiveJpeg();
        List<Integer> scans = scans(jpeg);
        assertTrue(scans.size() >= 3, "a progressive JPEG of several scans");
        int at = scans.get(2);
        byte[] out = concat(Arrays.copyOf(jpeg, at), segment(0xFE, ascii(PLANTED.get(4))),
                segment(0xE1, ascii("http://ns.adobe.com/xap/1.0/\0" + PLANTED.get(5))),
                Arrays.copyOfRange(jpeg, at, jpeg.length));
        return even(out);
    }

    /** The JPEG followed by an MP4 a phone appends to a motion photo, holding a place and the phone's owner. */
    static byte[] withVideo(byte[] jpeg, int zerosBefore) {
        byte[] video = concat(ascii("\0\0\0\u0018ftypmp42\0\0\0\0isommp42"), new byte[zerosBefore],
                ascii("\0\0\0\u0030udta\u00A9xyz" + VIDEO_PLACE + "\u00A9own" + VIDEO_OWNER));
        return even(concat(jpeg, video));
    }

    private static byte[] even(byte[] b) {
        return b.length % 2 == 0 ? b : Arrays.copyOf(b, b.length + 1);
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static void assertClean(byte[] b) {
        String s = latin1(b);
        for (String p : List.of(PLANTED.get(4), PLANTED.get(5), VIDEO_PLACE, VIDEO_OWNER)) {
            assertFalse(s.contains(p), () -> "left in the pixel data: a planted value");
        }
    }

    private static byte[] fragment(Dataset ds, int i) {
        return ds.get(Tag.PIXEL_DATA).fragments().get(i).bytes();
    }

    @Test
    void segmentsBetweenTheScansOfAProgressiveFrameAreBlankedAndThePictureDecodesAsBefore() throws Exception {
        byte[] jpeg = textBetweenScans();
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jpeg)));
        assertEquals(2, PixelMetadata.blank(ds, JPEG));
        byte[] out = fragment(ds, 1);
        assertEquals(jpeg.length, out.length, "the fragment keeps its length");
        assertClean(out);
        assertArrayEquals(pixels(progressiveJpeg()), pixels(out));
        assertTrue(PixelMetadata.texts(ds.get(Tag.PIXEL_DATA), JPEG).isEmpty(), "nothing left for the verifier");
    }

    @Test
    void whatFollowsTheEndMarkerIsBlankedAndTheVerifierFindsItBefore() throws Exception {
        byte[] jpeg = withVideo(PixelMetadataTest.plainJpeg(), 0);
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(jpeg)));
        List<PixelMetadata.Text> before = PixelMetadata.texts(ds.get(Tag.PIXEL_DATA), JPEG);
        assertEquals(1, before.size());
        assertTrue(latin1(before.get(0).bytes()).contains(VIDEO_OWNER), "the verifier reads the appended video");
        assertEquals(1, PixelMetadata.blank(ds, JPEG));
        byte[] out = fragment(ds, 1);
        assertEquals(jpeg.length, out.length);
        assertClean(out);
        int end = PixelMetadataTest.plainJpeg().length;
        assertArrayEquals(Arrays.copyOf(jpeg, end), Arrays.copyOf(out, end), "the picture's bytes are unchanged");
        assertTrue(Arrays.equals(new byte[jpeg.length - end], Arrays.copyOfRange(out, end, out.length)),
                "everything after the end marker is zeros");
        assertTrue(PixelMetadata.texts(ds.get(Tag.PIXEL_DATA), JPEG).isEmpty());
    }

    @Test
    void paddingAfterTheEndMarkerIsLeftAsItIs() throws Exception {
        for (byte pad : new byte[] {0, (byte) 0xFF}) {
            byte[] plain = PixelMetadataTest.plainJpeg();
            byte[] padded = concat(plain, new byte[] {pad}, plain.length % 2 == 0 ? new byte[] {pad} : new byte[0]);
            Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(padded)));
            Element before = ds.get(Tag.PIXEL_DATA);
            assertEquals(0, PixelMetadata.blank(ds, JPEG));
            assertSame(before, ds.get(Tag.PIXEL_DATA), "nothing to blank: the pixel data is not copied");
        }
    }

    /** A frame left in the source is read in pieces: text after 100 KB of an appended video's zeros is found. */
    @Test
    void aLongTrailerOfAFrameLeftInTheSourceIsReadToItsEndAndBlankedInACopy() throws Exception {
        byte[] jpeg = withVideo(textBetweenScans(), 100_000);
        byte[] file = concat(new byte[132], jpeg);
        Path source = dir.resolve("source.bin");
        Files.write(source, file);
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(new BulkData(source, 132, jpeg.length, false))));
        assertEquals(1, PixelMetadata.texts(ds.get(Tag.PIXEL_DATA), JPEG).stream()
                .filter(t -> latin1(t.bytes()).contains(VIDEO_PLACE)).count(), "the verifier reads the trailer");
        assertEquals(3, PixelMetadata.blank(ds, JPEG));
        byte[] out = fragment(ds, 1);
        assertEquals(jpeg.length, out.length);
        assertClean(out);
        assertArrayEquals(pixels(progressiveJpeg()), pixels(out));
        assertArrayEquals(file, Files.readAllBytes(source), "the input is not modified");
    }

    @Test
    void aFrameThatSpansFragmentsIsWalkedThroughThemAndOnlyFramesWithTextChange() throws Exception {
        byte[] plain = even(PixelMetadataTest.plainJpeg());
        byte[] second = withVideo(textBetweenScans(), 0);
        int cut = scans(progressiveJpeg()).get(1) + 10; // in the second scan, before the text
        cut += cut % 2;
        Fragment first = Fragment.of(plain);
        Fragment last = Fragment.of(plain.clone());
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), first, Fragment.of(Arrays.copyOf(second, cut)),
                Fragment.of(Arrays.copyOfRange(second, cut, second.length)), last));
        assertEquals(3, PixelMetadata.blank(ds, JPEG));
        List<Fragment> out = ds.get(Tag.PIXEL_DATA).fragments();
        assertSame(first, out.get(1), "a frame without text is not copied");
        assertSame(last, out.get(4));
        assertArrayEquals(Arrays.copyOf(second, cut), out.get(2).bytes(), "the text is all in the frame's second part");
        byte[] joined = concat(out.get(2).bytes(), out.get(3).bytes());
        assertClean(joined);
        assertArrayEquals(pixels(progressiveJpeg()), pixels(joined));
    }

    @Test
    void aFrameWithoutItsEndMarkerWithholdsTheFile() throws Exception {
        byte[] plain = PixelMetadataTest.plainJpeg();
        byte[] cutShort = even(Arrays.copyOf(plain, plain.length - 2)); // no EOI: the stream ends in its scan
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(cutShort)));
        WithheldException e = assertThrows(WithheldException.class, () -> PixelMetadata.blank(ds, JPEG));
        assertEquals(PixelMetadata.UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("ends in a scan"), e.getMessage());
        assertTrue(e.location().endsWith("fragment 1"), e.location());
        assertNull(PixelMetadata.texts(ds.get(Tag.PIXEL_DATA), JPEG).get(0).bytes(), "the verifier says it could not look");
    }

    @Test
    void aFragmentAfterAFramesEndThatStartsNoFrameWithholdsTheFile() throws Exception {
        byte[] plain = even(PixelMetadataTest.plainJpeg());
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(plain),
                Fragment.of(ascii("<x>" + PLANTED.get(4) + "</x>"))));
        WithheldException e = assertThrows(WithheldException.class, () -> PixelMetadata.blank(ds, JPEG));
        assertTrue(e.location().endsWith("fragment 2") && e.getMessage().contains("neither starts"), e.getMessage());
    }

    /** Through a run: a released motion photo with text between its scans leaves with neither, and the report counts them. */
    @Test
    void aReleasedMotionPhotoLeavesWithoutItsVideoAndTheReportCountsIt() throws Exception {
        Dataset ds = photo(List.of(Fragment.of(new byte[0]), Fragment.of(withVideo(textBetweenScans(), 5_000))));
        Path in = Files.createTempFile(dir, "photo", ".dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, JPEG), in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileStats stats = PixelMetadataTest.releasePhotos(in, out);
        assertClean(out.toByteArray());
        assertEquals(3L, stats.actionCounts().get(DicomProcessor.PIXEL_METADATA_RULE + " (blank)"));
        assertTrue(latin1(Files.readAllBytes(in)).contains(VIDEO_OWNER), "the input is never modified");
    }
}
