package org.deidworkbench.cli;

import static org.deidworkbench.cli.DeidCommandTest.deid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.job.VerifyJob;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deid verify} and {@code deid run --verify}: exit codes, and values only with --reveal. */
class VerifyCommandTest {

    @TempDir
    static Path shared;

    private static Path out;
    private static Path key;
    private static DeidCommandTest.Result run;

    @BeforeAll
    static void runWithVerifyOnce() {
        out = shared.resolve("out");
        key = shared.resolve("out.deidkey");
        run = deid("run", "sample-data/csv", "--out", out.toString(), "--verify");
    }

    @Test
    void runVerifyOnCleanOutputSucceeds() {
        assertEquals(ExitCode.OK, run.code(), run::all);
        assertTrue(run.out().contains("No original value and no PHI pattern found."), run::out);
        assertFalse(Files.exists(out.resolve(VerifyJob.REPORT)));
    }

    @Test
    void verifyOfCleanOutputIsExitCode0() {
        DeidCommandTest.Result r = deid("verify", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.OK, r.code(), r::all);
    }

    @Test
    void benchVerifyMeasuresARunsOutputAgainstItsKeyFile() {
        DeidCommandTest.Result r = deid("bench", "verify", "--input", out.toString(), "--keyfile", key.toString(),
                "--rounds", "1", "--threads", "1");
        assertEquals(ExitCode.OK, r.code(), r::all);
        assertTrue(r.out().contains("original values looked for (from the key file)"), r::out);
        assertTrue(r.out().contains("(0 hits)"), r::out);
        assertTrue(r.out().contains("of which the dictionary:"), r::out);
        assertTrue(r.out().contains("by CPU time"), r::out);
        assertTrue(r.out().contains("1-minute load average"), r::out); // every bench says how busy the machine was
        DeidCommandTest.Result cold = deid("bench", "verify", "--input", out.toString(), "--keyfile", key.toString(),
                "--rounds", "1", "--threads", "1", "--cold");
        assertEquals(ExitCode.OK, cold.code(), cold::all);
        assertTrue(cold.out().contains("cold: pages dropped before each round"), cold::out);
        assertTrue(r.out().contains("warm: page-cached"), r::out);
        DeidCommandTest.Result without = deid("bench", "verify", "--keyfile", key.toString());
        assertEquals(ExitCode.USAGE, without.code(), without::all);
        assertTrue(without.err().contains("--keyfile needs --input"), without::err);
    }

    @Test
    void aBenchOnAMissingInputFolderIsAUsageErrorNamingIt() {
        for (String bench : java.util.List.of("csv", "dicom")) {
            DeidCommandTest.Result r = deid("bench", bench, "--input", shared.resolve("no-such-folder").toString());
            assertEquals(ExitCode.USAGE, r.code(), r::all);
            assertTrue(r.err().contains("no-such-folder is not a folder (it does not exist)"), r::err);
        }
    }

    @Test
    void aPlantedLeakIsExitCode10AndItsValueIsNotPrinted() throws Exception {
        Path leaky = shared.resolve("leaky");
        Files.createDirectories(leaky);
        Files.writeString(leaky.resolve("note.txt"), "MRN 100200 seen again\n");
        DeidCommandTest.Result r = deid("verify", "--keyfile", key.toString(), leaky.toString());
        assertEquals(ExitCode.LEAKS_FOUND, r.code(), r::all);
        assertTrue(r.out().contains("note.txt"), r::out);
        assertTrue(r.out().contains("line 1: original (key file domain 'patient')"), r::out);
        assertFalse(r.all().contains("100200"), "the value is not printed");
        DeidCommandTest.Result revealed = deid("verify", "--keyfile", key.toString(), leaky.toString(), "--reveal");
        assertTrue(revealed.out().contains("100200"), revealed::out);
    }

    @Test
    void runVerifyWithALeakyProfileFailsTheRunAndWritesTheReportWithoutValues() throws Exception {
        Path profile = Files.writeString(shared.resolve("leaky.yaml"), String.join("\n",
                "deid-profile: 1",
                "name: leaky",
                "subject:",
                "  columns: [mrn, patient_mrn]",
                "  domain: patient",
                "rules:",
                "  - id: mrn",
                "    column-pattern: '(?:patient_)?mrn'",
                "    action: pseudonymize",
                "    domain: patient",
                "default:",
                "  action: keep",
                ""));
        Path leakyOut = shared.resolve("out-leaky");
        DeidCommandTest.Result r = deid("run", "sample-data/csv", "--out", leakyOut.toString(), "--profile",
                profile.toString(), "--verify");
        assertEquals(ExitCode.LEAKS_FOUND, r.code(), r::all);
        assertTrue(r.err().contains("the run fails"), r::err);
        String report = Files.readString(leakyOut.resolve(VerifyJob.REPORT));
        assertTrue(report.contains("\"status\" : \"leaks-found\""), report);
        assertFalse(report.contains("\"value\""), report);
        assertTrue(Files.exists(leakyOut.resolve("encounters.csv")), "the outputs stay, complete");
    }
}
