package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0238: a phone, a watch or a glucose monitor named after its owner ("Cosima’s Apple Watch", as HealthKit
 * writes its sources) names the owner; the owner goes, the device stays. A possessive of no one ("Patient's phone") and
 * a device word that is no device after it ("Grace's apple pie") stay as written.
 */
class OwnedDevicesTest {

    private static String scrub(String text) {
        return new TextScrubber(new KnownIdentifiers()).scrub(text, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cosima’s Apple Watch|[NAME]’s Apple Watch",
        "Cosima Tremblay-Oyelowo’s iPhone|[NAME]’s iPhone",
        "Synced from Leocadia's Dexcom G7 overnight.|Synced from [NAME]'s Dexcom G7 overnight.",
        "Called Thaddeus's iPhone, no answer.|Called [NAME]'s iPhone, no answer.",
        "Readings uploaded from Zephyrine's Pixel 7|Readings uploaded from [NAME]'s Pixel 7"})
    void theOwnerOfANamedDeviceIsRemoved(String text, String expected) {
        assertEquals(expected, scrub(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient's phone was off.", "Mom's iPad", "Grace's apple pie recipe", "Apple Watch",
        "the watch's strap", "Device: iPhone 14", "Son's laptop"})
    void aPossessiveOfNoOneOrNoDeviceStays(String text) {
        assertEquals(text, scrub(text));
    }
}
