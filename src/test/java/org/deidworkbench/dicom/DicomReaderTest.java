package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomReaderTest {

    private final DicomReader reader = new DicomReader();

    private DicomFile fixture(String name) throws DicomFormatException {
        return reader.read(DicomTestFiles.fixture(name));
    }

    @Test
    void readsPart10FileWithPreamble() throws Exception {
        DicomFile f = fixture("ct_explicit_le.dcm");
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, f.transferSyntax());
        assertEquals("MRN-000123", f.dataset().getString(Tag.PATIENT_ID));
        assertEquals(SyntheticFixtures.SOP_CLASS_CT, f.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
    }

    @Test
    void readsFileThatStartsWithTheMetaGroup() throws Exception {
        DicomFile f = fixture("ct_no_preamble.dcm");
        assertEquals("MRN-000123", f.dataset().getString(Tag.PATIENT_ID));
        assertFalse(f.fileMeta().isEmpty());
    }

    @Test
    void readsBareDataSetWithoutFileMeta() throws Exception {
        DicomFile f = fixture("ct_no_meta_implicit.dcm");
        assertTrue(f.fileMeta().isEmpty());
        assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, f.transferSyntax());
        assertEquals("Doe^Jane=Ideo^Graphic=Pho^Netic", f.dataset().getString(Tag.PATIENT_NAME));
    }

    @Test
    void readsBareExplicitBigEndianDataSet() throws Exception {
        byte[] ds = new Bytes(true).explicit(Tag.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")
                .explicitHeader(0x00280010, "US", 2).u16(512).toBytes();
        DicomFile f = reader.read(ds);
        assertEquals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, f.transferSyntax());
        assertEquals(512, f.dataset().getInt(0x00280010, -1));
    }

    @Test
    void everyEncodingOfTheSameDataSetGivesTheSameValues() throws Exception {
        List<String> expected = valueLines(fixture("ct_explicit_le.dcm"));
        assertEquals(expected, valueLines(fixture("ct_explicit_be.dcm")));
        assertEquals(expected, valueLines(fixture("ct_deflated.dcm")));
        assertEquals(expected, valueLines(fixture("ct_no_preamble.dcm")));
    }

    private static List<String> valueLines(DicomFile f) {
        List<String> lines = DicomDumper.lines(new DicomFile(new Dataset(), f.dataset(), f.transferSyntax()));
        return lines.subList(4, lines.size());
    }

    @Test
    void bigEndianNumbersAndPixelsAreHeldLittleEndian() throws Exception {
        Dataset le = fixture("ct_explicit_le.dcm").dataset();
        Dataset be = fixture("ct_explicit_be.dcm").dataset();
        assertArrayEquals(le.get(Tag.PIXEL_DATA).bytes(), be.get(Tag.PIXEL_DATA).bytes());
        assertEquals(-1024, be.getInt(0x00280106, 0));
        assertEquals(4_000_000_000L, be.getLong(0x00720078, 0));
        assertArrayEquals(Values.tags(le.get(0x00209165).bytes()), Values.tags(be.get(0x00209165).bytes()));
    }

    @Test
    void implicitVrResolvesAmbiguousVrsFromPixelRepresentationAndBitsAllocated() throws Exception {
        Dataset ds = fixture("ct_implicit_le.dcm").dataset();
        assertEquals(VR.SS, ds.get(0x00280106).vr());
        assertEquals(-1024, ds.getInt(0x00280106, 0));
        assertEquals(VR.OW, ds.get(Tag.PIXEL_DATA).vr());
        assertEquals(VR.UN, ds.get(0x00091001).vr());
        assertEquals(VR.LO, ds.get(0x00090010).vr());
    }

    @Test
    void nestedSequencesKeepTheirItemsAndLengthForm() throws Exception {
        Dataset ds = fixture("ct_explicit_le.dcm").dataset();
        Dataset series = ds.getItems(0x00081115).get(0);
        List<Dataset> images = series.getItems(0x00081140);
        assertEquals(2, images.size());
        assertTrue(images.get(0).undefinedLength());
        assertFalse(images.get(1).undefinedLength());
        assertEquals("2.25.1000000000000000000003", images.get(1).getString(0x00081155));
        assertEquals(series, images.get(1).parent());
    }

    @Test
    void unSequenceOfUndefinedLengthIsReadAsImplicitVrItems() throws Exception {
        Dataset ds = fixture("ct_explicit_le.dcm").dataset();
        Element e = ds.get(0x00091003);
        assertEquals(VR.UN, e.vr());
        assertTrue(e.isSequence());
        assertEquals("NESTEDID", e.items().get(0).getString(Tag.PATIENT_ID));
    }

    @Test
    void unElementWithKnownSequenceTagBecomesSq() throws Exception {
        byte[] ds = new Bytes().explicitHeader(0x00081115, "UN", 0xFFFFFFFFL).item(0xFFFFFFFFL)
                .implicit(0x0020000E, Bytes.ascii("1.2 ")).itemDelimiter().sequenceDelimiter().toBytes();
        Element e = reader.read(ds).dataset().get(0x00081115);
        assertEquals(VR.SQ, e.vr());
        assertEquals("1.2", e.items().get(0).getString(0x0020000E));
    }

    @Test
    void unElementOfAStandardTagGetsItsDictionaryVr() throws Exception {
        byte[] ds = new Bytes().explicit(Tag.PATIENT_NAME, "UN", "Doe^Jane").toBytes();
        Element e = reader.read(ds).dataset().get(Tag.PATIENT_NAME);
        assertEquals(VR.PN, e.vr());
        assertEquals(VR.UN, reader.withUnResolution(false).read(ds).dataset().get(Tag.PATIENT_NAME).vr());
    }

    @Test
    void unElementOfASequenceTagIsParsedAsImplicitItems() throws Exception {
        byte[] items = new Bytes().item(0xFFFFFFFFL).implicit(Tag.PATIENT_NAME, Bytes.ascii("Doe^Jane")).itemDelimiter()
                .toBytes();
        byte[] ds = new Bytes().explicit(0x00081115, "UN", items).toBytes();
        Element e = reader.read(ds).dataset().get(0x00081115);
        assertEquals(VR.SQ, e.vr());
        assertEquals("Doe^Jane", e.items().get(0).getString(Tag.PATIENT_NAME));
    }

    @Test
    void unElementOfASequenceTagThatIsNotItemsStaysOpaque() throws Exception {
        byte[] ds = new Bytes().explicit(0x00081115, "UN", new byte[] {1, 2, 3, 4}).explicit(Tag.PATIENT_ID, "LO", "ID")
                .toBytes();
        Dataset d = reader.read(ds).dataset();
        assertEquals(VR.UN, d.get(0x00081115).vr());
        assertEquals("ID", d.getString(Tag.PATIENT_ID));
    }

    @Test
    void bigEndianUnElementIsSwappedForItsResolvedVr() throws Exception {
        byte[] ds = new Bytes(true).explicitHeader(0x00280010, "UN", 2).u16(512).toBytes();
        Element e = reader.read(ds).dataset().get(0x00280010);
        assertEquals(VR.US, e.vr());
        assertEquals(512, reader.read(ds).dataset().getInt(0x00280010, -1));
    }

    @Test
    void privateElementsResolveThroughTheirCreator() throws Exception {
        Dataset ds = fixture("ct_explicit_le.dcm").dataset();
        assertEquals(SyntheticFixtures.PRIVATE_CREATOR, ds.privateCreator(0x00091001));
        assertEquals(0x00091002, ds.privateTag(0x0009, SyntheticFixtures.PRIVATE_CREATOR, 0x02).getAsInt());
        assertTrue(ds.privateTag(0x0009, "OTHER", 0x02).isEmpty());
    }

    @Test
    void reservingAPrivateBlockTakesTheNextFreeSlot() {
        Dataset ds = new Dataset();
        ds.putStrings(0x00110010, VR.LO, "A");
        int t = ds.reservePrivateTag(0x0011, "B", 0x05);
        assertEquals(0x00111105, t);
        assertEquals("B", ds.getString(0x00110011));
        assertEquals(t, ds.reservePrivateTag(0x0011, "B", 0x05));
    }

    @Test
    void encapsulatedFragmentsAndOffsetTableArePassedThrough() throws Exception {
        Element px = fixture("sc_rle.dcm").dataset().get(Tag.PIXEL_DATA);
        assertTrue(px.isFragments());
        assertEquals(2, px.fragments().size());
        assertEquals(0, px.fragments().get(0).length());
        Element expected = SyntheticFixtures.scRle().get(Tag.PIXEL_DATA);
        assertArrayEquals(expected.fragments().get(1).bytes(), px.fragments().get(1).bytes());
    }

    @Test
    void eachEncapsulatedSyntaxIsRecognised() {
        for (String uid : new String[] {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
            "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90",
            "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203",
            "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.100"}) {
            TransferSyntax ts = TransferSyntax.of(uid + "\0");
            assertTrue(ts.known() && ts.encapsulated() && ts.explicitVr() && !ts.bigEndian(), uid);
        }
        assertTrue(TransferSyntax.of("1.2.840.10008.1.2.4.95").deflated());
    }

    @Test
    void groupLengthElementsAreRead() throws Exception {
        byte[] ds = new Bytes().explicitHeader(0x00080000, "UL", 4).u32(10).explicit(0x00080060, "CS", "CT").toBytes();
        Dataset d = reader.read(ds).dataset();
        assertEquals(10, d.getLong(0x00080000, -1));
        assertEquals("CT", d.getString(0x00080060));
    }

    @Test
    void oddLengthValuesAreReadAsTheyAre() throws Exception {
        byte[] ds = new Bytes().explicit(0x00100020, "LO", "ABC").explicit(0x00080060, "CS", "CT").toBytes();
        Dataset d = reader.read(ds).dataset();
        assertEquals(3, d.get(0x00100020).valueLength());
        assertEquals("ABC", d.getString(0x00100020));
        assertEquals("CT", d.getString(0x00080060));
    }

    @Test
    void largeBulkValuesStayInTheFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ct.dcm");
        Files.write(file, DicomTestFiles.fixture("ct_explicit_le.dcm"));
        DicomFile f = reader.withBulkThreshold(16).read(file);
        Element px = f.dataset().get(Tag.PIXEL_DATA);
        assertTrue(px.isBulk());
        assertNull(px.bytes());
        assertEquals(128, px.bulk().length());
        assertArrayEquals(fixture("ct_explicit_le.dcm").dataset().get(Tag.PIXEL_DATA).bytes(), px.bulk().readAll());
    }

    @Test
    void readsFromAStreamOfUnknownLength() throws Exception {
        DicomFile f = reader.read(new ByteArrayInputStream(DicomTestFiles.fixture("ct_deflated.dcm")));
        assertEquals("MRN-000123", f.dataset().getString(Tag.PATIENT_ID));
    }

    @Test
    void explicitSyntaxWithImplicitDataSetIsReadAsImplicit() throws Exception {
        byte[] ds = new Bytes().implicit(0x00080060, Bytes.ascii("CT")).implicit(Tag.PATIENT_ID, Bytes.ascii("ID01"))
                .toBytes();
        DicomFile f = reader.read(Bytes.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), ds));
        assertEquals("ID01", f.dataset().getString(Tag.PATIENT_ID));
    }

    // ---- malformed input ----

    private DicomFormatException fails(byte[] input) {
        return assertThrows(DicomFormatException.class, () -> reader.read(input));
    }

    @Test
    void truncatedValueIsReportedAsLengthOverflowWithOffset() {
        byte[] ok = DicomTestFiles.fixture("ct_explicit_le.dcm");
        byte[] cut = java.util.Arrays.copyOf(ok, ok.length - 10);
        DicomFormatException e = fails(cut);
        assertEquals(DicomFormatException.LENGTH_OVERFLOW, e.code());
        assertEquals("(7FE0,0010)", e.tagPath());
    }

    @Test
    void inputEndingInsideAHeaderIsTruncated() {
        byte[] ds = new Bytes().explicit(0x00080060, "CS", "CT").raw((byte) 0x10, (byte) 0x00, (byte) 0x10).toBytes();
        assertEquals(DicomFormatException.TRUNCATED, fails(ds).code());
    }

    @Test
    void lengthBeyondTheEndNamesOffsetAndTagPath() {
        Bytes b = new Bytes().explicitHeader(0x00081115, "SQ", 0xFFFFFFFFL).item(0xFFFFFFFFL)
                .explicitHeader(0x00081140, "SQ", 0xFFFFFFFFL);
        for (int i = 0; i < 2; i++) {
            b.item(0xFFFFFFFFL).explicit(0x00081150, "UI", "1.2 ").itemDelimiter();
        }
        b.item(0xFFFFFFFFL);
        int offset = b.toBytes().length;
        b.explicitHeader(0x00081150, "UI", 0x100).raw(Bytes.ascii("1.2"));
        DicomFormatException e = fails(b.toBytes());
        assertEquals(DicomFormatException.LENGTH_OVERFLOW, e.code());
        assertEquals("(0008,1115)[0]/(0008,1140)[2]/(0008,1150)", e.tagPath());
        assertEquals(offset, e.offset());
        assertEquals(String.format("offset 0x%X at (0008,1115)[0]/(0008,1140)[2]/(0008,1150)", offset), e.location());
    }

    @Test
    void elementLongerThanItsItemIsLengthOverflow() {
        byte[] ds = new Bytes().explicitHeader(0x00081115, "SQ", 0xFFFFFFFFL).item(10)
                .explicit(0x00081150, "UI", "1.2.3.4 ").sequenceDelimiter().toBytes();
        assertEquals(DicomFormatException.LENGTH_OVERFLOW, fails(ds).code());
    }

    @Test
    void unknownVrBytesAreBadVr() {
        byte[] ds = new Bytes().explicit(0x00080060, "CS", "CT").tag(0x00100020).raw(Bytes.ascii("Q!")).u16(2)
                .raw(Bytes.ascii("AB")).toBytes();
        DicomFormatException e = fails(ds);
        assertEquals(DicomFormatException.BAD_VR, e.code());
        assertEquals("(0010,0020)", e.tagPath());
    }

    @Test
    void sequenceWithoutDelimiterIsTruncatedNotEndless() {
        byte[] ds = new Bytes().explicitHeader(0x00081115, "SQ", 0xFFFFFFFFL).item(0xFFFFFFFFL)
                .explicit(0x00081150, "UI", "1.2 ").toBytes();
        assertEquals(DicomFormatException.TRUNCATED, fails(ds).code());
    }

    @Test
    void nonItemInsideASequenceIsBadStructure() {
        byte[] ds = new Bytes().explicitHeader(0x00081115, "SQ", 0xFFFFFFFFL).explicit(0x00081150, "UI", "1.2 ")
                .toBytes();
        assertEquals(DicomFormatException.BAD_STRUCTURE, fails(ds).code());
    }

    @Test
    void nestingBeyondTheLimitIsTooDeep() {
        Bytes b = new Bytes();
        for (int i = 0; i < 10; i++) {
            b.explicitHeader(0x00081115, "SQ", 0xFFFFFFFFL).item(0xFFFFFFFFL);
        }
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> reader.withMaxDepth(5).read(b.toBytes()));
        assertEquals(DicomFormatException.TOO_DEEP, e.code());
    }

    @Test
    void dataSetNeedingMoreThanTheBudgetIsTooLarge() {
        byte[] ds = new Bytes().explicit(0x00100020, "LO", new byte[4000]).toBytes();
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> reader.withMemoryBudget(1000).read(ds));
        assertEquals(DicomFormatException.TOO_LARGE, e.code());
    }

    @Test
    void lyingLengthInADeflatedStreamIsTruncatedWithoutAllocatingIt() throws Exception {
        byte[] file = deflatedWithPixelLength(200L << 20);
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> reader.withMemoryBudget(512L << 20).read(new ByteArrayInputStream(file)));
        assertEquals(DicomFormatException.TRUNCATED, e.code());
    }

    @Test
    void lengthBeyondTheBudgetInADeflatedStreamIsTooLarge() throws Exception {
        byte[] file = deflatedWithPixelLength(0xFFFFFFF0L);
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> reader.withMemoryBudget(512L << 20).read(new ByteArrayInputStream(file)));
        assertEquals(DicomFormatException.TOO_LARGE, e.code());
    }

    private static byte[] deflatedWithPixelLength(long length) throws Exception {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(9, true))) {
            d.write(new Bytes().explicitHeader(0x7FE00010, "OB", length).raw(new byte[100]).toBytes());
        }
        return Bytes.part10(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(), z.toByteArray());
    }

    @Test
    void corruptDeflateStreamIsBadDeflate() {
        byte[] file = Bytes.part10(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                new byte[] {(byte) 0xFF, (byte) 0xFF, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertEquals(DicomFormatException.BAD_DEFLATE, fails(file).code());
    }

    @Test
    void textIsNotDicom() {
        assertEquals(DicomFormatException.NOT_DICOM, fails(Bytes.ascii("Hello, this is not DICOM at all.")).code());
        assertEquals(DicomFormatException.NOT_DICOM, fails(new byte[0]).code());
        assertEquals(DicomFormatException.NOT_DICOM, fails(Bytes.ascii("{\n  \"resourceType\": \"Patient\"}")).code());
    }

    @Test
    void zerosAreNotDicom() {
        assertEquals(DicomFormatException.NOT_DICOM, fails(new byte[256]).code());
    }

    @Test
    void messagesNameThePlaceButNeverTheValue() {
        byte[] ds = new Bytes().explicit(Tag.PATIENT_ID, "LO", "SECRET-MRN").tag(Tag.PATIENT_NAME).raw(Bytes.ascii("PN"))
                .u16(40).raw(Bytes.ascii("Smith^John")).toBytes();
        DicomFormatException e = fails(ds);
        assertFalse(e.getMessage().contains("SECRET") || e.getMessage().contains("Smith"), e.getMessage());
        assertTrue(e.getMessage().contains("(0010,0010)"), e.getMessage());
    }
}
