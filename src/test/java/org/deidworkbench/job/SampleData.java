package org.deidworkbench.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers around the synthetic exports in {@code sample-data/csv}. */
final class SampleData {

    static final Path CSV = Path.of("sample-data", "csv");

    private SampleData() {
    }

    /** Copies the sample exports into {@code dir}. */
    static Path copyTo(Path dir) throws IOException {
        Path target = dir.resolve("export");
        copyTree(CSV, target);
        return target;
    }

    /** Copies the folder tree {@code from} to {@code to}, leaving out the files named in {@code skipped}. */
    static void copyTree(Path from, Path to, String... skipped) throws IOException {
        List<String> skip = List.of(skipped);
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (!skip.contains(p.getFileName().toString())) {
                    Files.copy(p, t);
                }
            }
        }
    }

    /** The patients table as maps of column → value (a tiny parser: the sample has no quoted commas there). */
    static List<Map<String, String>> patients() throws IOException {
        return rows(CSV.resolve("patients.csv"));
    }

    /** A small CSV file without quoted commas as maps of column → value, in column order (a BOM dropped). */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A CSV output with quoted fields (notes with commas) as records read by their header. */
    static List<org.apache.commons.csv.CSVRecord> records(Path file) throws IOException {
        try (org.apache.commons.csv.CSVParser p = org.apache.commons.csv.CSVParser.parse(Files.readString(file),
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    /**
     * Runs the default CSV profile ({@code csv-template}, 2 threads, a new key file {@code key}) over {@code in} into
     * {@code out}, and checks every file was written.
     */
    static RunResult runCsvTemplate(Path in, Path out, Path key, char[] passphrase) throws Exception {
        RunResult result = new RunJob(new RunRequest(java.util.List.of(in), out, key, true, passphrase,
                org.deidworkbench.config.ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        for (org.deidworkbench.model.FileReport r : result.report().fileResults()) {
            org.junit.jupiter.api.Assertions.assertEquals(org.deidworkbench.model.FileReport.Status.WRITTEN, r.status(),
                    r.output() + ": " + r.problems());
        }
        return result;
    }

    /** Days from one ISO date to another: how far a date moved. */
    static long daysBetween(String before, String after) {
        return java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(before),
                java.time.LocalDate.parse(after));
    }

    /**
     * Every original identifying value of the sample patients that must not survive: names, MRNs,
     * SSNs, phones, e-mails, street addresses, cities and birth dates (in the notations used).
     */
    static List<String> identifiers() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Map<String, String> p : patients()) {
            for (String column : List.of("mrn", "first_name", "last_name", "ssn", "street_address", "phone", "email",
                    "date_of_birth", "city")) {
                ids.add(p.get(column));
            }
            String dob = p.get("date_of_birth");
            ids.add(dob.substring(5, 7) + "/" + dob.substring(8, 10) + "/" + dob.substring(0, 4));
        }
        return ids;
    }

    /** Adds {@link #identifiers()} to a key file's contents, in domain {@code sample-identifiers}, as originals to look for. */
    static void addIdentifiersTo(org.deidworkbench.keyfile.KeyFileContents keys) throws IOException,
            org.deidworkbench.keyfile.KeyFileException {
        List<org.deidworkbench.model.PseudonymEntry> all = new ArrayList<>();
        int i = 0;
        for (String id : identifiers()) {
            all.add(new org.deidworkbench.model.PseudonymEntry("sample-identifiers", "T" + i++, id));
        }
        keys.addEntries(all);
    }

    /** Relative path → SHA-256 of every file under {@code root}. */
    static Map<String, String> checksums(Path root) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                sums.put(root.relativize(p).toString().replace('\\', '/'), sha256(Files.readAllBytes(p)));
            }
        }
        return sums;
    }

    /** All files' text under {@code root}, decoded leniently as both UTF-8 and Windows-1252. */
    static Map<String, String> texts(Path root) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                byte[] b = Files.readAllBytes(p);
                texts.put(root.relativize(p).toString(), new String(b, StandardCharsets.UTF_8) + "\n"
                        + new String(b, java.nio.charset.Charset.forName("windows-1252")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
