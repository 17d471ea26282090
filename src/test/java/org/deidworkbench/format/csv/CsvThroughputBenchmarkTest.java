package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of sniff + {@link CsvRecordReader} + {@link CsvRecordWriter} against a raw Commons CSV parse and
 * print of the same file; the pipeline must reach at least half the raw speed.
 *
 * <p>Skipped by default (timings on a shared build machine are noise). Run with
 * {@code mvn -o test -Dtest=CsvThroughputBenchmarkTest -Ddeid.benchmark=true [-Ddeid.benchmark.mb=300]}.
 * With a size several times the test JVM's heap ({@code -Xmx1g} in the pom) it also shows that reading streams:
 * the reader holds one record at a time.
 */
class CsvThroughputBenchmarkTest {

    private static final Logger LOG = LoggerFactory.getLogger(CsvThroughputBenchmarkTest.class);

    @TempDir
    Path dir;

    @Test
    void pipelineReachesAtLeastHalfTheSpeedOfARawCommonsCsvParseAndPrint(TestReporter reporter) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("deid.benchmark"),
                "benchmark skipped: run with -Ddeid.benchmark=true (optionally -Ddeid.benchmark.mb=300)");
        long megabytes = Long.getLong("deid.benchmark.mb", 100);
        Path file = dir.resolve("bench.csv");
        long records = generate(file, megabytes * 1024 * 1024);

        assertEquals(records, pipeline(file));
        assertEquals(records, raw(file));
        long bestRaw = Long.MAX_VALUE;
        long bestPipeline = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            raw(file);
            long t1 = System.nanoTime();
            pipeline(file);
            long t2 = System.nanoTime();
            bestRaw = Math.min(bestRaw, t1 - t0);
            bestPipeline = Math.min(bestPipeline, t2 - t1);
        }
        double size = Files.size(file) / 1e6;
        String summary = String.format("%.0f MB, %d records: raw Commons CSV parse+print %.0f MB/s,"
                + " sniff+read+write pipeline %.0f MB/s (%.2f of raw)", size, records, size / (bestRaw / 1e9),
                size / (bestPipeline / 1e9), (double) bestRaw / bestPipeline);
        reporter.publishEntry("throughput", summary);
        LOG.info("CSV throughput: {}", summary);
        assertTrue(bestPipeline <= 2 * bestRaw,
                "pipeline took " + bestPipeline / 1_000_000 + " ms, raw " + bestRaw / 1_000_000 + " ms");
    }

    /** Writes realistic rows (quoted commas, non-ASCII, empty fields) until the file has the given size. */
    private static long generate(Path file, long bytes) throws IOException {
        long records = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            String header = "patient_id,family,given,birth_date,city,note,score\r\n";
            out.write(header);
            written += header.length();
            while (written < bytes) {
                String row = "P" + records + ",Family" + (records % 9973) + ",Gïven" + (records % 101)
                        + ",19" + (10 + records % 90) + "-0" + (1 + records % 9) + "-1" + (records % 10)
                        + ",Zürich,\"note, with a comma and \"\"quotes\"\"\"," + (records % 2 == 0 ? "" : "0.5")
                        + "\r\n";
                out.write(row);
                written += row.length();
                records++;
            }
        }
        return records;
    }

    private static long pipeline(Path file) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        long count = 0;
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect);
                CsvRecordWriter writer = new CsvRecordWriter(OutputStream.nullOutputStream(), dialect)) {
            writer.write(reader.header().toArray(new String[0]));
            for (String[] values = reader.next(); values != null; values = reader.next()) {
                writer.write(values);
                count++;
            }
        }
        return count;
    }

    private static long raw(Path file) throws IOException {
        long count = 0;
        try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16);
                CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.DEFAULT).get();
                CSVPrinter printer = new CSVPrinter(new BufferedWriter(
                        new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8), 1 << 16),
                        CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                printer.printRecord(record);
                count++;
            }
        }
        return count - 1;
    }
}
