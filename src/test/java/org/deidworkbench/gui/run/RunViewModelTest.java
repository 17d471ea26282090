package org.deidworkbench.gui.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.RunReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A run from the window: progress, summary, cancel, and the passphrase wiped however it ends. */
class RunViewModelTest {

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private RunViewModel vm;
    private LoadedProfile profile;
    private final List<String> heard = new ArrayList<>();

    static FileReport report(String output, FileReport.Status status) {
        List<Problem> problems = status == FileReport.Status.WRITTEN ? List.of()
                : List.of(new Problem("FORMAT-NOT-YET-SUPPORTED", output, "", "withheld"));
        return new FileReport(output, 1, "CSV", status, 3, "", new TreeMap<>(), List.of(), problems, 0);
    }

    static RunResult result(FileReport... files) {
        RunReport report = RunReport.of("t", new RunReport.ProfileInfo("p", "s", "keep"), List.of(files), 0, 1,
                new RunReport.RunInfo("", "", 0, 1, 0));
        List<Path> sources = new ArrayList<>();
        for (FileReport f : files) {
            sources.add(Path.of("/in", f.output()));
        }
        return new RunResult(report, Path.of("/out/deid-report.json"), Path.of("/out/m"), Path.of("/out.deidkey"), false,
                sources);
    }

    @BeforeEach
    void setUp() throws Exception {
        profile = ProfileLoader.read("csv-template");
        vm = new RunViewModel(jobs, QueuedExecutor.tasks(queue));
        vm.setListener((r, f, c) -> heard.add(r != null ? "done" : c ? "cancelled" : "failed"));
    }

    private void start(char[] passphrase) {
        vm.start(List.of(Path.of("/in")), Path.of("/out"), Path.of("/out.deidkey"), false, passphrase, profile, 1);
    }

    @Test
    void passphraseIsWipedAfterASuccessfulRun() {
        jobs.runResult = result(report("a.csv", FileReport.Status.WRITTEN));
        char[] p = "secret passphrase".toCharArray();
        start(p);
        queue.runAll();
        assertArrayEquals(new char[p.length], p);
    }

    @Test
    void passphraseIsWipedAfterAFailedRun() {
        jobs.runFailure = new JobException(JobException.Reason.KEY_FILE, "wrong", null);
        char[] p = "secret passphrase".toCharArray();
        start(p);
        queue.runAll();
        assertArrayEquals(new char[p.length], p);
        assertEquals(List.of("failed"), heard);
    }

    @Test
    void summaryListsWithheldFilesFirstWithTheirInputFile() {
        jobs.runResult = result(report("a.csv", FileReport.Status.WRITTEN), report("b.dcm", FileReport.Status.QUARANTINED));
        start("secret passphrase".toCharArray());
        queue.runAll();
        assertEquals(List.of("b.dcm", "a.csv"), vm.summary().stream().map(e -> e.report().output()).toList());
        assertEquals(Path.of("/in/b.dcm"), vm.summary().get(0).source());
        assertEquals("FORMAT-NOT-YET-SUPPORTED: withheld", vm.summary().get(0).reason());
    }

    @Test
    void runningUntilTheOutcomeIsDelivered() {
        jobs.runResult = result(report("a.csv", FileReport.Status.WRITTEN));
        start("secret passphrase".toCharArray());
        assertTrue(vm.runningProperty().get());
        queue.runAll();
        assertFalse(vm.runningProperty().get());
        assertEquals(List.of("done"), heard);
    }

    @Test
    void cancelledRunIsReportedAsCancelled() {
        jobs.runFailure = new JobException(JobException.Reason.CANCELLED, "cancelled", null);
        start("secret passphrase".toCharArray());
        vm.cancel();
        queue.runAll();
        assertEquals(List.of("cancelled"), heard);
        assertEquals("run.phase.cancelled", vm.phaseProperty().get().key());
    }

    @Test
    void progressFromTheWorkersReachesTheBar() {
        jobs.runResult = result(report("a.csv", FileReport.Status.WRITTEN));
        jobs.duringRun = l -> {
            l.phase("transform", 2, 100);
            l.fileDone(50);
        };
        start("secret passphrase".toCharArray());
        queue.runNext();
        queue.runNext();
        assertEquals(0.45, vm.progressProperty().get(), 1e-9);
        assertEquals("run.phase.transform", vm.phaseProperty().get().key());
    }

    @Test
    void secondRunWhileOneIsGoingIsRefusedAndItsPassphraseWiped() {
        jobs.runResult = result(report("a.csv", FileReport.Status.WRITTEN));
        start("secret passphrase".toCharArray());
        char[] second = "another passphrase".toCharArray();
        assertThrows(IllegalStateException.class, () -> start(second));
        assertArrayEquals(new char[second.length], second);
    }
}
