package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0237: a table keyed only by a patient id that {@code csv-template}'s {@code subject-id} rule pseudonymizes in
 * the patient domain, but its subject list does not name (Open Dental's {@code PatNum}, a Canadian abstract's
 * {@code CHART_NO}), belongs to its patients. Before, exported alone, its rows had no subject: every date moved by the
 * run's one offset (one known date gave every patient's), the report counted no subject, and the same patient's dates in
 * a later run keyed by {@code patient_id} moved by another offset. The data are synthetic; messages name files, columns
 * and rows, never values.
 */
class SubjectByRuleTest {

    private static final char[] PASSPHRASE = "subject-by-rule-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aTableKeyedByAPatientIdItsRuleNamesGivesEachPatientTheirOwnOffsetAsInOtherRuns() throws Exception {
        Path dental = Files.createDirectories(dir.resolve("dental"));
        Files.writeString(dental.resolve("procedurelog.csv"), """
                ProcNum,PatNum,ProcDate,ProcFee,ProcCode,Descript
                88011,2041,2023-03-01,60.00,D0120,periodic oral evaluation
                88012,2042,2023-04-04,85.00,D2392,resin-based composite - two surfaces
                88013,2043,2023-05-07,110.00,D2393,resin-based composite - three surfaces
                88014,2041,2023-09-12,135.00,D2740,crown - porcelain/ceramic
                """, StandardCharsets.UTF_8);
        Path key = dir.resolve("k.deidkey");
        Path out1 = dir.resolve("out1");
        RunResult first = SampleData.runCsvTemplate(dental, out1, key, PASSPHRASE);
        assertEquals(3, first.report().subjects(), "one subject per PatNum");

        Path lab = Files.createDirectories(dir.resolve("lab"));
        Files.writeString(lab.resolve("results.csv"), """
                patient_id,collected,test,value
                2043,2023-05-07,HbA1c,6.1
                2041,2023-03-01,HbA1c,7.4
                2042,2023-04-04,HbA1c,5.6
                """, StandardCharsets.UTF_8);
        Path out2 = dir.resolve("out2");
        RunResult second = new RunJob(new RunRequest(List.of(lab), out2, key, false, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        for (FileReport r : second.report().fileResults()) {
            assertEquals(FileReport.Status.WRITTEN, r.status(), r.output() + ": " + r.problems());
        }

        List<CSVRecord> procedures = SampleData.records(out1.resolve("procedurelog.csv"));
        List<CSVRecord> results = SampleData.records(out2.resolve("results.csv"));
        List<String> procDates = List.of("2023-03-01", "2023-04-04", "2023-05-07", "2023-09-12");
        long[] moved = new long[4];
        for (int i = 0; i < 4; i++) {
            moved[i] = SampleData.daysBetween(procDates.get(i), procedures.get(i).get("ProcDate"));
            assertNotEquals(0, moved[i], "procedurelog.csv row " + i + ": ProcDate shifted");
        }
        assertEquals(moved[0], moved[3], "one patient's two visits move together (the interval between them is kept)");
        Set<Long> offsets = Set.of(moved[0], moved[1], moved[2]).stream().collect(Collectors.toSet());
        assertTrue(offsets.size() > 1, "each patient has an offset of their own, not the run's one");
        // the same patient, keyed by patient_id in another run with the same key file: the same pseudonym and offset
        int[] procedureRow = {2, 0, 1};
        for (int r = 0; r < 3; r++) {
            CSVRecord proc = procedures.get(procedureRow[r]);
            assertEquals(proc.get("PatNum"), results.get(r).get("patient_id"), "results.csv row " + r + ": pseudonym");
            assertEquals(moved[procedureRow[r]], SampleData.daysBetween(procDates.get(procedureRow[r]),
                    results.get(r).get("collected")), "results.csv row " + r + ": the patient's offset of the first run");
            assertFalse(proc.get("PatNum").matches("204[123]"), "procedurelog.csv: PatNum pseudonymized");
        }
    }

    @Test
    void aListedColumnOrAREDCapRecordComesBeforeAColumnFoundByItsRule() throws Exception {
        Profile csv = ProfileLoader.read("csv-template").profile();
        assertEquals(1, csv.subjectColumn(List.of("ProcNum", "PatNum", "ProcDate")), "PatNum by the subject-id rule");
        assertEquals(2, csv.subjectColumn(List.of("CHART_NO", "NOTE_DATE", "patient_id")),
                "patient_id is listed: it comes before CHART_NO, found by its rule only");
        assertEquals(-1, csv.subjectColumn(List.of("ProcNum", "ProcDate", "ProcCode")), "no patient id at all");
        assertEquals(-1, csv.subjectColumn(List.of("guarantor_name", "provider_id", "visit_date")),
                "a provider's id is no patient's");
        int[] ranks = csv.subjectColumnRanks(List.of("ProcNum", "PatNum", "ChartNumber"));
        assertEquals(Profile.RANK_SUBJECT_RULE, ranks[1], "the rule's subject column ranks after the listed ones");
        assertEquals(-1, ranks[2], "only the first column the rule finds is the subject");
    }
}
