package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Dialect and encoding detection. */
class CsvSnifferTest {

    @TempDir
    Path dir;

    static Stream<Arguments> fixtures() {
        Charset cp1252 = Charset.forName("windows-1252");
        Charset utf8 = StandardCharsets.UTF_8;
        return Stream.of(
                arguments("comma-crlf.csv", new CsvDialect(',', '"', "\r\n", utf8, false, true)),
                arguments("semicolon-lf-bom.csv", new CsvDialect(';', '"', "\n", utf8, true, true)),
                arguments("tab-lf-no-final-newline.tsv", new CsvDialect('\t', '"', "\n", utf8, false, false)),
                arguments("pipe-crlf.csv", new CsvDialect('|', '"', "\r\n", utf8, false, true)),
                arguments("cp1252-semicolon-crlf.csv", new CsvDialect(';', '"', "\r\n", cp1252, false, true)),
                arguments("latin1-comma-lf.csv",
                        new CsvDialect(',', '"', "\n", StandardCharsets.ISO_8859_1, false, true)),
                arguments("quoted-fields-crlf.csv", new CsvDialect(',', '"', "\r\n", utf8, false, true)),
                arguments("single-column-lf.csv", new CsvDialect(',', '"', "\n", utf8, false, true)),
                arguments("single-quote-semicolon-lf.csv", new CsvDialect(';', '\'', "\n", utf8, false, true)),
                arguments("header-only-no-newline.csv", new CsvDialect(';', '"', "\r\n", utf8, false, false)),
                arguments("cr-only.csv", new CsvDialect(',', '"', "\r", utf8, false, true)));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void sniffsTheDialectOfEachFixture(String fixture, CsvDialect expected) throws Exception {
        assertEquals(expected, CsvSniffer.sniff(Fixtures.path(fixture)));
    }

    @Test
    void utf16LittleEndianWithByteOrderMarkIsSniffedWithItsLayout() throws Exception {
        assertEquals(new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_16LE, true, true),
                CsvSniffer.sniff(Fixtures.path("utf16le-bom.csv")));
    }

    @Test
    void utf16BigEndianWithByteOrderMarkIsSniffedWithItsLayout() throws Exception {
        Path file = write("\ufeffa;b\n1;2".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(new CsvDialect(';', '"', "\n", StandardCharsets.UTF_16BE, true, false), CsvSniffer.sniff(file));
    }

    @Test
    void utf32ByteOrderMarkIsUnsupported() throws Exception {
        Path file = write(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0});
        assertEquals("CSV-UNSUPPORTED-ENCODING",
                assertThrows(FormatException.class, () -> CsvSniffer.sniff(file)).code());
    }

    @Test
    void nulBytesWithoutByteOrderMarkAreUnsupported() throws Exception {
        Path file = write("a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("CSV-UNSUPPORTED-ENCODING",
                assertThrows(FormatException.class, () -> CsvSniffer.sniff(file)).code());
    }

    @Test
    void emptyFileHasNoHeader() {
        FormatException e = assertThrows(FormatException.class,
                () -> CsvSniffer.sniff(Fixtures.path("error-empty.csv")));
        assertEquals("CSV-NO-HEADER", e.code());
    }

    @Test
    void fileWithOnlyAByteOrderMarkHasNoHeader() throws Exception {
        Path file = write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        assertEquals("CSV-NO-HEADER", assertThrows(FormatException.class, () -> CsvSniffer.sniff(file)).code());
    }

