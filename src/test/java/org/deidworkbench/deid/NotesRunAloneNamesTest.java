package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and places a notes file handed out alone names with no table to announce them (decision 0136): a name at a
 * note's head, after a patient cue, after a form of address with two surnames, a Hebrew note's opening name, a town
 * after "seen at"; and Polish declined forms of a name a table gave.
 */
class NotesRunAloneNamesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    private static TextScrubber scrubberKnowing(String... valueThenReplacement) {
        KnownIdentifiers ids = new KnownIdentifiers();
        for (int i = 0; i < valueThenReplacement.length; i += 2) {
            ids.add(valueThenReplacement[i], valueThenReplacement[i + 1]);
        }
        return new TextScrubber(ids.snapshot());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sione Fifita-Halloran, laparoscopic appendicectomy.|[NAME] [NAME]-[NAME], laparoscopic appendicectomy.",
        "Catalina Riquelme: seen in clinic.|[NAME] [NAME]: seen in clinic.",
        "Tavita Ostrowski - review.|[NAME] [NAME] - review.",
        "Marguerite Thibodeaux|[NAME] [NAME]",
        "Losana Vainikolo-Tuipulotu, 027 555 1934.|[NAME] [NAME]-[NAME], [PHONE]."})
    void aNameOpeningANoteWithNameEvidenceIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** A clinical phrase at a note's head: an ordinary word, lower case, capitals, or no evidence of a name. */
    @ParameterizedTest
    @ValueSource(strings = {"Chest pain, radiating to the left arm.", "Laparoscopic appendicectomy, uneventful.",
        "Paciente estable, sin cambios.", "Seen at ED overnight.", "Diabetes Mellitus, type 2.",
        "Non-Hodgkin Lymphoma: stage II.", "Chronic Obstructive Pulmonary Disease, exacerbation.",
        "Stevens-Johnson Syndrome, admitted.", "Hodgkin Lymphoma, relapse.", "Guillain-Barré Syndrome: improving.",
        "Wolff Parkinson White pattern on ECG.", "Herr Doktor, bitte.", "Patient Education provided.",
        "Fifita Halloran went home.", "Sione Fifita-Halloran went home."})
    void aClinicalPhraseOrAnUnconfirmedNameAtANotesHeadIsKept(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Paciente Catalina Fuenzalida Riquelme, RUT pendiente.|Paciente [NAME] [NAME] [NAME], RUT pendiente.",
        "Ingreso. Paciente María Guadalupe Hernández López, 65 años, CURP en trámite.|"
            + "Ingreso. Paciente [NAME] [NAME] [NAME] [NAME], 65 años, CURP en trámite.",
        "Patient: Marguerite Abernathy, 82, fell at home.|Patient: [NAME] [NAME], 82, fell at home.",
        "Visita. La paziente Giulia Bianchi riferisce dolore.|Visita. La paziente [NAME] [NAME] riferisce dolore."})
    void aNameAfterAPatientCueConfirmedByTheNameListsIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** After a patient cue, capitalised words the name lists do not know are kept: a template in Title Case. */
    @ParameterizedTest
    @ValueSource(strings = {"Control. Paciente Diabético Hipertenso, acude a control.",
        "Reviewed. Patient Controlled Analgesia stopped.", "Nota. Paciente Estable, Afebril.",
        "Plan: Patient Information Leaflet given."})
    void unknownCapitalisedWordsAfterAPatientCueAreKept(String text) {
        assertEquals(text, scrub(text));
    }

    @Test
    void aFormOfAddressTakesTwoGivenNamesAndTwoSurnames() {
        assertEquals("Alta. Sr. [NAME] [NAME] [NAME] [NAME] (RFC pendiente).",
                scrub("Alta. Sr. José Ángel Ramírez Ochoa (RFC pendiente)."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "אביטל בן-שטרית, ת.ז. 038124574, הגיעה עם כאב בחזה.|[NAME] [NAME], ת.ז. [NUMBER], הגיעה עם כאב בחזה.",
        "יהונתן רוזנצוויג שוחרר במצב יציב.|[NAME] [NAME] שוחרר במצב יציב.",
        "נועה כהן הגיעה לביקורת.|[NAME] [NAME] הגיעה לביקורת."})
    void aHebrewNameOpeningANoteIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"כאב בחזה, הגיע לביקורת.", "אוטם שריר הלב, מצב יציב.", "שוחרר במצב יציב.",
        "המטופל הגיע לביקורת.", "בדיקה חוזרת בעוד שבוע."})
    void aHebrewNoteOpeningWithItsFindingIsKept(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Rāwiri seen at Kaikohe with his sister.|Rāwiri seen at [LOCATION] with his sister.",
        "Reviewed at Ōpōtiki last week.|Reviewed at [LOCATION] last week.",
        "Seen at Kaikohe Hospital on Monday.|Seen at [LOCATION] Hospital on Monday."})
    void aTownWhereThePatientWasSeenIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Seen at ED overnight.", "Seen at Rheumatology today.", "seen at Fracture Clinic.",
        "Seen at Outpatients.", "Seen at Home by the nurse.", "seen at 10:30 by the registrar.", "Seen at GP.",
        "Seen at Children's Hospital, Cardiology Department.", "Transferred to Paediatrics overnight."})
    void aServiceOrAWardWhereThePatientWasSeenIsKept(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource({"Kowalskiej,Kowalska", "Kowalską,Kowalska", "Wiśniewskiego,Wiśniewski", "Wiśniewskiemu,Wiśniewski",
        "Wiśniewskim,Wiśniewski", "Nowakowi,Nowak", "Nowakiem,Nowak", "Nowaka,Nowak", "Haliny,Halina",
        "Halinę,Halina", "Żółkowskiego,Żółkowski", "Łęckiej,Łęcka"})
    void aPolishDeclinedNameFindsTheFormARunKnows(String declined, String known) {
        Set<String> set = Set.of(KnownIdentifiers.normalizeToken(known));
        assertEquals(KnownIdentifiers.normalizeToken(known),
                PolishNames.knownBase(KnownIdentifiers.normalizeToken(declined), set::contains));
    }

    @Test
    void aShortOrUnrelatedWordIsNoPolishDeclinedForm() {
        Set<String> known = Set.of("ANNA", "NOWAK", "JAN");
        assertNull(PolishNames.knownBase("ANNY", known::contains), "a stem of three letters is too short");
        assertNull(PolishNames.knownBase("JANA", known::contains));
        assertNull(PolishNames.knownBase("NOWAKOWSKI", known::contains));
        assertNull(PolishNames.knownBase("СМИРНОВОЙ", Set.of("СМИРНОВ")::contains));
    }

    @Test
    void thePolishDeclinedFormsOfNamesATableGaveAreReplacedInANote() {
        TextScrubber s = scrubberKnowing("KOWALSKA", "[NAME]", "NOWAK", "[NAME]", "WIŚNIEWSKI", "[NAME]");
        assertEquals("Wynik przekazano [NAME] telefonicznie, [NAME] wypisano.",
                s.scrub("Wynik przekazano Kowalskiej telefonicznie, Kowalską wypisano.", null));
        assertEquals("Zalecenia przekazano [NAME]. Rozmowa z [NAME], karta [NAME].",
                s.scrub("Zalecenia przekazano Nowakowi. Rozmowa z Wiśniewskim, karta Wiśniewskiego.", null));
        assertEquals("wynik dla kowalskiej", s.scrub("wynik dla kowalskiej", null), "a word in lower case");
    }
}
