package org.deidworkbench.format.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import de.siegmar.fastcsv.reader.RecordType;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.deidworkbench.format.FormatException;

/**
 * Streams the records of one CSV file with a header line, decoding strictly in the dialect's charset.
 *
 * <p>Not thread-safe; one instance per file. Memory is bounded by the longest record, whatever the file size:
 * records are parsed one at a time by FastCSV (decision 0017) over a strict-decoding reader with 64 KiB buffers,
 * and only the columns asked for become strings ({@link #next(String[], boolean[])}).
 *
 * <p>Rules beyond plain RFC 4180, chosen so that reading and writing back gives the same bytes:
 * <ul>
 *   <li>Every record must have as many fields as the header ({@code CSV-RAGGED-ROW}).</li>
 *   <li>Blank lines at the end of the file are not records. In a single-column file a blank line before other
 *       records is a record with one empty value; in a multi-column file it is skipped.</li>
 *   <li>A leading UTF-8 byte order mark is skipped whenever the charset is UTF-8.</li>
 *   <li>A quote opened and never closed, or text after a closing quote, is {@code CSV-BROKEN-QUOTE}.</li>
 *   <li>A report's title lines above the header ({@link CsvDialect#preamble()}) and its closing lines under the table
 *       (a total, an end-of-report line: records of at most two values, two fewer than the header has fields, the
 *       first a phrase, that run to the end of the file) are no records of the table: {@link #preamble()} and
 *       {@link #trailer()} hold them (decision 0173). So does {@link #interlude()} for the lines a report writer puts
 *       between two pages (the page's number, the next page's title lines, the header again: lines held back that the
 *       header or a page number among them shows to be a page break, decision 0174). A ragged row followed by more rows
 *       is {@code CSV-RAGGED-ROW} as before.</li>
 * </ul>
 * Error messages and locations name lines, byte offsets and column positions, never values.
 */
public final class CsvRecordReader implements Closeable {

    /**
     * Most lines with content held back as a report's lines between two rows or under the table (decisions 0173,
     * 0174); of blank lines among them, four times as many are kept.
     */
    private static final int MAX_RUN = 32;

    /**
     * A record outside the table: a report's title or closing line (decision 0173).
     *
     * @param line the 1-based line where it starts
     * @param fields its fields; none for a blank line
     */
    public record Line(long line, List<String> fields) {
        public Line {
            fields = List.copyOf(fields);
        }

        /** Whether it is a blank line. */
        public boolean blank() {
            return fields.isEmpty();
        }
    }

    /** Longest record accepted by default, in characters; a longer one is almost always an unclosed quote. */
    public static final int DEFAULT_MAX_RECORD_CHARS = 8 * 1024 * 1024;

    /** Characters FastCSV's buffer may have read ahead of the record it is parsing (it reads 8 Ki at a time). */
    private static final long READ_AHEAD_SLACK = 64 * 1024;

    private final Path file;
    private final CsvDialect dialect;
    private final int maxRecordChars;
    private final StrictDecodingReader source;
    private final Fields fields;
    private final CsvReader<Fields> parser;
    private final CloseableIterator<Fields> records;
    private final List<String> header;
    private final int columns;
    /** The report's title lines above the header (decision 0173). */
    private List<Line> preamble = List.of();
    /** The report's closing lines under the table, known once the last record has been read (decision 0173). */
    private List<Line> trailer = List.of();
    /** The report's lines between the record last returned and the one before it: a page break (decision 0174). */
    private List<Line> interlude = List.of();
    /** Lines held back that may be a report's lines inside or under the table, until a row or the end says. */
    private final List<Line> run = new ArrayList<>();
    /** Lines held back that turned out to be rows, delivered before the next one is parsed. */
    private final java.util.ArrayDeque<Line> ready = new java.util.ArrayDeque<>();
    /** Blank lines of a multi-column file since its last record. */
    private long blankRun;
    /** A failure met while lines were held back, thrown once they are delivered. */
    private FormatException deferred;

    private long lineNumber;
    private long recordNumber;
    private FormatException failure;
    private boolean finished;

    /** Blank lines of a single-column file held back until we know they are not the file's trailing blank lines. */
    private long heldBlankLines;
    private long heldBlankFirstLine;
    /** The record read after held blank lines, returned once they have been. */
    private String[] heldRecord;
    private long heldRecordLine;

