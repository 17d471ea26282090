package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0123: Australian, New Zealand and Canadian health and personal numbers and postcodes in free text, found by
 * shape and check digit; the codes and values of the same shape (AR-DRG, MBS items, ACHI and CCI codes, TNM stages,
 * lab values, phone-like numbers with a wrong check digit) stay.
 */
class HealthNumbersTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // IHI (800360…, Luhn), spaced or not; Medicare as on the card, with its IRN
        "IHI 8003 6055 4433 2212 on file|IHI [ID] on file",
        "Medicare 2123 45670 1/2 seen|Medicare [ID] seen",
        "card 2123 45670 1 expired|card [ID] expired",
        // NHI, old and new format, upper and lower case, with no label
        "NHI ZZZ0016 reviewed|NHI [ID] reviewed",
        "transferred (ZSC21TN) today|transferred ([ID]) today",
        "ref zbn77vl.|ref [ID].",
        // DVA file number after its label
        "DVA Gold Card NX901667.|DVA Gold Card [ID].",
        "DVA file no. VX123467|DVA file no. [ID]",
        // Ontario with version code, Ontario and BC by check digit, RAMQ, SIN
        "OHIP 4532-128-875-AB|OHIP [ID]",
        "card 4532128875AB|card [ID]",
        "HCN 4532 128 875 noted|HCN [ID] noted",
        "PHN 9698 658 215, day surgery|PHN [ID], day surgery",
        "RAMQ TREM 6252 1412.|RAMQ [ID].",
        "SIN 130 692 544 on file|SIN [ID] on file",
        "numbers 130-692-544 given|numbers [ID] given",
        // postcodes after a state or province, and Canadian postal codes
        "Surry Hills NSW 2010.|[LOCATION] NSW [ZIP].",
        "Alice Springs NT 0870|[LOCATION] NT [ZIP]",
        "Ottawa ON K1M 2C4|[LOCATION] ON [ZIP]",
        "Montréal (Québec) H2X 3J6.|Montréal (Québec) [ZIP].",
        "Québec, QC G1R4S9|[LOCATION], QC [ZIP]"})
    void aNumberOrPostcodeIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // AR-DRG codes, MBS items, ACHI and CCI codes, ICD-10-AM/-CA codes
        "AR-DRG E62A, F62B and L61Z; MBS item 23, 36, 721 and 11700 billed.",
        "ACHI 13882-00 and 38497-00; CCI 1.GZ.31.CA-ND; ICD-10-CA E11.52 and K80.20.",
        // a check digit that does not check: a ten-digit number in the card's groups, an NHI shape, a 4-3-3 number
        "Ref 2123 45679 1 for the lab.", "Batch ZZZ0017 released.", "Lot 4532-128-876 received.",
        "Total 130 692 545 cells.",
        // a SIN-shaped number in spaces without a label (a count with a thousands separator)
        "Platelets 130 692 544 counted.",
        // a state code before a number outside its postcodes; a year after a state
        "NSW 5000 patients; VIC 2023 cohort.",
        // a TNM stage written without spaces; mixed-case words
        "Staged T2N1M0 and pT2N0.", "Abc1234 reagent kit.",
        // an RAMQ shape with no valid month
        "Code ABCD 1234 5678 used."})
    void aCodeOrValueOfTheSameShapeStays(String text) {
        assertEquals(text, scrub(text));
    }

    @Test
    void checkDigitsOfTheCorpusNumbers() {
        assertTrue(CheckDigits.medicare("2123456701"));
        assertFalse(CheckDigits.medicare("2123456791"));
        assertTrue(CheckDigits.nhi("ZZZ0016"));
        assertTrue(CheckDigits.nhi("ZSC21TN"));
        assertTrue(CheckDigits.nhi("ZBN77VL"));
        assertFalse(CheckDigits.nhi("ZZZ0044"));
        assertFalse(CheckDigits.nhi("ZZZ00AA"));
        assertFalse(CheckDigits.nhi("ABCDEFG"));
        assertTrue(CheckDigits.bcPhn("9698658215"));
        assertFalse(CheckDigits.bcPhn("9698658216"));
        assertTrue(CheckDigits.luhn("046454286"));
        assertFalse(CheckDigits.luhn("046454287"));
        assertTrue(HealthNumbers.australianPostcode("NT", 870));
        assertFalse(HealthNumbers.australianPostcode("NSW", 5000));
    }
}
