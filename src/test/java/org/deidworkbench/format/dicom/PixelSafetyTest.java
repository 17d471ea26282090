package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deidworkbench.dicom.BulkData;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Fragment;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.DeferredException;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which images leave, which are withheld, and how redaction fills rectangles in every layout. */
class PixelSafetyTest {

    private static final String US = "1.2.840.10008.5.1.4.1.1.6.1";

    @TempDir
    Path dir;

    static Dataset image(String sopClass, String modality, int rows, int columns, int samples, int bits, int frames,
            int planar) {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, sopClass);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.3.9");
        ds.putStrings(0x00080060, VR.CS, modality);
        ds.putStrings(0x00080070, VR.LO, "ACME");
        ds.putLongs(0x00280002, VR.US, samples);
        ds.putStrings(0x00280004, VR.CS, samples == 3 ? "RGB" : "MONOCHROME2");
        if (samples > 1) {
            ds.putLongs(0x00280006, VR.US, planar);
        }
        if (frames > 1) {
            ds.putStrings(0x00280008, VR.IS, Integer.toString(frames));
        }
        ds.putLongs(0x00280010, VR.US, rows);
        ds.putLongs(0x00280011, VR.US, columns);
        ds.putLongs(0x00280100, VR.US, bits);
        ds.putLongs(0x00280101, VR.US, bits);
        ds.putLongs(0x00280102, VR.US, bits - 1);
        ds.putLongs(0x00280103, VR.US, 0);
        byte[] pixels = new byte[rows * columns * samples * bits / 8 * frames];
        new Random(7).nextBytes(pixels);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] |= 1; // no pixel starts as zero, so a zero shows a redaction
        }
        ds.putBytes(Tag.PIXEL_DATA, bits > 8 ? VR.OW : VR.OB, pixels);
        return ds;
    }

    static DicomSection section(String redactions) throws Exception {
        Profile p = DicomProcessorTest.withSection("dicom:\n  options: {clean-pixel-data: true}\n  redactions:\n"
                + redactions);
        return p.section(DicomSection.KEY, DicomSection.class).orElseThrow();
    }

    private static final String TOP_BAR = "    - {id: bar, when: {modality: US}, rectangles: [{x: 2, y: 1, width: 3, height: 2}]}\n";

    @Test
    void anUltrasoundImageWithoutARedactionIsWithheld() throws Exception {
        Dataset ds = image(US, "US", 4, 4, 1, 8, 1, 0);
        WithheldException e = assertThrows(WithheldException.class,
                () -> PixelSafety.plan(ds, DicomProcessorTest.basic().section(DicomSection.KEY, DicomSection.class)
                        .orElseThrow()));
        assertEquals("DICOM-BURNED-IN-ANNOTATION", e.code());
    }

    @Test
    void aCtThatDeclaresBurnedInAnnotationIsWithheld() throws Exception {
        Dataset ds = image(DicomProcessorTest.CT, "CT", 4, 4, 1, 8, 1, 0);
        ds.putStrings(Marking.BURNED_IN_ANNOTATION, VR.CS, "YES");
        assertThrows(WithheldException.class, () -> PixelSafety.plan(ds, section(TOP_BAR)));
    }

    @Test
    void aCtWithoutBurnedInAnnotationPasses() throws Exception {
        assertInstanceOf(PixelSafety.Pass.class, PixelSafety.plan(image(DicomProcessorTest.CT, "CT", 4, 4, 1, 8, 1, 0),
                section(TOP_BAR)));
    }

    private static final String XA = "1.2.840.10008.5.1.4.1.1.12.1";
    private static final String SC = "1.2.840.10008.5.1.4.1.1.7";

    /** The plan of the built-in dicom-basic (no redaction rules) for an image that declares {@code burnedIn} (null: nothing). */
    private static PixelSafety.Plan basicPlan(String sopClass, String modality, String burnedIn) throws Exception {
        Dataset ds = image(sopClass, modality, 4, 4, 1, 8, 1, 0);
        if (burnedIn != null) {
            ds.putStrings(Marking.BURNED_IN_ANNOTATION, VR.CS, burnedIn);
        }
        return PixelSafety.plan(ds, DicomProcessorTest.basic().section(DicomSection.KEY, DicomSection.class).orElseThrow());
    }

    @Test
    void anAngiogramThatDeclaresNoBurnedInAnnotationPasses() throws Exception {
        assertInstanceOf(PixelSafety.Pass.class, basicPlan(XA, "XA", "NO"));
    }

    @Test
    void anAngiogramThatDeclaresNothingIsWithheld() {
        assertThrows(WithheldException.class, () -> basicPlan(XA, "XA", null));
    }

    @Test
    void anOtherModalityImageThatDeclaresNoBurnedInAnnotationPasses() throws Exception {
        assertInstanceOf(PixelSafety.Pass.class, basicPlan(DicomProcessorTest.CT, "OT", "NO"));
    }

    @Test
    void anOtherModalityImageThatDeclaresNothingIsWithheld() {
        assertThrows(WithheldException.class, () -> basicPlan(DicomProcessorTest.CT, "OT", null));
    }

    @Test
    void aSecondaryCaptureIsWithheldEvenWhenItDeclaresNoBurnedInAnnotation() {
        assertThrows(WithheldException.class, () -> basicPlan(SC, "CT", "NO"));
    }

    @Test
    void anUltrasoundIsWithheldEvenWhenItDeclaresNoBurnedInAnnotation() {
        assertThrows(WithheldException.class, () -> basicPlan(US, "US", "NO"));
    }

    @Test
    void aScreenSaveIsWithheldWhateverItsClass() {
        Dataset ds = image(DicomProcessorTest.CT, "CT", 4, 4, 1, 8, 1, 0);
        ds.putStrings(PixelSafety.IMAGE_TYPE, VR.CS, "DERIVED", "SECONDARY", "SCREEN SAVE");
        assertThrows(WithheldException.class, () -> PixelSafety.plan(ds, section(TOP_BAR)));
    }

    @Test
    void aRedactionThatMatchesACtIsAppliedToIt() throws Exception {
        PixelSafety.Plan plan = PixelSafety.plan(image(DicomProcessorTest.CT, "CT", 4, 4, 1, 8, 1, 0), section(
                "    - {id: ct-box, when: {modality: CT}, rectangles: [{x: 0, y: 0, width: 2, height: 2}]}\n"));
        assertEquals("ct-box", assertInstanceOf(PixelSafety.Redact.class, plan).rule().id());
    }

    @Test
    void aDicomdirIsDeferredToBeMadeAnewFromTheOutputs() {
        Dataset ds = new Dataset();
        ds.addItem(PixelSafety.DIRECTORY_RECORD_SEQUENCE);
        assertEquals(DicomdirRegeneration.NOT_REGENERATED, assertThrows(DeferredException.class,
                () -> PixelSafety.plan(ds, section(TOP_BAR))).code());
    }

    @Test
    void anEncapsulatedDocumentIsWithheld() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.104.1");
        assertEquals("DICOM-ENCAPSULATED-DOCUMENT", assertThrows(WithheldException.class,
                () -> PixelSafety.plan(ds, section(TOP_BAR))).code());
    }

    @Test
    void compressedPixelsThatNeedRectanglesAreWithheld() {
        Dataset ds = image(US, "US", 4, 4, 1, 8, 1, 0);
        ds.put(Element.ofFragments(Tag.PIXEL_DATA, VR.OB, List.of(Fragment.of(new byte[0]), Fragment.of(new byte[8]))));
        assertEquals("DICOM-CANNOT-REDACT-COMPRESSED", assertThrows(WithheldException.class,
                () -> PixelSafety.plan(ds, section(TOP_BAR))).code());
    }

    @Test
    void aRuleWithoutRectanglesReleasesCompressedPixelsUntouched() throws Exception {
        Dataset ds = image(US, "US", 4, 4, 1, 8, 1, 0);
        ds.put(Element.ofFragments(Tag.PIXEL_DATA, VR.OB, List.of(Fragment.of(new byte[0]), Fragment.of(new byte[8]))));
        PixelSafety.Plan plan = PixelSafety.plan(ds, section("    - {id: checked, when: {modality: US}, rectangles: []}\n"));
        assertTrue(((PixelSafety.Redact) plan).rule().rectangles().isEmpty());
    }

    @Test
    void theFirstMatchingRuleApplies() throws Exception {
        DicomSection s = section("    - {id: other, when: {manufacturer: OTHER}, rectangles: []}\n"
                + "    - {id: acme, when: {manufacturer: acme, rows: 4}, rectangles: []}\n");
        assertEquals("acme", PixelSafety.matching(image(US, "US", 4, 4, 1, 8, 1, 0), s).id());
        assertNull(PixelSafety.matching(image(US, "US", 5, 4, 1, 8, 1, 0), s));
    }

    /** The expected bytes: zeros where (x, y) of any frame (and any plane) is inside the rectangle. */
    private static byte[] expected(byte[] original, int rows, int columns, int samples, int bytesPerSample,
            int frames, int planar, int x0, int y0, int w, int h) {
        byte[] out = original.clone();
        int frame = rows * columns * samples * bytesPerSample;
        for (int f = 0; f < frames; f++) {
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    for (int s = 0; s < samples; s++) {
                        int at = planar == 1 ? s * rows * columns + y * columns + x : (y * columns + x) * samples + s;
                        for (int b = 0; b < bytesPerSample; b++) {
                            out[f * frame + at * bytesPerSample + b] = 0;
                        }
                    }
                }
            }
        }
        return out;
    }

    private void assertRedacted(int samples, int bits, int frames, int planar) throws Exception {
        Dataset ds = image(US, "US", 5, 7, samples, bits, frames, planar);
        byte[] before = ds.get(Tag.PIXEL_DATA).bytes();
        PixelSafety.redact(ds, section(TOP_BAR).redactions().get(0));
        assertArrayEquals(expected(before, 5, 7, samples, bits / 8, frames, planar, 2, 1, 3, 2),
                ds.get(Tag.PIXEL_DATA).bytes());
    }

    @Test
    void eightBitGreyscaleIsRedacted() throws Exception {
        assertRedacted(1, 8, 1, 0);
    }

    @Test
    void sixteenBitMultiFrameIsRedactedInEveryFrame() throws Exception {
        assertRedacted(1, 16, 3, 0);
    }

    @Test
    void interleavedRgbIsRedacted() throws Exception {
        assertRedacted(3, 8, 2, 0);
    }

    @Test
    void planarRgbIsRedactedInEachPlane() throws Exception {
        assertRedacted(3, 8, 2, 1);
    }

    @Test
    void thirtyTwoBitIsRedacted() throws Exception {
        assertRedacted(1, 32, 2, 0);
    }

    @Test
    void subsampledColourIsRedactedInWholePixelPairs() throws Exception {
        Dataset ds = image(US, "US", 2, 6, 3, 8, 1, 0);
        ds.putStrings(0x00280004, VR.CS, "YBR_FULL_422");
        ds.putBytes(Tag.PIXEL_DATA, VR.OB, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
        PixelSafety.redact(ds, section("    - {id: p, when: {modality: US}, rectangles: [{x: 3, y: 1, width: 1, height: 1}]}\n")
                .redactions().get(0));
        byte[] b = ds.get(Tag.PIXEL_DATA).bytes();
        // Row 1 holds pairs (0,1) (2,3) (4,5) in bytes 12-15, 16-19, 20-23: pixel 3 is in the second pair.
        for (int i = 0; i < 24; i++) {
            assertEquals(i >= 16 && i < 20 ? 0 : 9, b[i], "byte " + i);
        }
    }

    @Test
    void pixelDataShorterThanDeclaredIsWithheld() throws Exception {
        Dataset ds = image(US, "US", 5, 7, 1, 8, 1, 0);
        ds.putBytes(Tag.PIXEL_DATA, VR.OB, new byte[10]);
        assertEquals("DICOM-PIXEL-DATA-SHORT", assertThrows(WithheldException.class,
                () -> PixelSafety.redact(ds, section(TOP_BAR).redactions().get(0))).code());
    }

    @Test
    void oneBitPixelsAreWithheldRatherThanRedactedWrongly() throws Exception {
        Dataset ds = image(US, "US", 8, 8, 1, 8, 1, 0);
        ds.putLongs(0x00280100, VR.US, 1);
        assertEquals("DICOM-CANNOT-REDACT", assertThrows(WithheldException.class,
                () -> PixelSafety.redact(ds, section(TOP_BAR).redactions().get(0))).code());
    }

    @Test
    void pixelDataLeftInTheFileIsRedactedAsItStreamsWhereverTheChunksSplit() throws Exception {
        Dataset ds = image(US, "US", 5, 7, 3, 16, 4, 1);
        byte[] original = ds.get(Tag.PIXEL_DATA).bytes();
        Path source = Files.write(dir.resolve("pixels.raw"), original);
        ds.put(Element.ofBulk(Tag.PIXEL_DATA, VR.OW, new BulkData(source, 0, original.length, false)));
        PixelSafety.redact(ds, section(TOP_BAR).redactions().get(0));
        Element e = ds.get(Tag.PIXEL_DATA);
        assertNotNull(e.filter());
        byte[] streamed = original.clone();
        Random random = new Random(3);
        int at = 0;
        while (at < streamed.length) {
            int n = Math.min(streamed.length - at, 1 + random.nextInt(97));
            e.filter().filter(streamed, at, n, at);
            at += n;
        }
        assertArrayEquals(expected(original, 5, 7, 3, 2, 4, 1, 2, 1, 3, 2), streamed);
        assertFalse(java.util.Arrays.equals(original, streamed));
    }
}
