package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Fuzzes the reader: any input either reads or fails with a {@link DicomFormatException} (never
 * another exception, a hang or an OutOfMemoryError), and what reads can be dumped, written and
 * read back, with writing idempotent. Regression mode runs the committed seeds (every truncation
 * of a small file, see {@link FuzzSeeds}); {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class DicomReaderFuzzTest {

    private static final DicomReader READER = new DicomReader().withMemoryBudget(64L << 20);

    @FuzzTest(maxDuration = "60s")
    void readerNeverFailsUnexpectedly(byte[] data) throws IOException {
        DicomFile f;
        try {
            f = READER.read(data);
        } catch (DicomFormatException e) {
            assertFalse(e.code().isEmpty());
            return;
        }
        DicomDumper.lines(f);
        byte[] once;
        try {
            once = write(f);
        } catch (DicomFormatException e) {
            assertEquals(DicomFormatException.CANNOT_ENCODE, e.code());
            return;
        }
        try {
            DicomFile back = READER.read(once);
            assertArrayEquals(once, write(back));
        } catch (DicomFormatException e) {
            throw new AssertionError("our own output does not read back: " + e.getMessage(), e);
        }
    }

    private static byte[] write(DicomFile f) throws IOException, DicomFormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DicomWriter().write(f, out);
        return out.toByteArray();
    }
}
