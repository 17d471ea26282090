package org.deidworkbench.format.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.Rule;

/**
 * Applies a profile to CSV files column by column: each column's rule is decided once from the
 * header, the subject column ties each row to a person, and rows stream through in the input's
 * own dialect and encoding. Thread-safe: one instance serves all CSV files of a run.
 */
public final class CsvProcessor implements FileProcessor {

    /** Warnings listed per file; further ones are only counted. */
    static final int MAX_LISTED_WARNINGS = 50;
    private static final int SUBJECT_CACHE = 1 << 16;
    /** Distinct values remembered per column; values repeat a lot in exports (codes, ids, comments). */
    private static final int VALUE_CACHE = 1 << 16;
    /** Longer values are rarely repeated and would make the caches large. */
    private static final int MAX_CACHED_LENGTH = 256;
    private static final int CANCEL_CHECK_EVERY = 1024;

    private final Deidentifier engine;
    private final boolean noteIdentifiersWhileTransforming;

    /**
     * @param engine the run's engine
     * @param noteIdentifiersWhileTransforming true when no scan pass ran, so identifiers for file
     *     names must be collected while transforming
     */
    public CsvProcessor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        this.engine = engine;
        this.noteIdentifiersWhileTransforming = noteIdentifiersWhileTransforming;
    }

    /** The decision for one column, made once per file from its header. */
    private record Column(String header, String ruleId, String counterKey, ActionSpec spec, String label,
            boolean identifier, DeidMethod method) {
    }

    @Override
    public void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(input);
        List<String> header;
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            header = reader.header();
        }
        try {
            scanFast(input, dialect, header, cancelled);
        } catch (CsvFieldScanner.Fallback fallback) {
            // Noting identifiers twice is harmless (a set union); the full reader reports any problem.
            scanFull(input, dialect, cancelled);
        }
    }

    /** The scan through {@link CsvFieldScanner}, reading only the subject and identifier columns. */
    private void scanFast(Path input, CsvDialect dialect, List<String> header, BooleanSupplier cancelled)
            throws IOException, FormatException, CsvFieldScanner.Fallback {
        Column[] columns = plan(header, false);
        int subjectIndex = engine.profile().subjectColumn(header);
        boolean[] wanted = new boolean[columns.length];
        for (int c = 0; c < columns.length; c++) {
            wanted[c] = c == subjectIndex || columns[c].identifier();
        }
        RowSubjects rows = new RowSubjects(columns, subjectIndex, true);
        String[] row = new String[columns.length];
        try (CsvFieldScanner scanner = new CsvFieldScanner(input, dialect, columns.length)) {
            long n = 0;
            while (scanner.next(row, wanted)) {
                checkCancel(++n, cancelled);
                try {
                    rows.accept(row);
                } catch (DeidException e) {
                    throw new FormatException(e.code(), "record " + n, e.getMessage());
                }
            }
        }
    }

    private void scanFull(Path input, CsvDialect dialect, BooleanSupplier cancelled) throws IOException, FormatException {
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            List<String> header = reader.header();
            Column[] columns = plan(header, false);
            RowSubjects rows = new RowSubjects(columns, engine.profile().subjectColumn(header), true);
            String[] row;
            long n = 0;
            while ((row = reader.next()) != null) {
                checkCancel(++n, cancelled);
                try {
                    rows.accept(row);
                } catch (DeidException e) {
                    throw new FormatException(e.code(), "line " + reader.lineNumber(), e.getMessage());
                }
            }
        }
    }

    @Override
    public FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(input);
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            RowCleaner cleaner = new RowCleaner(reader.header(), name);
            CsvRecordWriter writer = new CsvRecordWriter(out, dialect);
            writer.write(cleaner.outputHeader());
            String[] row;
            while ((row = reader.next()) != null) {
                checkCancel(cleaner.records + 1, cancelled);
                writer.write(cleaner.clean(row, reader.lineNumber()));
            }
            writer.close();
            return cleaner.stats();
        }
    }

    @Override
    public FilePreview preview(Path input, String name, int maxRecords, BooleanSupplier cancelled)
            throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(input);
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            List<String> header = reader.header();
            RowCleaner cleaner = new RowCleaner(header, name);
            List<PreviewRecord> records = new ArrayList<>();
            String[] row;
            boolean truncated = false;
            while ((row = reader.next()) != null) {
                if (records.size() >= maxRecords) {
                    truncated = true;
                    break;
                }
                checkCancel(cleaner.records + 1, cancelled);
                long line = reader.lineNumber();
                String[] cleaned = cleaner.clean(row, line);
                List<PreviewField> fields = new ArrayList<>(header.size());
                int k = 0;
                for (int c = 0; c < header.size(); c++) {
                    Column column = cleaner.columns[c];
                    String after = column.spec().action() == Action.REMOVE ? null : cleaned[k++];
                    fields.add(PreviewField.leaf(column.header(), column.header(), row[c], after,
                            column.ruleId() != null ? column.ruleId() : "default", column.spec().action().yamlName()));
                }
                records.add(new PreviewRecord("line " + line, fields));
            }
            return new FilePreview("CSV", FilePreview.Layout.TABLE, header, records, cleaner.records, truncated,
                    cleaner.warnings);
        }
    }

    @Override
    public List<FieldDecision> explain(Path input) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(input);
        List<String> header;
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            header = reader.header();
        }
        return explainHeader(engine.profile(), header);
    }

    /** The decision for each column of a header, as {@link #transform} makes it. */
    public static List<FieldDecision> explainHeader(Profile profile, List<String> header) {
        int subjectIndex = profile.subjectColumn(header);
        List<FieldDecision> out = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            Rule rule = profile.ruleForColumn(h).orElse(null);
            ActionSpec spec = rule != null ? rule.spec() : profile.defaultSpec();
            out.add(new FieldDecision(h, h, rule != null ? rule.id() : "default", spec.action().yamlName(),
                    c == subjectIndex, rule != null ? rule.reason() : "default action (no rule matched)"));
        }
        return out;
    }

    /**
     * De-identifies the rows of one file: the column plan made from its header, the subject of each
     * row, per-column caches of subject-independent results, counts and warnings. Shared by
     * {@link #transform} and {@link #preview}, so a preview is exactly what a run writes. Not
     * thread-safe: one per file.
     */
    private final class RowCleaner {
        private final String name;
        private final List<String> header;
        private final Column[] columns;
        private final RowSubjects rows;
        private final int[] kept;
        private final long[] counts;
        private final List<Problem> warnings = new ArrayList<>();
        private final List<Map<String, String>> memo = new ArrayList<>();
        private final String[] outRow;
        private long warningCount;
        private long records;

        RowCleaner(List<String> header, String name) {
            this.name = name;
            this.header = header;
            this.columns = plan(header, true);
            this.rows = new RowSubjects(columns, engine.profile().subjectColumn(header), noteIdentifiersWhileTransforming);
            this.kept = keptColumns(columns);
            this.counts = new long[columns.length];
            for (int c = 0; c < columns.length; c++) {
                memo.add(new HashMap<>());
            }
            this.outRow = new String[kept.length];
        }

        String[] outputHeader() {
            String[] h = new String[kept.length];
            for (int k = 0; k < kept.length; k++) {
                h[k] = header.get(kept[k]);
            }
            return h;
        }

        /** The cleaned row (the kept columns), in an array reused for the next row. */
        String[] clean(String[] row, long line) throws FormatException {
            records++;
            Subject subject;
            try {
                subject = rows.accept(row);
            } catch (DeidException e) {
                throw new FormatException(e.code(), "line " + line, e.getMessage());
            }
            for (int k = 0; k < kept.length; k++) {
                int c = kept[k];
                Column column = columns[c];
                String value = row[c];
                if (value.isEmpty() && column.method().keepsEmpty()) {
                    outRow[k] = value;
                    continue;
                }
                counts[c]++;
                DeidMethod method = column.method();
                // A result that does not depend on the subject is a pure function of the value: it is
                // cached by value, which never changes the output (values repeat a lot in exports).
                String key = value.length() <= MAX_CACHED_LENGTH ? value : null;
                if (key != null) {
                    String cached = memo.get(c).get(key);
                    if (cached != null) {
                        outRow[k] = cached;
                        continue;
                    }
                }
                try {
                    String result = method.apply(value, new FieldContext(subject, column.header()));
                    outRow[k] = result;
                    if (key != null && result != null && !method.dependsOnSubject(value)) {
                        Map<String, String> m = memo.get(c);
                        if (m.size() >= VALUE_CACHE) {
                            m.clear();
                        }
                        m.put(key, result);
                    }
                } catch (UnprocessableValueException e) {
                    outRow[k] = "";
                    if (warningCount++ < MAX_LISTED_WARNINGS) {
                        warnings.add(new Problem(e.code(), name, "line " + line + ", column " + (c + 1) + " '"
                                + column.header() + "'", e.getMessage() + "; the value was emptied"));
                    }
                } catch (DeidException e) {
                    throw new FormatException(e.code(), "line " + line, e.getMessage());
                }
            }
            return outRow;
        }

        FileStats stats() {
            TreeMap<String, Long> actionCounts = new TreeMap<>();
            for (int c = 0; c < columns.length; c++) {
                long count = columns[c].spec().action() == Action.REMOVE ? records : counts[c];
                actionCounts.merge(columns[c].counterKey(), count, Long::sum);
            }
            List<String> unmatched = new ArrayList<>();
            for (Column column : columns) {
                if (column.ruleId() == null) {
                    unmatched.add(column.header());
                }
            }
            return new FileStats(records, actionCounts, warnings, warningCount, unmatched);
        }
    }

    private Column[] plan(List<String> header, boolean withMethods) {
        Profile profile = engine.profile();
        Column[] columns = new Column[header.size()];
        for (int c = 0; c < columns.length; c++) {
            String h = header.get(c);
            Rule rule = profile.ruleForColumn(h).orElse(null);
            ActionSpec spec = rule != null ? rule.spec() : profile.defaultSpec();
            String id = rule != null ? rule.id() : "default";
            String label = rule != null ? rule.label() : "REDACTED";
            boolean identifier = rule != null ? rule.identifier() : profile.defaultIdentifier();
            DeidMethod method = withMethods ? engine.method(spec) : null;
            columns[c] = new Column(h, rule != null ? rule.id() : null, id + " (" + spec.action().yamlName() + ")", spec,
                    label.toUpperCase(Locale.ROOT), identifier, method);
        }
        return columns;
    }

    private static int[] keptColumns(Column[] columns) {
        return java.util.stream.IntStream.range(0, columns.length)
                .filter(c -> columns[c].spec().action() != Action.REMOVE).toArray();
    }

    /**
     * One file's rows as the engine needs them: each row's subject (cached, since a patient's rows
     * repeat their id) and, when {@code note} is set, its identifier values, each noted once per
     * column because repeats add nothing to the scrub list. Not thread-safe: one per file.
     */
    private final class RowSubjects {
        private final Column[] columns;
        private final int subjectIndex;
        private final boolean note;
        private final Map<String, Subject> subjects = new HashMap<>();
        private final List<Set<String>> noted = new ArrayList<>();

        RowSubjects(Column[] columns, int subjectIndex, boolean note) {
            this.columns = columns;
            this.subjectIndex = subjectIndex;
            this.note = note;
            for (int c = 0; c < columns.length; c++) {
                noted.add(new HashSet<>());
            }
        }

        /** The row's subject ({@code null} when the file has no subject column or the id is blank). */
        Subject accept(String[] row) throws DeidException {
            Subject subject = subjectOf(row);
            if (note) {
                for (int c = 0; c < columns.length; c++) {
                    if (columns[c].identifier() && c != subjectIndex) {
                        Set<String> seen = noted.get(c);
                        if (seen.size() >= VALUE_CACHE) {
                            seen.clear();
                        }
                        if (seen.add(row[c])) {
                            engine.noteIdentifier(columns[c].spec(), columns[c].label(), row[c]);
                        }
                    }
                }
            }
            return subject;
        }

        private Subject subjectOf(String[] row) throws DeidException {
            if (subjectIndex < 0) {
                return null;
            }
            String id = row[subjectIndex];
            Subject subject = subjects.get(id);
            if (subject == null && !subjects.containsKey(id)) {
                subject = engine.subject(id);
                if (subjects.size() >= SUBJECT_CACHE) {
                    subjects.clear();
                }
                subjects.put(id, subject);
                if (note) {
                    engine.noteSubject(id, subject);
                }
            }
            return subject;
        }
    }

    private static void checkCancel(long n, BooleanSupplier cancelled) {
        if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
    }
}
