package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0120: a Cerner Millennium extract writes its ids as Oracle {@code NUMBER}s, {@code 18830412.00} in some tables
 * and {@code 18830412} in others. Before, the two spellings of one person were two subjects with two date offsets (the
 * age at a registration changed), and {@code EVENT_ID}, {@code ENCNTR_ID} and the staff ids written with {@code .00}
 * were kept in clear as numbers. Now one id is one pseudonym and one offset, the events join their encounters and the
 * staff ids group. The data are synthetic; failure messages name tables, columns and rows, never values.
 */
class OracleNumberIdsTest {

    private static final char[] PASSPHRASE = "oracle-number-ids-passphrase".toCharArray();
    private static final DateTimeFormatter ORACLE = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void anIdWrittenWithAFractionOfZerosIsTheSameIdEverywhere() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("person.csv"), """
                PERSON_ID,NAME_LAST_KEY,NAME_FIRST_KEY,BIRTH_DT_TM,SEX_CD
                18830412.00,HALVORSENPRYCE,BRYNJA,03-FEB-1950 00:00:00,Female
                18830977.00,OKONJO,DESMOND,19-AUG-1961 00:00:00,Male
                18831540.00,VANTREASE,MILDRED,30-NOV-1966 00:00:00,Female
                """, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("encounter.csv"), """
                ENCNTR_ID,PERSON_ID,ENCNTR_TYPE_CD,REG_DT_TM,DISCH_DT_TM
                40112233,18830412,Inpatient,01-MAR-2023 08:30:00,04-MAR-2023 11:45:00
                40112890,18830977,Inpatient,12-JUN-2022 22:10:00,19-JUN-2022 09:00:00
                40113517,18831540,Outpatient,07-SEP-2023 13:05:00,07-SEP-2023 16:40:00
                """, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("clinical_event.csv"), """
                EVENT_ID,ENCNTR_ID,PERSON_ID,EVENT_CD,RESULT_VAL,EVENT_END_DT_TM,PERFORMED_PRSNL_ID
                771000101.00,40112233.00,18830412.00,Hemoglobin A1c,8.2,01-MAR-2023 09:12:00,9001234.00
                771000102.00,40112233.00,18830412.00,Creatinine,1.38,01-MAR-2023 09:12:00,9001234.00
                771000201.00,40112890.00,18830977.00,Hemoglobin,11.6,13-JUN-2022 06:40:00,9001235.00
                771000202.00,40112890.00,18830977.00,Sodium Lvl,131,13-JUN-2022 06:40:00,9001235.00
                771000301.00,40113517.00,18831540.00,Hemoglobin A1c,6.4,07-SEP-2023 13:30:00,9001234.00
                """, StandardCharsets.UTF_8);
        // a note table keyed by the event alone, written as an integer: it finds its person through clinical_event
        Files.writeString(in.resolve("ce_blob.csv"), """
                EVENT_ID,BLOB_CONTENTS
                771000101,"*** Final Report ***\nDrawn 03/01/2023 09:12, A1c 8.2 %."
                771000201,"*** Final Report ***\nDrawn 06/13/2022 06:40, Hb 11.6."
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        assertEquals(3, result.report().subjects(), "one subject per person, whichever way its id is written");

        for (String f : List.of("person.csv", "encounter.csv", "clinical_event.csv", "ce_blob.csv")) {
            String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            for (String planted : List.of("18830412", "18830977", "40112233", "40112890", "771000101", "771000202",
                    "9001234", "9001235", "HALVORSENPRYCE", "BRYNJA")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
        }
        List<CSVRecord> persons = SampleData.records(out.resolve("person.csv"));
        List<CSVRecord> encounters = SampleData.records(out.resolve("encounter.csv"));
        List<CSVRecord> events = SampleData.records(out.resolve("clinical_event.csv"));
        for (int i = 0; i < 3; i++) {
            assertEquals(persons.get(i).get("PERSON_ID"), encounters.get(i).get("PERSON_ID"), "encounter.csv row " + i);
        }
        assertEquals(persons.get(0).get("PERSON_ID"), events.get(0).get("PERSON_ID"), "clinical_event.csv row 0 PERSON_ID");
        assertEquals(encounters.get(0).get("ENCNTR_ID"), events.get(0).get("ENCNTR_ID"), "clinical_event.csv row 0 ENCNTR_ID");
        assertEquals(encounters.get(1).get("ENCNTR_ID"), events.get(3).get("ENCNTR_ID"), "clinical_event.csv row 3 ENCNTR_ID");
        assertEquals(encounters.get(2).get("ENCNTR_ID"), events.get(4).get("ENCNTR_ID"), "clinical_event.csv row 4 ENCNTR_ID");
        assertNotEquals(events.get(0).get("EVENT_ID"), events.get(1).get("EVENT_ID"), "two events keep two ids");
        assertEquals(events.get(0).get("PERFORMED_PRSNL_ID"), events.get(4).get("PERFORMED_PRSNL_ID"),
                "one member of staff, one pseudonym");
        assertNotEquals(events.get(0).get("PERFORMED_PRSNL_ID"), events.get(2).get("PERFORMED_PRSNL_ID"),
                "two members of staff, two pseudonyms");
        assertEquals(List.of("8.2", "1.38", "11.6", "131", "6.4"), events.stream().map(r -> r.get("RESULT_VAL")).toList());
        List<CSVRecord> notes = SampleData.records(out.resolve("ce_blob.csv"));
        for (int n = 0; n < 2; n++) {
            CSVRecord event = events.get(n == 0 ? 0 : 2);
            assertEquals(event.get("EVENT_ID"), notes.get(n).get("EVENT_ID"), "ce_blob.csv row " + n + " EVENT_ID");
            LocalDate drawn = oracle(event.get("EVENT_END_DT_TM"));
            assertTrue(notes.get(n).get("BLOB_CONTENTS").contains("Drawn "
                    + drawn.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")) + " "), "ce_blob.csv row " + n
                    + ": the note's date is its event's, shifted by its person's offset");
        }
        // one offset per person: the age in days at each registration is the input's
        List<String> born = List.of("03-FEB-1950", "19-AUG-1961", "30-NOV-1966");
        List<String> registered = List.of("01-MAR-2023", "12-JUN-2022", "07-SEP-2023");
        for (int i = 0; i < 3; i++) {
            assertEquals(ChronoUnit.DAYS.between(oracle(born.get(i)), oracle(registered.get(i))),
                    ChronoUnit.DAYS.between(oracle(persons.get(i).get("BIRTH_DT_TM")),
                            oracle(encounters.get(i).get("REG_DT_TM"))), "the age at registration, row " + i);
            assertTrue(!persons.get(i).get("BIRTH_DT_TM").startsWith(born.get(i)), "person.csv row " + i + " shifted");
        }
    }

    /** {@code 03-FEB-1950[ 00:00:00]} as a day. */
    private static LocalDate oracle(String value) {
        String d = value.substring(0, 11);
        return LocalDate.parse(d.substring(0, 4) + d.substring(4, 6).toLowerCase(Locale.ROOT) + d.substring(6), ORACLE);
    }
}
