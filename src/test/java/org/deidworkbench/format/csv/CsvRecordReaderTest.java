package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming reading: values, line numbers and typed errors. */
class CsvRecordReaderTest {

    private static final CsvDialect LF_UTF8 = new CsvDialect(',', '"', "\n", StandardCharsets.UTF_8, false, true);

    @TempDir
    Path dir;

    @Test
    void headerIsTheFirstLine() throws Exception {
        try (CsvRecordReader reader = open("comma-crlf.csv")) {
            assertEquals(List.of("patient_id", "name", "birth_date", "city", "note"), reader.header());
        }
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaks() throws Exception {
        try (CsvRecordReader reader = open("quoted-fields-crlf.csv")) {
            assertArrayEquals(new String[] {"1", "Doe, Jane", "12 Fake Street\r\nApt 3", "said \"hello\""},
                    reader.next());
            assertArrayEquals(new String[] {"2", "Smith", "line one\nline two (LF only)", ""}, reader.next());
            assertArrayEquals(new String[] {"", "quote \" in the middle", "", "comma, and \"quote\""},
                    reader.next());
        }
    }

    @Test
    void lineNumberIsWhereTheRecordStartsWhenQuotedFieldsSpanLines() throws Exception {
        List<Long> lines = new ArrayList<>();
        try (CsvRecordReader reader = open("quoted-fields-crlf.csv")) {
            while (reader.next() != null) {
                lines.add(reader.lineNumber());
            }
        }
        assertEquals(List.of(2L, 4L, 6L, 7L), lines);
    }

    @Test
    void recordNumberCountsDataRecordsFromOne() throws Exception {
        try (CsvRecordReader reader = open("comma-crlf.csv")) {
            assertEquals(0, reader.recordNumber());
            reader.next();
            reader.next();
            assertEquals(2, reader.recordNumber());
        }
    }

    @Test
    void nextReturnsNullAtTheEndAndKeepsDoingSo() throws Exception {
        try (CsvRecordReader reader = open("header-only-crlf.csv")) {
            assertNull(reader.next());
            assertNull(reader.next());
        }
    }

    @Test
    void windows1252IsDecodedIncludingTheEuroSign() throws Exception {
        try (CsvRecordReader reader = open("cp1252-semicolon-crlf.csv")) {
            assertArrayEquals(new String[] {"1", "Ren\u00e9 Exemple", "12,50 \u20ac", "\u201egepr\u00fcft\u201c"},
                    reader.next());
        }
    }

    @Test
    void byteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        try (CsvRecordReader reader = open("semicolon-lf-bom.csv")) {
            assertEquals("Patienten-ID", reader.header().get(0));
        }
    }

    @Test
    void byteOrderMarkIsSkippedEvenIfTheDialectDoesNotMentionIt() throws Exception {
        Path file = write("\ufeffid,name\n1,x\n");
        try (CsvRecordReader reader = new CsvRecordReader(file, LF_UTF8)) {
            assertEquals("id", reader.header().get(0));
        }
    }

    @Test
    void utf16FileIsRefusedEvenWithASingleByteDialect() {
        CsvDialect latin1 = new CsvDialect(',', '"', "\r\n", StandardCharsets.ISO_8859_1, false, true);
        FormatException e = assertThrows(FormatException.class,
                () -> new CsvRecordReader(Fixtures.path("utf16le-bom.csv"), latin1));
        assertEquals("CSV-UNSUPPORTED-ENCODING", e.code());
    }

