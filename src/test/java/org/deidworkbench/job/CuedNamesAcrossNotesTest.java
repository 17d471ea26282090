package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A care manager names a relative once with a cue ("Daughter Renata can be reached …") and then by the name alone
 * ("Renata asks for a callback"), in the same patient's next note (decision 0103). The scan notes a cued name as an
 * identifier of the row's patient, so the later note loses it too. The test's data are synthetic; messages name
 * tables, never values.
 */
class CuedNamesAcrossNotesTest {

    private static final char[] PASSPHRASE = "cued-names-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aNameACueAnnouncedIsGoneFromThePatientsOtherNotes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("notes.csv"), """
                note_id,patient_id,note_text
                N1,P100,Daughter Renata can be reached in the evening. Weight stable.
                N2,P100,Renata asks for a callback about the scales.
                N3,P200,Spoke with Mr. Okafor. Asks about the scales.
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<String> notes = Files.readAllLines(out.resolve("notes.csv"));
        assertFalse(String.join("\n", notes).contains("Renata"), "notes.csv kept a relative's name a cue announced");
        assertTrue(notes.get(2).contains("[NAME] asks for a callback about the scales."), "notes.csv: the note lost more");
        assertTrue(notes.get(3).contains("Asks about the scales."), "notes.csv: another patient's note lost a word");
    }
}
