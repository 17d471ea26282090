package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dates, ages and birth years in notes that the scrubber kept before decision 0153, found by a battery of note
 * phrasings run through {@code deid run}: German two-digit-year dates, dotted ISO dates, Oracle's and SAS's dates
 * copied into text, "y.o.", ages in words, the birth year of someone over 89, a month name the name lists know.
 */
class OtherTextDatesTest {

    private static final Subject FORTY_DAYS_ON = new Subject("PAT-40", 40);

    private static String scrub(String note, Subject subject) {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub(note, subject);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Aufnahme am 12.03.23, Entlassung 1.4.23.|Aufnahme am 21.04.23, Entlassung 11.5.23.",
        "CT 2023.03.12 normal.|CT 2023.04.21 normal.",
        "Seen 12-Mar-23 in clinic.|Seen 21-Apr-23 in clinic.",
        "Admitted 12MAR2023, discharged 14MAR23.|Admitted 21APR2023, discharged 23APR23.",
        "Run at 12MAR2023:10:15:00.|Run at 21APR2023:10:15:00.",
        "Seen Jan 5th 2023.|Seen Feb 14th 2023.",
        // a form's raw date in capitals is abbreviated, May as the others (decision 0175); prose's May is a full name
        "24 MAY 2017|03 JUL 2017",
        "Seen on 3 May 2017.|Seen on 12 June 2017.",
    })
    void datesInTheseNotationsAreShifted(String note, String expected) {
        assertEquals(expected, scrub(note, FORTY_DAYS_ON));
    }

    @Test
    void withoutASubjectTheyAreRemoved() {
        assertEquals("am [DATE] und [DATE], [DATE]", scrub("am 12.03.23 und 2023.03.12, 12-Mar-23", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Update to v1.2.10 done", "Section 10.1.2.3.4 applies", "Score 3.45.12", "on 31.02.23", "Hb 12.5 g/dl",
        "Labs 3/12 and 3/14", "Code 12ABC2023", "Lot 12MAR", "Lot 12MARCH23", "version 2023.13.01", "1.2.345",
    })
    void numbersThatAreNoDatesStay(String note) {
        assertEquals(note, scrub(note, FORTY_DAYS_ON));
        assertTrue(OtherTextDates.find(note).isEmpty(), note);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "She is ninety-two years old.|She is 90+ years old.",
        "A ninety year-old man|A 90+ year-old man",
        "aged ninety-one, lives alone|aged 90+, lives alone",
        "a hundred and one years of age|90+ years of age",
        "92 y.o. male, 95 y. o. female|90+ y.o. male, 90+ y. o. female",
        "Born in 1931, widowed.|Born in [DATE], widowed.",
        "geb. 1930 in Kassel|geb. [DOB] in Kassel", // after its label, a birth date (decision 0249)
    })
    void agesOver89AndTheirBirthYearsAreAggregated(String note, String expected) {
        assertEquals(expected, scrub(note, null).replace("[LOCATION]", "Kassel"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"45 y.o. male", "ninety minutes later", "ninety years ago", "Born in 1950, married.",
        "born 1937"})
    void youngerAgesAndOtherNinetiesStay(String note) {
        assertEquals(note, scrub(note, null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Son will visit on 3/15.|Son will visit on [DATE].",
        "Seen 3/14 and due 4/1, then until 12/31|Seen [DATE] and due [DATE], then until [DATE]",
        "On 3/15 she fell again.|On [DATE] she fell again.",
        "Wiedervorstellung am 15.3. geplant|Wiedervorstellung am [DATE] geplant",
        // a clinic's plans and the days of the week (decision 0184)
        "f/u 4/1 with PCP.|f/u [DATE] with PCP.",
        "Next appt Tues 5/30 @ 2pm. Next INR check 7/2.|Next appt Tues [DATE] @ 2pm. Next INR check [DATE].",
        "RTC 2 wks (5/2); labs in 3 days (6/14)|RTC 2 wks ([DATE]); labs in 3 days ([DATE])",
        "Coumadin held 3/9, restarted 3/12.|Coumadin held [DATE], restarted [DATE].",
    })
    void aDayAndMonthInDigitsAfterADayWordAreRemoved(String note, String expected) {
        assertEquals(expected, scrub(note, FORTY_DAYS_ON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cancer in 3/12 cores", "take 1/2 tablet", "pain 7/10 since 3 days", "BP 120/80 on 2/3 readings", "on 1/2 dose",
        "strength 5/5 in all four, murmur 2/6, check 2/3 of doses", "Gleason 3+4 (2/12 cores)",
        "from 3/12/2023", "Hb 12.5. Next"})
    void aDayAndMonthInDigitsWithoutSuchAWordStay(String note) {
        String out = scrub(note, FORTY_DAYS_ON);
        assertTrue(!out.contains("[DATE]") || note.contains("2023"), out);
    }
}
