package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing: minimal quoting, dialect reproduction and typed errors. */
class CsvRecordWriterTest {

    private static final CsvDialect LF_UTF8 = new CsvDialect(',', '"', "\n", StandardCharsets.UTF_8, false, true);

    @TempDir
    Path dir;

    @Test
    void quotesOnlyFieldsThatNeedIt() throws Exception {
        String written = write(LF_UTF8, new String[] {"a", "b", "c", "d", "e"},
                new String[] {"plain", "with,comma", "with \"quote\"", "two\nlines", " spaced "});
        assertEquals("a,b,c,d,e\nplain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\", spaced \n", written);
    }

    @Test
    void emptyFieldsStayUnquotedEvenFirstInTheRecord() throws Exception {
        assertEquals("a,b\n,\n,x\n", write(LF_UTF8, new String[] {"a", "b"}, new String[] {"", ""},
                new String[] {"", "x"}));
    }

    @Test
    void otherDelimiterIsQuotedAndCommaIsNot() throws Exception {
        CsvDialect semicolon = new CsvDialect(';', '"', "\n", StandardCharsets.UTF_8, false, true);
        assertEquals("a;b\n1,5;\"x;y\"\n", write(semicolon, new String[] {"a", "b"}, new String[] {"1,5", "x;y"}));
    }

    @Test
    void lastRecordEndsWithASeparatorOnlyIfTheInputDid() throws Exception {
        CsvDialect noFinal = new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, false);
        assertEquals("a\r\n1", write(noFinal, new String[] {"a"}, new String[] {"1"}));
        assertEquals("a\n1\n", write(LF_UTF8, new String[] {"a"}, new String[] {"1"}));
    }

    @Test
    void byteOrderMarkIsWrittenWhenTheDialectHasOne() throws Exception {
        CsvDialect bom = new CsvDialect(',', '"', "\n", StandardCharsets.UTF_8, true, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRecordWriter writer = new CsvRecordWriter(out, bom)) {
            writer.write(new String[] {"a"});
        }
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\n'}, out.toByteArray());
    }

    @Test
    void valueThatTheCharsetCannotEncodeIsReportedByColumnNotByValue() throws Exception {
        CsvDialect latin1 = new CsvDialect(',', '"', "\n", StandardCharsets.ISO_8859_1, false, true);
        FormatException e = assertThrows(FormatException.class, () -> write(latin1,
                new String[] {"id", "name"}, new String[] {"1", "Zo\u00eb \u0141ukasz"}));
        assertEquals("CSV-UNMAPPABLE", e.code());
        assertEquals("record 1, column 2", e.location());
        assertFalse(e.getMessage().contains("ukasz"), e.getMessage());
    }

    @Test
    void windows1252CannotEncodeCyrillic() {
        CsvDialect cp1252 = new CsvDialect(';', '"', "\r\n", Charset.forName("windows-1252"), false, true);
        FormatException e = assertThrows(FormatException.class, () -> write(cp1252,
                new String[] {"a", "b", "c"}, new String[] {"\u20ac", "ok", "\u0416"}));
        assertEquals("CSV-UNMAPPABLE", e.code());
        assertEquals("record 1, column 3", e.location());
    }

    @Test
    void unpairedSurrogateIsUnmappableInUtf8() {
        FormatException e = assertThrows(FormatException.class, () -> write(LF_UTF8,
                new String[] {"a"}, new String[] {"x\ud800y"}));
        assertEquals("CSV-UNMAPPABLE", e.code());
    }

    @Test
    void surrogatePairIsWrittenAsOneUtf8Character() throws Exception {
        assertEquals("a\n\ud83d\ude42\n", write(LF_UTF8, new String[] {"a"}, new String[] {"\ud83d\ude42"}));
    }

    @Test
    void recordWithAnotherLengthThanTheHeaderIsRejected() {
        FormatException e = assertThrows(FormatException.class, () -> write(LF_UTF8,
                new String[] {"a", "b"}, new String[] {"1"}));
        assertEquals("CSV-RAGGED-ROW", e.code());
        assertEquals("record 1", e.location());
    }

    @Test
    void leadingByteOrderMarkCharacterInTheFirstValueIsQuotedSoItIsNotSkippedOnReading() throws Exception {
        assertEquals("\"\ufeffa\",b\n1,2\n", write(LF_UTF8, new String[] {"\ufeffa", "b"}, new String[] {"1", "2"}));
    }

    @Test
    void nullValueIsWrittenAsAnEmptyField() throws Exception {
        assertEquals("a,b\n,x\n", write(LF_UTF8, new String[] {"a", "b"}, new String[] {null, "x"}));
    }

    @Test
    void emptyLastValueOfASingleColumnFileIsQuotedSoItIsReadBack() throws Exception {
        assertEquals("a\n1\n\n\"\"\n", write(LF_UTF8, new String[] {"a"}, new String[] {"1"},
                new String[] {""}, new String[] {""}));
    }

    @Test
    void emptyHeaderOfASingleColumnFileIsQuotedSoItIsNotABlankFirstLine() throws Exception {
        assertEquals("\"\"\n\n:\n", write(LF_UTF8, new String[] {""}, new String[] {""}, new String[] {":"}));
    }

    @Test
    void writtenEmptyValuesOfASingleColumnFileReadBackTheSame() throws Exception {
        List<String[]> rows = List.of(new String[] {"a"}, new String[] {""}, new String[] {"x"},
                new String[] {""}, new String[] {""});
        Path file = dir.resolve("single.csv");
        Files.write(file, Fixtures.writeAll(rows, LF_UTF8));
        List<String[]> back = Fixtures.readAll(file, LF_UTF8);
        assertEquals(rows.size(), back.size());
        for (int i = 0; i < rows.size(); i++) {
            assertArrayEquals(rows.get(i), back.get(i));
        }
    }

    @Test
    void largeOutputCrossingTheBufferIsComplete() throws Exception {
        StringBuilder expected = new StringBuilder("v\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRecordWriter writer = new CsvRecordWriter(out, LF_UTF8)) {
            writer.write(new String[] {"v"});
            for (int i = 0; i < 50_000; i++) {
                String value = "\u00e9t\u00e9-" + i;
                writer.write(new String[] {value});
                expected.append(value).append('\n');
            }
        }
        assertEquals(expected.toString(), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void closeFlushesButLeavesTheStreamOpen() throws Exception {
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FilterOutputStream out = new FilterOutputStream(bytes) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        try (CsvRecordWriter writer = new CsvRecordWriter(out, LF_UTF8)) {
            writer.write(new String[] {"a"});
        }
        assertEquals("a\n", bytes.toString(StandardCharsets.UTF_8));
        assertFalse(closed[0]);
    }

    private static String write(CsvDialect dialect, String[]... rows) throws Exception {
        return new String(Fixtures.writeAll(List.of(rows), dialect), dialect.charset());
    }

    @Test
    void utf16FileWithByteOrderMarkIsWrittenBackByteForByte() throws Exception {
        java.nio.file.Path in = Fixtures.path("utf16le-bom.csv");
        CsvDialect dialect = CsvSniffer.sniff(in);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (CsvRecordReader reader = new CsvRecordReader(in, dialect)) {
            CsvRecordWriter writer = new CsvRecordWriter(out, dialect);
            writer.write(reader.header().toArray(new String[0]));
            String[] row;
            while ((row = reader.next()) != null) {
                writer.write(row);
            }
            writer.close();
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(in), out.toByteArray());
    }
}
