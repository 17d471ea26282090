package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0106: a REDCap export (one row per record and event, repeating instruments on rows of their own) with the
 * default profile. The record id (its first column, any name) is every row's subject: pseudonymized alike on every row,
 * so a record's events still join and all its dates move by one offset, while the MRN, filled in on the baseline row
 * only, links to it and gives that offset. Ages under any age header are banded. The data are synthetic (REDCap's
 * column conventions: {@code redcap_event_name}, {@code redcap_repeat_instrument}, checkbox {@code race___1},
 * {@code *_complete}); failure messages name columns and rows, never values.
 */
class RedcapExportTest {

    private static final char[] PASSPHRASE = "redcap-export-test-passphrase".toCharArray();

    private static final String EXPORT = """
            study_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,mrn,first_name,last_name,dob,\
            race___1,race___2,zip_code,phone_number,enrollment_age,consent_date,visit_date,hba1c,icd10_primary,ae_desc,\
            ae_onset,visit_notes,visit_complete
            101,baseline_arm_1,,,00482913,Wilhelmina,Okonkwo-Barrett,1948-07-19,0,1,02180,(781) 555-0143,74,2023-01-09,\
            2023-01-09,7.9,E11.65,,,"Son Desmond drives her; call 781-555-0198 if no-show.",2
            101,month_3_arm_1,,,,,,,,,,,,,2023-04-11,7.4,,,,"Mrs. Okonkwo-Barrett seen, next visit in July.",2
            101,,adverse_events,1,,,,,,,,,,,,,,"Hypoglycemia at home, found by her son Desmond.",2023-05-20,,
            102,baseline_arm_1,,,01937755,Tadeo,Villasenor,1931-02-03,1,0,03755,603-555-0177,92,2023-02-14,2023-02-14,\
            8.4,E11.22,,,"Lives with his wife in Hanover.",2
            102,month_3_arm_1,,,,,,,,,,,,,2023-05-16,8.0,,,,"Mr. Villasenor doing well.",1
            """;

    @TempDir
    Path dir;

