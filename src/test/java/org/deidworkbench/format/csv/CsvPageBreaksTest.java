package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0174: a report saved as CSV keeps its pages. Between two pages a report writer puts the page's number, the
 * next page's title lines and the header again. Before, a small report of that kind was one column of free text (its
 * names written out as they were), and a long one was refused whole as ragged.
 */
class CsvPageBreaksTest {

    private static final String TITLES = "\"St. Elsewhere Medical Center\"\r\n"
            + "\"Daily Census - 4 NORTH   Printed 04/23/2017 06:45 by jweatherwax\"\r\n";
    private static final String HEADER = "MRN,Patient,DOB,Admit Date,Room,Dx\r\n";

    /** Three pages of a report writer's census, two rows on each but the last: fewer rows than report lines. */
    static final String PAGED = TITLES + "\r\n" + HEADER
            + "00731845,\"FAIRWEATHER-QUILL, OCTAVIA M\",02/19/1951,04/17/2017,412-A,I50.23\r\n"
            + "00731902,\"BLACKTHORNE, EZEKIEL J\",11/30/1938,04/20/2017,414-B,I48.91\r\n"
            + "\r\n\"Page 1 of 3\"\r\n\r\n" + TITLES + "\r\n" + HEADER
            + "00732016,\"NAKASHIMA-ORTIZ, BEATRIX\",06/06/1958,04/21/2017,418-A,I21.4\r\n"
            + "00732111,\"PEMBERTON-ASH, LUCRETIA\",03/03/1945,04/22/2017,420-B,I10\r\n"
            + "\r\n\"Page 2 of 3\"\r\n\r\n" + TITLES + "\r\n" + HEADER
            + "00732150,\"HOLLINGWORTH, CORNELIUS\",07/07/1939,04/22/2017,421-A,E11.9\r\n"
            + "\r\n\"Total patients: 5\"\r\n\"Page 3 of 3\"\r\n";

    @TempDir
    Path dir;

    @Test
    void aSmallPaginatedReportIsATableUnderItsTitleLines() throws Exception {
        Path file = write(PAGED, StandardCharsets.UTF_8);
        assertEquals(new CsvDialect(',', '"', "\r\n", StandardCharsets.UTF_8, false, true, 3), CsvSniffer.sniff(file));
        Read read = read(file);
        assertEquals(List.of("00731845", "00731902", "00732016", "00732111", "00732150"), read.firsts);
        assertEquals(List.of("", "Page 1 of 3", "", TITLES.lines().findFirst().orElseThrow().replace("\"", ""),
                "Daily Census - 4 NORTH   Printed 04/23/2017 06:45 by jweatherwax", "", "<header>"),
                read.interludes.get(2), "the lines between pages 1 and 2, blank lines included, before row 3");
        assertEquals(List.of(), read.interludes.get(1));
        assertEquals(7, read.interludes.get(4).size());
        assertEquals(List.of("", "Total patients: 5", "Page 3 of 3"), read.trailer);
        assertEquals(List.of(5L, 6L, 14L, 15L, 23L), read.lines, "each row keeps its line number");
    }

