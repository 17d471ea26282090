package org.deidworkbench.gui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.gui.preview.tree.TreePreviewView;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The generic tree layout that shows DICOM and FHIR previews (any {@code Layout.TREE}): nested
 * fields, changed rows highlighted, originals masked. Fed a hand-made preview, since those formats
 * are not cleaned yet on this branch.
 */
@ExtendWith(ApplicationExtension.class)
class TreePreviewViewTest {

    private final PreviewViewModel viewModel = new PreviewViewModel(new FakeJobService(),
            QueuedExecutor.tasks(new QueuedExecutor()));
    private TreePreviewView original;

    private static FilePreview fhirLikePreview() {
        PreviewField family = PreviewField.leaf("Patient.name[0].family", "family", "Delacroix", "PSEUDO7", "name",
                "pseudonymize");
        PreviewField gender = PreviewField.leaf("Patient.gender", "gender", "female", "female", "", "");
        PreviewField name = new PreviewField("Patient.name[0]", "name", null, null, PreviewField.Change.UNCHANGED, "",
                "", List.of(family));
        return new FilePreview("FHIR_JSON", FilePreview.Layout.TREE, List.of(),
                List.of(new PreviewRecord("entry 1 (Patient)", List.of(name, gender))), 1, false, List.of());
    }

    @Start
    void start(Stage stage) {
        original = new TreePreviewView(viewModel, Messages.of(Locale.ENGLISH), Side.ORIGINAL);
        original.show(fhirLikePreview());
        Scene scene = new Scene(new StackPane(original.node()), 700, 300);
        Theme.LIGHT.applyTo(scene);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void nestedChangedFieldIsShownExpandedHighlightedAndMasked(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> changed = robot.lookup("#originalTree .tree-table-cell.changed").queryAll().stream()
                .map(c -> ((TreeTableCell<?, ?>) c).getText()).toList();
        assertTrue(changed.contains("family"), changed::toString);
        assertTrue(changed.contains(PreviewViewModel.MASK), changed::toString);
        assertFalse(changed.contains("Delacroix"));
    }

    @Test
    void unchangedLeafShowsItsValue(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#originalTree .tree-table-cell").queryAll().stream()
                .anyMatch(c -> "female".equals(((TreeTableCell<?, ?>) c).getText())));
    }

    @Test
    void selectingAFieldRowSelectsItInTheViewModel(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<?> tree = robot.lookup("#originalTree").queryAs(TreeTableView.class);
        robot.interact(() -> tree.getSelectionModel().select(2));
        assertEquals("family", viewModel.selectedFieldProperty().get().name());
    }
}
