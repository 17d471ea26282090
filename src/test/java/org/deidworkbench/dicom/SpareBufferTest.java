package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's and the writer's per-file buffers are lent by their thread and taken back when the file is
 * done: files read or written one after another on one thread must not share anything through them.
 */
class SpareBufferTest {

    private static final int PRIVATE_VALUE = 0x00091010;

    /** A file larger than the reader's largest buffer (so it is lent), with values marked by {@code mark}. */
    private static Dataset dataset(int mark) {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25." + (1000 + mark));
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "PATIENT-" + mark);
        ds.putStrings(0x00091000, VR.LO, "DEIDWB TEST");
        byte[] middle = new byte[40_000]; // read into memory (below the bulk threshold), through the buffer
        Arrays.fill(middle, (byte) mark);
        ds.putBytes(PRIVATE_VALUE, VR.OB, middle);
        byte[] pixels = new byte[100_000]; // left in the file (above the bulk threshold)
        Arrays.fill(pixels, (byte) (mark + 1));
        ds.putBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return ds;
    }

    private static byte[] write(DicomFile file, TransferSyntax ts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().write(file, ts, out);
        return out.toByteArray();
    }

    @Test
    void filesReadOneAfterAnotherOnOneThreadKeepTheirOwnValues(@TempDir Path dir) throws Exception {
        List<Path> files = new ArrayList<>();
        for (int mark = 1; mark <= 4; mark++) {
            Path f = dir.resolve(mark + ".dcm");
            Files.write(f, write(new DicomFile(new Dataset(), dataset(mark), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN),
                    TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
            files.add(f);
        }
        DicomReader reader = new DicomReader();
        List<DicomFile> read = new ArrayList<>();
        for (Path f : files) {
            read.add(reader.read(f)); // every one kept while the next is read with the same thread's buffer
        }
        for (int i = 0; i < read.size(); i++) {
            int mark = i + 1;
            Dataset ds = read.get(i).dataset();
            assertEquals("PATIENT-" + mark, ds.getString(Tag.PATIENT_ID));
            byte[] middle = ds.get(PRIVATE_VALUE).bytes();
            assertNotNull(middle);
            byte[] expected = new byte[40_000];
            Arrays.fill(expected, (byte) mark);
            assertArrayEquals(expected, middle, "file " + mark + "'s value read into memory");
            assertArrayEquals(Files.readAllBytes(files.get(i)),
                    write(read.get(i), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), "file " + mark + " written back");
            read.get(i).close();
        }
    }

    @Test
    void filesWrittenOneAfterAnotherOnOneThreadAreAsIfEachWereWrittenAlone() throws Exception {
        TransferSyntax[] syntaxes = {TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN};
        List<byte[]> alone = new ArrayList<>();
        for (int i = 0; i < syntaxes.length; i++) {
            int mark = i + 1;
            ExecutorService fresh = Executors.newSingleThreadExecutor(); // a thread with no spare yet
            try {
                alone.add(fresh.submit(() -> write(new DicomFile(new Dataset(), dataset(mark), syntaxes[mark - 1]),
                        syntaxes[mark - 1])).get());
            } finally {
                fresh.shutdown();
            }
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < syntaxes.length; i++) {
                assertArrayEquals(alone.get(i), write(new DicomFile(new Dataset(), dataset(i + 1), syntaxes[i]),
                        syntaxes[i]), "file " + (i + 1) + " in " + syntaxes[i].name() + ", round " + round);
            }
        }
    }
}
