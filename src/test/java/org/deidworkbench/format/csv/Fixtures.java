package org.deidworkbench.format.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;

/** Test helpers: fixture paths and whole-file read/write through the classes under test. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header followed by every record. */
    static List<String[]> readAll(Path file, CsvDialect dialect) throws IOException, FormatException {
        List<String[]> rows = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            rows.add(reader.header().toArray(new String[0]));
            for (String[] values = reader.next(); values != null; values = reader.next()) {
                rows.add(values);
            }
        }
        return rows;
    }

    static byte[] writeAll(List<String[]> rows, CsvDialect dialect) throws IOException, FormatException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRecordWriter writer = new CsvRecordWriter(out, dialect)) {
            for (String[] row : rows) {
                writer.write(row);
            }
        }
        return out.toByteArray();
    }

    /** Sniffs, reads every record and writes them back in the sniffed dialect. */
    static byte[] roundTrip(Path file) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        return writeAll(readAll(file, dialect), dialect);
    }
}
