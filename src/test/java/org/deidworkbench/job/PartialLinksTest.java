package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links a partial export leaves dangling (decision 0095), found on a real Synthea export cut at whole rows: the
 * medications of 100 encounters next to 60 of those encounters, and encounters whose {@code PAYER} links to a
 * {@code payers.csv} the export does not hold. Both columns were removed as unknown identifiers without a word. The
 * partial link now joins where it can; the unresolved one is still removed, and the report says so for both, naming
 * columns, never values. Fixtures are synthetic, in the shape of Synthea's tables.
 */
class PartialLinksTest {

    private static String uuid(int kind, int n) {
        return String.format("%08x-2222-4333-8444-%012x", 0x10000000 * kind + n, 0xdef000L + n);
    }

    @Test
    void aLinkIntoAPartialTableJoinsWhereItCanAndBothKindsAreReported(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("export");
        Files.createDirectories(in);
        StringBuilder patients = new StringBuilder("Id,BIRTHDATE,FIRST,LAST\n");
        for (int p = 0; p < 30; p++) {
            patients.append(uuid(1, p)).append(",19").append(40 + p).append("-05-1").append(p % 10).append(",Ysolde")
                    .append(p).append(",Farquharsen").append(p).append('\n');
        }
        StringBuilder encounters = new StringBuilder("Id,START,PATIENT,PAYER,CODE\n");
        for (int e = 0; e < 60; e++) {
            encounters.append(uuid(2, e)).append(",2020-03-").append(10 + e % 18).append("T08:00:00Z,").append(uuid(1, e % 30))
                    .append(',').append(uuid(9, e % 4)).append(",185345009\n");
        }
        StringBuilder medications = new StringBuilder("START,PATIENT,ENCOUNTER,CODE,DESCRIPTION\n");
        for (int m = 0; m < 200; m++) {
            medications.append("2020-04-0").append(1 + m % 9).append(',').append(uuid(1, m % 30)).append(',')
                    .append(uuid(2, m % 100)).append(",313782,Acetaminophen 325 MG Oral Tablet\n");
        }
        Files.writeString(in.resolve("patients.csv"), patients, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("encounters.csv"), encounters, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("medications.csv"), medications, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true,
                "partial-links-test".toCharArray(), ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());

        List<Map<String, String>> encountersIn = read(in.resolve("encounters.csv"));
        List<Map<String, String>> encountersOut = read(out.resolve("encounters.csv"));
        Map<String, String> encounterPseudonym = new HashMap<>();
        for (int i = 0; i < encountersIn.size(); i++) {
            encounterPseudonym.put(encountersIn.get(i).get("Id"), encountersOut.get(i).get("Id"));
        }
        List<Map<String, String>> medsIn = read(in.resolve("medications.csv"));
        List<Map<String, String>> medsOut = read(out.resolve("medications.csv"));
        int joined = 0;
        for (int i = 0; i < medsIn.size(); i++) {
            String now = medsOut.get(i).get("ENCOUNTER");
            assertTrue(now != null && !now.isEmpty(), "the link column is kept");
            String expected = encounterPseudonym.get(medsIn.get(i).get("ENCOUNTER"));
            if (expected != null) {
                assertEquals(expected, now, "medication " + i + " joins its encounter");
                joined++;
            } else {
                assertFalse(encounterPseudonym.containsValue(now), "a dangling link joins no other encounter");
            }
        }
        assertEquals(120, joined);
        assertFalse(Files.readAllLines(out.resolve("encounters.csv")).get(0).contains("PAYER"),
                "a link to a table the export does not hold is still removed");
        String everything = Files.readString(out.resolve("medications.csv")) + Files.readString(out.resolve("encounters.csv"));
        for (int m = 0; m < 100; m++) {
            assertFalse(everything.contains(uuid(2, m)), "an original encounter id in the output");
        }

        Problem partial = problem(r, "medications.csv", "PARTIAL-LINK");
        assertEquals("column 3 'ENCOUNTER'", partial.location());
        assertTrue(partial.message().contains("60 %") && partial.message().contains("encounters.csv:Id"), partial::message);
        Problem unresolved = problem(r, "encounters.csv", "UNRESOLVED-LINK");
        assertEquals("column 4 'PAYER'", unresolved.location());
        for (Problem p : List.of(partial, unresolved)) {
            assertFalse(p.message().matches("(?s).*[0-9a-f]{8}-.*"), "no value in the message: " + p.message());
        }
        assertEquals(2, r.files().stream().mapToLong(f -> f.problems().size()).sum(), () -> r.files().toString());
    }

