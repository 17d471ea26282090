package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0184: what a US clinic's note writes around an old relative's age, a nurse's or a practitioner's name and a
 * study's day — each was kept by the scrubber before.
 */
class UsClinicNotesTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, SUBJECT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a relative's age at death, the age one lived to, a relative's age in commas or brackets
        "Mother died at 94. Aunt deceased at 101.|Mother died at 90+. Aunt deceased at 90+.",
        "Father passed away at the age of 96; grandmother lived to 97.|Father passed away at the age of 90+; grandmother lived to 90+.",
        "Sister, 93, lives nearby; husband (91) at bedside.|Sister, 90+, lives nearby; husband (90+) at bedside.",
        // a nurse's or a practitioner's credential before a name no list holds
        "Seen with NP Ofori-Atta; RN Quillfeather gave meds; CNA Tuckerby helped.|Seen with NP [NAME]-[NAME]; RN [NAME] gave meds; CNA [NAME] helped.",
        // a study's day in a note's results
        "CT 3/12 showed no bleed. MRI (4/2) negative. Echo 5/3: EF 55%.|CT [DATE] showed no bleed. MRI ([DATE]) negative. Echo [DATE]: EF 55%.",
    })
    void agesNamesAndDaysAUsNoteWritesAreRemoved(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Mother died at 64; father lived to 88.",
        "Sister, 53, lives nearby.",
        "Died at 9:40 per family.",
        "NP swab sent. RN note reviewed. Polish: np. Warszawa, Kraków.",
        "CT 3 views, MRI 1.5 T, Echo EF 55%, ECG 12-lead.",
    })
    void youngerAgesWordsAfterCredentialsAndStudiesWithoutADayStay(String text) {
        assertEquals(text, scrub(text));
    }
}
