package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Arbitrary bytes through sniffer, reader and writer: only {@link FormatException} or {@link IOException} may
 * escape; whatever is read without error is written and read back to the same records.
 *
 * <p>Under plain {@code mvn test} this runs the seeds in {@code CsvReaderFuzzTestInputs/} (copies of the
 * fixtures). Fuzz for real with {@code JAZZER_FUZZ=1 mvn -o test -Dtest=CsvReaderFuzzTest}.
 */
class CsvReaderFuzzTest {

    private static Path dir;

    @BeforeAll
    static void createDirectory() throws IOException {
        dir = Files.createTempDirectory("csv-fuzz");
    }

    @AfterAll
    static void deleteDirectory() throws IOException {
        Files.deleteIfExists(dir.resolve("in.csv"));
        Files.deleteIfExists(dir.resolve("out.csv"));
        Files.deleteIfExists(dir);
    }

    @FuzzTest(maxDuration = "60s")
    void sniffReadAndRewriteArbitraryBytes(byte[] data) throws IOException {
        Path in = dir.resolve("in.csv");
        Files.write(in, data);
        CsvDialect dialect;
        List<String[]> rows;
        try {
            dialect = CsvSniffer.sniff(in);
            rows = Fixtures.readAll(in, dialect);
        } catch (FormatException expected) {
            return;
        }
        for (String[] row : rows) {
            assertEquals(rows.get(0).length, row.length);
        }
        Path out = dir.resolve("out.csv");
        List<String[]> back;
        try {
            Files.write(out, Fixtures.writeAll(rows, dialect));
            back = Fixtures.readAll(out, dialect);
        } catch (FormatException e) {
            throw new AssertionError("records read without error must write and read back: " + e.code(), e);
        }
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i), back.get(i), "record " + i);
        }
    }
}
