package org.deidworkbench.format.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.deidworkbench.deid.JsonText;
import org.deidworkbench.deid.MarkupText;
import org.deidworkbench.format.EmbeddedImages;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.ValueReader;

/**
 * Every cell of a CSV file, header names included, located as {@code record N, column NAME}, read with
 * {@link CsvRecordReader}. Streams one record at a time; a record's cells are handed over as characters in the reader's
 * buffer ({@link ValueReader.Visitor#value(char[], int, int, Supplier)}), not as a {@code String} each. Stateless and
 * thread-safe.
 */
final class CsvValueReader implements ValueReader {

    private static final int CANCEL_CHECK_EVERY = 1024;

    /** The location of the value being visited; one per read, updated in place, described only on demand. */
    private static final class Where implements ValueReader.Location {
        private final List<String> header;
        /** The columns' names as shown (a repeated name with its position), made when a location is described. */
        private List<String> labels;
        private long number;
        private int column;
        /** For a report's title or closing line (decision 0173): where it stands, else null. */
        private String outside;

        Where(List<String> header) {
            this.header = header;
        }

        /** The column, by its place (the header's cells are the record before the first). */
        @Override
        public Object field() {
            return outside != null ? OUTSIDE : column;
        }

        @Override
        public String get() {
            if (outside != null) {
                return outside + ", field " + (column + 1);
            }
            if (number == 0) {
                return "header, column " + (column + 1);
            }
            if (column >= header.size()) {
                return "record " + number + ", column " + (column + 1);
            }
            if (labels == null) {
                labels = CsvRecordReader.labels(header);
            }
            return "record " + number + ", column " + labels.get(column);
        }
    }

    @Override
    public void read(Path file, Visitor visitor, BooleanSupplier cancelled) throws IOException, FormatException {
        CsvDialect dialect = CsvSniffer.sniff(file);
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            List<String> header = reader.header();
            Where where = new Where(header);
            outside(reader.preamble(), "a title line above the header", visitor, where); // decision 0173
            for (int c = 0; c < header.size(); c++) {
                where.column = c;
                visitor.value(header.get(c), where);
            }
            visitor.endRecord();
            // the cells as characters in the reader's record, no String per cell (decision 0089)
            CsvRecordReader.Chars row = new CsvRecordReader.Chars(header.size());
            int columns = header.size();
            while (reader.next(row)) {
                checkCancel(reader.recordNumber(), cancelled);
                if (!reader.interlude().isEmpty()) {
                    outside(reader.interlude(), "a page break between rows", visitor, where); // decision 0174
                }
                where.number = reader.recordNumber();
                char[] chars = row.chars();
                // an HTML or RTF note has an '&', a '\\' or a '<': looked for once in the record, then in its cells;
                // so is a picture's data URI alone in a cell ("data:"), whose camera text is read too (decision 0171)
                boolean escapes = false;
                boolean pictures = false;
                for (int i = 0, end = columns == 0 ? 0 : row.start(columns - 1) + row.length(columns - 1); i < end; i++) {
                    char ch = chars[i];
                    escapes |= ch == '&' || ch == '\\' || ch == '<';
                    pictures |= ch == ':' && i >= 4 && (chars[i - 1] | 0x20) == 'a' && (chars[i - 4] | 0x20) == 'd';
                }
                for (int c = 0; c < columns; c++) {
                    where.column = c;
                    visitCell(chars, row.start(c), row.length(c), escapes, pictures, visitor, where);
                }
                visitor.endRecord();
            }
            outside(reader.trailer(), "a closing line under the table", visitor, where);
        }
    }

    /**
     * One cell: a JSON or XML document member by member, as the run reads it (decision 0172); an HTML or RTF note with
     * its escaped letters read (decision 0167), when its record holds an escape's character; else as it is; and the
     * text of the pictures in it when its record holds a data URI (decision 0171).
     */
    private static void visitCell(char[] chars, int start, int length, boolean escapes, boolean pictures,
            Visitor visitor, Where where) {
        if (mayBeDocument(chars, start, length) && visitDocument(new String(chars, start, length), visitor, where, 0)) {
            return;
        }
        if (escapes && MarkupText.mayHoldEscapes(chars, start, length)) {
            String cell = new String(chars, start, length);
            visitor.value(MarkupText.read(cell), where);
            EmbeddedImages.visitTexts(cell, visitor, where); // its pictures' text (0171)
        } else {
            visitor.value(chars, start, length, where);
            if (pictures) {
                String cell = new String(chars, start, length);
                if (EmbeddedImages.mayHold(cell)) {
                    EmbeddedImages.visitTexts(cell, visitor, where);
                }
            }
        }
    }

    /** The field of a report's title, page-break and closing lines (decisions 0173, 0174). */
    private static final Object OUTSIDE = "report line";

    /** A report's title, page-break or closing lines, each a record of free text (decisions 0173, 0174). */
    private static void outside(List<CsvRecordReader.Line> lines, String kind, Visitor visitor, Where where) {
        for (CsvRecordReader.Line line : lines) {
            if (line.blank()) {
                continue;
            }
            where.outside = "line " + line.line() + " (" + kind + ")";
            for (int c = 0; c < line.fields().size(); c++) {
                where.column = c;
                char[] value = line.fields().get(c).toCharArray();
                visitCell(value, 0, value.length, true, true, visitor, where); // read as a table's cell is
            }
            visitor.endRecord();
        }
        where.outside = null;
    }

    /** Whether a cell starts with '{', '[' or '<' (after white space): it may be a JSON or XML document. */
    private static boolean mayBeDocument(char[] chars, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            char ch = chars[i];
            if (ch != ' ' && ch != '\t' && ch != '\r' && ch != '\n') {
                return ch == '{' || ch == '[' || ch == '<';
            }
        }
        return false;
    }

    /**
     * A cell's JSON or XML document visited member by member, each member's value and name as a value of its own (a
     * member that is a document read as one, four levels deep), as the run cleans it (decision 0172): a number of a
     * document is a field's value, not a word of free text, and a note in a member is free text. False, having
     * visited nothing, when the cell is no document (an HTML note is none: it is read as text with its markup).
     */
    private static boolean visitDocument(String cell, Visitor visitor, Where where, int depth) {
        JsonCells.Document doc = JsonCells.Document.of(cell);
        if (doc == null) {
            return false;
        }
        for (JsonText.Member m : doc.members()) {
            String v = m.value();
            if (m.kind() != JsonText.Kind.NUMBER && depth < 4 && JsonCells.Document.mayBe(v)
                    && visitDocument(v, visitor, where, depth + 1)) {
                continue;
            }
            visitor.value(m.key(), where);
            if (MarkupText.mayHoldEscapes(v.toCharArray(), 0, v.length())) {
                visitor.value(MarkupText.read(v), where);
                EmbeddedImages.visitTexts(v, visitor, where);
            } else {
                visitor.value(v, where);
            }
        }
        return true;
    }

    private static void checkCancel(long n, BooleanSupplier cancelled) {
        if (n % CANCEL_CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
            throw new CancellationException("verification cancelled");
        }
    }
}
