package org.deidworkbench.gui.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The passphrase dialogs allow OK only for an acceptable passphrase. */
class PassphraseViewModelTest {

    @Test
    void newPassphraseNeedsTheSameConfirmation() {
        PassphraseViewModel vm = new PassphraseViewModel(true);
        vm.update("correct horse battery", "correct horse batter");
        assertTrue(vm.mismatchProperty().get());
        assertFalse(vm.acceptableProperty().get());
        vm.update("correct horse battery", "correct horse battery");
        assertTrue(vm.acceptableProperty().get());
    }

    @Test
    void newPassphraseShorterThanEightIsRefusedEvenIfConfirmed() {
        PassphraseViewModel vm = new PassphraseViewModel(true);
        vm.update("short", "short");
        assertFalse(vm.acceptableProperty().get());
    }

    @Test
    void unlockingNeedsOnlySomethingTyped() {
        PassphraseViewModel vm = new PassphraseViewModel(false);
        vm.update("", "");
        assertFalse(vm.acceptableProperty().get());
        vm.update("x", "");
        assertTrue(vm.acceptableProperty().get());
    }

    @Test
    void copyGivesTheCharactersWithoutAString() {
        assertArrayEquals("abc".toCharArray(), PassphraseViewModel.copy(new StringBuilder("abc")));
    }
}