    @Test
    void raggedRowIsReportedWithFieldCountsAndLine() throws Exception {
        FormatException e = readAllExpectingFailure("error-ragged-row.csv");
        assertEquals("CSV-RAGGED-ROW", e.code());
        assertEquals("line 3", e.location());
        assertTrue(e.getMessage().startsWith("row has 5 fields, header has 7"), e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsBrokenQuoting() throws Exception {
        FormatException e = readAllExpectingFailure("error-broken-quote.csv");
        assertEquals("CSV-BROKEN-QUOTE", e.code());
        assertEquals("line 3", e.location());
    }

    @Test
    void whitespaceAfterAClosingQuoteIsBrokenQuoting() throws Exception {
        // Commons CSV dropped it ("x" , read as x), so the file could not be written back as it was.
        Path file = write("a,b\n1,2\n\"x\" ,3\n");
        FormatException e = readAllExpectingFailure(file, LF_UTF8);
        assertEquals("CSV-BROKEN-QUOTE", e.code());
        assertEquals("line 3", e.location());
    }

    @Test
    void endOfFileInsideAQuotedFieldIsBrokenQuotingAtTheRecordsFirstLine() throws Exception {
        FormatException e = readAllExpectingFailure("error-eof-in-quote.csv");
        assertEquals("CSV-BROKEN-QUOTE", e.code());
        assertEquals("line 3", e.location());
    }

    /**
     * Decision 0160: a header may repeat a name (REDCap's labels export repeats "Complete?", a SQL join "id"); the
     * columns are read by position and shown with it.
     */
    @Test
    void repeatedHeaderNamesAreReadByPositionAndLabelledWithIt() throws Exception {
        try (CsvRecordReader reader = open("repeated-header.csv")) {
            assertEquals(List.of("id", "name", "id", "dob", "name"), reader.header());
            assertEquals(List.of("id (column 1)", "name (column 2)", "id (column 3)", "dob", "name (column 5)"),
                    CsvRecordReader.labels(reader.header()));
            assertArrayEquals(new String[] {"1", "a", "2", "b", "c"}, reader.next());
            assertNull(reader.next());
        }
        assertEquals(List.of("a", "(column 2)", "(column 3)"), CsvRecordReader.labels(List.of("a", "", "")),
                "a spreadsheet's unnamed trailing columns");
        assertEquals(List.of("a", ""), CsvRecordReader.labels(List.of("a", "")), "one unnamed column keeps its name");
    }

    /** Decision 0162: a Qualtrics export's question and import-id rows under the header; nothing like them elsewhere. */
    @Test
    void aSurveyExportsLabelRowsAreCountedOnlyWhenTheyAreThere() throws Exception {
        Path qualtrics = write("ResponseId,Q1\nResponse ID,How old are you?\n"
                + "\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1_TEXT\"\"}\"\nR_1,42\n");
        assertEquals(2, labelRows(qualtrics));
        assertEquals(0, labelRows(write("ResponseId,Q1\nR_1,42\nR_2,43\n")),
                "answers right under the header");
        assertEquals(0, labelRows(write("id,Q1\nx,y\n\"{\"\"ImportId\"\":1}\",z\n")),
                "no response id column");
        assertEquals(0, labelRows(write("ResponseId,Q1\nResponse ID,Q\n")), "one row only");
        assertEquals(1, labelRows(write("Respondent ID,Collector ID,Q1,\n,,Response,Other\n1142,4318,Yes,\n")),
                "SurveyMonkey's answer type row");
        assertEquals(0, labelRows(write("Respondent ID,Collector ID,Q1\n1142,4318,Response\n")),
                "a respondent who answered \"Response\"");
        try (CsvRecordReader reader = new CsvRecordReader(qualtrics, LF_UTF8)) {
            assertArrayEquals(new String[] {"Response ID", "How old are you?"}, reader.next(),
                    "the reader itself returns every record");
        }
    }

    @Test
    void emptyFileHasNoHeader() {
        FormatException e = assertThrows(FormatException.class,
                () -> new CsvRecordReader(Fixtures.path("error-empty.csv"), LF_UTF8));
        assertEquals("CSV-NO-HEADER", e.code());
    }

    @Test
    void blankFirstLineIsNoHeader() {
        FormatException e = assertThrows(FormatException.class, () -> open("error-blank-first-line.csv"));
        assertEquals("CSV-NO-HEADER", e.code());
        assertEquals("line 1", e.location());
    }

    @Test
    void invalidUtf8AfterAByteOrderMarkIsAnEncodingErrorWithItsLine() throws Exception {
        FormatException e = readAllExpectingFailure("error-bom-invalid-utf8.csv");
        assertEquals("CSV-ENCODING", e.code());
        assertEquals("line 3", e.location());
    }

    @Test
    void invalidUtf8BeyondTheSniffedSampleIsAnEncodingErrorNotAReplacementCharacter() throws Exception {
        Path file = dir.resolve("late-latin1.csv");
        int rows = 0;
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            out.write("id,name\n".getBytes(StandardCharsets.US_ASCII));
            while (rows * 12 < 2 * CsvSniffer.SAMPLE_SIZE) {
                out.write(String.format("%06d,abcd\n", rows++).getBytes(StandardCharsets.US_ASCII));
            }
            out.write(new byte[] {'x', ',', 'J', (byte) 0xFC, 'r', 'g', '\n'});
        }
        CsvDialect dialect = CsvSniffer.sniff(file);
        assertEquals(StandardCharsets.UTF_8, dialect.charset());
        FormatException e = readAllExpectingFailure(file, dialect);
        assertEquals("CSV-ENCODING", e.code());
        assertEquals("line " + (rows + 2), e.location());
    }

    @Test
    void byteUndefinedInWindows1252IsAnEncodingError() throws Exception {
        Path file = dir.resolve("cp1252.csv");
        Files.write(file, new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0x81, '\n'});
        CsvDialect dialect = new CsvDialect(',', '"', "\n", java.nio.charset.Charset.forName("windows-1252"),
                false, true);
        FormatException e = readAllExpectingFailure(file, dialect);
        assertEquals("CSV-ENCODING", e.code());
        assertEquals("line 2", e.location());
    }

    @Test
    void brokenQuoteMessageNeverContainsCellValues() throws Exception {
        Path file = write("id,name,mrn\n1,Secretname,MRN-4711\n2,\"Otherperson\" Extra,MRN-4712\n");
        FormatException e = readAllExpectingFailure(file, LF_UTF8);
        assertFalse(e.getMessage().contains("Otherperson") || e.getMessage().contains("MRN-47")
                || e.getMessage().contains("Extra"), e.getMessage());
    }

