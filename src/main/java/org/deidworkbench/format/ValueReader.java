package org.deidworkbench.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
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

    /** Receives the values of a file in order. */
    interface Visitor {
        /**
         * One value. {@code where} describes its location (e.g. {@code line 12, column notes}, a tag path)
         * without the value; it is asked only when needed and only during this call.
         */
        void value(CharSequence value, Supplier<String> where);
    }

    /**
     * Calls {@code visitor} for every value of {@code file}.
     *
     * @param cancelled polled regularly; when true the method throws {@link java.util.concurrent.CancellationException}
     * @throws FormatException when the file is not readable in this format (the verifier then scans it as raw text)
     */
    void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException;
}
