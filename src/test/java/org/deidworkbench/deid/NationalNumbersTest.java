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

/** Decision 0125: national numbers by their check digits, and postcodes by their cues (synthetic numbers only). */
class NationalNumbersTest {

    /** The text with what {@link NationalNumbers#find} found replaced, as the scrubber would (no overlaps here). */
    private static String replaced(String text) {
        List<NationalNumbers.Found> found = NationalNumbers.find(text).stream()
                .sorted(Comparator.comparingInt(NationalNumbers.Found::start).reversed()).toList();
        StringBuilder b = new StringBuilder(text);
        for (NationalNumbers.Found f : found) {
            b.replace(f.start(), f.end(), f.replacement());
        }
        return b.toString();
    }

    @Test
    void aCpfIsFoundByItsTwoCheckDigits() {
        assertTrue(CheckDigits.cpf("52998224725"));
        assertTrue(CheckDigits.cpf("06412839704"));
        assertFalse(CheckDigits.cpf("52998224726"), "second check digit wrong");
        assertFalse(CheckDigits.cpf("52998224715"), "first check digit wrong");
        assertFalse(CheckDigits.cpf("11111111111"), "all digits alike pass the checks but are no CPF");
        assertFalse(CheckDigits.cpf("5299822472"));
    }

    /** Decision 0179: Norway's, Finland's, the Czech and Belgian numbers by their birth dates and check digits. */
    @Test
    void europesOtherNationalNumbersAreFoundByTheirCheckDigits() {
        assertTrue(CheckDigits.fodselsnummer("12036112326"));
        assertFalse(CheckDigits.fodselsnummer("12036112327"), "second check digit wrong");
        assertFalse(CheckDigits.fodselsnummer("32136112326"), "no such birth date");
        assertTrue(CheckDigits.hetu("030456-123K"));
        assertFalse(CheckDigits.hetu("030456-123L"));
        assertFalse(CheckDigits.hetu("030456/123K"), "no century sign");
        assertTrue(CheckDigits.rodneCislo("6153121238"));
        assertFalse(CheckDigits.rodneCislo("6153121239"));
        assertFalse(CheckDigits.rodneCislo("1234567890"), "month 34 is none");
        assertTrue(CheckDigits.rijksregisternummer("61031212343"));
        assertFalse(CheckDigits.rijksregisternummer("61031212344"));
        assertEquals("Pasienten [ID] innlagt, fnr [ID]. Potilas [ID]. Pacientka [ID]. Patiënte [ID] gemeld.",
                replaced("Pasienten 120361 12326 innlagt, fnr 12036112326. Potilas 030456-123K. Pacientka 615312/1238."
                        + " Patiënte 61.03.12-123.43 gemeld."));
        for (String kept : List.of("Lot 123456/7890.", "ratio 12.34.56-789.01", "tube 120361 12327", "item 030456-123L")) {
            assertEquals(kept, replaced(kept), "no check digits, no number of a person");
        }
    }

    @Test
    void aCnsIsFoundByItsModElevenSum() {
        assertTrue(CheckDigits.cns("700003471255804"));
        assertTrue(CheckDigits.cns("898001123456781"));
        assertFalse(CheckDigits.cns("898001123456782"));
        assertFalse(CheckDigits.cns("398001123456781"), "a CNS starts with 1, 2, 7, 8 or 9");
    }

    @Test
    void aTcKimlikNoIsFoundByItsTwoCheckDigits() {
        assertTrue(CheckDigits.tcKimlik("12345678028"));
        assertTrue(CheckDigits.tcKimlik("34567801206"));
        assertFalse(CheckDigits.tcKimlik("12345678029"));
        assertFalse(CheckDigits.tcKimlik("12345678128"));
        assertFalse(CheckDigits.tcKimlik("02345678028"), "never from 0");
    }

