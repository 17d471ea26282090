package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A column whose values are another table's key is a reference, and keeps joining after de-identification
 * even where a header pattern of the profile would remove it (decision 0059). Found on a real Synthea export:
 * {@code claims.PRIMARYPATIENTINSURANCEID} holds {@code payers.Id} (one payer shared by many patients) and
 * {@code claims_transactions.PATIENTINSURANCEID} the patient's own id; the built-in rule
 * {@code insurance-number} removed both, so claims no longer joined their payer. A reference to a key that a
 * rule removes (a member number) goes with it. Fixtures are synthetic, in the shape of Synthea's tables.
 */
class ReferencesUnderHeaderRulesTest {

    private static final char[] PASSPHRASE = "references-test".toCharArray();
    private static final String[] PATIENTS = {"3f2a9c41-77d0-4b1e-9a55-0c1d2e3f4a5b", "9b7e6d5c-4a3b-4c2d-8e1f-a0b1c2d3e4f5",
        "c0ffee12-3456-4789-abcd-ef0123456789", "5a5b5c5d-6e6f-4a0b-9c1d-2e3f4a5b6c7d"};
    private static final String[] PAYERS = {"7d1e2f3a-5050-3b5e-9eae-bd5ea30e8000", "e1f2a3b4-4df1-3eb6-a62d-f70f02301400"};

    private static String uuid(int kind, int n) {
        return String.format("%08x-1111-4222-8333-%012x", 0x10000000 * kind + n, 0xabc000L + n);
    }

    @Test
    void aReferenceAHeaderRuleWouldRemoveStillJoinsItsKey(@TempDir Path dir) throws Exception {
        Path in = export(dir.resolve("export"));
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, PASSPHRASE.clone(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();

        List<Map<String, String>> payersIn = read(in.resolve("payers.csv"));
        List<Map<String, String>> payersOut = read(out.resolve("payers.csv"));
        Map<String, String> payerPseudonym = new HashMap<>();
        for (int i = 0; i < payersIn.size(); i++) {
            payerPseudonym.put(payersIn.get(i).get("Id"), payersOut.get(i).get("Id"));
        }
        List<Map<String, String>> claimsIn = read(in.resolve("claims.csv"));
        List<Map<String, String>> claimsOut = read(out.resolve("claims.csv"));
        int joined = 0;
        for (int i = 0; i < claimsIn.size(); i++) {
            String original = claimsIn.get(i).get("PRIMARYPATIENTINSURANCEID");
            String now = claimsOut.get(i).get("PRIMARYPATIENTINSURANCEID");
            if (original.isEmpty()) {
                assertEquals("", now, "an empty reference stays empty");
                continue;
            }
            assertNotEquals(original, now);
            assertEquals(payerPseudonym.get(original), now, "claim " + i + " joins its payer");
            joined++;
        }
        assertEquals(6, joined);

        // The patient's own id in an "insurance id" column: the patient domain, as PATIENTID.
        List<Map<String, String>> txIn = read(in.resolve("claims_transactions.csv"));
        List<Map<String, String>> txOut = read(out.resolve("claims_transactions.csv"));
        int self = 0;
        for (int i = 0; i < txIn.size(); i++) {
            if (txIn.get(i).get("PATIENTINSURANCEID").isEmpty()) {
                assertEquals("", txOut.get(i).get("PATIENTINSURANCEID"));
                continue;
            }
            assertEquals(txOut.get(i).get("PATIENTID"), txOut.get(i).get("PATIENTINSURANCEID"));
            self++;
        }
        assertEquals(4, self);

        // A reference to a key a rule removes (the member numbers of payer_transitions) is removed too.
        assertFalse(Files.readAllLines(out.resolve("claims.csv")).get(0).contains("MEMBER,"),
                "the member number's reference goes with the member number (a removed column)");
        assertFalse(Files.readAllLines(out.resolve("payer_transitions.csv")).get(0).contains("MEMBERID"));
        String everything = String.join("\n", outputs(out));
        for (Map<String, String> row : read(in.resolve("payer_transitions.csv"))) {
            assertFalse(everything.contains(row.get("MEMBERID")), "a member number in the output");
        }
        for (String patient : PATIENTS) {
            assertFalse(everything.contains(patient), "a patient id in the output");
        }
        for (String payer : PAYERS) {
            assertFalse(everything.contains(payer), "a payer id in the output");
        }
        assertTrue(everything.contains("185349003"), "the codes are kept");
    }

    private static Path export(Path folder) throws Exception {
        Files.createDirectories(folder);
        StringBuilder patients = new StringBuilder("Id,BIRTHDATE,FIRST,LAST,GENDER\n");
        String[][] names = {{"Orla812", "Vantreese331"}, {"Teodor44", "Quillfeather90"}, {"Mirela270", "Ostrander615"},
            {"Casimir93", "Wendelborn27"}};
        for (int p = 0; p < PATIENTS.length; p++) {
            patients.append(PATIENTS[p]).append(",19").append(50 + p * 7).append("-0").append(p + 1).append("-1")
                    .append(p).append(',').append(names[p][0]).append(',').append(names[p][1])
                    .append(p % 2 == 0 ? ",F\n" : ",M\n");
        }
        StringBuilder payers = new StringBuilder("Id,NAME,OWNERSHIP\n")
                .append(PAYERS[0]).append(",Medicare,GOVERNMENT\n").append(PAYERS[1]).append(",NO_INSURANCE,NO_INSURANCE\n");
        StringBuilder transitions = new StringBuilder("PATIENT,MEMBERID,START_DATE,PAYER,PLAN_OWNERSHIP\n");
        StringBuilder claims = new StringBuilder("Id,PATIENTID,PRIMARYPATIENTINSURANCEID,MEMBER,SERVICEDATE,DIAGNOSIS1\n");
        StringBuilder tx = new StringBuilder("ID,CLAIMID,PATIENTID,TYPE,AMOUNT,PATIENTINSURANCEID\n");
        int claim = 0;
        for (int p = 0; p < PATIENTS.length; p++) {
            for (int t = 0; t < 2; t++) {
                transitions.append(PATIENTS[p]).append(',').append(uuid(3, p * 2 + t)).append(",201").append(t)
                        .append("-10-01T12:33:09Z,").append(PAYERS[p % 2 == 0 && t == 0 ? 1 : 0]).append(",Self\n");
            }
            for (int c = 0; c < 2; c++) {
                // The first patient has no insurance: an empty PRIMARYPATIENTINSURANCEID, as Synthea writes it.
                String payer = p == 0 ? "" : PAYERS[(p + c) % 2];
                claims.append(uuid(4, claim)).append(',').append(PATIENTS[p]).append(',').append(payer).append(',')
                        .append(uuid(3, p * 2 + c)).append(",201").append(c).append("-11-2").append(p)
                        .append("T12:33:09Z,185349003\n");
                tx.append(uuid(5, claim)).append(',').append(uuid(4, claim)).append(',').append(PATIENTS[p])
                        .append(",CHARGE,125.00,").append(c == 0 ? PATIENTS[p] : "").append('\n');
                claim++;
            }
        }
        Files.writeString(folder.resolve("patients.csv"), patients, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("payers.csv"), payers, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("payer_transitions.csv"), transitions, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("claims.csv"), claims, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("claims_transactions.csv"), tx, StandardCharsets.UTF_8);
        return folder;
    }

    /** A CSV without quotes, as the fixtures and their outputs are, as rows by header. */
    private static List<Map<String, String>> read(Path file) throws Exception {
        return SampleData.rows(file);
    }

    private static List<String> outputs(Path out) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(f.toString());
                texts.add(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        return texts;
    }
}
