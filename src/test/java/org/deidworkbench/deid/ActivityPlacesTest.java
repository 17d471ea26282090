package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0239: a sports watch titles each workout after the town or park it began in ("Toledo Running", Garmin
 * Connect's export); the place goes, the activity stays. A title of a time, a day or a kind of workout names no place.
 */
class ActivityPlacesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Toledo Running|[LOCATION] Running",
        "Sylvania Road Cycling|[LOCATION] Road Cycling",
        "Oak Openings Preserve Trail Running|[LOCATION] Trail Running",
        "Lake Erie Open Water Swimming|[LOCATION] Open Water Swimming",
        "Perrysburg Walking|[LOCATION] Walking",
        "Grand Rapids Hiking|[LOCATION] Hiking"})
    void thePlaceOfAWorkoutsTitleIsRemoved(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Morning Run", "Sunday Long Run", "Treadmill Running", "Went Running", "Lake Running",
        "Indoor Cycling", "Hill Running", "Easy Recovery Run", "Stationary Bike", "Patient enjoys trail running.",
        "Half Marathon Running", "Yoga"})
    void aTitleOfNoPlaceStays(String text) {
        assertEquals(text, scrub(text));
    }
}
