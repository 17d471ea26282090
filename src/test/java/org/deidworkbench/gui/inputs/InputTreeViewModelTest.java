package org.deidworkbench.gui.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The input tree's state: folders walked off the FX thread, formats and badges, selection. */
class InputTreeViewModelTest {

    @TempDir
    Path dir;

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private InputTreeViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("export/sub"));
        Files.writeString(dir.resolve("export/a.csv"), "id,name\n1,x\n");
        Files.writeString(dir.resolve("export/sub/b.csv"), "id,name\n2,y\n");
        Files.write(dir.resolve("export/scan.bin"), new byte[] {0, 1, 2, (byte) 0xff});
        vm = new InputTreeViewModel(jobs, QueuedExecutor.tasks(queue));
    }

    private List<Path> open() {
        List<Path> opened = new ArrayList<>();
        vm.open(List.of(dir.resolve("export")), opened::addAll);
        queue.runAll();
        return opened;
    }

    @Test
    void openingAFolderListsItsFilesFoldersFirst() {
        open();
        InputItem root = vm.roots().get(0);
        assertEquals(List.of("sub", "a.csv", "scan.bin"), root.children().stream().map(InputItem::name).toList());
    }

    @Test
    void openedRootsAreHandedBack() {
        assertEquals(List.of(dir.resolve("export").toAbsolutePath().normalize()), open());
    }

    @Test
    void cleanableFileIsPendingAndAnUnknownOneWithheld() {
        open();
        assertEquals(FileStatus.PENDING, vm.find(dir.resolve("export/a.csv")).orElseThrow().status());
        InputItem unknown = vm.find(dir.resolve("export/scan.bin")).orElseThrow();
        assertEquals(FileStatus.WITHHELD, unknown.status());
        assertEquals(LocalizedText.of("tree.withheld.reason", "FORMAT-UNKNOWN"), unknown.reasonProperty().get());
    }

    @Test
    void aLinkIsWithheldAsALinkNotAsAnUnknownFormat() throws Exception {
        Files.createSymbolicLink(dir.resolve("export/linked.csv"), dir.resolve("export/a.csv"));
        open();
        InputItem link = vm.find(dir.resolve("export/linked.csv")).orElseThrow();
        assertEquals(FileStatus.WITHHELD, link.status());
        assertEquals(LocalizedText.of("tree.withheld.reason", "INPUT-LINK-NOT-FOLLOWED"), link.reasonProperty().get());
    }

    @Test
    void selectingAFileMakesItTheSelectedFileAndAFolderClearsIt() {
        open();
        vm.select(dir.resolve("export/sub/b.csv"));
        assertEquals(dir.resolve("export/sub/b.csv").toAbsolutePath().normalize(), vm.selectedFileProperty().get());
        vm.selectedProperty().set(vm.roots().get(0));
        assertNull(vm.selectedFileProperty().get());
    }

    @Test
    void statusCanBeSetByPath() {
        open();
        vm.setStatus(dir.resolve("export/a.csv"), FileStatus.ERROR, LocalizedText.of("tree.reason", "CSV-RAGGED-ROW"));
        assertEquals(FileStatus.ERROR, vm.find(dir.resolve("export/a.csv")).orElseThrow().status());
    }

    @Test
    void formatsAreDetectedOffTheCallingThreadOnly() {
        vm.open(List.of(dir.resolve("export")), p -> { });
        assertEquals(List.of(), jobs.calls, "nothing is detected before the worker runs");
        queue.runAll();
        assertEquals(3, jobs.calls.size());
    }
}
