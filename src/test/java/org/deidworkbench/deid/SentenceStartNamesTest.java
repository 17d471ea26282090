package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0241: a given name that is no ordinary word, alone at a sentence's start, is a name when the sentence goes
 * on from it as from its subject — a word in lower case or a possessive — as it is anywhere else in a sentence. A
 * capital at a sentence's start still says nothing of a word followed by a number, a capitalised word, nothing, a word
 * of another language, or after an abbreviation's full stop.
 */
class SentenceStartNamesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Henrietta drove me home after the procedure.|[NAME] drove me home after the procedure.",
        "Pt stable. Henrietta's husband called at noon.|Pt stable. [NAME]'s husband called at noon.",
        "Slept well. Philippa visited in the evening.|Slept well. [NAME] visited in the evening.",
        "\"Hortensia is my daughter,\" she said.|\"[NAME] is my daughter,\" she said.",
        "Seen today; Marisol reports less pain.|Seen today; [NAME] reports less pain.",
        "Seen by PCP. Henrietta drove.|Seen by PCP. [NAME] drove.",
        "Drove home with Henrietta.|Drove home with [NAME]."})
    void aGivenNameStartingASentenceAsItsSubjectIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /**
     * Eponyms, a drug's dose, a heading, a word alone, French and Portuguese words the name lists hold, a saint's name
     * after "St." and a holiday stay as they were.
     */
    @ParameterizedTest
    @ValueSource(strings = {"Allegra 180 mg daily.", "Graves disease suspected.", "Hodgkin lymphoma confirmed.",
        "Cushing syndrome ruled out.", "Murphy sign positive.", "Foley catheter placed.", "Apgar scores 8 and 9.",
        "Parkinson symptoms worse.", "Chest pain. Doppler shows flow.", "Henrietta", "Allegra: 180 mg daily.",
        "Elle est venue seule.", "Ella es mi hija.", "Sie ist zu Hause.", "Les patients sont vus.", "Mora na cidade.", "Clinic at St. Vincent is closed.", "Easter plans unchanged."})
    void eponymsDosesAndWordsAloneStay(String text) {
        assertEquals(text, scrub(text));
    }
}
