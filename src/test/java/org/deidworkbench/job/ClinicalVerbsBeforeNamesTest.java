package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note that starts with what was done with the patient ("Seen Quenneville today.") keeps the verb: the capitalised
 * word before a known surname was taken for a given name when no word list knew it ("[NAME] [NAME] today.").
 */
class ClinicalVerbsBeforeNamesTest {

    @TempDir
    Path dir;

    @Test
    void aVerbBeforeTheSurnameStaysAndTheSurnameGoes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,last_name\nP1,Quenneville\n", StandardCharsets.UTF_8);
        List<String> verbs = List.of("Seen", "Visited", "Examined", "Evaluated", "Assessed", "Discharged", "Counseled",
                "Instructed", "Contacted", "Interviewed", "Escorted", "Reassured");
        StringBuilder notes = new StringBuilder("note_id,patient_id,note\n");
        for (int i = 0; i < verbs.size(); i++) {
            notes.append(i).append(",P1,").append(verbs.get(i)).append(" Quenneville today.\n");
        }
        Files.writeString(in.resolve("notes.csv"), notes.toString(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        NoteRuns.run(in, out, dir.resolve("k.deidkey"), ProfileLoader.read("csv-template"));
        List<String> lines = Files.readAllLines(out.resolve("notes.csv"), StandardCharsets.UTF_8);
        for (int i = 0; i < verbs.size(); i++) {
            String note = lines.get(i + 1).substring(lines.get(i + 1).lastIndexOf(',') + 1);
            assertEquals(verbs.get(i) + " [NAME] today.", note);
        }
    }
}
