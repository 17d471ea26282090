package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names a notes file run alone still leaked (decision 0140): surnames in capitals, chart headers, labelled patient
 * names, names after a form of address with their particles, a middle initial before a credential, the rest of a name
 * found and its later mentions; and the clinical words in capitals, services and templates that stay.
 */
class NameConventionsTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mme LEFÈVRE Amélie, née le 03/02/1958.|Mme [NAME] [NAME], née le [DOB].",
        "M. DUCHÂTEAU François-Xavier, SCA ST-.|M. [NAME] [NAME]-[NAME], SCA ST-.",
        "Sig. SCHIAVONE Gianfranco, BPCO riacutizzata.|Sig. [NAME] [NAME], BPCO riacutizzata.",
        "Sra. IBÁÑEZ ingresa.|Sra. [NAME] ingresa.",
        "Herr MÜLLER-STRAUSS wurde aufgenommen.|Herr [NAME]-[NAME] wurde aufgenommen.",
        "Ricoverato ROSSI Mario, 72 anni.|Ricoverato [NAME] [NAME], 72 anni.",
        "KOWALSKI, Jan przyjęty.|[NAME], [NAME] przyjęty."})
    void aSurnameInCapitalsAfterAFormOfAddressOrBeforeAGivenNameIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mme ALD depuis 2019.", "M. HTA connue.", "ECG Normal.", "Contrôle IRM Maria.",
        "PLAN Maria to follow.", "HISTORY OF Maria reviewed.", "BPCO Maria", "COPD, MARY reports.",
        "Bilan: HTA, Maria refuse."})
    void anAbbreviationOrAWordInCapitalsIsNoSurname(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "HALVORSEN-PRYCE, BRYNJA K   MRN: 4471205|[NAME]-[NAME], [NAME] [NAME]   MRN: [ID]",
        "Patient: Zandervelt-Orsini, Clementine R   MRN: 7730415|Patient: [NAME]-[NAME], [NAME] [NAME]   MRN: [ID]",
        "O'BRIEN, SIOBHAN reports wheeze.|[NAME]'[NAME], [NAME] reports wheeze.",
        "Seen. VAN DER BERG, PIETER, DOB 07/30/1949.|Seen. [NAME] [NAME] [NAME], [NAME], DOB [DOB].",
        "AYŞEGÜL IŞIK, KOAH alevlenmesi.|[NAME] [NAME], KOAH alevlenmesi."})
    void aNameWrittenSurnameFirstOrWhollyInCapitalsIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DIAGNOSIS, PLAN   MRN: 4471205", "ASSESSMENT, Plan reviewed.", "CHF, MARY to call."})
    void aHeadingInCapitalsIsNoName(String text) {
        assertEquals(text.replace("4471205", "[ID]"), scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Patient: Tressiline Vandermoor, 45 y/o.|Patient: [NAME] [NAME], 45 y/o.",
        "Paciente: Rosimeire Bezerra.|Paciente: [NAME] [NAME].",
        "Nom : Quorwick Halvesham|Nom : [NAME] [NAME]"})
    void aLabelledPatientNameNoListHoldsIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Paciente: Diabético Hipertenso, sem queixas.", "Patient: Stable overnight.",
        "Patient: Alert Oriented Cooperative.", "Paciente: Consciente Orientada.", "Patient: Tressiline."})
    void aLabelledTemplateOrASingleWordIsKept(String text) {
        assertEquals(text, scrub(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sra. Maria das Graças dos Santos Wanderley, CPF|Sra. [NAME] das [NAME] dos [NAME] [NAME], CPF",
        "Sr.ª D. Maria Fernanda Brandão, utente|Sr.ª D. [NAME] [NAME] [NAME], utente",
        "Dña. Consuelo Peñalver de la Torre recibe.|Dña. [NAME] [NAME] de la [NAME] recibe.",
        "Mlle N'Guessan Aïssata, crise d'asthme.|Mlle [NAME]'[NAME] [NAME], crise d'asthme.",
        "Mevr. Van den Berg, BSN|Mevr. [NAME] den [NAME], BSN",
        "Sig.ra Lo Presti, terapia.|Sig.ra [NAME] [NAME], terapia."})
    void aNameAfterAFormOfAddressKeepsItsParticlesAndLosesItsWords(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @Test
    void aStaffTitleBeforeAParticleLeadsToAServiceThatIsKept() {
        assertEquals("con la Dra. [NAME] de Cardiología.", scrub("con la Dra. Llorente de Cardiología."));
    }

    @Test
    void theRestOfANameAndItsLaterMentionsAreReplaced() {
        assertEquals("Dña. [NAME] del [NAME] [NAME]-[NAME] [NAME] (DNI [ID])",
                scrub("Dña. María del Pilar García-Valdecasas Ibáñez (DNI 51234567C)"));
        assertEquals("Call with Mrs. [NAME] after discharge. [NAME] agrees to weigh daily.",
                scrub("Call with Mrs. Dorothy Quackenbush after discharge. Quackenbush agrees to weigh daily."));
        assertEquals("PROGRESS NOTE\n[NAME] [NAME] seen for diabetes follow-up.",
                scrub("PROGRESS NOTE\nMildred Vantrease seen for diabetes follow-up."));
        assertEquals("Ring Mrs. [NAME]. [NAME] dotter följer med.", scrub("Ring Mrs. Dorothy Quackenbush. Quackenbushs dotter följer med."));
        assertEquals("[NAME] [NAME] (pnr [ID]) inkommer. [NAME] [NAME] har E11.9.",
                scrub("Åsa Lindqvist (pnr 580412-3921) inkommer. ÅSA LINDQVIST har E11.9."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a double name's part that is an ordinary word: glued by its hyphen to the name found (decision 0194)
        "Pt Rosamund Ellery-Pike, 64F.|Pt [NAME] [NAME]-[NAME], 64F.",
        "Seen with wife Marguerite Lloyd-Wood today.|Seen with wife [NAME] [NAME]-[NAME] today.",
        "Mrs. Pike-Ellery agrees.|Mrs. [NAME] agrees.",
        "Pt Rosamund Pike-Ellery, 64F.|Pt [NAME] [NAME]-[NAME], 64F.",
        "Sra. Inés Rosa-Lindqvist ingresa.|Sra. [NAME] [NAME]-[NAME] ingresa.",
        "Patient Rosamund Pike-Ellery seen.|Patient [NAME] [NAME]-[NAME] seen.",
        "Herr MÜLLER-STEIN wurde aufgenommen.|Herr [NAME]-[NAME] wurde aufgenommen.",
        // the same word after a space, or in lower case after the hyphen, is not the name's
        "Mrs Ellery-Pike well-known to us.|Mrs [NAME] well-known to us.",
        "Daughter Imogen X-ray clear.|Daughter [NAME] X-ray clear."})
    void aDoubleNamesPartThatIsAWordIsTheNamesToo(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @Test
    void aNameBeforeItsNationalOrRecordNumberIsReplacedButNotThePatientWord() {
        assertEquals("Paciente [NAME] [NAME], CPF [ID], acompanhada",
                scrub("Paciente Rosimeire Bezerra, CPF 529.982.247-25, acompanhada"));
        assertEquals("Cardiology consult for [NAME] [NAME] (MRN [ID]).",
                scrub("Cardiology consult for Barnaby Quillfeather (MRN 7731988)."));
    }

    @Test
    void aNameWithAMiddleInitialBeforeItsCredentialIsReplacedThoughItsWordsAreOrdinary() {
        assertEquals("[NAME] [NAME]. [NAME], PA", scrub("John Q. Smith, PA"));
        assertEquals("Internal Medicine, MD", scrub("Internal Medicine, MD"));
        assertEquals("Vitamin B. Complex, daily", scrub("Vitamin B. Complex, daily"));
    }

    @Test
    void aSurnameAloneAfterDiscussedWithIsReplacedAndAServiceKept() {
        assertEquals("Discussed with [NAME], agrees.", scrub("Discussed with Halvesham, agrees."));
        assertEquals("Discussed with Renal. Discussed with Plastics. Discussed with Neurosurgery.",
                scrub("Discussed with Renal. Discussed with Plastics. Discussed with Neurosurgery."));
    }

    @Test
    void aSentencesFirstWordBeforeADeclinedNameStaysOutOfIt() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Bożena", "[NAME]");
        TextScrubber s = new TextScrubber(ids.snapshot());
        assertEquals("Stan [NAME] dobry.", s.scrub("Stan Bożeny dobry.", null));
        assertEquals("Wypis. Stan [NAME] dobry.", s.scrub("Wypis. Stan Bożeny dobry.", null));
    }

    @Test
    void aWordInCapitalsIsASurnameByItsShape() {
        assertTrue(NameConventions.surnameShape("ROSSI"));
        assertTrue(NameConventions.surnameShape("ROY"));
        assertFalse(NameConventions.surnameShape("HTN"), "no vowel");
        assertFalse(NameConventions.surnameShape("BPCO"), "an abbreviation");
        assertFalse(NameConventions.surnameShape("LI"), "two letters");
    }

    /** Decision 0150: the name after a German title with its academic degrees, which the cue rule took for the name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Operateur Dr. med. Isolde Rautenberg, Assistenz|Isolde Rautenberg",
        "Prof. Dr. med. habil. Ottfried Brenneisen, Chefarzt|Ottfried Brenneisen",
        "Herrn Dr. med. Friedrich-Wilhelm von Hohenstein, geb.|Friedrich-Wilhelm Hohenstein",
        "Dr. rer. nat. Winfried Haselhorst|Winfried Haselhorst",
        "PD Dr. med. dent. Kunigunde Pfeilschifter|Kunigunde Pfeilschifter"})
    void theNameAfterADegreeTitleIsFound(String text, String name) {
        java.util.List<int[]> found = new java.util.ArrayList<>();
        NameConventions.degreeNames(text, found);
        StringBuilder b = new StringBuilder();
        for (int[] f : found) {
            b.append(b.length() == 0 ? "" : " ").append(text, f[0], f[1]);
        }
        assertEquals(name, b.toString());
        for (String word : name.split(" ")) {
            assertFalse(scrub(text).contains(word), scrub(text));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dr. med. univ. entlassen", "Dr. med. Station 4", "Dr. med. Die Patientin wurde",
        "Therapie med. Klinik Heidelberg"})
    void aDegreeTitleBeforeAnOrdinaryWordFindsNoName(String text) {
        java.util.List<int[]> found = new java.util.ArrayList<>();
        NameConventions.degreeNames(text, found);
        assertTrue(found.isEmpty(), text);
    }
}