    private static Problem problem(RunResult r, String output, String code) {
        for (FileReport f : r.files()) {
            if (f.output().equals(output)) {
                return f.problems().stream().filter(p -> p.code().equals(code)).findFirst()
                        .orElseThrow(() -> new AssertionError(code + " not reported for " + output + ": " + f.problems()));
            }
        }
        throw new AssertionError(output + " not in the run");
    }

    /**
     * An old system's copy of the patient master keyed by a column that names the patient but not as the patient table
     * does ({@code PAT_NO} beside {@code PATIENT_ID}; Japan's {@code ｶﾙﾃNO} beside {@code 患者ID}): its values are the
     * patient table's keys, so it joins the patients and its dates move with theirs (decision 0135). Before, the short
     * numbers needed the header's word and the file was its own key: other pseudonyms, another offset.
     */
    @Test
    void aKeyThatNamesThePatientAndHoldsThePatientsKeysJoinsThePatientTable(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("export");
        Files.createDirectories(in);
        StringBuilder patients = new StringBuilder("PATIENT_ID,FIRST_NAME,LAST_NAME,BIRTH_DATE\n");
        StringBuilder legacy = new StringBuilder("PAT_NO,BIRTH_DATE,SEX\n");
        for (int p = 0; p < 24; p++) {
            String id = Integer.toString(10400 + 7 * p);
            String birth = "19" + (40 + p) + "-0" + (1 + p % 9) + "-1" + p % 10;
            patients.append(id).append(",Ysolde").append(p).append(",Farquharsen").append(p).append(',').append(birth)
                    .append('\n');
            if (p % 2 == 0) {
                legacy.append(id).append(',').append(birth).append(p % 4 == 0 ? ",F\n" : ",M\n");
            }
        }
        Files.writeString(in.resolve("patients.csv"), patients, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("legacy_registry.csv"), legacy, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true,
                "partial-links-test".toCharArray(), ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        Map<String, Map<String, String>> byOriginal = new HashMap<>();
        List<Map<String, String>> patientsIn = read(in.resolve("patients.csv"));
        List<Map<String, String>> patientsOut = read(out.resolve("patients.csv"));
        for (int i = 0; i < patientsIn.size(); i++) {
            byOriginal.put(patientsIn.get(i).get("PATIENT_ID"), patientsOut.get(i));
        }
        List<Map<String, String>> legacyIn = read(in.resolve("legacy_registry.csv"));
        List<Map<String, String>> legacyOut = read(out.resolve("legacy_registry.csv"));
        assertEquals(12, legacyOut.size());
        for (int i = 0; i < legacyIn.size(); i++) {
            Map<String, String> patient = byOriginal.get(legacyIn.get(i).get("PAT_NO"));
            assertEquals(patient.get("PATIENT_ID"), legacyOut.get(i).get("PAT_NO"), "row " + i + " joins its patient");
            assertEquals(patient.get("BIRTH_DATE"), legacyOut.get(i).get("BIRTH_DATE"),
                    "row " + i + ": the patient's birth date comes out as in the patient table");
        }
    }

    private static List<Map<String, String>> read(Path file) throws Exception {
        return SampleData.rows(file);
    }
}
