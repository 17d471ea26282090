package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DicomWriterTest {

    private final DicomReader reader = new DicomReader();
    private final DicomWriter writer = new DicomWriter();

    private byte[] write(DicomFile f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(f, out);
        return out.toByteArray();
    }

    private byte[] write(DicomFile f, TransferSyntax ts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(f, ts, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ct_explicit_le.dcm", "ct_implicit_le.dcm", "ct_explicit_be.dcm", "ct_deflated.dcm",
        "sc_rle.dcm", "small_seed.dcm"})
    void canonicalInputIsWrittenBackByteIdentical(String name) throws Exception {
        byte[] in = DicomTestFiles.fixture(name);
        assertArrayEquals(in, write(reader.read(in)));
    }

    @Test
    void fileWithoutPreambleOrMetaIsWrittenAsFullPart10() throws Exception {
        byte[] expected = DicomTestFiles.fixture("ct_implicit_le.dcm");
        assertArrayEquals(expected, write(reader.read(DicomTestFiles.fixture("ct_no_meta_implicit.dcm"))));
        assertArrayEquals(DicomTestFiles.fixture("ct_explicit_le.dcm"),
                write(reader.read(DicomTestFiles.fixture("ct_no_preamble.dcm"))));
    }

    @Test
    void fileMetaIsRegeneratedFromTheDataSet() throws Exception {
        DicomFile in = reader.read(DicomTestFiles.fixture("ct_explicit_le.dcm"));
        Dataset oldMeta = new Dataset();
        oldMeta.putStrings(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID, VR.UI, "9.9.9");
        oldMeta.putStrings(Tag.IMPLEMENTATION_CLASS_UID, VR.UI, "1.2.3.4");
        oldMeta.putStrings(0x00020016, VR.AE, "SOURCE_AE");
        byte[] out = write(new DicomFile(oldMeta, in.dataset(), in.transferSyntax()));
        Dataset meta = reader.read(out).fileMeta();
        assertEquals("2.25.1000000000000000000001", meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID));
        assertEquals(SyntheticFixtures.SOP_CLASS_CT, meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID));
        assertEquals(DicomWriter.IMPLEMENTATION_CLASS_UID, meta.getString(Tag.IMPLEMENTATION_CLASS_UID));
        assertEquals(DicomWriter.IMPLEMENTATION_VERSION_NAME, meta.getString(Tag.IMPLEMENTATION_VERSION_NAME));
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), meta.getString(Tag.TRANSFER_SYNTAX_UID));
        assertEquals("SOURCE_AE", meta.getString(0x00020016));
        assertArrayEquals(new byte[] {0, 1}, meta.get(Tag.FILE_META_VERSION).bytes());
    }

    @Test
    void fileMetaGroupLengthCountsTheRestOfTheGroup() throws Exception {
        byte[] out = write(reader.read(DicomTestFiles.fixture("sc_rle.dcm")));
        long groupLength = ByteBuffer.wrap(out, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int end = 144 + (int) groupLength;
        assertEquals(0x08, out[end]);
        assertEquals(0x00, out[end + 1]);
        assertTrue(out[end - 1] != 0 || out[end - 2] != 0);
    }

    @Test
    void implementationClassUidIsAValid225Uid() {
        String uid = DicomWriter.IMPLEMENTATION_CLASS_UID;
        assertTrue(uid.matches("2\\.25\\.[1-9][0-9]*") && uid.length() <= 64, uid);
        assertTrue(DicomWriter.IMPLEMENTATION_VERSION_NAME.length() <= 16);
    }

    @Test
    void everyNativeSyntaxRoundTripsTheSameValues() throws Exception {
        DicomFile in = reader.read(DicomTestFiles.fixture("ct_explicit_le.dcm"));
        List<String> expected = DicomDumper.lines(in).subList(14, DicomDumper.lines(in).size());
        for (TransferSyntax ts : Stream.of(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
                TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN).toList()) {
            DicomFile back = reader.read(write(in, ts));
            List<String> lines = DicomDumper.lines(back);
            assertEquals(expected, lines.subList(14, lines.size()), ts.name());
        }
    }

    @Test
    void groupLengthElementsAreRecomputed() throws Exception {
        Dataset ds = new Dataset();
        ds.putLongs(0x00080000, VR.UL, 999);
        ds.putStrings(0x00080060, VR.CS, "CT");
        ds.putStrings(0x00080070, VR.LO, "ACME");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "X");
        DicomFile back = reader.read(write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)));
        assertEquals(8 + 2 + 8 + 4, back.dataset().getLong(0x00080000, -1));
    }

    @Test
    void oddLengthValuesArePaddedWithTheVrPaddingByte() throws Exception {
        Dataset ds = new Dataset();
        ds.putBytes(Tag.PATIENT_ID, VR.LO, Bytes.ascii("ABC"));
        ds.putBytes(Tag.SOP_INSTANCE_UID, VR.UI, Bytes.ascii("1.2.3"));
        ds.putBytes(0x00091001, VR.OB, new byte[] {7});
        Dataset back = reader.read(write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
                .dataset();
        assertArrayEquals(Bytes.ascii("ABC "), back.get(Tag.PATIENT_ID).bytes());
        assertArrayEquals(new byte[] {'1', '.', '2', '.', '3', 0}, back.get(Tag.SOP_INSTANCE_UID).bytes());
        assertArrayEquals(new byte[] {7, 0}, back.get(0x00091001).bytes());
    }

    @Test
    void definedLengthItemsGetTheirComputedLength() throws Exception {
        Dataset ds = new Dataset();
        Element seq = Element.ofSequence(0x00081115, VR.SQ, new java.util.ArrayList<>(), false);
        ds.put(seq);
        Dataset item = ds.addItem(0x00081115);
        item.undefinedLength(false);
        item.putStrings(0x0020000E, VR.UI, "1.2.3.4");
        byte[] out = new ByteArrayOutputStream().toByteArray();
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        writer.writeDataset(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, o);
        out = o.toByteArray();
        // SQ header 12 bytes, length = item header 8 + element 8 + 8
        assertEquals(24, ByteBuffer.wrap(out, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(16, ByteBuffer.wrap(out, 16, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(36, out.length);
    }

    @Test
    void shortVrValueTooLongForItsLengthFieldIsWrittenAsUn() throws Exception {
        Dataset ds = new Dataset();
        ds.putBytes(0x00280010, VR.US, new byte[70000]);
        Dataset back = reader.read(write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)))
                .dataset();
        assertEquals(VR.UN, back.get(0x00280010).vr());
        assertEquals(70000, back.get(0x00280010).valueLength());
    }

    @Test
    void encapsulatedPixelDataCannotBeWrittenInANativeSyntax() throws Exception {
        DicomFile rle = reader.read(DicomTestFiles.fixture("sc_rle.dcm"));
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> write(rle, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        assertEquals(DicomFormatException.CANNOT_ENCODE, e.code());
    }

    @Test
    void bulkValuesAreCopiedFromTheSourceAndSwappedForTheTargetByteOrder(@TempDir Path tmp) throws Exception {
        Path be = tmp.resolve("be.dcm");
        Files.write(be, DicomTestFiles.fixture("ct_explicit_be.dcm"));
        DicomFile f = reader.withBulkThreshold(16).read(be);
        assertTrue(f.dataset().get(Tag.PIXEL_DATA).isBulk());
        byte[] le = write(f, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertArrayEquals(DicomTestFiles.fixture("ct_explicit_le.dcm"), le);
        assertArrayEquals(DicomTestFiles.fixture("ct_explicit_be.dcm"), write(f));
    }

    /** A stream that is also a channel, as a run's part is (decision 0088); counts the buffers written to it. */
    private static final class ChannelSink extends java.io.OutputStream implements java.nio.channels.WritableByteChannel {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int buffers;

        @Override
        public void write(int b) {
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public int write(ByteBuffer src) {
            buffers++;
            int n = Math.min(src.remaining(), 1000); // a channel may take part of a buffer
            byte[] b = new byte[n];
            src.get(b);
            bytes.write(b, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }
    }

    @Test
    void bulkValuesCopiedUnchangedToAChannelAreTheSameBytes(@TempDir Path tmp) throws Exception {
        for (String name : List.of("ct_explicit_le.dcm", "ct_explicit_be.dcm", "ct_implicit_le.dcm")) {
            Path file = tmp.resolve(name);
            Files.write(file, DicomTestFiles.fixture(name));
            DicomFile f = reader.withBulkThreshold(16).read(file);
            assertTrue(f.dataset().get(Tag.PIXEL_DATA).isBulk());
            ChannelSink same = new ChannelSink();
            writer.write(f, same);
            assertArrayEquals(DicomTestFiles.fixture(name), same.bytes.toByteArray(), name);
            assertTrue(same.buffers > 0, name + ": an unchanged value goes through the channel");
            // swapped for another byte order: through the heap as before, the same bytes as to a plain stream
            TransferSyntax other = f.transferSyntax() == TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                    ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
            ChannelSink swapped = new ChannelSink();
            writer.write(f, other, swapped);
            assertArrayEquals(write(f, other), swapped.bytes.toByteArray(), name + " as " + other);
        }
    }

    @Test
    void writingToAPathIsAtomicAndLeavesNoTemporaryFile(@TempDir Path tmp) throws Exception {
        Path target = tmp.resolve("out.dcm");
        Files.write(target, new byte[] {1, 2, 3});
        writer.write(reader.read(DicomTestFiles.fixture("sc_rle.dcm")), target);
        assertArrayEquals(DicomTestFiles.fixture("sc_rle.dcm"), Files.readAllBytes(target));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList());
        }
    }

    @Test
    void fileCanBeRewrittenOverItsOwnSource(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ct.dcm");
        Files.write(file, DicomTestFiles.fixture("ct_explicit_be.dcm"));
        DicomFile f = reader.withBulkThreshold(16).read(file);
        writer.write(f, file);
        assertArrayEquals(DicomTestFiles.fixture("ct_explicit_be.dcm"), Files.readAllBytes(file));
    }

    @Test
    void dicomdirOffsetsStillPointAtTheSameRecords() throws Exception {
        Path dicomdir = DicomTestFiles.PYDICOM_DATA.resolve("test_files/dicomdirtests/DICOMDIR");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dicomdir),
                "pydicom's DICOMDIR not found: apt-get install python3-pydicom");
        DicomFile in = reader.read(dicomdir);
        in.fileMeta().putStrings(0x00020016, VR.AE, "A_LONGER_SOURCE_AE");
        DicomFile out = reader.read(write(in));
        assertEquals(chain(in.dataset()), chain(out.dataset()));
        assertTrue(in.dataset().getLong(0x00041200, 0) != out.dataset().getLong(0x00041200, 0));
    }

    /** Walks the records from the root by next/lower offsets, giving the order of record indexes. */
    private static List<Integer> chain(Dataset dir) {
        List<Dataset> records = dir.getItems(0x00041220);
        java.util.Map<Long, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            index.put(records.get(i).sourceOffset(), i);
        }
        List<Integer> order = new java.util.ArrayList<>();
        java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>();
        todo.push(dir.getLong(0x00041200, 0));
        while (!todo.isEmpty()) {
            long at = todo.pop();
            if (at == 0) {
                continue;
            }
            Integer i = index.get(at);
            assertTrue(i != null, "offset " + at + " points at no record");
            order.add(i);
            Dataset r = records.get(i);
            todo.push(r.getLong(0x00041400, 0));
            todo.push(r.getLong(0x00041420, 0));
        }
        assertEquals(records.size(), order.size());
        return order;
    }

    @Test
    void editedValuesAreWrittenInTheDataSetCharacterSet() throws Exception {
        DicomFile f = reader.read(DicomTestFiles.fixture("small_seed.dcm"));
        f.dataset().putStrings(Tag.PATIENT_NAME, VR.PN, "Çelik^Ayşe");
        DicomFile back = reader.read(write(f));
        assertEquals("Çelik^Ayşe", back.dataset().getString(Tag.PATIENT_NAME));
        assertTrue(Arrays.equals(write(back), write(f)));
    }
}
