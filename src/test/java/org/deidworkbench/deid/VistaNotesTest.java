package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Decision 0181: a VA note (a TIU document from VistA or the Corporate Data Warehouse) as VistA writes it — dates with
 * the month's name and no space after the comma, a time after {@code @}, the electronic signature {@code /es/}, the
 * patient named by the last four digits of the SSN, the enterprise ICN — scrubbed by names no list holds and dates
 * moved by the patient's offset.
 */
class VistaNotesTest {

    private static final Subject SUBJECT = new Subject("PAT-7", 10);

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, SUBJECT);
    }

    @Test
    void aDateWithTheMonthsNameAndNoSpaceAfterTheCommaIsShiftedWithItsTime() {
        assertEquals("Next appt APR 8,2023@10:00.", scrub("Next appt MAR 29,2023@10:00."));
        assertEquals("DATE OF NOTE: MAR 22, 2023@14:30", scrub("DATE OF NOTE: MAR 12, 2023@14:30"));
        // a list of days is no date: the year needs four digits after the comma
        assertEquals("on Mar 3,4 and 5", scrub("on Mar 3,4 and 5"));
    }

    @Test
    void theNameAfterAnElectronicSignatureIsRemoved() {
        assertEquals("/es/ [NAME] [NAME]\nPHYSICIAN", scrub("/es/ GUNNAR HALVORSEN\nPHYSICIAN"));
        assertEquals("Receipt Acknowledged By: 03/24/2023 13:01  /es/ [NAME] [NAME]",
                scrub("Receipt Acknowledged By: 03/14/2023 13:01  /es/ GUNNAR HALVORSEN"));
        assertEquals("/es/ [NAME] [NAME], PhD", scrub("/es/ Tiberius Quillfeather, PhD"));
        // "es" elsewhere is a word: a Spanish note keeps its verbs
        assertEquals("La paciente es alérgica; y/es/o", scrub("La paciente es alérgica; y/es/o"));
    }

    @Test
    void theLastFourDigitsOfTheSsnAreAnIdentifier() {
        assertEquals("Last 4 [ID]. last four [ID], last-4 of SSN: [ID]",
                scrub("Last 4 8903. last four D7214, last-4 of SSN: 6621"));
        // a count of the last days is not
        assertEquals("in the last 4 weeks; last four visits", scrub("in the last 4 weeks; last four visits"));
    }

    @Test
    void anIntegrationControlNumberIsAnIdentifier() {
        assertEquals("ICN [ID].", scrub("ICN 1012349921V654321."));
    }

    @Test
    void anAgeOver89InBracketsAfterABirthDateIsBanded() {
        String out = scrub("Patient: X   DOB: 02/14/1931 (92)");
        assertTrue(out.endsWith("(90+)"), out);
        assertFalse(out.contains("(92)"), out);
        assertTrue(scrub("born 03/04/1930 (93 y)").endsWith("(90+ y)"), scrub("born 03/04/1930 (93 y)"));
        // a younger patient's age and a number in brackets elsewhere stay
        assertTrue(scrub("DOB: 02/14/1961 (62)").endsWith("(62)"));
        assertEquals("HR (92) regular", scrub("HR (92) regular"));
    }
}
