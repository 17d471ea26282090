package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.RecordingVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DICOM value reader hands the verifier every value that may hold text, with its tag path. */
class DicomValueReaderTest {

    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int PERSON_NAME = 0x0040A123;
    private static final int TEXT_VALUE = 0x0040A160;
    private static final int OTHER_PATIENT_IDS = 0x00101000;

    @TempDir
    Path dir;

    private static Dataset base() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.1234");
        return ds;
    }

    private Path write(Dataset ds, TransferSyntax ts) throws Exception {
        Path file = dir.resolve("f" + System.nanoTime() + ".dcm");
        DicomFile f = new DicomFile(DicomWriter.fileMeta(new Dataset(), ds, ts), ds, ts);
        try (OutputStream out = Files.newOutputStream(file)) {
            new DicomWriter().write(f, ts, out);
        }
        return file;
    }

    private static RecordingVisitor read(Path file) throws Exception {
        RecordingVisitor r = new RecordingVisitor();
        new DicomValueReader().read(file, r, () -> false);
        return r;
    }

    @Test
    void aTopLevelNameIsLocatedByTagAndKeyword() throws Exception {
        Dataset ds = base();
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "QUILLFEATHER^AVERY");
        assertEquals("(0010,0010) PatientName", read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .where("QUILLFEATHER^AVERY"));
    }

    @Test
    void aValueTwoSequencesDeepIsLocatedByItsPath() throws Exception {
        Dataset ds = base();
        Dataset outer = ds.addItem(CONTENT_SEQUENCE);
        ds.addItem(CONTENT_SEQUENCE);
        outer.addItem(CONTENT_SEQUENCE);
        Dataset inner = outer.addItem(CONTENT_SEQUENCE);
        inner.putStrings(PERSON_NAME, VR.PN, "QUILLFEATHER^AVERY");
        assertEquals("(0040,A730)[0]/(0040,A730)[1]/(0040,A123) PersonName",
                read(write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN)).where("QUILLFEATHER^AVERY"));
    }

    @Test
    void aDeflatedFileIsReadInflated() throws Exception {
        Dataset ds = base();
        ds.addItem(CONTENT_SEQUENCE).putStrings(TEXT_VALUE, VR.UT, "Seen by Avery Quillfeather on Feb 5, 1933");
        Path file = write(ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        assertTrue(!new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("Quillfeather"),
                "the fixture really is deflated");
        assertEquals("(0040,A730)[0]/(0040,A160) TextValue", read(file).where("Avery Quillfeather"));
    }

    @Test
    void textIsDecodedInTheDataSetsCharacterSet() throws Exception {
        Dataset ds = base();
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        ds.putBytes(Tag.PATIENT_NAME, VR.PN, "MÜLLER^JÜRGEN".getBytes(Charset.forName("ISO-8859-1")));
        assertEquals("(0010,0010) PatientName", read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .where("MÜLLER^JÜRGEN"));
    }

    @Test
    void eachOfSeveralValuesIsOneValue() throws Exception {
        Dataset ds = base();
        ds.putStrings(OTHER_PATIENT_IDS, VR.LO, "A1", "100200");
        assertEquals("(0010,1000) OtherPatientIDs, value 2", read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN))
                .where("100200"));
    }

    @Test
    void theCamerasTextInsideACompressedFrameIsReadAndTheCodedPictureIsNot() throws Exception {
        Dataset ds = PixelMetadataTest.photo(java.util.List.of(org.deidworkbench.dicom.Fragment.of(new byte[0]),
                org.deidworkbench.dicom.Fragment.of(PixelMetadataTest.cameraJpeg())));
        RecordingVisitor r = read(write(ds, TransferSyntax.of("1.2.840.10008.1.2.4.50")));
        RecordingVisitor.Seen exif = r.first("SN 0123456789");
        assertTrue(exif.raw(), "handed over as bytes");
        assertEquals("(7FE0,0010) PixelData, value 2", exif.where());
        assertEquals("(7FE0,0010) PixelData, value 2", r.where("Photo: Hannelore Kuebler"));
        assertEquals("not seen", r.where("JFIF"), "the segments decoders need are not text to scan");
    }

    @Test
    void aCompressedFrameWhoseTextWasBlankedHandsNothingOver() throws Exception {
        Dataset ds = PixelMetadataTest.photo(java.util.List.of(org.deidworkbench.dicom.Fragment.of(new byte[0]),
                org.deidworkbench.dicom.Fragment.of(PixelMetadataTest.cameraJpeg())));
        PixelMetadata.blank(ds, TransferSyntax.of("1.2.840.10008.1.2.4.50"));
        RecordingVisitor r = read(write(ds, TransferSyntax.of("1.2.840.10008.1.2.4.50")));
        assertEquals("not seen", r.where("\u0000"));
        assertEquals("not seen", r.where("Exif"));
    }

    @Test
    void compressedFramesTheVerifierCannotReadAreSaidNotToBeLookedInto() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(PixelMetadataTest.cameraJpeg(), 40); // inside the EXIF segment
        Dataset ds = PixelMetadataTest.photo(java.util.List.of(org.deidworkbench.dicom.Fragment.of(new byte[0]),
                org.deidworkbench.dicom.Fragment.of(truncated)));
        RecordingVisitor r = read(write(ds, TransferSyntax.of("1.2.840.10008.1.2.4.50")));
        assertEquals(java.util.List.of("(7FE0,0010) PixelData, value 2: a compressed frame whose segments cannot be"
                + " read, not looked into"), r.notScanned);
        RecordingVisitor unknown = read(write(ds, TransferSyntax.of("1.2.840.99999.7")));
        assertEquals(1, unknown.notScanned.size());
        assertTrue(unknown.notScanned.get(0).contains("transfer syntax this tool does not know"), unknown.notScanned.get(0));
    }

    @Test
    void aPrivateBinaryBlockIsReadAsRawBytes() throws Exception {
        Dataset ds = base();
        int creator = ds.reservePrivateTag(0x0029, "VENDOR HEADER", 0x10);
        ds.putBytes(creator, VR.OB, "\u0001\u0002PatientsName=QUILLFEATHER^AVERY\u0000".getBytes(StandardCharsets.ISO_8859_1));
        RecordingVisitor r = read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        RecordingVisitor.Seen block = r.first("QUILLFEATHER");
        assertTrue(block.raw(), "handed over as bytes");
        assertEquals("(0029,1010)", block.where());
    }

    @Test
    void aLargePrivateBlockIsStreamedFromTheFile() throws Exception {
        Dataset ds = base();
        int tag = ds.reservePrivateTag(0x0029, "VENDOR HEADER", 0x20);
        byte[] block = new byte[200_000];
        byte[] name = "QUILLFEATHER^AVERY".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, block, 150_000, name.length);
        ds.putBytes(tag, VR.OB, block);
        assertEquals("(0029,1020)", read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).where("QUILLFEATHER"));
    }

    @Test
    void standardPixelDataIsNotRead() throws Exception {
        Dataset ds = base();
        byte[] pixels = "QUILLFEATHER".repeat(4).getBytes(StandardCharsets.US_ASCII);
        ds.putBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        assertEquals("not seen", read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)).where("QUILLFEATHER"));
    }

    @Test
    void anEncapsulatedPdfIsReportedAsNotLookedInto() throws Exception {
        Dataset ds = base();
        ds.putStrings(0x00420012, VR.LO, "application/pdf");
        ds.putBytes(0x00420011, VR.OB, "%PDF-1.4 compressed".getBytes(StandardCharsets.US_ASCII));
        RecordingVisitor r = read(write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(List.of("(0042,0011) EncapsulatedDocument: an encapsulated PDF document, not looked into"),
                r.notScanned);
    }

    @Test
    void aFileThatIsNotDicomIsAFormatException() throws Exception {
        Path file = dir.resolve("bad.dcm");
        byte[] bytes = new byte[200];
        bytes[128] = 'D';
        bytes[129] = 'I';
        bytes[130] = 'C';
        bytes[131] = 'M';
        bytes[132] = 0x02;
        bytes[136] = 'Z';
        Files.write(file, bytes);
        assertThrows(FormatException.class, () -> read(file));
    }
}
