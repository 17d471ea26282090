package org.deidworkbench.gui.preview.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.gui.common.FakeImageSource;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.job.DicomImages;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.DicomRedaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Image tab's state without a stage: what is shown, what is masked, and where edits of the boxes go. */
class DicomImageViewModelTest {

    private static final Path CT = Path.of("sample-data", "dicom", "100200", "ct_20220117", "IM0001.dcm");
    private static final Path OTHER = Path.of("sample-data", "dicom", "100251", "mr_20230508", "IM0001.dcm");
    private static final Path CSV = Path.of("sample-data", "csv", "patients.csv");

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private final DicomImageViewModel vm = new DicomImageViewModel(jobs, QueuedExecutor.tasks(queue));
    private final List<Edit> edits = new ArrayList<>();
    private final List<FakeImageSource> opened = new ArrayList<>();

    private record Edit(String ruleId, DicomImage.Header header, List<DicomRedaction.Rectangle> rectangles) {
    }

    /** dicom-basic with one rule, "bar", of two boxes. */
    private static LoadedProfile withBar() throws Exception {
        String yaml = ProfileLoader.builtInText("dicom-basic").replace("redactions: []", "redactions:\n"
                + "    - id: bar\n      when: {modality: CT}\n      rectangles:\n"
                + "        - {x: 0, y: 0, width: 8, height: 2}\n        - {x: 4, y: 4, width: 2, height: 2}");
        return new LoadedProfile(ProfileLoader.parse(yaml, "t.yaml"), "t");
    }

    private void image(Path file, int frames, String redaction, DicomImages.Withheld withheld) {
        jobs.images.put(file, () -> {
            FakeImageSource s = new FakeImageSource(FakeImageSource.header(16, 8, frames), redaction, withheld);
            opened.add(s);
            return s;
        });
    }

    @BeforeEach
    void setUp() throws Exception {
        vm.setEditor((id, h, r) -> edits.add(new Edit(id, h, r)));
        vm.profileProperty().set(withBar());
    }

    private void select(Path file) {
        vm.fileProperty().set(file);
        queue.runAll();
    }

    @Test
    void aDicomFileShowsItsFirstFrameInTheFilesWindow() {
        image(CT, 1, null, null);
        select(CT);
        assertTrue(vm.availableProperty().get());
        assertEquals(100, vm.originalProperty().get().value(0, 0));
        assertEquals(200, vm.cleanedProperty().get().value(0, 0));
        assertEquals(40, vm.windowCenterProperty().get());
        assertEquals(400, vm.windowWidthProperty().get());
    }

    @Test
    void aCsvFileHasNoImageTab() {
        select(CSV);
        assertFalse(vm.availableProperty().get());
        assertFalse(jobs.calls.contains("openDicomImage"));
    }

    @Test
    void theRectanglesOfTheRuleThatAppliesAreShown() {
        image(CT, 1, "bar", null);
        select(CT);
        assertEquals(List.of(new DicomRedaction.Rectangle(0, 0, 8, 2), new DicomRedaction.Rectangle(4, 4, 2, 2)),
                vm.rectangles());
        assertEquals("bar", vm.ruleIdProperty().get());
    }

    @Test
    void aBoxDrawnOnAnImageNoRuleCoversAsksForANewRule() {
        image(CT, 1, null, null);
        select(CT);
        vm.addRectangle(vm.rectangle(2, 1, 6, 3).orElseThrow());
        assertEquals(1, edits.size());
        assertNull(edits.get(0).ruleId());
        assertEquals(List.of(new DicomRedaction.Rectangle(2, 1, 4, 2)), edits.get(0).rectangles());
        assertEquals("CT", edits.get(0).header().modality());
    }

    @Test
    void aBoxDrawnOnAnImageARuleCoversIsAddedToThatRule() {
        image(CT, 1, "bar", null);
        select(CT);
        vm.addRectangle(new DicomRedaction.Rectangle(10, 6, 2, 2));
        assertEquals("bar", edits.get(0).ruleId());
        assertEquals(3, edits.get(0).rectangles().size());
        assertEquals(2, vm.selectedProperty().get());
    }

    @Test
    void aMovedBoxReplacesItsOldPlace() {
        image(CT, 1, "bar", null);
        select(CT);
        vm.replaceRectangle(1, vm.moved(vm.rectangles().get(1), 3.2, -1.6));
        assertEquals(List.of(new DicomRedaction.Rectangle(0, 0, 8, 2), new DicomRedaction.Rectangle(7, 2, 2, 2)),
                edits.get(0).rectangles());
    }