    @Test
    void theRecordIdIsEveryRowsSubjectAndAgesAreBanded() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("STUDY_DATA.csv"), EXPORT);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("STUDY_DATA.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("00482913", "01937755", "Wilhelmina", "Okonkwo-Barrett", "Villasenor", "Desmond",
                "555-0143", "555-0198", "1948-07-19", "1931-02-03", "02180")) {
            assertFalse(text.contains(planted), "a planted identifier of category " + (planted.matches("\\d.*")
                    ? "number" : "name") + " is in the output");
        }
        List<CSVRecord> rows = SampleData.records(out.resolve("STUDY_DATA.csv"));
        assertEquals(5, rows.size());
        // the record id: pseudonymized, the same on every row of a record, different between records
        String a = rows.get(0).get("study_id");
        assertNotEquals("101", a);
        assertEquals(a, rows.get(1).get("study_id"), "row 2: the record's follow-up event");
        assertEquals(a, rows.get(2).get("study_id"), "row 3: the record's repeating instrument");
        assertEquals(rows.get(3).get("study_id"), rows.get(4).get("study_id"), "rows 4 and 5");
        assertNotEquals(a, rows.get(3).get("study_id"));
        // one offset per record: baseline, follow-up and adverse event move together
        long shift = SampleData.daysBetween("2023-01-09", rows.get(0).get("visit_date"));
        assertEquals(shift, SampleData.daysBetween("2023-04-11", rows.get(1).get("visit_date")), "row 2 visit_date");
        assertEquals(shift, SampleData.daysBetween("2023-05-20", rows.get(2).get("ae_onset")), "row 3 ae_onset");
        assertEquals(shift, SampleData.daysBetween("2023-01-09", rows.get(0).get("consent_date")), "row 1 consent_date");
        assertEquals(SampleData.daysBetween("2023-02-14", rows.get(3).get("visit_date")), SampleData.daysBetween("2023-05-16", rows.get(4).get("visit_date")),
                "rows 4 and 5 visit_date");
        // ages banded, the birth date of the patient over 89 aggregated (decision 0105)
        assertEquals("70-74", rows.get(0).get("enrollment_age"));
        assertEquals("90+", rows.get(3).get("enrollment_age"));
        assertTrue(rows.get(3).get("dob").startsWith("<="), "row 4 dob: aggregated");
        // research values kept
        assertEquals("E11.65", rows.get(0).get("icd10_primary"));
        assertEquals("8.4", rows.get(3).get("hba1c"));
        assertEquals("baseline_arm_1", rows.get(0).get("redcap_event_name"));
        assertEquals("adverse_events", rows.get(2).get("redcap_repeat_instrument"));
        assertEquals("1", rows.get(3).get("race___1"));
        assertEquals("021", rows.get(0).get("zip_code"));
    }

    /**
     * REDCap's "CSV (labels)" export: field labels for headers ("Record ID", "Event Name", "Repeat Instrument"),
     * choices as their labels, dates as the project shows them. Its record id was taken for a link to a table the run
     * did not have and removed, so a participant's events no longer joined (decision 0159); it is every row's subject
     * as in the raw export. An events table of another system whose second column is no "Event Name" stays as it was.
     */
    @Test
    void aLabelsExportsRecordIdIsEveryRowsSubjectToo() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("STUDY_DATA_LABELS.csv"), """
                Record ID,Event Name,Repeat Instrument,Repeat Instance,First Name,Last Name,Date of Birth,Visit Date,\
                HbA1c (%),Primary Diagnosis (ICD-10),Notes,Complete?
                101,Baseline (Arm 1: Arm A),,,Wilhelmina,Okonkwo-Barrett,07/19/1948,01/09/2023,7.9,E11.65,\
                "Son Desmond drives her.",Complete
                101,Month 3 (Arm 1: Arm A),,,,,,04/11/2023,7.4,,"Mrs. Okonkwo-Barrett seen.",Complete
                102,Baseline (Arm 1: Arm A),,,Tadeo,Villasenor,02/03/1931,02/14/2023,8.4,E11.22,,Unverified
                102,Month 3 (Arm 1: Arm A),,,,,,05/16/2023,8.0,,"Mr. Villasenor doing well.",Incomplete
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("STUDY_DATA_LABELS.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("Wilhelmina", "Okonkwo-Barrett", "Villasenor", "Desmond", "07/19/1948", "02/03/1931")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        List<CSVRecord> rows = SampleData.records(out.resolve("STUDY_DATA_LABELS.csv"));
        String a = rows.get(0).get("Record ID");
        assertNotEquals("101", a);
        assertEquals(a, rows.get(1).get("Record ID"), "row 2: the record's follow-up event");
        assertEquals(rows.get(2).get("Record ID"), rows.get(3).get("Record ID"), "rows 3 and 4");
        assertNotEquals(a, rows.get(2).get("Record ID"));
        java.time.format.DateTimeFormatter us = java.time.format.DateTimeFormatter.ofPattern("MM/dd/uuuu");
        long shift = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse("01/09/2023", us),
                java.time.LocalDate.parse(rows.get(0).get("Visit Date"), us));
        assertEquals(shift, java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse("04/11/2023", us),
                java.time.LocalDate.parse(rows.get(1).get("Visit Date"), us)), "one offset for the record's events");
        assertEquals("Baseline (Arm 1: Arm A)", rows.get(0).get("Event Name"));
        assertEquals("E11.65", rows.get(0).get("Primary Diagnosis (ICD-10)"));
        assertEquals("8.4", rows.get(2).get("HbA1c (%)"));
        assertEquals("Unverified", rows.get(2).get("Complete?"));
        assertEquals(0, Profile.redcapRecordColumn(List.of("Record ID", "Event Name", "Visit Date")));
        assertEquals(-1, Profile.redcapRecordColumn(List.of("event_id", "patient_id", "event_name", "event_date")),
                "an events table whose event name is not its second column");
    }

    /**
     * A survey's participant list (decision 0178): the record each invitation went to is the record's pseudonym, its
     * times move by the record's offset, and the access code that opens the participant's survey is removed. The record
     * number was kept beside each invitation, and so was the code.
     */
    @Test
    void aSurveysParticipantListIsItsRecordsAndLosesItsAccessCodes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("STUDY_DATA.csv"), EXPORT);
        Files.writeString(in.resolve("STUDY_ParticipantList.csv"), """
                Email,Phone,Participant Identifier (optional),Record,Survey Access Code,Survey Link,Responded?,\
                Invitation send time
                wokonkwo@example.org,(781) 555-0143,Wilhelmina O.,101,K7PW4XN9D,https://redcap.example.org/surveys/?s=HK3D8WJ4AP,1,\
                2023-01-09 09:00
                tvillasenor@example.org,,,102,D2RM7TQ8E,https://redcap.example.org/surveys/?s=7TN4XE9LCM,0,2023-02-14 08:30
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("STUDY_ParticipantList.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("K7PW4XN9D", "D2RM7TQ8E", "HK3D8WJ4AP", "wokonkwo", "Wilhelmina", "555-0143",
                ",101,", ",102,")) {
            assertFalse(text.contains(planted), "a planted identifier or code is in the participant list");
        }
        List<CSVRecord> data = SampleData.records(out.resolve("STUDY_DATA.csv"));
        List<CSVRecord> list = SampleData.records(out.resolve("STUDY_ParticipantList.csv"));
        assertFalse(list.get(0).getParser().getHeaderNames().contains("Survey Access Code"));
        assertEquals(data.get(0).get("study_id"), list.get(0).get("Record"), "row 1: record 101's pseudonym");
        assertEquals(data.get(3).get("study_id"), list.get(1).get("Record"), "row 2: record 102's pseudonym");
        assertEquals(SampleData.daysBetween("2023-01-09", data.get(0).get("visit_date")),
                SampleData.daysBetween("2023-01-09", list.get(0).get("Invitation send time").substring(0, 10)),
                "row 1: the invitation moves with the record");
        assertEquals("[URL]", list.get(0).get("Survey Link"));
        assertEquals("1", list.get(0).get("Responded?"));
    }
}
