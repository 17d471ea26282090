package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.Test;

class PseudonymLedgerTest {

    @Test
    void samePseudonymForADifferentOriginalIsACollision() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.record("patient", "P1", "SMITH JOHN");
        DeidException e = assertThrows(DeidException.class, () -> ledger.record("patient", "P1", "DOE JANE"));
        assertEquals("DEID-PSEUDONYM-COLLISION", e.code());
        assertFalse(e.getMessage().contains("SMITH"), e.getMessage());
        assertFalse(e.getMessage().contains("DOE"), e.getMessage());
    }

    @Test
    void recordingTheSamePairTwiceIsNoCollision() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.record("patient", "P1", "SMITH JOHN");
        ledger.record("patient", "P1", "SMITH JOHN");
        assertEquals(List.of(new PseudonymEntry("patient", "P1", "SMITH JOHN")), ledger.newEntries());
    }

    @Test
    void samePseudonymInAnotherDomainIsNoCollision() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.record("patient", "P1", "A");
        ledger.record("mrn", "P1", "B");
        assertEquals(2, ledger.newEntries().size());
    }

    @Test
    void seededEntriesAreNotReportedAsNew() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.seed(List.of(new PseudonymEntry("patient", "P1", "SMITH JOHN")));
        ledger.record("patient", "P1", "SMITH JOHN");
        ledger.record("patient", "P2", "DOE JANE");
        assertEquals(List.of(new PseudonymEntry("patient", "P2", "DOE JANE")), ledger.newEntries());
    }

    @Test
    void collisionWithASeededEntryIsDetected() {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.seed(List.of(new PseudonymEntry("patient", "P1", "SMITH JOHN")));
        DeidException e = assertThrows(DeidException.class, () -> ledger.record("patient", "P1", "DOE JANE"));
        assertEquals("DEID-PSEUDONYM-COLLISION", e.code());
    }

    @Test
    void originalIsFoundForSeededAndRecordedPseudonyms() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.seed(List.of(new PseudonymEntry("patient", "P1", "SMITH JOHN")));
        ledger.record("patient", "P2", "DOE JANE");
        assertEquals(Optional.of("SMITH JOHN"), ledger.original("patient", "P1"));
        assertEquals(Optional.of("DOE JANE"), ledger.original("patient", "P2"));
        assertTrue(ledger.original("patient", "P3").isEmpty());
        assertTrue(ledger.original("mrn", "P1").isEmpty());
    }

    @Test
    void newEntriesAreSortedByDomainThenPseudonym() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ledger.record("patient", "Z9", "C");
        ledger.record("mrn", "M2", "B");
        ledger.record("patient", "A1", "D");
        ledger.record("mrn", "M1", "A");
        List<String> order = ledger.newEntries().stream().map(e -> e.domain() + "/" + e.pseudonym()).toList();
        assertEquals(List.of("mrn/M1", "mrn/M2", "patient/A1", "patient/Z9"), order);
    }

    @Test
    void concurrentRecordingKeepsEveryEntryOnce() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        ledger.record(i % 2 == 0 ? "patient" : "mrn", "P" + i, "V" + i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<PseudonymEntry> entries = ledger.newEntries();
        assertEquals(2000, entries.size());
        assertEquals(Optional.of("V1999"), ledger.original("mrn", "P1999"));
    }

    @Test
    void concurrentCollisionIsStillDetected() throws Exception {
        PseudonymLedger ledger = new PseudonymLedger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                String original = "V" + t;
                futures.add(pool.submit(() -> {
                    try {
                        ledger.record("patient", "SAME", original);
                        return false;
                    } catch (DeidException e) {
                        return true;
                    }
                }));
            }
            int collisions = 0;
            for (Future<Boolean> f : futures) {
                collisions += f.get() ? 1 : 0;
            }
            assertEquals(7, collisions);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ledger.newEntries().size());
    }
}
