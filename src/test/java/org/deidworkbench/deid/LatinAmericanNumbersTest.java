package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decision 0133: Mexican, Chilean, Argentine and Colombian numbers by their check digits and labels (synthetic). */
class LatinAmericanNumbersTest {

    /** The text with what {@link LatinAmericanNumbers#find} found replaced (no overlaps here). */
    private static String replaced(String text) {
        List<LatinAmericanNumbers.Found> found = LatinAmericanNumbers.find(text).stream()
                .sorted(Comparator.comparingInt(LatinAmericanNumbers.Found::start).reversed()).toList();
        StringBuilder b = new StringBuilder(text);
        for (LatinAmericanNumbers.Found f : found) {
            b.replace(f.start(), f.end(), f.replacement());
        }
        return b.toString();
    }

    @Test
    void aCurpIsFoundByItsShapeBirthDateStateAndCheckDigit() {
        assertTrue(CheckDigits.curp("PEXM900101HDFRRR01"));
        assertTrue(CheckDigits.curp("GOSA051231MJCNNLA4"), "born in 2000 or later: a letter before the check digit");
        assertFalse(CheckDigits.curp("PEXM900101HDFRRR02"), "check digit wrong");
        assertFalse(CheckDigits.curp("PEXM901301HDFRRR01"), "month 13");
        assertFalse(CheckDigits.curp("PEXM900101HQQRRR01"), "no state QQ");
        assertFalse(CheckDigits.curp("PEXM900101HDFRRR0"));
    }

    @Test
    void anRfcIsFoundByItsHomoclavesCheckCharacter() {
        assertTrue(CheckDigits.rfc("PEXM900101A19"));
        assertTrue(CheckDigits.rfc("GOSA051231B23"));
        assertFalse(CheckDigits.rfc("PEXM900101A18"));
        assertFalse(CheckDigits.rfc("PEXM900141A19"), "day 41");
    }

    @Test
    void theOtherChecksTellValidFromInvalid() {
        assertTrue(CheckDigits.nss("12345678903"));
        assertFalse(CheckDigits.nss("12345678904"));
        assertFalse(CheckDigits.nss("00000000000"), "all alike");
        assertTrue(CheckDigits.rut("12345678", '5'));
        assertTrue(CheckDigits.rut("7654321", '6'));
        assertFalse(CheckDigits.rut("12345678", 'K'));
        assertTrue(CheckDigits.rut("20123456", '5'));
        assertTrue(CheckDigits.cuil("27123456780"));
        assertTrue(CheckDigits.cuil("20456789014"));
        assertFalse(CheckDigits.cuil("20456789015"));
        assertFalse(CheckDigits.cuil("10456789014"), "no type 10");
        assertTrue(CheckDigits.thaiId("1101700123456"));
        assertTrue(CheckDigits.thaiId("5349900123458"));
        assertFalse(CheckDigits.thaiId("5349900123457"));
        assertFalse(CheckDigits.thaiId("9349900123458"), "no registration type 9");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Paciente con CURP PEXM900101HDFRRR01, estable.|Paciente con CURP [ID], estable.",
        "curp pexm900101hdfrrr01 verificada|curp [ID] verificada",
        "RFC PEXM900101A19.|RFC [ID].",
        "afiliación IMSS 12-34-56-7890-3 vigente|afiliación IMSS [ID] vigente",
        "RUT 12.345.678-5 (12345678-5)|RUT [ID] ([ID])",
        "rut 7.654.321-6, fractura|rut [ID], fractura",
        "CUIL 27-12345678-0 y 20456789014|CUIL [ID] y [ID]",
        "DNI 30.123.456, obra social OSDE|DNI [ID], obra social OSDE",
        "C.C. 1.020.304.050 de Medellín; CC 79845123|C.C. [ID] de Medellín; CC [ID]",
        "vive en Col. Roma Norte, C.P. 06700.|vive en Col. Roma Norte, C.P. [ZIP].",
        "tel. 55 8765 4321 o al 11 4567-8901|tel. [PHONE] o al [PHONE]"})
    void numbersAreReplacedInNotes(String text, String expected) {
        assertEquals(expected, replaced(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "RUT 12.345.678-4 (check character wrong)", "creatinina 1.6, Hb 11.2, 12.345.678 pesos",
        "CURP PEXM900101HDFRRR02", "lote 20456789015", "glucosa 212 mg/dL, 30.123.456 plaquetas",
        "IMSS 12-34-56-7890-4"})
    void numbersThatFailTheirCheckOrLackTheirLabelStay(String text) {
        assertEquals(text, replaced(text));
    }

    /** Decision 0145: the label pattern is tried only where its span holds what every label begins with. */
    @Test
    void anIdLabelBeforeANumberIsSeenByTheCheapTest() {
        String[] labels = {"DNI", "D.N.I.", "D.N.I", "DN", "dni", "C.C.", "CC", "cc", "C.C", "cédula", "CEDULA", "Cédula de ciudadanía",
            "cedula de ciudadania", "cÉdula", "N°", "Nº", "No.", "núm.", "numero", ":", "12.345.678", "1.234"};
        int labelled = 0;
        for (String text : GeneratedTexts.of(1452, 10_000, 6, labels)) {
            for (int at = 0; at <= text.length(); at++) {
                if (NationalNumbers.endsBefore(LatinAmericanNumbers.ID_LABEL_BEFORE, text, at, 32)) {
                    int end = at;
                    assertTrue(LatinAmericanNumbers.mayHoldIdLabel(text, at - 32, at), () -> "label before " + end + ": " + text);
                    labelled++;
                }
            }
        }
        assertTrue(labelled > 2_000, "the generated texts end in labels often enough to test: " + labelled);
    }
}
