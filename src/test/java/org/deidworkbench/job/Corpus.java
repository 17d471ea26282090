package org.deidworkbench.job;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The synthetic multi-table corpus in {@code sample-data/corpus} (see its README) and what a
 * de-identified copy of it must satisfy: no identifying value of the truth table left in any output
 * byte, every code, number and categorical value byte-identical, every reference still joining its
 * key, and one date offset per patient across all tables. The checks compute counts; tests assert
 * on them and print them.
 */
final class Corpus {

    static final Path ROOT = Path.of("sample-data", "corpus");
    static final List<String> CONVENTIONS = List.of("ehr", "omop", "de");

    /**
     * Truth classes whose values must not survive anywhere in the output. Birth dates are checked
     * per patient instead: another patient's shifted date may, by chance, be the same day.
     */
    static final Set<String> IDENTIFYING = Set.of("person-name", "address", "phone", "email", "national-id",
            "identifier", "place", "zip", "geo");
    /** Truth classes whose values must come out byte-identical, row by row. */
    static final Set<String> KEPT = Set.of("code", "categorical", "number", "boolean", "empty");
    /** Truth classes of dates that are shifted per patient. */
    static final Set<String> DATES = Set.of("date", "datetime", "birth-date");

    /** One row of {@code truth.tsv}. */
    record Truth(String file, String column, String kind, String joins) {
        boolean isKey() {
            return kind.equals("key");
        }

        boolean isPatientKey() {
            return isKey() && joins.equals("patient");
        }
    }

    /** A table: header and rows, in file order. */
    record Table(List<String> header, List<List<String>> rows) {
        int index(String column) {
            return header.indexOf(column);
        }

        List<String> column(String column) {
            int i = index(column);
            if (i < 0) {
                return null;
            }
            List<String> out = new ArrayList<>(rows.size());
            for (List<String> r : rows) {
                out.add(r.get(i));
            }
            return out;
        }
    }

    private final String convention;
    private final List<Truth> truth;
    private final Map<String, Table> inputs = new TreeMap<>();

