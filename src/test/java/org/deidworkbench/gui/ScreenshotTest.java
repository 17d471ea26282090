package org.deidworkbench.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.deidworkbench.gui.theme.Theme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the README's screenshots of the real window (sample data open, a CSV file previewed) in
 * the light and the dark theme into {@code target/screenshots}; with {@code -Dscreenshots.update=true}
 * also into {@code src/site/resources/screenshots}, from where README shows them.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTest {

    private final WorkbenchFixture workbench = new WorkbenchFixture();

    @Start
    void start(Stage stage) {
        workbench.show(stage, 1360, 820);
    }

    @Test
    void rendersTheMainWindowWithAPreviewInBothThemes() throws Exception {
        workbench.viewModel.open(List.of(WorkbenchFixture.sampleCsv()));
        workbench.await(() -> workbench.viewModel.preview().previewProperty().get() != null);
        workbench.await(() -> {
            workbench.viewModel.inputs().select(WorkbenchFixture.sampleCsv().resolve("encounters.csv"));
            return true;
        });
        workbench.await(() -> workbench.viewModel.preview().previewProperty().get() != null
                && !workbench.viewModel.preview().busyProperty().get()
                && String.valueOf(workbench.viewModel.preview().fileProperty().get()).endsWith("encounters.csv"));
        workbench.settle();
        for (Theme theme : Theme.values()) {
            // Light shows what changes (Differences), dark what leaves the hospital (De-identified).
            int tab = theme == Theme.LIGHT ? 2 : 1;
            workbench.await(() -> {
                workbench.viewModel.themeProperty().set(theme);
                ((TabPane) workbench.stage.getScene().lookup("#previewTabs")).getSelectionModel().select(tab);
                return true;
            });
            WaitForAsyncUtils.waitForFxEvents();
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> Snapshots.take(workbench.stage.getScene())).get();
            String name = "main-window-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png";
            Path target = Path.of("target", "screenshots", name);
            Snapshots.write(image, target);
            assertTrue(Files.size(target) > 10_000, name + " is not blank");
            if (Boolean.getBoolean("screenshots.update")) {
                Snapshots.write(image, Path.of("src", "site", "resources", "screenshots", name));
            }
        }
    }
}
