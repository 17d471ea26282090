package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FieldSummary;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0160: exports whose header repeats a column name were refused whole ({@code CSV-DUPLICATE-HEADER}). REDCap's
 * "CSV (labels)" export repeats "Complete?" once per instrument, a SQL join's {@code SELECT *} repeats {@code id}, a
 * spreadsheet saved as CSV leaves its trailing columns unnamed. Each column is now decided by its position: the output
 * keeps the header as it was, and the report and the explanation name a repeated column with its position. The data
 * are synthetic; failure messages name columns and rows, never values.
 */
class RepeatedColumnNamesTest {

    private static final char[] PASSPHRASE = "repeated-column-names-test".toCharArray();

    @TempDir
    Path dir;

    private static List<CSVRecord> rows(Path file) throws Exception {
        try (CSVParser p = CSVParser.parse(Files.readString(file, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            return p.getRecords();
        }
    }

    private static List<String> cells(CSVRecord r) {
        return r.toList();
    }

    private static FileReport report(RunResult result, String output) {
        return result.report().fileResults().stream().filter(r -> r.output().endsWith(output)).findFirst().orElseThrow();
    }

    @Test
    void aRedcapLabelsExportWithOneCompleteColumnPerInstrumentIsDeidentified() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String header = "Record ID,Event Name,First Name,Last Name,Date of Birth,Visit Date,Weight (kg),"
                + "Primary Diagnosis (ICD-10),Describe the adverse event,Complete?,Complete?";
        Files.writeString(in.resolve("StudyX_DATA_LABELS.csv"), header + "\n" + """
                1001,Baseline (Arm 1: Arm A),Wilhelmina,Okonkwo-Barrett,12/12/1962,01/24/2023,63.0,E11.9,,Complete,Unverified
                1001,Month 3 (Arm 1: Arm A),,,,03/20/2023,61.5,E11.9,Spoke with Wilhelmina's daughter.,Complete,Incomplete
                1002,Baseline (Arm 1: Arm A),Tadeo,Villasenor,04/25/1930,01/12/2023,74.9,J45.909,,Incomplete,Complete
                """);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        Path file = out.resolve("StudyX_DATA_LABELS.csv");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        for (String planted : List.of("Wilhelmina", "Okonkwo-Barrett", "Villasenor", "12/12/1962", "04/25/1930")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        List<CSVRecord> rows = rows(file);
        List<String> outHeader = cells(rows.get(0));
        assertEquals(2, outHeader.stream().filter("Complete?"::equals).count(), "both Complete? columns written");
        int first = outHeader.indexOf("Complete?");
        int second = outHeader.lastIndexOf("Complete?");
        assertEquals(List.of("Complete", "Unverified"), List.of(rows.get(1).get(first), rows.get(1).get(second)),
                "row 1: each instrument's status in its own column");
        assertEquals(List.of("Incomplete", "Complete"), List.of(rows.get(3).get(first), rows.get(3).get(second)),
                "row 3");
        int record = outHeader.indexOf("Record ID");
        assertNotEquals("1001", rows.get(1).get(record));
        assertEquals(rows.get(1).get(record), rows.get(2).get(record), "a record's events still join");
        assertEquals("E11.9", rows.get(1).get(outHeader.indexOf("Primary Diagnosis (ICD-10)")));
        List<String> reported = report(result, "StudyX_DATA_LABELS.csv").fields().stream()
                .map(FieldSummary::name).toList();
        assertTrue(reported.contains("Complete? (column 10)") && reported.contains("Complete? (column 11)"),
                "the report names each repeated column with its position: " + reported);
        assertFalse(reported.contains("Complete?"));
    }

    @Test
    void aSqlJoinsTwoIdColumnsKeepTheirOwnDecisionsAndTheirJoins() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), """
                id,name,birth_date
                6513270e-269e-4d37-b2a7-4de452e6b438,Wilhelmina Okonkwo-Barrett,1962-12-12
                b2f14c94-2e05-419a-8b5c-74273f98e277,Tadeo Villasenor,1930-04-25
                """);
        // SELECT * FROM patients p JOIN encounters e ON e.patient_id = p.id
        Files.writeString(in.resolve("patient_encounters.csv"), """
                id,name,birth_date,id,patient_id,start_date,reason_code,note
                6513270e-269e-4d37-b2a7-4de452e6b438,Wilhelmina Okonkwo-Barrett,1962-12-12,\
                e00902c7-7ebf-4206-8673-47214cdd2055,6513270e-269e-4d37-b2a7-4de452e6b438,2023-04-03,E11.9,\
                "Seen with Wilhelmina's son"
                6513270e-269e-4d37-b2a7-4de452e6b438,Wilhelmina Okonkwo-Barrett,1962-12-12,\
                0a6c1c5e-3f4b-4d51-9f0e-1c2b3a4d5e6f,6513270e-269e-4d37-b2a7-4de452e6b438,2023-06-24,I10,follow-up
                b2f14c94-2e05-419a-8b5c-74273f98e277,Tadeo Villasenor,1930-04-25,\
                7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6,b2f14c94-2e05-419a-8b5c-74273f98e277,2023-02-14,J45.909,
                """);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("patient_encounters.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("6513270e", "b2f14c94", "e00902c7", "Wilhelmina", "Okonkwo", "Villasenor")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        List<CSVRecord> joined = rows(out.resolve("patient_encounters.csv"));
        List<String> header = cells(joined.get(0));
        assertEquals("id", header.get(0));
        int encounterId = header.lastIndexOf("id");
        assertTrue(encounterId > 0, "both id columns written: " + header);
        int patientId = header.indexOf("patient_id");
        List<CSVRecord> patients = rows(out.resolve("patients.csv"));
        for (int r = 1; r < joined.size(); r++) {
            assertEquals(joined.get(r).get(0), joined.get(r).get(patientId), "row " + r + ": p.id = e.patient_id");
            assertNotEquals(joined.get(r).get(0), joined.get(r).get(encounterId), "row " + r + ": e.id is another id");
        }
        assertEquals(patients.get(1).get(0), joined.get(1).get(0), "the join's patient id is the patient table's");
        assertNotEquals(joined.get(1).get(encounterId), joined.get(2).get(encounterId), "each encounter its own id");
        assertEquals("E11.9", joined.get(1).get(header.indexOf("reason_code")));

        Map<Path, List<FieldDecision>> explained = PreviewJob.explainTogether(
                List.of(in.resolve("patients.csv").toAbsolutePath(), in.resolve("patient_encounters.csv").toAbsolutePath()),
                ProfileLoader.read("csv-template"));
        List<FieldDecision> decisions = explained.get(in.resolve("patient_encounters.csv").toAbsolutePath());
        assertEquals("id (column 1)", decisions.get(0).path());
        assertEquals("id (column 4)", decisions.get(3).path());
        assertEquals("id", decisions.get(3).name());
        assertTrue(decisions.get(0).reason().contains("patients.csv"), "the first id references the patient table");
        assertNotEquals(decisions.get(0).reason(), decisions.get(3).reason(), "the second id is decided on its own");

        String draft = ProfileSuggestion.suggest(List.of(in), ProfileLoader.read("csv-template"), "draft", () -> false);
        assertTrue(draft.contains("# patient_encounters.csv : id (column 1) — ")
                && draft.contains("# patient_encounters.csv : id (column 4) — "), "the draft's comments name each id");
        assertFalse(draft.contains("column: \"id\""), "and make no rule for a name decided two ways");
    }

    @Test
    void aSpreadsheetsUnnamedTrailingColumnsAreKept() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("labs.csv"), """
                patient_id,test_code,value,,
                P-100234,2345-7,98,,
                P-100234,718-7,13.1,,
                P-207781,2345-7,112,,
                """);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<CSVRecord> rows = rows(out.resolve("labs.csv"));
        assertTrue(cells(rows.get(0)).subList(0, 3).equals(List.of("patient_id", "test_code", "value")),
                "the named columns: " + cells(rows.get(0)));
        assertFalse(Files.readString(out.resolve("labs.csv")).contains("P-100234"));
        assertEquals("2345-7", rows.get(1).get(1));
        assertEquals("13.1", rows.get(2).get(2));
        List<String> reported = report(result, "labs.csv").fields().stream().map(FieldSummary::name).toList();
        assertEquals(List.of("patient_id", "test_code", "value"), reported.subList(0, 3));
        assertTrue(reported.containsAll(List.of("(column 4)", "(column 5)")), "unnamed columns by position: " + reported);
    }
}