    Corpus(String convention) {
        this.convention = convention;
        try {
            this.truth = readTruth(folder().resolve("truth.tsv"));
            for (Path f : csvFiles(folder())) {
                inputs.put(folder().relativize(f).toString(), read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String convention() {
        return convention;
    }

    Path folder() {
        return ROOT.resolve(convention);
    }

    List<Truth> truth() {
        return truth;
    }

    Map<String, Table> inputs() {
        return inputs;
    }

    /** Copies the convention's CSV files (not its truth table) into {@code dir}/{@code convention}. */
    Path copyTo(Path dir) throws IOException {
        Path target = dir.resolve(convention);
        Files.createDirectories(target);
        for (Path f : csvFiles(folder())) {
            Files.copy(f, target.resolve(f.getFileName().toString()));
        }
        return target;
    }

    // ------------------------------------------------------------------------------------- checks

    /**
     * The identifying values of the truth table, each with the words of names: what must not appear
     * as a whole token anywhere in the output. Short numeric values (integer keys) cannot be told
     * apart from other numbers and are left out.
     */
    Set<String> identifyingValues() {
        Set<String> values = new TreeSet<>();
        for (Truth t : truth) {
            Table table = inputs.get(t.file());
            boolean patientId = t.isPatientKey();
            if (table == null || !(IDENTIFYING.contains(t.kind()) || patientId || t.isKey())) {
                continue;
            }
            for (String v : table.column(t.column())) {
                if (v.isBlank() || v.length() < 4 && v.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                if (v.chars().allMatch(Character::isDigit) && v.length() < 6 && !t.kind().equals("zip")) {
                    continue;
                }
                values.add(v);
                if (t.kind().equals("person-name")) {
                    for (String word : v.split("[\\s,]+")) {
                        if (word.length() >= 3) {
                            values.add(word);
                        }
                    }
                }
            }
        }
        return values;
    }

    /** The person names of the patients (the truth's person-name columns of tables that reference the patient key, and the patient table). */
    Set<String> patientNameWords() {
        Set<String> words = new TreeSet<>();
        for (Truth t : truth) {
            if (!t.kind().equals("person-name") || !refersToPatients(t.file())) {
                continue;
            }
            for (String v : inputs.get(t.file()).column(t.column())) {
                for (String word : v.split("[\\s,]+")) {
                    if (word.length() >= 3) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    private boolean refersToPatients(String file) {
        for (Truth t : truth) {
            if (t.file().equals(file) && (t.isPatientKey() || t.kind().equals("reference") && patientKeyName().equals(t.joins()))) {
                return true;
            }
        }
        return false;
    }

    private String patientKeyName() {
        return truth.stream().filter(Truth::isPatientKey).map(t -> t.file() + ":" + t.column()).findFirst().orElseThrow();
    }

    /** Which of {@code values} occur as whole tokens in the texts; each value with the files it is in. */
    static Map<String, Set<String>> leaks(Set<String> values, Map<String, String> texts) {
        Map<String, Set<String>> found = new TreeMap<>();
        for (String v : values) {
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(v) + "(?![\\p{L}\\p{N}])");
            for (Map.Entry<String, String> t : texts.entrySet()) {
                if (t.getValue().contains(v) && p.matcher(t.getValue()).find()) {
                    found.computeIfAbsent(v, k -> new TreeSet<>()).add(t.getKey());
                }
            }
        }
        return found;
    }

    /** Counts of a check: how many held, out of how many, and what failed (by file and column, never by value). */
    record Count(int ok, int total, List<String> failures) {
        boolean allHeld() {
            return ok == total;
        }

        @Override
        public String toString() {
            return ok + "/" + total + (failures.isEmpty() ? "" : " failing: " + failures);
        }
    }

    /**
     * Patients whose exact birth date survives nowhere in their own rows: every birth-date column
     * changed (or removed) in their row, and no free text of theirs still holds the date as written.
     */
    Count birthDates(Map<String, Table> outputs) {
        Map<String, String> birthOf = new TreeMap<>();
        Set<String> failing = new TreeSet<>();
        for (Truth t : truth) {
            if (!t.kind().startsWith("birth-date")) {
                continue;
            }
            List<String> patients = patientOfRows(t.file());
            List<String> before = inputs.get(t.file()).column(t.column());
            Table out = outputs.get(t.file());
            List<String> after = out == null ? null : out.column(t.column());
            for (int r = 0; r < before.size(); r++) {
                String patient = patients == null ? "row " + r : patients.get(r);
                if (t.kind().equals("birth-date")) {
                    birthOf.put(patient, before.get(r).split("[ T]")[0]);
                }
                if (after != null && !before.get(r).isEmpty() && after.get(r).equals(before.get(r))) {
                    failing.add(patient);
                }
            }
        }
        for (Truth t : truth) {
            if (!t.kind().equals("free-text")) {
                continue;
            }
            List<String> patients = patientOfRows(t.file());
            Table out = outputs.get(t.file());
            List<String> after = out == null ? null : out.column(t.column());
            if (patients == null || after == null) {
                continue;
            }
            for (int r = 0; r < after.size(); r++) {
                String birth = birthOf.get(patients.get(r));
                if (birth != null && birth.length() >= 8 && after.get(r).contains(birth)) {
                    failing.add(patients.get(r));
                }
            }
        }
        int total = Math.max(birthOf.size(), failing.size());
        return new Count(total - failing.size(), total, failing.isEmpty() ? List.of()
                : List.of(failing.size() + " patients keep their birth date"));
    }

    /** Columns of kept classes whose output values are byte-identical to the input, row by row. */
    Count keptColumns(Map<String, Table> outputs) {
        int ok = 0;
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (Truth t : truth) {
            if (!KEPT.contains(t.kind())) {
                continue;
            }
            total++;
            Table out = outputs.get(t.file());
            List<String> after = out == null ? null : out.column(t.column());
            if (after != null && after.equals(inputs.get(t.file()).column(t.column()))) {
                ok++;
            } else {
                failures.add(t.file() + ":" + t.column() + (out == null ? " (no output)" : after == null ? " (removed)" : ""));
            }
        }
        return new Count(ok, total, failures);
    }

    /**
     * Reference columns whose every value was replaced (none left as the original) by a value among
     * the output values of the key they join, whose output keeps one distinct value per original.
     */
    Count joins(Map<String, Table> outputs) {
        int ok = 0;
        int total = 0;
        List<String> failures = new ArrayList<>();
        for (Truth t : truth) {
            if (!t.kind().equals("reference")) {
                continue;
            }
            total++;
            String[] target = t.joins().split(":");
            Table refTable = outputs.get(t.file());
            Table keyTable = outputs.get(target[0]);
            List<String> refs = refTable == null ? null : refTable.column(t.column());
            List<String> keys = keyTable == null ? null : keyTable.column(target[1]);
            List<String> before = inputs.get(t.file()).column(t.column());
            boolean changed = refs != null && refs.size() == before.size();
            for (int r = 0; changed && r < refs.size(); r++) {
                changed = before.get(r).isEmpty() || !refs.get(r).equals(before.get(r));
            }
            // The key keeps one distinct value per distinct original: nothing was merged.
            boolean distinct = keys != null && new HashSet<>(keys).size()
                    == new HashSet<>(inputs.get(target[0]).column(target[1])).size();
            if (refs != null && keys != null && changed && distinct && new HashSet<>(keys).containsAll(
                    refs.stream().filter(v -> !v.isEmpty()).toList())) {
                ok++;
            } else {
                failures.add(t.file() + ":" + t.column() + (refs == null ? " (missing)" : keys == null ? " (key missing)"
                        : !changed ? " (not pseudonymized)" : !distinct ? " (key values merged)" : " (does not join)"));
            }
        }
        return new Count(ok, total, failures);
    }

    /**
     * Patients whose dates moved by one and the same non-zero number of days in every date column of
     * every table that refers to them (directly or through a table that does).
     */
    Count offsets(Map<String, Table> outputs) {
        Map<String, Set<Long>> deltas = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String file : inputs.keySet()) {
            Table in = inputs.get(file);
            Table out = outputs.get(file);
            List<String> patients = patientOfRows(file);
            if (patients == null) {
                continue;
            }
            for (Truth t : truth) {
                if (!t.file().equals(file) || !DATES.contains(t.kind())) {
                    continue;
                }
                List<String> before = in.column(t.column());
                List<String> after = out == null ? null : out.column(t.column());
                if (after == null || after.size() != before.size()) {
                    failures.add(file + ":" + t.column() + " (missing)");
                    continue;
                }
                boolean dayFirst = dayFirst(before);
                for (int r = 0; r < before.size(); r++) {
                    if (before.get(r).isEmpty() || patients.get(r) == null) {
                        continue;
                    }
                    LocalDate b = parseDate(before.get(r), dayFirst);
                    if (after.get(r).startsWith("<=") && b != null
                            && b.getYear() <= java.time.Year.now(java.time.ZoneOffset.UTC).getValue() - 89) {
                        continue; // a birth date of someone who may be 90 or older, aggregated (decision 0105)
                    }
                    LocalDate a = parseDate(after.get(r), dayFirst);
                    long d = b == null || a == null ? Long.MIN_VALUE : ChronoUnit.DAYS.between(b, a);
                    deltas.computeIfAbsent(patients.get(r), k -> new TreeSet<>()).add(d);
                }
            }
        }
        int ok = 0;
        for (Map.Entry<String, Set<Long>> e : deltas.entrySet()) {
            Set<Long> d = e.getValue();
            if (d.size() == 1 && !d.contains(0L) && !d.contains(Long.MIN_VALUE)) {
                ok++;
            }
        }
        if (ok < deltas.size()) {
            failures.add((deltas.size() - ok) + " patients with several, zero or unreadable offsets");
        }
        return new Count(ok, deltas.size(), failures);
    }

    /** The original patient id of each row of a table, or {@code null} when the table does not refer to patients. */
    private List<String> patientOfRows(String file) {
        Table in = inputs.get(file);
        String patientKey = patientKeyName();
        String[] pk = patientKey.split(":");
        if (file.equals(pk[0])) {
            return in.column(pk[1]);
        }
        for (Truth t : truth) {
            if (t.file().equals(file) && t.kind().equals("reference") && t.joins().equals(patientKey)) {
                return in.column(t.column());
            }
        }
        // One hop: a reference to a table whose rows refer to patients (cases, visits).
        for (Truth t : truth) {
            if (!t.file().equals(file) || !t.kind().equals("reference")) {
                continue;
            }
            String[] target = t.joins().split(":");
            List<String> targetPatients = target[0].equals(file) ? null : directPatients(target[0]);
            if (targetPatients == null) {
                continue;
            }
            Map<String, String> byKey = new HashMap<>();
            List<String> keys = inputs.get(target[0]).column(target[1]);
            for (int r = 0; r < keys.size(); r++) {
                byKey.put(keys.get(r), targetPatients.get(r));
            }
            List<String> out = new ArrayList<>();
            for (String v : in.column(t.column())) {
                out.add(byKey.get(v));
            }
            return out;
        }
        return null;
    }

    private List<String> directPatients(String file) {
        String patientKey = patientKeyName();
        for (Truth t : truth) {
            if (t.file().equals(file) && t.kind().equals("reference") && t.joins().equals(patientKey)) {
                return inputs.get(file).column(t.column());
            }
        }
        return null;
    }

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}).*");
    private static final Pattern DOTTED = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}).*");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4}).*");

    private static boolean dayFirst(List<String> values) {
        for (String v : values) {
            Matcher m = SLASHED.matcher(v);
            if (m.matches() && Integer.parseInt(m.group(1)) > 12) {
                return true;
            }
        }
        return false;
    }

    static LocalDate parseDate(String v, boolean dayFirst) {
        try {
            Matcher m = ISO.matcher(v);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = DOTTED.matcher(v);
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            }
            m = SLASHED.matcher(v);
            if (m.matches()) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                return dayFirst ? LocalDate.of(Integer.parseInt(m.group(3)), b, a) : LocalDate.of(Integer.parseInt(m.group(3)), a, b);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    // ------------------------------------------------------------------------------------- reading

    static List<Truth> readTruth(Path file) throws IOException {
        List<Truth> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            out.add(new Truth(f[0], f[1], f[2], f.length > 3 ? f[3] : ""));
        }
        return out;
    }

    /** The CSV files of a folder (recursively), by relative name. */
    static List<Path> csvFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** Every CSV output under {@code root} by relative name. */
    static Map<String, Table> readAll(Path root) {
        Map<String, Table> out = new LinkedHashMap<>();
        try {
            for (Path f : csvFiles(root)) {
                out.put(root.relativize(f).toString(), read(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** All files' text under {@code root}, decoded as their encoding (UTF-16 by its mark, UTF-8, else Windows-1252). */
    static Map<String, String> texts(Path root) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                texts.put(root.relativize(p).toString(), decode(Files.readAllBytes(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    static Table read(Path file) throws IOException {
        return read(file, null);
    }

    /** A table in a known charset (the East Asian folders' CP932, CP949, GB18030); null: as {@link #decode} guesses. */
    static Table read(Path file, Charset charset) throws IOException {
        byte[] b = Files.readAllBytes(file);
        return parse(charset == null ? decode(b) : new String(b, charset));
    }

    /** A table from its text, its delimiter the first line's {@code ;}, tab or {@code ,}. */
    /**
     * The table of a CSV, or of a report saved as CSV or TSV (decisions 0173, 0174): the header is the first record with
     * the most fields, all but one filled (a spreadsheet pads its title rows to that width), the rows are the records of its width after it; the report's own lines (titles, page breaks, the
     * header again, totals) are {@code outside}, each joined.
     */
    record Report(Table table, List<String> outside) {
        static Report of(String text) throws IOException {
            // The delimiter whose reading leaves the fewest quote characters in the records' fields (read with the wrong
            // one, a quoted cell's quotes stay in the text: a German letter's lines inside its quoted cell hold more
            // commas than the file's records hold ';', and the letter's shifted date was taken for a line outside the
            // table), then the one most records agree on in width, read as CSV (not the one a line holds most of: a
            // Polish note with two commas in a table of three columns chose ',' and failed a run).
            List<List<String>> records = List.of();
            long fewestQuoted = Long.MAX_VALUE;
            long best = -1; // the first reading stands when no delimiter makes two fields: every line outside the table
            for (char d : new char[] {',', ';', '\t', '|'}) {
                List<List<String>> parsed = new ArrayList<>();
                try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(d).get().parse(new StringReader(text))) {
                    parser.forEach(r -> parsed.add(r.toList()));
                } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
                    continue; // not read with this delimiter (a quote inside a field)
                }
                long quoted = parsed.stream().filter(r -> r.stream().anyMatch(v -> v.indexOf('"') >= 0)).count();
                long agreeing = parsed.stream().filter(r -> r.size() > 1)
                        .collect(java.util.stream.Collectors.groupingBy(List::size, java.util.stream.Collectors.counting()))
                        .values().stream().mapToLong(Long::longValue).max().orElse(0);
                if (best < 0 || agreeing > 0
                        && (best == 0 || quoted < fewestQuoted || quoted == fewestQuoted && agreeing > best)) {
                    fewestQuoted = quoted;
                    best = agreeing;
                    records = parsed;
                }
            }
            if (best < 0) {
                return new Report(new Table(List.of(), List.of()), text.lines().toList()); // read with none: all outside
            }
            int width = records.stream().mapToInt(List::size).max().orElse(0);
            List<String> header = null;
            List<List<String>> rows = new ArrayList<>();
            List<String> outside = new ArrayList<>();
            for (List<String> r : records) {
                if (header == null && r.size() == width
                        && r.stream().filter(v -> !v.isBlank()).count() >= Math.max(1, width - 1)) {
                    header = r;
                } else if (header != null && r.size() == width && !r.equals(header)) {
                    rows.add(r);
                } else {
                    outside.add(String.join(" ", r));
                }
            }
            return new Report(new Table(header == null ? List.of() : header, rows), outside);
        }
    }

    static Table parse(String text) throws IOException {
        String first = text.lines().findFirst().orElse("");
        char delimiter = first.indexOf(';') >= 0 ? ';' : first.indexOf('\t') >= 0 ? '\t' : ',';
        try (CSVParser parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            List<List<String>> rows = new ArrayList<>();
            List<String> header = null;
            for (CSVRecord r : parser) {
                List<String> values = r.toList();
                if (header == null) {
                    header = values;
                } else {
                    rows.add(values);
                }
            }
            return new Table(header == null ? List.of() : header, rows);
        }
    }

    static String decode(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        int start = b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, start, b.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, Charset.forName("windows-1252"));
        }
    }
}
