package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decisions 0192, 0193 and 0198: identifiers as notes write them without a column to learn them from — a masked social
 * security number, a licence plate, a GPS fix, a British street, an e-mail address written to fool robots — each kept
 * by the session-start scrubber; and the measurements, lab plates and views that look like them stay.
 */
class IdentifiersAsNotesWriteThemTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, new Subject("P", 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SSN on file XXX-XX-4329, verified.|SSN on file [SSN], verified.",
        "ss# ***-**-4329; SSN ending in 4329; social security number ends with 4329.|ss# [SSN]; SSN ending in [ID]; social"
                + " security number ends with [ID].",
        "Car towed, WA plate ABC1234.|Car towed, WA plate [VEHICLE].",
        "Found at 47.6062, -122.3321 by EMS.|Found at [LOCATION] by EMS.",
        "EMS found him at 48.5126, -122.6127.|EMS found him at [LOCATION].",
        "GPS 47°36'22\"N 122°19'55\"W, lat 47.6062.|GPS [LOCATION] [LOCATION], lat [LOCATION].",
        "Lives at 18 Hawthorn Close with her son.|Lives at [ADDRESS] with her son.",
        "Moved to 7 Kings Crescent, then 22 Willow Gardens.|Moved to [ADDRESS], then [ADDRESS].",
        "Email her at jane dot quarrel at gmail dot com or jquarrel(at)yahoo.com.|Email her at [EMAIL] or [EMAIL].",
        "Son: p.quarrel [at] outlook [dot] co [dot] uk, prefers text.|Son: [EMAIL], prefers text.",
        // decision 0198: a number in brackets keeps its brackets around the label; an area code's stay inside
        "Her husband (07700 900456) was present.|Her husband ([PHONE]) was present.",
        "Cell (+44 7700 900456).|Cell ([PHONE]).",
        "Call (541)555-0192 or (541) 555-0192 today.|Call [PHONE] or [PHONE] today.",
        "Daughter (tel 0351/4582231) visits.|Daughter (tel [PHONE]) visits.",
    })
    void anIdentifierAsANoteWritesItIsRemoved(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** Written otherwise, a plate may be taken by the shape of an id first: gone either way. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Hit by a car, lic. plate: 7ABC123.|7ABC123",
        "Voiture plaque AB-123-CD.|AB-123-CD",
        "Kennzeichen M-AB 1234 notiert.|M-AB 1234",
        "Car with plate number 4KZP219 left at the scene.|4KZP219",
    })
    void aPlateWrittenOtherwiseIsGoneToo(String text, String plate) {
        String out = scrub(text);
        org.junit.jupiter.api.Assertions.assertFalse(out.contains(plate), out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Blood agar plate A12 grew GNR; 96-well plate; plate 2 of 3.",
        "Na 140, K 4.1, Cl 102; temp 37.2°C; 98.6°F; PT 12.4, INR 1.10.",
        "6 Minute Walk: 320 m; 2 Lateral View; 2 Trigger Point injections.",
        "Ratio 0.5432, 1.2345 in the assay's two runs.",
        "DOT physical done; red dot at 3 o'clock; looked at the dot plot; works at google.com.",
    })
    void whatOnlyLooksLikeOneStays(String text) {
        assertEquals(text, scrub(text));
    }
}
