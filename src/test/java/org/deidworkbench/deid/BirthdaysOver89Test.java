package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0191: a birthday over 89 tells the age Safe Harbor aggregates ("her 95th birthday" was kept, while "95 years
 * old" became "90+"); counts and younger birthdays stay.
 */
class BirthdaysOver89Test {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, new Subject("P", 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Celebrated her 95th birthday last week.|Celebrated her 90+ birthday last week.",
        "92nd birthday party on the ward; 100th b-day card from the mayor.|90+ birthday party on the ward; 90+ b-day card"
                + " from the mayor.",
        "Feier zum 95. Geburtstag der Mutter.|Feier zum 90+ Geburtstag der Mutter.",
        "Elle fête son 96e anniversaire.|Elle fête son 90+ anniversaire.",
        "Celebró su 97º cumpleaños; su hermana sus 93 cumpleaños.|Celebró su 90+ cumpleaños; su hermana sus 90+ cumpleaños.",
        "Il suo 98° compleanno, il 95esimo compleanno del marito.|Il suo 90+ compleanno, il 90+ compleanno del marito.",
        "Haar 99ste verjaardag.|Haar 90+ verjaardag.",
    })
    void aBirthdayOver89IsAggregated(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Granddaughter's 9th birthday; 19th bday; 5th birthday.",
        "90 birthday cards arrived from the parish.",
        "Hospital's 90 aniversario.",
    })
    void aYoungerBirthdayOrACountStays(String text) {
        assertEquals(text, scrub(text));
    }
}
