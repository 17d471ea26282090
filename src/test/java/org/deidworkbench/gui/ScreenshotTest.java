package org.deidworkbench.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.model.DicomRedaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Renders the README's screenshots of the real window (sample data open, a CSV file previewed) in
 * the light and the dark theme, and the Image tab of a sample DICOM file with a redaction box, into
 * {@code target/screenshots}; with {@code -Dscreenshots.update=true}
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
        // The rules panel shows what the classifier makes of the columns no rule names.
        workbench.await(() -> {
            ((javafx.scene.control.TitledPane) workbench.stage.getScene().lookup("#unmatchedPane")).setExpanded(true);
            return workbench.viewModel.rules().columns().stream().anyMatch(d -> d.name().equals("attending_physician"));
        });
        workbench.await(() -> {
            @SuppressWarnings("unchecked")
            var list = (javafx.scene.control.ListView<org.deidworkbench.model.FieldDecision>) workbench.stage.getScene()
                    .lookup("#unmatchedColumns");
            list.getItems().stream().filter(d -> d.name().equals("attending_physician")).findFirst()
                    .ifPresent(list.getSelectionModel()::select);
            return true;
        });
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
            shoot("main-window-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
        }
    }

    @Test
    void rendersTheImageTabOfADicomFileWithARedactionBox() throws Exception {
        Path dicom = Path.of("sample-data", "dicom").toAbsolutePath();
        Path ct = dicom.resolve(Path.of("100200", "ct_20220117", "IM0001.dcm"));
        workbench.viewModel.open(List.of(dicom));
        workbench.await(() -> workbench.viewModel.inputs().files().size() == 10);
        workbench.await(() -> {
            workbench.viewModel.inputs().select(ct);
            return true;
        });
        workbench.await(() -> workbench.viewModel.image().originalProperty().get() != null
                && !workbench.viewModel.image().busyProperty().get());
        workbench.await(() -> {
            workbench.viewModel.rules().setRedaction(null, workbench.viewModel.image().headerProperty().get(),
                    List.of(new DicomRedaction.Rectangle(4, 4, 40, 8)));
            return true;
        });
        workbench.await(() -> !workbench.viewModel.image().ruleIdProperty().get().isEmpty()
                && !workbench.viewModel.image().busyProperty().get()
                && workbench.viewModel.preview().previewProperty().get() != null
                && !workbench.viewModel.preview().busyProperty().get());
        workbench.settle();
        workbench.await(() -> {
            TabPane tabs = (TabPane) workbench.stage.getScene().lookup("#previewTabs");
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
            workbench.viewModel.image().selectedProperty().set(0);
            return true;
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("dicom-image-light.png");
    }

    /** A report saved as CSV: its title lines above the table and its total under it, previewed (decision 0173). */
    @Test
    void rendersAReportsTitleLinesAroundItsTable() throws Exception {
        org.deidworkbench.model.FilePreview preview = previewOf("reports", "census_report.csv");
        assertTrue(preview.columns().get(0).equals("MRN"), preview.columns().toString());
        assertTrue(preview.records().get(0).label().endsWith("(title)"), preview.records().get(0).label());
        assertTrue(preview.records().get(preview.records().size() - 1).label().endsWith("(closing line)"));
        workbench.await(() -> {
            ((TabPane) workbench.stage.getScene().lookup("#previewTabs")).getSelectionModel().select(1);
            return true;
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("report-lines-light.png");
    }

    /** A report saved with its pages: the page number, title lines and header between two pages (decision 0174). */
    @Test
    void rendersAPageBreakInsideAReportsTable() throws Exception {
        org.deidworkbench.model.FilePreview preview = previewOf("paged", "discharges_paged.csv");
        assertTrue(preview.columns().get(0).equals("MRN"), preview.columns().toString());
        List<String> labels = preview.records().stream().map(r -> r.label()).toList();
        assertTrue(labels.contains("line 8 (page break)"), labels.toString());
        assertTrue(labels.contains("line 13 (page break: the header again)"), labels.toString());
        assertTrue(labels.indexOf("line 13 (page break: the header again)") < labels.indexOf("line 14"), labels.toString());
        workbench.await(() -> {
            ((TabPane) workbench.stage.getScene().lookup("#previewTabs")).getSelectionModel().select(1);
            return true;
        });
        WaitForAsyncUtils.waitForFxEvents();
        shoot("page-break-light.png");
    }

    /** A file of HL7 v2 messages: each message's segments before and after (decision 0182). */
    @Test
    void rendersTheSegmentsOfAnHl7MessageFile() throws Exception {
        org.deidworkbench.model.FilePreview preview = previewOf("hl7-files", "adt_feed.hl7");
        assertTrue(preview.format().equals("HL7 v2"), preview.format());
        assertTrue(preview.records().get(0).label().equals("message 1 (line 1)"), preview.records().get(0).label());
        assertTrue(preview.records().get(0).fields().get(2).name().equals("PID"),
                preview.records().get(0).fields().toString());
        assertTrue(preview.records().get(0).changedFields() > 0, "the PID segment changed");
        WaitForAsyncUtils.waitForFxEvents();
        shoot("hl7-messages-light.png");
    }

    /** Opens a corpus folder in the workbench and previews one of its files, as a steward would. */
    private org.deidworkbench.model.FilePreview previewOf(String folder, String fileName) throws Exception {
        Path dir = Path.of("src", "test", "resources", "org", "deidworkbench", "adversarial", folder).toAbsolutePath();
        Path file = dir.resolve(fileName);
        workbench.viewModel.open(List.of(dir));
        workbench.await(() -> workbench.viewModel.inputs().files().stream().anyMatch(f -> f.path().equals(file)));
        workbench.await(() -> {
            workbench.viewModel.inputs().select(file);
            return true;
        });
        workbench.await(() -> workbench.viewModel.preview().previewProperty().get() != null
                && !workbench.viewModel.preview().busyProperty().get()
                && String.valueOf(workbench.viewModel.preview().fileProperty().get()).endsWith(fileName));
        workbench.settle();
        return workbench.viewModel.preview().previewProperty().get();
    }

    private void shoot(String name) throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> Snapshots.take(workbench.stage.getScene())).get();
        Path target = Path.of("target", "screenshots", name);
        Snapshots.write(image, target);
        assertTrue(Files.size(target) > 10_000, name + " is not blank");
        if (Boolean.getBoolean("screenshots.update")) {
            Snapshots.write(image, Path.of("src", "site", "resources", "screenshots", name));
        }
    }
}
