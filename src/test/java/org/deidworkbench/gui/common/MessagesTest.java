package org.deidworkbench.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The workbench speaks English and German, and English where it cannot speak the user's language. */
class MessagesTest {

    @Test
    void germanLocaleGetsGermanWords() {
        assertEquals("Eingaben", Messages.of(Locale.GERMANY).get("area.inputs"));
    }

    @Test
    void englishLocaleGetsEnglishWords() {
        assertEquals("Inputs", Messages.of(Locale.UK).get("area.inputs"));
    }

    @Test
    void unsupportedLanguageFallsBackToEnglishNotToTheSystemLanguage() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertEquals("Inputs", Messages.of(Locale.FRENCH).get("area.inputs"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void argumentsAreFilledInWithTheLanguagesNumberFormat() {
        assertEquals("Preview of a.csv: 1,234 fields changed, 5 ms.",
                Messages.of(Locale.ENGLISH).get(LocalizedText.of("log.preview.done", "a.csv", 1234L, 5L)));
        assertEquals("Vorschau von a.csv: 1.234 Felder geändert, 5 ms.",
                Messages.of(Locale.GERMAN).get(LocalizedText.of("log.preview.done", "a.csv", 1234L, 5L)));
    }

    @Test
    void countsAgreeWithTheirNoun() {
        Messages en = Messages.of(Locale.ENGLISH);
        assertEquals("1 record shown, 1 field changed, in 3 ms", en.get("preview.summary", 1, 1L, 3L));
        assertEquals("5 records shown, no field changed, in 3 ms", en.get("preview.summary", 5, 0L, 3L));
    }
}
