package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ValueReader;

/**
 * Every cell of a CSV file, header names included, located as {@code record N, column NAME}: through the
 * lean {@link CsvFieldScanner} when it can, else through {@link CsvRecordReader} (same values, located by
 * line). Streams one record at a time. Stateless and thread-safe.
 */
final class CsvValueReader implements ValueReader {

    private static final int CANCEL_CHECK_EVERY = 1024;

    /** The location of the value being visited; one per read, updated in place, described only on demand. */
    private static final class Where implements Supplier<String> {
        private final List<String> header;
        private String unit = "record";
        private long number;
        private int column;

        Where(List<String> header) {
            this.header = header;
        }

        @Override
        public String get() {
            if (number == 0) {
                return "header, column " + (column + 1);
            }
            return unit + " " + number + ", column " + (column < header.size() ? header.get(column) : column + 1);
        }
    }

    @Override
    public void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        List<String> header;
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            header = reader.header();
        }
        Where where = new Where(header);
        for (int c = 0; c < header.size(); c++) {
            where.column = c;
            visitor.value(header.get(c), where);
        }
        try {
            readFast(file, dialect, header, visitor, cancelled, where);
        } catch (CsvFieldScanner.Fallback fallback) {
            // the records already visited are not visited again, so no hit is reported twice
            readFull(file, dialect, visitor, cancelled, new Where(header), where.number);
        }
    }

    private static void readFast(Path file, CsvDialect dialect, List<String> header, Visitor visitor,
            BooleanSupplier cancelled, Where where) throws IOException, CsvFieldScanner.Fallback {
        boolean[] wanted = new boolean[header.size()];
        Arrays.fill(wanted, true);
        String[] row = new String[header.size()];
        try (CsvFieldScanner scanner = new CsvFieldScanner(file, dialect, header.size())) {
            long n = 0;
            while (scanner.next(row, wanted)) {
                checkCancel(++n, cancelled);
                where.number = n;
                // counted before the cells: a fallback in the next record re-reads from there
                for (int c = 0; c < row.length; c++) {
                    where.column = c;
                    visitor.value(row[c], where);
                }
            }
        }
    }

    private static void readFull(Path file, CsvDialect dialect, Visitor visitor, BooleanSupplier cancelled, Where where,
            long alreadyVisited) throws IOException, FormatException {
        where.unit = "line";
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            String[] row;
            long n = 0;
            while ((row = reader.next()) != null) {
                checkCancel(++n, cancelled);
                if (reader.recordNumber() <= alreadyVisited) {
                    continue;
                }
                where.number = reader.lineNumber();
                for (int c = 0; c < row.length; c++) {
                    where.column = c;
                    visitor.value(row[c], where);
                }
            }
        }
    }

    private static void checkCancel(long n, BooleanSupplier cancelled) {
        if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("verification cancelled");
        }
    }
}
