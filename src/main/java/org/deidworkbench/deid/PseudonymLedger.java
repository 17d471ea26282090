package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.deid.spill.ExternalSorter;
import org.deidworkbench.deid.spill.SpillArea;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.SortedTuples;

/**
 * Every pseudonym issued or known in this run, per domain, for the key file and for collision
 * checks: a pseudonym that already stands for a different (normalized) original is an error, never
 * a silent merge of two people. Thread-safe; the order of recording does not change any result.
 *
 * <p>A run's ledger may {@linkplain #spillTo spill} (decision 0026): when the entries recorded in
 * memory reach a threshold they are written, sorted, as an encrypted run into the run's spill area
 * and dropped from memory together with the issued-value cache, so the heap holds at most a threshold
 * of entries whatever the size of the export. A spilled entry is no longer seen by {@link #original}
 * and a collision with it is found when the runs are merged ({@link #sealedEntries()}), not when it
 * is issued; a value issued again after a spill costs one HMAC more and is recorded again (the merge
 * keeps it once).
 */
public final class PseudonymLedger {

    /** Entries of the key file, by domain and pseudonym. */
    private final Map<String, Map<String, String>> seeded = new ConcurrentHashMap<>();
    /**
     * Entries recorded in this run that were not seeded, by domain and pseudonym. This and {@link #issued} grow
     * to a spill threshold of entries per run (hundreds of thousands): flat arrays, not a node per entry
     * (decision 0049).
     */
    private final Map<String, FlatStringMap> added = new ConcurrentHashMap<>();
    /**
     * Pseudonyms issued in this run, by domain and normalized original: a value seen again in another
     * column or file costs a map lookup instead of an HMAC and a recording. The strings are those of
     * {@link #added}, so this adds one map entry per issued pseudonym. A domain has one format in a run
     * (the engine refuses two), so the format is not part of the key.
     */
    private final Map<String, FlatStringMap> issued = new ConcurrentHashMap<>();
    /** Recording holds the read lock (concurrently); spilling the write lock. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicInteger inMemory = new AtomicInteger();
    private volatile ExternalSorter spill;
    /** The entries of a key file read as a stream (decision 0030): searched by {@link #original}, never copied. */
    private volatile org.deidworkbench.deid.spill.IndexedRun seededRun;
    private volatile int threshold = Integer.MAX_VALUE;

    /**
     * From now on, keeps at most about {@code threshold} recorded entries in memory and spills the rest
     * into {@code area} (call before recording; the area outlives the ledger's use and deletes the files).
     */
    public void spillTo(SpillArea area, int threshold) {
        this.spill = new ExternalSorter(area, "ledger", 3, 2, Integer.MAX_VALUE);
        this.threshold = threshold;
    }

    /** How many times entries were spilled to disk so far. */
    public int spills() {
        ExternalSorter s = spill;
        return s == null ? 0 : s.spills();
    }

    /**
     * Adds the entries of a key file read as a stream, {@code (domain, pseudonym, original)} sorted, and its
     * domains (decision 0030). They are not held in memory: {@link #original} searches them (one block read),
     * and a run's entry that gives one of their pseudonyms another original is found when the key file is
     * sealed (the payload merge refuses it), not when it is issued. Entries recorded again in this run are
     * recorded as if new; the key file keeps each once, and counts new ones by merging.
     */
    public void seedSpilled(org.deidworkbench.deid.spill.IndexedRun entries, Collection<String> domains) {
        for (String d : domains) {
            seeded.computeIfAbsent(d, k -> new ConcurrentHashMap<>());
        }
        seededRun = entries;
    }

    /** Adds entries that already exist (from the key file); they are not reported as new. */
    public void seed(Collection<PseudonymEntry> entries) {
        for (PseudonymEntry e : entries) {
            seeded.computeIfAbsent(e.domain(), d -> new ConcurrentHashMap<>()).put(e.pseudonym(), e.original());
        }
    }

    /**
     * Issues the pseudonym of {@code value} in {@code domain} and records it, in one step, so that no
     * pseudonym can reach an output without its entry for the key file.
     *
     * @param normalizedValue the value already normalized with {@link PseudonymGenerator#normalize}
     * @throws DeidException {@code DEID-PSEUDONYM-COLLISION} as {@link #record}
     */
    public String issue(PseudonymGenerator generator, String domain, PseudonymFormat format, String normalizedValue)
            throws DeidException {
        FlatStringMap byOriginal = issued.get(domain);
        if (byOriginal == null) {
            byOriginal = issued.computeIfAbsent(domain, d -> new FlatStringMap());
        }
        // A value being issued by another thread at this moment may be missed: it is then issued again
        // (the same pseudonym: one HMAC more), and recorded once.
        String pseudonym = byOriginal.get(normalizedValue);
        if (pseudonym != null) {
            return pseudonym;
        }
        pseudonym = generator.pseudonym(domain, normalizedValue, format);
        record(domain, pseudonym, normalizedValue);
        byOriginal.put(normalizedValue, pseudonym);
        return pseudonym;
    }

