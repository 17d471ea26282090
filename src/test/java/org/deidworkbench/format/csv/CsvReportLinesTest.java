package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0173: a report's title lines above the header and its closing lines under the table, as report writers
 * (Epic's Reporting Workbench, Cognos, Crystal, a LIS) and spreadsheets saved as CSV write them. Before, the first title
 * line was the header: the whole table became one column of free text, names and all.
 */
class CsvReportLinesTest {

    /** Title lines of one field, a blank line, the table, a blank line and a total (a report writer's CSV). */
    static final String RAGGED = "\"Patient Census Report\"\r\n"
            + "\"Run by: HARGREAVE, MARTHA on 03/12/2023 08:15\"\r\n"
            + "Facility: Mercy Hospital 4 North\r\n"
            + "\r\n"
            + "MRN,Patient Name,DOB,Admit Date,Unit,Attending,Diagnosis\r\n"
            + "00482913,\"QUENNEVILLE, ROSALIND T\",04/17/1951,03/10/2023,4N,\"KITTREDGE, ANSELM MD\",I50.9\r\n"
            + "00482977,\"ABERNATHY-VOSS, PERPETUA\",11/02/1938,03/11/2023,4N,\"KITTREDGE, ANSELM MD\",J18.9\r\n"
            + "\r\n"
            + "\"Total patients: 2\"\r\n";

    /** The same as a spreadsheet saves it: every row padded with empty fields to the table's width. */
    static final String PADDED = "Patient Census Report,,,,,,\r\n"
            + "\"Run by: HARGREAVE, MARTHA on 03/12/2023 08:15\",,,,,,\r\n"
            + ",,,,,,\r\n"
            + "MRN,Patient Name,DOB,Admit Date,Unit,Attending,Diagnosis\r\n"
            + "00482913,\"QUENNEVILLE, ROSALIND T\",04/17/1951,03/10/2023,4N,\"KITTREDGE, ANSELM MD\",I50.9\r\n"
            + "00482977,\"ABERNATHY-VOSS, PERPETUA\",11/02/1938,03/11/2023,4N,\"KITTREDGE, ANSELM MD\",J18.9\r\n"
            + ",,,,,,\r\n"
            + "Total patients: 2,,,,,,\r\n";

    @TempDir
    Path dir;

    @Test
    void titleLinesAboveTheHeaderAreFoundInEitherLayout() throws Exception {
        assertEquals(new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, true, 4),
                CsvSniffer.sniff(write(RAGGED)));
        assertEquals(new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, true, 3),
                CsvSniffer.sniff(write(PADDED)));
        // unquoted, a title line split at a comma is still one of them; a semicolon export the same
        assertEquals(3, CsvSniffer.sniff(write("Lab results\nRun by: HARGREAVE, MARTHA\n\nMRN,Test,Value,Unit\n"
                + "1,Hb,13.2,g/dL\n2,Na,140,mmol/L\n")).preamble());
        // a title line cut at three of its commas, above a table of six columns
        assertEquals(3, CsvSniffer.sniff(write("Patient Census Report\r\nRun by: HARGREAVE, MARTHA on 03/12/2023, 08:15"
                + "\r\n\r\nMRN,Patient Name,DOB,Admit Date,Unit,Diagnosis\r\n00482913,\"QUENNEVILLE, ROSALIND T\",04/17/1951,"
                + "03/10/2023,4N,I50.9\r\n00482977,\"ABERNATHY-VOSS, PERPETUA\",11/02/1938,03/11/2023,4N,J18.9\r\n"))
                .preamble());
        assertEquals(';', CsvSniffer.sniff(write("Laborwerte;;;\nStand: 12.03.2023;;;\nPID;Test;Wert;Einheit\n"
                + "1;Hb;13,2;g/dL\n2;Na;140;mmol/L\n")).delimiter());
    }

    @Test
    void aFileWhoseFirstLineIsItsHeaderOrItsFirstRowHasNoTitleLines() throws Exception {
        assertEquals(0, CsvSniffer.sniff(write("MRN,Name,DOB\n1,Ann,1950-01-01\n2,Bo,1960-02-02\n")).preamble());
        // no header at all: the first line is a patient's row
        assertEquals(0, CsvSniffer.sniff(write("00482913,QUENNEVILLE,1951-04-17,I50.9\n"
                + "00482977,ABERNATHY,1938-11-02,J18.9\n")).preamble());
        // a one-value first line over rows of numbers and dates: no header under it, so no title either
        assertEquals(0, CsvSniffer.sniff(write("Census\n00482913,1951-04-17,3,I50.9\n00482977,1938-11-02,4,J18.9\n"))
                .preamble());
        // a two-column file: a title line cannot be told from a row
        assertEquals(0, CsvSniffer.sniff(write("Report\nid,note\n1,ok\n2,fine\n")).preamble());
        // a first line with three values is a header, however the rows below look
        assertEquals(0, CsvSniffer.sniff(write("a,b,c\nMRN,Test,Value,Unit\n1,Hb,13.2,g/dL\n")).preamble());
    }

    @Test
    void theReaderKeepsTitleAndClosingLinesApartFromTheTable() throws Exception {
        for (String text : List.of(RAGGED, PADDED)) {
            Path file = write(text);
            try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
                assertEquals(List.of("MRN", "Patient Name", "DOB", "Admit Date", "Unit", "Attending", "Diagnosis"),
                        reader.header());
                assertEquals("Patient Census Report", reader.preamble().get(0).fields().get(0));
                assertEquals("Run by: HARGREAVE, MARTHA on 03/12/2023 08:15", reader.preamble().get(1).fields().get(0));
                assertEquals(text == RAGGED ? 5 : 4, reader.lineNumber(), "the header's line");
                assertEquals("00482913", reader.next()[0]);
                assertEquals(text == RAGGED ? 6 : 5, reader.lineNumber());
                assertEquals("00482977", reader.next()[0]);
                assertNull(reader.next());
                List<CsvRecordReader.Line> trailer = reader.trailer();
                assertEquals("Total patients: 2", trailer.get(trailer.size() - 1).fields().get(0));
                assertEquals(text == RAGGED ? 9 : 8, trailer.get(trailer.size() - 1).line());
            }
        }
    }

    @Test
    void theVerifiersCharactersReadTheClosingLinesToo() throws Exception {
        Path file = write(RAGGED);
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            CsvRecordReader.Chars row = new CsvRecordReader.Chars(7);
            int rows = 0;
            while (reader.next(row)) {
                rows++;
            }
            assertEquals(2, rows);
            assertEquals(List.of(List.of(), List.of("Total patients: 2")),
                    reader.trailer().stream().map(CsvRecordReader.Line::fields).toList(), "the blank line above it too");
        }
    }

    @Test
    void anEmptyRowInsideTheTableIsARowAndTheRowsAfterItFollow() throws Exception {
        Path file = write("MRN,Test,Value,Unit\n1,Hb,13.2,g/dL\n,,,\n2,Na,140,mmol/L\n,,,\n3,K,4.1,mmol/L\n");
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            List<String> firsts = new ArrayList<>();
            String[] row;
            while ((row = reader.next()) != null) {
                firsts.add(row[0] + "@" + reader.lineNumber());
            }
            assertEquals(List.of("1@2", "@3", "2@4", "@5", "3@6"), firsts);
            assertEquals(List.of(), reader.trailer());
        }
        // the same through the verifier's reading, and with only some columns asked for
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            String[] values = new String[4];
            boolean[] wanted = {false, false, true, false};
            List<String> seen = new ArrayList<>();
            while (reader.next(values, wanted)) {
                seen.add(values[2]);
            }
            assertEquals(List.of("13.2", "", "140", "", "4.1"), seen);
        }
    }

    @Test
    void aShortRowWithRowsAfterItIsStillARaggedRow() throws Exception {
        Path file = write("MRN,Test,Value,Unit\n1,Hb,13.2,g/dL\nTotal: 1\n2,Na,140,mmol/L\n");
        FormatException e = assertThrows(FormatException.class, () -> Fixtures.readAll(file, CsvSniffer.sniff(file)));
        assertEquals("CSV-RAGGED-ROW", e.code());
        assertEquals("line 3", e.location());
        // more closing lines than a report writes: a damaged file, not a report
        StringBuilder many = new StringBuilder("MRN,Test,Value,Unit\n");
        for (int i = 0; i < 40; i++) {
            many.append(i).append(",Hb,13.2,g/dL\n");
        }
        for (int i = 0; i < 40; i++) {
            many.append("note ").append(i).append('\n');
        }
        Path damaged = write(many.toString());
        assertEquals("CSV-RAGGED-ROW",
                assertThrows(FormatException.class, () -> Fixtures.readAll(damaged, CsvSniffer.sniff(damaged))).code());
    }

    @Test
    void theWriterPutsLinesOutsideTheTableWithoutCountingThemAsRecords() throws Exception {
        CsvDialect dialect = new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, true, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvRecordWriter writer = new CsvRecordWriter(out, dialect)) {
            writer.writeOutside(List.of("Run by: [NAME], [NAME]"));
            writer.writeOutside(List.of());
            writer.write(new String[] {"a", "b", "c"});
            writer.write(new String[] {"1", "2", "3"});
            writer.writeOutside(List.of("Total: 1"));
        }
        assertEquals("\"Run by: [NAME], [NAME]\"\r\n\r\na,b,c\r\n1,2,3\r\nTotal: 1\r\n",
                out.toString(StandardCharsets.UTF_8));
        Path back = write(out.toString(StandardCharsets.UTF_8));
        try (CsvRecordReader reader = new CsvRecordReader(back, CsvSniffer.sniff(back))) {
            assertEquals(List.of("a", "b", "c"), reader.header());
            assertArrayEquals(new String[] {"1", "2", "3"}, reader.next());
            assertNull(reader.next());
            assertTrue(reader.trailer().get(0).fields().get(0).startsWith("Total"));
        }
    }

    private Path write(String text) throws Exception {
        Path file = Files.createTempFile(dir, "report", ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
