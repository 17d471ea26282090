package org.deidworkbench.gui.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.job.JobException;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preview's state without a stage: masking, superseded requests, differences, "why", timing. */
class PreviewViewModelTest {

    private static final Path FILE = Path.of("/export/patients.csv");
    private static final Path OTHER = Path.of("/export/other.csv");

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private final AtomicLong clock = new AtomicLong();
    private PreviewViewModel vm;
    private LoadedProfile profile;

    static PreviewField name(String original, String cleaned) {
        return PreviewField.leaf("first_name", "first_name", original, cleaned, "names", "remove");
    }

    static FilePreview preview(PreviewField... fields) {
        return new FilePreview("CSV", FilePreview.Layout.TABLE, List.of("first_name", "state"),
                List.of(new PreviewRecord("line 2", List.of(fields))), 1, false, List.of());
    }

    @BeforeEach
    void setUp() throws Exception {
        profile = ProfileLoader.read("csv-template");
        vm = new PreviewViewModel(jobs, QueuedExecutor.tasks(queue), clock::get);
        jobs.previews.put(FILE, preview(name("Desmond", null),
                PreviewField.leaf("state", "state", "OR", "OR", "state", "keep")));
        jobs.previews.put(OTHER, preview(PreviewField.leaf("state", "state", "WA", "WA", "state", "keep")));
        vm.context().setAll(List.of(Path.of("/export")));
        vm.profileProperty().set(profile);
    }

    private void show(Path file) {
        vm.fileProperty().set(file);
        queue.runAll();
    }

    @Test
    void originalOfAChangedFieldIsMaskedUntilRevealed() {
        show(FILE);
        PreviewField removed = vm.previewProperty().get().records().get(0).fields().get(0);
        assertEquals(PreviewViewModel.MASK, vm.original(removed));
        vm.revealProperty().set(true);
        assertEquals("Desmond", vm.original(removed));
    }

    @Test
    void anUnlockedStudyKeyPreviewsAgainWithItAndTheThrowawayNoteGoes() {
        show(FILE);
        assertTrue(vm.throwawayKeyProperty().get());
        JobService.UnlockedKey key = new JobService.UnlockedKey() {
            @Override
            public Path file() {
                return Path.of("/study.deidkey");
            }

            @Override
            public List<org.deidworkbench.keyfile.RunRecord> runs() {
                return List.of();
            }
        };
        vm.keyProperty().set(key);
        queue.runAll();
        assertSame(key, jobs.previewKeys.get(jobs.previewKeys.size() - 1).orElseThrow());
        assertFalse(vm.throwawayKeyProperty().get());
        vm.keyProperty().set(null);
        queue.runAll();
        assertTrue(jobs.previewKeys.get(jobs.previewKeys.size() - 1).isEmpty());
        assertTrue(vm.throwawayKeyProperty().get());
    }

    @Test
    void revealIsOffAtStart() {
        assertFalse(vm.revealProperty().get());
    }

    @Test
    void originalOfAnUnchangedFieldIsShown() {
        show(FILE);
        PreviewField kept = vm.previewProperty().get().records().get(0).fields().get(1);
        assertEquals("OR", vm.original(kept));
    }

    @Test
    void differencesListOnlyChangedFields() {
        show(FILE);
        assertEquals(List.of("first_name"), vm.differences().stream().map(d -> d.field().name()).toList());
    }

    @Test
    void newerFileSupersedesAPreviewStillRunning() {
        vm.fileProperty().set(FILE);
        vm.fileProperty().set(OTHER);
        queue.runAll();
        assertEquals(OTHER, vm.fileProperty().get());
        assertEquals("WA", vm.previewProperty().get().records().get(0).fields().get(0).original());
    }