    @Test
    void anAadhaarNumberIsFoundByItsVerhoeffDigit() {
        assertTrue(CheckDigits.aadhaar("234567890124"));
        assertTrue(CheckDigits.aadhaar("456789012341"));
        assertFalse(CheckDigits.aadhaar("234567890123"));
        assertFalse(CheckDigits.aadhaar("234567891024"), "two digits swapped");
        assertFalse(CheckDigits.aadhaar("134567890124"), "never from 0 or 1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            CPF 529.982.247-25, internada          | CPF [ID], internada
            (CPF 52998224725)                      | (CPF [ID])
            Cartão SUS 898 0011 2345 6781.         | Cartão SUS [ID].
            Cartão SUS 700003471255804             | Cartão SUS [ID]
            TC 12345678028 ile                     | TC [ID] ile
            Aadhaar 2345 6789 0124, ABHA           | Aadhaar [ID], ABHA
            Aadhaar 4567-8901-2341.                | Aadhaar [ID].
            CEP 01304-001, São Paulo/SP            | CEP [ZIP], São Paulo/SP
            Rua X 1, 1100-232 Lisboa.              | Rua X 1, [ZIP] Lisboa.
            Código postal 3000-351 Coimbra         | Código postal [ZIP] Coimbra
            PIN 600017.                            | PIN [ZIP].
            Pincode: 560 001                       | Pincode: [ZIP]
            Malleswaram, Bengaluru - 560003.       | Malleswaram, Bengaluru - [ZIP].
            """)
    void nationalNumbersAndPostcodesAreFound(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    /** Numbers with a wrong check digit, codes, values, dates and ranges are none of them. */
    @ParameterizedTest
    @ValueSource(strings = {"CPF 529.982.247-26", "TC 12345678029", "Aadhaar 2345 6789 0123", "SIGTAP 0303060212",
        "CID I50.0, E11.9", "LOINC 2345-7", "ZIP 45402-1234", "2019-2023 Lisboa", "Hb 12,5 g/dL, 7,9 %", "14.03.1952",
        "14/03/1952", "PIN not set", "pH 7.35 - 123456 cells", "NHS No 999 001 2342", "R$ 2.345,67",
        "20230312 1100-2323"})
    void codesValuesAndWrongCheckDigitsAreLeft(String text) {
        assertEquals(text, replaced(text));
    }

    @ParameterizedTest
    @CsvSource({"주민등록번호 580312-2345674 확인,580312-2345674", "환자 RRN 6709051123453.,6709051123453",
        "身份证号 110108195803120028，电话,110108195803120028", "身份证 44030519670905002X。,44030519670905002X",
        "マイナンバー 407103258467 確認,407103258467", "個人番号 4071 0325 8467,4071 0325 8467"})
    void eastAsianNationalNumbersAreFoundByTheirCheckDigits(String text, String number) {
        List<NationalNumbers.Found> found = NationalNumbers.find(text);
        assertEquals(1, found.size(), text.length() + " characters");
        assertEquals(number, text.substring(found.get(0).start(), found.get(0).end()));
    }

    @ParameterizedTest
    @CsvSource({"580312-2345675", "581312-2345674", "110108195803120027", "44030519670905002Y", "407103258468",
        "111111111111"})
    void aWrongCheckDigitOrBirthDateIsNoEastAsianNationalNumber(String text) {
        assertTrue(NationalNumbers.find(text).isEmpty());
    }

    @Test
    void aNumberOfMyNumbersShapeInAnEnglishNoteStays() {
        // 407103258467 passes My Number's check; without Japanese, Korean or Chinese text it is some other number.
        assertTrue(NationalNumbers.find("Accession 407103258467 received").isEmpty());
    }

    /** Decision 0150: gematik's test KVNR and the corpus's, by the check digit of § 290 SGB V. */
    @Test
    void aKvnrIsFoundByItsCheckDigit() {
        assertTrue(CheckDigits.kvnr("X110411675"));
        assertTrue(CheckDigits.kvnr("R308226198"));
        assertFalse(CheckDigits.kvnr("X110411676"), "check digit wrong");
        assertFalse(CheckDigits.kvnr("Y110411675"), "another letter");
        assertFalse(CheckDigits.kvnr("x110411675"), "a capital letter only");
        assertFalse(CheckDigits.kvnr("X11041167"));
    }

    @Test
    void aKvnrInALetterIsReplacedWithItsLetter() {
        assertEquals("Versichertennummer [ID]. Sturz", replaced("Versichertennummer X110411675. Sturz"));
        assertEquals("KVNR: [ID]", replaced("KVNR: X110411675"));
    }

    @Test
    void aKvnrShapedPartOfALongerCodeStays() {
        for (String kept : List.of("AX110411675", "X110411675B", "X110411676", "PID-X110411675-2", "X110411675.5")) {
            assertEquals("Code " + kept, replaced("Code " + kept), kept);
        }
    }
}
