package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.Test;

class KeyFileContentsTest {

    private static KeyFileContents empty() {
        return KeyFileContents.create(ProjectSecret.of(TestFixtures.SECRET_BYTES), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void newProjectsGetDifferentRandomSecrets() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        KeyFileContents a = KeyFileContents.newProject(now);
        KeyFileContents b = KeyFileContents.newProject(now);
        assertEquals(ProjectSecret.LENGTH, a.secret().bytes().length);
        assertFalse(a.secret().equals(b.secret()));
    }

    @Test
    void newProjectStartsEmpty() {
        KeyFileContents c = KeyFileContents.newProject(Instant.parse("2026-01-01T00:00:00Z"));
        assertEquals(0, c.entryCount());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), c.createdAt());
        assertTrue(c.dateOffsets().isEmpty());
    }

    @Test
    void addEntriesReturnsOnlyTheNewOnes() throws Exception {
        KeyFileContents c = empty();
        PseudonymEntry a = new PseudonymEntry("patient", "P1", "MRN-1");
        PseudonymEntry b = new PseudonymEntry("patient", "P2", "MRN-2");
        assertEquals(List.of(a), c.addEntries(List.of(a)));
        assertEquals(List.of(b), c.addEntries(List.of(a, b, b)));
        assertEquals(2, c.entryCount());
        assertEquals(Optional.of("MRN-2"), c.original("patient", "P2"));
        assertEquals(Optional.empty(), c.original("study", "P2"));
    }

    @Test
    void forEachEntryGivesWhatEntriesGivesInOrder() throws Exception {
        KeyFileContents c = empty();
        c.addEntries(List.of(new PseudonymEntry("patient", "P2", "MRN-2"), new PseudonymEntry("patient", "P1", "MRN-1"),
                new PseudonymEntry("study", "S1", "ACC-1")));
        List<String> seen = new ArrayList<>();
        c.forEachEntry("patient", (p, o) -> seen.add(p + "=" + o));
        List<String> expected = new ArrayList<>();
        c.entries("patient").forEach((p, o) -> expected.add(p + "=" + o));
        assertEquals(List.of("P1=MRN-1", "P2=MRN-2"), seen);
        assertEquals(expected, seen);
        c.forEachEntry("unknown", (p, o) -> seen.add(p));
        assertEquals(2, seen.size());
    }

    @Test
    void collisionWithAnExistingEntryIsReportedWithoutTheOriginals() throws Exception {
        KeyFileContents c = empty();
        c.addEntries(List.of(new PseudonymEntry("patient", "P1", "Doe^Jane")));
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> c.addEntries(List.of(new PseudonymEntry("patient", "P1", "Roe^Richard"))));
        assertEquals(KeyFileException.Reason.PSEUDONYM_COLLISION, e.reason());
        assertTrue(e.getMessage().contains("patient") && e.getMessage().contains("P1"), e.getMessage());
        assertFalse(e.getMessage().contains("Doe") || e.getMessage().contains("Roe"), e.getMessage());
    }

    @Test
    void collisionInsideOneBatchAddsNothingFromThatBatch() throws Exception {
        KeyFileContents c = empty();
        List<PseudonymEntry> batch = List.of(new PseudonymEntry("patient", "P0", "A"),
                new PseudonymEntry("patient", "P1", "B"), new PseudonymEntry("patient", "P1", "C"));
        assertThrows(KeyFileException.class, () -> c.addEntries(batch));
        assertEquals(0, c.entryCount());
        assertEquals(Optional.empty(), c.original("patient", "P0"));
    }

    @Test
    void samePseudonymInDifferentDomainsIsNoCollision() throws Exception {
        KeyFileContents c = empty();
        c.addEntries(List.of(new PseudonymEntry("patient", "X1", "A"), new PseudonymEntry("accession", "X1", "B")));
        assertEquals(2, c.entryCount());
        assertEquals(List.of("accession", "patient"), List.copyOf(c.domains()));
    }

    @Test
    void entriesIsASortedUnmodifiableSnapshot() throws Exception {
        KeyFileContents c = empty();
        c.addEntries(List.of(new PseudonymEntry("d", "b", "2"), new PseudonymEntry("d", "a", "1")));
        var snapshot = c.entries("d");
        assertEquals(List.of("a", "b"), List.copyOf(snapshot.keySet()));
        assertThrows(UnsupportedOperationException.class, () -> snapshot.put("c", "3"));
        c.addEntries(List.of(new PseudonymEntry("d", "c", "3")));
        assertEquals(2, snapshot.size());
        assertTrue(c.entries("unknown").isEmpty());
    }

    @Test
    void concurrentAddsKeepEveryEntryExactlyOnce() throws Exception {
        KeyFileContents c = empty();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                int fresh = 0;
                for (int i = 0; i < 2_000; i += 10) {
                    List<PseudonymEntry> batch = new ArrayList<>();
                    for (int j = i; j < i + 10; j++) {
                        batch.add(new PseudonymEntry("patient", "P" + j, "MRN" + j)); // every thread adds the same set
                    }
                    fresh += c.addEntries(batch).size();
                }
                return fresh;
            }));
        }
        int totalFresh = 0;
        for (Future<Integer> f : results) {
            totalFresh += f.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(2_000, c.entryCount());
        assertEquals(2_000, totalFresh);
    }

    @Test
    void dateOffsetsAreKeptPerSubjectPseudonym() {
        KeyFileContents c = empty();
        c.putDateOffset("P2", 12);
        c.putDateOffset("P1", -3);
        c.putDateOffset("P1", -4);
        assertEquals(-4, c.dateOffset("P1").getAsInt());
        assertTrue(c.dateOffset("P3").isEmpty());
        assertEquals(List.of("P1", "P2"), List.copyOf(c.dateOffsets().keySet()));
    }

    @Test
    void runsAreKeptInOrder() {
        KeyFileContents c = empty();
        RunRecord r1 = new RunRecord("r1", Instant.EPOCH, Instant.EPOCH, null, null, null, null, 0, 0, 0, 0);
        RunRecord r2 = new RunRecord("r2", Instant.EPOCH, Instant.EPOCH, "1", "p", "h", "o", 1, 2, 3, 4);
        c.addRun(r1);
        c.addRun(r2);
        assertEquals(List.of(r1, r2), c.runs());
    }

    @Test
    void toStringShowsCountsOnly() throws Exception {
        KeyFileContents c = TestFixtures.sampleContents();
        assertFalse(c.toString().contains("MRN-004711"));
        assertTrue(c.toString().contains("entries=3"), c.toString());
    }

    @Test
    void reasonCodesAreStable() {
        assertEquals("KEYFILE-WRONG-PASSPHRASE", KeyFileException.Reason.WRONG_PASSPHRASE.code());
        assertEquals("KEYFILE-NOT-A-KEY-FILE", KeyFileException.Reason.NOT_A_KEY_FILE.code());
    }
}
