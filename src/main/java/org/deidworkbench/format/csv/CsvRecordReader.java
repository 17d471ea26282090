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
 *       {@link #trailer()} hold them (decision 0173). A ragged row followed by more rows is {@code CSV-RAGGED-ROW} as
 *       before.</li>
 * </ul>
 * Error messages and locations name lines, byte offsets and column positions, never values.
 */
public final class CsvRecordReader implements Closeable {

    /** Most records read ahead from a row that may start a report's closing lines (decision 0173). */
    private static final int MAX_TRAILER = 16;

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
    /** Records read ahead while looking for closing lines that were none, delivered before the next one is parsed. */
    private final java.util.ArrayDeque<Line> pending = new java.util.ArrayDeque<>();
    /** Blank lines of a multi-column file since its last record. */
    private long blankRun;
    /** A failure met while reading ahead, thrown once the records before it are delivered. */
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
        while (!pending.isEmpty() || deferred != null) {
            if (pending.isEmpty()) {
                throw fail(deferred);
            }
            Line line = pending.poll();
            if (line.blank()) {
                continue; // a multi-column file's blank line
            }
            if (line.fields().size() != columns) {
                throw ragged(line.line(), line.fields().size());
            }
            for (int i = 0; i < columns; i++) {
                String value = line.fields().get(i);
                if (record != null) {
                    record.add(i, value.toCharArray(), 0, value.length());
                } else if (wanted == null || wanted[i]) {
                    values[i] = value;
                }
            }
            return deliver(line.line());
        }
        if (finished) {
            return false;
        }
        while (true) {
            fields.into(values, wanted, record);
            Fields parsed = parseNext();
            if (parsed == null) {
                // Blank lines still held back here are the file's trailing blank lines: not records.
                finished = true;
                heldBlankLines = 0;
                return false;
            }
            long startLine = parsed.line;
            if (parsed.empty) {
                if (columns > 1) {
                    blankRun++;
                    continue;
                }
                if (heldBlankLines == 0) {
                    heldBlankFirstLine = startLine;
                }
                heldBlankLines++;
                continue;
            }
            long blanks = blankRun;
            blankRun = 0;
            boolean emptyRow = parsed.filled == 0 && parsed.count == columns;
            if (columns >= 3 && (emptyRow || parsed.count < columns && outside(parsed))) {
                // a total or an end-of-report line under the table, or an empty row before them (decision 0173)
                int count = parsed.count;
                Line first = new Line(startLine, captured(values, wanted, record, count));
                if (closingLines(first, blanks)) {
                    finished = true;
                    return false;
                }
                if (count != columns) {
                    throw ragged(startLine, count);
                }
                return deliver(startLine); // an empty row of the table; the rows read ahead follow it
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
     * Whether a record may be a report's own line: at most two values, two fewer than the header has fields, and the
     * first field a phrase ({@code Total patients: 3}, {@code *** End of Report ***}), not a row's value (decision 0173).
     */
    private boolean outside(Fields record) {
        return record.count <= columns && record.filled <= 2 && record.filled <= columns - 2 && record.phrase;
    }

    /** The fields of the record just parsed, as far as they were read ({@code ""} for those not asked for). */
    private static List<String> captured(String[] values, boolean[] wanted, Chars record, int count) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (record != null) {
                out.add(new String(record.chars, record.ends[i], record.ends[i + 1] - record.ends[i]));
            } else {
                out.add(wanted == null || wanted[i] ? values[i] : "");
            }
        }
        return out;
    }

    /**
     * Reads ahead from {@code first}, a record that may start a report's closing lines: they are when every record up
     * to the end of the file, at most {@link #MAX_TRAILER} of them, is blank, empty or {@link #outside} (decision
     * 0173). Then they become the {@link #trailer()}; else the records read
     * ahead wait in {@link #pending} for the next calls.
     */
    private boolean closingLines(Line first, long blanksBefore) throws IOException, FormatException {
        List<Line> lines = new ArrayList<>();
        lines.add(first);
        boolean closing = false;
        for (int k = 0; k < MAX_TRAILER; k++) {
            Line line;
            try {
                line = nextLine();
            } catch (FormatException e) {
                // reported after the records before it, as reading without looking ahead would
                deferred = e;
                failure = null;
                break;
            }
            if (line == null) {
                closing = true;
                break;
            }
            lines.add(line);
            if (!line.blank() && fields.filled > 0 && !outside(fields)) {
                break;
            }
        }
        if (!closing) {
            pending.addAll(lines.subList(1, lines.size()));
            return false;
        }
        int last = lines.size();
        while (last > 1 && lines.get(last - 1).blank()) {
            last--; // blank lines at the end of the file are no lines of the report
        }
        List<Line> after = new ArrayList<>();
        for (long b = Math.min(blanksBefore, MAX_TRAILER); b > 0; b--) {
            after.add(new Line(first.line() - b, List.of())); // the blank lines that set them apart from the table
        }
        after.addAll(lines.subList(0, last));
        trailer = List.copyOf(after);
        return true;
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
        /** Whether the first field is a phrase: a space, a colon or an asterisk in it (decision 0173). */
        boolean phrase;
        boolean empty;

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
            phrase = false;
            empty = false;
            // At most one read (8 Ki characters) of FastCSV's is buffered beyond this point: the decoder counts
            // the record's length from here, a little late but never early.
            source.recordStarted(source.charsDelivered());
        }

        @Override
        protected void addField(char[] buf, int offset, int len, boolean quoted) {
            int i = count++;
            if (len > 0) {
                filled++;
                if (i == 0) {
                    for (int k = offset, end = offset + len; k < end && !phrase; k++) {
                        char c = buf[k];
                        phrase = c == ' ' || c == ':' || c == '*';
                    }
                }
            }
            if (names != null) {
                names.add(new String(buf, offset, len));
            } else if (record != null) {
                if (i < record.ends.length - 1) {
                    record.add(i, buf, offset, len);
                }
            } else if (i < values.length && (wanted == null || wanted[i])) {
                values[i] = len == 0 ? "" : new String(buf, offset, len);
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
