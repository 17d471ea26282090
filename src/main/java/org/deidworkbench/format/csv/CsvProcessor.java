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
import org.deidworkbench.deid.AgesInCodes;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.DocumentMembers;
import org.deidworkbench.deid.ColumnInsight;
import org.deidworkbench.deid.ColumnPlan;
import org.deidworkbench.deid.JsonText;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.TextScrubber;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.deid.method.StoredDateMethod;
import org.deidworkbench.deid.classify.SasDates;
import org.deidworkbench.deid.classify.FileManDates;
import org.deidworkbench.deid.classify.TimesOfDay;
import org.deidworkbench.deid.classify.UsCompactDates;
import org.deidworkbench.format.EmbeddedImages;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FieldSummary;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.FieldSelector;
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
    /**
     * Characters (values and results) one file's caches hold per generation, shared out over its cached
     * columns: with two generations a file's caches stay below about 8 Mi characters (a few tens of MB with
     * the maps), whatever the number of columns or the length of the values; the oldest generation is
     * dropped first, and a dropped result is computed again, the same.
     */
    private static final long CACHE_CHARS_PER_FILE = 4L << 20;
    private static final int CANCEL_CHECK_EVERY = 1024;
    /** Slots of each pseudonymized column's cache of recent values (a power of two). */
    private static final int RECENT_PSEUDONYMS = 256;
    /** Marks a cached result equal to its value, so that it is counted as unchanged. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String UNCHANGED = new String("\u0000unchanged");

    private final Deidentifier engine;
    private final boolean noteIdentifiersWhileTransforming;
    /** What {@link #analyze} found out about the run's files; replaced whole, never changed. */
    private volatile CsvAnalysis analysis = CsvAnalysis.NONE;

    /**
     * @param engine the run's engine
     * @param noteIdentifiersWhileTransforming true when no scan pass ran, so identifiers for file
     *     names must be collected while transforming
     */
    public CsvProcessor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        this.engine = engine;
        this.noteIdentifiersWhileTransforming = noteIdentifiersWhileTransforming;
    }

    /** The field name a report's title and closing lines are cleaned under, and their counter (decision 0173). */
    static final String OUTSIDE_FIELD = "report line";
    static final String OUTSIDE_COUNTER = "report-lines";

    /** The decision for one column, made once per file from its header and the run's analysis. */
    private record Column(ColumnPlan plan, String counterKey, DeidMethod method) {
        String header() {
            return plan.header();
        }

        ActionSpec spec() {
            return plan.spec();
        }

        String label() {
            return plan.label();
        }

        boolean identifier() {
            return plan.identifier();
        }
    }

    /** How a file's rows are tied to their patient: a column of patient ids, or a reference through an index. */
    private record SubjectSource(int column, int viaColumn, SubjectIndex via) {
        static final SubjectSource NONE = new SubjectSource(-1, -1, null);

        boolean present() {
            return column >= 0 || via != null;
        }
    }

    @Override
    public void analyze(List<Path> files, BooleanSupplier cancelled) {
        analyze(files, org.deidworkbench.format.FileTasks.HERE, cancelled);
    }

    /** The key columns and intermediate tables are read through by {@code tasks}. */
    @Override
    public void analyze(List<Path> files, org.deidworkbench.format.FileTasks tasks, BooleanSupplier cancelled) {
        analysis = CsvAnalysis.analyze(files, engine, tasks, cancelled);
    }

    @Override
    public java.io.Serializable analysis() {
        return analysis;
    }

    @Override
    public void useAnalysis(java.io.Serializable analysis) {
        this.analysis = (CsvAnalysis) analysis;
    }

    /**
     * The analysis of one file: from the run's analysis, or (a file previewed or explained alone) of
     * the file by itself, which still classifies its columns and finds references known in the key file.
     */
    private CsvAnalysis.FileInsight insight(Path input) {
        CsvAnalysis.FileInsight in = analysis.of(input);
        if (in == null && engine.profile().classification().enabled()) {
            in = CsvAnalysis.analyze(List.of(input), engine, org.deidworkbench.format.FileTasks.HERE, () -> false).of(input);
        }
        return in;
    }

    /** Where a file's rows name their subject, from the profile or from the file's analysis {@code in} (or null). */
    private SubjectSource subjectSource(CsvAnalysis.FileInsight in, List<String> header) {
        int profileColumn = engine.profile().subjectColumn(header);
        if (profileColumn >= 0) {
            return new SubjectSource(profileColumn, -1, null);
        }
        if (in == null || !in.header().equals(header)) {
            return SubjectSource.NONE;
        }
        if (in.patientColumn() >= 0) {
            return new SubjectSource(in.patientColumn(), -1, null);
        }
        return in.via() != null ? new SubjectSource(-1, in.viaColumn(), in.via()) : SubjectSource.NONE;
    }

    @Override
    public void scan(Path input, String name, BooleanSupplier cancelled) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(input);
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            List<String> header = reader.header();
            CsvAnalysis.FileInsight in = insight(input);
            Column[] columns = plan(in, header, false);
            SubjectSource subjects = subjectSource(in, header);
            NameValueRows nameValues = NameValueRows.of(engine, header);
            RowLinks links = RowLinks.of(engine, header, in, nameValues);
            // Only the subject, identifier and (in a table of patients' rows) free-text columns are made into strings.
            boolean[] wanted = new boolean[columns.length];
            boolean[] text = new boolean[columns.length];
            boolean[] messages = new boolean[columns.length];
            boolean anyText = false;
            for (int c = 0; c < columns.length; c++) {
                text[c] = !subjects.equals(SubjectSource.NONE) && columns[c].spec() instanceof ActionSpec.ScrubText;
                anyText |= text[c];
                messages[c] = columns[c].spec() instanceof ActionSpec.ScrubText
                        && MESSAGE_HEADER.matcher(columns[c].header()).matches();
                wanted[c] = c == subjects.column() || c == subjects.viaColumn() || columns[c].identifier()
                        || links != null && links.reads(c) || text[c] || messages[c];
            }
            if (nameValues != null) {
                for (int c = 0; c < columns.length; c++) {
                    wanted[c] |= nameValues.isValue(c) && columns[c].spec().action() != Action.REMOVE;
                }
                for (int c : nameValues.nameColumns()) {
                    wanted[c] = true;
                }
            }
            RowSubjects rows = new RowSubjects(columns, subjects, true);
            RedcapLog log = RedcapLog.of(header);
            if (log != null) {
                wanted[log.action] = true;
                wanted[log.changes] = true;
            }
            Set<String> cued = new HashSet<>();
            JsonCells json = new JsonCells(engine);
            // free-text columns, read for the JSON documents in them (decision 0172)
            int[] prose = java.util.stream.IntStream.range(0, columns.length)
                    .filter(c -> columns[c].spec() instanceof ActionSpec.ScrubText).toArray();
            for (int c : prose) {
                wanted[c] = true;
            }
            Set<String> namedValues = new HashSet<>();
            String[] row = new String[columns.length];
            reader.readLabelRows(); // a survey export's label rows are no answers (decision 0162)
            long n = 0;
            while (reader.next(row, wanted)) {
                checkCancel(++n, cancelled);
                try {
                    Subject subject = rows.accept(row);
                    String record = log == null ? null : RedcapLog.record(row[log.action]);
                    if (subject == null && record != null) {
                        subject = engine.subject(record); // the record the action is on (decision 0177)
                        noteJson(JsonCells.Document.redcapChanges(row[log.changes]), json, subject, namedValues, 0);
                    }
                    if (anyText && subject != null) {
                        noteCuedNames(row, text, subject, cued);
                    }
                    Subject of = subject != null ? subject : jsonSubject(engine, json, row, prose);
                    if (of != null) {
                        for (int c : prose) {
                            if (JsonCells.Document.mayBe(row[c])) {
                                noteJson(row[c], json, of, namedValues, 0);
                            }
                        }
                    }
                    if (links != null) {
                        links.accept(row);
                    }
                    noteMessages(row, messages);
                    if (nameValues != null) {
                        noteNamedValues(row, columns, nameValues, subject, namedValues);
                    }
                } catch (DeidException e) {
                    throw new FormatException(e.code(), "line " + reader.lineNumber(), e.getMessage());
                }
            }
        }
    }

    /**
     * A name a note announces by a cue ("daughter Renata", decision 0103) is an identifier of the row's patient: noted
     * here, in the scan, every text of the run loses it when cleaned, the notes of that patient where it stands
     * without a cue ("Renata asks for a callback") among them, and the key file keeps it for later runs.
     */
    private void noteCuedNames(String[] row, boolean[] text, Subject subject, Set<String> noted) throws DeidException {
        for (int c = 0; c < row.length; c++) {
            if (text[c] && !row[c].isEmpty()) {
                for (String name : TextScrubber.cuedNames(row[c])) {
                    if (noted.size() >= VALUE_CACHE) {
                        noted.clear();
                    }
                    if (noted.add(subject.pseudonym() + '\u0000' + name)) {
                        engine.noteIdentifier(CUED_NAME, "NAME", name, subject);
                    }
                }
            }
        }
    }

    private static final ActionSpec CUED_NAME = new ActionSpec.Remove();

    /**
     * The patient of a row without a subject column whose free text holds a JSON document of one (decision 0172): a
     * FHIR Patient's id or the patient its subject references, or null.
     */
    private static Subject jsonSubject(Deidentifier engine, JsonCells json, String[] row, int[] textColumns)
            throws DeidException {
        for (int c : textColumns) {
            if (c < row.length && row[c] != null && JsonCells.Document.mayBe(row[c])) {
                JsonCells.Document doc = json.document(row[c]);
                String id = doc == null ? null : JsonCells.patientId(doc.members());
                if (id != null) {
                    return engine.subject(id);
                }
            }
        }
        return null;
    }

    /**
     * The members of a JSON document in a free-text cell that a rule marking identifiers decides by their names
     * (decision 0172), noted in the scan as the row's patient's: a note in another row or table loses them too.
     */
    private void noteJson(String value, JsonCells json, Subject subject, Set<String> noted, int depth)
            throws DeidException {
        noteJson(json.document(value), json, subject, noted, depth);
    }

    /** {@link #noteJson(String, JsonCells, Subject, Set, int)} of a document read already, or of none. */
    private void noteJson(JsonCells.Document doc, JsonCells json, Subject subject, Set<String> noted, int depth)
            throws DeidException {
        if (doc == null) {
            return;
        }
        for (JsonText.Member m : doc.members()) {
            if (m.kind() == JsonText.Kind.LITERAL || m.value().isBlank() || DocumentMembers.code(m)) {
                continue;
            }
            if (m.kind() != JsonText.Kind.NUMBER && depth < 4 && JsonCells.Document.mayBe(m.value())) {
                noteJson(m.value(), json, subject, noted, depth + 1);
                continue;
            }
            ColumnPlan plan = json.decision(m);
            if (plan == null || !plan.identifier()) {
                continue;
            }
            noteOnce(plan, m.value(), subject, noted);
        }
    }

    /**
     * A value a rule marking identifiers decides, noted as that rule's identifier of {@code subject} once per file (a
     * name/value row's value, a document's member): the notes of the run lose it, the key file keeps it.
     */
    private void noteOnce(ColumnPlan plan, String value, Subject subject, Set<String> noted) throws DeidException {
        if (noted.size() >= VALUE_CACHE) {
            noted.clear();
        }
        if (noted.add((subject == null ? "" : subject.pseudonym()) + '\u0000' + plan.label() + '\u0000' + value)) {
            engine.noteIdentifier(plan.spec(), plan.label(), value, subject);
        }
    }

    /**
     * The values of a name/value table whose row's name a rule marking identifiers decides (decision 0161), noted in
     * the scan as that rule's identifiers of the row's patient: the notes of the run lose them, the key file keeps them
     * and the verifier looks for them.
     */
    private void noteNamedValues(String[] row, Column[] columns, NameValueRows nameValues, Subject subject,
            Set<String> noted) throws DeidException {
        ColumnPlan plan = null;
        for (int c = 0; c < row.length; c++) {
            if (!nameValues.isValue(c) || columns[c].spec().action() == Action.REMOVE || row[c] == null
                    || row[c].isBlank()) {
                continue;
            }
            if (plan == null) {
                plan = nameValues.decision(row);
                if (plan == null || !plan.identifier()) {
                    return; // an age or a zip code a row's name generalizes is no identifier of the patient
                }
            }
            noteOnce(plan, row[c], subject, noted);
        }
    }

    /**
     * The headers of columns an interface engine's log keeps its messages in ({@code RAW_MESSAGE}, {@code HL7_MSG},
     * {@code payload}): read in the scan, so that their patients' names and addresses are known to every text.
     */
    private static final java.util.regex.Pattern MESSAGE_HEADER = java.util.regex.Pattern.compile(
            "(?i).*(?:message|msg|hl7|payload|er7).*");

    /**
     * The names and addresses of the HL7 v2 messages of a row (decision 0126) noted for the message's patient (PID-3):
     * a message that names the patient's street only in another message, or a note of another table, loses it too.
     */
    private void noteMessages(String[] row, boolean[] messages) throws DeidException {
        for (int c = 0; c < row.length; c++) {
            if (messages[c] && row[c] != null && !row[c].isEmpty()) {
                List<String> ids = org.deidworkbench.deid.method.Hl7MessageMethod.identifiers(row[c]);
                Subject subject = ids.isEmpty() || ids.get(0).isEmpty() ? null : engine.subject(ids.get(0));
                if (subject == null) {
                    continue;
                }
                for (int i = 1; i + 1 < ids.size(); i += 2) {
                    engine.noteIdentifier(CUED_NAME, ids.get(i), ids.get(i + 1), subject);
                }
            }
        }
    }

    @Override
    public FileStats transform(Path input, String name, OutputStream out, BooleanSupplier cancelled)
            throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(input);
        try (CsvRecordReader reader = new CsvRecordReader(input, dialect)) {
            RowCleaner cleaner = new RowCleaner(input, reader.header(), name);
            CsvRecordWriter writer = new CsvRecordWriter(out, dialect);
            cleaner.writeOutside(reader, reader.preamble(), writer); // a report's title lines (decision 0173)
            writer.write(cleaner.outputHeader());
            String[] row;
            for (String[] labels : reader.readLabelRows()) {
                writer.write(cleaner.kept(labels)); // a survey export's label rows, as they were (decision 0162)
            }
            while ((row = reader.next()) != null) {
                checkCancel(cleaner.records + 1, cancelled);
                cleaner.writeOutside(reader, reader.interlude(), writer); // a page break (decision 0174)
                writer.write(cleaner.clean(row, reader.lineNumber()));
            }
            cleaner.writeOutside(reader, reader.trailer(), writer); // its closing lines
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
            List<String> labels = CsvRecordReader.labels(header);
            RowCleaner cleaner = new RowCleaner(input, header, name);
            List<PreviewRecord> records = new ArrayList<>();
            cleaner.previewOutside(reader, reader.preamble(), labels, "title", records); // decision 0173
            String[] row;
            boolean truncated = false;
            int rows = 0;
            reader.readLabelRows(); // a survey export's label rows are no answers (decision 0162)
            while ((row = reader.next()) != null) {
                if (rows++ >= maxRecords) {
                    truncated = true;
                    break;
                }
                checkCancel(cleaner.records + 1, cancelled);
                cleaner.previewOutside(reader, reader.interlude(), labels, "page break", records); // decision 0174
                long line = reader.lineNumber();
                String[] cleaned = cleaner.clean(row, line);
                List<PreviewField> fields = new ArrayList<>(header.size());
                int k = 0;
                for (int c = 0; c < header.size(); c++) {
                    Column column = cleaner.columns[c];
                    String after = column.spec().action() == Action.REMOVE ? null : cleaned[k++];
                    fields.add(PreviewField.leaf(labels.get(c), column.header(), row[c], after,
                            column.plan().counterId(), column.spec().action().yamlName()));
                }
                records.add(new PreviewRecord("line " + line, fields));
            }
            if (!truncated) {
                cleaner.previewOutside(reader, reader.trailer(), labels, "closing line", records);
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
        CsvAnalysis.FileInsight in = insight(input);
        refuseDataAsHeader(in, header); // its "field names" would be a patient's values
        Column[] columns = plan(in, header, false);
        SubjectSource subjects = subjectSource(in, header);
        List<String> labels = CsvRecordReader.labels(header);
        NameValueRows nameValues = NameValueRows.of(engine, header);
        List<FieldDecision> out = new ArrayList<>(header.size());
        for (int c = 0; c < columns.length; c++) {
            ColumnPlan p = columns[c].plan();
            String reason = p.reason();
            if (c == subjects.viaColumn()) {
                reason += "; its rows' patient is found through it";
            }
            if (nameValues != null && nameValues.isValue(c) && p.spec().action() != Action.REMOVE) {
                List<String> by = new ArrayList<>();
                for (int n : nameValues.nameColumns()) {
                    by.add(labels.get(n));
                }
                reason += "; a row whose " + String.join(" or ", by) + " names an identifier has its value decided as"
                        + " a column of that name would be (decision 0161)";
            }
            out.add(new FieldDecision(labels.get(c), p.header(), p.counterId(), p.spec().action().yamlName(),
                    c == subjects.column(), reason, p.decidedBy().toString(), p.classYamlName(),
                    p.columnClass() == null ? "" : Math.round(p.confidence() * 100) + "%", p.evidence(), p.spec(), p.label(),
                    p.identifier()));
        }
        return out;
    }

    /**
     * The decision for each column of a header as {@link #transform} makes it when nothing is known
     * about the file's values: rules, else the default.
     */
    public static List<FieldDecision> explainHeader(Profile profile, List<String> header) {
        int subjectIndex = profile.subjectColumn(header);
        List<String> labels = CsvRecordReader.labels(header);
        List<FieldDecision> out = new ArrayList<>(header.size());
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c);
            Rule rule = profile.ruleForColumn(h).orElse(null);
            ActionSpec spec = rule != null ? rule.spec() : profile.defaultSpec();
            out.add(new FieldDecision(labels.get(c), h, rule != null ? rule.id() : "default", spec.action().yamlName(),
                    c == subjectIndex, rule != null ? rule.reason() : "default action (no rule matched)"));
        }
        return out;
    }

    /**
     * Withholds a file whose first line is a row of data (decision 0138): read as its header, the first patient's values
     * would be copied into the output as column names. Judged on the file's analysis (its columns' classes from their
     * values); a file not analysed is taken as it reads.
     */
    private static void refuseDataAsHeader(CsvAnalysis.FileInsight in, List<String> header) throws WithheldException {
        if (in == null || !in.header().equals(header)) {
            return;
        }
        org.deidworkbench.deid.classify.ColumnClassifier.Classification[] classes =
                new org.deidworkbench.deid.classify.ColumnClassifier.Classification[header.size()];
        for (int c = 0; c < classes.length && c < in.columns().length; c++) {
            classes[c] = in.columns()[c].classification();
        }
        String why = org.deidworkbench.deid.classify.ColumnClassifier.firstRowAsData(header, classes,
                org.deidworkbench.deid.classify.NameDictionary.get(), org.deidworkbench.deid.NationalNumberValues.INSTANCE);
        if (why != null) {
            throw new WithheldException("CSV-HEADER-IS-DATA", "line 1", why);
        }
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
        private final List<Map<String, String>> previous = new ArrayList<>();
        /** The scrub-text columns, where an HL7 message may name a row's patient (decision 0126). */
        private final int[] textColumns;
        /** Characters in each column's current generation, and the most it may hold. */
        private final long[] memoChars;
        private final long memoCharLimit;
        private final String[] outRow;
        /**
         * Per kept column, the previous row's value, subject and result: rows of one patient or encounter
         * come together, so a value often repeats the one above it. The result is a function of the value and
         * the subject, so reusing it for an equal value of the same subject never changes the output, and an
         * equality test is cheaper than hashing the value for the caches or the ledger.
         */
        /** Per pseudonymized column (by column index; null for the others), recent values and their pseudonyms. */
        private final String[][] recentValues;
        private final String[][] recentPseudonyms;
        /** Each kept column's action, looked up once per cell. */
        private final Action[] actions;
        /** Per kept column: its action is {@code generalize: code} (decision 0124). */
        private final boolean[] codes;
        private final String[] lastValue;
        private final Subject[] lastSubject;
        private final String[] lastResult;
        private final boolean[] lastChanged;
        private final long[] changed;
        private long warningCount;
        private long records;
        /**
         * Kept positions of a birth-year column and of a birth-date column of the same table (OMOP's
         * {@code year_of_birth} beside {@code birth_datetime}), or -1: the year written is the written date's (decision
         * 0112).
         */
        private int birthYearOut = -1;
        private int birthDateOut = -1;
        /** The name and value columns of a name/value table (decision 0161), or null. */
        private final NameValueRows nameValues;
        private final JsonCells jsonCells;
        private final JsonCells.FhirIds fhirIds;
        /** The columns whose values a document in the row may repeat (decision 0172). */
        private final int[] pseudonymized;
        /** Per decision a row's name gave, its column (plan, counter, method); few per file. */
        private final Map<ColumnPlan, Column> named = new HashMap<>();
        /** Values a row's name decided, per counter: they count there, not under their column's own rule. */
        private final TreeMap<String, Long> namedCounts = new TreeMap<>();
        /** The values a row's name made identifiers, noted while transforming (a run without a scan pass). */
        private final Set<String> namedNoted = new HashSet<>();
        /** The columns of a REDCap logging export (decision 0177), or null. */
        private final RedcapLog log;
        /** The record the row's action names in a REDCap logging export, or null, and where the action names it. */
        private String logRecord;
        private int[] logRecordSpan;

        RowCleaner(Path input, List<String> header, String name) throws WithheldException {
            this.name = name;
            this.header = header;
            CsvAnalysis.FileInsight in = insight(input);
            refuseDataAsHeader(in, header);
            this.columns = plan(in, header, true);
            this.rows = new RowSubjects(columns, subjectSource(in, header), noteIdentifiersWhileTransforming);
            this.textColumns = java.util.stream.IntStream.range(0, columns.length)
                    .filter(c -> columns[c].spec() instanceof ActionSpec.ScrubText).toArray();
            this.kept = keptColumns(columns);
            if (kept.length == 0) {
                // a CSV record has at least one field: a file of e-mail addresses alone has nothing left to write
                throw new WithheldException("CSV-NOTHING-KEPT", "line 1", "the profile removes every column of this"
                        + " file (" + columns.length + "): there is nothing left to write");
            }
            this.counts = new long[columns.length];
            this.changed = new long[columns.length];
            for (int c = 0; c < columns.length; c++) {
                memo.add(new HashMap<>());
                previous.add(Map.of());
            }
            this.memoChars = new long[columns.length];
            long cached = java.util.Arrays.stream(columns).filter(col -> col.spec().action() != Action.KEEP
                    && col.spec().action() != Action.REMOVE && col.spec().action() != Action.PSEUDONYMIZE
                    && !isCode(col.spec())).count();
            this.memoCharLimit = CACHE_CHARS_PER_FILE / Math.max(1, cached);
            this.outRow = new String[kept.length];
            this.recentValues = new String[columns.length][];
            this.recentPseudonyms = new String[columns.length][];
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].spec().action() == Action.PSEUDONYMIZE) {
                    recentValues[c] = new String[RECENT_PSEUDONYMS];
                    recentPseudonyms[c] = new String[RECENT_PSEUDONYMS];
                }
            }
            this.actions = new Action[kept.length];
            this.codes = new boolean[kept.length];
            for (int k = 0; k < kept.length; k++) {
                actions[k] = columns[kept[k]].spec().action();
                codes[k] = isCode(columns[kept[k]].spec());
            }
            this.lastValue = new String[kept.length];
            this.lastSubject = new Subject[kept.length];
            this.lastResult = new String[kept.length];
            this.lastChanged = new boolean[kept.length];
            birthColumns();
            relationNotices(in, header);
            this.nameValues = NameValueRows.of(engine, header);
            this.jsonCells = new JsonCells(engine);
            this.fhirIds = new JsonCells.FhirIds(engine);
            this.pseudonymized = java.util.stream.IntStream.range(0, columns.length)
                    .filter(c -> columns[c].spec().action() == Action.PSEUDONYMIZE).toArray();
            this.log = RedcapLog.of(header);
        }

        /** The column a row's name makes of its values (decision 0161), or null: its value columns' own decisions. */
        private Column namedColumn(String[] row) {
            ColumnPlan plan = nameValues.decision(row);
            return plan == null ? null : columnOf(plan);
        }

        /** The column a decision by a name makes, one per decision and file. */
        private Column columnOf(ColumnPlan plan) {
            return named.computeIfAbsent(plan, p -> new Column(p, p.counterId() + " (" + p.spec().action().yamlName()
                    + ")", engine.method(p.spec(), p.slashDayFirst(), p.monthLanguage())));
        }

        /**
         * A value decided by its row's name: as a column of that name would have it, a removed one written as its
         * label ({@code [NAME]}), since one cell of a column cannot be left out. Never cached or reused: the next row
         * with the same value may have another name.
         */
        private String cleanNamed(int c, Column column, String value, Subject subject, long line) throws FormatException {
            namedCounts.merge(column.counterKey(), 1L, Long::sum);
            String result = applyNamed(c, column, value, subject, line);
            if (!value.equals(result)) {
                changed[c]++;
            }
            return result;
        }

        /** {@code value} as column {@code column} makes it, a removed one written as its label ({@code [NAME]}). */
        private String applyNamed(int c, Column column, String value, Subject subject, long line) throws FormatException {
            try {
                return column.spec().action() == Action.REMOVE
                        ? "[" + (column.label().isEmpty() ? "REMOVED" : column.label()) + "]"
                        : column.method().apply(EmbeddedImages.clean(value), new FieldContext(subject, column.header()));
            } catch (UnprocessableValueException e) {
                warnEmptied(e, c, line);
                return "";
            } catch (DeidException e) {
                throw new FormatException(e.code(), "line " + line, e.getMessage());
            }
        }

        /**
         * A REDCap logging export's action (decision 0177) with the record it names as the record's pseudonym ({@code
         * Update record 12 (Month 3)}), or the user it names as the {@code Username} column writes it ({@code Add user
         * jsmith}), the rest scrubbed as the column's text; null for an action that names neither.
         */
        private String cleanAction(int c, Column column, String value, Subject subject, long line)
                throws FormatException {
            int[] span;
            String named;
            if (logRecord != null && subject != null) {
                span = logRecordSpan;
                named = subject.pseudonym();
            } else {
                span = RedcapLog.userSpan(value);
                named = span == null ? null
                        : applyNamed(log.user, columns[log.user], value.substring(span[0], span[1]), subject, line);
            }
            if (span == null) {
                return null;
            }
            String after = value.substring(span[1]);
            return applyNamed(c, column, value.substring(0, span[0]), subject, line) + named
                    + (after.isEmpty() ? "" : applyNamed(c, column, after, subject, line));
        }

        /** JSON documents inside JSON strings read as documents, to this depth (an event log's escaped payload). */
        private static final int JSON_DEPTH = 4;

        /**
         * A JSON document in free-text cell {@code c} with each scalar member cleaned (decision 0172): a member a rule
         * decides by its name ({@link JsonCells#decision}) as that column, codes and types as written, literals as
         * written, every other member by the cell's own method, alone; a string member holding a document read as one.
         * Written back in place, the rest of the text as it was; a changed number is written as a string. Null when
         * the cell is no JSON document.
         */
        private String cleanJson(int c, Column column, String value, String[] row, Subject subject, long line,
                int depth) throws FormatException {
            JsonCells.Document doc = depth == 0 && log != null && c == log.changes
                    ? JsonCells.Document.redcapChanges(value) : jsonCells.document(value);
            if (doc == null) {
                return null;
            }
            List<JsonText.Member> replaced = new ArrayList<>();
            List<String> literals = new ArrayList<>();
            for (JsonText.Member m : doc.members()) {
                if (m.kind() == JsonText.Kind.LITERAL || DocumentMembers.code(m)) {
                    continue;
                }
                String v = m.value();
                String result = resourceId(m, line);
                boolean text = m.kind() == JsonText.Kind.STRING || m.kind() == JsonText.Kind.ATTRIBUTE;
                if (result == null && text && v.length() >= 3) {
                    result = asItsRowsKey(v, row, subject, line);
                }
                if (result == null && doc.redcap() && subject != null && v.equals(logRecord)) {
                    result = subject.pseudonym(); // "record_id = '2'" in the record's own creation (decision 0177)
                }
                if (result == null && doc.redcap() && RedcapLog.isUserField(m.key())) {
                    result = applyNamed(log.user, columns[log.user], v, subject, line); // as the Username column
                }
                if (result == null && text && depth < JSON_DEPTH && JsonCells.Document.mayBe(v)) {
                    result = cleanJson(c, column, v, row, subject, line, depth + 1);
                }
                if (result == null && DocumentMembers.time(m)) {
                    result = applyNamed(c, times(), v, subject, line); // a CDA's point in time, shifted
                }
                if (result == null) {
                    ColumnPlan plan = jsonCells.decision(m);
                    if (plan != null) {
                        Column byName = columnOf(plan);
                        namedCounts.merge(byName.counterKey(), 1L, Long::sum);
                        if (rows.note && plan.identifier() && subject != null && !v.isBlank()) {
                            noteJsonIdentifier(plan, v, subject); // as the scan does
                        }
                        result = applyNamed(c, byName, v, subject, line);
                    } else {
                        result = applyNamed(c, column, v, subject, line);
                    }
                }
                if (!result.equals(v)) {
                    replaced.add(m);
                    literals.add(doc.literal(m, result));
                }
            }
            return replaced.isEmpty() ? value : doc.rewrite(replaced, literals);
        }

        private Column times;

        /** The column a date of an XML document is shifted as: the profile's rule for an event's date. */
        private Column times() {
            if (times == null) {
                ColumnPlan plan = engine.plan("event_date", ColumnInsight.NONE);
                if (plan.spec().action() != Action.SHIFT_DATE) {
                    plan = new ColumnPlan("event_date", new ActionSpec.ShiftDate(), "dates", ColumnPlan.DecidedBy.RULE,
                            null, 0, "", "", false, false, "");
                }
                times = columnOf(plan);
            }
            return times;
        }

        /**
         * A member that holds the value of one of its row's pseudonymized columns (a resource's {@code id} beside the
         * table's {@code id} column) written as that column writes it, so that the document and its row agree and the
         * original is nowhere; else null.
         */
        private String asItsRowsKey(String v, String[] row, Subject subject, long line) throws FormatException {
            if (v.isEmpty()) {
                return null;
            }
            for (int k : pseudonymized) {
                if (v.equals(row[k])) {
                    return applyNamed(k, columns[k], v, subject, line);
                }
            }
            return null;
        }

        /**
         * A FHIR resource's own {@code id} (beside its {@code resourceType}) or a relative reference
         * ({@code Encounter/ID}), written as the FHIR files of the run write it (the keyed id of type and id, decision
         * 0172): the same resource gets the same id in a table's document and in an NDJSON file, references keep
         * resolving, and no original id is left beside a key column that pseudonymized it; else null. A Patient's id
         * and {@code Patient/ID} are the patient's pseudonym, as a table's patient column writes it: the rows join on
         * it, and the verifier knows each row's patient by it.
         */
        private String resourceId(JsonText.Member m, long line) throws FormatException {
            try {
                if (m.key().equals("id") && m.parentKey().isEmpty() && !m.sibling("resourceType").isEmpty()) {
                    if (m.sibling("resourceType").equals("Patient")) {
                        Subject s = engine.subject(m.value());
                        return s == null ? null : s.pseudonym();
                    }
                    return fhirIds.id(m.sibling("resourceType"), m.value());
                }
                if (m.key().equals("reference") && m.value().startsWith("Patient/")) {
                    Subject s = engine.subject(JsonCells.referencedId(m.value()));
                    return s == null ? null : "Patient/" + s.pseudonym();
                }
                return m.key().equals("reference") ? fhirIds.reference(m.value()) : null;
            } catch (DeidException e) {
                throw new FormatException(e.code(), "line " + line, e.getMessage());
            }
        }

        private void noteJsonIdentifier(ColumnPlan plan, String value, Subject subject) throws FormatException {
            try {
                noteOnce(plan, value, subject, namedNoted);
            } catch (DeidException e) {
                throw new FormatException(e.code(), "", e.getMessage());
            }
        }

        /** A value that could not be processed and was emptied: a warning naming its line and column (the first ones). */
        private void warnEmptied(UnprocessableValueException e, int c, long line) {
            if (warningCount++ < MAX_LISTED_WARNINGS) {
                warnings.add(new Problem(e.code(), name, "line " + line + ", column " + (c + 1) + " '" + header.get(c)
                        + "'", e.getMessage() + "; the value was emptied"));
            }
        }

        /** Whether a column's action is {@code generalize: code}, a code kept but for an age over 89 in it. */
        private static boolean isCode(ActionSpec spec) {
            return spec instanceof ActionSpec.Generalize g && g.kind() == org.deidworkbench.model.Generalization.CODE;
        }

        /** Finds one birth-year and one birth-date column among the kept ones; with more of either, none. */
        private void birthColumns() {
            int years = 0;
            int dates = 0;
            for (int k = 0; k < kept.length; k++) {
                if (columns[kept[k]].spec() instanceof org.deidworkbench.model.ActionSpec.Generalize g) {
                    if (g.kind() == org.deidworkbench.model.Generalization.BIRTH_YEAR) {
                        birthYearOut = k;
                        years++;
                    } else if (g.kind() == org.deidworkbench.model.Generalization.BIRTH_DATE) {
                        birthDateOut = k;
                        dates++;
                    }
                }
            }
            if (years != 1 || dates != 1) {
                birthYearOut = -1;
                birthDateOut = -1;
            }
        }

        /**
         * A record's birth year as its written birth date says: the shifted date's year, or the date's band marker
         * ({@code <=1936}). Kept as the original year beside a shifted date, it told a reader in which year the date
         * lay before its shift, and so bounded the subject's offset (decision 0112). A record without a birth date
         * keeps its year's own result.
         */
        private void alignBirthYear(String[] row) {
            String date = outRow[birthDateOut];
            String year = outRow[birthYearOut];
            if (date == null || date.isEmpty() || year == null || year.isEmpty()) {
                return;
            }
            String aligned;
            if (date.startsWith("<=")) {
                aligned = date;
            } else {
                try {
                    aligned = Integer.toString(org.deidworkbench.deid.DateValues.shiftedYear(date, 0,
                            columns[kept[birthDateOut]].plan().slashDayFirst()));
                } catch (UnprocessableValueException e) {
                    return; // not a date the year can be read from: the year's own result stands
                }
            }
            if (!aligned.equals(year)) {
                int c = kept[birthYearOut];
                if (year.equals(row[c])) {
                    changed[c]++; // the year's own result was the input's; the aligned one is not
                } else if (aligned.equals(row[c])) {
                    changed[c]--;
                }
                outRow[birthYearOut] = aligned;
            }
        }

        /**
         * The analysis's notices on links (decision 0095, {@link CsvAnalysis.Notice}), for the columns whose plan is
         * still the one they speak of: a partial table's link pseudonymized by its relation, a link-shaped column removed
         * by its class. A rule that names the column has the last word and silences them.
         */
        private void relationNotices(CsvAnalysis.FileInsight in, List<String> header) {
            if (in == null || in.notices() == null || !in.header().equals(header)) {
                return;
            }
            for (int c = 0; c < columns.length; c++) {
                CsvAnalysis.Notice n = in.notices()[c];
                if (n == null) {
                    continue;
                }
                ColumnPlan p = columns[c].plan();
                boolean applies = n.code().equals("PARTIAL-LINK") || n.code().equals("REDCAP-SHARED-RECORD-IDS")
                        ? p.decidedBy() == ColumnPlan.DecidedBy.RELATION && p.spec().action() == Action.PSEUDONYMIZE
                        : p.decidedBy() == ColumnPlan.DecidedBy.CLASSIFIER && p.spec().action() == Action.REMOVE;
                if (applies) {
                    warnings.add(new Problem(n.code(), name, "column " + (c + 1) + " '" + header.get(c) + "'", n.message()));
                }
            }
        }

        /**
         * The subject of a row that names none but holds an HL7 v2 message in a free-text column (an interface engine's
         * log, decision 0126): the message's patient (PID-3), so that the row's other dates (the time the message was
         * received) move with the message's. Null when no such column holds a message with a patient id.
         */
        private Subject messageSubject(String[] row) throws DeidException {
            for (int c : textColumns) {
                if (c < row.length && org.deidworkbench.deid.Hl7Message.looksLikeOne(row[c])) {
                    List<String> ids = org.deidworkbench.deid.method.Hl7MessageMethod.identifiers(row[c]);
                    if (!ids.isEmpty() && !ids.get(0).isEmpty()) {
                        return engine.subject(ids.get(0));
                    }
                }
            }
            return null;
        }

        /** Cleans a report's title and closing lines: free text no rule names (decision 0173). */
        private DeidMethod outsideMethod;
        private long outsideLines;

        /**
         * A report's title or closing line, cleaned (decision 0173): its values, joined by the delimiter where a line
         * was split at one ({@code Run by: HARGREAVE, MARTHA on …} without quotes), scrubbed as free text — removed
         * when the profile's default is {@code remove} — and written into the first of them; the line keeps its number
         * of fields. Such a line has no patient: the scrubber looks for every patient's known identifiers. Where the
         * cleaned text still splits at the delimiter into as many values as the line had, each goes back to its own
         * field (decision 0219): a sample sheet's or an instrument's {@code Investigator Name,[NAME]} and
         * {@code IEMFileVersion,4} stay a label and a value, as the programs that read such files expect.
         */
        List<String> outside(CsvRecordReader.Line line, char delimiter) throws FormatException {
            List<String> fields = line.fields();
            // a line padded to the table's width (a spreadsheet's) is padded to the output's
            boolean padded = fields.size() == header.size();
            int width = padded ? Math.max(1, kept.length) : fields.size();
            String text = joined(fields, delimiter);
            if (text == null) {
                return padded ? java.util.Collections.nCopies(width, "") : fields;
            }
            int first = 0;
            while (fields.get(first).isEmpty()) {
                first++;
            }
            outsideLines++;
            String cleaned;
            if (outsideRemoved()) {
                cleaned = "";
            } else {
                if (outsideMethod == null) {
                    outsideMethod = engine.method(new ActionSpec.ScrubText(), false);
                }
                try {
                    cleaned = outsideMethod.apply(org.deidworkbench.deid.ReportLines.markNames(text),
                            new FieldContext(null, OUTSIDE_FIELD));
                } catch (DeidException e) {
                    throw new FormatException(e.code(), "line " + line.line(), e.getMessage());
                }
            }
            String[] out = new String[width];
            java.util.Arrays.fill(out, "");
            if (!inPlace(fields, cleaned, delimiter, out)) {
                out[Math.min(first, out.length - 1)] = cleaned;
            }
            return List.of(out);
        }

        /**
         * Puts the parts of {@code cleaned} back into the fields the line's values stood in (decision 0219), when it
         * splits at the delimiter into exactly as many parts as the line had values with content, none of them empty,
         * and each of those fields is within {@code out}; false, {@code out} untouched, otherwise (a replacement took
         * a delimiter with it or brought one, or the line had a single value).
         */
        private static boolean inPlace(List<String> fields, String cleaned, char delimiter, String[] out) {
            String[] parts = cleaned.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
            List<Integer> at = new ArrayList<>();
            for (int i = 0; i < fields.size(); i++) {
                if (!fields.get(i).isEmpty()) {
                    at.add(i);
                }
            }
            if (at.size() < 2 || parts.length != at.size() || at.get(at.size() - 1) >= out.length
                    || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
                return false;
            }
            for (int p = 0; p < parts.length; p++) {
                out[at.get(p)] = parts[p];
            }
            return true;
        }

        /**
         * Writes a report's lines outside the table's records (decisions 0173, 0174): each cleaned, the header again as
         * the output's header (the columns the profile keeps).
         */
        void writeOutside(CsvRecordReader reader, List<CsvRecordReader.Line> lines, CsvRecordWriter writer)
                throws IOException, FormatException {
            for (CsvRecordReader.Line line : lines) {
                writer.writeOutside(reader.isHeader(line) ? List.of(outputHeader())
                        : outside(line, reader.dialect().delimiter()));
            }
        }

        /**
         * A report's title, page-break or closing lines as the preview shows them (decisions 0173, 0174): each line with
         * text one record of one field, in the first column; the header again as it is written, the kept columns' names.
         */
        void previewOutside(CsvRecordReader reader, List<CsvRecordReader.Line> lines, List<String> labels, String kind,
                List<PreviewRecord> records) throws FormatException {
            char delimiter = reader.dialect().delimiter();
            for (CsvRecordReader.Line line : lines) {
                String before = joined(line.fields(), delimiter);
                if (before == null) {
                    continue;
                }
                boolean header = reader.isHeader(line);
                String after = header ? String.join(String.valueOf(delimiter), outputHeader())
                        : joined(outside(line, delimiter), delimiter);
                if (after == null) {
                    after = "";
                }
                records.add(new PreviewRecord("line " + line.line() + " (" + kind + (header ? ": the header again" : "")
                        + ")", List.of(PreviewField.leaf(labels.get(0), OUTSIDE_FIELD, before, after, OUTSIDE_COUNTER,
                                (header ? Action.KEEP : outsideRemoved() ? Action.REMOVE : Action.SCRUB_TEXT)
                                        .yamlName()))));
            }
        }

        /** Whether report lines are emptied: the profile's default is {@code remove} (decision 0173). */
        private boolean outsideRemoved() {
            return engine.profile().defaultSpec().action() == Action.REMOVE;
        }

        /** A line's values with content, joined by the delimiter; null when it has none. */
        private static String joined(List<String> fields, char delimiter) {
            StringBuilder text = null;
            for (String field : fields) {
                if (!field.isEmpty()) {
                    if (text == null) {
                        text = new StringBuilder(field);
                    } else {
                        text.append(delimiter).append(field);
                    }
                }
            }
            return text == null ? null : text.toString();
        }

        /** The kept columns' values of {@code row}, unchanged, in a new array. */
        String[] kept(String[] row) {
            String[] out = new String[kept.length];
            for (int k = 0; k < kept.length; k++) {
                out[k] = row[kept[k]];
            }
            return out;
        }

        String[] outputHeader() {
            return kept(header.toArray(new String[0]));
        }

        /** The cleaned row (the kept columns), in an array reused for the next row. */
        String[] clean(String[] row, long line) throws FormatException {
            records++;
            Subject subject;
            try {
                subject = rows.accept(row);
                if (subject == null) {
                    subject = messageSubject(row);
                }
                if (subject == null) {
                    subject = jsonSubject(engine, jsonCells, row, textColumns); // decision 0172
                }
                logRecordSpan = log == null ? null : RedcapLog.recordSpan(row[log.action]);
                logRecord = logRecordSpan == null ? null : row[log.action].substring(logRecordSpan[0], logRecordSpan[1]);
                if (subject == null && logRecord != null) {
                    subject = engine.subject(logRecord); // the record the action is on (decision 0177)
                }
                if (rows.note && nameValues != null) {
                    noteNamedValues(row, columns, nameValues, subject, namedNoted); // as the scan does
                }
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
                if (nameValues != null && nameValues.isValue(c)) {
                    Column byName = namedColumn(row);
                    if (byName != null) {
                        outRow[k] = cleanNamed(c, byName, value, subject, line);
                        lastValue[k] = null;
                        continue;
                    }
                }
                counts[c]++;
                Action action = actions[k];
                // a REDCap logging export's action (decision 0177)
                String whole = log != null && c == log.action ? cleanAction(c, column, value, subject, line) : null;
                if (whole == null && action == Action.SCRUB_TEXT
                        && (JsonCells.Document.mayBe(value) || log != null && c == log.changes)) {
                    // a JSON or XML document in the cell, or a REDCap log's changes: member by member, each by its name
                    // (decisions 0172, 0177)
                    whole = cleanJson(c, column, value, row, subject, line, 0);
                }
                if (whole != null) {
                    if (!whole.equals(value)) {
                        changed[c]++;
                    }
                    outRow[k] = whole;
                    lastValue[k] = null;
                    continue;
                }
                if (action == Action.KEEP) {
                    // nothing to compute or to cache, but a photograph's EXIF in a kept column (decision 0171)
                    String kept = EmbeddedImages.clean(value);
                    if (kept != value) {
                        changed[c]++;
                    }
                    outRow[k] = kept;
                    continue;
                }
                if (codes[k]) {
                    // a scan for "ge" in most codes: cheaper than the cache (decision 0124)
                    String grouped = AgesInCodes.group(value);
                    if (grouped != value) {
                        changed[c]++;
                    }
                    outRow[k] = grouped;
                    continue;
                }
                if (subject == lastSubject[k] && value.equals(lastValue[k])) {
                    outRow[k] = lastResult[k];
                    if ((action == Action.SHIFT_DATE || action == Action.SCRUB_TEXT) && subject != null) {
                        // the run attests coincidences per date written (decisions 0029, 0116)
                        column.method().reused(value, lastResult[k], new FieldContext(subject, column.header()));
                    }
                    if (lastChanged[k]) {
                        changed[c]++;
                    }
                    continue;
                }
                long changedBefore = changed[c];
                reusable = true;
                String result = clean(c, column, value, subject, line);
                outRow[k] = result;
                if (reusable) {
                    lastValue[k] = value;
                    lastSubject[k] = subject;
                    lastResult[k] = result;
                    lastChanged[k] = changed[c] != changedBefore;
                } else {
                    lastValue[k] = null;
                }
            }
            if (birthYearOut >= 0) {
                alignBirthYear(row);
            }
            return outRow;
        }

        /** Cleared by {@link #clean(int, Column, String, Subject, long)} when its result must not be reused. */
        private boolean reusable;

        /**
         * One value's result, counted in {@code changed} when it differs. A value that cannot be processed
         * becomes empty with a warning naming its line, and clears {@link #reusable} so the next line is
         * reported too.
         */
        private String clean(int c, Column column, String value, Subject subject, long line) throws FormatException {
            Action action = column.spec().action();
            DeidMethod method = column.method();
            // A result that does not depend on the subject is a pure function of the value: it is
            // cached by value, which never changes the output (values repeat a lot in exports).
            // Pseudonyms are not: the ledger already maps each value to its pseudonym once per run,
            // and key columns (encounter ids) would only churn the cache.
            String key = value.length() <= MAX_CACHED_LENGTH && action != Action.PSEUDONYMIZE ? value : null;
            int slot = -1;
            if (action == Action.PSEUDONYMIZE) {
                // A few recent values per column, found by their hash: columns of a handful of distinct values in
                // no order (organizations, providers) skip normalizing and the ledger; a column of new ids only
                // overwrites slots. The pseudonym is a function of the value, so this never changes the output.
                String[] values = recentValues[c];
                slot = value.hashCode() & (RECENT_PSEUDONYMS - 1);
                if (value.equals(values[slot])) {
                    String pseudonym = recentPseudonyms[c][slot];
                    if (!value.equals(pseudonym)) {
                        changed[c]++;
                    }
                    return pseudonym;
                }
            }
            if (key != null) {
                String cached = memo.get(c).get(key);
                if (cached == null) {
                    cached = promote(c, key);
                }
                if (cached != null) {
                    if (cached == UNCHANGED) {
                        return value;
                    }
                    changed[c]++;
                    return cached;
                }
            }
            try {
                // a photograph inside a note (an HTML data URI, an RTF picture) without its EXIF (decision 0171)
                String result = method.apply(EmbeddedImages.clean(value), new FieldContext(subject, column.header()));
                boolean same = value.equals(result);
                if (!same) {
                    changed[c]++;
                }
                if (slot >= 0 && result != null) {
                    recentValues[c][slot] = value;
                    recentPseudonyms[c][slot] = result;
                }
                if (key != null && result != null && !method.dependsOnSubject(value)) {
                    Map<String, String> m = memo.get(c);
                    if (m.size() >= VALUE_CACHE || memoChars[c] >= memoCharLimit) {
                        // Two generations: the values of the last 64k stay findable, so a column of
                        // more distinct values (encounter ids) does not lose its whole cache at once.
                        previous.set(c, m);
                        m = new HashMap<>();
                        memo.set(c, m);
                        memoChars[c] = 0;
                    }
                    m.put(key, same ? UNCHANGED : result);
                    memoChars[c] += key.length() + (same ? 0 : result.length());
                }
                return result;
            } catch (UnprocessableValueException e) {
                reusable = false;
                changed[c]++;
                warnEmptied(e, c, line);
                return "";
            } catch (DeidException e) {
                throw new FormatException(e.code(), "line " + line, e.getMessage());
            }
        }

        /** A result found in the older cache generation, moved to the current one. */
        private String promote(int c, String key) {
            String old = previous.get(c).get(key);
            if (old != null && memo.get(c).size() < VALUE_CACHE && memoChars[c] < memoCharLimit) {
                memo.get(c).put(key, old);
                memoChars[c] += key.length() + (old == UNCHANGED ? 0 : old.length());
            }
            return old;
        }

        FileStats stats() {
            TreeMap<String, Long> actionCounts = new TreeMap<>();
            for (int c = 0; c < columns.length; c++) {
                long count = columns[c].spec().action() == Action.REMOVE ? records : counts[c];
                actionCounts.merge(columns[c].counterKey(), count, Long::sum);
            }
            namedCounts.forEach((counter, count) -> actionCounts.merge(counter, count, Long::sum));
            if (outsideLines > 0) {
                actionCounts.merge(OUTSIDE_COUNTER + " (" + (outsideRemoved() ? Action.REMOVE : Action.SCRUB_TEXT)
                        .yamlName() + ")", outsideLines, Long::sum);
            }
            List<String> unmatched = new ArrayList<>();
            List<FieldSummary> fields = new ArrayList<>();
            List<String> labels = CsvRecordReader.labels(header);
            for (int c = 0; c < columns.length; c++) {
                ColumnPlan p = columns[c].plan();
                if (p.decidedBy() == ColumnPlan.DecidedBy.DEFAULT) {
                    unmatched.add(labels.get(c));
                }
                long n = p.spec().action() == Action.REMOVE ? records : changed[c];
                fields.add(new FieldSummary(labels.get(c), p.classYamlName(), p.decidedBy().toString(),
                        p.spec().action().yamlName(), p.counterId(), n));
            }
            return new FileStats(records, actionCounts, warnings, warningCount, unmatched, fields);
        }
    }

    /**
     * Each column's decision, through the engine's one decision place ({@link Deidentifier#plan}), from the file's
     * analysis {@code in} (or null).
     */
    private Column[] plan(CsvAnalysis.FileInsight in, List<String> header, boolean withMethods) {
        boolean analysed = in != null && in.header().equals(header);
        boolean textDayFirst = analysed && in.textDatesDayFirst();
        Column[] columns = new Column[header.size()];
        NameValueRows nameValues = NameValueRows.of(engine, header);
        for (int c = 0; c < columns.length; c++) {
            ColumnPlan p = engine.plan(header.get(c), analysed ? in.columns()[c] : ColumnInsight.NONE);
            if (nameValues != null && nameValues.isValue(c)) {
                p = NameValueRows.keptByRows(p); // decision 0210
            }
            boolean dayFirst = p.slashDayFirst() || textDayFirst && p.spec().action() == Action.SCRUB_TEXT;
            DeidMethod method = withMethods ? engine.method(p.spec(), dayFirst, p.monthLanguage()) : null;
            if (method != null && p.decidedBy() == ColumnPlan.DecidedBy.CLASSIFIER
                    && p.spec().action() == Action.SHIFT_DATE) {
                method = engine.withOldDatesAggregated(method, dayFirst); // a birth date by values alone (decision 0142)
            }
            if (method != null && StoredDateMethod.readsDates(p.spec()) && SasDates.said(p.evidence())) {
                method = StoredDateMethod.sas(method); // days since 1960 (decision 0142)
            } else if (method != null && StoredDateMethod.readsDates(p.spec()) && FileManDates.said(p.evidence())) {
                method = StoredDateMethod.fileMan(method); // VistA's YYYMMDD.HHMMSS (decision 0181)
            } else if (method != null && StoredDateMethod.readsDates(p.spec()) && UsCompactDates.said(p.evidence())) {
                method = StoredDateMethod.usCompact(method); // a UB-04's MMDDYY, MMDDCCYY (decision 0228)
            } else if (method != null && StoredDateMethod.readsDates(p.spec()) && TimesOfDay.said(p.evidence())) {
                method = StoredDateMethod.timesOfDay(method); // StudyTime's 142233 kept (decision 0231)
            }
            columns[c] = new Column(p, p.counterId() + " (" + p.spec().action().yamlName() + ")", method);
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
        private final SubjectSource source;
        private final boolean note;
        private final Map<String, Subject> subjects = new HashMap<>();
        private final List<Set<String>> noted = new ArrayList<>();
        /**
         * The previous row's patient id (or case reference) and its subject, and per identifier column the
         * value noted last and its subject: a repeat of the row above changes nothing, so it is not looked up
         * again. {@code null} before the first row (a row's values are never null).
         */
        private String lastId;
        private Subject lastSubject;
        private String lastVia;
        private Subject lastViaSubject;
        private final String[] lastNoted;
        private final Subject[] lastNotedSubject;

        RowSubjects(Column[] columns, SubjectSource source, boolean note) {
            this.columns = columns;
            this.source = source;
            this.note = note;
            this.lastNoted = new String[columns.length];
            this.lastNotedSubject = new Subject[columns.length];
            for (int c = 0; c < columns.length; c++) {
                noted.add(new HashSet<>());
            }
        }

        /** The row's subject ({@code null} when the file has no subject column or the id is blank). */
        Subject accept(String[] row) throws DeidException {
            Subject subject = subjectOf(row);
            if (note) {
                for (int c = 0; c < columns.length; c++) {
                    if (columns[c].identifier() && c != source.column()) {
                        // The same value as in the row above, of the same subject, was noted just now.
                        if (subject == lastNotedSubject[c] && row[c].equals(lastNoted[c])) {
                            continue;
                        }
                        lastNoted[c] = row[c];
                        lastNotedSubject[c] = subject;
                        Set<String> seen = noted.get(c);
                        if (seen.size() >= VALUE_CACHE) {
                            seen.clear();
                        }
                        // A value is noted once per column and subject: the key file keeps it per subject.
                        String key = subject == null ? row[c] : subject.pseudonym() + '\u0000' + row[c];
                        if (seen.add(key)) {
                            engine.noteIdentifier(columns[c].spec(), columns[c].label(), row[c], subject);
                        }
                    }
                }
            }
            return subject;
        }

        private Subject subjectOf(String[] row) throws DeidException {
            String id;
            if (source.column() >= 0) {
                id = row[source.column()];
            } else if (source.via() != null) {
                // Rows of one case come together: the case's patient is looked up once per run of rows.
                String via = row[source.viaColumn()];
                if (via.equals(lastVia)) {
                    return lastViaSubject;
                }
                id = source.via().subjectOf(via);
                Subject subject = id == null ? null : subjectOfId(id);
                lastVia = via;
                lastViaSubject = subject;
                return subject;
            } else {
                return null;
            }
            if (id.equals(lastId)) {
                return lastSubject;
            }
            Subject subject = subjectOfId(id);
            lastId = id;
            lastSubject = subject;
            return subject;
        }

        /** The subject of a patient id: from this file's cache, else from the engine (noted once per file). */
        private Subject subjectOfId(String id) throws DeidException {
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

    /**
     * The subject ids of a table with two or more subject columns ({@code patid} and {@code mrn}): each row's
     * ids are linked for the date offset (decision 0078). Not thread-safe: one per file.
     */
    private static final class RowLinks {
        private final Deidentifier engine;
        private final int[] columns;
        private final Deidentifier.LinkedId[] kinds;
        /**
         * A name/value table's name and value columns (decision 0210: an alias table's {@code MRN} row links its alias
         * with the row's person), or null; the subject column rank of each row name seen (-1: none).
         */
        private final NameValueRows named;
        private final int namedValue;
        private final Map<ColumnPlan, Integer> planRanks = new HashMap<>();
        private String[] last;

        private RowLinks(Deidentifier engine, int[] columns, Deidentifier.LinkedId[] kinds, NameValueRows named,
                int namedValue) {
            this.engine = engine;
            this.columns = columns;
            this.kinds = kinds;
            this.named = named;
            this.namedValue = namedValue;
        }

        /**
         * For a file whose header names two or more subject columns, or a subject column and a column the analysis
         * found to be the patient table's key or a reference to it ({@code in}: the file's insight, or null), while
         * the run notes links; else null. A table keyed by a surrogate ({@code user_uuid}) that also holds the MRN
         * links the two, so that the tables referring to the surrogate get the MRN's offset (decision 0200).
         */
        static RowLinks of(Deidentifier engine, List<String> header, CsvAnalysis.FileInsight in,
                NameValueRows nameValues) {
            if (!engine.linking()) {
                return null;
            }
            int namedValue = -1; // the first value column of a name/value table, whose subject rows link (decision 0210)
            for (int c = 0; nameValues != null && c < header.size() && namedValue < 0; c++) {
                namedValue = nameValues.isValue(c) ? c : -1;
            }
            int[] ranks = engine.profile().subjectColumnRanks(header);
            boolean insight = in != null && in.header().equals(header);
            List<Integer> cols = new ArrayList<>();
            boolean anySubjectColumn = false;
            for (int c = 0; c < ranks.length; c++) {
                if (ranks[c] >= 0) {
                    cols.add(c);
                    anySubjectColumn = true;
                } else if (insight && in.columns()[c].relation().patient()) {
                    cols.add(c);
                }
            }
            boolean namedLinks = namedValue >= 0 && !cols.isEmpty(); // a row's own id and its alias (decision 0210)
            if (!namedLinks && (cols.size() < 2 || !anySubjectColumn)) {
                return null;
            }
            int[] columns = cols.stream().mapToInt(Integer::intValue).toArray();
            Deidentifier.LinkedId[] kinds = new Deidentifier.LinkedId[columns.length];
            List<String> candidates = engine.profile().subject().csvColumns();
            for (int i = 0; i < columns.length; i++) {
                int rank = ranks[columns[i]];
                if (rank < 0) {
                    // after every subject column: a table's own key never gives the class its offset over the MRN
                    kinds[i] = new Deidentifier.LinkedId("csv-patient-key:" + in.columns()[columns[i]].relation().domain(),
                            Deidentifier.RANK_PATIENT_KEY, "");
                    continue;
                }
                kinds[i] = new Deidentifier.LinkedId(kind(candidates, rank, header.get(columns[i])), rank, "");
            }
            return new RowLinks(engine, columns, kinds, namedValue < 0 ? null : nameValues, namedValue);
        }

        boolean reads(int column) {
            if (named != null && column == namedValue) {
                return true;
            }
            for (int c : columns) {
                if (c == column) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Links the row's non-blank subject ids (a row like the one above adds nothing), and in a name/value table the
         * value of a row whose name is a subject column's ({@code MRN}: decision 0210).
         */
        void accept(String[] row) {
            ColumnPlan plan = named == null || row[namedValue] == null || row[namedValue].isBlank() ? null
                    : named.decision(row);
            int rank = plan == null ? -1 : nameRank(plan);
            String[] ids = new String[columns.length + (rank >= 0 ? 1 : 0)];
            for (int i = 0; i < columns.length; i++) {
                ids[i] = row[columns[i]];
            }
            if (rank >= 0) {
                ids[columns.length] = row[namedValue];
            }
            if (java.util.Arrays.equals(ids, last)) {
                return;
            }
            last = ids;
            List<Deidentifier.LinkedId> linked = new ArrayList<>(ids.length);
            for (int i = 0; i < columns.length; i++) {
                if (!ids[i].isBlank()) {
                    linked.add(new Deidentifier.LinkedId(kinds[i].kind(), kinds[i].rank(), ids[i]));
                }
            }
            if (rank >= 0) {
                linked.add(new Deidentifier.LinkedId(kind(engine.profile().subject().csvColumns(), rank, plan.header()),
                        rank, ids[columns.length]));
            }
            engine.noteLink(linked);
        }

        /**
         * The subject column rank of the plan of the name that decides a row's value ({@link NameValueRows#decision}: the
         * value is pseudonymized as that column would be), or -1 when it is no subject column.
         */
        private int nameRank(ColumnPlan plan) {
            return planRanks.computeIfAbsent(plan, p -> engine.profile().subjectColumnRanks(List.of(p.header()))[0]);
        }

        /**
         * The kind of a linked id of subject column rank {@code rank} in column {@code header} ({@code csv:mrn}; a column
         * found by its rule is its own kind: {@code csv:chart_no}).
         */
        private static String kind(List<String> candidates, int rank, String header) {
            if (rank == Profile.RANK_SUBJECT_RULE) {
                return "csv:" + FieldSelector.ColumnName.normalize(header);
            }
            return "csv:" + (rank < candidates.size() ? candidates.get(rank).toLowerCase(java.util.Locale.ROOT)
                    : "redcap record id");
        }
    }

    private static void checkCancel(long n, BooleanSupplier cancelled) {
        if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
    }
}