    /**
     * Records that {@code pseudonym} stands for {@code normalizedOriginal} in {@code domain}.
     *
     * @throws DeidException {@code DEID-PSEUDONYM-COLLISION} if it already stands for another value
     */
    public void record(String domain, String pseudonym, String normalizedOriginal) throws DeidException {
        Map<String, String> seededDomain = seeded.get(domain);
        String previous = seededDomain == null ? null : seededDomain.get(pseudonym);
        boolean fresh = false;
        if (previous == null) {
            lock.readLock().lock();
            try {
                previous = added.computeIfAbsent(domain, d -> new FlatStringMap())
                        .putIfAbsent(pseudonym, normalizedOriginal);
                fresh = previous == null;
            } finally {
                lock.readLock().unlock();
            }
        }
        if (previous != null && !previous.equals(normalizedOriginal)) {
            throw collision(domain, pseudonym);
        }
        if (fresh && inMemory.incrementAndGet() >= threshold) {
            spillNow();
        }
    }

    private static DeidException collision(String domain, String pseudonym) {
        return new DeidException("DEID-PSEUDONYM-COLLISION", "pseudonym " + pseudonym + " in domain '" + domain
                + "' would stand for two different values; use a longer pseudonym format for this domain");
    }

    /** Writes the entries in memory as one sorted run and forgets them and the issued-value cache. */
    private void spillNow() throws DeidException {
        lock.writeLock().lock();
        try {
            if (inMemory.get() < threshold) {
                return; // another thread spilled meanwhile
            }
            spill.addSortedRun(sortedAdded().iterator());
            added.values().forEach(FlatStringMap::clear); // the domains stay known (domains())
            issued.values().forEach(FlatStringMap::clear);
            inMemory.set(0);
        } catch (ExternalSorter.ConflictException e) {
            throw collision(e.key()[0], e.key()[1]);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The entries in memory as (domain, pseudonym, original), sorted. */
    private List<String[]> sortedAdded() {
        List<String[]> list = new ArrayList<>(inMemory.get());
        added.forEach((domain, map) -> map.forEach((p, o) -> list.add(new String[] {domain, p, o})));
        list.sort(ExternalSorter.ORDER);
        return list;
    }

    /**
     * Every entry recorded in this run that was not seeded, as {@code (domain, pseudonym, original)}
     * sorted by domain and pseudonym, each once: the spilled runs merged with what is in memory.
     * Call once, after the last recording.
     *
     * @throws DeidException {@code DEID-PSEUDONYM-COLLISION} when a spilled entry and another give one
     *     pseudonym two originals
     */
    public SortedTuples sealedEntries() throws DeidException, java.io.IOException {
        lock.writeLock().lock();
        try {
            List<String[]> rest = sortedAdded();
            ExternalSorter s = spill;
            if (s == null || s.spills() == 0) {
                return SortedTuples.of(rest);
            }
            s.addSortedRun(rest.iterator());
            added.values().forEach(FlatStringMap::clear); // the domains stay known (domains())
            issued.values().forEach(FlatStringMap::clear);
            inMemory.set(0);
            return s.finish();
        } catch (ExternalSorter.ConflictException e) {
            throw collision(e.key()[0], e.key()[1]);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The original a pseudonym stands for, if known. */
    public Optional<String> original(String domain, String pseudonym) {
        Map<String, String> seededDomain = seeded.get(domain);
        String original = seededDomain == null ? null : seededDomain.get(pseudonym);
        if (original == null) {
            FlatStringMap addedDomain = added.get(domain);
            original = addedDomain == null ? null : addedDomain.getExact(pseudonym);
        }
        org.deidworkbench.deid.spill.IndexedRun run = seededRun;
        if (original == null && run != null) {
            try {
                String[] found = run.find(domain, pseudonym);
                original = found == null ? null : found[2];
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the key file's spilled entries", e);
            }
        }
        return Optional.ofNullable(original);
    }

    /** The domains that have entries (seeded or issued), sorted. */
    public java.util.SortedSet<String> domains() {
        java.util.SortedSet<String> domains = new java.util.TreeSet<>(seeded.keySet());
        domains.addAll(added.keySet());
        return domains;
    }

    /**
     * Entries recorded in this run that were not seeded, sorted by domain and pseudonym.
     *
     * @throws IllegalStateException when entries were spilled (use {@link #sealedEntries()})
     */
    public List<PseudonymEntry> newEntries() {
        if (spills() > 0) {
            throw new IllegalStateException("the ledger spilled entries to disk; read them with sealedEntries()");
        }
        List<PseudonymEntry> list = new ArrayList<>();
        added.forEach((domain, map) -> map.forEach((p, o) -> list.add(new PseudonymEntry(domain, p, o))));
        list.sort(Comparator.comparing(PseudonymEntry::domain).thenComparing(PseudonymEntry::pseudonym));
        return list;
    }
}
