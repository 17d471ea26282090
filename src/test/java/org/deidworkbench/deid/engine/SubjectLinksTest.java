package org.deidworkbench.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.TestKeys;
import org.junit.jupiter.api.Test;

/** Subject ids one record gives together share one date offset; each keeps its own pseudonym (decision 0078). */
class SubjectLinksTest {

    private static SubjectLinks.Id id(String kind, int rank, String value) {
        return new SubjectLinks.Id(kind, rank, value);
    }

    /** A chain of records (patid–MRN, MRN–RIS number, patid–old patid) in many orders: one answer. */
    @Test
    void theClassesAndTheirRepresentativeDoNotDependOnTheOrderOfRecords() {
        List<List<SubjectLinks.Id>> records = List.of(
                List.of(id("csv:patid", 5, "p1"), id("csv:mrn", 14, "m1")),
                List.of(id("dicom:", 10_000, "r1"), id("dicom-other:epic", 10_001, "m1")),
                List.of(id("fhir:mrn", 10_000, "m2"), id("fhir:patid", 10_001, "p2")),
                List.of(id("csv:patid", 5, "p2"), id("csv:mrn", 14, "m2")),
                List.of(id("csv:patid", 5, "p3"), id("csv:mrn", 14, "m3")));
        SubjectLinks.Resolved first = null;
        Random random = new Random(78);
        for (int round = 0; round < 20; round++) {
            List<List<SubjectLinks.Id>> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            SubjectLinks links = new SubjectLinks();
            shuffled.forEach(links::note);
            SubjectLinks.Resolved r = links.resolve();
            if (first == null) {
                first = r;
            }
            assertEquals(first, r, "round " + round);
        }
        assertEquals(Map.of("m1", "p1", "r1", "p1", "m2", "p2", "m3", "p3"), first.representative());
        assertEquals(4, first.linkedIds());
        assertEquals(0, first.conflicts());
        assertEquals(List.of(List.of("p1", "m1", "r1"), List.of("p2", "m2"), List.of("p3", "m3")), first.classes());
    }

    /** One MRN given for two patids by two rows is a data error: none of the three ids is linked, and it is counted. */
    @Test
    void anIdGivenForTwoSubjectsOfOneKindLinksNone() {
        SubjectLinks links = new SubjectLinks();
        links.note(List.of(id("csv:patid", 5, "p1"), id("csv:mrn", 14, "m")));
        links.note(List.of(id("csv:patid", 5, "p2"), id("csv:mrn", 14, "m")));
        links.note(List.of(id("csv:patid", 5, "p3"), id("csv:mrn", 14, "m3")));
        SubjectLinks.Resolved r = links.resolve();
        assertEquals(Map.of("m3", "p3"), r.representative());
        assertEquals(1, r.conflicts());
    }

    /** Two MRNs of one system in one FHIR Patient (an old and a new one) are that record's word: no conflict. */
    @Test
    void twoIdsOfOneKindInOneRecordAreOneSubject() {
        SubjectLinks links = new SubjectLinks();
        links.note(List.of(id("fhir:mrn", 10_000, "new"), id("fhir:mrn", 10_001, "old")));
        links.note(List.of(id("csv:patid", 5, "p"), id("csv:mrn", 14, "old")));
        SubjectLinks.Resolved r = links.resolve();
        assertEquals(0, r.conflicts());
        assertEquals(Map.of("new", "p", "old", "p"), r.representative());
    }

    /** Through the engine: linked ids share the representative's offset and keep their own pseudonyms. */
    @Test
    void linkedIdsShareAnOffsetAndKeepTheirPseudonyms() throws Exception {
        Deidentifier engine = new Deidentifier(ProfileLoader.read("csv-template").profile(), TestKeys.keyRing(),
                new PseudonymLedger(), 2026);
        int patidOffset = engine.subject("PX-1").dateOffsetDays();
        int mrnOffset = engine.subject("E-1").dateOffsetDays();
        assertNotEquals(patidOffset, mrnOffset, "the test needs two ids with different offsets");
        String mrnPseudonym = engine.subject("E-1").pseudonym();
        engine.beginLinks();
        engine.noteLink(List.of(new Deidentifier.LinkedId("csv:patid", 5, "PX-1"),
                new Deidentifier.LinkedId("csv:mrn", 14, "E-1")));
        SortedMap<String, Long> counts = engine.resolveLinks();
        assertEquals(Map.of("subject-links (linked)", 1L), counts);
        assertEquals(patidOffset, engine.subject("E-1").dateOffsetDays());
        assertEquals(patidOffset, engine.subject("PX-1").dateOffsetDays());
        assertEquals(mrnPseudonym, engine.subject("E-1").pseudonym());
    }
}
