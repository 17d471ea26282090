package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.model.DicomImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbench's view of a DICOM image: frames decoded from native pixel data of every common
 * layout, the de-identified frame as a run writes it (redaction rectangles filled), withheld and
 * compressed files reported, never a crash.
 */
class DicomImagesTest {

    private static final Path SAMPLE_CT = Path.of("sample-data", "dicom", "100200", "ct_20220117", "IM0001.dcm");
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    private static final String US = "1.2.840.10008.5.1.4.1.1.6.1";

    @TempDir
    Path dir;

    private static LoadedProfile csvTemplate() throws Exception {
        return ProfileLoader.read("csv-template");
    }

    /** dicom-basic with one redaction for the sample CT images. */
    private static LoadedProfile withRedaction(String rectangles) throws Exception {
        String yaml = ProfileLoader.builtInText("dicom-basic").replace("redactions: []", "redactions:\n"
                + "    - id: ct-corner\n      when: {modality: CT, rows: 64, columns: 64}\n      rectangles: "
                + rectangles);
        return new LoadedProfile(ProfileLoader.parse(yaml, "test.yaml"), "test");
    }

    private static Dataset image(String sopClass, String modality, String photometric, int rows, int columns,
            int samples, int bits, int stored, int frames, int planar, byte[] pixels) {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, sopClass);
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.1234");
        ds.putStrings(0x00080060, VR.CS, modality);
        ds.putStrings(0x00080070, VR.LO, "ACME");
        ds.putLongs(0x00280002, VR.US, samples);
        ds.putStrings(0x00280004, VR.CS, photometric);
        if (samples > 1) {
            ds.putLongs(0x00280006, VR.US, planar);
        }
        if (frames > 1) {
            ds.putStrings(0x00280008, VR.IS, Integer.toString(frames));
        }
        ds.putLongs(0x00280010, VR.US, rows);
        ds.putLongs(0x00280011, VR.US, columns);
        ds.putLongs(0x00280100, VR.US, bits);
        ds.putLongs(0x00280101, VR.US, stored);
        ds.putLongs(0x00280102, VR.US, stored - 1);
        ds.putLongs(0x00280103, VR.US, 0);
        ds.putBytes(Tag.PIXEL_DATA, bits > 8 ? VR.OW : VR.OB, pixels);
        return ds;
    }

    private Path write(Dataset ds, TransferSyntax ts) throws Exception {
        Path f = Files.createTempFile(dir, "image", ".dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, ts), f);
        return f;
    }

    private Path write(Dataset ds) throws Exception {
        return write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** The sample generator's 12-bit gradient. */
    private static int gradient(int x, int y, int instance) {
        return (x * 7 + y * 3 + instance * 50) % 4096;
    }

    @Test
    void theSampleCtIsDecodedWithItsWindow() throws Exception {
        try (DicomImages.Source s = DicomImages.open(SAMPLE_CT, csvTemplate(), () -> false)) {
            DicomImage.Header h = s.header();
            assertEquals(64, h.columns());
            assertEquals(64, h.rows());
            assertEquals(DicomImage.Photometric.MONOCHROME2, h.photometric());
            assertEquals(400, h.windowCenter());
            assertEquals(1500, h.windowWidth());
            assertEquals("CT", h.modality());
            DicomImage frame = s.original(0);
            assertEquals(gradient(5, 9, 1), frame.value(5, 9));
            assertEquals(gradient(63, 63, 1), frame.value(63, 63));
        }
    }

    @Test
    void aCtThatNeedsNoRedactionLeavesWithTheSamePixels() throws Exception {
        try (DicomImages.Source s = DicomImages.open(SAMPLE_CT, csvTemplate(), () -> false)) {
            assertArrayEquals(s.original(0).values(), s.deidentified(0).orElseThrow().values());
            assertEquals(Optional.empty(), s.redaction());
            assertEquals(Optional.empty(), s.withheld());
        }
    }

    @Test
    void theDeidentifiedFrameHasTheRedactionRectangleFilled() throws Exception {
        try (DicomImages.Source s = DicomImages.open(SAMPLE_CT, withRedaction("[{x: 2, y: 3, width: 4, height: 5}]"),
                () -> false)) {
            DicomImage cleaned = s.deidentified(0).orElseThrow();
            assertEquals(0, cleaned.value(2, 3));
            assertEquals(0, cleaned.value(5, 7));
            assertEquals(gradient(6, 7, 1), cleaned.value(6, 7));
            assertEquals(gradient(2, 3, 1), s.original(0).value(2, 3));
            assertEquals(Optional.of("ct-corner"), s.redaction());
        }
    }

    @Test
    void anUltrasoundWithoutARedactionIsWithheldButItsOriginalIsShown() throws Exception {
        Path f = write(image(US, "US", "MONOCHROME2", 4, 4, 1, 8, 8, 1, 0, new byte[16]));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals("DICOM-BURNED-IN-ANNOTATION", s.withheld().orElseThrow().code());
            assertEquals(Optional.empty(), s.deidentified(0));
            assertEquals(16, s.original(0).values().length);
        }
    }

    @Test
    void compressedPixelDataIsReportedNotDecoded() throws Exception {
        Path f = dir.resolve("sc_rle.dcm");
        try (var in = getClass().getResourceAsStream("/org/deidworkbench/dicom/fixtures/sc_rle.dcm")) {
            Files.write(f, in.readAllBytes());
        }
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals(DicomImage.Unavailable.COMPRESSED, s.header().unavailable());
            assertThrows(JobException.class, () -> s.original(0));
        }
    }

    @Test
    void aReportHasNoPixelData() throws Exception {
        Path sr = Path.of("sample-data", "dicom", "100200", "ct_20220117", "SR0001.dcm");
        try (DicomImages.Source s = DicomImages.open(sr, csvTemplate(), () -> false)) {
            assertEquals(DicomImage.Unavailable.NO_PIXEL_DATA, s.header().unavailable());
        }
    }

    @Test
    void signedTwelveBitValuesAreSignExtended() throws Exception {
        // -5 in 12 bits stored in a 16-bit word, the 4 bits above it set to garbage that must be masked off
        int word = 0xF000 | (-5 & 0x0FFF);
        byte[] pixels = {(byte) word, (byte) (word >> 8), 7, 0};
        Dataset ds = image(CT, "CT", "MONOCHROME2", 1, 2, 1, 16, 12, 1, 0, pixels);
        ds.putLongs(Tag.PIXEL_REPRESENTATION, VR.US, 1);
        try (DicomImages.Source s = DicomImages.open(write(ds), csvTemplate(), () -> false)) {
            DicomImage frame = s.original(0);
            assertEquals(-5, frame.value(0, 0));
            assertEquals(7, frame.value(1, 0));
            assertEquals(-5, frame.smallest());
            assertEquals(7, frame.largest());
        }
    }

    @Test
    void eachFrameOfAMultiFrameImageIsItsOwn() throws Exception {
        byte[] pixels = new byte[3 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i / 4 * 10 + i % 4);
        }
        Path f = write(image(CT, "CT", "MONOCHROME2", 2, 2, 1, 8, 8, 3, 0, pixels));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals(3, s.header().frames());
            assertEquals(20, s.original(2).value(0, 0));
            assertEquals(23, s.original(2).value(1, 1));
            assertEquals(2, s.original(2).frame());
        }
    }

    @Test
    void interleavedRgbBecomesArgb() throws Exception {
        byte[] pixels = {(byte) 255, 0, 0, 0, (byte) 128, 1};
        Path f = write(image(CT, "CT", "RGB", 1, 2, 3, 8, 8, 1, 0, pixels));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals(DicomImage.Photometric.COLOUR, s.header().photometric());
            assertEquals(0xFFFF0000, s.original(0).value(0, 0));
            assertEquals(0xFF008001, s.original(0).value(1, 0));
        }
    }

    @Test
    void planarRgbBecomesTheSameArgb() throws Exception {
        byte[] pixels = {(byte) 255, 0, 0, (byte) 128, 0, 1};
        Path f = write(image(CT, "CT", "RGB", 1, 2, 3, 8, 8, 1, 1, pixels));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals(0xFFFF0000, s.original(0).value(0, 0));
            assertEquals(0xFF008001, s.original(0).value(1, 0));
        }
    }

    @Test
    void monochrome1IsReportedForInvertedDisplay() throws Exception {
        Path f = write(image(CT, "CT", "MONOCHROME1", 1, 1, 1, 8, 8, 1, 0, new byte[] {9}));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals(DicomImage.Photometric.MONOCHROME1, s.header().photometric());
            assertEquals(9, s.original(0).value(0, 0));
        }
    }

    @Test
    void oneBitPixelsAreUnpackedLeastSignificantBitFirst() throws Exception {
        Path f = write(image(CT, "CT", "MONOCHROME2", 1, 8, 1, 1, 1, 1, 0, new byte[] {(byte) 0b0000_0101, 0}));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            int[] v = s.original(0).values();
            assertEquals(1, v[0]);
            assertEquals(0, v[1]);
            assertEquals(1, v[2]);
            assertEquals(0, v[7]);
        }
    }

    @Test
    void bigEndianPixelsReadAsTheLittleEndianOnes() throws Exception {
        byte[] pixels = new byte[64 * 64 * 2];
        for (int i = 0; i < 64 * 64; i++) {
            pixels[2 * i] = (byte) (i * 37);
            pixels[2 * i + 1] = (byte) (i % 16);
        }
        Dataset ds = image(CT, "CT", "MONOCHROME2", 64, 64, 1, 16, 16, 1, 0, pixels);
        try (DicomImages.Source le = DicomImages.open(write(ds), csvTemplate(), () -> false);
                DicomImages.Source be = DicomImages.open(write(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN),
                        csvTemplate(), () -> false)) {
            assertEquals(le.original(0), be.original(0));
            assertEquals((5 % 16) << 8 | 5 * 37 & 0xFF, le.original(0).value(5, 0));
        }
    }

    @Test
    void pixelDataShorterThanDeclaredIsReported() throws Exception {
        Path f = write(image(CT, "CT", "MONOCHROME2", 4, 4, 1, 8, 8, 1, 0, new byte[10]));
        try (DicomImages.Source s = DicomImages.open(f, csvTemplate(), () -> false)) {
            assertEquals(DicomImage.Unavailable.SHORT, s.header().unavailable());
        }
    }

    @Test
    void aCsvFileIsRefused() {
        JobException e = assertThrows(JobException.class, () -> DicomImages.open(
                Path.of("sample-data", "csv", "patients.csv"), csvTemplate(), () -> false));
        assertEquals(JobException.Reason.FILE_FAILED, e.reason());
    }

    @Test
    void closingDeletesTheDeidentifiedCopy() throws Exception {
        long before = tempCopies();
        DicomImages.Source s = DicomImages.open(SAMPLE_CT, csvTemplate(), () -> false);
        assertEquals(before + 1, tempCopies());
        s.close();
        assertEquals(before, tempCopies());
        assertFalse(s.toString().contains("Quillfeather"));
    }

    @Test
    void aCopyLeftOpenIsDeletedWhenTheJvmExits() throws Exception {
        // As a workbench closed with an image shown: the process opens an image, never closes it, exits.
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(javaBin.toString(), "-Djava.io.tmpdir=" + tmp, "-cp",
                System.getProperty("java.class.path"), LeftOpen.class.getName(), SAMPLE_CT.toString())
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), out);
        assertEquals("opened 1\n", out.replace("\r", ""));
        try (var files = Files.list(tmp)) {
            assertEquals(0, files.filter(p -> p.getFileName().toString().startsWith("deid-image-")).count());
        }
    }

    /** Opens an image and exits without closing it (see the test above). */
    static final class LeftOpen {
        public static void main(String[] args) throws Exception {
            DicomImages.open(Path.of(args[0]), csvTemplate(), () -> false);
            try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
                System.out.println("opened " + files.filter(p -> p.getFileName().toString()
                        .startsWith("deid-image-")).count());
            }
        }
    }

    private static long tempCopies() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("deid-image-")).count();
        }
    }
}