    @Test
    void busyWhileComputingAndNotAfter() {
        vm.fileProperty().set(FILE);
        assertTrue(vm.busyProperty().get());
        queue.runAll();
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void sessionIsReusedForAnotherFileOfTheSameExport() {
        show(FILE);
        show(OTHER);
        assertEquals(1, jobs.fullSessionsOpened);
    }

    @Test
    void newProfileOpensANewSession() throws Exception {
        show(FILE);
        vm.profileProperty().set(new LoadedProfile(profile.profile(), "another digest"));
        queue.runAll();
        assertEquals(2, jobs.fullSessionsOpened);
    }

    @Test
    void failedPreviewShowsTheStewardsMessageAndTellsTheListener() {
        jobs.previewFailures.put(FILE, new JobException(JobException.Reason.FILE_FAILED, "x: CSV-RAGGED-ROW", null));
        List<Object> heard = new ArrayList<>();
        vm.setListener((f, p, first, ms, failure) -> heard.add(failure.key()));
        show(FILE);
        assertNull(vm.previewProperty().get());
        assertEquals("error.job.fileFailed", vm.messageProperty().get().key());
        assertEquals(List.of("error.job.fileFailed"), heard);
    }

    @Test
    void partialPreviewComesFirstWithFreeTextHidden() {
        PreviewField note = PreviewField.leaf("notes", "notes", "Desmond seen", "Desmond seen", "free-text", "scrub-text");
        jobs.partialPreviews.put(FILE, preview(note));
        vm.fileProperty().set(FILE);
        queue.runNext(); // the partial preview's work
        queue.runNext(); // the complete preview's work
        queue.runNext(); // the partial preview's outcome
        assertTrue(vm.partialProperty().get());
        PreviewField shown = vm.previewProperty().get().records().get(0).fields().get(0);
        assertEquals(PreviewViewModel.PENDING, vm.original(shown));
        assertEquals(PreviewViewModel.PENDING, vm.cleaned(shown));
        assertTrue(vm.busyProperty().get(), "the complete preview is still coming");
    }

    @Test
    void completePreviewReplacesThePartialOne() {
        jobs.partialPreviews.put(FILE, preview(PreviewField.leaf("notes", "notes", "x", "x", "free-text", "scrub-text")));
        show(FILE);
        assertFalse(vm.partialProperty().get());
        assertEquals("first_name", vm.previewProperty().get().records().get(0).fields().get(0).name());
    }

    @Test
    void noPartialPreviewOnceTheExportsSessionIsOpen() {
        show(FILE);
        jobs.calls.clear();
        show(OTHER);
        assertFalse(jobs.calls.contains("previewPartial"));
    }

    @Test
    void timeFromRequestToResultIsMeasured() {
        vm.fileProperty().set(FILE);
        clock.set(42_000_000L);
        queue.runAll();
        assertEquals(42, vm.lastMillisProperty().get());
    }

    @Test
    void whyFindsTheDecisionOfTheSelectedField() {
        show(FILE);
        FieldDecision d = new FieldDecision("first_name", "first_name", "names", "remove", false, "rule 'names'");
        jobs.decisions = List.of(d);
        vm.selectedFieldProperty().set(vm.previewProperty().get().records().get(0).fields().get(0));
        vm.explainSelected();
        queue.runAll();
        assertSame(d, vm.explanationProperty().get());
    }

    @Test
    void selectingAnotherFieldClearsTheExplanation() {
        show(FILE);
        jobs.decisions = List.of(new FieldDecision("first_name", "first_name", "names", "remove", false, "r"));
        vm.selectedFieldProperty().set(vm.previewProperty().get().records().get(0).fields().get(0));
        vm.explainSelected();
        queue.runAll();
        vm.selectedFieldProperty().set(vm.previewProperty().get().records().get(0).fields().get(1));
        assertNull(vm.explanationProperty().get());
    }

    @Test
    void withoutAProfileNothingIsPreviewed() {
        vm.profileProperty().set(null);
        show(FILE);
        assertEquals("preview.noProfile", vm.messageProperty().get().key());
        assertEquals(0, jobs.sessionsOpened);
    }
}
