package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0245: a Kenyan note names a relative after a Swahili kin word and its possessive ("mama yake Wairimu Kamau":
 * her mother), names the name lists do not hold. With main's jar they stayed (synthetic values).
 */
class SwahiliKinWordsTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ameletwa na mama yake Wairimu Kamau.|Ameletwa na mama yake [NAME] [NAME].",
        "Mke wake Akinyi Odhiambo alikuja naye.|Mke wake [NAME] [NAME] alikuja naye.",
        "Mtoto Baraka Mwangi ana homa.|Mtoto [NAME] [NAME] ana homa."})
    void aNameAfterAKinWordIsReplaced(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Baba yake yuko kazini.", "Mama yake alikuja jana."})
    void aKinWordWithoutANameStays(String text) {
        assertEquals(text, scrub(text));
    }
}
