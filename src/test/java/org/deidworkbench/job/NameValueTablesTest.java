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
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0161: in a name/value table (an SDTM supplemental qualifier's {@code QNAM}/{@code QVAL}, OMOP's
 * {@code observation_source_value}/{@code value_as_string}) a value is decided as a column named by its row's name
 * would be. Before, every value was scrubbed as free text: initials, a maiden name, a preferred name and a nickname,
 * one word each, came out as they went in. The data are synthetic; failure messages name rows, never values.
 */
class NameValueTablesTest {

    private static final char[] PASSPHRASE = "name-value-tables-test".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aValueIsDecidedAsAColumnOfItsRowsNameWouldBe() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("person.csv"), """
                person_id,gender_source_value,year_of_birth
                1001,F,1962
                1002,M,1975
                """);
        Files.writeString(in.resolve("observation.csv"), """
                observation_id,person_id,observation_date,observation_source_value,value_as_string,value_as_number
                1,1001,2023-01-24,Mother's maiden name,Barrett,
                2,1001,2023-01-24,Preferred name,Willa,
                3,1001,2023-01-24,Body weight,,63.0
                4,1001,2023-01-24,Smoking status,Former smoker,
                5,1002,2023-03-01,Subject initials,AR,
                6,1002,2023-03-01,Emergency contact phone,781 555 0198,
                7,1002,2023-03-01,Nickname,Tad,
                8,1002,2023-03-01,Pharmacy,Walgreens,
                9,1002,2023-03-01,Comment,Called Tad about the visit.,
                10,1002,2023-03-01,Age,93,
                11,1002,2023-03-01,Zip code,02180,
                """);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<CSVRecord> rows = SampleData.records(out.resolve("observation.csv"));
        assertEquals("[NAME]", rows.get(0).get("value_as_string"), "row 1: a maiden name");
        assertEquals("[NAME]", rows.get(1).get("value_as_string"), "row 2: a preferred name");
        assertEquals("[NAME]", rows.get(4).get("value_as_string"), "row 5: initials");
        assertEquals("[PHONE]", rows.get(5).get("value_as_string"), "row 6: a phone number");
        assertEquals("[NAME]", rows.get(6).get("value_as_string"), "row 7: a nickname");
        // rows no rule marking identifiers names keep their column's decision
        assertEquals("63.0", rows.get(2).get("value_as_number"));
        assertEquals("Former smoker", rows.get(3).get("value_as_string"));
        assertEquals("Walgreens", rows.get(7).get("value_as_string"));
        // the names are the patient's identifiers from the scan on: a note of the run loses them
        assertEquals("Called [NAME] about the visit.", rows.get(8).get("value_as_string"));
        assertEquals("Smoking status", rows.get(3).get("observation_source_value"));
        assertEquals("90+", rows.get(9).get("value_as_string"), "row 10: an age over 89, banded as an age column is");
        assertEquals("021", rows.get(10).get("value_as_string"), "row 11: a zip code's three digits");
        String text = Files.readString(out.resolve("observation.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("Barrett", "Willa", ",AR,", "555 0198", "Tad")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        FileReport report = result.report().fileResults().stream()
                .filter(r -> r.output().endsWith("observation.csv")).findFirst().orElseThrow();
        assertEquals(Long.valueOf(1), report.actions().get("maiden-name (remove)"));
        assertEquals(Long.valueOf(3), report.actions().get("names (remove)"));
        assertEquals(Long.valueOf(1), report.actions().get("phone (remove)"));

        List<FieldDecision> explained = PreviewJob.explainTogether(List.of(in.resolve("person.csv").toAbsolutePath(),
                in.resolve("observation.csv").toAbsolutePath()), ProfileLoader.read("csv-template"))
                .get(in.resolve("observation.csv").toAbsolutePath());
        FieldDecision value = explained.stream().filter(d -> d.name().equals("value_as_string")).findFirst()
                .orElseThrow();
        assertTrue(value.reason().contains("a row whose observation_source_value names an identifier"),
                value.reason());
    }

    @Test
    void anSdtmSupplementalQualifiersInitialsAndAnOtherSubjectsValueStaySeparate() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("SUPPDM.csv"), """
                STUDYID,RDOMAIN,USUBJID,IDVAR,IDVARVAL,QNAM,QLABEL,QVAL,QORIG
                ABC-123,DM,ABC-123-101-001,,,INITIALS,Subject Initials,WO,CRF
                ABC-123,DM,ABC-123-101-001,,,RACEOTH,"Race, Other",Maori,CRF
                ABC-123,DM,ABC-123-101-002,,,RACEOTH,"Race, Other",WO,CRF
                ABC-123,DM,ABC-123-101-002,,,MTHMDNNM,Mother's Maiden Name,Lindqvist,CRF
                ABC-123,DM,ABC-123-101-002,,,CNTCTNM,Contact Name,Quillfeather,CRF
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<CSVRecord> rows = SampleData.records(out.resolve("SUPPDM.csv"));
        assertEquals("[NAME]", rows.get(0).get("QVAL"), "row 1: initials by QNAM");
        assertEquals("Maori", rows.get(1).get("QVAL"), "row 2");
        assertEquals("[NAME]", rows.get(3).get("QVAL"), "row 4: by QLABEL, QNAM names no rule");
        assertEquals("[NAME]", rows.get(4).get("QVAL"), "row 5: a contact's name");
        assertEquals(rows.get(0).get("USUBJID"), rows.get(1).get("USUBJID"));
        assertNotEquals("ABC-123-101-001", rows.get(0).get("USUBJID"));
        assertEquals("INITIALS", rows.get(0).get("QNAM"));
        assertEquals("Subject Initials", rows.get(0).get("QLABEL"));
    }

    /** An Epic flowsheet extract: the row's name in FLO_MEAS_NAME ("R AN PREFERRED NAME") and DISP_NAME. */
    @Test
    void aFlowsheetRowsDisplayNameDecidesToo() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("FLOWSHEET_EXTRACT.csv"), """
                PAT_MRN_ID,PAT_ENC_CSN_ID,RECORDED_TIME,FLO_MEAS_NAME,DISP_NAME,MEAS_VALUE,MEAS_COMMENT
                E1004501,8812345501,2023-03-01 08:15:00,PULSE,Pulse,76,
                E1004501,8812345501,2023-03-01 09:00:00,R AN PREFERRED NAME,Preferred Name,Billie,
                E1004501,8812345501,2023-03-01 09:00:00,R EMERGENCY CONTACT PHONE,EC Phone,(614) 555-0112,
                E1004502,8812345502,2023-03-02 07:50:00,R PAIN SCORE,Pain,4,patient states pain in left knee
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<CSVRecord> rows = SampleData.records(out.resolve("FLOWSHEET_EXTRACT.csv"));
        assertEquals(List.of("76", "[NAME]", "[PHONE]", "4"), rows.stream().map(r -> r.get("MEAS_VALUE")).toList());
        assertEquals("R AN PREFERRED NAME", rows.get(1).get("FLO_MEAS_NAME"));
    }

    /**
     * A German case's attributes (Merkmal, Wert): no rule of csv-template names "Vorname" or "Rufname", the words the
     * classifier reads in headers do, and the profile's rule for such a column decides; a drug's name stays.
     */
    @Test
    void aRowNameInAnotherLanguageIsReadByTheClassifiersHeaderWords() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("merkmale.csv"), """
                Fallnummer;Merkmal;Wert
                4000007;Vorname;Adelheid
                4000007;Rufname;Heidi
                4000007;Telefon;0341 555 0123
                4000007;Größe;172
                4000007;Nom du médicament;Doliprane
                4000007;Nom de naissance;Dupont
                4000007;Raucherstatus;Nichtraucher
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<String> values = Files.readAllLines(out.resolve("merkmale.csv"), StandardCharsets.UTF_8).stream().skip(1)
                .map(line -> line.substring(line.lastIndexOf(';') + 1)).toList();
        assertEquals(List.of("[NAME]", "[NAME]", "[PHONE]", "172", "Doliprane", "[NAME]", "Nichtraucher"), values);
    }

    @Test
    void aTableWithoutANameColumnIsNoNameValueTable() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("labs.csv"), """
                patient_id,test_name,value,unit
                P-100234,Hemoglobin,13.1,g/dL
                P-100234,Glucose,98,mg/dL
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<CSVRecord> rows = SampleData.records(out.resolve("labs.csv"));
        assertEquals("13.1", rows.get(0).get("value"));
        assertEquals(Map.of("test_name", "Glucose", "value", "98"), Map.of("test_name", rows.get(1).get("test_name"),
                "value", rows.get(1).get("value")));
    }
}