    @Test
    void raggedRowMessageNeverContainsCellValues() throws Exception {
        Path file = write("id,name,mrn\n1,Secretname\n");
        FormatException e = readAllExpectingFailure(file, LF_UTF8);
        assertFalse(e.getMessage().contains("Secretname"), e.getMessage());
    }

    @Test
    void singleQuoteDialectUnquotesValues() throws Exception {
        try (CsvRecordReader reader = open("single-quote-semicolon-lf.csv")) {
            assertArrayEquals(new String[] {"1", "Doe; Jane", "plain"}, reader.next());
            assertArrayEquals(new String[] {"2", "O'Brien", "it's; quoted"}, reader.next());
        }
    }

    @Test
    void blankLastLinesAreNotRecords() throws Exception {
        Path file = write("id,name\n1,a\n\n\n");
        assertEquals(2, Fixtures.readAll(file, LF_UTF8).size());
    }

    @Test
    void blankLastLineOfASingleColumnFileIsNotARecord() throws Exception {
        Path file = write("code\nA\n\n");
        assertEquals(2, Fixtures.readAll(file, LF_UTF8).size());
    }

    @Test
    void blankLineInsideASingleColumnFileIsAnEmptyValue() throws Exception {
        List<String[]> rows = Fixtures.readAll(Fixtures.path("single-column-lf.csv"), LF_UTF8);
        assertArrayEquals(new String[] {""}, rows.get(2));
        assertEquals(5, rows.size());
    }

    @Test
    void lineNumbersOfHeldBackBlankLinesAreTheirOwn() throws Exception {
        Path file = write("code\nA\n\n\nB\n");
        List<Long> lines = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, LF_UTF8)) {
            while (reader.next() != null) {
                lines.add(reader.lineNumber());
            }
        }
        assertEquals(List.of(2L, 3L, 4L, 5L), lines);
    }

    @Test
    void blankLineInsideAMultiColumnFileIsSkipped() throws Exception {
        Path file = write("id,name\n1,a\n\n2,b\n");
        try (CsvRecordReader reader = new CsvRecordReader(file, LF_UTF8)) {
            reader.next();
            assertArrayEquals(new String[] {"2", "b"}, reader.next());
            assertEquals(4, reader.lineNumber());
            assertEquals(2, reader.recordNumber());
        }
    }

    @Test
    void quotedEmptyValueIsAnEmptyString() throws Exception {
        Path file = write("a,b\n\"\",x\n");
        try (CsvRecordReader reader = new CsvRecordReader(file, LF_UTF8)) {
            assertArrayEquals(new String[] {"", "x"}, reader.next());
        }
    }

    @Test
    void unclosedQuoteInALongFileStopsAtTheRecordLengthLimit() throws Exception {
        Path file = dir.resolve("unclosed.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,text\n1,\"opened\n");
            for (int i = 0; i < 20_000; i++) {
                out.write("2,more lines that are swallowed by the open quote\n");
            }
        }
        FormatException e = assertThrows(FormatException.class, () -> {
            try (CsvRecordReader reader = new CsvRecordReader(file, LF_UTF8, 10_000)) {
                while (reader.next() != null) {
                    // read on until the limit trips
                }
            }
        });
        assertEquals("CSV-RECORD-TOO-LONG", e.code());
        assertEquals("line 2", e.location());
    }

    @Test
    void failureIsThrownAgainOnTheNextCall() throws Exception {
        try (CsvRecordReader reader = open("error-ragged-row.csv")) {
            reader.next();
            FormatException first = assertThrows(FormatException.class, reader::next);
            assertSame(first, assertThrows(FormatException.class, reader::next));
        }
    }

    @Test
    void multiMegabyteFileStreamsEveryRecord() throws Exception {
        Path file = dir.resolve("big.csv");
        int records = 100_000;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,family,given,dob,note\r\n");
            for (int i = 0; i < records; i++) {
                out.write(i + ",Family" + i + ",Given,1970-01-01,\"quoted, with comma\"\r\n");
            }
        }
        CsvDialect dialect = CsvSniffer.sniff(file);
        long count = 0;
        String[] last = null;
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            for (String[] values = reader.next(); values != null; values = reader.next()) {
                count++;
                last = values;
            }
            assertEquals(records + 1, reader.lineNumber());
        }
        assertEquals(records, count);
        assertEquals("Family" + (records - 1), last[1]);
    }

    private CsvRecordReader open(String fixture) throws IOException, FormatException {
        Path file = Fixtures.path(fixture);
        return new CsvRecordReader(file, CsvSniffer.sniff(file));
    }

    private FormatException readAllExpectingFailure(String fixture) throws Exception {
        Path file = Fixtures.path(fixture);
        return readAllExpectingFailure(file, CsvSniffer.sniff(file));
    }

    private static FormatException readAllExpectingFailure(Path file, CsvDialect dialect) {
        return assertThrows(FormatException.class, () -> Fixtures.readAll(file, dialect));
    }

    private static int labelRows(Path file) throws Exception {
        try (CsvRecordReader reader = new CsvRecordReader(file, LF_UTF8)) {
            return CsvRecordReader.labelRows(file, LF_UTF8, reader.header());
        }
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "read", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
