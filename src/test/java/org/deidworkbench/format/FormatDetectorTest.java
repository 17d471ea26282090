package org.deidworkbench.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {

    @Test
    void utf16TextWithByteOrderMarkIsDetectedByItsCharacters() {
        byte[] head = "\ufeffid,name\r\n1,x\r\n2,y\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertEquals(FileFormat.CSV, FormatDetector.detect(head, "export.txt"));
    }

    /** Excel's "Unicode Text" with a note of two lines: the line break inside quotes does not end the record. */
    @Test
    void tabSeparatedUnicodeTextWithQuotedLineBreaksIsCsv() {
        byte[] head = ("\ufeffPatient ID\tName\tNotes\r\n10442\tX\t\"first line\nsecond line\"\r\n"
                + "10587\tY\t\"one\ttab, quoted\"\r\n10600\tZ\tplain\r\n").getBytes(StandardCharsets.UTF_16LE);
        assertEquals(FileFormat.CSV, FormatDetector.detect(head, "patients.txt"));
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

    @Test
    void filesAreDetectedByTheirFirstBytesWhereverTheDecidingBytesLie(@TempDir Path dir) throws IOException {
        byte[] dicom = new byte[600];
        dicom[128] = 'D';
        dicom[129] = 'I';
        dicom[130] = 'C';
        dicom[131] = 'M';
        Files.write(dir.resolve("IM1"), dicom);
        assertEquals(FileFormat.DICOM, FormatDetector.detect(dir.resolve("IM1")));
        // "resourceType" only after the first 132 bytes: the detector reads on past a DICOM file's prefix.
        String json = "{\n  \"id\": \"" + "x".repeat(300) + "\",\n  \"resourceType\": \"Patient\"\n}\n";
        Files.writeString(dir.resolve("p.json"), json);
        assertEquals(FileFormat.FHIR_JSON, FormatDetector.detect(dir.resolve("p.json")));
        Files.writeString(dir.resolve("short.csv"), "id,name\n1,x\n");
        assertEquals(FileFormat.CSV, FormatDetector.detect(dir.resolve("short.csv")));
        Files.write(dir.resolve("empty.bin"), new byte[0]);
        assertEquals(FileFormat.UNKNOWN, FormatDetector.detect(dir.resolve("empty.bin")));
    }

    /** A Bundle written one entry per line has an object on its second line, but it is one JSON document. */
    @Test
    void aBundleWrittenOneEntryPerLineIsOneJsonDocument() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\n"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}},\n"
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p2\"}}]}\n";
        assertEquals(FileFormat.FHIR_JSON, FormatDetector.detect(bundle.getBytes(StandardCharsets.UTF_8), "b.json"));
    }

    @Test
    void ndjsonIsTheFirstLineAWholeObjectAndTheNextAnother() {
        String ndjson = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"text\":{\"div\":\"a } and a \\\" and [\"}}\r\n"
                + "{\"resourceType\":\"Patient\",\"id\":\"p2\"}\r\n";
        assertEquals(FileFormat.FHIR_NDJSON, FormatDetector.detect(ndjson.getBytes(StandardCharsets.UTF_8), "p.json"));
        assertEquals(FileFormat.FHIR_NDJSON, FormatDetector.detect(ndjson.replace("\r", "")
                .getBytes(StandardCharsets.UTF_8), "Patient.ndjson"));
        // a record over several lines, a line starting with "{" inside it: still one record after another
        String multiLine = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"note\":[\n{\"text\":\"a\"}]}\n"
                + "{\"resourceType\":\"Observation\",\"id\":\"o2\"}\n";
        assertEquals(FileFormat.FHIR_NDJSON, FormatDetector.detect(multiLine.getBytes(StandardCharsets.UTF_8), "o.json"));
        // a Bundle one entry per line larger than the detector's head: its first line opens a Bundle
        String big = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[\n"
                + ("{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"" + "p".repeat(60) + "\"}},\n").repeat(400)
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"last\"}}]}\n";
        byte[] head = java.util.Arrays.copyOf(big.getBytes(StandardCharsets.UTF_8), FormatDetector.HEAD);
        assertEquals(FileFormat.FHIR_JSON, FormatDetector.detect(head, "b.json"));
    }
}
