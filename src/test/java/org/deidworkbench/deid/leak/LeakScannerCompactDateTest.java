package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Decision 0117: eight digits that read as {@code yyyymmdd} glued to letters in one word (a FHIR resource id's
 * pseudonym {@code 19610503ADFEJ5A5VHFN}, which a run does not record) are a number in an id, a coincidence as any
 * other number there, in the verifier's per-subject counting; a compact date standing alone, a date in a separated
 * notation that runs into a time ({@code 1961-05-03T10:00}), and the plain scanner's counting still find it.
 */
class LeakScannerCompactDateTest {

    private static final LeakDictionary D = SubjectRecords.dictionary((b, ids) -> { });

    private static List<String> sources(String... record) {
        return SubjectRecords.sources(D, record);
    }

    @Test
    void aCompactDateGluedToLettersInAnIdIsACoincidence() {
        assertEquals(List.of(), sources("ALC4X9Q2ZP7K", "19610503ADFEJ5A5VHFN"));
        assertEquals(List.of(), sources("Observation/19701224QKXZ7RW2M4TP", "final"));
        assertEquals(List.of(), sources("ALC4X9Q2ZP7K", "QKXZ19610503RW2M"));
    }

    @Test
    void aCompactDateAloneOrASeparatedDateWithItsTimeIsStillFound() {
        assertEquals(List.of("alice birth date"), sources("ALC4X9Q2ZP7K", "19610503"));
        assertEquals(List.of("alice birth date"), sources("ALC4X9Q2ZP7K", "seen 19610503, stable"));
        assertEquals(List.of("alice birth date"), sources("ALC4X9Q2ZP7K", "1961-05-03T10:00"));
        assertEquals(List.of("bob birth date"), sources("Patient/ZZ0000UNKNOWN0000ZZ", "seen 19701224"));
    }

    @Test
    void thePlainScannerStillCountsDigitsGluedToLetters() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(D, Set.of(), false, hits::add).value("19610503ADFEJ5A5VHFN", () -> "here");
        assertEquals(1, hits.size());
    }
}
