package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0173: reports saved as CSV with their title lines above the table and a total under it. The session-start
 * build took the first title line for the header: the table became one column of free text, and every name the
 * scrubber did not know ({@code ABERNATHY-VOSS, PERPETUA}) was written out as it was; the record numbers became
 * {@code [NUMBER]} and every date {@code [DATE]}, so nothing joined and no interval was left.
 */
class ReportTitleLinesTest {

    private static final List<String> PLANTED = List.of("QUENNEVILLE", "ROSALIND", "ABERNATHY", "PERPETUA", "MBEKI",
            "THADDEUS", "KITTREDGE", "ANSELM", "OYELARAN", "HARGREAVE", "00482913", "00482977", "00483105",
            "04/17/1951", "07/23/1966", "03/10/2023");

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @TempDir
    Path dir;

    private Path export() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        // a report writer's census: title lines of one field, blank lines, a total
        Files.writeString(in.resolve("census.csv"), "\"Patient Census Report\"\r\n"
                + "\"Run by: HARGREAVE, MARTHA on 03/12/2023 08:15\"\r\n"
                + "Facility: Mercy Hospital 4 North\r\n"
                + "\r\n"
                + "MRN,Patient Name,DOB,Admit Date,Unit,Attending,Diagnosis\r\n"
                + "00482913,\"QUENNEVILLE, ROSALIND T\",04/17/1951,03/10/2023,4N,\"KITTREDGE, ANSELM MD\",I50.9\r\n"
                + "00482977,\"ABERNATHY-VOSS, PERPETUA\",11/02/1948,03/11/2023,4N,\"KITTREDGE, ANSELM MD\",J18.9\r\n"
                + "00483105,\"MBEKI-STROUD, THADDEUS\",07/23/1966,03/11/2023,ICU,\"OYELARAN, KEMI MD\",N17.9\r\n"
                + "\r\n"
                + "\"Total patients: 3\"\r\n", StandardCharsets.UTF_8);
        // one patient's results as a spreadsheet saves them: title rows padded to the table's width, the patient named
        Files.writeString(in.resolve("labs.csv"), "Cumulative Lab Report,,,,\r\n"
                + "\"Patient: QUENNEVILLE, ROSALIND T   MRN: 00482913\",,,,\r\n"
                + ",,,,\r\n"
                + "MRN,Collected,Test,Result,Units\r\n"
                + "00482913,03/10/2023,Hemoglobin,10.9,g/dL\r\n"
                + "00482913,03/14/2023,Hemoglobin,11.6,g/dL\r\n"
                + "00482913,03/14/2023,BNP,1480,pg/mL\r\n"
                + ",,,,\r\n"
                + "End of report,,,,\r\n", StandardCharsets.UTF_8);
        return in;
    }

    private static List<CSVRecord> table(Path file, int skip) throws Exception {
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> lines = all.subList(skip, all.size());
        int end = 1;
        while (end < lines.size() && !lines.get(end).isEmpty() && !lines.get(end).startsWith(",,")) {
            end++; // the table ends at the blank line above the report's closing lines
        }
        String text = String.join("\n", lines.subList(0, end));
        return CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(text)).getRecords();
    }

    @Test
    void aReportsTitleLinesAndTotalLeaveItsTableATable() throws Exception {
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(export(), out, key, ProfileLoader.read("csv-template"));
        String census = Files.readString(out.resolve("census.csv"), StandardCharsets.UTF_8);
        String labs = Files.readString(out.resolve("labs.csv"), StandardCharsets.UTF_8);
        assertEquals(List.of(), NoteRuns.left(PLANTED, census, labs), census + labs);
        // the report's own lines stay, without the names in them
        assertTrue(census.startsWith("Patient Census Report\r\n\"Run by: [NAME]"), census);
        assertTrue(census.contains("Facility: Mercy Hospital 4 North\r\n\r\nMRN,DOB,Admit Date,Unit,Diagnosis\r\n"),
                census);
        assertTrue(census.endsWith("ICU,N17.9\r\n\r\nTotal patients: 3\r\n"), census);
        assertTrue(labs.startsWith("Cumulative Lab Report,,,,\r\n"), labs);
        assertTrue(labs.endsWith(",,,,\r\nEnd of report,,,,\r\n"), labs);
        // the table: record numbers pseudonymized alike in both reports, dates shifted per patient, codes kept
        List<CSVRecord> patients = table(out.resolve("census.csv"), 4);
        List<CSVRecord> results = table(out.resolve("labs.csv"), 3);
        assertEquals(3, patients.size());
        assertEquals(3, results.size());
        String mrn = patients.get(0).get("MRN");
        assertTrue(mrn.matches("[0-9A-Z]{12}"), mrn);
        assertEquals(mrn, results.get(0).get("MRN"), "the same patient joins across the two reports");
        assertEquals(List.of("I50.9", "J18.9", "N17.9"), patients.stream().map(r -> r.get("Diagnosis")).toList());
        assertEquals(List.of("10.9", "11.6", "1480"), results.stream().map(r -> r.get("Result")).toList());
        LocalDate admitted = LocalDate.parse(patients.get(0).get("Admit Date"), US);
        LocalDate first = LocalDate.parse(results.get(0).get("Collected"), US);
        LocalDate second = LocalDate.parse(results.get(1).get("Collected"), US);
        assertNotEquals(LocalDate.of(2023, 3, 10), admitted);
        assertEquals(admitted, first, "admission and first draw were the same day, and still are");
        assertEquals(4, ChronoUnit.DAYS.between(first, second), "the interval between the draws is kept");
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
    }

    @Test
    void theVerifierReadsATitleLine() throws Exception {
        // a report written by another tool, its title naming a patient the key file knows
        List<String> hits = NoteRuns.hitsAfterWriting(export(), dir, ProfileLoader.read("csv-template"), "census.csv",
                "\"Census for ABERNATHY-VOSS, PERPETUA\"\r\n\r\n"
                + "MRN,Unit,Diagnosis,Admit Date\r\nX1,4N,J18.9,2023-01-01\r\nX2,4N,I10,2023-01-02\r\n");
        assertTrue(hits.stream().anyMatch(h -> h.startsWith("census.csv line 1 (a title line above the header)")),
                hits.toString());
    }
}
