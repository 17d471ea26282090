package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0200: a patient portal's export keys its users by a UUID ({@code user_uuid}, none of the profile's subject
 * columns) and keeps the MRN beside it in the users' table; the events table refers to the UUID only. The users'
 * rows were tied to the MRN and the events' rows to the UUID, so one person had two date offsets: every interval
 * between a sign-up and a login was wrong, and the two shifted copies of a date told the difference of the offsets.
 * A row giving both now links them, so every table of the person, and the person's FHIR Patient under the MRN, moves
 * by one offset. Synthetic data.
 */
class SurrogatePatientKeyTest {

    private static final String[] FIRST = {"Rosalind", "Xandrelle", "Ngozi", "Tobiah", "Marisol", "Eberhard"};
    private static final String[] LAST = {"Featherstonehaugh", "Quimbleworth", "Okafor-Lindqvist", "Pennywhistle",
        "Castellanos-Brightwater", "Ottersby"};

    @Test
    void aPersonKeyedByAUuidAndAnMrnHasOneOffsetInEveryTableAndFormat(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("portal");
        Files.createDirectories(in);
        StringBuilder users = new StringBuilder("user_uuid,mrn,first_name,last_name,dob,created_at\n");
        StringBuilder events = new StringBuilder("event_id,user_uuid,event_type,event_ts\n");
        int patients = 12;
        for (int p = 0; p < patients; p++) {
            users.append(uuid(p)).append(",E44719").append(10 + p).append(',').append(FIRST[p % 6]).append(',')
                    .append(LAST[p % 6]).append(",19").append(40 + p * 3).append("-0").append(1 + p % 9).append("-2")
                    .append(p % 8).append(",2021-0").append(1 + p % 9).append("-1").append(p % 10)
                    .append("T09:00:00Z\n");
        }
        for (int e = 0; e < 40; e++) {
            int p = (e * 7) % patients;
            events.append(5000 + e).append(',').append(uuid(p)).append(',').append(e % 2 == 0 ? "LOGIN" : "VIEW_CHART")
                    .append(",2023-0").append(1 + e % 9).append("-2").append(e % 8).append("T08:00:00Z\n");
        }
        Files.writeString(in.resolve("portal_users.csv"), users, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("portal_events.csv"), events, StandardCharsets.UTF_8);
        // the first patient's FHIR record, under the MRN
        Files.writeString(in.resolve("patient-0.json"), "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"fullUrl\":\"urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e\",\"resource\":{\"resourceType\":\"Patient\","
                + "\"identifier\":[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\","
                + "\"code\":\"MR\"}]},\"value\":\"E4471910\"}]}},"
                + "{\"resource\":{\"resourceType\":\"Encounter\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                + "\"subject\":{\"reference\":\"urn:uuid:0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e\"},"
                + "\"period\":{\"start\":\"2023-01-20\"}}}]}", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "surrogate-key-test".toCharArray());

        Map<String, Long> shiftByUuid = new HashMap<>();
        List<CSVRecord> usersIn = SampleData.records(in.resolve("portal_users.csv"));
        List<CSVRecord> usersOut = SampleData.records(out.resolve("portal_users.csv"));
        Map<String, String> pseudonymOfUuid = new HashMap<>();
        for (int i = 0; i < usersIn.size(); i++) {
            shiftByUuid.put(usersIn.get(i).get("user_uuid"), SampleData.daysBetween(
                    usersIn.get(i).get("created_at").substring(0, 10), usersOut.get(i).get("created_at").substring(0, 10)));
            pseudonymOfUuid.put(usersIn.get(i).get("user_uuid"), usersOut.get(i).get("user_uuid"));
        }
        List<CSVRecord> eventsIn = SampleData.records(in.resolve("portal_events.csv"));
        List<CSVRecord> eventsOut = SampleData.records(out.resolve("portal_events.csv"));
        for (int i = 0; i < eventsIn.size(); i++) {
            String uuid = eventsIn.get(i).get("user_uuid");
            assertEquals(pseudonymOfUuid.get(uuid), eventsOut.get(i).get("user_uuid"), "the tables still join");
            assertEquals(shiftByUuid.get(uuid), SampleData.daysBetween(eventsIn.get(i).get("event_ts").substring(0, 10),
                    eventsOut.get(i).get("event_ts").substring(0, 10)), "event " + i + ": the user's offset");
        }
        assertNotEquals(1, new java.util.HashSet<>(shiftByUuid.values()).size(), "patients keep offsets of their own");

        JsonNode bundle = new ObjectMapper().readTree(out.resolve("patient-0.json").toFile());
        String start = bundle.get("entry").get(1).get("resource").get("period").get("start").asText();
        assertEquals(shiftByUuid.get(uuid(0)), SampleData.daysBetween("2023-01-20", start),
                "the FHIR record of the MRN moves with the tables");
        String written = Files.readString(out.resolve("portal_users.csv")) + Files.readString(out.resolve("portal_events.csv"));
        for (int p = 0; p < patients; p++) {
            assertFalse(written.contains(uuid(p)));
        }
    }

    private static String uuid(int p) {
        return String.format("%08x-8a9b-4c1d-9e2f-%012x", 0x6f1c2d3e + p * 7919, 0x0a1b2c3d4e5fL + p);
    }
}
