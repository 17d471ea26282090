package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0251: a Malaysian title stays whole and the whole name after it goes ("Tan Sri Lim Kok Wing" had kept
 * "Wing", "Datin Paduka Marina Wong" and "Datuk Lee Chong Wei" the whole name, "Puan Sri" and "Datuk Seri" lost their
 * "Sri" and "Seri" as names; synthetic values).
 */
class MalaysianTitlesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Visited by Tan Sri Lim Kok Wing.|Visited by Tan Sri [NAME] [NAME] [NAME].",
        "Datin Paduka Marina Wong attended.|Datin Paduka [NAME] [NAME] attended.",
        "Datuk Lee Chong Wei was seen.|Datuk [NAME] [NAME] [NAME] was seen.",
        "Puan Sri Rohana binti Abdullah (isteri) hadir.|Puan Sri [NAME] binti [NAME] (isteri) hadir.",
        "Pesakit Tan Sri Dato' Ahmad Zaki bin Ismail, 72.|Pesakit Tan Sri Dato' [NAME] [NAME] bin [NAME], 72.",
        "Datuk Seri Anwar hadir.|Datuk Seri [NAME] hadir.",
        "Toh Puan Aishah binti Hassan|Toh Puan [NAME] binti [NAME]",
        "Seen with Tan Sri Lee.|Seen with Tan Sri [NAME]."})
    void theTitleStaysAndTheWholeNameGoes(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    /** "Tan" alone is a surname, "Sri Lanka" a country. */
    @ParameterizedTest
    @ValueSource(strings = {"Travelled to Sri Lanka in May.", "Puan Sri hadir."})
    void withoutATitlesNameNothingChanges(String text) {
        assertEquals(text, scrub(text));
    }
}
