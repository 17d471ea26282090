package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0107: an Epic Clarity-like extract (UPPERCASE, {@code PAT_ID} and {@code PAT_MRN_ID}, {@code PAT_ENC_CSN_ID}
 * contact serial numbers, a note table whose lines reference the encounter by {@code NOTE_CSN_ID}) with the default
 * profile. The note table's id columns are keys and references, not free text: the note's encounter still joins. The
 * MRN is pseudonymized in the patient domain and linked to {@code PAT_ID}, so a table of the radiology system keyed
 * by the MRN alone (as DICOM's Patient ID is) gets the same pseudonym and its dates the patient's offset. The data
 * are synthetic; failure messages name columns and rows, never values.
 */
class EpicClarityExportTest {

    private static final char[] PASSPHRASE = "epic-clarity-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void idColumnsOfTheNoteTableJoinAndTheMrnIsThePatientsPseudonym() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("PATIENT.csv"), """
                PAT_ID,PAT_MRN_ID,PAT_FIRST_NAME,PAT_LAST_NAME,BIRTH_DATE,SEX_C,ZIP
                Z1043387,E10293847,AVERY,QUILLFEATHER,1953-02-05 00:00:00,2,62704
                Z2209911,E10566102,EMEKA,OKAFOR,1975-09-12 00:00:00,1,53703
                Z3318840,E10997761,SUNNIVA,HAUGLAND,1988-03-30 00:00:00,1,01852
                """);
        Files.writeString(in.resolve("PAT_ENC.csv"), """
                PAT_ENC_CSN_ID,PAT_ID,CONTACT_DATE,ENC_TYPE_C,BP_SYSTOLIC
                700012345678,Z1043387,2023-01-09 00:00:00,3,142
                700012399901,Z1043387,2023-03-14 00:00:00,101,138
                700012467777,Z2209911,2023-02-02 00:00:00,101,121
                700012555500,Z3318840,2023-05-20 00:00:00,3,96
                """);
        Files.writeString(in.resolve("HNO_NOTE_TEXT.csv"), """
                NOTE_ID,NOTE_CSN_ID,PAT_ID,LINE,NOTE_TEXT,CONTACT_DATE
                1500987,700012345678,Z1043387,1,"Avery Quillfeather, 69 y.o. male with T2DM.",2023-01-09 00:00:00
                1500987,700012345678,Z1043387,2,"MRN E10293847. Discharge to home 1/12/2023.",2023-01-09 00:00:00
                1501555,700012555500,Z3318840,1,"HAUGLAND, SUNNIVA 35 yo F, septic shock.",2023-05-20 00:00:00
                """);
        Files.writeString(in.resolve("radiology_orders.csv"), """
                mrn,exam_date,modality
                E10293847,2023-01-10,CT
                E10997761,2023-05-21,CR
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        for (String f : List.of("PATIENT.csv", "PAT_ENC.csv", "HNO_NOTE_TEXT.csv", "radiology_orders.csv")) {
            String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            for (String planted : List.of("Z1043387", "E10293847", "E10997761", "700012345678", "QUILLFEATHER",
                    "Quillfeather", "HAUGLAND")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
        }
        List<CSVRecord> patients = SampleData.records(out.resolve("PATIENT.csv"));
        List<CSVRecord> encounters = SampleData.records(out.resolve("PAT_ENC.csv"));
        List<CSVRecord> notes = SampleData.records(out.resolve("HNO_NOTE_TEXT.csv"));
        List<CSVRecord> orders = SampleData.records(out.resolve("radiology_orders.csv"));
        // the note's encounter joins: NOTE_CSN_ID is a reference to PAT_ENC_CSN_ID, pseudonymized alike
        assertEquals(encounters.get(0).get("PAT_ENC_CSN_ID"), notes.get(0).get("NOTE_CSN_ID"), "note row 1");
        assertEquals(encounters.get(0).get("PAT_ENC_CSN_ID"), notes.get(1).get("NOTE_CSN_ID"), "note row 2");
        assertEquals(encounters.get(3).get("PAT_ENC_CSN_ID"), notes.get(2).get("NOTE_CSN_ID"), "note row 3");
        // the MRN: pseudonymized in the patient domain, the same in the radiology system's table
        String mrn = patients.get(0).get("PAT_MRN_ID");
        assertNotEquals(patients.get(0).get("PAT_ID"), mrn);
        assertEquals(mrn, orders.get(0).get("mrn"), "radiology_orders.csv row 1");
        assertEquals(patients.get(2).get("PAT_MRN_ID"), orders.get(1).get("mrn"), "radiology_orders.csv row 2");
        assertEquals(mrn, notes.get(1).get("NOTE_TEXT").split(" ")[1].replace(".", ""),
                "the MRN in the note is replaced by the MRN's pseudonym");
        // linked: the radiology table's dates move by the patient's offset (PAT_ID's), as the encounters' do
        long shift = SampleData.daysBetween("2023-01-09", encounters.get(0).get("CONTACT_DATE").substring(0, 10));
        assertEquals(shift, SampleData.daysBetween("2023-01-10", orders.get(0).get("exam_date")), "radiology_orders.csv row 1 exam_date");
        assertEquals(SampleData.daysBetween("2023-05-20", encounters.get(3).get("CONTACT_DATE").substring(0, 10)),
                SampleData.daysBetween("2023-05-21", orders.get(1).get("exam_date")), "radiology_orders.csv row 2 exam_date");
    }
}
