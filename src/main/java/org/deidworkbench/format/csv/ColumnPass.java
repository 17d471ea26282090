package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.format.FormatException;

/**
 * One pass over every record of a file that needs only a few of its columns: the reader makes strings of
 * the wanted columns only. Not thread-safe.
 */
final class ColumnPass {

    /** What is done with each record. */
    @FunctionalInterface
    interface RowConsumer {
        /** One record; only the wanted columns of {@code row} are filled, and the array is reused. */
        void accept(String[] row) throws FormatException;
    }

    private static final int CANCEL_CHECK_EVERY = 4096;

    private ColumnPass() {
    }

    /** Reads the wanted columns of every record of {@code file}, whose header has {@code wanted.length} columns. */
    static void run(Path file, CsvDialect dialect, boolean[] wanted, RowConsumer consumer, BooleanSupplier cancelled)
            throws IOException, FormatException {
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            if (reader.header().size() != wanted.length) {
                throw new FormatException("CSV-CHANGED", "line 1", "the file's header changed while it was being read");
            }
            String[] row = new String[wanted.length];
            reader.readLabelRows(); // a survey export's label rows are no answers (decision 0162)
            long n = 0;
            while (reader.next(row, wanted)) {
                if (++n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                consumer.accept(row);
            }
        }
    }
}
