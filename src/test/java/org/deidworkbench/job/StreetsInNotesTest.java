package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0169: a note names the street of a patient's address without its house number. The run removes it, and the
 * verifier, with the run's key file, finds it in an output that still has it — also in a later run's verification,
 * from the key file alone.
 */
class StreetsInNotesTest {

    @TempDir
    Path dir;

    @Test
    void aStreetWithoutItsNumberLeavesTheNotesAndTheVerifierFindsIt() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,last_name,address,city,birth_date\n"
                + "P001,Wetherall,41 Foxglove Terrace,Kalamazoo,1953-08-21\n"
                + "P002,Okonkwo,Hauptstraße 12a,Bielefeld,1961-02-03\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("notes.csv"), "note_id,patient_id,note_text\n"
                + "1,P001,She lives on Foxglove Terrace with a terrace garden.\n"
                + "2,P002,Wohnt seit 1990 in der Hauptstraße.\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        Path key = dir.resolve("k.deidkey");
        NoteRuns.run(in, out, key, ProfileLoader.read("csv-template"));
        String notes = Files.readString(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        assertFalse(notes.contains("Foxglove") || notes.contains("Hauptstraße"), notes);
        assertTrue(notes.contains("with a terrace garden.") && notes.contains("Wohnt seit"), notes);
        assertTrue(NoteRuns.clean(out, key), "the run's output is clean");
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.copy(in.resolve("notes.csv"), planted.resolve("notes.csv"));
        List<String> located = NoteRuns.hits(planted, key);
        assertEquals(2, located.stream().filter(l -> l.contains("note_text")).count(), () -> "found at " + located);
    }
}
