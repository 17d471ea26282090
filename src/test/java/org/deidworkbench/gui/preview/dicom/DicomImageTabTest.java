package org.deidworkbench.gui.preview.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.control.TabPane;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.deidworkbench.gui.WorkbenchFixture;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomSection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Image tab in the real window with the real engine: the sample CT is shown, a box drawn with
 * the mouse becomes a redaction rule of the profile, and the de-identified image, made again by
 * the real transform, has the box filled.
 */
@ExtendWith(ApplicationExtension.class)
class DicomImageTabTest {

    private static final Path SAMPLE_DICOM = Path.of("sample-data", "dicom").toAbsolutePath();
    private static final Path CT = SAMPLE_DICOM.resolve(Path.of("100200", "ct_20220117", "IM0001.dcm"));

    private final WorkbenchFixture workbench = new WorkbenchFixture();

    @Start
    void start(Stage stage) {
        workbench.show(stage, 1280, 800);
    }

    @AfterEach
    void closeTasks() {
        workbench.tasks.close();
    }

    private void showSampleCt(FxRobot robot) {
        workbench.dialogs.folders.add(SAMPLE_DICOM);
        robot.clickOn("#openFolderButton");
        workbench.await(() -> workbench.viewModel.inputs().files().size() == 10);
        robot.interact(() -> workbench.viewModel.inputs().select(CT));
        workbench.await(() -> workbench.viewModel.image().originalProperty().get() != null
                && !workbench.viewModel.image().busyProperty().get()
                && robot.lookup("#imageTab").tryQuery().isPresent());
        robot.interact(() -> {
            TabPane tabs = robot.lookup("#previewTabs").queryAs(TabPane.class);
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        });
        workbench.await(() -> robot.lookup("#originalImage").queryAs(ImagePane.class).getWidth() > 100);
    }

    /** Where image pixel ({@code x}, {@code y}) is on the screen. */
    private static Point2D onScreen(FxRobot robot, double x, double y) {
        ImagePane pane = robot.lookup("#originalImage").queryAs(ImagePane.class);
        Point2D local = pane.toPane(x, y);
        return pane.localToScreen(local);
    }

    private List<DicomRedaction> redactions() {
        return workbench.viewModel.rules().profileProperty().get().profile()
                .section(DicomSection.KEY, DicomSection.class).orElseThrow().redactions();
    }

    @Test
    void theSampleCtIsShownWindowedToItsValues(FxRobot robot) {
        showSampleCt(robot);
        assertEquals(64, workbench.viewModel.image().headerProperty().get().columns());
        // The file's window (400/1500) shows none of its gradient (-974..-344 HU): the values' range is used.
        assertEquals((50 - 1024 + 680 - 1024) / 2.0, workbench.viewModel.image().windowCenterProperty().get());
        assertEquals(List.of(), workbench.jobs.callsOnFxThread);
    }

    @Test
    void aBoxDrawnWithTheMouseBecomesARedactionRuleAndIsFilledInTheOutput(FxRobot robot) {
        showSampleCt(robot);
        robot.moveTo(onScreen(robot, 10.5, 20.5)).press(MouseButton.PRIMARY);
        robot.moveTo(onScreen(robot, 20.5, 25.5)).moveTo(onScreen(robot, 30.5, 30.5)).release(MouseButton.PRIMARY);
        workbench.await(() -> !redactions().isEmpty());
        DicomRedaction rule = redactions().get(0);
        assertEquals("redact-ct-64x64", rule.id());
        DicomRedaction.Rectangle box = rule.rectangles().get(0);
        assertTrue(box.x() >= 9 && box.x() <= 11 && box.width() >= 19 && box.width() <= 22, box::toString);
        workbench.await(() -> "redact-ct-64x64".equals(workbench.viewModel.image().ruleIdProperty().get())
                && !workbench.viewModel.image().busyProperty().get());
        assertEquals(0, workbench.viewModel.image().cleanedProperty().get().value(box.x() + 1, box.y() + 1));
        assertEquals(DicomImageViewModel.Mask.RECTANGLES, workbench.viewModel.image().maskProperty().get());
        workbench.settle();
        assertEquals(List.of(), workbench.jobs.callsOnFxThread);
    }
}
