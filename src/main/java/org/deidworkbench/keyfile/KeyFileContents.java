package org.deidworkbench.keyfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.KnownIdentifier;
import org.deidworkbench.model.PseudonymEntry;

/**
 * The decrypted payload of a key file: the project secret, pseudonym↔original entries per domain,
 * per-subject date offsets, per-subject known identifiers and the run history. Mutable and thread-safe: every method locks this
 * object, so concurrent {@link #addEntries} calls from worker threads are safe. Lookups cost
 * O(log n); the map-returning accessors copy (O(n)). Holds original identifying values: never log it;
 * {@link #toString()} shows counts only.
 */
public final class KeyFileContents {

    /**
     * Payload format version written by this code; files with a higher version are refused. Version 2
     * added the subjects' known identifiers; version 1 files open with none.
     */
    public static final int FORMAT_VERSION = 2;

    private final ProjectSecret secret;
    private final Instant createdAt;
    // domain -> (pseudonym -> original); sorted so the payload is deterministic
    private final TreeMap<String, TreeMap<String, String>> domains;
    private final TreeMap<String, Integer> dateOffsets;
    private final List<RunRecord> runs;
    // subject pseudonym -> its identifying values, for scrubbing free text in later runs
    private final TreeMap<String, TreeSet<KnownIdentifier>> knownIdentifiers;
    private int entryCount;

    KeyFileContents(ProjectSecret secret, Instant createdAt) {
        this(secret, createdAt, new TreeMap<>(), new TreeMap<>(), new ArrayList<>(), new TreeMap<>());
    }

