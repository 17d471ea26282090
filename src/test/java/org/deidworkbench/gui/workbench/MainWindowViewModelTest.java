package org.deidworkbench.gui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.deidworkbench.gui.ScriptedDialogs;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.gui.common.WorkbenchSettings;
import org.deidworkbench.gui.inputs.FileStatus;
import org.deidworkbench.gui.run.RunSettings;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.RunReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The window's actions without a stage: opening, running, key files, theme. */
class MainWindowViewModelTest {

    private static final Path SAMPLE = Path.of("sample-data", "csv").toAbsolutePath();

    @TempDir
    Path dir;

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final WorkbenchSettings settings = new WorkbenchSettings(WorkbenchSettings.memory());
    private MainWindowViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new MainWindowViewModel(jobs, QueuedExecutor.tasks(queue), dialogs, settings);
        vm.start(List.of());
        queue.runAll();
    }

    private void openSample() {
        dialogs.folders.add(SAMPLE);
        vm.openFolder();
        queue.runAll();
    }

    @Test
    void openedFolderIsRememberedAsRecent() {
        openSample();
        assertEquals(List.of(SAMPLE), vm.recent());
        assertEquals(List.of(SAMPLE), settings.recent());
    }

    @Test
    void openingSelectsTheFirstCleanableFileAndPreviewsIt() {
        openSample();
        assertTrue(vm.inputs().selectedFileProperty().get().toString().endsWith("_referral.csv"));
        assertTrue(jobs.calls.contains("preview"));
    }

    @Test
    void runWithoutInputsExplainsInsteadOfAsking() {
        vm.startRun();
        assertEquals("error.run.noInputs", dialogs.errors.get(0).message().key());
    }

    @Test
    void runIntoAMissingKeyFileStartsNothingUnlessANewStudyIsConfirmed() {
        openSample();
        dialogs.runSettings.add(new RunSettings(dir.resolve("out"), dir.resolve("new.deidkey"), 1));
        dialogs.confirmations.add(false);
        vm.startRun();
        queue.runAll();
        assertFalse(jobs.calls.contains("run"));
        assertTrue(dialogs.handedOut.isEmpty(), "no passphrase was asked for");
    }

    @Test
    void confirmedNewStudyRunsWithANewPassphraseAndWipesIt() {
        openSample();
        jobs.runResult = new RunResult(RunReport.of("t", new RunReport.ProfileInfo("p", "s", "k"), List.of(
                new FileReport("x.csv", 1, "CSV", FileReport.Status.FAILED, 0, "", new TreeMap<>(), List.of(),
                        List.of(new Problem("CSV-RAGGED-ROW", "x.csv", "line 3", "ragged")), 0)), 0, 0,
                new RunReport.RunInfo("", "", 0, 1, 0)), dir.resolve("out/deid-report.json"), dir.resolve("out/m"),
                dir.resolve("new.deidkey"), true, List.of(SAMPLE.resolve("encounters.csv")));
        dialogs.runSettings.add(new RunSettings(dir.resolve("out"), dir.resolve("new.deidkey"), 1));
        dialogs.confirmations.add(true);
        dialogs.passphrases.add("a new study passphrase");
        vm.startRun();
        queue.runAll();
        assertTrue(jobs.calls.contains("run"));
        assertEquals(new String(new char[22]), new String(dialogs.handedOut.get(0)));
        assertEquals(FileStatus.ERROR, vm.inputs().find(SAMPLE.resolve("encounters.csv")).orElseThrow().status());
    }

    @Test
    void themeChoiceIsRemembered() {
        vm.toggleTheme();
        assertEquals(Theme.DARK, settings.theme());
    }

    @Test
    void newKeyFileNeverReplacesAnExistingOne() throws Exception {
        Path existing = java.nio.file.Files.writeString(dir.resolve("k.deidkey"), "x");
        dialogs.fileChoices.add(existing);
        vm.newKeyFile();
        assertEquals("error.keyfile.alreadyExists", dialogs.errors.get(0).message().key());
        assertFalse(jobs.calls.contains("createKeyFile"));
    }

    @Test
    void logNeverHoldsAFieldValue() {
        openSample();
        for (LogEntry e : vm.log()) {
            for (Object arg : e.text().args()) {
                assertFalse(String.valueOf(arg).contains("Desmond"), e.toString());
            }
        }
    }
}
