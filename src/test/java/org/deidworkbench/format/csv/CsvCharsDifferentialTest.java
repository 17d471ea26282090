package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.RecordingVisitor;
import org.deidworkbench.format.ValueReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0089: {@link CsvRecordReader#next(CsvRecordReader.Chars)} reads the same values, line and record numbers and
 * errors as {@link CsvRecordReader#next(String[], boolean[])}, and {@link CsvValueReader} hands the verifier the same
 * values, locations and records as when it visited a {@code String} per cell. Random files with quotes, doubled quotes,
 * line breaks in quoted values, blank lines (one column and several), multi-byte characters, a byte order mark, long
 * values, and now and then a ragged row, a broken quote or an invalid byte.
 */
class CsvCharsDifferentialTest {

    @TempDir
    Path dir;

    private static final String[] PIECES = {"a", "Q56TP2TE", "Müller", "1970-05-03", "x,y", "say \"hi\"", "line\nbreak",
        "r\r\nn", "", " ", "東京", "😀", "12345", "@", ";", "\t", "é", "Ω"};

    private static String value(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(10) == 0 ? 200 + r.nextInt(2000) : r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return b.toString();
    }

    private static String quoted(String v, char delimiter) {
        if (v.isEmpty() || v.indexOf('"') < 0 && v.indexOf(delimiter) < 0 && v.indexOf('\n') < 0
                && v.indexOf('\r') < 0 && v.charAt(0) != ' ') {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static byte[] file(Random r, char delimiter, Charset charset) {
        int columns = 1 + r.nextInt(r.nextBoolean() ? 1 : 6);
        StringBuilder b = new StringBuilder();
        if (r.nextInt(8) == 0 && charset == StandardCharsets.UTF_8) {
            b.append('\uFEFF');
        }
        int rows = r.nextInt(40);
        for (int row = 0; row <= rows; row++) {
            if (row > 0 && r.nextInt(7) == 0) {
                b.append(r.nextBoolean() ? "\n" : "\r\n"); // a blank line
            }
            int fields = columns;
            if (row > 0 && r.nextInt(60) == 0) {
                fields = columns + (r.nextBoolean() ? 1 : -1); // a ragged row
            }
            for (int c = 0; c < fields; c++) {
                if (c > 0) {
                    b.append(delimiter);
                }
                String v = row == 0 ? "col" + c : value(r);
                b.append(r.nextInt(80) == 0 ? "\"" + v : quoted(v, delimiter)); // now and then a broken quote
            }
            if (row < rows || r.nextBoolean()) {
                b.append(r.nextBoolean() ? "\n" : "\r\n");
            }
        }
        if (r.nextInt(4) == 0) {
            b.append("\n\n"); // trailing blank lines
        }
        byte[] bytes = b.toString().getBytes(charset);
        if (r.nextInt(50) == 0 && bytes.length > 10) {
            bytes[bytes.length / 2] = (byte) 0xFF; // invalid in UTF-8
        }
        return bytes;
    }

    private record Read(List<String> values, List<Long> numbers, String error) {
    }

    private static Read readStrings(Path file, CsvDialect dialect) throws IOException {
        List<String> values = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            values.addAll(reader.header());
            String[] row = new String[reader.header().size()];
            while (reader.next(row, null)) {
                numbers.add(reader.recordNumber());
                numbers.add(reader.lineNumber());
                values.addAll(List.of(row));
            }
        } catch (FormatException e) {
            return new Read(values, numbers, e.code() + " " + e.location() + " " + e.getMessage());
        }
        return new Read(values, numbers, null);
    }

    private static Read readChars(Path file, CsvDialect dialect) throws IOException {
        List<String> values = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            values.addAll(reader.header());
            CsvRecordReader.Chars row = new CsvRecordReader.Chars(reader.header().size());
            while (reader.next(row)) {
                numbers.add(reader.recordNumber());
                numbers.add(reader.lineNumber());
                for (int c = 0; c < reader.header().size(); c++) {
                    values.add(new String(row.chars(), row.start(c), row.length(c)));
                }
            }
        } catch (FormatException e) {
            return new Read(values, numbers, e.code() + " " + e.location() + " " + e.getMessage());
        }
        return new Read(values, numbers, null);
    }

    /** The verifier's CSV reading before decision 0089: a {@code String} per cell. */
    private static void visitStrings(Path file, ValueReader.Visitor visitor) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            List<String> header = reader.header();
            for (int c = 0; c < header.size(); c++) {
                int column = c;
                visitor.value(header.get(c), () -> "header, column " + (column + 1));
            }
            visitor.endRecord();
            String[] row = new String[header.size()];
            while (reader.next(row, null)) {
                long number = reader.recordNumber();
                for (int c = 0; c < row.length; c++) {
                    String name = header.get(c);
                    visitor.value(row[c], () -> "record " + number + ", column " + name);
                }
                visitor.endRecord();
            }
        }
    }

    @Test
    void charsReadWhatStringsRead() throws IOException {
        Random r = new Random(89);
        Charset[] charsets = {StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1};
        char[] delimiters = {',', ';', '\t', '|'};
        int errors = 0;
        for (int i = 0; i < 600; i++) {
            Charset charset = charsets[i % 7 == 0 ? 1 : 0];
            char delimiter = delimiters[r.nextInt(delimiters.length)];
            Path file = dir.resolve("f" + i + ".csv");
            Files.write(file, file(r, delimiter, charset));
            CsvDialect dialect = new CsvDialect(delimiter, '"', "\n", charset, false, true);
            Read strings = readStrings(file, dialect);
            Read chars = readChars(file, dialect);
            assertEquals(strings, chars, "file " + i);
            if (strings.error() != null) {
                errors++;
            }
        }
        // the random files include broken ones, and most are readable
        assertEquals(true, errors > 10 && errors < 300, "errors: " + errors);
    }

    @Test
    void verifierSeesWhatItSawAsStrings() throws IOException {
        Random r = new Random(890);
        CsvValueReader reader = new CsvValueReader();
        for (int i = 0; i < 300; i++) {
            Path file = dir.resolve("v" + i + ".csv");
            Files.write(file, file(r, r.nextBoolean() ? ',' : ';', StandardCharsets.UTF_8));
            RecordingVisitor before = new RecordingVisitor();
            String beforeError = null;
            try {
                visitStrings(file, before);
            } catch (FormatException e) {
                beforeError = e.code() + " " + e.location();
            }
            RecordingVisitor now = new RecordingVisitor();
            CharsOnly chars = new CharsOnly(now);
            String nowError = null;
            try {
                reader.read(file, chars, () -> false);
            } catch (FormatException e) {
                nowError = e.code() + " " + e.location();
            }
            assertEquals(beforeError, nowError, "file " + i);
            assertEquals(before.seen, now.seen, "file " + i);
            assertEquals(before.records, now.records, "file " + i);
            assertEquals(0, chars.strings - headerSize(file, beforeError), "file " + i + ": cells as strings");
        }
    }

    private static int headerSize(Path file, String error) throws IOException {
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            return reader.header().size();
        } catch (FormatException e) {
            return 0;
        }
    }

    /** Passes everything on, counting the values handed over as strings (only header names may be). */
    private static final class CharsOnly implements ValueReader.Visitor {
        private final RecordingVisitor to;
        int strings;

        CharsOnly(RecordingVisitor to) {
            this.to = to;
        }

        @Override
        public void value(CharSequence value, Supplier<String> where) {
            strings++;
            to.value(value, where);
        }

        @Override
        public void value(char[] chars, int offset, int length, Supplier<String> where) {
            to.value(new String(chars, offset, length), where);
        }

        @Override
        public void endRecord() {
            to.endRecord();
        }
    }

    @Test
    void aRecordOfTheWrongWidthIsRefused() throws IOException {
        Path file = dir.resolve("w.csv");
        Files.writeString(file, "a,b\n1,2\n");
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvDialect.RFC4180_UTF8)) {
            assertThrows(IllegalArgumentException.class, () -> reader.next(new CsvRecordReader.Chars(3)));
        } catch (FormatException e) {
            throw new AssertionError(e);
        }
    }
}
