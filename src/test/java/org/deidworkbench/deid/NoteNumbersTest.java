package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0141: phones in their national notations, record numbers after their local labels and national numbers in
 * groups, as a notes file run alone writes them (synthetic values).
 */
class NoteNumbersTest {

    /** The text with what {@link NoteNumbers#find} found replaced (no overlaps here). */
    private static String replaced(String text) {
        List<NoteNumbers.Found> found = NoteNumbers.find(text).stream()
                .sorted(Comparator.comparingInt(NoteNumbers.Found::start).reversed()).toList();
        StringBuilder b = new StringBuilder(text);
        for (NoteNumbers.Found f : found) {
            b.replace(f.start(), f.end(), f.replacement());
        }
        return b.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "Contato da filha (11) 98765-4321 hoje => Contato da filha [PHONE] hoje",
        "A mãe ligou do (71) 3321-4567. => A mãe ligou do [PHONE].",
        "Sekretariat (22) 123-45-67, pokój 4 => Sekretariat [PHONE], pokój 4",
        "Esposa, 11 98765-4321, pede retorno => Esposa, [PHONE], pede retorno",
        "Filha 912 345 678 avisada => Filha [PHONE] avisada",
        "Zadzwonić 601 234 567 jutro => Zadzwonić [PHONE] jutro",
        "Telefonou do 22 208 1234. => Telefonou do [PHONE].",
        "Syn pyta o termin: 12 633 44 55 => Syn pyta o termin: [PHONE]",
        "wife at 217\\F\\555-0143 after 5 => wife at [PHONE] after 5",
        "wife at 217|555-0143 after 5 => wife at [PHONE] after 5",
        "丈夫陪同，电话 138 1234 5678。 => 丈夫陪同，电话 [PHONE]。",
        "연락처 010 2345 6789 => 연락처 [PHONE]",
    })
    void aPhoneInItsCountrysNotationIsFound(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Córka, tel. kom. 601-234-567|Córka, tel. kom. [PHONE]",
        "Tel.: 0 800 123 456, hotline|Tel.: [PHONE], hotline",
        "celular 9 8765 4321|celular [PHONE]",
        "joignable au 4 91 55 12 34 le soir|joignable au [PHONE] le soir",
        "Telefon 0221/98 76 54 3|Telefon [PHONE]",
        "TÉL. 0 800 123 456|TÉL. [PHONE]",
        "MÓVIL 1 234 5678|MÓVIL [PHONE]",
    })
    void anyNumberAfterAPhoneCueIsAPhone(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hb 12,5 g/dl, 3 x 500 mg, RR 120/80, range 120-140, 10:30, I50.0, 2 x 250 mg",
        "Custo 601 234 567 zł no total",
        "Dose 912 345 678 mg is no phone",
        "Glicemias 210 180 195 e 220 ao longo do dia",
        "amount 1 234 567 EUR",
        "tel. 12.03.2023 agendado",
        "processo inflamatório em 2019",
        "OPS 5-469.21, CCAM HHFA016, TUSS 31005497, LOINC 2345-7",
        "(1) 120 mg, (2) 240 mg",
        "nie 12 razy dziennie, przez 10 dni 2023",
    })
    void labValuesDosesCodesAndAmountsStay(String text) {
        assertEquals(text, replaced(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "prontuário 4471203 revisto|prontuário [ID] revisto",
        "processo n.º 2023/004512 revisto|processo n.º [ID] revisto",
        "nr karty 12345/2023 założona|nr karty [ID] założona",
        "N° dossier 2023-004512 ouvert|N° dossier [ID] ouvert",
        "Aktenzeichen 4 O 123/23 angelegt|Aktenzeichen [ID] angelegt",
        "NR KSIĘGI 2023/00451|NR KSIĘGI [ID]",
        "PATIËNTNUMMER 00451278|PATIËNTNUMMER [ID]",
        "Fallnummer: HC-120045 offen|Fallnummer: [ID] offen",
        "NHC 00451278 revisada|NHC [ID] revisada",
    })
    void aRecordNumberAfterItsLocalLabelIsFound(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "NIR 2 58 02 75 102 123 45 vérifié|NIR [ID] vérifié",
        "PESEL 520 314 123 63 sprawdzony|PESEL [ID] sprawdzony",
        "NIF 213 456 788 verificado|NIF [ID] verificado",
        "BSN 1234 56 782 gecontroleerd|BSN [ID] gecontroleerd",
        "N° SÉCU 2 58 02 75 102 123 45|N° SÉCU [ID]",
        "DNI 12.345.678-Z comprobado|DNI [ID] comprobado",
        "personnummer 19121212 1212 kontrollerat|personnummer [ID] kontrollerat",
        "ABHA 91-7781-3390-2264, CKD|ABHA [ID], CKD",
        // decision 0179: the Nordic, Finnish, Czech, Belgian and south-east European numbers, each with the birth date
        "Fødselsnummer 120361 12345 kontrollert.|Fødselsnummer [ID] kontrollert.",
        "fnr. 12036112345|fnr. [ID]",
        "CPR-nr. 120361-1234 oplyst|CPR-nr. [ID] oplyst",
        "Henkilötunnus 120361-123A tarkistettu.|Henkilötunnus [ID] tarkistettu.",
        "Rodné číslo 615312/1234 ověřeno.|Rodné číslo [ID] ověřeno.",
        "r. č. 615312/1234|r. č. [ID]",
        "Rijksregisternummer 61.03.12-123.45 gecontroleerd.|Rijksregisternummer [ID] gecontroleerd.",
        "numéro national 61.03.12-123.45|numéro national [ID]",
        "kennitala 120361-2399|kennitala [ID]",
        "isikukood 46103120123|isikukood [ID]",
        "CNP 2610312123456 verificat|CNP [ID] verificat",
        "OIB 12345678903|OIB [ID]",
        "EMŠO 1203961500123|EMŠO [ID]",
        "TAJ-szám 123 456 789|TAJ-szám [ID]",
    })
    void aNationalNumberInGroupsAfterItsLabelIsFound(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "assuré 1 84 12 76 451 089 46 ce jour|assuré [ID] ce jour",
        "assurée 2 69 05 2A 588 157 17.|assurée [ID].",
        "sofi 1234.56.782 bekend|sofi [ID] bekend",
        "documento 12345678Z en vigor|documento [ID] en vigor",
        "tarjeta X1234567L caducada|tarjeta [ID] caducada",
        "Sig.ra Rossi (C.F. RSSMRA52C54F839K), nata|Sig.ra Rossi (C.F. [ID]), nata",
        "codice fiscale rssmra52c54f839k.|codice fiscale [ID].",
        "PAN ABCPP1234K for the claim|PAN [ID] for the claim",
    })
    void aNationalNumberWithoutItsLabelIsFoundByItsCheck(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "assuré 1 84 12 76 451 089 47 ce jour",
        "sofi 1234.56.783 bekend",
        "documento 12345678A en vigor",
        "tarjeta X1234567M caducada",
        "Sig.ra Rossi (C.F. RSSMRA52C54F839Y), nata",
    })
    void aNumberWhoseCheckFailsStaysWithoutItsLabel(String text) {
        assertEquals(text, replaced(text));
    }

    @Test
    void theChecksTellValidFromInvalid() {
        assertTrue(CheckDigits.nir("184127645108946"));
        assertTrue(CheckDigits.nir("1 84 12 76 451 089 46"));
        assertTrue(CheckDigits.nir("2 69 05 2A 588 157 17"));
        assertFalse(CheckDigits.nir("184127645108947"));
        assertFalse(CheckDigits.nir("18412764510894"));
        assertTrue(CheckDigits.bsn("123456782"));
        assertFalse(CheckDigits.bsn("123456783"));
        assertFalse(CheckDigits.bsn("000000000"));
        assertTrue(CheckDigits.spanishIdLetter("12345678Z"));
        assertTrue(CheckDigits.spanishIdLetter("12.345.678-z"));
        assertTrue(CheckDigits.spanishIdLetter("X1234567L"));
        assertFalse(CheckDigits.spanishIdLetter("X1234567M"));
        assertFalse(CheckDigits.spanishIdLetter("1234567Z"));
        assertTrue(CheckDigits.codiceFiscale("RSSMRA52C54F839K"));
        assertFalse(CheckDigits.codiceFiscale("RSSMRA52C54F839Y"));
        assertFalse(CheckDigits.codiceFiscale("RSSMRA52Z54F839K"), "no month Z");
    }

    @Test
    void theSameTextGivesTheSameFindings() {
        String text = "Filha 912 345 678, processo n.º 2023/004512, NIF 213 456 788, (11) 98765-4321";
        assertEquals(NoteNumbers.find(text), NoteNumbers.find(text));
        assertEquals(4, NoteNumbers.find(text).size());
    }

    private static final TextScrubber SCRUBBER = new TextScrubber(new KnownIdentifiers().snapshot());

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "Contato da filha (11) 98765-4321 hoje => Contato da filha [PHONE] hoje",
        "cel. (91) 99123-0456. => cel. [PHONE].",
        "Córka, tel. 601 234 567 => Córka, tel. [PHONE]",
        "Sekretariat (22) 123-45-67 => Sekretariat [PHONE]",
        "NIE X1234567L comprobado => NIE [ID] comprobado",
        "DNI 12345678Z comprobado => DNI [ID] comprobado",
        "NIR 2 58 02 75 102 123 45 vérifié => NIR [ID] vérifié",
        "processo n.º 2023/004512 revisto => processo n.º [ID] revisto",
        "Ligou do 11 3456-7890 ontem => Ligou do [PHONE] ontem",
    })
    void theScrubberRemovesThemWholeWithAndWithoutItsPrefilter(String text, String expected) {
        assertEquals(expected, SCRUBBER.scrub(text, null));
        assertEquals(expected, SCRUBBER.scrub(text, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Hb 12,5 g/dl, 3 x 500 mg, RR 120/80, range 120-140, 10:30, I50.0, 2 x 250 mg",
        "Custo 601 234 567 zł no total",
        "Glicemias 210 180 195 e 220 ao longo do dia",
        "processo inflamatório em 2019",
        "(1) 120 mg, (2) 240 mg",
    })
    void theScrubberKeepsValuesDosesAndAmounts(String text) {
        assertEquals(text, SCRUBBER.scrub(text, null));
    }
}
