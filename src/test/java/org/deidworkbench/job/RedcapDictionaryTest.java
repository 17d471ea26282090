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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0176: a REDCap project exported as research teams ship it — the raw export, the labels export, a report, and
 * the project's data dictionary beside them. The dictionary's {@code Identifier?} flags and validations decide the
 * fields the classifier alone kept (an employer, a tribal affiliation's checkboxes, an e-mail under a header that does
 * not say so); a sibling's record id links to the sibling's pseudonym; the dictionary itself comes out as written, still
 * describing the export. Synthetic data in REDCap's conventions; failure messages name columns and files, never values.
 */
class RedcapDictionaryTest {

    private static final char[] PASSPHRASE = "redcap-dictionary-test-passphrase".toCharArray();

    private static final String DICTIONARY = """
            "Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR \
            Slider Labels","Field Note","Text Validation Type OR Show Slider Number","Text Validation Min",\
            "Text Validation Max","Identifier?","Branching Logic (Show field only if...)","Required Field?",\
            "Custom Alignment","Question Number (surveys only)","Matrix Group Name","Matrix Ranking?","Field Annotation"
            record_id,enrollment,,text,"Record ID",,,,,,,,,,,,,
            first_name,enrollment,"Contact information",text,"First name",,,,,,y,,y,,,,,
            dob,enrollment,,text,"Date of birth",,,date_mdy,,,y,,y,,,,,
            employer,enrollment,,text,"<b>Employer</b>",,"Company or organisation",,,,y,,,,,,,
            alt_contact,enrollment,,text,"Alternate contact",,,email,,,,,,,,,,
            phone,enrollment,,text,"Phone number",,,phone,,,y,,,,,,,
            sib_record,enrollment,,text,"Record ID of enrolled sibling",,"Leave blank if none",integer,,,y,,,,,,,
            tribe,enrollment,,checkbox,"Tribal affiliation","1, Wampanoag | 2, Nipmuc",,,,,y,,,,,,,
            hba1c,visit,Labs,text,"HbA1c (%)",,,number_1dp,3,20,,,,,,,,
            visit_notes,visit,,notes,"Visit notes",,"Do not enter identifiers",,,,,,,,,,,
            """;

    private static final String RAW = """
            record_id,redcap_event_name,survey_timestamp,first_name,dob,employer,alt_contact,phone,sib_record,\
            tribe___1,tribe___2,hba1c,visit_notes
            1,baseline_arm_1,2023-03-12 09:41:11,Wilhelmina,1948-07-19,Quillmoor Textiles,wokonkwo@quillmoor.example,\
            (781) 555-0143,,1,0,7.9,"Works nights at Quillmoor Textiles; her phone number is on file."
            1,month_3_arm_1,,,,,,,,,,7.4,"Doing well."
            2,baseline_arm_1,[not completed],Tadeo,1977-02-03,Brightwater Dairy,tvillasenor@mail.example,603-555-0177,3,0,1,\
            8.4,"Twin brother enrolled."
            3,baseline_arm_1,2023-04-02 10:15:00,Teodoro,1977-02-03,Brightwater Dairy,teo.v@mail.example,603-555-0178,2,0,1,\
            6.1,
            """;

    private static final String LABELS = """
            Record ID,Event Name,Survey Timestamp,First name,Date of birth,Employer,Alternate contact,Phone number,\
            Record ID of enrolled sibling,Tribal affiliation (choice=Wampanoag),Tribal affiliation (choice=Nipmuc),\
            HbA1c (%),Visit notes
            1,Baseline (Arm 1: Intervention),2023-03-12 09:41:11,Wilhelmina,1948-07-19,Quillmoor Textiles,\
            wokonkwo@quillmoor.example,(781) 555-0143,,Checked,Unchecked,7.9,
            2,Baseline (Arm 1: Intervention),[not completed],Tadeo,1977-02-03,Brightwater Dairy,tvillasenor@mail.example,\
            603-555-0177,3,Unchecked,Checked,8.4,
            3,Baseline (Arm 1: Intervention),2023-04-02 10:15:00,Teodoro,1977-02-03,Brightwater Dairy,teo.v@mail.example,\
            603-555-0178,2,Unchecked,Checked,6.1,
            """;

    /** A report of the project: REDCap writes the record id first but none of its own columns. */
    private static final String REPORT = """
            record_id,employer,hba1c
            1,Quillmoor Textiles,7.9
            2,Brightwater Dairy,8.4
            """;

    @TempDir
    Path dir;

