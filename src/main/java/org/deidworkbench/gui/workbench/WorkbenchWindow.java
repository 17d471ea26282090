package org.deidworkbench.gui.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.gui.common.WorkbenchSettings;
import org.deidworkbench.gui.dialogs.DialogService;

/**
 * Puts the workbench into a stage: builds the views on the view model, applies the theme, restores
 * and remembers the window's size and place, and rebuilds the views when the language changes (the
 * view models, and so everything open, stay).
 */
public final class WorkbenchWindow {

    private final Stage stage;
    private final MainWindowViewModel viewModel;
    private ViewScope scope = new ViewScope();

    private WorkbenchWindow(Stage stage, MainWindowViewModel viewModel) {
        this.stage = stage;
        this.viewModel = viewModel;
    }

    /**
     * Shows the workbench in {@code stage} and opens {@code paths}.
     *
     * @return the window's view model (tests drive it)
     */
    public static MainWindowViewModel show(Stage stage, JobService jobs, BackgroundTasks tasks, DialogService dialogs,
            WorkbenchSettings settings, List<Path> paths) {
        MainWindowViewModel vm = new MainWindowViewModel(jobs, tasks, dialogs, settings);
        WorkbenchWindow window = new WorkbenchWindow(stage, vm);
        Scene scene = new Scene(window.build(vm.languageProperty().get()));
        vm.themeProperty().get().applyTo(scene);
        vm.themeProperty().addListener((o, was, now) -> now.applyTo(scene));
        vm.languageProperty().addListener((o, was, now) -> window.rebuild(now));
        stage.setScene(scene);
        window.restoreBounds(settings);
        stage.setOnHiding(e -> window.saveBounds(settings));
        stage.show();
        vm.start(paths);
        return vm;
    }

    private Parent build(Locale language) {
        Messages messages = Messages.of(language);
        stage.setTitle(messages.get("app.title"));
        return new MainWindowView(viewModel, messages, scope).load();
    }

    private void rebuild(Locale language) {
        scope.dispose();
        scope = new ViewScope();
        Scene scene = stage.getScene();
        scene.setRoot(build(language));
        viewModel.themeProperty().get().applyTo(scene);
    }

    private void restoreBounds(WorkbenchSettings settings) {
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        WorkbenchSettings.WindowBounds b = settings.window().orElse(null);
        if (b == null) {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(1440, screen.getWidth()));
            stage.setHeight(Math.min(900, screen.getHeight()));
            return;
        }
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        // Only where a screen still shows it (a monitor may have gone since).
        if (!Screen.getScreensForRectangle(b.x(), b.y(), Math.min(b.width(), 100), Math.min(b.height(), 100)).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
        }
        stage.setMaximized(b.maximized());
    }

    private void saveBounds(WorkbenchSettings settings) {
        settings.setWindow(new WorkbenchSettings.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()));
    }
}
