package org.deidworkbench.format.csv;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A lean field splitter for the identifier scan: it reads a CSV file that {@link CsvRecordReader}
 * has already accepted the header of, and hands out only the columns asked for, splitting fields in
 * a character buffer instead of through Commons CSV's per-character reader. It understands the
 * ordinary cases only — fields quoted from their first character, doubled quotes, CR, LF or CRLF
 * line ends, blank lines in multi-column files — and for anything else (a ragged row, text after a
 * closing quote, a decoding error, a single-column file) it throws {@link Fallback}, and the caller
 * reads the file again with {@link CsvRecordReader}, which reports problems with their line. So it
 * never decides alone what a file means: where it answers, it answers exactly as the reader would
 * (a differential test and a fuzz test hold it to that). Not thread-safe.
 */
final class CsvFieldScanner implements Closeable {

    /** The file needs the full reader; nothing the scanner produced so far is wrong, only incomplete. */
    static final class Fallback extends Exception {
        private static final long serialVersionUID = 1L;

        Fallback() {
            super(null, null, false, false);
        }
    }

    private static final int BUFFER = 1 << 16;

    private final StrictDecodingReader in;
    private final char delimiter;
    private final char quote;
    private final int columns;
    private final char[] buf = new char[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumed;
    private final StringBuilder quoted = new StringBuilder();

    /**
     * Opens the file and skips its header, which must have {@code columns} fields.
     *
     * @throws Fallback for single-column files (their blank lines are records) and odd headers
     */
    CsvFieldScanner(Path file, CsvDialect dialect, int columns) throws IOException, Fallback {
        if (columns < 2) {
            throw new Fallback();
        }
        this.in = new StrictDecodingReader(Files.newInputStream(file), dialect.charset(), Long.MAX_VALUE / 4);
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
        this.columns = columns;
        boolean ok = false;
        try {
            if (!next(new String[columns], new boolean[columns])) {
                throw new Fallback();
            }
            ok = true;
        } finally {
            if (!ok) {
                in.close();
            }
        }
    }

    /**
     * Reads the next record, putting the values of the {@code wanted} columns into {@code values}.
     *
     * @return false at the end of the file
     */
    boolean next(String[] values, boolean[] wanted) throws IOException, Fallback {
        while (true) {
            in.recordStarted(consumed + pos);
            if (!ensure()) {
                return false;
            }
            char first = buf[pos];
            if (first == '\n' || first == '\r') {
                // A blank line in a multi-column file is not a record (CsvRecordReader skips it too).
                skipLineEnd();
                continue;
            }
            int field = 0;
            while (true) {
                if (field >= columns) {
                    throw new Fallback();
                }
                String value = readField(wanted[field]);
                if (wanted[field]) {
                    values[field] = value;
                }
                field++;
                if (!ensure()) {
                    break;
                }
                char c = buf[pos];
                if (c == delimiter) {
                    pos++;
                    if (!ensure()) {
                        // A trailing delimiter at the very end: one more empty field.
                        if (field >= columns) {
                            throw new Fallback();
                        }
                        if (wanted[field]) {
                            values[field] = "";
                        }
                        field++;
                        break;
                    }
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    skipLineEnd();
                    break;
                }
                throw new Fallback();
            }
            if (field != columns) {
                throw new Fallback();
            }
            return true;
        }
    }

    /** One field, starting at {@code pos}; returns its value when {@code keep}, else null. */
    private String readField(boolean keep) throws IOException, Fallback {
        if (!ensure()) {
            return "";
        }
        if (buf[pos] == quote) {
            pos++;
            quoted.setLength(0);
            while (true) {
                if (!ensure()) {
                    throw new Fallback(); // end of file inside quotes: the reader reports CSV-BROKEN-QUOTE
                }
                int start = pos;
                while (pos < limit && buf[pos] != quote) {
                    pos++;
                }
                if (keep) {
                    quoted.append(buf, start, pos - start);
                }
                if (pos == limit) {
                    continue;
                }
                pos++; // the quote
                if (!ensure()) {
                    return keep ? quoted.toString() : null;
                }
                if (buf[pos] == quote) {
                    if (keep) {
                        quoted.append(quote);
                    }
                    pos++;
                    continue;
                }
                return keep ? quoted.toString() : null;
            }
        }
        StringBuilder spill = null;
        while (true) {
            int start = pos;
            while (pos < limit) {
                char c = buf[pos];
                if (c == delimiter || c == '\n' || c == '\r') {
                    break;
                }
                pos++;
            }
            if (pos < limit || eof) {
                if (!keep) {
                    return null;
                }
                if (spill == null) {
                    return new String(buf, start, pos - start);
                }
                return spill.append(buf, start, pos - start).toString();
            }
            if (keep) {
                if (spill == null) {
                    spill = new StringBuilder();
                }
                spill.append(buf, start, pos - start);
            }
            if (!ensure()) {
                return keep ? spill.toString() : null;
            }
        }
    }

    private void skipLineEnd() throws IOException, Fallback {
        if (buf[pos] == '\r') {
            pos++;
            if (ensure() && buf[pos] == '\n') {
                pos++;
            }
        } else {
            pos++;
        }
    }

    /** Makes at least one character available; false at the end of the file. */
    private boolean ensure() throws IOException, Fallback {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        consumed += limit;
        pos = 0;
        limit = 0;
        int n;
        try {
            n = in.read(buf, 0, buf.length);
        } catch (IOException e) {
            // Decoding problems are reported, with their line, by the full reader.
            throw new Fallback();
        }
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