    @Test
    void theDictionaryDecidesWhatTheClassifierKeptAndComesOutAsWritten() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("PROJ_DataDictionary.csv"), DICTIONARY);
        Files.writeString(in.resolve("PROJ_DATA.csv"), RAW);
        Files.writeString(in.resolve("PROJ_DATA_LABELS.csv"), LABELS);
        Files.writeString(in.resolve("PROJ_Report.csv"), REPORT);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        for (String file : List.of("PROJ_DATA.csv", "PROJ_DATA_LABELS.csv", "PROJ_Report.csv")) {
            String text = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            for (String planted : List.of("Quillmoor", "Brightwater", "wokonkwo", "tvillasenor", "teo.v", "Wilhelmina",
                    "Teodoro", "555-0143", "1948-07-19")) {
                assertFalse(text.contains(planted), file + ": a planted identifier is in the output");
            }
        }
        List<CSVRecord> raw = SampleData.records(out.resolve("PROJ_DATA.csv"));
        List<String> header = raw.get(0).getParser().getHeaderNames();
        // declared identifiers the classifier kept are removed: the employer, the tribal affiliation's checkboxes
        assertFalse(header.contains("employer"), "employer: declared an identifier");
        assertFalse(header.contains("tribe___1") || header.contains("tribe___2"), "tribe: declared an identifier");
        assertFalse(header.contains("alt_contact"), "alt_contact: validated as e-mail");
        assertEquals(List.of("record_id", "redcap_event_name", "survey_timestamp", "dob", "sib_record", "hba1c",
                "visit_notes"), header);
        // the sibling's record id is the sibling's pseudonym: the link resolves, the original id is gone
        assertEquals(raw.get(3).get("record_id"), raw.get(2).get("sib_record"), "row 3 sib_record");
        assertEquals(raw.get(2).get("record_id"), raw.get(3).get("sib_record"), "row 4 sib_record");
        assertNotEquals("3", raw.get(2).get("sib_record"));
        // REDCap's marker of a survey not completed is no date: kept, not emptied as one
        assertEquals("[not completed]", raw.get(2).get("survey_timestamp"));
        // the employer named in a note goes with the column (csv-template's employer rule names it: decision 0228); the
        // words of the form stay
        assertEquals("Works nights at [EMPLOYER]; her phone number is on file.", raw.get(0).get("visit_notes"));
        assertEquals("7.9", raw.get(0).get("hba1c"));

        List<CSVRecord> labels = SampleData.records(out.resolve("PROJ_DATA_LABELS.csv"));
        List<String> labelHeader = labels.get(0).getParser().getHeaderNames();
        assertFalse(labelHeader.contains("Employer"), "labels export: Employer declared an identifier");
        assertFalse(labelHeader.stream().anyMatch(h -> h.startsWith("Tribal affiliation")),
                "labels export: the checkbox's choices declared an identifier");
        assertEquals(raw.get(0).get("record_id"), labels.get(0).get("Record ID"), "labels export: record 1");
        assertEquals(raw.get(3).get("record_id"), labels.get(1).get("Record ID of enrolled sibling"),
                "labels export: the sibling's record id");

        List<CSVRecord> report = SampleData.records(out.resolve("PROJ_Report.csv"));
        assertEquals(List.of("record_id", "hba1c"), report.get(0).getParser().getHeaderNames(),
                "report: the employer declared an identifier");
        assertEquals(raw.get(0).get("record_id"), report.get(0).get("record_id"),
                "report: the record id is the project's subject, pseudonymized as in the export");

        // the dictionary comes out as it went in: it still describes the export
        assertEquals(DICTIONARY.replace("\"", ""), Files.readString(out.resolve("PROJ_DataDictionary.csv"),
                StandardCharsets.UTF_8).replace("\"", "").replace("\r\n", "\n"));
    }

    /**
     * Two projects numbering their records alike: their record ids are one subject domain's, so record 1 of both is one
     * subject. The run says so on each export's record id; one project's raw and labels exports are no two projects.
     */
    @Test
    void twoProjectsNumberingTheirRecordsAlikeAreToldApart() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("PROJ_DATA_2023-05-01_1200.csv"), RAW);
        Files.writeString(in.resolve("PROJ_DATA_LABELS_2023-05-01_1200.csv"), LABELS);
        Files.writeString(in.resolve("OTHER_DATA_2023-05-02_0900.csv"), """
                record_id,redcap_event_name,hba1c
                2,baseline_arm_1,6.2
                """);
        Path out = dir.resolve("out");
        java.util.Map<String, List<String>> codes = new java.util.TreeMap<>();
        for (org.deidworkbench.model.FileReport f : SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"),
                PASSPHRASE).report().fileResults()) {
            codes.put(f.output(), f.problems().stream().map(org.deidworkbench.model.Problem::code)
                    .filter(c -> c.startsWith("REDCAP")).toList());
        }
        List<String> shared = List.of("REDCAP-SHARED-RECORD-IDS");
        assertEquals(java.util.Map.of("PROJ_DATA_DATE_1200.csv", shared, "PROJ_DATA_LABELS_DATE_1200.csv", shared,
                "OTHER_DATA_DATE_0900.csv", shared), codes);
        Files.delete(in.resolve("OTHER_DATA_2023-05-02_0900.csv"));
        for (org.deidworkbench.model.FileReport f : SampleData.runCsvTemplate(in, dir.resolve("out2"),
                dir.resolve("k2.deidkey"), PASSPHRASE).report().fileResults()) {
            assertTrue(f.problems().stream().noneMatch(p -> p.code().startsWith("REDCAP")), f.output());
        }
    }

    @Test
    void withoutTheDictionaryTheClassifierAloneDecides() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("PROJ_DATA.csv"), RAW);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<CSVRecord> raw = SampleData.records(out.resolve("PROJ_DATA.csv"));
        Map<String, String> first = raw.get(0).toMap();
        // what the dictionary changes: a tribal affiliation's checkboxes are no identifier to the classifier, and are kept
        assertTrue(first.containsKey("tribe___1") && first.containsKey("tribe___2"), "tribe kept without the dictionary");
        // an employer is csv-template's to remove, dictionary or not (decision 0228)
        assertFalse(first.containsKey("employer"), "employer removed by the profile");
        // what it does not: the sibling's record id links by the export's own record ids
        assertEquals(raw.get(3).get("record_id"), raw.get(2).get("sib_record"), "row 3 sib_record");
    }
}