    /** Adopts (does not copy) maps read from a file, so loading a large payload needs no second copy. */
    KeyFileContents(ProjectSecret secret, Instant createdAt, TreeMap<String, TreeMap<String, String>> domains,
            TreeMap<String, Integer> dateOffsets, List<RunRecord> runs,
            TreeMap<String, TreeSet<KnownIdentifier>> knownIdentifiers) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.domains = domains;
        this.dateOffsets = dateOffsets;
        this.runs = runs;
        this.knownIdentifiers = knownIdentifiers;
        int count = 0;
        for (TreeMap<String, String> m : domains.values()) {
            count += m.size();
        }
        this.entryCount = count;
    }

    /** New, empty contents for a new project. Cheap. */
    public static KeyFileContents create(ProjectSecret secret, Instant createdAt) {
        return new KeyFileContents(secret, createdAt);
    }

    /** The project secret (not a copy: do not destroy it while the contents are in use). */
    public ProjectSecret secret() {
        return secret;
    }

    /** When the project (its first key file) was created. */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Adds entries, all or none. Entries already present with the same original are skipped.
     *
     * @return the entries that were new, in the order given (duplicates within the batch appear once)
     * @throws KeyFileException with {@link KeyFileException.Reason#PSEUDONYM_COLLISION} if a pseudonym in a
     *         domain already maps (or within this batch would map) to a different original; nothing is added then
     */
    public synchronized List<PseudonymEntry> addEntries(Collection<PseudonymEntry> entries) throws KeyFileException {
        Objects.requireNonNull(entries, "entries");
        Map<String, Map<String, String>> pending = new HashMap<>();
        List<PseudonymEntry> fresh = new ArrayList<>();
        for (PseudonymEntry e : entries) {
            Objects.requireNonNull(e, "entry");
            TreeMap<String, String> existing = domains.get(e.domain());
            String known = existing == null ? null : existing.get(e.pseudonym());
            Map<String, String> batch = pending.computeIfAbsent(e.domain(), d -> new HashMap<>());
            String inBatch = batch.get(e.pseudonym());
            String previous = known != null ? known : inBatch;
            if (previous == null) {
                batch.put(e.pseudonym(), e.original());
                fresh.add(e);
            } else if (!previous.equals(e.original())) {
                throw new KeyFileException(KeyFileException.Reason.PSEUDONYM_COLLISION, null,
                        "pseudonym '" + e.pseudonym() + "' in domain '" + e.domain()
                                + "' already stands for a different original value; nothing from this batch was added."
                                + " Use a longer pseudonym format for this domain");
            }
        }
        for (PseudonymEntry e : fresh) {
            putEntry(e.domain(), e.pseudonym(), e.original());
        }
        return Collections.unmodifiableList(fresh);
    }

    private void putEntry(String domain, String pseudonym, String original) {
        if (domains.computeIfAbsent(domain, d -> new TreeMap<>()).putIfAbsent(pseudonym, original) == null) {
            entryCount++;
        }
    }

    /** The original value behind a pseudonym, if known. O(log n). */
    public synchronized Optional<String> original(String domain, String pseudonym) {
        TreeMap<String, String> map = domains.get(domain);
        return map == null ? Optional.empty() : Optional.ofNullable(map.get(pseudonym));
    }

    /** Snapshot of one domain, pseudonym → original, unmodifiable; empty for an unknown domain. O(n). */
    public synchronized SortedMap<String, String> entries(String domain) {
        TreeMap<String, String> map = domains.get(domain);
        return Collections.unmodifiableSortedMap(map == null ? new TreeMap<>() : new TreeMap<>(map));
    }

    /** Names of the domains that have entries, unmodifiable snapshot. */
    public synchronized SortedSet<String> domains() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(domains.keySet()));
    }

    /** Number of entries over all domains. */
    public synchronized int entryCount() {
        return entryCount;
    }

    /** Sets the date offset (days) for a subject, keyed by the subject's pseudonym; replaces an earlier value. */
    public synchronized void putDateOffset(String subjectPseudonym, int days) {
        dateOffsets.put(Objects.requireNonNull(subjectPseudonym, "subjectPseudonym"), days);
    }

    /** The date offset (days) of a subject, if recorded. */
    public synchronized OptionalInt dateOffset(String subjectPseudonym) {
        Integer days = dateOffsets.get(subjectPseudonym);
        return days == null ? OptionalInt.empty() : OptionalInt.of(days);
    }

    /** Snapshot of all date offsets, subject pseudonym → days, unmodifiable. */
    public synchronized SortedMap<String, Integer> dateOffsets() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(dateOffsets));
    }

    /**
     * Adds identifying values of subjects (names, address parts, phone numbers, ids), each with its
     * replacement in free text; values already kept are not added twice.
     */
    public synchronized void addKnownIdentifiers(Map<String, ? extends Collection<KnownIdentifier>> bySubject) {
        bySubject.forEach((subject, ids) -> knownIdentifiers.computeIfAbsent(Objects.requireNonNull(subject, "subject"),
                k -> new TreeSet<>()).addAll(ids));
    }

    /** Snapshot of every subject's known identifiers, by subject pseudonym, unmodifiable. O(n). */
    public synchronized SortedMap<String, SortedSet<KnownIdentifier>> knownIdentifiers() {
        TreeMap<String, SortedSet<KnownIdentifier>> out = new TreeMap<>();
        knownIdentifiers.forEach((s, ids) -> out.put(s, Collections.unmodifiableSortedSet(new TreeSet<>(ids))));
        return Collections.unmodifiableSortedMap(out);
    }

    /** Appends a run to the history. */
    public synchronized void addRun(RunRecord run) {
        runs.add(Objects.requireNonNull(run, "run"));
    }

    /** The run history, oldest first, unmodifiable snapshot. */
    public synchronized List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** Live internal maps for the payload writer, which holds this object's lock while it reads them. */
    TreeMap<String, TreeMap<String, String>> domainMapsLocked() {
        return domains;
    }

    TreeMap<String, Integer> dateOffsetsLocked() {
        return dateOffsets;
    }

    List<RunRecord> runsLocked() {
        return runs;
    }

    TreeMap<String, TreeSet<KnownIdentifier>> knownIdentifiersLocked() {
        return knownIdentifiers;
    }

    /**
     * Same secret, creation time, entries, offsets and runs. O(n) time and a copy of {@code other}'s maps
     * (taken under its lock first, so two threads comparing in opposite directions cannot deadlock).
     */
    public boolean sameAs(KeyFileContents other) {
        if (other == this) {
            return true;
        }
        TreeMap<String, TreeMap<String, String>> theirDomains = new TreeMap<>();
        TreeMap<String, Integer> theirOffsets;
        List<RunRecord> theirRuns;
        TreeMap<String, TreeSet<KnownIdentifier>> theirKnown = new TreeMap<>();
        synchronized (other) {
            other.domains.forEach((d, m) -> theirDomains.put(d, new TreeMap<>(m)));
            theirOffsets = new TreeMap<>(other.dateOffsets);
            theirRuns = List.copyOf(other.runs);
            other.knownIdentifiers.forEach((s, ids) -> theirKnown.put(s, new TreeSet<>(ids)));
        }
        synchronized (this) {
            return secret.equals(other.secret) && createdAt.equals(other.createdAt) && domains.equals(theirDomains)
                    && dateOffsets.equals(theirOffsets) && runs.equals(theirRuns)
                    && knownIdentifiers.equals(theirKnown);
        }
    }

    @Override
    public synchronized String toString() {
        return "KeyFileContents[domains=" + domains.size() + ", entries=" + entryCount + ", dateOffsets="
                + dateOffsets.size() + ", subjectsWithKnownIdentifiers=" + knownIdentifiers.size() + ", runs="
                + runs.size() + "]";
    }
}
