package org.deidworkbench.format.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.deidworkbench.format.FormatException;

/**
 * Writes records in a {@link CsvDialect} so that a file read by {@link CsvRecordReader} and written back
 * unchanged comes out byte for byte the same (for files that quote minimally, as most exporters do).
 *
 * <p>Quoting is minimal: a field is quoted only if it contains the delimiter, the quote or a line break, and
 * quotes inside are doubled. The one exception keeps a single-column file readable: an empty value in the
 * file's last record, or as its header, is written as {@code ""}, because a blank last line is not a record
 * and a blank first line is not a header.
 *
 * <p>Not thread-safe. Output goes through a 64 KiB buffer; ASCII is copied without an encoder. Does not own the
 * stream: {@link #close()} flushes it but leaves it open, so that the caller can fsync and close it.
 * After an exception the output is incomplete and must be discarded.
 */
public final class CsvRecordWriter implements Closeable {

    private static final int BUFFER_SIZE = 1 << 16;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final OutputStream out;
    private final CsvDialect dialect;
    private final char delimiter;
    private final char quote;
    private final String quoteText;
    private final String doubledQuote;
    private final byte[] separator;
    private final CharsetEncoder encoder;
    private final boolean utf8;
    private final boolean latin1;
    /** UTF-16: every ASCII character is two bytes, in this order. */
    private final boolean utf16le;
    private final boolean utf16be;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER_SIZE);
    private final byte[] bytes = buffer.array();
    private int position;

    /** Fields per record, fixed by the first record written (the header); -1 before it. */
    private int columns = -1;
    /** Records handed to {@link #write}, the header included. */
    private long calls;
    /** Records whose bytes have been started in the output. */
    private long recordsStarted;
    /** Empty single-field records not yet written: they are written as blank lines unless they end the file. */
    private long heldEmptyRecords;
    private boolean closed;

    /**
     * Starts the output; writes the UTF-8 byte order mark at once if the dialect has one.
     *
     * @param out where the bytes go; not closed by this writer
     * @param dialect usually the one sniffed from the input
     */
    public CsvRecordWriter(OutputStream out, CsvDialect dialect) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.delimiter = dialect.delimiter();
        this.quote = dialect.quote();
        this.quoteText = String.valueOf(quote);
        this.doubledQuote = quoteText + quote;
        this.separator = dialect.recordSeparator().getBytes(dialect.charset());
        this.encoder = dialect.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.utf8 = StandardCharsets.UTF_8.equals(dialect.charset());
        this.latin1 = StandardCharsets.ISO_8859_1.equals(dialect.charset());
        this.utf16le = StandardCharsets.UTF_16LE.equals(dialect.charset());
        this.utf16be = StandardCharsets.UTF_16BE.equals(dialect.charset());
        if (dialect.byteOrderMark()) {
            putBytes(utf16le ? new byte[] {(byte) 0xFF, (byte) 0xFE} : utf16be ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                    : UTF8_BOM);
        }
    }

    /** The dialect this writer produces. */
    public CsvDialect dialect() {
        return dialect;
    }

    /**
     * Writes one record; the first call writes the header. A null value is written as an empty field.
     *
     * @throws FormatException {@code CSV-RAGGED-ROW} if the record's length differs from the header's;
     *         {@code CSV-UNMAPPABLE} naming the column if a value cannot be encoded in the dialect's charset
     * @throws IllegalArgumentException for a record without fields
     */
    public void write(String[] values) throws IOException, FormatException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        if (values.length == 0) {
            throw new IllegalArgumentException("a record needs at least one field");
        }
        long record = calls;
        if (columns < 0) {
            columns = values.length;
        } else if (values.length != columns) {
            throw new FormatException("CSV-RAGGED-ROW", location(record),
                    "output row has " + values.length + " fields, header has " + columns);
        }
        calls++;
        if (values.length == 1 && isEmpty(values[0]) && record > 0) {
            heldEmptyRecords++;
            return;
        }
        writeHeldEmptyRecords(false);
        startRecord();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                putAscii(delimiter);
            }
            String value = values[i] == null ? "" : values[i];
            // A header of one empty name is quoted: a blank first line is not a header.
            boolean forceQuotes = i == 0 && record == 0
                    && (startsLikeByteOrderMark(value) || values.length == 1 && value.isEmpty());
            writeField(value, i, record, forceQuotes);
        }
    }

    /**
     * Writes a line outside the table: a report's title line above the header or a closing line under the table
     * (decision 0173), with any number of fields (none: a blank line). It is no record of the table: the header's
     * width and the records' numbering are not touched.
     *
     * @throws FormatException {@code CSV-UNMAPPABLE} if a value cannot be encoded in the dialect's charset
     */
    public void writeOutside(List<String> values) throws IOException, FormatException {
        if (closed) {
            throw new IllegalStateException("writer is closed");
        }
        writeHeldEmptyRecords(false);
        startRecord();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                putAscii(delimiter);
            }
            String value = values.get(i) == null ? "" : values.get(i);
            writeField(value, i, calls, values.size() == 1 && value.isEmpty());
        }
    }

    /**
     * A file's first value starting with U+FEFF would be written as the bytes of a UTF-8 byte order mark, which
     * the reader skips; quoting it keeps the character. With a byte order mark already written it is safe.
     */
    private boolean startsLikeByteOrderMark(String value) {
        return utf8 && !dialect.byteOrderMark() && !value.isEmpty() && value.charAt(0) == '\uFEFF';
    }

    /** Flushes; ends the last record with a separator only if the input did. Leaves the stream open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writeHeldEmptyRecords(true);
        if (recordsStarted > 0 && dialect.endsWithRecordSeparator()) {
            putBytes(separator);
        }
        drain();
        out.flush();
    }

    /**
     * Writes held empty single-field records as blank lines. At the end of the file the last one is written as
     * {@code ""} instead, since a blank last line is not a record; the blank lines before it then are.
     */
    private void writeHeldEmptyRecords(boolean endOfFile) throws IOException {
        for (; heldEmptyRecords > 0; heldEmptyRecords--) {
            startRecord();
            if (endOfFile && heldEmptyRecords == 1) {
                putAscii(quote);
                putAscii(quote);
            }
        }
    }

    private void startRecord() throws IOException {
        if (recordsStarted > 0) {
            putBytes(separator);
        }
        recordsStarted++;
    }

    private void writeField(String value, int column, long record, boolean forceQuotes)
            throws IOException, FormatException {
        boolean ascii = true;
        boolean needsQuotes = forceQuotes;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                ascii = false;
            } else if (c == delimiter || c == quote || c == '\r' || c == '\n') {
                needsQuotes = true;
            }
        }
        if (!needsQuotes) {
            putText(value, ascii, column, record);
            return;
        }
        putAscii(quote);
        putText(value.replace(quoteText, doubledQuote), ascii, column, record);
        putAscii(quote);
    }

    private void putText(String text, boolean ascii, int column, long record)
            throws IOException, FormatException {
        if (ascii) {
            putAscii(text);
        } else if (utf8) {
            checkSurrogates(text, column, record);
            putBytes(text.getBytes(StandardCharsets.UTF_8));
        } else if (latin1) {
            for (int i = 0, n = text.length(); i < n; i++) {
                if (text.charAt(i) > 0xFF) {
                    throw unmappable(column, record);
                }
            }
            putBytes(text.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            encode(text, column, record);
        }
    }

    /** Java strings may hold unpaired surrogates, which UTF-8 cannot encode (getBytes would write '?'). */
    private void checkSurrogates(String text, int column, long record) throws FormatException {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw unmappable(column, record);
                }
            } else if (Character.isLowSurrogate(c)) {
                throw unmappable(column, record);
            }
        }
    }

    private void encode(String text, int column, long record) throws IOException, FormatException {
        CharBuffer in = CharBuffer.wrap(text);
        encoder.reset();
        buffer.position(position);
        while (true) {
            CoderResult result = encoder.encode(in, buffer, true);
            if (result.isUnderflow()) {
                result = encoder.flush(buffer);
            }
            if (result.isError()) {
                position = buffer.position();
                throw unmappable(column, record);
            }
            if (result.isOverflow()) {
                position = buffer.position();
                drain();
                buffer.position(position);
                continue;
            }
            break;
        }
        position = buffer.position();
    }

    private FormatException unmappable(int column, long record) {
        return new FormatException("CSV-UNMAPPABLE", location(record) + ", column " + (column + 1),
                "the value in column " + (column + 1) + " (counting from 1) has a character that "
                        + dialect.charset().name() + " cannot encode; write the output as UTF-8 instead");
    }

    /** "header" for the first record written, else "record N" numbered like {@link CsvRecordReader#recordNumber()}. */
    private static String location(long record) {
        return record == 0 ? "header" : "record " + record;
    }

    private void putAscii(char c) throws IOException {
        if (utf16le || utf16be) {
            putWide(c);
            return;
        }
        if (position == bytes.length) {
            drain();
        }
        bytes[position++] = (byte) c;
    }

    private void putWide(char c) throws IOException {
        if (position + 2 > bytes.length) {
            drain();
        }
        bytes[position++] = (byte) (utf16le ? c : c >> 8);
        bytes[position++] = (byte) (utf16le ? c >> 8 : c);
    }

    // String.getBytes(int, int, byte[], int) keeps the low eight bits of each character, as the cast did, and copies
    // a Latin-1 string's bytes in one arraycopy; the text is ASCII here, so nothing is lost.
    @SuppressWarnings("deprecation")
    private void putAscii(String text) throws IOException {
        if (utf16le || utf16be) {
            for (int i = 0; i < text.length(); i++) {
                putWide(text.charAt(i));
            }
            return;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (position == bytes.length) {
                drain();
            }
            int chunk = Math.min(n - i, bytes.length - position);
            text.getBytes(i, i + chunk, bytes, position);
            position += chunk;
            i += chunk;
        }
    }

    private void putBytes(byte[] data) throws IOException {
        int i = 0;
        while (i < data.length) {
            if (position == bytes.length) {
                drain();
            }
            int chunk = Math.min(data.length - i, bytes.length - position);
            System.arraycopy(data, i, bytes, position, chunk);
            position += chunk;
            i += chunk;
        }
    }

    private void drain() throws IOException {
        if (position > 0) {
            out.write(bytes, 0, position);
            position = 0;
        }
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
