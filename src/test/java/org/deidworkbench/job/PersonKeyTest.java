package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0173: an encounter extract that repeats the patient's name and birth date on every encounter, keyed by a
 * person number no rule knows ({@code EMPI}, {@code UR_NUMBER}, {@code CLIENT_ID}). The session-start build took the
 * encounter number, unique per row, for the patient: 200 "patients" for 40 people, every encounter its own date offset
 * (a person's stays drifted apart, the birth date differed on each row: their mean tells the true one), the person
 * number removed, or, under {@code EMPI}, kept as it was as a code.
 */
class PersonKeyTest {

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final String[] SURNAMES = {"WHITFIELD", "ODUYA", "HARGREAVE", "QUENNEVILLE", "MBEKI", "NAKAMURA",
        "OKAFOR", "LINDQVIST", "PETROVA", "ALVAREZ", "KOWALSKI", "BRENNAN"};

    @TempDir
    Path dir;

    /** 120 encounters of 30 people; each person's birth date and name on every row, the person's number beside. */
    private static String extract(String personHeader) {
        StringBuilder csv = new StringBuilder("ENC_ID," + personHeader + ",PATIENT_NAME,DOB,ADMIT_DATE,DISCH_DATE,DX\n");
        for (int i = 0; i < 120; i++) {
            int p = (i * 7) % 30;
            csv.append(String.format("E%08d,%07d,\"%s, %s\",%02d/%02d/19%02d,%02d/%02d/2023,%02d/%02d/2023,I10%n",
                    9_000_000 + i, 4_400_000 + 13 * p, SURNAMES[p % SURNAMES.length], SURNAMES[(p / 3) % SURNAMES.length],
                    1 + p % 12, 1 + p % 28, 30 + p, 1 + i % 12, 1 + i % 20, 1 + i % 12, 4 + i % 20));
        }
        return csv.toString();
    }

    @Test
    void aPersonNumberNoRuleKnowsIsTheRowsSubject() throws Exception {
        for (String header : List.of("EMPI", "UR_NUMBER", "CLIENT_ID")) {
            Path in = Files.createDirectories(dir.resolve(header).resolve("in"));
            String input = extract(header);
            Files.writeString(in.resolve("encounters.csv"), input, StandardCharsets.UTF_8);
            Path out = dir.resolve(header).resolve("out");
            Path key = dir.resolve(header).resolve("k.deidkey");
            RunResult r = NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
            String written = Files.readString(out.resolve("encounters.csv"), StandardCharsets.UTF_8);
            List<CSVRecord> before = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(input))
                    .getRecords();
            List<CSVRecord> after = CSVFormat.DEFAULT.builder().setHeader().build().parse(new StringReader(written))
                    .getRecords();
            Map<String, Set<String>> pseudonyms = new HashMap<>();
            Map<String, Set<String>> births = new HashMap<>();
            Map<String, Set<Long>> offsets = new HashMap<>();
            for (int i = 0; i < before.size(); i++) {
                String person = before.get(i).get(header);
                assertFalse(written.contains(person), header + ": a person number in the output");
                pseudonyms.computeIfAbsent(person, x -> new HashSet<>()).add(after.get(i).get(header));
                births.computeIfAbsent(person, x -> new HashSet<>()).add(after.get(i).get("DOB"));
                offsets.computeIfAbsent(person, x -> new HashSet<>()).add(ChronoUnit.DAYS.between(
                        LocalDate.parse(before.get(i).get("ADMIT_DATE"), US),
                        LocalDate.parse(after.get(i).get("ADMIT_DATE"), US)));
            }
            assertEquals(30, pseudonyms.size());
            assertEquals(30, r.subjects(), header + ": one subject per person");
            for (String person : pseudonyms.keySet()) {
                assertEquals(1, pseudonyms.get(person).size(), header + ": one pseudonym per person");
                assertEquals(1, births.get(person).size(), header + ": one birth date per person");
                assertEquals(1, offsets.get(person).size(), header + ": one date offset per person");
            }
            assertTrue(NoteRuns.clean(out, key), header + ": the run's output is clean");
        }
    }

    @Test
    void aTableOfPatientsOneRowEachKeepsItsKey() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder csv = new StringBuilder("EMPI,PATIENT_NAME,DOB\n");
        for (int p = 0; p < 30; p++) {
            csv.append(String.format("%07d,\"%s, %s\",%02d/%02d/19%02d%n", 4_400_000 + 13 * p,
                    SURNAMES[p % SURNAMES.length], SURNAMES[(p / 3) % SURNAMES.length], 1 + p % 12, 1 + p % 28, 30 + p));
        }
        Files.writeString(in.resolve("patients.csv"), csv.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunResult r = NoteRuns.run(in, out, dir.resolve("k.deidkey"), ProfileLoader.read("csv-template"));
        assertEquals(30, r.subjects());
        assertFalse(Files.readString(out.resolve("patients.csv")).contains("4400013"), "the key is pseudonymized");
    }
}
