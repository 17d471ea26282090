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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0177: a REDCap project's logging export run with its data export. Each action on a record is that record's:
 * its id in the action is the record's pseudonym, its time and the dates it entered move by the record's offset, and the
 * values entered are decided by their fields' names (a name removed, an MRN pseudonymized as in the export, an age over
 * 89 banded); the users' logins are pseudonyms. Before, the log kept every name, town, ZIP code, age and record id entered.
 * Synthetic data; failure messages name rows and fields, never values.
 */
class RedcapLogExportTest {

    private static final char[] PASSPHRASE = "redcap-log-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theLogsActionsAreTheirRecordsAndTheirValuesAreDecidedByTheirFields() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("PROJ_DATA.csv"), """
                record_id,redcap_event_name,first_name,last_name,mrn,dob,age_consent,visit_date,visit_notes
                7,baseline_arm_1,Ottoline,Fairbrother-Quaile,00482913,1931-02-03,92,2023-02-14,Seen with her son.
                7,month_3_arm_1,,,,,,2023-05-16,Doing well.
                8,baseline_arm_1,Bertrand,Ashcombe,00482977,1960-06-30,62,2023-03-01,
                """);
        Files.writeString(in.resolve("PROJ_Logging.csv"), """
                "Time / Date","Username","Action","List of Data Changes OR Fields Exported"
                "2023-05-16 10:02","gquimby","Update record 7 (Month 3)","visit_date = '2023-05-16', visit_notes = 'Doing well, Ottoline walks daily.'"
                "2023-02-14 09:12","gquimby","Create record 7 (Baseline)","record_id = '7', first_name = 'Ottoline', last_name = 'Fairbrother-Quaile', mrn = '00482913', dob = '1931-02-03', age_consent = '92', city = 'Wexcombe', zip = '02135'"
                "2023-03-01 08:00","hlarkin","Create record 8 (Baseline)","first_name = 'Bertrand', race(2) = checked"
                "2023-06-01 12:00","gquimby","Data export","record_id, first_name, last_name"
                "2023-01-10 08:30","gquimby","Add user hlarkin","user = 'hlarkin', design = '0', data_export_tool = '1'"
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("PROJ_Logging.csv"), StandardCharsets.UTF_8);
        List<String> planted = List.of("Ottoline", "Fairbrother-Quaile", "Bertrand", "00482913", "1931-02-03", "Wexcombe",
                "02135", "gquimby", "hlarkin", "record 7 ", "record 8 ", "'7'", "'92'"); // a pseudonym may begin with 7
        for (int i = 0; i < planted.size(); i++) {
            assertFalse(text.contains(planted.get(i)), "planted identifier " + (i + 1) + " is in the logging export");
        }
        List<CSVRecord> data = SampleData.records(out.resolve("PROJ_DATA.csv"));
        List<CSVRecord> log = SampleData.records(out.resolve("PROJ_Logging.csv"));
        String seven = data.get(0).get("record_id");
        String eight = data.get(2).get("record_id");
        assertEquals("Update record " + seven + " (Month 3)", log.get(0).get("Action"));
        assertEquals("Create record " + eight + " (Baseline)", log.get(2).get("Action"));
        // the record's offset: its time and its entered date move as the export's dates of the record do
        long shift = SampleData.daysBetween("2023-05-16", data.get(1).get("visit_date"));
        assertEquals(shift, SampleData.daysBetween("2023-05-16", log.get(0).get("Time / Date").substring(0, 10)),
                "row 1: the action's time");
        assertTrue(log.get(0).get("List of Data Changes OR Fields Exported").startsWith("visit_date = '"
                + data.get(1).get("visit_date") + "', visit_notes = 'Doing well, [NAME] walks daily.'"), "row 1");
        String created = log.get(1).get("List of Data Changes OR Fields Exported");
        assertEquals("record_id = '" + seven + "', first_name = '[NAME]', last_name = '[NAME]', mrn = '"
                + data.get(0).get("mrn") + "', dob = '" + data.get(0).get("dob") + "', age_consent = '90+', city = "
                + "'[LOCATION]', zip = '021'", created, "row 2: each value as its field's column has it");
        assertEquals("first_name = '[NAME]', race(2) = checked", log.get(2).get("List of Data Changes OR Fields Exported"));
        assertEquals("record_id, first_name, last_name", log.get(3).get("List of Data Changes OR Fields Exported"));
        // one user, one pseudonym, wherever the log names the user
        assertEquals(log.get(0).get("Username"), log.get(1).get("Username"));
        assertNotEquals(log.get(0).get("Username"), log.get(2).get("Username"));
        assertEquals("Add user " + log.get(2).get("Username"), log.get(4).get("Action"));
        assertEquals("user = '" + log.get(2).get("Username") + "', design = '0', data_export_tool = '1'",
                log.get(4).get("List of Data Changes OR Fields Exported"));
    }
}