    @Test
    void everyWayOfReadingSeesTheSameRowsAndPageBreaks() throws Exception {
        Path file = write(PAGED, StandardCharsets.UTF_8);
        CsvDialect dialect = CsvSniffer.sniff(file);
        // a pass that asks only for the third column reads the page lines whole all the same
        boolean[] wanted = {false, false, true, false, false, false};
        List<String> births = new ArrayList<>();
        List<Integer> breaks = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            String[] values = new String[6];
            while (reader.next(values, wanted)) {
                births.add(values[2]);
                breaks.add(reader.interlude().size());
                if (!reader.interlude().isEmpty()) {
                    assertEquals("Page " + (breaks.size() / 2) + " of 3", reader.interlude().get(1).fields().get(0));
                }
            }
        }
        assertEquals(List.of("02/19/1951", "11/30/1938", "06/06/1958", "03/03/1945", "07/07/1939"), births);
        assertEquals(List.of(0, 0, 7, 0, 7), breaks);
        // the leak verifier's reader, values as characters
        List<String> firsts = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, dialect)) {
            CsvRecordReader.Chars row = new CsvRecordReader.Chars(6);
            while (reader.next(row)) {
                firsts.add(new String(row.chars(), row.start(1), row.length(1)));
                assertEquals(firsts.size() == 3 || firsts.size() == 5 ? 7 : 0, reader.interlude().size());
            }
        }
        assertEquals(List.of("FAIRWEATHER-QUILL, OCTAVIA M", "BLACKTHORNE, EZEKIEL J", "NAKASHIMA-ORTIZ, BEATRIX",
                "PEMBERTON-ASH, LUCRETIA", "HOLLINGWORTH, CORNELIUS"), firsts);
    }

    @Test
    void theHeaderAgainAloneIsAPageBreakAsAreTwoExportsPutTogether() throws Exception {
        Path file = write("id,code,value\n1,A1,3.5\n2,B2,4.0\nid,code,value\n3,C3,5.5\n", StandardCharsets.UTF_8);
        Read read = read(file);
        assertEquals(List.of("1", "2", "3"), read.firsts);
        assertEquals(List.of("<header>"), read.interludes.get(2));
    }

    @Test
    void aSpreadsheetsPaddedPageLinesAndAGermanPageNumber() throws Exception {
        Charset cp1252 = Charset.forName("windows-1252");
        StringBuilder text = new StringBuilder("Stationsliste Kardiologie 3B;;;;\r\nFallnummer;Name;Geburtsdatum;Aufnahme;ICD\r\n");
        for (int page = 1; page <= 2; page++) {
            for (int i = 0; i < 3; i++) {
                text.append("20170047").append(page).append(i).append(";Kühnapfel;03.04.1944;18.04.2017;I50.14\r\n");
            }
            text.append(";;;;\r\nSeite ").append(page).append(" von 2;;;;\r\n");
            if (page == 1) {
                text.append("Stationsliste Kardiologie 3B;;;;\r\n");
            }
        }
        Path file = write(text.toString(), cp1252);
        CsvDialect dialect = CsvSniffer.sniff(file);
        assertEquals(';', dialect.delimiter());
        assertEquals(1, dialect.preamble());
        Read read = read(file);
        assertEquals(6, read.firsts.size());
        assertEquals(List.of("", "Seite 1 von 2", "Stationsliste Kardiologie 3B"), read.interludes.get(3),
                "a page break needs no header again when it has a page number");
        assertEquals(List.of("", "Seite 2 von 2"), read.trailer);
    }

    @Test
    void linesBetweenRowsWithoutAPageNumberOrTheHeaderAreStillRaggedOrRows() throws Exception {
        // a group's title or a subtotal between rows: no page break, so refused as before
        Path grouped = write("MRN,Test,Value,Unit\n1,Hb,13.2,g/dL\nWard: 3A\n2,Na,140,mmol/L\n", StandardCharsets.UTF_8);
        FormatException e = assertThrows(FormatException.class, () -> read(grouped));
        assertEquals("CSV-RAGGED-ROW", e.code());
        assertEquals("line 3", e.location());
        // a sparse row and an empty row of the table are rows
        Path sparse = write("Name,Phone,Email,Note\n\"Smith, Jo\",,,\n,,,\n\"Doe, Al\",555,,x\n", StandardCharsets.UTF_8);
        Read read = read(sparse);
        assertEquals(List.of("Smith, Jo", "", "Doe, Al"), read.firsts);
        assertTrue(read.interludes.stream().allMatch(List::isEmpty));
        // a page number in a row's cell with other values is the row's value
        Path cell = write("ref,source,pages,year\n1,Page 3 of 9,12,2001\n2,x,3,2002\n", StandardCharsets.UTF_8);
        assertEquals(List.of("1", "2"), read(cell).firsts);
    }

    @Test
    void aBrokenQuoteAfterLinesHeldBackIsReportedAfterThem() throws Exception {
        // the empty row is held back (it may start a page break) when the quote breaks
        Path file = write("a,b,c,d\n1,2,3,4\n,,,\n9,\"x,11,12\n", StandardCharsets.UTF_8);
        List<String> firsts = new ArrayList<>();
        FormatException e;
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            e = assertThrows(FormatException.class, () -> {
                for (String[] row = reader.next(); row != null; row = reader.next()) {
                    firsts.add(row[0]);
                }
            });
        }
        assertEquals("CSV-BROKEN-QUOTE", e.code());
        assertEquals(List.of("1", ""), firsts, "the rows before the broken one are delivered first");
    }

    @Test
    void manyBlankLinesAfterAPageNumberAreNoRows() throws Exception {
        // a report writer's last page padded with blank lines to the page's length, and a page break padded the same
        String blanks = "\r\n".repeat(300);
        Path file = write("a,b,c,d\r\n1,2,3,4\r\n\"Page 1 of 2\"" + blanks + "a,b,c,d\r\n5,6,7,8\r\n\"Page 2 of 2\""
                + blanks, StandardCharsets.UTF_8);
        Read read = read(file);
        assertEquals(List.of("1", "5"), read.firsts);
        assertEquals("Page 1 of 2", read.interludes.get(1).get(0));
        assertEquals("<header>", read.interludes.get(1).get(read.interludes.get(1).size() - 1));
        assertEquals(List.of("Page 2 of 2"), read.trailer);
    }

    @Test
    void pageMarksAreRecognisedInTheirUsualForms() {
        for (String mark : List.of("Page 1 of 3", "PAGE 2", "Page: 4", "Seite 1 von 3", "Seite 2/5", "Página 2 de 4",
                "- 3 -", "Pg. 7", "Printed 04/23/2017 06:45   Page 1 of 3", "*** Page 2 ***")) {
            assertTrue(PageMarks.in(mark), mark);
        }
        for (String text : List.of("Pages", "Page", "Total patients: 3", "Homepage 1 of 3", "3 - 4", "Stage 2 of 3",
                "page 12345678")) {
            assertFalse(PageMarks.in(text), text);
        }
    }

    /** What a reader gives: each row's first value and line, the lines before it (the header again as a mark). */
    private record Read(List<String> firsts, List<Long> lines, List<List<String>> interludes, List<String> trailer) {
    }

    private static Read read(Path file) throws Exception {
        List<String> firsts = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<List<String>> interludes = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(file, CsvSniffer.sniff(file))) {
            for (String[] row = reader.next(); row != null; row = reader.next()) {
                firsts.add(row[0]);
                lines.add(reader.lineNumber());
                interludes.add(texts(reader, reader.interlude()));
            }
            return new Read(firsts, lines, interludes, texts(reader, reader.trailer()));
        }
    }

    private static List<String> texts(CsvRecordReader reader, List<CsvRecordReader.Line> lines) {
        return lines.stream().map(l -> reader.isHeader(l) ? "<header>"
                : String.join("|", l.fields().stream().filter(v -> !v.isEmpty()).toList())).toList();
    }

    private Path write(String text, Charset charset) throws Exception {
        Path file = Files.createTempFile(dir, "paged", ".csv");
        Files.writeString(file, text, charset);
        return file;
    }
}
