package org.deidworkbench.cli;

import static org.deidworkbench.cli.DeidCommandTest.deid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0090 end to end: a small export whose patients are named White and Black among others, with a race column of
 * {@code white}, {@code black}, {@code asian} that the default profile keeps, passes {@code deid run --verify} (the race
 * words equal to a patient's own surname are shared-value coincidences); the surnames kept as a column, or one surname
 * planted alone in a record's race cell, fail it.
 */
class SharedValueCoincidenceRunTest {

    @TempDir
    Path dir;

    private static final String[] SURNAMES = {"White", "Black", "Quillfeather", "Marchetti", "Okonkwo", "Lindqvist"};
    private static final String[] FIRST = {"Avery", "Jordan", "Casey", "Riley", "Morgan", "Taylor"};
    private static final String[] RACES = {"white", "black", "asian"};
    private static final int PATIENTS = 60;

    @Test
    void raceWordsEqualToAPatientsSurnameAreSharedValuesAndAKeptOrPlantedSurnameIsAHit() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder csv = new StringBuilder("mrn,first_name,last_name,date_of_birth,race\n");
        int coincidences = 0;
        List<String> surnames = new ArrayList<>();
        for (int i = 0; i < PATIENTS; i++) {
            String surname = SURNAMES[i % SURNAMES.length];
            String race = RACES[(i / SURNAMES.length) % RACES.length];
            if (race.equalsIgnoreCase(surname)) {
                coincidences++;
            }
            surnames.add(surname);
            csv.append(100200 + i * 7).append(',').append(FIRST[i % FIRST.length]).append(',').append(surname)
                    .append(',').append(String.format("19%02d-%02d-1%d", 40 + i % 50, 1 + i % 9, i % 9)).append(',')
                    .append(race).append('\n');
        }
        assertEquals(7, coincidences);
        Files.writeString(in.resolve("patients.csv"), csv);
        Path out = dir.resolve("out");
        Path key = dir.resolve("out.deidkey");
        DeidCommandTest.Result run = deid("run", in.toString(), "--out", out.toString(), "--verify");
        assertEquals(ExitCode.OK, run.code(), run::all);
        assertTrue(run.out().contains("7 shared-value coincidences"), run::out);
        List<String> lines = Files.readAllLines(out.resolve("patients.csv"));
        assertTrue(lines.get(0).endsWith(",race") && !lines.get(0).contains("last_name"), lines.get(0));
        DeidCommandTest.Result json = deid("verify", "--json", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.OK, json.code(), json::all);
        assertTrue(json.out().contains("\"sharedValueCoincidences\" : 7"), json::out);
        assertTrue(json.out().contains("\"hitCount\" : 0"), json::out);
        for (String surname : SURNAMES) {
            assertFalse(run.all().contains(surname), "no value shown");
        }

        // the surnames kept as a column (a profile that keeps them): every record's own surname is a hit
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0) + ",last_name");
        for (int i = 1; i < lines.size(); i++) {
            kept.add(lines.get(i) + "," + surnames.get(i - 1));
        }
        Files.write(out.resolve("patients.csv"), kept);
        DeidCommandTest.Result names = deid("verify", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.LEAKS_FOUND, names.code(), names::all);
        assertTrue(names.out().contains("POSSIBLE LEAKS: " + PATIENTS + " hits in 1 file"), names::out);
        assertTrue(names.out().contains("7 shared-value coincidences"), names::out);

        // one patient's surname planted alone in their own race cell, where no other patient's record holds it: a hit
        List<String> planted = new ArrayList<>(lines);
        int row = 3; // the third patient, Quillfeather
        planted.set(row, planted.get(row).substring(0, planted.get(row).lastIndexOf(',') + 1) + surnames.get(row - 1));
        Files.write(out.resolve("patients.csv"), planted);
        DeidCommandTest.Result one = deid("verify", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.LEAKS_FOUND, one.code(), one::all);
        assertTrue(one.out().contains("POSSIBLE LEAKS: 1 hit in 1 file"), one::out);
        assertTrue(one.out().contains("record " + row + ", column race"), one::out);
        assertTrue(one.out().contains("7 shared-value coincidences"), one::out);
    }
}
