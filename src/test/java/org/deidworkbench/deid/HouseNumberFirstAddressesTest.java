package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0245: a house, plot or flat number and a comma before the street, as Indian, Nigerian, East African and
 * Pakistani addresses write it, and a Kenyan box with its postcode. With main's jar "Residence: No. 14, 3rd Main
 * Road" became "Residence: [LOCATION]. 14, 3rd Main Road" (the label's place took "No"), and "Plot 45, Kampala Road"
 * stayed (synthetic values).
 */
class HouseNumberFirstAddressesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers().snapshot()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Residence: No. 14, 3rd Main Road, Malleswaram.|Residence: [ADDRESS], Malleswaram.",
        "Resides at No. 12, Adeola Odeku Street.|Resides at [ADDRESS].",
        "Address: Plot 45, Admiralty Way, Lekki Phase 1.|Address: [ADDRESS], Lekki Phase 1.",
        "Plot 45, Kampala Road, Kampala|[ADDRESS], Kampala",
        "House 23, Street 7, F-8/3, Islamabad|[ADDRESS], F-8/3, Islamabad",
        "Flat 3B, 12 Usman Road|[ADDRESS]",
        "P.O. Box 12345-00100, Nairobi.|[ADDRESS], [LOCATION]."})
    void aHouseNumberBeforeItsStreetIsAnAddress(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"No. 3, he said.", "Room No. 4, Left side", "No. 2, Right Lower Lobe nodule.",
        "House 2, Level 3 handover done."})
    void aNumberedItemWithoutAStreetStays(String text) {
        assertEquals(text, scrub(text));
    }
}
