package org.deidworkbench.gui.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.RunRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The key file panel's state: details without a passphrase, history with it, the passphrase wiped. */
class KeyFileViewModelTest {

    private static final Path KEY = Path.of("/study.deidkey");

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private KeyFileViewModel vm;

    @BeforeEach
    void setUp() {
        jobs.info = new KeyFileInfo(KEY, 900, "AES-256-GCM", 16, List.of());
        vm = new KeyFileViewModel(jobs, QueuedExecutor.tasks(queue));
    }

    @Test
    void selectingShowsTheSealingWithoutAPassphrase() {
        vm.select(KEY);
        queue.runAll();
        assertEquals("AES-256-GCM", vm.infoProperty().get().contentCipher());
        assertEquals(List.of("inspectKeyFile"), jobs.calls);
    }

    @Test
    void unlockingShowsTheHistoryAndWipesThePassphrase() {
        jobs.history = List.of(new RunRecord("r1", Instant.EPOCH, Instant.EPOCH, "dev", "csv-template", "s", "out", 4, 0,
                0, 12));
        vm.select(KEY);
        char[] p = "the passphrase".toCharArray();
        vm.unlock(p);
        queue.runAll();
        assertEquals(1, vm.history().size());
        assertTrue(vm.unlockedProperty().get());
        assertArrayEquals(new char[p.length], p);
    }

    @Test
    void anUnlockedKeyIsHandedToPreviewsUntilLockedOrAnotherFileIsChosen() {
        vm.select(KEY);
        vm.unlock("the passphrase".toCharArray());
        queue.runAll();
        assertEquals(KEY, vm.keyProperty().get().file());
        vm.lock();
        assertNull(vm.keyProperty().get());
        assertEquals(false, vm.unlockedProperty().get());
        vm.unlock("the passphrase".toCharArray());
        queue.runAll();
        vm.select(Path.of("/other.deidkey"));
        assertNull(vm.keyProperty().get(), "another key file is locked until its own passphrase is given");
        assertTrue(vm.history().isEmpty());
    }

    @Test
    void wrongPassphraseIsAStewardErrorAndTheHistoryStaysLocked() {
        vm.select(KEY);
        queue.runAll();
        jobs.keyFileFailure = new KeyFileException(KeyFileException.Reason.WRONG_PASSPHRASE, KEY, "Wrong passphrase");
        vm.unlock("nope nope".toCharArray());
        queue.runAll();
        assertEquals("error.keyfile.wrongPassphrase", vm.failureProperty().get().message().key());
        assertEquals(false, vm.unlockedProperty().get());
    }

    @Test
    void creatingWipesThePassphraseAndShowsTheNewFile() {
        char[] p = "the passphrase".toCharArray();
        vm.create(KEY, p);
        queue.runAll();
        assertArrayEquals(new char[p.length], p);
        assertEquals(KEY, vm.keyFileProperty().get());
        assertEquals(List.of("createKeyFile", "inspectKeyFile"), jobs.calls);
    }
}
