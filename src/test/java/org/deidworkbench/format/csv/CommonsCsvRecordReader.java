package org.deidworkbench.format.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.deidworkbench.format.FormatException;

/**
 * The reader the CSV pipeline used before FastCSV (decision 0017): Commons CSV over the same strict decoder,
 * kept unchanged as the oracle of {@code CsvReaderDifferentialTest}, which holds {@link CsvRecordReader} to its
 * answers on the fixtures, the corpus and fuzzed bytes. Not used by the application.
 *
 * <p>Not thread-safe; one instance per file. Memory is bounded by the longest record, whatever the file size:
 * records are parsed one at a time by Commons CSV over a strict-decoding reader with 64 KiB buffers.
 *
 * <p>Rules beyond plain RFC 4180, chosen so that reading and writing back gives the same bytes:
 * <ul>
 *   <li>Every record must have as many fields as the header ({@code CSV-RAGGED-ROW}).</li>
 *   <li>Blank lines at the end of the file are not records. In a single-column file a blank line before other
 *       records is a record with one empty value; in a multi-column file it is skipped.</li>
 *   <li>A leading UTF-8 byte order mark is skipped whenever the charset is UTF-8.</li>
 * </ul>
 * Error messages and locations name lines, byte offsets and column positions, never values.
 */
final class CommonsCsvRecordReader implements Closeable {

    /** Characters the Commons CSV buffer may have read ahead of the record it is parsing. */
    private static final long READ_AHEAD_SLACK = 64 * 1024;

    private final Path file;
    private final CsvDialect dialect;
    private final int maxRecordChars;
    private final StrictDecodingReader source;
    /** Line ends of the characters read so far, counted as the decoder counted them before it stopped doing so. */
    private final LineCounting counted;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final int columns;

    /** Line count reported by the parser after the last record it produced. */
    private long parsedLines;
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
    CommonsCsvRecordReader(Path file, CsvDialect dialect) throws IOException, FormatException {
        this(file, dialect, CsvRecordReader.DEFAULT_MAX_RECORD_CHARS);
    }

