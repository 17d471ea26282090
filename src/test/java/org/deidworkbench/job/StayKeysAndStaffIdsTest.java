package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found on a MIMIC-IV-style export (decision 0110; synthetic values in MIMIC's shapes). An ICU stays table of two stays
 * holds {@code subject_id} and {@code hadm_id} unique too, and the subject column won as its key: {@code stay_id}, the
 * key the charted values reference, was removed from both tables as a link to nothing. And {@code caregiver_id}, whose
 * table the export does not hold, was removed: the charted values no longer grouped by who charted them.
 */
class StayKeysAndStaffIdsTest {

    @Test
    void aSmallTablesOwnIdIsItsKeyAndStaffIdsWithoutTheirTableArePseudonymized(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("mimic");
        Files.createDirectories(in);
        Files.writeString(in.resolve("patients.csv"), "subject_id,gender,anchor_age\n10000032,F,77\n10002428,M,64\n"
                + "10003400,F,52\n10004235,M,51\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("admissions.csv"), "subject_id,hadm_id,admittime,dischtime\n"
                + "10000032,20626031,2019-03-14 07:15:00,2019-03-20 13:40:00\n"
                + "10000032,22841357,2019-05-02 16:20:00,2019-05-04 11:05:00\n"
                + "10002428,25563031,2019-05-28 22:48:00,2019-06-02 04:10:00\n"
                + "10004235,29079034,2019-11-21 03:12:00,2019-11-22 18:45:00\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("icustays.csv"), "subject_id,hadm_id,stay_id,intime,outtime\n"
                + "10000032,20626031,39553978,2019-03-14 07:31:00,2019-03-16 09:12:00\n"
                + "10002428,25563031,33685454,2019-05-28 23:02:00,2019-06-02 04:10:00\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("chartevents.csv"), "subject_id,hadm_id,stay_id,caregiver_id,charttime,itemid,valuenum\n"
                + "10000032,20626031,39553978,17693,2019-03-14 08:00:00,220045,112\n"
                + "10000032,20626031,39553978,17693,2019-03-14 08:00:00,220179,98\n"
                + "10000032,20626031,39553978,20415,2019-03-15 12:00:00,223761,99.1\n"
                + "10002428,25563031,33685454,20415,2019-05-29 01:00:00,220277,91\n"
                + "10002428,25563031,33685454,31822,2019-05-29 02:00:00,220210,26\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunResult r = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "stay-keys-test".toCharArray());

        List<Map<String, String>> stays = SampleData.rows(out.resolve("icustays.csv"));
        List<Map<String, String>> charted = SampleData.rows(out.resolve("chartevents.csv"));
        Set<String> stayKeys = new HashSet<>();
        for (Map<String, String> s : stays) {
            String id = s.get("stay_id");
            assertTrue(id != null && !id.isEmpty(), "icustays.csv keeps its key");
            assertFalse(Set.of("39553978", "33685454").contains(id), "an original stay id");
            stayKeys.add(id);
        }
        assertEquals(2, stayKeys.size());
        List<Map<String, String>> chartedIn = SampleData.rows(in.resolve("chartevents.csv"));
        List<Map<String, String>> staysIn = SampleData.rows(in.resolve("icustays.csv"));
        for (int i = 0; i < charted.size(); i++) {
            String stay = charted.get(i).get("stay_id");
            int at = staysIn.get(0).get("stay_id").equals(chartedIn.get(i).get("stay_id")) ? 0 : 1;
            assertEquals(stays.get(at).get("stay_id"), stay, "charted value " + i + " joins its stay");
            // the admissions and the patients join as before
            assertEquals(stays.get(at).get("hadm_id"), charted.get(i).get("hadm_id"));
            assertEquals(stays.get(at).get("subject_id"), charted.get(i).get("subject_id"));
        }
        // the caregivers: pseudonymized, one pseudonym per caregiver, no original left
        List<String> caregivers = charted.stream().map(m -> m.get("caregiver_id")).toList();
        assertTrue(caregivers.stream().noneMatch(c -> c == null || c.isEmpty() || Set.of("17693", "20415", "31822")
                .contains(c)), "caregiver_id is kept as pseudonyms");
        assertEquals(caregivers.get(0), caregivers.get(1));
        assertNotEquals(caregivers.get(1), caregivers.get(2));
        assertEquals(caregivers.get(2), caregivers.get(3));
        assertEquals(3, new HashSet<>(caregivers).size());
        assertTrue(r.files().stream().allMatch(f -> f.problems().isEmpty()), () -> r.files().toString());
    }
}
