package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0174: the key file keeps a DICOM patient's name as one value ({@code Quillfeather^Avery}), replaced by its
 * pseudonym; the run scrubs the surname and the given name alone from every text ({@code CT chest for Avery
 * Quillfeather} → {@code CT chest for [NAME] [NAME]}), and so does the verifier look for them alone. Before, a note
 * written after the run naming {@code Mrs Quillfeather} was clean to it.
 */
class VerifierNameWordsTest {

    @TempDir
    Path dir;

    @Test
    void aDicomPatientsSurnameAloneIsAHit() throws Exception {
        List<String> hits = NoteRuns.hitsAfterWriting(Path.of("sample-data", "dicom").toAbsolutePath(), dir,
                ProfileLoader.read("dicom-basic"), "notes.csv", "id,note\r\n1,Called Mrs Quillfeather about the scan\r\n"
                + "2,Avery called back\r\n3,No change since last study\r\n");
        assertTrue(hits.contains("notes.csv record 1, column note"), hits.toString());
        assertEquals(List.of(), hits.stream().filter(h -> !h.startsWith("notes.csv")).toList(),
                "the run's own output is clean");
        assertEquals(List.of(), hits.stream().filter(h -> h.startsWith("notes.csv record 3")).toList());
    }
}
