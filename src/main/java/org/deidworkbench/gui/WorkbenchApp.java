package org.deidworkbench.gui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.DefaultJobService;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.WorkbenchSettings;
import org.deidworkbench.gui.dialogs.FxDialogService;
import org.deidworkbench.gui.workbench.WorkbenchWindow;

/** The JavaFX application: the real engine, the real dialogs, settings in the user's preferences. */
public final class WorkbenchApp extends Application {

    /** Worker threads for previews, validation and runs (a run has its own pool besides). */
    static final int WORKERS = 2;

    private BackgroundTasks tasks;

    @Override
    public void start(Stage stage) {
        WorkbenchSettings settings = new WorkbenchSettings(WorkbenchSettings.preferences());
        tasks = BackgroundTasks.withWorkers(WORKERS, Platform::runLater);
        FxDialogService dialogs = new FxDialogService(() -> stage, () -> Messages.of(settings.language()),
                settings::theme);
        List<Path> paths = getParameters().getRaw().stream().map(Path::of).toList();
        DefaultJobService jobs = new DefaultJobService();
        if (paths.isEmpty()) {
            // While the steward picks a folder, load the preview code so the first preview is quick.
            tasks.submit(task -> {
                jobs.warmUp();
                return null;
            }, done -> { }, e -> { });
        }
        WorkbenchWindow.show(stage, jobs, tasks, dialogs, settings, paths);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