    @Test
    void multiByteCharacterCutAtTheSampleBoundaryStillMeansUtf8() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("id,name\n".getBytes(StandardCharsets.US_ASCII));
        byte[] row = "1,abc\n".getBytes(StandardCharsets.US_ASCII);
        while (bytes.size() + row.length < CsvSniffer.SAMPLE_SIZE - 4) {
            bytes.writeBytes(row);
        }
        // Pad so that the 3-byte euro sign starts one byte before the sample's end.
        bytes.writeBytes("2,".getBytes(StandardCharsets.US_ASCII));
        while (bytes.size() < CsvSniffer.SAMPLE_SIZE - 1) {
            bytes.write('x');
        }
        bytes.writeBytes("\u20ac\n3,def\n".getBytes(StandardCharsets.UTF_8));
        Path file = write(bytes.toByteArray());
        assertEquals(StandardCharsets.UTF_8, CsvSniffer.sniff(file).charset());
    }

    @Test
    void bytes0x80To0x9FMeanWindows1252() throws Exception {
        Path file = write(new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0x80, '\n'});
        assertEquals(Charset.forName("windows-1252"), CsvSniffer.sniff(file).charset());
    }

    /** A Polish export saved by Excel or an Oracle client on a Polish Windows: Windows-1250 (decision 0119 addendum). */
    @Test
    void polishLettersMeanWindows1250() throws Exception {
        Path file = write("NAZWISKO;IMIĘ;MIASTO\nWójcik-Łaszewska;Michał;Łódź\nŻurawski;Bożena;Kraków\n"
                .getBytes(Charset.forName("windows-1250")));
        assertEquals(Charset.forName("windows-1250"), CsvSniffer.sniff(file).charset());
    }

    /**
     * A Polish export from a Unix system: ISO-8859-2, where {@code ą} is 0xB1 and {@code ś} 0xB6 (±, ¶ in Windows-1250)
     * decide it (decision 0124).
     */
    @Test
    void polishLettersOfIso88592MeanIso88592() throws Exception {
        Path file = write("NAZWISKO;IMIĘ;MIASTO\nWąsowicz-Łaszewska;Michał;Kraśnik\nŻurawski;Bożena;Częstochowa\n"
                .getBytes(Charset.forName("ISO-8859-2")));
        assertEquals(Charset.forName("ISO-8859-2"), CsvSniffer.sniff(file).charset());
    }

    /** Where only the letters both encodings share occur (ł, Ł, ż, Ż), the bytes decide nothing: Windows-1250 stays. */
    @Test
    void lettersBothEncodingsShareStayWindows1250() throws Exception {
        Path file = write("NAZWISKO;IMIĘ\nŻurawski;Michał\nŁukaszewicz;Bożena\n".getBytes(Charset.forName("ISO-8859-2")));
        assertEquals(Charset.forName("windows-1250"), CsvSniffer.sniff(file).charset());
    }

    /** Latin-1 text with ± after digits and ¡ before words is no ISO-8859-2. */
    @Test
    void westernSymbolsAreNoIso88592() throws Exception {
        Path file = write("nota;valor\n¡Atención! ¡Urgente!;5±2 ¶3\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(StandardCharsets.ISO_8859_1, CsvSniffer.sniff(file).charset());
    }

    /** French and German exports keep Windows-1252, with their ligatures, units, ordinals and Spanish questions. */
    @Test
    void westernTextWithSymbolsStaysWindows1252() throws Exception {
        Path file = write("nom;note\nLefèvre;œdème des membres, cœur 10³/µl, mm³ ; Dª Peña ¿dolor? 1ª dosis, £12\n"
                .getBytes(Charset.forName("windows-1252")));
        assertEquals(Charset.forName("windows-1252"), CsvSniffer.sniff(file).charset());
    }

    @Test
    void highBytesWithout0x80To0x9FMeanIsoLatin1() throws Exception {
        Path file = write(new byte[] {'a', ',', 'b', '\n', '1', ',', (byte) 0xE9, '\n'});
        assertEquals(StandardCharsets.ISO_8859_1, CsvSniffer.sniff(file).charset());
    }

    @Test
    void byteUndefinedInWindows1252FallsBackToLosslessIsoLatin1() throws Exception {
        Path file = write(new byte[] {'a', ',', 'b', '\n', (byte) 0x80, ',', (byte) 0x81, '\n'});
        assertEquals(StandardCharsets.ISO_8859_1, CsvSniffer.sniff(file).charset());
    }

    @Test
    void decimalCommasDoNotHideTheSemicolonDelimiter() throws Exception {
        Path file = write("id;amount;unit\n1;2,5;kg\n2;3;kg\n3;10,75;g\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(';', CsvSniffer.sniff(file).delimiter());
    }

    @Test
    void commasInsideQuotesDoNotCountAsDelimiters() throws Exception {
        Path file = write("a;b\n\"x,y,z\";1\n\"p,q\";2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(';', CsvSniffer.sniff(file).delimiter());
    }

    @Test
    void singleColumnWithUnquotedCommasGetsADelimiterThatSplitsNothing() throws Exception {
        Path file = write("address\n1 Fake Street, Springfield\n2 Test Road, Shelbyville\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(';', CsvSniffer.sniff(file).delimiter());
    }

    @Test
    void apostrophesInValuesDoNotMakeTheSingleQuoteTheQuote() throws Exception {
        Path file = write("id,name\n1,O'Brien\n2,'t Hooft\n3,'Quoted'\n".getBytes(StandardCharsets.UTF_8));
        assertEquals('"', CsvSniffer.sniff(file).quote());
    }

    @Test
    void lastRecordCutByTheSampleDoesNotSpoilTheFieldCount() throws Exception {
        StringBuilder text = new StringBuilder("a|b|c\n");
        while (text.length() < CsvSniffer.SAMPLE_SIZE + 100) {
            text.append("1|2|3\n");
        }
        Path file = write(text.toString().getBytes(StandardCharsets.US_ASCII));
        assertEquals('|', CsvSniffer.sniff(file).delimiter());
    }

    @Test
    void finalSeparatorIsSeenInAFileLongerThanTheSample() throws Exception {
        StringBuilder text = new StringBuilder("a,b\r\n");
        while (text.length() < CsvSniffer.SAMPLE_SIZE + 100) {
            text.append("1,2\r\n");
        }
        text.append("9,9");
        Path file = write(text.toString().getBytes(StandardCharsets.US_ASCII));
        assertFalse(CsvSniffer.sniff(file).endsWithRecordSeparator());
    }

    private Path write(byte[] bytes) throws Exception {
        Path file = Files.createTempFile(dir, "sniff", ".csv");
        Files.write(file, bytes);
        return file;
    }
}