    /**
     * Opens the file and reads the header.
     *
     * @param file the CSV file
     * @param dialect usually from {@link CsvSniffer#sniff(Path)}
     * @throws FormatException {@code CSV-NO-HEADER}, {@code CSV-ENCODING},
     *         {@code CSV-BROKEN-QUOTE} or {@code CSV-RECORD-TOO-LONG} about the header line
     */
    public CsvRecordReader(Path file, CsvDialect dialect) throws IOException, FormatException {
        this(file, dialect, DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * As {@link #CsvRecordReader(Path, CsvDialect)} with another record length limit.
     *
     * @param maxRecordChars records up to this many characters are always accepted; records much longer (more
     *        than twice the limit) are rejected with {@code CSV-RECORD-TOO-LONG}
     */
    public CsvRecordReader(Path file, CsvDialect dialect, int maxRecordChars) throws IOException, FormatException {
        this.file = Objects.requireNonNull(file, "file");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive");
        }
        this.maxRecordChars = maxRecordChars;
        long maxAhead = 2L * maxRecordChars + READ_AHEAD_SLACK;
        InputStream in = Files.newInputStream(file);
        try {
            this.source = new StrictDecodingReader(in, dialect.charset(), maxAhead);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        boolean ok = false;
        try {
            if (source.startsWithUtf16Bom() && !CsvDialect.isUtf16(dialect.charset())) {
                throw new FormatException("CSV-UNSUPPORTED-ENCODING", "offset 0",
                        "the file starts with a UTF-16 or UTF-32 byte order mark; save it as UTF-8 and run again");
            }
            this.fields = new Fields(source);
            // The decoder stops a runaway record first; FastCSV's own limit on one field is set above it.
            int maxBuffer = (int) Math.min(Integer.MAX_VALUE - 16, 2 * maxAhead + READ_AHEAD_SLACK);
            this.parser = CsvReader.builder()
                    .fieldSeparator(dialect.delimiter())
                    .quoteCharacter(dialect.quote())
                    .skipEmptyLines(false)
                    .allowUnclosedQuote(false)
                    .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
                    .detectBomHeader(false)
                    .maxBufferSize(maxBuffer)
                    .build(fields, source);
            this.records = parser.iterator();
            this.header = readHeader();
            this.columns = header.size();
            fields.header(header);
            ok = true;
        } finally {
            if (!ok) {
                source.close();
            }
        }
    }

    /**
     * The header's column names in file order; unmodifiable. Names may repeat (decision 0160): a column is its position,
     * and {@link #labels} names it for people.
     */
    public List<String> header() {
        return header;
    }

    /** The dialect this reader decodes with. */
    public CsvDialect dialect() {
        return dialect;
    }

    /** The report's title lines above the header, blank lines included; empty for most files (decision 0173). */
    public List<Line> preamble() {
        return preamble;
    }

    /**
     * The report's closing lines under the table (a total, an end-of-report line; blank lines between them included,
     * trailing ones not): known once {@link #next} has returned false; empty before and for most files (decision 0173).
     */
    public List<Line> trailer() {
        return trailer;
    }

    /**
     * The report's lines between the record last returned by {@link #next} and the record before it (or the header):
     * where a report writer's page ends and the next begins — the page's number, the next page's title lines, the header
     * again (decision 0174). Empty for most records; no record of the table, as {@link #preamble()}.
     */
    public List<Line> interlude() {
        return interlude;
    }

    /** Whether a line of {@link #interlude()} or {@link #trailer()} is the header again (decision 0174). */
    public boolean isHeader(Line line) {
        return line.fields().equals(header);
    }

    /**
     * Next record's values (same length as the header), or null at the end. Unquoted and quoted empty fields
     * both come back as {@code ""}. The returned array belongs to the caller.
     *
     * @throws FormatException {@code CSV-RAGGED-ROW}, {@code CSV-BROKEN-QUOTE}, {@code CSV-ENCODING} or
     *         {@code CSV-RECORD-TOO-LONG}; after one, every further call throws the same exception
     */
    public String[] next() throws IOException, FormatException {
        String[] values = new String[columns];
        return next(values, null) ? values : null;
    }

    /**
     * Reads the next record into {@code values} (as long as the header), making strings only of the columns
     * that {@code wanted} marks (all when it is null); the other elements are left as they are. Cheaper than
     * {@link #next()} for passes that need a few columns of every record.
     *
     * @return false at the end of the file
     * @throws FormatException as {@link #next()}
     */
    public boolean next(String[] values, boolean[] wanted) throws IOException, FormatException {
        if (failure != null) {
            throw failure;
        }
        if (values.length != columns || wanted != null && wanted.length != columns) {
            throw new IllegalArgumentException("values and wanted need one element per column");
        }
        return advance(values, wanted, null);
    }

    /**
     * Reads the next record into {@code record} without a {@code String} per value: the values lie one after another in
     * {@link Chars#chars()}, each as {@link #next(String[], boolean[])} would have made it (decision 0089). For a reader
     * that looks at every value once and keeps none (the leak verifier).
     *
     * @return false at the end of the file
     * @throws FormatException as {@link #next()}
     */
    public boolean next(Chars record) throws IOException, FormatException {
        if (failure != null) {
            throw failure;
        }
        if (record.ends.length != columns + 1) {
            throw new IllegalArgumentException("the record needs one value per column");
        }
        return advance(null, null, record);
    }

    /**
     * The values of one record as characters: value {@code i} is {@code chars()[start(i), start(i) + length(i))}. Reused
     * from record to record; valid until the next read into it.
     */
    public static final class Chars {
        private char[] chars = new char[256];
        /** {@code ends[i + 1]}: where value {@code i} ends; {@code ends[0]} is 0. */
        private final int[] ends;

        /** A record of {@code columns} values, for {@link CsvRecordReader#next(Chars)} of a file with that many columns. */
        public Chars(int columns) {
            this.ends = new int[columns + 1];
        }

        public char[] chars() {
            return chars;
        }

        public int start(int i) {
            return ends[i];
        }

        public int length(int i) {
            return ends[i + 1] - ends[i];
        }

        /** Appends value {@code i} (called in order, {@code i} = the values so far). */
        void add(int i, char[] buf, int offset, int len) {
            int at = ends[i];
            if (at + len > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(at + len, chars.length * 2));
            }
            System.arraycopy(buf, offset, chars, at, len);
            ends[i + 1] = at + len;
        }

        /** Sets the first value (a record of one column) to {@code value}. */
        void first(String value) {
            int len = value.length();
            if (len > chars.length) {
                chars = new char[Math.max(len, chars.length * 2)];
            }
            value.getChars(0, len, chars, 0);
            ends[1] = len;
        }
    }

    /** The next record into {@code values} or {@code record}; the callers have checked {@link #failure}. */
    private boolean advance(String[] values, boolean[] wanted, Chars record) throws IOException, FormatException {
        if (heldBlankLines > 0) {
            heldBlankLines--;
            setFirst(values, record, "");
            return deliver(heldBlankFirstLine++);
        }
        if (heldRecord != null) {
            if (record != null) {
                record.first(heldRecord[0]);
            } else if (wanted == null || wanted[0]) {
                values[0] = heldRecord[0];
            }
            heldRecord = null;
            return deliver(heldRecordLine);
        }
        interlude = List.of();
        while (true) {
            Line held = ready.poll();
            if (held != null) {
                if (held.blank()) {
                    continue; // a multi-column file's blank line
                }
                if (held.fields().size() != columns) {
                    throw ragged(held.line(), held.fields().size());
                }
                for (int i = 0; i < columns; i++) {
                    String value = held.fields().get(i);
                    if (record != null) {
                        record.add(i, value.toCharArray(), 0, value.length());
                    } else if (wanted == null || wanted[i]) {
                        values[i] = value;
                    }
                }
                return deliver(held.line());
            }
            if (deferred != null) {
                throw fail(deferred);
            }
            if (finished) {
                return false;
            }
            fields.into(values, wanted, record);
            Fields parsed;
            try {
                parsed = parseNext();
            } catch (FormatException e) {
                if (run.isEmpty()) {
                    throw e;
                }
                // reported after the lines held back, which are rows then, as reading without holding them would
                deferred = e;
                failure = null;
                ready.addAll(run);
                run.clear();
                continue;
            }
            if (parsed == null) {
                // Blank lines still held back here are the file's trailing blank lines: not records.
                finished = true;
                heldBlankLines = 0;
                endRun();
                continue;
            }
            long startLine = parsed.line;
            if (parsed.empty) {
                if (columns > 1) {
                    if (run.isEmpty()) {
                        blankRun++;
                    } else if (run.size() < 4 * MAX_RUN) {
                        run.add(new Line(startLine, List.of())); // more blank lines than that: not kept, as at the end
                    }
                    continue;
                }
                if (heldBlankLines == 0) {
                    heldBlankFirstLine = startLine;
                }
                heldBlankLines++;
                continue;
            }
            if (columns >= 3 && parsed.mayBeReportLine(columns)) {
                Line line = parsed.line(values, wanted, record, header);
                if (run.isEmpty() ? startsRun(line) : inRun(line)) {
                    // a report's line inside or under the table, or a row: known at the next row (decision 0174)
                    for (long b = Math.min(blankRun, MAX_RUN); b > 0; b--) {
                        run.add(new Line(startLine - b, List.of())); // the blank lines that set it apart
                    }
                    blankRun = 0;
                    run.add(line);
                    if (run.stream().filter(l -> !l.blank()).count() > MAX_RUN) {
                        // too many for a page break: its first line is a row (or a ragged one) after all
                        Line first;
                        do {
                            first = run.remove(0);
                            ready.add(first);
                        } while (first.blank());
                    }
                    continue;
                }
            }
            blankRun = 0;
            if (!run.isEmpty()) {
                if (pageBreak(run)) {
                    interlude = List.copyOf(run);
                    run.clear();
                } else {
                    // an empty or sparse row, or a short one: rows of the table (CSV-RAGGED-ROW for a short one)
                    ready.addAll(run);
                    run.clear();
                    ready.add(new Line(startLine, captured(values, wanted, record, parsed.count)));
                    continue;
                }
            }
            if (parsed.count != columns) {
                throw ragged(startLine, parsed.count);
            }
            if (heldBlankLines > 0) {
                // Only single-column files hold blank lines back: keep the record for the next call.
                heldRecord = new String[] {record != null ? new String(record.chars, 0, record.length(0)) : values[0]};
                heldRecordLine = startLine;
                heldBlankLines--;
                setFirst(values, record, "");
                return deliver(heldBlankFirstLine++);
            }
            return deliver(startLine);
        }
    }

    private FormatException ragged(long line, int count) {
        return fail(new FormatException("CSV-RAGGED-ROW", "line " + line,
                "row has " + count + " field" + (count == 1 ? "" : "s") + ", header has " + columns
                        + "; every row needs one field per column"));
    }

    /**
     * Whether a line may start the report's lines inside or under the table (decisions 0173, 0174): an empty row, the
     * header again, or a line of at most two values, two fewer than the header has fields, whose first field is a phrase
     * ({@code Total patients: 3}, {@code *** End of Report ***}) or one of which is a page number.
     */
    private boolean startsRun(Line line) {
        return emptyRow(line) || isHeader(line) || reportLine(line);
    }

    /** Whether a line may go on the report's lines: as {@link #startsRun}, or a line of empty fields. */
    private boolean inRun(Line line) {
        return startsRun(line) || line.fields().size() <= columns && filled(line) == 0;
    }

    private boolean emptyRow(Line line) {
        return line.fields().size() == columns && filled(line) == 0;
    }

    private boolean reportLine(Line line) {
        List<String> values = line.fields();
        int filled = filled(line);
        if (values.size() > columns || filled == 0 || filled > 2 || filled > columns - 2) {
            return false;
        }
        if (phrase(values.get(0))) {
            return true;
        }
        for (String value : values) {
            if (!value.isEmpty() && PageMarks.in(value)) {
                return true;
            }
        }
        return false;
    }

    private static int filled(Line line) {
        int n = 0;
        for (String value : line.fields()) {
            n += value.isEmpty() ? 0 : 1;
        }
        return n;
    }

    /** A space, a colon or an asterisk in it: words, not a row's value. */
    private static boolean phrase(String value) {
        return value.indexOf(' ') >= 0 || value.indexOf(':') >= 0 || value.indexOf('*') >= 0;
    }

    /** Whether lines held back between rows are a page break: the header again, or a page number (decision 0174). */
    private boolean pageBreak(List<Line> lines) {
        for (Line line : lines) {
            if (isHeader(line) || line.fields().stream().anyMatch(v -> !v.isEmpty() && PageMarks.in(v))) {
                return true;
            }
        }
        return false;
    }

    /**
     * At the end of the file, the lines held back are the report's closing lines when one of them cannot be a row
     * (a short line, an empty row, the header again, a page number); else rows (decision 0173).
     */
    private void endRun() {
        if (run.isEmpty()) {
            return;
        }
        boolean closing = pageBreak(run);
        for (Line line : run) {
            closing |= !line.blank() && (line.fields().size() < columns || emptyRow(line));
        }
        if (!closing) {
            ready.addAll(run);
        } else {
            int last = run.size();
            while (last > 1 && run.get(last - 1).blank()) {
                last--; // blank lines at the end of the file are no lines of the report
            }
            trailer = List.copyOf(run.subList(0, last));
        }
        run.clear();
    }

    /** The fields of the record just parsed, as far as they were read ({@code ""} for those not asked for). */
    private static List<String> captured(String[] values, boolean[] wanted, Chars record, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i >= (record != null ? record.ends.length - 1 : values.length)) {
                out.add(""); // a field beyond the header's: only its count matters (CSV-RAGGED-ROW)
            } else if (record != null) {
                out.add(new String(record.chars, record.ends[i], record.ends[i + 1] - record.ends[i]));
            } else {
                out.add(wanted == null || wanted[i] ? values[i] : "");
            }
        }
        return out;
    }

