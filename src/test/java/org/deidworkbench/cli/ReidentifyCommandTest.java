package org.deidworkbench.cli;

import static org.deidworkbench.cli.DeidCommandTest.deid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deid reidentify} and {@code deid keyfile inspect --verify-audit} on a real run's key file. */
class ReidentifyCommandTest {

    private static final String REASON = "Ticket 4711: adverse event follow-up";

    @TempDir
    static Path shared;

    private static Path runKey;
    /** The pseudonym of MRN 100200, the first patient of sample-data/csv/patients.csv. */
    private static String pseudonym;

    @BeforeAll
    static void runSampleOnce() throws Exception {
        runKey = shared.resolve("out.deidkey");
        DeidCommandTest.Result r = deid("run", "sample-data/csv", "--out", shared.resolve("out").toString());
        assertEquals(ExitCode.OK, r.code(), r::all);
        List<String> lines = Files.readAllLines(shared.resolve("out").resolve("patients.csv"), StandardCharsets.UTF_8);
        pseudonym = lines.get(1).split(",")[0];
    }

    private static Path copyOfKey(String name) throws Exception {
        return Files.copy(runKey, shared.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void printsTheOriginalOfAPseudonym() throws Exception {
        Path key = copyOfKey("lookup.deidkey");
        DeidCommandTest.Result r = deid("reidentify", "--keyfile", key.toString(), "--reason", REASON, pseudonym);
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().startsWith(pseudonym + "\t"), r::out);
        assertTrue(r.out().strip().endsWith("\t100200"), r::out);
        assertTrue(r.err().contains("audit entry #1"), r::err);
    }

    @Test
    void withoutAReasonNothingIsPrintedAndTheFileIsUnchanged() throws Exception {
        Path key = copyOfKey("noreason.deidkey");
        byte[] before = Files.readAllBytes(key);
        DeidCommandTest.Result r = deid("reidentify", "--keyfile", key.toString(), pseudonym);
        assertEquals(ExitCode.USAGE, r.code(), r::all);
        assertFalse(r.all().contains("100200"));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(key)));
    }

    @Test
    void aBlankReasonIsRefused() throws Exception {
        Path key = copyOfKey("blank.deidkey");
        DeidCommandTest.Result r = deid("reidentify", "--keyfile", key.toString(), "--reason", "   ", pseudonym);
        assertEquals(ExitCode.USAGE, r.code(), r::all);
        assertFalse(r.all().contains("100200"));
    }

    @Test
    void anUnknownPseudonymIsNotFoundWithExitCode3() throws Exception {
        Path key = copyOfKey("unknown.deidkey");
        DeidCommandTest.Result r = deid("reidentify", "--keyfile", key.toString(), "--reason", REASON, "ZZZZZZZZZZZZ");
        assertEquals(ExitCode.PARTIAL, r.code(), r::all);
        assertTrue(r.out().contains("ZZZZZZZZZZZZ\t-\tNOT FOUND"), r::out);
    }

    @Test
    void valuesComeFromAColumnOfAnInputCsv() throws Exception {
        Path key = copyOfKey("input.deidkey");
        Path csv = Files.writeString(shared.resolve("ask.csv"), "row;pseudonym\n1;" + pseudonym + "\n");
        DeidCommandTest.Result r = deid("reidentify", "--keyfile", key.toString(), "--reason", REASON, "--input",
                csv.toString(), "--column", "pseudonym");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("\t100200"), r::out);
    }

    @Test
    void verifyAuditListsTheLookupsAndSaysTheLogIsIntact() throws Exception {
        Path key = copyOfKey("verify.deidkey");
        deid("reidentify", "--keyfile", key.toString(), "--reason", REASON, pseudonym);
        deid("reidentify", "--keyfile", key.toString(), "--reason", "Ticket 4712: consent withdrawal", pseudonym);
        DeidCommandTest.Result r = deid("keyfile", "inspect", key.toString(), "--verify-audit");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("#2"), r::out);
        assertTrue(r.out().contains("Ticket 4712"), r::out);
        assertTrue(r.out().contains("Audit log intact"), r::out);
        assertFalse(r.out().contains("100200"), "inspect never prints an original");
    }
}
