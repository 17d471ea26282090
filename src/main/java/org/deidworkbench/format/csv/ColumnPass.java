package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.format.FormatException;

/**
 * One pass over every record of a file that needs only a few of its columns: through the lean
 * {@link CsvFieldScanner}, or the full {@link CsvRecordReader} where the scanner declines. Rows
 * already handed out are not handed out again after a fallback: the pass restarts and the consumer
 * is told to start over. Not thread-safe.
 */
final class ColumnPass {

    /** What is done with each record. */
    interface RowConsumer {
        /** Called before the first record, and again (after a fallback) before the pass restarts. */
        void start();

        /** One record; only the wanted columns of {@code row} are filled. */
        void accept(String[] row) throws FormatException;
    }

    private static final int CANCEL_CHECK_EVERY = 4096;

    private ColumnPass() {
    }

    /** Reads the wanted columns of every record of {@code file}. */
    static void run(Path file, CsvDialect dialect, int columns, boolean[] wanted, RowConsumer consumer,
            BooleanSupplier cancelled) throws IOException, FormatException {
        consumer.start();
        String[] row = new String[columns];
        try (CsvFieldScanner scanner = new CsvFieldScanner(file, dialect, columns)) {
            long n = 0;
            while (scanner.next(row, wanted)) {
                check(++n, cancelled);
                consumer.accept(row);
            }
            return;
        } catch (CsvFieldScanner.Fallback fallback) {
            consumer.start();
        }
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            String[] r;
            long n = 0;
            while ((r = reader.next()) != null) {
                check(++n, cancelled);
                consumer.accept(r);
            }
        }
    }

    private static void check(long n, BooleanSupplier cancelled) {
        if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
    }
}
