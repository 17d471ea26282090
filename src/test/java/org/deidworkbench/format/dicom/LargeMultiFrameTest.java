package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.LargeFileStreamingTest.TailSink;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multi-frame ultrasound with more than 2 GiB of pixel data (twice the test JVM's heap; sparse on
 * disk, so cheap to make) is de-identified and redacted in every frame while it streams: the last
 * frame, beyond offset 2^31, has its rectangle filled and the rest untouched.
 */
class LargeMultiFrameTest {

    private static final int ROWS = 1024;
    private static final int COLUMNS = 1024;
    private static final int FRAMES = 1025;
    private static final long FRAME_BYTES = (long) ROWS * COLUMNS * 2;
    private static final long PIXEL_LENGTH = FRAME_BYTES * FRAMES;

    @TempDir
    Path dir;

    @Test
    void aFileTwiceTheHeapIsRedactedInItsLastFrameWhileItStreams() throws Exception {
        Dataset ds = PixelSafetyTest.image("1.2.840.10008.5.1.4.1.1.3.1", "US", 1, 1, 1, 16, 1, 0);
        ds.remove(Tag.PIXEL_DATA);
        ds.putLongs(0x00280010, VR.US, ROWS);
        ds.putLongs(0x00280011, VR.US, COLUMNS);
        ds.putStrings(0x00280008, VR.IS, Integer.toString(FRAMES));
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "BIG-1");
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        new DicomWriter().write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), header);
        Path file = dir.resolve("large.dcm");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(header.toByteArray());
            raf.write(new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W', 0, 0});
            raf.writeInt(Integer.reverseBytes((int) PIXEL_LENGTH));
            long pixels = raf.getFilePointer();
            raf.setLength(pixels + PIXEL_LENGTH);
            raf.seek(pixels + PIXEL_LENGTH - FRAME_BYTES / ROWS - 8); // last 8 bytes of row 1022 of the last frame
            raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            raf.seek(pixels + PIXEL_LENGTH - 8); // last 8 bytes of the last row, inside the rectangle
            raf.write(new byte[] {9, 9, 9, 9, 9, 9, 9, 9});
        }
        Profile profile = DicomProcessorTest.withSection("dicom:\n  options: {clean-pixel-data: true}\n  redactions:\n"
                + "    - {id: last-row, when: {modality: US}, rectangles: [{x: 0, y: 1023, width: 1024, height: 1}]}\n");
        Deidentifier engine = DicomProcessorTest.engine(profile);
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(engine, false);
        p.scan(file, "large", () -> false);
        engine.freezeIdentifiers();
        TailSink sink = new TailSink(COLUMNS * 2 + 8);
        p.transform(file, "large", sink, () -> false);
        byte[] expected = new byte[sink.tail.length];
        System.arraycopy(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 0, expected, 0, 8);
        assertArrayEquals(expected, sink.tail);
        assertTrue(sink.count > PIXEL_LENGTH, "the whole pixel data was written");
    }
}
