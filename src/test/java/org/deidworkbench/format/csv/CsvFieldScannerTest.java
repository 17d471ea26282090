package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's lean splitter answers exactly as {@link CsvRecordReader} does, or hands the file back to it. */
class CsvFieldScannerTest {

    private static final Path FIXTURES = Path.of("src/test/resources/org/deidworkbench/format/csv");

    @TempDir
    Path dir;

    /** What the full reader gives: the records, or null when it rejects the file. */
    static List<List<String>> readerRecords(Path file) throws IOException {
        try {
            CsvDialect dialect = CsvSniffer.sniff(file);
            try (CsvRecordReader r = new CsvRecordReader(file, dialect)) {
                List<List<String>> records = new ArrayList<>();
                String[] row;
                while ((row = r.next()) != null) {
                    records.add(List.of(row));
                }
                return records;
            }
        } catch (FormatException e) {
            return null;
        }
    }

    /** What the scanner gives with every column wanted, or null when it falls back. */
    static List<List<String>> scannerRecords(Path file) throws IOException {
        try {
            CsvDialect dialect = CsvSniffer.sniff(file);
            int columns;
            try (CsvRecordReader r = new CsvRecordReader(file, dialect)) {
                columns = r.header().size();
            }
            boolean[] wanted = new boolean[columns];
            Arrays.fill(wanted, true);
            try (CsvFieldScanner s = new CsvFieldScanner(file, dialect, columns)) {
                List<List<String>> records = new ArrayList<>();
                String[] row = new String[columns];
                while (s.next(row, wanted)) {
                    records.add(List.of(row.clone()));
                }
                return records;
            }
        } catch (FormatException | CsvFieldScanner.Fallback e) {
            return null;
        }
    }

    /** The property: where the scanner answers, the reader accepted the file and gave the same records. */
    static void assertAgrees(Path file) throws IOException {
        List<List<String>> scanned = scannerRecords(file);
        if (scanned != null) {
            assertEquals(readerRecords(file), scanned, file.getFileName().toString());
        }
    }

    @Test
    void agreesWithTheReaderOnEveryFixture() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".md")).toList()) {
                assertAgrees(f);
            }
        }
    }

    @Test
    void readsQuotedFieldsWithDelimitersQuotesAndLineBreaks() throws IOException {
        Path f = write("id,note,n\r\n1,\"a, \"\"quoted\"\"\r\nline\",2\r\n2,plain,3\r\n");
        assertEquals(List.of(List.of("1", "a, \"quoted\"\r\nline", "2"), List.of("2", "plain", "3")), scannerRecords(f));
        assertAgrees(f);
    }

    @Test
    void skipsBlankLinesLikeTheReader() throws IOException {
        Path f = write("a,b\n1,2\n\n3,4\n\n\n");
        assertEquals(List.of(List.of("1", "2"), List.of("3", "4")), scannerRecords(f));
        assertAgrees(f);
    }

    @Test
    void keepsATrailingEmptyFieldAtTheEndOfTheFile() throws IOException {
        Path f = write("a,b\n1,");
        assertEquals(List.of(List.of("1", "")), scannerRecords(f));
        assertAgrees(f);
    }

    @Test
    void fallsBackOnARaggedRow() throws IOException {
        assertFallsBack(write("a,b\n1,2\n3,4,5\n"));
    }

    @Test
    void fallsBackOnTextAfterAClosingQuote() throws IOException {
        assertFallsBack(write("a,b\n\"x\"y,2\n"));
    }

    @Test
    void fallsBackOnAnUnterminatedQuote() throws IOException {
        assertFallsBack(write("a,b\n\"never closed,2\n"));
    }

    @Test
    void fallsBackOnInvalidBytesLaterInTheFile() throws IOException {
        byte[] head = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[70_000];
        Arrays.fill(body, (byte) 'x');
        body[body.length - 2] = (byte) 0xC3; // a lone UTF-8 lead byte after the sniffer's sample
        body[body.length - 1] = ',';
        Path f = dir.resolve("late-bad-byte.csv");
        Files.write(f, concat(head, "3,".getBytes(StandardCharsets.UTF_8), body, "\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(null, readerRecords(f), "the reader rejects the file");
        assertFallsBack(f);
    }

    @Test
    void singleColumnFilesGoToTheReader() throws IOException {
        Path f = write("only\n1\n\n2\n");
        assertThrows(CsvFieldScanner.Fallback.class, () -> new CsvFieldScanner(f, CsvSniffer.sniff(f), 1));
    }

    @Test
    void leavesUnwantedColumnsUntouched() throws Exception {
        Path f = write("a,b,c\n1,2,3\n");
        CsvDialect d = CsvSniffer.sniff(f);
        try (CsvFieldScanner s = new CsvFieldScanner(f, d, 3)) {
            String[] row = new String[3];
            assertTrue(s.next(row, new boolean[] {false, true, false}));
            assertEquals(Arrays.asList(null, "2", null), Arrays.asList(row));
        }
    }

    @FuzzTest(maxDuration = "20s")
    void scannerNeverDisagreesWithTheReader(FuzzedDataProvider data) throws IOException {
        Path f = Files.createTempFile("scan-fuzz", ".csv");
        try {
            Files.write(f, data.consumeRemainingAsBytes());
            assertAgrees(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private void assertFallsBack(Path f) throws IOException {
        assertEquals(null, scannerRecords(f), "the scanner must hand this file to the reader");
    }

    private Path write(String content) throws IOException {
        Path f = dir.resolve("t" + System.nanoTime() + ".csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
