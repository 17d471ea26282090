package org.deidworkbench.gui.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The strength meter's steps. */
class PassphraseStrengthTest {

    @Test
    void fewerThanEightCharactersAreTooShort() {
        assertEquals(PassphraseStrength.Level.TOO_SHORT, PassphraseStrength.rate("Ab1!xyz"));
    }

    @Test
    void wellKnownPasswordIsWeak() {
        assertEquals(PassphraseStrength.Level.WEAK, PassphraseStrength.rate("password1"));
    }

    @Test
    void runOfConsecutiveCharactersIsWeak() {
        assertEquals(PassphraseStrength.Level.WEAK, PassphraseStrength.rate("abcdefgh12345678"));
    }

    @Test
    void severalUnrelatedWordsAreStrong() {
        assertEquals(PassphraseStrength.Level.STRONG, PassphraseStrength.rate("correct horse battery staple"));
    }

    @Test
    void longerIsStrongerForTheSameKindOfCharacters() {
        assertTrue(PassphraseStrength.bits("walnut-tide-ember") > PassphraseStrength.bits("walnut-tide"));
    }
}
