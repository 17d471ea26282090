package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A deflated data set read from a file is inflated to a spool file, not into the heap. */
class DeflatedSpoolTest {

    @TempDir
    Path dir;

    private Path deflated(int pixelBytes) throws Exception {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.7");
        byte[] pixels = new byte[pixelBytes];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31);
        }
        ds.putBytes(Tag.PIXEL_DATA, VR.OB, pixels);
        Path f = dir.resolve("deflated.dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN), f);
        return f;
    }

    private long spools(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().startsWith("deid-inflated")).count();
        }
    }

    @Test
    void largeValuesOfADeflatedFileStayInTheSpoolUntilClosed() throws Exception {
        Path in = deflated(200_000);
        Path spoolFolder = Files.createDirectory(dir.resolve("spool"));
        byte[] expected;
        try (DicomFile f = new DicomReader().withSpool(spoolFolder, DicomReader.DEFAULT_SPOOL_LIMIT).read(in)) {
            Element px = f.dataset().get(Tag.PIXEL_DATA);
            assertTrue(px.isBulk());
            assertEquals(f.spool(), px.bulk().file());
            assertEquals(1, spools(spoolFolder));
            expected = px.bulk().readAll();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new DicomWriter().write(f, out);
            try (DicomFile back = new DicomReader().read(out.toByteArray())) {
                assertArrayEquals(expected, back.dataset().get(Tag.PIXEL_DATA).bytes());
                assertEquals(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN, back.transferSyntax());
            }
        }
        assertEquals(0, spools(spoolFolder));
        assertEquals((byte) (199_999 * 31), expected[199_999]);
    }

    @Test
    void aDataSetInflatingBeyondTheLimitFailsAndLeavesNoSpool() throws Exception {
        Path in = deflated(100_000);
        Path spoolFolder = Files.createDirectory(dir.resolve("spool"));
        DicomFormatException e = assertThrows(DicomFormatException.class,
                () -> new DicomReader().withSpool(spoolFolder, 50_000).read(in));
        assertEquals(DicomFormatException.TOO_LARGE, e.code());
        assertEquals(0, spools(spoolFolder));
    }

    @Test
    void aDeflatedDataSetReadFromMemoryStaysInMemory() throws Exception {
        try (DicomFile f = new DicomReader().read(Files.readAllBytes(deflated(1000)))) {
            assertFalse(f.dataset().get(Tag.PIXEL_DATA).isBulk());
            assertNotNull(f.dataset().get(Tag.PIXEL_DATA).bytes());
            assertEquals(null, f.spool());
        }
    }
}
