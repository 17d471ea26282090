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
import org.deidworkbench.model.ActionSpec;
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

    private static FieldDecision decided(String column, String decidedBy, String fieldClass, ActionSpec spec,
            boolean identifier, String label) {
        return new FieldDecision(column, column, decidedBy.equals("rule") ? column : decidedBy, spec.action().yamlName(),
                false, "r", decidedBy, fieldClass, fieldClass.isEmpty() ? "" : "97%", fieldClass.isEmpty() ? ""
                        : "12 of 12 values capitalised words", spec, label, identifier);
    }

    private static final FieldDecision NAME = decided("Nachname", "classifier", "person-name", new ActionSpec.Remove(),
            true, "NAME");
    private static final FieldDecision ZIP = decided("PLZ", "classifier", "zip",
            new ActionSpec.Generalize(org.deidworkbench.model.Generalization.ZIP3), false, "");
    private static final FieldDecision KEY = decided("PID", "relation", "identifier",
            new ActionSpec.Pseudonymize("patient", org.deidworkbench.model.PseudonymFormat.DEFAULT), true, "PID");
    private static final FieldDecision MRN = decided("mrn", "rule", "", new ActionSpec.Keep(), false, "");

    private Path csv() throws Exception {
        return Files.writeString(dir.resolve("patienten.csv"), "PID;Nachname;PLZ;mrn\n1;Quill;10115;7\n",
                StandardCharsets.UTF_8);
    }

    @Test
    void columnsNoRuleNamesAreListedWithWhatTheClassifierMakesOfThem() throws Exception {
        jobs.suggestions = List.of(KEY, NAME, ZIP, MRN);
        vm.currentFileProperty().set(csv());
        queue.runAll();
        assertEquals(List.of(KEY, NAME, ZIP), vm.columns());
        assertEquals("rules.unmatched.help.classifies", vm.columnsHelpProperty().get().key());
        assertTrue(jobs.calls.contains("suggestColumns"));
    }

    @Test
    void fieldsOfOtherFormatsThatGetTheDefaultAreListed() throws Exception {
        jobs.decisions = List.of(new FieldDecision("mrn", "mrn", "subject-id", "pseudonymize", true, "r"),
                new FieldDecision("blood_type", "blood_type", "default", "scrub-text", false, "default"));
        vm.currentFileProperty().set(Files.writeString(dir.resolve("p.json"), "{\"resourceType\": \"Patient\"}"));
        queue.runAll();
        assertEquals(List.of("blood_type"), vm.columns().stream().map(FieldDecision::name).toList());
        assertEquals("rules.unmatched.help", vm.columnsHelpProperty().get().key());
    }

    @Test
    void anAcceptedSuggestionBecomesARuleWithTheSameActionIdentifierAndLabel() throws Exception {
        vm.acceptSuggestions(List.of(NAME));
        queue.runAll();
        org.deidworkbench.model.Rule rule = vm.profileProperty().get().profile().rules().get(0);
        assertEquals("nachname", rule.id());
        assertEquals(new ActionSpec.Remove(), rule.spec());
        assertTrue(rule.identifier());
        assertEquals("NAME", rule.label());
        assertEquals("Nachname", ((org.deidworkbench.model.FieldSelector.ColumnName) rule.selector()).name());
    }

    @Test
    void acceptingAllTakesTheClassifiersSuggestionsInOrderAndLeavesRelationsToTheRelations() throws Exception {
        int before = vm.profileProperty().get().profile().rules().size();
        vm.acceptSuggestions(List.of(KEY, NAME, ZIP, MRN));
        queue.runAll();
        List<org.deidworkbench.model.Rule> rules = vm.profileProperty().get().profile().rules();
        assertEquals(before + 2, rules.size());
        assertEquals(List.of("nachname", "plz"), List.of(rules.get(0).id(), rules.get(1).id()));
        assertEquals(new ActionSpec.Generalize(org.deidworkbench.model.Generalization.ZIP3), rules.get(1).spec());
    }

    /**
     * Decision 0160: a column whose name its file repeats (two "id" of a SQL join) is listed by its position; a rule by
     * its name would decide the other column of that name too, so accepting all makes none for it.
     */
    @Test
    void aColumnWhoseNameRepeatsInItsFileBecomesNoRule() throws Exception {
        FieldDecision first = NAME;
        FieldDecision repeated = new FieldDecision("Nachname (column 5)", "Nachname", "classifier", "keep", false, "r",
                "classifier", "categorical", "90%", "", new ActionSpec.Keep(), "", false);
        int before = vm.profileProperty().get().profile().rules().size();
        vm.acceptSuggestions(List.of(repeated, ZIP));
        queue.runAll();
        List<org.deidworkbench.model.Rule> rules = vm.profileProperty().get().profile().rules();
        assertEquals(before + 1, rules.size());
        assertEquals("plz", rules.get(0).id());
        assertTrue(RulesViewModel.acceptable(first));
        assertFalse(RulesViewModel.acceptable(repeated));
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
