package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-frame file with more than 2 GiB of pixel data (sparse on disk, so cheap to create) is
 * read and written through a counting sink with the test JVM's 1 GiB heap: the pixel data must
 * stay a file reference and be copied, with offsets beyond {@code Integer.MAX_VALUE} intact.
 */
public class LargeFileStreamingTest {

    static final long PIXEL_LENGTH = (1L << 31) + 1024;

    /** Writes a sparse Part 10 file whose pixel data ends with 8 marker bytes; returns the header length. */
    static long createLargeFile(Path file, long pixelLength) throws Exception {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7.2");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.42");
        ds.putLongs(0x00280010, VR.US, 1024);
        ds.putLongs(0x00280011, VR.US, 1024);
        ds.putLongs(Tag.BITS_ALLOCATED, VR.US, 16);
        ds.putStrings(0x00280008, VR.IS, Long.toString(pixelLength / (1024 * 1024 * 2)));
        byte[] header = SyntheticFixtures.part10(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] pixelHeader = new Bytes().explicitHeader(Tag.PIXEL_DATA, "OW", pixelLength).toBytes();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header);
            raf.write(pixelHeader);
            raf.setLength(header.length + pixelHeader.length + pixelLength);
            raf.seek(header.length + pixelHeader.length + pixelLength - 8);
            raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        return header.length + pixelHeader.length;
    }

    /** Counts bytes and keeps the last ones written (8 unless told otherwise). */
    public static final class TailSink extends OutputStream {
        /** Bytes written so far. */
        public long count;
        /** The last bytes written. */
        public final byte[] tail;

        TailSink() {
            this(8);
        }

        /** A sink keeping the last {@code keep} bytes. */
        public TailSink(int keep) {
            tail = new byte[keep];
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
            int keep = Math.min(len, tail.length);
            System.arraycopy(tail, keep, tail, 0, tail.length - keep);
            System.arraycopy(b, off + len - keep, tail, tail.length - keep, keep);
        }
    }

    @Test
    void pixelDataLargerThanTwoGigabytesIsCopiedFromTheSourceNotLoaded(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("large.dcm");
        long headerLength = createLargeFile(file, PIXEL_LENGTH);
        DicomFile f = new DicomReader().read(file);
        Element px = f.dataset().get(Tag.PIXEL_DATA);
        assertTrue(px.isBulk());
        assertNull(px.bytes());
        assertEquals(PIXEL_LENGTH, px.bulk().length());
        assertEquals(headerLength, px.bulk().offset());
        TailSink sink = new TailSink();
        new DicomWriter().write(f, sink);
        assertEquals(headerLength + PIXEL_LENGTH, sink.count);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, sink.tail);
    }

    @Test
    void lengthLargerThanTheFileIsAnErrorNotAnAllocation(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("lying.dcm");
        long headerLength = createLargeFile(file, 1024);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(headerLength - 4);
            raf.write(new byte[] {(byte) 0xF0, (byte) 0xFF, (byte) 0xFF, (byte) 0x7F});
        }
        DicomFormatException e = org.junit.jupiter.api.Assertions.assertThrows(DicomFormatException.class,
                () -> new DicomReader().withBulkThreshold(Long.MAX_VALUE).read(file));
        assertEquals(DicomFormatException.LENGTH_OVERFLOW, e.code());
        assertEquals("(7FE0,0010)", e.tagPath());
    }
}
