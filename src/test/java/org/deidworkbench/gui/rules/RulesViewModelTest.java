package org.deidworkbench.gui.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.FieldDecision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules panel's state: validation at line and column, the last valid profile, form edits, saving. */
class RulesViewModelTest {

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private RulesViewModel vm;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        vm = new RulesViewModel(jobs, QueuedExecutor.tasks(queue));
        vm.useBuiltIn("csv-template");
        queue.runAll();
    }

    @Test
    void builtInProfileIsValidAndNotModified() {
        assertTrue(vm.validProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertEquals("csv-template", vm.profileProperty().get().profile().name());
    }

    @Test
    void problemIsReportedAtItsLineAndColumn() {
        vm.textProperty().set("deid-profile: 1\nname: t\nrules:\n  - id: x\n    column: a\n    action: pseudonymise\n"
                + "default:\n  action: keep\n");
        queue.runAll();
        assertFalse(vm.validProperty().get());
        assertEquals(6, vm.problems().get(0).location().line());
        assertEquals(13, vm.problems().get(0).location().column());
    }

    @Test
    void invalidTextKeepsTheLastValidProfileForThePreview() {
        LoadedProfile before = vm.profileProperty().get();
        vm.textProperty().set("deid-profile: 1\nname: [");
        queue.runAll();
        assertSame(before, vm.profileProperty().get());
    }

    @Test
    void addedRuleBecomesTheFirstRuleOfTheProfile() {
        vm.addRule(new RuleForm("blood", "blood_type", false, Action.KEEP, "", ""));
        queue.runAll();
        assertEquals("blood", vm.profileProperty().get().profile().rules().get(0).id());
        assertTrue(vm.dirtyProperty().get());
    }

    @Test
    void choosingADefaultActionEditsTheText() {
        vm.defaultActionProperty().set(Action.REMOVE);
        queue.runAll();
        assertEquals(Action.REMOVE, vm.profileProperty().get().profile().defaultSpec().action());
    }

    @Test
    void savingWritesTheTextAndClearsModified() throws Exception {
        vm.addRule(new RuleForm("blood", "blood_type", false, Action.KEEP, "", ""));
        queue.runAll();
        Path file = dir.resolve("mine.yaml");
        vm.saveAs(file);
        queue.runAll();
        assertEquals(vm.textProperty().get(), Files.readString(file, StandardCharsets.UTF_8));
        assertFalse(vm.dirtyProperty().get());
        assertEquals(file, vm.fileProperty().get());
    }

    @Test
    void saveWithoutAFileAsksWhere() {
        assertFalse(vm.save());
    }

    @Test
    void openedFileBecomesTheText() throws Exception {
        Path file = dir.resolve("p.yaml");
        Files.writeString(file, "deid-profile: 1\nname: mine\ndefault:\n  action: keep\n", StandardCharsets.UTF_8);
        vm.open(file);
        queue.runAll();
        assertEquals("mine", vm.profileProperty().get().profile().name());
        assertEquals("p.yaml", vm.sourceNameProperty().get());
    }

    @Test
    void columnsThatGetTheDefaultAreListedForTheSelectedFile() {
        jobs.decisions = List.of(new FieldDecision("mrn", "mrn", "subject-id", "pseudonymize", true, "r"),
                new FieldDecision("blood_type", "blood_type", "default", "scrub-text", false, "default"));
        vm.currentFileProperty().set(Path.of("/x/labs.csv"));
        queue.runAll();
        assertEquals(List.of("blood_type"), vm.unmatchedColumns());
    }

    @Test
    void unreadableProfileFileIsAStewardError() {
        vm.open(dir.resolve("missing.yaml"));
        queue.runAll();
        assertNotNull(vm.failureProperty().get());
        assertEquals("error.io", vm.failureProperty().get().message().key());
    }

    private static final DicomImage.Header CT_64 = new DicomImage.Header(64, 64, 1, DicomImage.Photometric.MONOCHROME2,
            12, 1, 0, 400, 1500, "CT", "Synthetic Imaging Co", "", "1.2.840.10008.5.1.4.1.1.2", null);

    private List<DicomRedaction> redactions() {
        return vm.profileProperty().get().profile().section(DicomSection.KEY, DicomSection.class).orElseThrow()
                .redactions();
    }

    @Test
    void aBoxDrawnOnAnImageAddsARedactionRuleForImagesLikeIt() {
        vm.setRedaction(null, CT_64, List.of(new DicomRedaction.Rectangle(1, 2, 3, 4)));
        queue.runAll();
        DicomRedaction r = redactions().get(0);
        assertEquals("redact-ct-64x64", r.id());
        assertEquals(java.util.Optional.of("CT"), r.modality());
        assertEquals(java.util.Optional.of("Synthetic Imaging Co"), r.manufacturer());
        assertEquals(java.util.Optional.of(64), r.rows());
        assertEquals(List.of(new DicomRedaction.Rectangle(1, 2, 3, 4)), r.rectangles());
        assertTrue(vm.textProperty().get().contains("retain-safe-private: true"), "the lent section came along");
    }

    @Test
    void boxesOfAnExistingRuleReplaceItsRectangles() {
        vm.setRedaction(null, CT_64, List.of(new DicomRedaction.Rectangle(1, 2, 3, 4)));
        queue.runAll();
        vm.setRedaction("redact-ct-64x64", CT_64, List.of(new DicomRedaction.Rectangle(5, 5, 10, 10),
                new DicomRedaction.Rectangle(0, 60, 64, 4)));
        queue.runAll();
        assertEquals(1, redactions().size());
        assertEquals(2, redactions().get(0).rectangles().size());
    }

    @Test
    void aNewRuleGetsAnIdNoRuleHasYet() {
        vm.setRedaction(null, CT_64, List.of());
        queue.runAll();
        vm.setRedaction(null, CT_64, List.of(new DicomRedaction.Rectangle(1, 2, 3, 4)));
        queue.runAll();
        assertEquals(List.of("redact-ct-64x64", "redact-ct-64x64-2"), redactions().stream().map(DicomRedaction::id)
                .toList());
    }
}
