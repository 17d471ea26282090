package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Decision 0249: a date right after a birth date's label in a note is the birth date, {@code [DOB]}, also where no table
 * of the run named it (a US clinic's note "Registration: … DOB 03/04/1961" was shifted as any date, and {@code deid
 * verify} reported it); the other dates of the note are shifted as before.
 */
class BirthDatesInNotesTest {

    private static final Subject SUBJECT = new Subject("p1", 10);

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub(text, SUBJECT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Registration: Smith, John  DOB 03/04/1961. Seen 05/06/2023.|DOB [DOB]. Seen 05/16/2023.",
        "Date of birth: 4 March 1961, seen 5 March 2023.|Date of birth: [DOB], seen 15 March 2023.",
        "Geburtsdatum: 12.03.1950, Aufnahme 01.02.2024|Geburtsdatum: [DOB], Aufnahme 11.02.2024",
        "Seen 05/06/2023 (DOB: 03/04/1961)|Seen 05/16/2023 (DOB: [DOB])"})
    void aLabelledBirthDateIsDobAndTheOtherDatesAreShifted(String text, String expectedEnd) {
        String out = scrub(text);
        assertEquals(true, out.endsWith(expectedEnd), out);
    }
}
