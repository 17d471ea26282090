package org.deidworkbench.gui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.WorkbenchSettings;
import org.deidworkbench.gui.workbench.MainWindowViewModel;
import org.deidworkbench.gui.workbench.WorkbenchWindow;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real workbench window in a TestFX stage: the real engine behind the FX-thread guard, scripted
 * dialogs, settings in memory.
 */
public final class WorkbenchFixture {

    public final FxThreadGuard jobs = new FxThreadGuard();
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final WorkbenchSettings settings = new WorkbenchSettings(WorkbenchSettings.memory());
    public final BackgroundTasks tasks = BackgroundTasks.withWorkers(2, Platform::runLater);
    public MainWindowViewModel viewModel;
    public Stage stage;

    /** Shows the window in {@code stage} (call from a TestFX {@code @Start} method). */
    public void show(Stage stage, double width, double height) {
        this.stage = stage;
        settings.setWindow(new WorkbenchSettings.WindowBounds(0, 0, width, height, false));
        viewModel = WorkbenchWindow.show(stage, jobs, tasks, dialogs, settings, List.of());
    }

    /** Waits until {@code condition} holds (checked on the FX thread) and no background work is pending. */
    public void await(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for the window (run: " + describeRun() + ")", e);
        }
    }

    /** The run's state for a timeout message: phase, progress and whether it is running. */
    private String describeRun() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> viewModel.run().phaseProperty().get() + ", progress "
                    + viewModel.run().progressProperty().get() + ", running " + viewModel.run().runningProperty().get())
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "unknown (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Waits until every submitted background task has delivered its outcome. */
    public void settle() {
        await(() -> tasks.running() == 0);
    }

    /** The repository's sample CSV export. */
    public static Path sampleCsv() {
        return Path.of("sample-data", "csv").toAbsolutePath();
    }
}
