package org.deidworkbench.format.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything needed to write a CSV exactly like the one read: delimiter, quote character, record
 * separator, encoding, byte order mark and whether the last record ends with a separator.
 *
 * <p>Immutable and thread-safe. ASCII-compatible encodings (UTF-8, Windows-1252, ISO-8859-1,
 * US-ASCII and the like) and UTF-16 (little or big endian, as Excel's "Unicode text" writes it) are
 * accepted; delimiters, quotes and line breaks are ASCII characters.
 *
 * @param delimiter field delimiter, an ASCII character other than CR, LF and the quote
 * @param quote quote character, an ASCII character other than CR and LF
 * @param recordSeparator {@code "\r\n"}, {@code "\n"} or {@code "\r"}
 * @param charset encoding of the file
 * @param byteOrderMark whether the file starts with a byte order mark (UTF-8, UTF-16LE or UTF-16BE)
 * @param endsWithRecordSeparator whether the last record is followed by a record separator
 * @param preamble how many records come before the header: a report's title lines (its name, who ran it, when, for
 *     what) and the blank lines around them, which report writers and spreadsheets put above the table (decision 0173);
 *     blank lines count, as the reader meets them
 */
public record CsvDialect(char delimiter, char quote, String recordSeparator, Charset charset,
        boolean byteOrderMark, boolean endsWithRecordSeparator, int preamble) {

    /** RFC 4180: comma, double quote, CRLF, UTF-8 without byte order mark, final CRLF. */
    public static final CsvDialect RFC4180_UTF8 =
            new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, true);

    /** Characters whose encoding must be the ASCII byte itself for sniffing and writing to work. */
    private static final String ASCII_PROBE = "\t\r\n \"',;|09AZaz";

    /** A dialect whose first record is the header. */
    public CsvDialect(char delimiter, char quote, String recordSeparator, Charset charset, boolean byteOrderMark,
            boolean endsWithRecordSeparator) {
        this(delimiter, quote, recordSeparator, charset, byteOrderMark, endsWithRecordSeparator, 0);
    }

    /** Validates the combination; throws {@link IllegalArgumentException} for one that cannot be read back. */
    public CsvDialect {
        Objects.requireNonNull(recordSeparator, "recordSeparator");
        if (preamble < 0) {
            throw new IllegalArgumentException("preamble must not be negative");
        }
        Objects.requireNonNull(charset, "charset");
        if (!isAllowedChar(delimiter)) {
            throw new IllegalArgumentException("delimiter must be an ASCII character other than CR and LF, was U+"
                    + hex(delimiter));
        }
        if (!isAllowedChar(quote)) {
            throw new IllegalArgumentException("quote must be an ASCII character other than CR and LF, was U+"
                    + hex(quote));
        }
        if (delimiter == quote) {
            throw new IllegalArgumentException("delimiter and quote must differ");
        }
        if (!recordSeparator.equals("\r\n") && !recordSeparator.equals("\n") && !recordSeparator.equals("\r")) {
            throw new IllegalArgumentException("record separator must be CRLF, LF or CR");
        }
        if (!isAsciiCompatible(charset) && !isUtf16(charset)) {
            throw new IllegalArgumentException("charset " + charset.name() + " is neither ASCII-compatible nor UTF-16");
        }
        if (byteOrderMark && !StandardCharsets.UTF_8.equals(charset) && !isUtf16(charset)) {
            throw new IllegalArgumentException("a byte order mark is only supported with UTF-8 and UTF-16, not "
                    + charset.name());
        }
    }

    /** A copy with another encoding and byte order mark, e.g. to write a Windows-1252 input as UTF-8. */
    public CsvDialect withCharset(Charset newCharset, boolean newByteOrderMark) {
        return new CsvDialect(delimiter, quote, recordSeparator, newCharset, newByteOrderMark, endsWithRecordSeparator,
                preamble);
    }

    /** UTF-16 with a known byte order (the byte order mark, if any, is written separately). */
    static boolean isUtf16(Charset charset) {
        return StandardCharsets.UTF_16LE.equals(charset) || StandardCharsets.UTF_16BE.equals(charset);
    }

    private static boolean isAllowedChar(char c) {
        return c < 0x80 && c != '\r' && c != '\n';
    }

    private static boolean isAsciiCompatible(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        byte[] encoded = ASCII_PROBE.getBytes(charset);
        return Arrays.equals(encoded, ASCII_PROBE.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
