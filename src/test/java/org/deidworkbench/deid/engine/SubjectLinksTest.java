package org.deidworkbench.deid.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
        assertEquals(Map.of("m1", "p1", "r1", "p1", "m2", "p2", "m3", "p3"), representatives(first));
        assertEquals(4, linkedIds(first));
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
        assertEquals(Map.of("m3", "p3"), representatives(r));
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
        assertEquals(Map.of("new", "p", "old", "p"), representatives(r));
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

    /**
     * Records of 300 patients (patid–MRN rows, DICOM RIS numbers with the MRN as another id, FHIR Patients with an old
     * and a new MRN) and MRNs each given for two patids by rows far apart: a cluster's workers each note some of them.
     */
    private static List<List<SubjectLinks.Id>> manyRecords() {
        List<List<SubjectLinks.Id>> records = new ArrayList<>();
        for (int p = 0; p < 300; p++) {
            records.add(List.of(id("csv:patid", 5, "p" + p), id("csv:mrn", 14, "m" + p)));
            if (p % 3 == 0) {
                records.add(List.of(id("dicom:", 10_000, "r" + p), id("dicom-other:", 10_001, "m" + p)));
            }
            if (p % 5 == 0) {
                records.add(List.of(id("fhir:mrn", 10_000, "m" + p), id("fhir:mrn", 10_001, "old" + p)));
            }
            if (p % 7 == 0) {
                records.add(List.of(id("csv:patid", 5, "q" + p), id("csv:mrn", 14, "m" + p))); // one MRN, two patids
            }
        }
        return records;
    }

    /**
     * Decision 0078 on a cluster: the records split over workers in any way, each worker's links exported, merged in
     * any order and absorbed by the driver give the classes, representatives and conflicts of one engine that noted
     * every record; conflicts whose two records were noted by two workers included.
     */
    @Test
    void linksNotedByManyEnginesAndMergedResolveAsIfOneEngineNotedThemAll() throws Exception {
        List<List<SubjectLinks.Id>> records = manyRecords();
        SubjectLinks one = new SubjectLinks();
        records.forEach(one::note);
        SubjectLinks.Resolved expected = one.resolve();
        assertEquals(300 / 7 + 1, expected.conflicts(), "the test's MRNs given for two patids");
        Random random = new Random(1078);
        for (int round = 0; round < 10; round++) {
            int workers = 2 + random.nextInt(7);
            List<SubjectLinks> noted = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                noted.add(new SubjectLinks());
            }
            List<List<SubjectLinks.Id>> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            shuffled.forEach(r -> noted.get(random.nextInt(workers)).note(r));
            List<NotedLinks> parts = new ArrayList<>();
            for (SubjectLinks w : noted) {
                parts.add(serialized(w.export()));
            }
            while (parts.size() > 1) { // a tree of merges in a random shape, as treeReduce makes one
                int i = random.nextInt(parts.size() - 1);
                parts.set(i, serialized(parts.get(i).merge(parts.remove(i + 1))));
            }
            SubjectLinks driver = new SubjectLinks();
            driver.absorb(parts.get(0));
            assertEquals(expected, driver.resolve(), "round " + round + ", " + workers + " workers");
        }
    }

    /** Through a Java stream, as Spark sends a worker's notes. */
    private static NotedLinks serialized(NotedLinks links) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(links);
        }
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            return (NotedLinks) in.readObject();
        }
    }

    /**
     * Through engines, as {@code deid-spark run} uses them: two scan workers each note one of a patient's two records
     * (patid–MRN, RIS number–MRN); the driver absorbs their notes, resolves the links and counts them as {@code deid
     * run} does, and a transform worker given the resolved offsets gives each id the driver's offset and its own
     * pseudonym, and reports the linked subjects for the key file.
     */
    @Test
    void scanWorkersNotesResolveOnTheDriverAndTransformWorkersTakeTheClassOffsets() throws Exception {
        var profile = ProfileLoader.read("csv-template").profile();
        java.util.function.Supplier<Deidentifier> engine = () -> {
            try {
                return new Deidentifier(profile, TestKeys.keyRing(), new PseudonymLedger(), 2026);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Deidentifier a = engine.get();
        Deidentifier b = engine.get();
        Deidentifier driver = engine.get();
        int patidOffset = driver.subject("PX-1").dateOffsetDays();
        assertNotEquals(patidOffset, driver.subject("RIS-1").dateOffsetDays(), "the test needs different offsets");
        for (Deidentifier e : List.of(a, b, driver)) {
            e.beginLinks();
        }
        a.noteLink(List.of(new Deidentifier.LinkedId("csv:patid", 5, "PX-1"),
                new Deidentifier.LinkedId("csv:mrn", 14, "E-1")));
        b.noteLink(List.of(new Deidentifier.LinkedId("dicom:", Deidentifier.RANK_RECORD_SUBJECT, "RIS-1"),
                new Deidentifier.LinkedId("dicom-other:", Deidentifier.RANK_RECORD_OTHER, "E-1")));
        driver.absorb(a.notes().merge(b.notes()));
        assertEquals(Map.of("subject-links (linked)", 2L), driver.resolveLinks());

        Deidentifier transform = engine.get();
        transform.useLinkedOffsets(driver.linkedOffsets());
        for (String id : List.of("PX-1", "E-1", "RIS-1")) {
            assertEquals(patidOffset, transform.subject(id).dateOffsetDays(), id);
            assertEquals(driver.subject(id), transform.subject(id), id);
        }
        Deidentifier.Notes notes = transform.notes();
        assertEquals(2, notes.linkedSubjectOffsets().size(), "the MRN and the RIS number took the patid's offset");
        Deidentifier sealing = engine.get();
        sealing.absorb(notes);
        assertEquals(transform.linkedSubjectOffsets(), sealing.linkedSubjectOffsets());
    }

    /** Each linked id that is not its class's representative, with the representative whose offset it takes. */
    private static Map<String, String> representatives(SubjectLinks.Resolved r) {
        Map<String, String> out = new HashMap<>();
        for (List<String> c : r.classes()) {
            c.subList(1, c.size()).forEach(id -> out.put(id, c.get(0)));
        }
        return out;
    }

    /** How many ids take another id's offset. */
    private static int linkedIds(SubjectLinks.Resolved r) {
        return r.classes().stream().mapToInt(c -> c.size() - 1).sum();
    }
}
