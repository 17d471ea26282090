package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value left in its file is read whole or from its start, never past its end, and a short file says so. */
class BulkDataTest {

    @TempDir
    Path dir;

    private Path file(int size) throws IOException {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) i;
        }
        return Files.write(dir.resolve("f" + size), b);
    }

    @Test
    void theFirstBytesOfAValueAreItsOwnNotTheFilesNextOnes() throws Exception {
        BulkData v = new BulkData(file(300), 100, 50, false);
        assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(dir.resolve("f300")), 100, 110), v.readFirst(10));
        assertArrayEquals(v.readAll(), v.readFirst(1_000), "a value shorter than asked is read whole, no further");
        assertArrayEquals(new byte[0], v.readFirst(0));
    }

    @Test
    void aFileShorterThanItsReferenceIsAnError() throws Exception {
        BulkData v = new BulkData(file(120), 100, 50, false);
        assertThrows(IOException.class, () -> v.readFirst(40));
        assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(dir.resolve("f120")), 100, 120), v.readFirst(20));
    }
}
