package org.deidworkbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {

    @Test
    void utf16TextWithByteOrderMarkIsDetectedByItsCharacters() {
        byte[] head = "\ufeffid,name\r\n1,x\r\n2,y\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(FileFormat.CSV, FormatDetector.detect(head, "export.txt"));
    }

    @Test
    void csvFileWithNulBytesGoesToTheCsvReaderWhichNamesTheEncodingProblem() {
        byte[] head = "id,name\n1,x\n".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(FileFormat.CSV, FormatDetector.detect(head, "export.csv"));
    }

    @Test
    void binaryFileWithoutCsvNameStaysUnknown() {
        assertEquals(FileFormat.UNKNOWN, FormatDetector.detect(new byte[] {1, 0, 2, 0, 3}, "blob.bin"));
    }
}
