package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileCredential;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.Reidentifier;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export key files re-identify their own output only, and carry no project secret. */
class ExportJobTest {

    private static final char[] PASSPHRASE = "export-test-passphrase".toCharArray();
    private static final char[] EXPORT_PASSPHRASE = "for-the-trustee-only".toCharArray();
    private static final Reidentifier.Request ASK = new Reidentifier.Request("trustee", "Ticket 7: safety signal",
            Instant.EPOCH);

    @TempDir
    static Path shared;

    private static Path out;
    private static Path projectKey;
    private static Path export;
    private static KeyFileContents project;
    private static String patientPseudonym;

    @BeforeAll
    static void runAndExport() throws Exception {
        Path input = SampleData.copyTo(shared);
        projectKey = shared.resolve("study.deidkey");
        KeyFileStore.save(projectKey, KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH), PASSPHRASE,
                List.of());
        out = shared.resolve("out");
        new RunJob(new RunRequest(List.of(input), out, projectKey, false, PASSPHRASE, ProfileLoader.read("csv-template"), 1),
                RunListener.NONE).run();
        project = KeyFileStore.open(projectKey, PASSPHRASE);
        // an entry of another export, absent from this output
        project.addEntries(List.of(new PseudonymEntry("patient", "OTHEREXPORT1", "999999")));
        patientPseudonym = Files.readAllLines(out.resolve("patients.csv"), StandardCharsets.UTF_8).get(1).split(",")[0];
        export = shared.resolve("export.deidkey");
        new ExportJob(project, out, export, EXPORT_PASSPHRASE, List.of()).run();
    }

    @Test
    void theExportHoldsNoSecretAndSaysWhichOutputItIsFor() throws Exception {
        KeyFileContents c = KeyFileStore.open(export, EXPORT_PASSPHRASE);
        assertFalse(c.hasSecret());
        assertEquals("out", c.exportedFor().orElseThrow());
    }

    @Test
    void theExportHoldsExactlyTheEntriesWhosePseudonymsOccurInTheOutput() throws Exception {
        KeyFileContents c = KeyFileStore.open(export, EXPORT_PASSPHRASE);
        assertTrue(c.original("patient", patientPseudonym).isPresent());
        assertTrue(c.original("patient", "OTHEREXPORT1").isEmpty(), "not in this output: not exported");
        assertEquals(project.entryCount() - 1, c.entryCount(), "every pseudonym of the run occurs in its output");
        assertTrue(c.dateOffset(patientPseudonym).isPresent());
        assertTrue(c.runs().isEmpty(), "no run history: its input paths may name patients");
    }

    @Test
    void theExportReIdentifiesItsOutputAndAuditsIt() throws Exception {
        Path copy = Files.copy(export, shared.resolve("export-copy.deidkey"));
        Reidentifier.Result r = Reidentifier.lookup(copy, new KeyFileCredential.Passphrase(EXPORT_PASSPHRASE), ASK, null,
                List.of(patientPseudonym, "OTHEREXPORT1"));
        assertTrue(r.answers().get(0).original().isPresent());
        assertTrue(r.answers().get(1).original().isEmpty());
        assertTrue(org.deidworkbench.keyfile.AuditLog.verify(KeyFileStore.open(copy, EXPORT_PASSPHRASE)).intact());
    }

    @Test
    void theExportCannotReverseFf1Values() {
        org.deidworkbench.keyfile.KeyFileException e = assertThrows(org.deidworkbench.keyfile.KeyFileException.class,
                () -> Reidentifier.decryptFf1(export, new KeyFileCredential.Passphrase(EXPORT_PASSPHRASE), ASK, "ssn",
                        "0123456789", List.of("123456789")));
        assertTrue(e.getMessage().contains("export key file"), e.getMessage());
    }

    @Test
    void aRunWithTheExportIsRefused() throws Exception {
        JobException e = assertThrows(JobException.class, () -> new RunJob(new RunRequest(List.of(SampleData.CSV),
                shared.resolve("out-export"), export, false, EXPORT_PASSPHRASE, ProfileLoader.read("csv-template"), 1),
                RunListener.NONE).run());
        assertTrue(e.getMessage().contains("export key file"), e.getMessage());
        assertFalse(Files.exists(shared.resolve("out-export")));
    }

    @Test
    void anExportInsideItsOutputIsRefused() {
        JobException e = assertThrows(JobException.class,
                () -> new ExportJob(project, out, out.resolve("x.deidkey"), EXPORT_PASSPHRASE, List.of()).run());
        assertEquals(JobException.Reason.KEY_FILE_INSIDE_OUTPUT, e.reason());
    }
}
