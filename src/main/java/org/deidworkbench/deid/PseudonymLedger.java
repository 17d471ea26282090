package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.PseudonymFormat;

/**
 * Every pseudonym issued or known in this run, per domain, for the key file and for collision
 * checks: a pseudonym that already stands for a different (normalized) original is an error, never
 * a silent merge of two people. Thread-safe; the order of recording does not change any result.
 */
public final class PseudonymLedger {

    /** Entries of the key file, by domain and pseudonym. */
    private final Map<String, Map<String, String>> seeded = new ConcurrentHashMap<>();
    /** Entries recorded in this run that were not seeded, by domain and pseudonym (one map per entry, not two). */
    private final Map<String, Map<String, String>> added = new ConcurrentHashMap<>();
    /**
     * Pseudonyms issued in this run, by domain and normalized original: a value seen again in another
     * column or file costs a map lookup instead of an HMAC and a recording. The strings are those of
     * {@link #added}, so this adds one map entry per issued pseudonym. A domain has one format in a run
     * (the engine refuses two), so the format is not part of the key.
     */
    private final Map<String, Map<String, String>> issued = new ConcurrentHashMap<>();

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
        Map<String, String> byOriginal = issued.computeIfAbsent(domain, d -> new ConcurrentHashMap<>());
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
        if (previous == null) {
            previous = added.computeIfAbsent(domain, d -> new ConcurrentHashMap<>())
                    .putIfAbsent(pseudonym, normalizedOriginal);
        }
        if (previous != null && !previous.equals(normalizedOriginal)) {
            throw new DeidException("DEID-PSEUDONYM-COLLISION", "pseudonym " + pseudonym + " in domain '" + domain
                    + "' would stand for two different values; use a longer pseudonym format for this domain");
        }
    }

    /** The original a pseudonym stands for, if known. */
    public Optional<String> original(String domain, String pseudonym) {
        Map<String, String> seededDomain = seeded.get(domain);
        String original = seededDomain == null ? null : seededDomain.get(pseudonym);
        if (original == null) {
            Map<String, String> addedDomain = added.get(domain);
            original = addedDomain == null ? null : addedDomain.get(pseudonym);
        }
        return Optional.ofNullable(original);
    }

    /** The domains that have entries (seeded or issued), sorted. */
    public java.util.SortedSet<String> domains() {
        java.util.SortedSet<String> domains = new java.util.TreeSet<>(seeded.keySet());
        domains.addAll(added.keySet());
        return domains;
    }

    /** Entries recorded in this run that were not seeded, sorted by domain and pseudonym. */
    public List<PseudonymEntry> newEntries() {
        List<PseudonymEntry> list = new ArrayList<>();
        added.forEach((domain, map) -> map.forEach((p, o) -> list.add(new PseudonymEntry(domain, p, o))));
        list.sort(Comparator.comparing(PseudonymEntry::domain).thenComparing(PseudonymEntry::pseudonym));
        return list;
    }
}
