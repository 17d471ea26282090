package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0219: names written into an identifier with underscores, as a sequencing core names its samples and runs
 * ({@code Danuta_Kowalczyk_mother}, {@code Kowalczyk_M_1987}), a role's label before a name in a note, and an
 * abbreviation in capitals that made a sentence look like a title ("… Marek Kowalczyk DOB … MRN …").
 */
class UnderscoredNamesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    private static String scrubKnowing(String text, String known) {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add(known, "[NAME]");
        return new TextScrubber(ids.snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Marek_Kowalczyk_proband|[NAME]_[NAME]_proband",
        "Danuta_Kowalczyk_mother|[NAME]_[NAME]_mother",
        "Kowalczyk_M_1987|[NAME]_M_1987",
        "Trio for proband Marek Kowalczyk DOB 1987 MRN pending|Trio for proband [NAME] [NAME] DOB 1987 MRN pending",
        "Investigator: Helga Brandstetter|Investigator: [NAME] [NAME]",
        "User Name: Helga Brandstetter|User Name: [NAME] [NAME]",
        "Technician: Ortwin Sauerbier|Technician: [NAME] [NAME]"})
    void aNameInAnIdentifierOrAfterARoleIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** A given name no list knows, joined by an underscore to a surname the run knows. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tadeusz_Kowalczyk_father|[NAME]_[NAME]_father",
        "Tadeusz Kowalczyk consented|[NAME] [NAME] consented"})
    void aGivenNameBeforeAKnownSurnameIsReplaced(String text, String expected) {
        assertEquals(expected, scrubKnowing(text, "Kowalczyk"));
    }

    /**
     * Decision 0222: a registry's remarks in capitals name a relative by a given name no list knows before the surname
     * the run knows ("SON TUNDE OYEKUNLE JR CONTACT"); a relative's condition stays ("MOTHER CAD", "FATHER COPD").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "REFERRED BY DR KITTREDGE. SON TUNDE OYEKUNLE JR CONTACT.|REFERRED BY DR [NAME]. SON [NAME] [NAME] JR CONTACT.",
        "MOTHER CAD. FATHER COPD. SON OYEKUNLE AWARE.|MOTHER CAD. FATHER COPD. SON [NAME] AWARE.",
        "PT HAS COPD OYEKUNLE|PT HAS COPD [NAME]"})
    void aRelativesGivenNameInCapitalsBeforeAKnownSurnameIsReplaced(String text, String expected) {
        assertEquals(expected, scrubKnowing(text, "OYEKUNLE"));
    }

    /** Decision 0223: an ambulance crew signs with EMT, AEMT, NRP or CCEMTP after the name, a double name too. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Crew: J. Marchetti EMT-P, D. Okafor-Lund EMT.|Crew: [NAME]. [NAME] EMT-P, [NAME]. [NAME]-[NAME] EMT.",
        "Crew: T. Vasquez-Oyelade NRP.|Crew: [NAME]. [NAME]-[NAME] NRP.",
        "EMT arrived; EMT-P on scene.|EMT arrived; EMT-P on scene."})
    void anAmbulanceCrewsNamesBeforeTheirCredentialsAreReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"WES_2024_03", "Nextera_DNA_Flex", "Tumor_Normal_pair", "Investigator brochure reviewed",
        "Physician Assistant Notes", "IDT_UD_Indexes", "Hodgkin Lymphoma, relapse.", "Extended Release Oral Tablet"})
    void aTechnicalNameOrATitleStays(String text) {
        assertEquals(text, scrub(text));
    }
}