    /**
     * As {@link #CsvRecordReader(Path, CsvDialect)} with another record length limit.
     *
     * @param maxRecordChars records up to this many characters are always accepted; records much longer (more
     *        than twice the limit) are rejected with {@code CSV-RECORD-TOO-LONG}
     */
    CommonsCsvRecordReader(Path file, CsvDialect dialect, int maxRecordChars) throws IOException, FormatException {
        this.file = Objects.requireNonNull(file, "file");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        if (maxRecordChars < 1) {
            throw new IllegalArgumentException("maxRecordChars must be positive");
        }
        this.maxRecordChars = maxRecordChars;
        InputStream in = Files.newInputStream(file);
        try {
            this.source = new StrictDecodingReader(in, dialect.charset(), 2L * maxRecordChars + READ_AHEAD_SLACK);
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
            this.counted = new LineCounting(source);
            this.parser = CSVParser.builder().setReader(counted).setFormat(parserFormat(dialect)).get();
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

    /** The header's column names in file order; unmodifiable. */
    public List<String> header() {
        return header;
    }

    /** The dialect this reader decodes with. */
    public CsvDialect dialect() {
        return dialect;
    }

    /**
     * Next record's values (same length as the header), or null at the end. Unquoted and quoted empty fields
     * both come back as {@code ""}. The returned array belongs to the caller.
     *
     * @throws FormatException {@code CSV-RAGGED-ROW}, {@code CSV-BROKEN-QUOTE}, {@code CSV-ENCODING} or
     *         {@code CSV-RECORD-TOO-LONG}; after one, every further call throws the same exception
     */
    public String[] next() throws IOException, FormatException {
        if (failure != null) {
            throw failure;
        }
        if (heldBlankLines > 0) {
            heldBlankLines--;
            return deliver(new String[] {""}, heldBlankFirstLine++);
        }
        if (heldRecord != null) {
            String[] values = heldRecord;
            heldRecord = null;
            return deliver(values, heldRecordLine);
        }
        if (finished) {
            return null;
        }
        while (true) {
            long startLine = parsedLines + 1;
            CSVRecord record = parseNext(startLine);
            if (record == null) {
                // Blank lines still held back here are the file's trailing blank lines: not records.
                finished = true;
                heldBlankLines = 0;
                return null;
            }
            String[] values = record.values();
            if (isBlankLine(values)) {
                if (columns > 1) {
                    continue;
                }
                if (heldBlankLines == 0) {
                    heldBlankFirstLine = startLine;
                }
                heldBlankLines++;
                continue;
            }
            if (values.length != columns) {
                throw fail(new FormatException("CSV-RAGGED-ROW", "line " + startLine,
                        "row has " + values.length + " field" + (values.length == 1 ? "" : "s") + ", header has "
                                + columns + "; every row needs one field per column"));
            }
            emptyForNull(values);
            if (heldBlankLines > 0) {
                heldRecord = values;
                heldRecordLine = startLine;
                heldBlankLines--;
                return deliver(new String[] {""}, heldBlankFirstLine++);
            }
            return deliver(values, startLine);
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

    private String[] deliver(String[] values, long line) {
        lineNumber = line;
        recordNumber++;
        return values;
    }

    private List<String> readHeader() throws IOException, FormatException {
        for (int k = 0; k < dialect.preamble(); k++) {
            if (parseNext(1) == null) {
                throw fail(new FormatException("CSV-NO-HEADER", "",
                        "the file ends in the report's title lines, before its header")); // decision 0173
            }
        }
        CSVRecord record = parseNext(1);
        if (record == null) {
            throw fail(new FormatException("CSV-NO-HEADER", "",
                    "the file has no header line (it is empty or holds only a byte order mark)"));
        }
        String[] names = record.values();
        if (isBlankLine(names)) {
            throw fail(new FormatException("CSV-NO-HEADER", "line 1",
                    "line 1 is blank; the first line must be the header with the column names"));
        }
        emptyForNull(names);
        lineNumber = 1;
        return List.of(names);
    }

    /**
     * The next raw record from Commons CSV, or null at the end; maps its failures to typed errors.
     *
     * @param startLine where the record being parsed starts, for error locations
     */
    private CSVRecord parseNext(long startLine) throws IOException, FormatException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException e) {
            throw translate(e.getCause(), startLine);
        }
        parsedLines = parser.getCurrentLineNumber();
        source.recordStarted(record.getCharacterPosition());
        return record;
    }

    private IOException translate(IOException cause, long startLine) throws FormatException {
        if (cause instanceof DecodingFailure decoding) {
            long line = counted.lineEnds + 1;
            throw fail(new FormatException("CSV-ENCODING", "line " + line,
                    "bytes at offset " + decoding.byteOffset() + " (line " + line + ") are not valid "
                            + dialect.charset().name() + "; the file mixes encodings or was detected wrongly from"
                            + " its first 64 KiB. Convert it to one encoding (e.g. UTF-8) and run again", decoding));
        }
        if (cause instanceof RecordTooLong) {
            throw fail(new FormatException("CSV-RECORD-TOO-LONG", "line " + startLine,
                    "the record starting at line " + startLine + " is longer than " + maxRecordChars
                            + " characters; most likely a quote (" + dialect.quote() + ") is opened and never"
                            + " closed", cause));
        }
        if (cause instanceof CSVException) {
            throw fail(new FormatException("CSV-BROKEN-QUOTE", "line " + startLine,
                    "quoting is broken in the record starting at line " + startLine
                            + " (parsing stopped at line " + Math.max(startLine, parser.getCurrentLineNumber())
                            + "): a quoted field is not closed before the end of the file, or text follows its"
                            + " closing quote. Double every quote (" + dialect.quote() + ") inside a quoted field",
                    cause));
        }
        return cause;
    }

    private FormatException fail(FormatException e) {
        failure = e;
        return e;
    }

    /** A physically empty line: Commons CSV (in strict quote mode) gives null only for unquoted empty fields. */
    private static boolean isBlankLine(String[] values) {
        return values.length == 1 && values[0] == null;
    }

    private static void emptyForNull(String[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                values[i] = "";
            }
        }
    }

    /**
     * Commons CSV settings for the dialect. {@link QuoteMode#ALL_NON_NULL} makes unquoted empty fields come back
     * as null, which is how blank lines are told apart from a quoted empty value; empty lines are kept so that
     * single-column files keep their empty values.
     */
    static CSVFormat parserFormat(CsvDialect dialect) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(dialect.delimiter())
                .setQuote(dialect.quote())
                .setRecordSeparator(dialect.recordSeparator())
                .setEscape((Character) null)
                .setCommentMarker((Character) null)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .setTrailingDelimiter(false)
                .setTrailingData(false)
                .setLenientEof(false)
                .setNullString(null)
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .setSkipHeaderRecord(false)
                .get();
    }

    /**
     * Counts CR, LF and CRLF (as one) in the characters that pass, carrying a CR across reads: the way the decoder
     * counted lines for its failures until {@link StrictDecodingReader#lineAt} replaced it, kept here as the
     * reference the differential test holds that to.
     */
    private static final class LineCounting extends java.io.FilterReader {
        long lineEnds;
        private boolean lastWasCr;

        LineCounting(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            int n = super.read(cbuf, off, len);
            for (int i = off; i < off + n; i++) {
                char c = cbuf[i];
                if (c == '\n') {
                    if (!lastWasCr) {
                        lineEnds++;
                    }
                    lastWasCr = false;
                } else if (c == '\r') {
                    lineEnds++;
                    lastWasCr = true;
                } else {
                    lastWasCr = false;
                }
            }
            return n;
        }
    }
}
