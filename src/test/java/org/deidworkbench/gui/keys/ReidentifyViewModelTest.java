package org.deidworkbench.gui.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deidworkbench.gui.common.FakeJobService;
import org.deidworkbench.gui.common.QueuedExecutor;
import org.deidworkbench.keyfile.KeyFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The re-identify dialog's state without a stage: a reason first, answers only in the dialog, counts in the log. */
class ReidentifyViewModelTest {

    private static final Path KEY = Path.of("/study.deidkey");

    private final FakeJobService jobs = new FakeJobService();
    private final QueuedExecutor queue = new QueuedExecutor();
    private final List<String> heard = new ArrayList<>();
    private ReidentifyViewModel vm;

    @BeforeEach
    void setUp() {
        jobs.originals.put("PX7K2M9Q4T1B", "100200");
        vm = new ReidentifyViewModel(jobs, QueuedExecutor.tasks(queue));
        vm.setListener((file, asked, found, entry) -> heard.add(file + " " + found + "/" + asked + " #" + entry));
        vm.keyFileProperty().set(KEY);
    }

    @Test
    void noLookupWithoutAReasonOfEightCharacters() {
        vm.valuesProperty().set("PX7K2M9Q4T1B");
        vm.reasonProperty().set("  why?  ");
        assertFalse(vm.readyProperty().get());
        char[] p = "passphrase".toCharArray();
        vm.lookUp(p);
        queue.runAll();
        assertTrue(jobs.calls.isEmpty(), "nothing asked of the key file");
        assertArrayEquals(new char[p.length], p, "the passphrase is wiped all the same");
        vm.reasonProperty().set("Ticket 4711");
        assertTrue(vm.readyProperty().get());
    }

    @Test
    void valuesAreSplitOnLinesCommasAndSpaces() {
        vm.valuesProperty().set(" A1,B2;\n\nC3  D4\t");
        assertEquals(List.of("A1", "B2", "C3", "D4"), vm.pseudonyms());
    }

    @Test
    void answersAreShownAndTheListenerHearsCountsOnly() {
        vm.reasonProperty().set("Ticket 4711: recall");
        vm.valuesProperty().set("PX7K2M9Q4T1B\nUNKNOWN");
        char[] p = "passphrase".toCharArray();
        vm.lookUp(p);
        queue.runAll();
        assertEquals(Optional.of("100200"), vm.answers().get(0).original());
        assertTrue(vm.answers().get(1).original().isEmpty());
        assertEquals("Ticket 4711: recall", jobs.lastReason);
        assertEquals(List.of(KEY + " 1/2 #1"), heard);
        assertEquals("reidentify.recorded", vm.recordedProperty().get().key());
        assertFalse(vm.recordedProperty().get().args().contains("100200"));
        assertArrayEquals(new char[p.length], p);
    }

    @Test
    void aBlankDomainMeansEveryDomain() {
        vm.reasonProperty().set("Ticket 4711: recall");
        vm.valuesProperty().set("PX7K2M9Q4T1B");
        vm.domainProperty().set("  ");
        vm.lookUp("passphrase".toCharArray());
        queue.runAll();
        assertEquals("patient", vm.answers().get(0).domain());
    }

    @Test
    void clearingForgetsTheAnswersAndTheValues() {
        vm.reasonProperty().set("Ticket 4711: recall");
        vm.valuesProperty().set("PX7K2M9Q4T1B");
        vm.lookUp("passphrase".toCharArray());
        queue.runAll();
        vm.clear();
        assertTrue(vm.answers().isEmpty());
        assertEquals("", vm.valuesProperty().get());
        assertNull(vm.recordedProperty().get());
    }

    @Test
    void aWrongPassphraseIsAStewardErrorAndNothingIsShown() {
        jobs.keyFileFailure = new KeyFileException(KeyFileException.Reason.WRONG_PASSPHRASE, KEY, "Wrong passphrase");
        vm.reasonProperty().set("Ticket 4711: recall");
        vm.valuesProperty().set("PX7K2M9Q4T1B");
        vm.lookUp("passphrase".toCharArray());
        queue.runAll();
        assertEquals("error.keyfile.wrongPassphrase", vm.failureProperty().get().message().key());
        assertTrue(vm.answers().isEmpty());
        assertFalse(vm.busyProperty().get());
    }
}
