package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0184: a surname of the name lists that names a score, a sign or an instrument stays before the number or the
 * word that makes it one, and a cue's full stop ends its sentence; a cue or the patient's own name still makes a name.
 */
class EponymsInNotesTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, SUBJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Pain 7/10, Gleason 3+4 (2/12 cores) on prior biopsy.",
        "Murphy's sign positive; Foley catheter placed; Mallampati class II; Apgar 8/9.",
        "Braden 14, Morse fall scale 45, Karnofsky 70, Breslow 1.2 mm, Killip class I, Clark IV.",
        "Babinski sign absent, Romberg test negative, Valsalva maneuver done.",
        "f/u with PCP. Strength 5/5 in all four.",
        "Seen by PCP. Plan unchanged.",
        // a sign's eponym with its result and no "sign" (decision 0194)
        "Exam: Romberg negative, Tinel positive R wrist, Lachman neg, Kernig and Brudzinski negative."})
    void eponymsAndSentencesAfterACueStay(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Seen by Dr. Foley today.|Seen by Dr. [NAME] today.",
        "Wife Gleason visited.|Wife [NAME] visited.",
        // a common surname before a number is no score's
        "Seen with Ambrose Jones 2 days ago.|Seen with [NAME] [NAME] 2 days ago.",
        "PCP Ottoline Brackwater called.|PCP [NAME] [NAME] called.",
        "lek. Kuźniar zalecił kontrolę.|lek. [NAME] zalecił kontrolę.",
        "Son Murphy negative for strep.|Son [NAME] negative for strep."})
    void aCueStillMakesAName(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @org.junit.jupiter.api.Test
    void thePatientsOwnNameIsRemovedWhereverItStands() {
        KnownIdentifiers known = new KnownIdentifiers();
        known.add("Murphy", "[NAME]");
        assertEquals("[NAME]'s sign positive, [NAME] reports pain.",
                new TextScrubber(known.snapshot()).scrub("Murphy's sign positive, Murphy reports pain.", SUBJECT));
    }
}
