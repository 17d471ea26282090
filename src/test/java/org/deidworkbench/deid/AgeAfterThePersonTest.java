package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0199: the age a person is or was, written after the person ("Pt is 91 and frail", "his wife, who is 98"),
 * was kept; over 89 it is "90+". A measure after "is" stays.
 */
class AgeAfterThePersonTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, new Subject("P", 10));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Pt is 91 and frail.|Pt is 90+ and frail.",
        "Lives with his wife, who is 98, and a son.|Lives with his wife, who is 90+, and a son.",
        "His mother is 96 and still drives.|His mother is 90+ and still drives.",
        "He was 95 in 2019 when his son was 62.|He was 90+ in 2019 when his son was 62.",
        "Patient is now 102.|Patient is now 90+.",
    })
    void anAgeOver89AfterThePersonIsAggregated(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"She is 92% on RA, he is 94 on 2L, she was 92 kg, pt is 98.6.", "Hb is 98 g/L; BP is 92/60.",
        "Patient is 90 days post-op; pt is 100 percent compliant.", "Her son is 62."})
    void aMeasureOrAYoungerAgeStays(String text) {
        assertEquals(text, scrub(text));
    }
}
