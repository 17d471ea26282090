package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0107: an i2b2 star schema written as CSV ({@code patient_dimension} with its {@code statecityzip_path},
 * {@code patient_mapping} from source ids to {@code patient_num}, {@code visit_dimension}, {@code observation_fact}
 * with coded facts and a note in {@code observation_blob}) with the default profile. The city in
 * {@code statecityzip_path} does not survive; {@code patient_ide} is a patient id (the MRN of a source system, or
 * i2b2's own number) linked to {@code patient_num}, so a table keyed by the MRN alone gets the same pseudonym and the
 * patient's offset. The data are synthetic; failure messages name columns and rows, never values.
 */
class I2b2ExportTest {

    private static final char[] PASSPHRASE = "i2b2-export-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theCityPathIsRemovedAndSourceIdsArePatientIds() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patient_dimension.csv"), """
                patient_num,vital_status_cd,birth_date,sex_cd,age_in_years_num,zip_cd,statecityzip_path,sourcesystem_cd
                1000000101,N,1931-04-02 00:00:00,F,95,02138,Zip codes\\Massachusetts\\Cambridge\\02138\\,EPIC
                1000000102,Y,1960-11-23 00:00:00,M,61,01852,Zip codes\\Massachusetts\\Lowell\\01852\\,EPIC
                1000000103,N,1984-06-07 00:00:00,F,40,02115,Zip codes\\Massachusetts\\Boston\\02115\\,EPIC
                """);
        Files.writeString(in.resolve("patient_mapping.csv"), """
                patient_ide,patient_ide_source,patient_num,patient_ide_status
                00482913,EPIC_MRN,1000000101,A
                01937755,EPIC_MRN,1000000102,A
                00715544,EPIC_MRN,1000000103,A
                1000000101,HIVE,1000000101,A
                """);
        Files.writeString(in.resolve("visit_dimension.csv"), """
                encounter_num,patient_num,start_date,end_date,inout_cd
                5000001,1000000101,2023-01-09 08:14:00,2023-01-12 15:40:00,I
                5000003,1000000102,2022-02-02 09:00:00,2022-02-02 09:30:00,O
                5000004,1000000103,2023-05-20 22:05:00,2023-05-23 10:00:00,E
                """);
        Files.writeString(in.resolve("observation_fact.csv"), """
                encounter_num,patient_num,concept_cd,start_date,valtype_cd,nval_num,units_cd,observation_blob
                5000001,1000000101,ICD10CM:E11.65,2023-01-09 08:14:00,,,,
                5000001,1000000101,LOINC:4548-4,2023-01-09 10:30:00,N,7.9,%,
                5000001,1000000101,NOTE:PROGRESS,2023-01-09 12:00:00,B,,,"Seen in Cambridge with her son. Discharge 1/12/2023."
                """);
        Files.writeString(in.resolve("imaging.csv"), """
                mrn,study_date,modality
                00482913,2023-01-10,CT
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String dimension = Files.readString(out.resolve("patient_dimension.csv"), StandardCharsets.UTF_8);
        for (String city : List.of("Cambridge", "Lowell", "Boston", "02138", "1931-04-02")) {
            assertFalse(dimension.contains(city), "patient_dimension.csv: a planted place or date is in the output");
        }
        List<CSVRecord> patients = SampleData.records(out.resolve("patient_dimension.csv"));
        List<CSVRecord> mapping = SampleData.records(out.resolve("patient_mapping.csv"));
        List<CSVRecord> visits = SampleData.records(out.resolve("visit_dimension.csv"));
        List<CSVRecord> facts = SampleData.records(out.resolve("observation_fact.csv"));
        List<CSVRecord> imaging = SampleData.records(out.resolve("imaging.csv"));
        assertEquals("90+", patients.get(0).get("age_in_years_num"));
        assertEquals("60-64", patients.get(1).get("age_in_years_num"));
        // i2b2's own number as a source id is the patient_num's pseudonym; the MRN is the imaging table's mrn
        assertEquals(mapping.get(3).get("patient_num"), mapping.get(3).get("patient_ide"), "patient_mapping.csv row 4");
        assertEquals(patients.get(0).get("patient_num"), mapping.get(0).get("patient_num"));
        assertEquals(mapping.get(0).get("patient_ide"), imaging.get(0).get("mrn"), "imaging.csv row 1: the MRN");
        long shift = SampleData.daysBetween("2023-01-09", visits.get(0).get("start_date").substring(0, 10));
        assertEquals(shift, SampleData.daysBetween("2023-01-10", imaging.get(0).get("study_date")), "imaging.csv row 1: linked offset");
        assertEquals(visits.get(0).get("encounter_num"), facts.get(0).get("encounter_num"), "facts join visits");
        assertEquals("ICD10CM:E11.65", facts.get(0).get("concept_cd"));
        assertEquals("7.9", facts.get(1).get("nval_num"));
        assertTrue(facts.get(2).get("observation_blob").contains("her son"), "the note is kept, scrubbed");
    }
}