    @Test
    void aBoxIsNeverMovedOutOfTheImage() {
        image(CT, 1, "bar", null);
        select(CT);
        assertEquals(new DicomRedaction.Rectangle(14, 6, 2, 2), vm.moved(vm.rectangles().get(1), 100, 100));
    }

    @Test
    void aBoxDrawnPastTheEdgeIsClippedToTheImage() {
        image(CT, 1, null, null);
        select(CT);
        assertEquals(Optional.of(new DicomRedaction.Rectangle(12, 0, 4, 3)), vm.rectangle(12.5, -4, 30, 2.2));
        assertEquals(Optional.empty(), vm.rectangle(20, 1, 30, 2));
    }

    @Test
    void removingTheSelectedBoxSendsTheOthers() {
        image(CT, 1, "bar", null);
        select(CT);
        vm.selectedProperty().set(0);
        vm.removeSelected();
        assertEquals(List.of(new DicomRedaction.Rectangle(4, 4, 2, 2)), edits.get(0).rectangles());
        assertEquals(-1, vm.selectedProperty().get());
    }

    @Test
    void pixelsUnderTheBoxesAreMaskedUntilRevealed() {
        image(CT, 1, "bar", null);
        select(CT);
        assertEquals(DicomImageViewModel.Mask.RECTANGLES, vm.maskProperty().get());
        vm.revealProperty().set(true);
        assertEquals(DicomImageViewModel.Mask.NONE, vm.maskProperty().get());
    }

    @Test
    void aWithheldImageIsMaskedWholeUntilRevealed() {
        image(CT, 1, null, new DicomImages.Withheld("DICOM-BURNED-IN-ANNOTATION", "an US image"));
        select(CT);
        assertEquals(DicomImageViewModel.Mask.WHOLE, vm.maskProperty().get());
        assertNull(vm.cleanedProperty().get());
        assertEquals("image.withheld", vm.withheldProperty().get().key());
    }

    @Test
    void anImageWithoutBoxesHidesNothing() {
        image(CT, 1, null, null);
        select(CT);
        assertEquals(DicomImageViewModel.Mask.NONE, vm.maskProperty().get());
    }

    @Test
    void choosingAFrameShowsThatFrameOnBothSides() {
        image(CT, 3, null, null);
        select(CT);
        vm.frameProperty().set(2);
        queue.runAll();
        assertEquals(102, vm.originalProperty().get().value(0, 0));
        assertEquals(202, vm.cleanedProperty().get().value(0, 0));
    }

    @Test
    void compressedPixelsGiveAMessageInsteadOfAnImage() {
        jobs.images.put(CT, () -> new FakeImageSource(new DicomImage.Header(16, 8, 1,
                DicomImage.Photometric.MONOCHROME2, 8, 1, 0, Double.NaN, Double.NaN, "US", "", "", "",
                DicomImage.Unavailable.COMPRESSED), null, null));
        select(CT);
        assertTrue(vm.availableProperty().get());
        assertNull(vm.originalProperty().get());
        assertEquals("image.unavailable.compressed", vm.messageProperty().get().key());
    }

    @Test
    void aFailureToOpenIsShownAsAMessage() {
        select(CT);
        assertTrue(vm.availableProperty().get());
        assertEquals("error.job.fileFailed", vm.messageProperty().get().key());
    }

    @Test
    void selectingAnotherFileClosesTheImageShownBefore() {
        image(CT, 1, null, null);
        image(OTHER, 1, null, null);
        select(CT);
        select(OTHER);
        assertTrue(opened.get(0).closed);
        assertFalse(opened.get(1).closed);
    }

    @Test
    void aChangedProfileReopensTheImageAndKeepsTheFrame() throws Exception {
        image(CT, 3, null, null);
        select(CT);
        vm.frameProperty().set(1);
        queue.runAll();
        vm.profileProperty().set(ProfileLoader.read("csv-template"));
        queue.runAll();
        assertEquals(2, opened.size());
        assertEquals(1, vm.originalProperty().get().frame());
    }

    @Test
    void aFileWindowThatShowsNoneOfTheValuesGivesWayToTheirRange() {
        jobs.images.put(CT, () -> new FakeImageSource(new DicomImage.Header(16, 8, 1,
                DicomImage.Photometric.MONOCHROME2, 12, 1, -1024, 400, 100, "CT", "", "", "", null), null, null));
        select(CT);
        assertEquals(100 - 1024, vm.windowCenterProperty().get());
        assertEquals(1, vm.windowWidthProperty().get());
    }

    @Test
    void draggingRightWidensTheWindow() {
        image(CT, 1, null, null);
        select(CT);
        vm.adjustWindow(50, 0);
        assertTrue(vm.windowWidthProperty().get() > 400);
        vm.resetWindow();
        assertEquals(400, vm.windowWidthProperty().get());
    }
}
