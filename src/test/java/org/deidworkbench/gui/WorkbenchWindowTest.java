package org.deidworkbench.gui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.deidworkbench.gui.preview.DiffRow;
import org.deidworkbench.gui.preview.PreviewViewModel;
import org.deidworkbench.gui.run.RunSettings;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.PreviewField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real window driven as a steward drives it (headless under Monocle in CI): open the sample
 * export, preview a CSV file, change a rule, run, cancel, switch language. The engine is the real
 * one, watched for calls on the FX thread; only file choosers and passphrase prompts are scripted.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {

    private static final String PASSPHRASE = "correct horse battery staple";

    private final WorkbenchFixture workbench = new WorkbenchFixture();

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        workbench.show(stage, 1280, 800);
    }

    @AfterEach
    void closeTasks() {
        workbench.tasks.close();
    }

    private void openSampleData(FxRobot robot) {
        workbench.dialogs.folders.add(WorkbenchFixture.sampleCsv());
        robot.clickOn("#openFolderButton");
        workbench.await(() -> workbench.viewModel.inputs().files().size() == 4);
    }

    private void previewEncounters(FxRobot robot) {
        openSampleData(robot);
        robot.clickOn(labelled("encounters.csv"));
        workbench.await(() -> workbench.viewModel.preview().previewProperty().get() != null
                && !workbench.viewModel.preview().busyProperty().get()
                && String.valueOf(workbench.viewModel.preview().fileProperty().get()).endsWith("encounters.csv"));
    }

    private static java.util.function.Predicate<Node> labelled(String text) {
        // Menus keep their mnemonic marker in the text ("_View").
        return n -> n instanceof Labeled l && l.getText() != null
                && (text.equals(l.getText()) || text.equals(l.getText().replace("_", ""))) && showing(n);
    }

    private static java.util.function.Predicate<Node> labelledStart(String prefix) {
        return n -> n instanceof Labeled l && l.getText() != null && l.getText().startsWith(prefix) && showing(n);
    }

    /**
     * The first cell or row of {@code query} that is really on screen: a virtual flow also keeps
     * cells for measuring, in the scene but not shown, which a click would miss.
     */
    private static Node firstShown(FxRobot robot, String query) {
        return robot.lookup(query).queryAll().stream()
                .filter(n -> treeVisible(n) && n instanceof javafx.scene.control.IndexedCell<?> c && c.getIndex() >= 0
                        && !c.isEmpty())
                .filter(WorkbenchWindowTest::insideItsFlow)
                .min(java.util.Comparator.comparingInt(n -> index(n)))
                .orElseThrow(() -> new AssertionError("nothing shown for " + query));
    }

    /** The row index of a cell, or of the row a cell is in. */
    private static int index(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof TableRow<?> row) {
                return row.getIndex();
            }
        }
        return ((javafx.scene.control.IndexedCell<?>) n).getIndex();
    }

    /**
     * Whether the whole cell lies inside the viewport of its virtual flow: cells below the last
     * visible row are laid out but clipped, and a click there lands on whatever is beneath.
     */
    private static boolean insideItsFlow(Node n) {
        var b = n.localToScene(n.getBoundsInLocal());
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
                var f = flow.localToScene(flow.getLayoutBounds());
                return b.getMinY() >= f.getMinY() && b.getMaxY() <= f.getMaxY() && b.getMinX() >= f.getMinX()
                        && b.getMinX() + 4 <= f.getMaxX();
            }
        }
        return b.getMinY() >= 0 && b.getMaxY() <= n.getScene().getHeight();
    }

    /** Visible with every ancestor (a tab that is not selected hides its content, not the content's nodes). */
    private static boolean treeVisible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Selects a preview tab by clicking its label and waits until it is the selected one. */
    private void showPreviewTab(FxRobot robot, String label, int index) {
        robot.clickOn(labelledStart(label));
        workbench.await(() -> robot.lookup("#previewTabs").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedIndex() == index);
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        for (Menu menu : robot.lookup("#menuBar").queryAs(MenuBar.class).getMenus()) {
            for (MenuItem item : menu.getItems()) {
                if (item instanceof Menu sub) {
                    for (MenuItem inner : sub.getItems()) {
                        if (id.equals(inner.getId())) {
                            return inner;
                        }
                    }
                }
                if (id.equals(item.getId())) {
                    return item;
                }
            }
        }
        throw new AssertionError("no menu item " + id);
    }

    private static boolean showing(Node n) {
        return n.isVisible() && n.getScene() != null && n.getScene().getWindow() != null
                && n.getScene().getWindow().isShowing();
    }

    @Test
    void changedValueOfASelectedCsvFileIsHighlightedInDifferences(FxRobot robot) {
        previewEncounters(robot);
        showPreviewTab(robot, "Differences", 2);
        workbench.await(() -> !robot.lookup("#differencesTable .table-row-cell.changed").queryAll().isEmpty());
        TableRow<?> row = (TableRow<?>) firstShown(robot, "#differencesTable .table-row-cell.changed");
        DiffRow diff = (DiffRow) row.getItem();
        assertEquals(PreviewField.Change.CHANGED, diff.field().change());
        List<String> texts = row.lookupAll(".table-cell").stream().map(c -> ((TableCell<?, ?>) c).getText()).toList();
        assertTrue(texts.contains(PreviewViewModel.MASK), "the original is masked: " + texts);
        assertTrue(texts.contains(diff.field().cleaned()), "the de-identified value is shown: " + texts);
    }

    @Test
    void originalsAreMaskedUntilRevealIsToggled(FxRobot robot) {
        previewEncounters(robot);
        workbench.await(() -> robot.lookup("#originalTable .table-cell.changed").queryAll().size() > 1);
        assertTrue(maskedCells(robot) > 0);
        robot.clickOn("#revealButton");
        workbench.await(() -> maskedCells(robot) == 0);
        assertTrue(workbench.viewModel.preview().revealProperty().get());
    }

    private static long maskedCells(FxRobot robot) {
        return robot.lookup("#originalTable .table-cell").queryAll().stream()
                .filter(c -> PreviewViewModel.MASK.equals(((TableCell<?, ?>) c).getText())).count();
    }

    @Test
    void changingARuleInTheFormUpdatesThePreview(FxRobot robot) {
        previewEncounters(robot);
        assertEquals(PreviewField.Change.UNCHANGED, departmentChange());
        robot.clickOn("#rulesFormPane");
        robot.clickOn("#ruleId").write("department");
        robot.clickOn("#ruleColumn").write("department");
        robot.interact(() -> robot.lookup("#ruleAction").queryAs(ComboBox.class).setValue(Action.REMOVE));
        robot.clickOn("#addRule");
        workbench.await(() -> departmentChange() == PreviewField.Change.REMOVED);
        assertEquals("department", workbench.viewModel.rules().profileProperty().get().profile().rules().get(0).id());
    }

    private PreviewField.Change departmentChange() {
        var p = workbench.viewModel.preview().previewProperty().get();
        int column = p.columns().indexOf("department");
        return p.records().get(0).fields().get(column).change();
    }

    @Test
    void aClassifiedColumnIsListedAndAcceptingItMakesItARuleWithTheSameAction(FxRobot robot) {
        previewEncounters(robot);
        robot.clickOn("#unmatchedPane");
        workbench.await(() -> workbench.viewModel.rules().columns().stream()
                .anyMatch(d -> d.name().equals("attending_physician")));
        var physician = workbench.viewModel.rules().columns().stream()
                .filter(d -> d.name().equals("attending_physician")).findFirst().orElseThrow();
        assertEquals("classifier", physician.decidedBy());
        assertEquals("person-name", physician.fieldClass());
        robot.interact(() -> robot.lookup("#unmatchedColumns").queryListView().getSelectionModel().select(physician));
        assertTrue(robot.lookup("#columnEvidence").queryAs(Labeled.class).getText().contains("name-like"));
        robot.clickOn("#acceptSuggestion");
        workbench.await(() -> "attending-physician".equals(
                workbench.viewModel.rules().profileProperty().get().profile().rules().get(0).id()));
        workbench.await(() -> {
            var p = workbench.viewModel.preview().previewProperty().get();
            if (p == null || workbench.viewModel.preview().busyProperty().get()) {
                return false;
            }
            var f = p.records().get(0).fields().get(p.columns().indexOf("attending_physician"));
            return f.ruleId().equals("attending-physician") && f.action().equals("remove");
        });
        workbench.await(() -> workbench.viewModel.rules().columns().stream()
                .noneMatch(d -> d.name().equals("attending_physician")));
    }

    @Test
    void typingAnInvalidRuleMarksItsLineAndKeepsThePreview(FxRobot robot) {
        previewEncounters(robot);
        var before = workbench.viewModel.preview().previewProperty().get();
        robot.interact(() -> robot.lookup("#yamlText").queryAs(TextInputControl.class).replaceText(0, 0, "nonsense: [\n"));
        workbench.await(() -> !workbench.viewModel.rules().problems().isEmpty());
        workbench.await(() -> !robot.lookup(".line-number.problem-line").queryAll().isEmpty());
        assertEquals(before, workbench.viewModel.preview().previewProperty().get());
    }

    @Test
    void runWritesTheCleanedFilesAndTheKeyFile(FxRobot robot) throws IOException {
        openSampleData(robot);
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");
        answerRunDialogs(out, key);
        robot.clickOn("#runButton");
        workbench.await(() -> workbench.viewModel.run().resultProperty().get() != null);
        assertTrue(Files.isRegularFile(out.resolve("patients.csv")));
        assertTrue(Files.isRegularFile(out.resolve(RunJob.MANIFEST)));
        assertTrue(Files.isRegularFile(out.resolve(RunJob.REPORT)));
        assertTrue(Files.isRegularFile(key));
        assertEquals(4, robot.lookup("#summaryTable").queryTableView().getItems().size());
        assertArrayEquals(new char[PASSPHRASE.length()], workbench.dialogs.handedOut.get(0), "passphrase wiped");
    }

    @Test
    void withTheStudyKeyUnlockedThePreviewShowsThePseudonymsTheRunWrote(FxRobot robot) throws IOException {
        openSampleData(robot);
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");
        answerRunDialogs(out, key);
        workbench.settle();
        robot.clickOn("#runButton");
        workbench.await(() -> workbench.viewModel.run().resultProperty().get() != null);
        workbench.await(() -> workbench.viewModel.keyFile().infoProperty().get() != null);
        Path patients = WorkbenchFixture.sampleCsv().resolve("patients.csv");
        robot.interact(() -> workbench.viewModel.inputs().select(patients));
        workbench.await(() -> previewOf(patients) && workbench.viewModel.preview().throwawayKeyProperty().get());
        String written = Files.readAllLines(out.resolve("patients.csv")).get(1).split(",")[0];
        assertNotEquals(written, firstCleanedValue(), "a throwaway key gives other pseudonyms");

        selectTab(robot, "keyFileTab");
        workbench.dialogs.passphrases.add(PASSPHRASE);
        robot.clickOn("#unlockKeyFileButton");
        workbench.await(() -> workbench.viewModel.keyFile().keyProperty().get() != null
                && previewOf(patients) && !workbench.viewModel.preview().throwawayKeyProperty().get());
        assertEquals(written, firstCleanedValue());
        assertTrue(robot.lookup("#studyKeyNote").query().isVisible());
        assertArrayEquals(new char[PASSPHRASE.length()], workbench.dialogs.handedOut.get(1), "passphrase wiped");

        robot.clickOn("#lockKeyFileButton");
        workbench.await(() -> previewOf(patients) && workbench.viewModel.preview().throwawayKeyProperty().get());
        assertNotEquals(written, firstCleanedValue());
    }

    /** Selects the tab with id {@code id} of any tab pane (the right-hand panels: Rules, Inspector, Key file). */
    private static void selectTab(FxRobot robot, String id) {
        robot.interact(() -> {
            javafx.scene.control.Tab tab = robot.lookup(".tab-pane").queryAllAs(javafx.scene.control.TabPane.class)
                    .stream().flatMap(p -> p.getTabs().stream()).filter(t -> id.equals(t.getId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no tab " + id));
            tab.getTabPane().getSelectionModel().select(tab);
        });
    }

    @Test
    void reidentifyingAPseudonymRecordsTheReasonFirstAndShowsTheOriginalOnlyInTheDialog(FxRobot robot)
            throws Exception {
        openSampleData(robot);
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");
        answerRunDialogs(out, key);
        workbench.settle();
        robot.clickOn("#runButton");
        workbench.await(() -> workbench.viewModel.run().resultProperty().get() != null);
        workbench.await(() -> workbench.viewModel.keyFile().infoProperty().get() != null);
        String pseudonym = Files.readAllLines(out.resolve("patients.csv")).get(1).split(",")[0];
        String original = Files.readAllLines(WorkbenchFixture.sampleCsv().resolve("patients.csv")).get(1).split(",")[0];
        assertNotEquals(original, pseudonym);

        workbench.dialogs.reidentifications.add(vm -> {
            vm.reasonProperty().set("Ticket 4711: recall of a lab result");
            vm.valuesProperty().set(pseudonym + "\nNOSUCHVALUE");
            vm.lookUp(PASSPHRASE.toCharArray());
        });
        selectTab(robot, "keyFileTab");
        robot.clickOn("#reidentifyButton");
        workbench.await(() -> workbench.dialogs.reidentify != null && !workbench.dialogs.reidentify.answers().isEmpty());
        var answers = workbench.dialogs.reidentify.answers();
        assertEquals(java.util.Optional.of(original), answers.get(0).original());
        assertTrue(answers.get(1).original().isEmpty());
        assertEquals(1, org.deidworkbench.keyfile.KeyFileStore.open(key, PASSPHRASE.toCharArray()).auditEntries().size(),
                "the lookup is in the key file's audit log");
        List<String> logged = workbench.viewModel.log().stream().map(e -> e.text().toString()).toList();
        assertTrue(logged.stream().anyMatch(l -> l.contains("log.reidentified")), logged::toString);
        assertTrue(logged.stream().noneMatch(l -> l.contains(original)), "no original in the log");
        assertEquals(List.of(), workbench.jobs.callsOnFxThread);
    }

    private boolean previewOf(Path file) {
        var p = workbench.viewModel.preview();
        return p.previewProperty().get() != null && !p.busyProperty().get() && !p.partialProperty().get()
                && file.equals(p.fileProperty().get());
    }

    private String firstCleanedValue() {
        return workbench.viewModel.preview().previewProperty().get().records().get(0).fields().get(0).cleaned();
    }

    @Test
    void cancelledRunLeavesNothingHalfWritten(FxRobot robot) throws IOException {
        Path big = dir.resolve("big");
        for (int i = 0; i < 40; i++) {
            copyTree(WorkbenchFixture.sampleCsv(), big.resolve("site-" + i));
        }
        workbench.jobs.slowDownPerFile = 25;
        workbench.dialogs.folders.add(big);
        robot.clickOn("#openFolderButton");
        workbench.await(() -> workbench.viewModel.inputs().files().size() == 160);
        // Opening an export analyses and scans it in the background; Run is enabled once that is done.
        workbench.settle();
        Path out = dir.resolve("out");
        Path key = dir.resolve("study.deidkey");
        answerRunDialogs(out, key);
        robot.clickOn("#runButton");
        workbench.await(() -> workbench.viewModel.run().progressProperty().get() > 0.05);
        robot.clickOn("#cancelButton");
        workbench.await(() -> !workbench.viewModel.run().runningProperty().get());
        assertEquals("run.phase.cancelled", workbench.viewModel.run().phaseProperty().get().key());
        assertFalse(Files.exists(out), "the output folder the run created is gone");
        assertFalse(Files.exists(key), "no key file was sealed");
    }

    /** Run into {@code out} with a new key file {@code key}: confirmed, with a passphrase. */
    private void answerRunDialogs(Path out, Path key) {
        workbench.dialogs.runSettings.add(new RunSettings(out, key, 2));
        workbench.dialogs.confirmations.add(true);
        workbench.dialogs.passphrases.add(PASSPHRASE);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    @Test
    void switchingToGermanShowsGermanLabels(FxRobot robot) {
        robot.clickOn(labelled("View"));
        robot.clickOn(labelled("Language"));
        // Chosen by the item's own action: the choice rebuilds the window, and TestFX would look for the
        // clicked item again after the click, when it is gone with the old window content.
        robot.interact(() -> menuItem(robot, "germanItem").fire());
        workbench.await(() -> robot.lookup(labelled("Ordner öffnen")).tryQuery().isPresent());
        assertTrue(robot.lookup(labelled("Eingaben")).tryQuery().isPresent());
        assertTrue(robot.lookup(labelled("Regeln")).tryQuery().isPresent());
        assertFalse(robot.lookup(labelled("Open folder")).tryQuery().isPresent());
    }

    @Test
    void noJobRunsOnTheFxThread(FxRobot robot) {
        previewEncounters(robot);
        showPreviewTab(robot, "Differences", 2);
        workbench.await(() -> !robot.lookup("#differencesTable .table-row-cell.changed").queryAll().isEmpty());
        Node cell = firstShown(robot, "#differencesTable .table-row-cell.changed .table-cell");
        robot.clickOn(cell);
        workbench.await(() -> workbench.viewModel.preview().selectedFieldProperty().get() != null);
        robot.clickOn(labelled("Inspector"));
        robot.clickOn("#whyButton");
        workbench.await(() -> workbench.viewModel.preview().explanationProperty().get() != null
                || workbench.viewModel.preview().explanationMessageProperty().get() != null
                && !"inspector.explaining".equals(workbench.viewModel.preview().explanationMessageProperty().get().key()));
        workbench.settle();
        assertTrue(workbench.jobs.calls.containsAll(Set.of("kind", "openPreview", "preview", "parseProfile", "explain")),
                workbench.jobs.calls::toString);
        assertEquals(List.of(), workbench.jobs.callsOnFxThread);
    }

    @Test
    void whyNamesTheDecidingRuleOfTheSelectedCell(FxRobot robot) {
        previewEncounters(robot);
        workbench.await(() -> !robot.lookup("#originalTable .table-cell.changed").queryAll().isEmpty());
        robot.clickOn(firstShown(robot, "#originalTable .table-cell.changed"));
        workbench.await(() -> workbench.viewModel.preview().selectedFieldProperty().get() != null);
        PreviewField selected = workbench.viewModel.preview().selectedFieldProperty().get();
        robot.clickOn(labelled("Inspector"));
        assertEquals(selected.ruleId() + " (" + selected.action() + ")",
                robot.lookup("#inspectorRule").queryAs(Labeled.class).getText());
        robot.clickOn("#whyButton");
        workbench.await(() -> !robot.lookup("#explanation").queryAs(Labeled.class).getText().isEmpty()
                && workbench.viewModel.preview().explanationProperty().get() != null);
        assertTrue(robot.lookup("#explanation").queryAs(Labeled.class).getText().contains(selected.ruleId()));
    }

    @Test
    void shortcutOpensAFolder(FxRobot robot) {
        workbench.dialogs.folders.add(WorkbenchFixture.sampleCsv());
        robot.clickOn("#inputTree");
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        workbench.await(() -> workbench.viewModel.inputs().files().size() == 4);
        assertTrue(workbench.dialogs.folders.isEmpty());
    }

    @Test
    void windowRemembersItsSize(FxRobot robot) {
        robot.interact(() -> {
            workbench.stage.setWidth(1111);
            workbench.stage.close();
        });
        assertEquals(1111, workbench.settings.window().orElseThrow().width(), 0.5);
    }

    @Test
    void everyControlHasAnAccessibleName(FxRobot robot) {
        previewEncounters(robot);
        List<String> unnamed = new ArrayList<>();
        for (Node n : robot.lookup(n -> n instanceof ButtonBase || n instanceof TextInputControl
                || n instanceof ComboBoxBase).queryAll()) {
            String text = n instanceof Labeled l ? l.getText() : null;
            String name = n.getAccessibleText();
            boolean named = (name != null && !name.isBlank()) || (text != null && !text.isBlank());
            if (!named && n.isVisible() && !n.getStyleClass().contains("arrow-button")) {
                unnamed.add(n.getClass().getSimpleName() + " " + n.getId() + " " + n.getStyleClass());
            }
        }
        assertEquals(List.of(), unnamed);
        assertNotEquals(0, robot.lookup(".button").queryAll().size());
    }
}
