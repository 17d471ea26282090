package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0174: reports saved as CSV with their pages, a report writer's page number, title lines and header between
 * every two pages. The session-start build read a small one as one column of free text: every patient's name was
 * written out as it was (the scrubber had no cue), MRNs became {@code [NUMBER]}, dates {@code [DATE]}, and its verifier
 * called the output clean. A longer one it refused whole.
 */
class PagedReportTest {

    private static final List<String> PLANTED = List.of("FAIRWEATHER", "OCTAVIA", "BLACKTHORNE", "EZEKIEL",
            "NAKASHIMA", "BEATRIX", "PEMBERTON", "LUCRETIA", "HOLLINGWORTH", "CORNELIUS", "jweatherwax", "00731845",
            "00732150", "02/19/1951", "07/07/1939", "Quirrenbach", "Ottilie", "2017004711", "03.04.1944");

    @TempDir
    Path dir;

    private Path export() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String titles = "\"St. Elsewhere Medical Center\"\r\n"
                + "\"Daily Census - 4 NORTH   Printed 04/23/2017 06:45 by jweatherwax\"\r\n\r\n"
                + "MRN,Patient,DOB,Admit Date,Room,Dx\r\n";
        // a report writer's census of three pages, two rows on the first two, a readmission on the third
        Files.writeString(in.resolve("census.csv"), titles
                + "00731845,\"FAIRWEATHER-QUILL, OCTAVIA M\",02/19/1951,04/17/2017,412-A,I50.23\r\n"
                + "00731902,\"BLACKTHORNE, EZEKIEL J\",11/30/1938,04/20/2017,414-B,I48.91\r\n"
                + "\r\n\"Page 1 of 3\"\r\n\r\n" + titles
                + "00732016,\"NAKASHIMA-ORTIZ, BEATRIX\",06/06/1958,04/21/2017,418-A,I21.4\r\n"
                + "00732111,\"PEMBERTON-ASH, LUCRETIA\",03/03/1945,04/22/2017,420-B,I10\r\n"
                + "\r\n\"Page 2 of 3\"\r\n\r\n" + titles
                + "00732150,\"HOLLINGWORTH, CORNELIUS\",07/07/1939,04/22/2017,421-A,E11.9\r\n"
                + "00731845,\"FAIRWEATHER-QUILL, OCTAVIA M\",02/19/1951,04/23/2017,412-B,I50.23\r\n"
                + "\r\n\"Total patients: 6\"\r\n\"Page 3 of 3\"\r\n", StandardCharsets.UTF_8);
        // a ward list from Excel: padded rows, ';', Windows-1252, a page number and the title between the pages
        Files.writeString(in.resolve("stationsliste.csv"), "Stationsliste Kardiologie 3B;;;;\r\n"
                + "Fallnummer;Name;Vorname;Geburtsdatum;ICD\r\n"
                + "2017004711;Quirrenbach;Ottilie;03.04.1944;I50.14\r\n"
                + "2017004738;Zwirnmann;Hedwig;17.12.1950;I48.1\r\n"
                + ";;;;\r\nSeite 1 von 2;;;;\r\nStationsliste Kardiologie 3B;;;;\r\n"
                + "Fallnummer;Name;Vorname;Geburtsdatum;ICD\r\n"
                + "2017004752;Kühnapfel;Wendelin;21.06.1939;I21.4\r\n"
                + ";;;;\r\nSeite 2 von 2;;;;\r\n", Charset.forName("windows-1252"));
        return in;
    }

    @Test
    void eachPageKeepsItsNumberTitleAndHeaderAndTheRowsAreATable() throws Exception {
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        RunResult result = NoteRuns.run(export(), out, key, ProfileLoader.read("csv-template"));
        assertTrue(result.allWritten(), result.toString());
        String census = Files.readString(out.resolve("census.csv"), StandardCharsets.UTF_8);
        String station = Files.readString(out.resolve("stationsliste.csv"), Charset.forName("windows-1252"));
        assertEquals(List.of(), NoteRuns.left(PLANTED, census, station), census + station);
        List<String> lines = census.lines().toList();
        String header = lines.get(3);
        assertTrue(header.startsWith("MRN,DOB,Admit Date,") && header.endsWith(",Dx"), header);
        int width = header.split(",").length;
        assertEquals(3, lines.stream().filter(header::equals).count(), "the header again on every page: " + census);
        assertEquals(List.of("Page 1 of 3", "Page 2 of 3", "Page 3 of 3"),
                lines.stream().filter(l -> l.startsWith("Page")).toList());
        assertTrue(census.contains("Printed [DATE] 06:45 by [USER]"), census);
        // the rows: MRNs pseudonymized (the same patient on two pages alike), codes kept, dates shifted
        List<String[]> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",");
            if (cells.length == width && !line.equals(header)) {
                rows.add(cells);
            }
        }
        assertEquals(6, rows.size(), census);
        assertEquals(List.of("I50.23", "I48.91", "I21.4", "I10", "E11.9", "I50.23"),
                rows.stream().map(r -> r[width - 1]).toList());
        assertTrue(rows.get(0)[0].matches("[0-9A-Z]{12}"), rows.get(0)[0]);
        assertEquals(rows.get(0)[0], rows.get(5)[0], "a patient readmitted on page 3 is the same pseudonym");
        assertEquals(rows.get(0)[1], rows.get(5)[1], "and the same shifted birth date");
        assertNotEquals(rows.get(0)[0], rows.get(1)[0]);
        assertTrue(station.startsWith("Stationsliste Kardiologie 3B;;\r\nFallnummer;Geburtsdatum;ICD\r\n"), station);
        assertTrue(station.contains(";;\r\nSeite 1 von 2;;\r\nStationsliste Kardiologie 3B;;\r\n"
                + "Fallnummer;Geburtsdatum;ICD\r\n"), station);
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
    }

    @Test
    void theVerifierReadsALineBetweenPages() throws Exception {
        // a report another tool wrote, naming a patient the key file knows at the head of its second page
        List<String> hits = NoteRuns.hitsAfterWriting(export(), dir, ProfileLoader.read("csv-template"), "census.csv",
                "MRN,Unit,Dx,Admit Date\r\nX1,4N,J18.9,2023-01-01\r\n\r\nPage 1 of 2\r\n"
                + "\"Census for FAIRWEATHER-QUILL, OCTAVIA M\"\r\nMRN,Unit,Dx,Admit Date\r\nX2,4N,I10,2023-01-02\r\n");
        assertTrue(hits.stream().anyMatch(h -> h.startsWith("census.csv line 5 (a page break between rows)")),
                hits.toString());
    }

    /**
     * The key file knows {@code BLACKTHORNE, EZEKIEL J} as one value; the run scrubs the surname and the given name
     * alone from text, and so the verifier looks for them alone (decision 0174). Before, a note naming the patient
     * {@code Ezekiel Blackthorne} or {@code Mr Blackthorne} was clean to it.
     */
    @Test
    void theVerifierLooksForASurnameOrAGivenNameAlone() throws Exception {
        List<String> hits = NoteRuns.hitsAfterWriting(export(), dir, ProfileLoader.read("csv-template"), "notes.csv",
                "MRN,Note\r\nX1,Seen Mr Blackthorne on rounds\r\nX2,Ezekiel Blackthorne called\r\n"
                + "X3,Stable overnight\r\n");
        assertTrue(hits.contains("notes.csv record 1, column Note"), hits.toString());
        assertTrue(hits.contains("notes.csv record 2, column Note"), hits.toString());
        assertTrue(hits.stream().noneMatch(h -> h.startsWith("notes.csv record 3")), hits.toString());
        assertTrue(hits.stream().allMatch(h -> h.startsWith("notes.csv")), "the run's own output stays clean: " + hits);
    }
}
