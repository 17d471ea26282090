package org.deidworkbench.format.csv;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A plain Commons CSV parse and print of a file, with no checks and no de-identification: the
 * baseline the pipeline's speed is measured against in {@code deid bench csv}. Not for real use.
 */
public final class CsvBaseline {

    private CsvBaseline() {
    }

    /** Parses {@code in} in {@code dialect} and prints every record to {@code out}; returns the record count. */
    public static long parseAndPrint(Path in, CsvDialect dialect, OutputStream out) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(dialect.delimiter()).setQuote(dialect.quote())
                .setRecordSeparator(dialect.recordSeparator()).get();
        long n = 0;
        try (BufferedReader reader = Files.newBufferedReader(in, dialect.charset());
                CSVParser parser = CSVParser.parse(reader, format);
                CSVPrinter printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(out, dialect.charset()),
                        1 << 16), format)) {
            for (CSVRecord record : parser) {
                printer.printRecord(record);
                n++;
            }
        }
        return n;
    }
}
