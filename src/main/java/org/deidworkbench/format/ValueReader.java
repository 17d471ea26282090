package org.deidworkbench.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads every value of a file in its format — CSV cells (and header names), DICOM element values
 * (inside sequences, inflated), FHIR strings (decoded base64 text attachments too) — with where each
 * one is, for the leak verifier ({@code deid verify}). Streams: memory stays bounded by one record or
 * element, never the file. Implementations are thread-safe; a format offers one through
 * {@link FormatHandler#valueReader()}. A format without one is reported by the verifier as not
 * scanned value by value (it is then only scanned as raw text), never skipped silently.
 */
public interface ValueReader {

    /**
     * A value's location ({@link Visitor#value}'s {@code where}) that also tells the value's field: what the values of one
     * CSV column, one FHIR element path or one DICOM tag path of a file share, without the record or the repetition
     * (decision 0090: a one-word known identifier that is a field's whole value in other subjects' records too is a
     * shared value, not a leak).
     */
    interface Location extends Supplier<String> {
        /**
         * The field of the value being visited: equal (and of equal hash) for every value of that field of the file,
         * never holding a value; asked only during the visit.
         */
        Object field();
    }

    /** Receives the values of a file in order. */
    interface Visitor {
        /**
         * One value. {@code where} describes its location (e.g. {@code line 12, column notes}, a tag path)
         * without the value; it is asked only when needed and only during this call.
         */
        void value(CharSequence value, Supplier<String> where);

        /**
         * One value held in {@code chars[offset, offset + length)}: a reader's own buffer, valid only during this call
         * (a visitor must not keep the array), so that a reader need not make a {@code String} per value. The default
         * visits it as a {@code String}.
         */
        default void value(char[] chars, int offset, int length, Supplier<String> where) {
            value(new String(chars, offset, length), where);
        }

        /**
         * One value held as ISO 8859-1 bytes in {@code bytes[offset, offset + length)} — a reader of UTF-8 text hands over a
         * value this way only when it is all ASCII, the same characters in either encoding — in the reader's own buffer,
         * valid only during this call (a visitor must not keep the array), so that a reader need not decode it
         * (decision 0085). The default visits it as a {@code String}.
         */
        default void value(byte[] bytes, int offset, int length, Supplier<String> where) {
            value(new String(bytes, offset, length, StandardCharsets.ISO_8859_1), where);
        }

        /**
         * One value whose text encoding is unknown (a vendor's private binary block, an attachment of no
         * text type), to be read to its end as raw text. The default reads it in 64 KiB pieces, each
         * visited as an ISO 8859-1 {@link #value}; the verifier reads it as it reads a file of unknown
         * format (UTF-8, stray bytes as ISO 8859-1), with memory for one buffer.
         */
        default void bytes(InputStream value, Supplier<String> where) throws IOException {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = value.readNBytes(buffer, 0, buffer.length)) > 0) {
                value(new String(buffer, 0, n, StandardCharsets.ISO_8859_1), where);
            }
        }

        /**
         * The values since the previous call (or the file's start) were one record — a CSV record, a FHIR resource —
         * of one subject: the verifier counts a date or an all-digit original found in it only when the record names
         * the original's own subject (decision 0023). A file's end ends its last record. The default ignores it.
         */
        default void endRecord() {
        }

        /**
         * Part of the file the reader cannot look into (e.g. an embedded PDF document), described without
         * a value; the verifier lists the file as not scanned completely. The default ignores it.
         */
        default void notScanned(String what) {
        }
    }

    /**
     * Calls {@code visitor} for every value of {@code file}.
     *
     * @param cancelled polled regularly; when true the method throws {@link java.util.concurrent.CancellationException}
     * @throws FormatException when the file is not readable in this format (the verifier then scans it as raw text)
     */
    void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException;

    /**
     * A reader of a format whose records are lines read each alone (NDJSON), so that the verifier can read parts of
     * one large file, once it has found it in that format, on several threads (decision 0073). Reading every part in order visits the same values, records
     * and locations as {@link #read} of the whole file.
     */
    interface LineRecords {
        /**
         * The line breaks in bytes {@code [from, to)} of {@code file} as the reader counts lines in its locations: a line
         * feed, or a carriage return not followed by one ({@code from} and {@code to} never split a CR LF). One pass over
         * those bytes.
         */
        long lineBreaks(Path file, long from, long to) throws IOException;

        /**
         * As {@link ValueReader#read}, the values of bytes {@code [from, to)} of {@code file}: {@code from} is the start of
         * a line, {@code to} the start of another or the file's end. Lines are numbered after the
         * {@code linesBefore.getAsLong()} line breaks before {@code from}, asked only when a location is.
         *
         * @throws FormatException when the part is not whole records (then the whole file is to be read with
         *     {@link ValueReader#read}, which tells where it is not readable)
         */
        void readLines(Path file, long from, long to, LongSupplier linesBefore, Visitor visitor,
                BooleanSupplier cancelled) throws IOException, FormatException;
    }
}