    private static void setFirst(String[] values, Chars record, String value) {
        if (record != null) {
            record.first(value);
        } else {
            values[0] = value;
        }
    }

    /** 1-based line number where the record last returned by next() starts (quoted fields may span lines). */
    public long lineNumber() {
        return lineNumber;
    }

    /** 1-based number of the record last returned by next(), not counting the header; 0 before the first. */
    public long recordNumber() {
        return recordNumber;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private boolean deliver(long line) {
        lineNumber = line;
        recordNumber++;
        return true;
    }

    /**
     * The next record with every field, as a line (none for a blank line), or null at the end: a report's line, read
     * whatever the caller asks of the table's records. {@link #fields} still describes it.
     */
    private Line nextLine() throws IOException, FormatException {
        List<String> values = new ArrayList<>();
        fields.collect(values);
        try {
            Fields next = parseNext();
            return next == null ? null : new Line(next.line, next.empty ? List.of() : values);
        } finally {
            fields.collect(null);
        }
    }

    private List<String> readHeader() throws IOException, FormatException {
        List<Line> before = new ArrayList<>(dialect.preamble());
        for (int k = 0; k < dialect.preamble(); k++) {
            Line line = nextLine();
            if (line == null) {
                throw fail(new FormatException("CSV-NO-HEADER", "",
                        "the file ends in the report's title lines, before its header"));
            }
            before.add(line);
        }
        preamble = List.copyOf(before);
        List<String> names = new ArrayList<>();
        fields.collect(names);
        Fields record = parseNext();
        if (record == null) {
            throw fail(new FormatException("CSV-NO-HEADER", "",
                    "the file has no header line (it is empty or holds only a byte order mark)"));
        }
        long line = Math.max(1, record.line);
        if (record.empty) {
            throw fail(new FormatException("CSV-NO-HEADER", "line " + line,
                    "line " + line + " is blank; the first line must be the header with the column names"));
        }
        fields.collect(null);
        lineNumber = line;
        return List.copyOf(names);
    }

    /** Header names by which a survey export's label rows are looked for (Qualtrics' response id). */
    private static final Set<String> SURVEY_ID_HEADERS = Set.of("responseid", "response_id",
            "_recordid");

    /**
     * How many records under the header are the export's labels, not answers (decision 0162): 2 in a Qualtrics export
     * (a {@code ResponseId} column; the first row each question's text, the second its import ids, every value
     * {@code {"ImportId":…}}), 1 in a SurveyMonkey export ({@code Respondent ID} and {@code Collector ID} columns; a row
     * without a respondent whose cells say {@code Response}, {@code Open-Ended Response} or a choice's label), else 0.
     * Those rows are written back as they are and are no respondent's data. For a {@code header} with such columns,
     * opens its own reader on {@code file} and reads at most two records; a file it cannot read so far has none.
     */
    static int labelRows(Path file, CsvDialect dialect, List<String> header) throws IOException {
        boolean qualtrics = false;
        boolean collector = false;
        int respondent = -1;
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip().toLowerCase(Locale.ROOT);
            qualtrics |= SURVEY_ID_HEADERS.contains(name);
            collector |= name.equals("collector id");
            respondent = name.equals("respondent id") ? c : respondent;
        }
        boolean surveyMonkey = collector && respondent >= 0;
        if (!qualtrics && !surveyMonkey) {
            return 0;
        }
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            String[] first = reader.next();
            if (first == null) {
                return 0;
            }
            if (surveyMonkey) {
                List<String> cells = Arrays.asList(first);
                return first[respondent].isEmpty() && (cells.contains("Response") || cells.contains("Open-Ended Response"))
                        ? 1 : 0;
            }
            String[] ids = reader.next();
            if (ids == null) {
                return 0;
            }
            boolean any = false;
            for (String id : ids) {
                if (!id.isEmpty() && !id.startsWith("{\"ImportId\":")) {
                    return 0;
                }
                any |= !id.isEmpty();
            }
            return any ? 2 : 0;
        } catch (FormatException e) {
            return 0;
        }
    }

    /**
     * Reads the records right under the header that label its columns instead of answering (decision 0162, see
     * {@link #labelRows}) and returns them; reads nothing when the file has none. Called before the first
     * {@link #next()}; the readers that must see every value (the leak verifier) do not call it.
     */
    public List<String[]> readLabelRows() throws IOException, FormatException {
        List<String[]> rows = new ArrayList<>(2);
        for (int i = labelRows(file, dialect, header); i > 0; i--) {
            String[] row = next();
            if (row == null) {
                break;
            }
            rows.add(row);
        }
        return rows;
    }

    /**
     * Each column's name as the tool shows it: the header's name, or for a name that more than one column has
     * (REDCap's labels export repeats "Complete?" per instrument, a SQL join repeats "id", a spreadsheet leaves trailing
     * columns unnamed) the name with its 1-based position, {@code Complete? (column 23)}, {@code (column 9)} for an
     * unnamed one (decision 0160). Distinct for every column of the header.
     */
    public static List<String> labels(List<String> header) {
        Map<String, Integer> counts = new HashMap<>();
        for (String name : header) {
            counts.merge(name, 1, Integer::sum);
        }
        if (counts.size() == header.size()) {
            return header;
        }
        List<String> labels = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            labels.add(counts.get(name) == 1 ? name
                    : name.isEmpty() ? "(column " + (i + 1) + ")" : name + " (column " + (i + 1) + ")");
        }
        return List.copyOf(labels);
    }

    /** The next record from FastCSV, or null at the end; maps its failures to typed errors. */
    private Fields parseNext() throws IOException, FormatException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), fields.line);
        } catch (CsvParseException e) {
            // FastCSV's message quotes the offending character: it is not passed on (values stay out of errors).
            if (e.getCause() instanceof UncheckedIOException u) {
                throw translate(u.getCause(), fields.line);
            }
            if (e.getCause() instanceof IOException io) {
                throw translate(io, fields.line);
            }
            long line = Math.max(1, fields.line);
            if (e.getMessage() != null && e.getMessage().contains("maximum buffer size")) {
                throw tooLong(line);
            }
            throw fail(new FormatException("CSV-BROKEN-QUOTE", "line " + line,
                    "quoting is broken in the record starting at line " + line + ": a quoted field is not closed"
                            + " before the end of the file, or text follows its closing quote. Double every quote ("
                            + dialect.quote() + ") inside a quoted field"));
        }
    }

    private IOException translate(IOException cause, long startLine) throws FormatException, IOException {
        if (cause instanceof DecodingFailure decoding) {
            long line;
            try (InputStream in = Files.newInputStream(file)) {
                line = StrictDecodingReader.lineAt(in, dialect.charset(), decoding.byteOffset());
            }
            throw fail(new FormatException("CSV-ENCODING", "line " + line,
                    "bytes at offset " + decoding.byteOffset() + " (line " + line + ") are not valid "
                            + dialect.charset().name() + "; the file mixes encodings or was detected wrongly from"
                            + " its first 64 KiB. Convert it to one encoding (e.g. UTF-8) and run again", decoding));
        }
        if (cause instanceof RecordTooLong) {
            throw tooLong(Math.max(1, startLine));
        }
        return cause;
    }

    private FormatException tooLong(long startLine) {
        return fail(new FormatException("CSV-RECORD-TOO-LONG", "line " + startLine,
                "the record starting at line " + startLine + " is longer than " + maxRecordChars
                        + " characters; most likely a quote (" + dialect.quote() + ") is opened and never closed"));
    }

    private FormatException fail(FormatException e) {
        failure = e;
        return e;
    }

    /**
     * Receives FastCSV's fields of one record: the wanted ones become strings in the caller's array, the
     * others are only counted. Also tells the decoder where a record starts, for the record length limit.
     */
    private static final class Fields extends CsvCallbackHandler<Fields> {
        private final StrictDecodingReader source;
        private String[] values;
        private boolean[] wanted;
        private Chars record;
        private List<String> names;
        long line;
        int count;
        /** Fields with content (decision 0173). */
        int filled;
        boolean empty;
        /** The header's names, once read; whether the record so far repeats them (decision 0174). */
        private char[][] headerNames;
        boolean sameAsHeader;
        /**
         * Where the first two fields with content stand, and the text of those the caller did not ask for: a record of
         * at most two values may be a report's line, which is read whole whatever the caller asks (decision 0174).
         */
        private final int[] slotAt = new int[2];
        private final char[][] slotText = {new char[64], new char[64]};
        private final int[] slotLength = new int[2];

        Fields(StrictDecodingReader source) {
            this.source = source;
        }

        void into(String[] values, boolean[] wanted, Chars record) {
            this.values = values;
            this.wanted = wanted;
            this.record = record;
        }

        void collect(List<String> names) {
            this.names = names;
        }

        void header(List<String> header) {
            headerNames = new char[header.size()][];
            for (int i = 0; i < headerNames.length; i++) {
                headerNames[i] = header.get(i).toCharArray();
            }
        }

        /** Whether the record just parsed may be a report's line: at most two values, or the header again. */
        boolean mayBeReportLine(int columns) {
            return count <= columns && (filled <= 2 && filled <= columns - 2 || sameAsHeader && count == columns);
        }

        /**
         * The record just parsed with every field, for one that {@link #mayBeReportLine} (its values were read into
         * the caller's array or record as asked, the others into the slots).
         */
        Line line(String[] values, boolean[] wanted, Chars record, List<String> header) {
            if (sameAsHeader && count == header.size()) {
                return new Line(line, header);
            }
            String[] out = new String[count];
            Arrays.fill(out, "");
            for (int s = 0; s < Math.min(filled, 2); s++) {
                int i = slotAt[s];
                out[i] = record != null ? new String(record.chars, record.ends[i], record.length(i))
                        : wanted == null || wanted[i] ? values[i] : new String(slotText[s], 0, slotLength[s]);
            }
            return new Line(line, Arrays.asList(out));
        }

        @Override
        protected RecordType getRecordType() {
            return empty ? RecordType.EMPTY : RecordType.DATA;
        }

        @Override
        protected int getFieldCount() {
            return count;
        }

        @Override
        protected void beginRecord(long startingLineNumber) {
            line = startingLineNumber;
            count = 0;
            filled = 0;
            empty = false;
            sameAsHeader = headerNames != null;
            // At most one read (8 Ki characters) of FastCSV's is buffered beyond this point: the decoder counts
            // the record's length from here, a little late but never early.
            source.recordStarted(source.charsDelivered());
        }

        @Override
        protected void addField(char[] buf, int offset, int len, boolean quoted) {
            int i = count++;
            if (len > 0 && ++filled <= 2) {
                slotAt[filled - 1] = i;
            }
            if (sameAsHeader) {
                char[] name = i < headerNames.length ? headerNames[i] : null;
                sameAsHeader = name != null && name.length == len && Arrays.equals(name, 0, len, buf, offset, offset + len);
            }
            if (names != null) {
                names.add(new String(buf, offset, len));
            } else if (record != null) {
                if (i < record.ends.length - 1) {
                    record.add(i, buf, offset, len);
                }
            } else if (i < values.length && (wanted == null || wanted[i])) {
                values[i] = len == 0 ? "" : new String(buf, offset, len);
            } else if (len > 0 && filled <= 2 && i < values.length) {
                int s = filled - 1;
                if (slotText[s].length < len) {
                    slotText[s] = new char[Math.max(len, 2 * slotText[s].length)];
                }
                System.arraycopy(buf, offset, slotText[s], 0, len);
                slotLength[s] = len;
            }
        }

        @Override
        protected void setComment(char[] buf, int offset, int len) {
            // Comments are not recognised (CommentStrategy.NONE): a '#' line is data.
        }

        @Override
        protected void setEmpty() {
            empty = true;
        }

        @Override
        protected Fields buildRecord() {
            return this;
        }
    }
}
