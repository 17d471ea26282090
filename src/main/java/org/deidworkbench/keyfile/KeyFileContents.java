package org.deidworkbench.keyfile;

import java.security.SecureRandom;
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
import org.deidworkbench.model.SortedTuples;

/**
 * The decrypted payload of a key file: the project secret, pseudonym↔original entries per domain,
 * per-subject date offsets, per-subject known identifiers and the run history. Mutable and thread-safe: every method locks this
 * object, so concurrent {@link #addEntries} calls from worker threads are safe. Lookups cost
 * O(log n); the map-returning accessors copy (O(n)). Holds original identifying values: never log it;
 * {@link #toString()} shows counts only.
 */
public final class KeyFileContents {

    /**
     * Highest payload version this code reads and writes; files with a higher version are refused. A
     * payload is written with the lowest version that describes it (1 unless a version-2 member is present; 3 with
     * attested coincidences; 4 with linked subjects' date offsets).
     */
    public static final int FORMAT_VERSION = 4;

    /** Linked subjects' date offsets kept at most (decision 0078, addendum): as many as a run links. */
    public static final int MAX_LINKED_OFFSETS = 1 << 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProjectSecret secret;
    private final Instant createdAt;
    // domain -> (pseudonym -> original); sorted so the payload is deterministic
    private final TreeMap<String, TreeMap<String, String>> domains;
    private final TreeMap<String, Integer> dateOffsets;
    private final List<RunRecord> runs;
    // payload version 2: subject pseudonym -> its identifying values, for scrubbing free text in later runs
    private final TreeMap<String, TreeSet<KnownIdentifier>> knownIdentifiers;
    private int entryCount;
    // decision 0026: a run's new entries and subject identifiers held outside the heap, written by the payload writer
    private SortedTuples spilledEntries = SortedTuples.EMPTY;
    private SortedTuples spilledKnown = SortedTuples.EMPTY;
    private SortedTuples spilledOffsets = SortedTuples.EMPTY;
    /** Entries, offsets and known identifiers of a key file read as a stream (decision 0030), outside the heap. */
    private SortedTuples baseEntries = SortedTuples.EMPTY;
    private SortedTuples baseOffsets = SortedTuples.EMPTY;
    private SortedTuples baseKnown = SortedTuples.EMPTY;
    // payload version 2 (key custody): the re-identification audit log and its stored counter
    private final List<AuditEntry> audit = new ArrayList<>();
    private long auditCount;
    private Custody.SplitKey split;
    // payload version 3 (decision 0029): run id -> subject pseudonym -> day (yyyymmdd) -> how many shifted dates the
    // run wrote in the subject's records that read as one of the subject's own original dates
    private final TreeMap<String, TreeMap<String, TreeMap<Long, Integer>>> coincidences = new TreeMap<>();
    // payload version 4 (decision 0078, addendum): subject pseudonym -> date offset, for the subjects whose offset is
    // not their own id's keyed offset (linked to another id by a run); in memory, at most MAX_LINKED_OFFSETS
    private final TreeMap<String, Integer> linkedDateOffsets = new TreeMap<>();

    KeyFileContents(ProjectSecret secret, Instant createdAt) {
        this(secret, createdAt, new TreeMap<>(), new TreeMap<>(), new ArrayList<>(), new TreeMap<>());
    }

    /** As the six-argument constructor, with no known identifiers. */
    KeyFileContents(ProjectSecret secret, Instant createdAt, TreeMap<String, TreeMap<String, String>> domains,
            TreeMap<String, Integer> dateOffsets, List<RunRecord> runs) {
        this(secret, createdAt, domains, dateOffsets, runs, new TreeMap<>());
    }

    /** Adopts (does not copy) maps read from a file, so loading a large payload needs no second copy. */
    KeyFileContents(ProjectSecret secret, Instant createdAt, TreeMap<String, TreeMap<String, String>> domains,
            TreeMap<String, Integer> dateOffsets, List<RunRecord> runs,
            TreeMap<String, TreeSet<KnownIdentifier>> knownIdentifiers) {
        this.secret = secret; // null only for an export key file (then export is set before use)
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.domains = domains;
        this.dateOffsets = dateOffsets;
        this.runs = runs;
        this.knownIdentifiers = Objects.requireNonNull(knownIdentifiers, "knownIdentifiers");
        int count = 0;
        for (TreeMap<String, String> m : domains.values()) {
            count += m.size();
        }
        this.entryCount = count;
    }

    /**
     * New, empty contents for a new project with a fresh random 256-bit secret from a
     * {@link SecureRandom}. This is how a project starts; callers never handle the secret. Thread-safe.
     */
    public static KeyFileContents newProject(Instant createdAt) {
        return new KeyFileContents(ProjectSecret.generate(RANDOM), createdAt);
    }

    /**
     * New, empty contents of an <b>export key file</b> (keyfile-format.md §9): no project secret, its own random
     * audit-chain key; the caller adds the entries (and date offsets) of one output.
     *
     * @param outputFolderName the name (not path) of the output folder it re-identifies
     */
    public static KeyFileContents newExport(Instant createdAt, Instant projectCreatedAt, String outputFolderName) {
        KeyFileContents c = new KeyFileContents(null, projectCreatedAt, new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        c.setExport(new ExportInfo(outputFolderName, createdAt, key));
        java.util.Arrays.fill(key, (byte) 0);
        return c;
    }

    /**
     * What makes a key file an export key file: the output it is for, when it was made, and its audit-chain key.
     * {@code toString()} hides the key.
     */
    record ExportInfo(String outputFolderName, Instant exportedAt, byte[] auditKey) {
        ExportInfo {
            Objects.requireNonNull(outputFolderName, "outputFolderName");
            Objects.requireNonNull(exportedAt, "exportedAt");
            auditKey = auditKey.clone();
        }

        @Override
        public byte[] auditKey() {
            return auditKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ExportInfo e && outputFolderName.equals(e.outputFolderName)
                    && exportedAt.equals(e.exportedAt) && java.security.MessageDigest.isEqual(auditKey, e.auditKey);
        }

        @Override
        public int hashCode() {
            return outputFolderName.hashCode();
        }

        @Override
        public String toString() {
            return "ExportInfo[" + outputFolderName + ", " + exportedAt + "]";
        }
    }

    private ExportInfo export;

    synchronized void setExport(ExportInfo export) {
        this.export = export;
    }

    synchronized ExportInfo export() {
        return export;
    }

    /** For an export key file, the name of the output folder it re-identifies. */
    public synchronized java.util.Optional<String> exportedFor() {
        return export == null ? java.util.Optional.empty() : java.util.Optional.of(export.outputFolderName());
    }

    /** New, empty contents around a given secret (tests, key rotation tools). Cheap. */
    public static KeyFileContents create(ProjectSecret secret, Instant createdAt) {
        return new KeyFileContents(secret, createdAt);
    }

    /** Whether this is a project key file with the project secret (export key files have none). */
    public boolean hasSecret() {
        return secret != null;
    }

    /**
     * The project secret (not a copy: do not destroy it while the contents are in use).
     *
     * @throws IllegalStateException for an export key file, which has none (check {@link #hasSecret()})
     */
    public ProjectSecret secret() {
        if (secret == null) {
            throw new IllegalStateException("an export key file has no project secret");
        }
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

    /**
     * Adds a run's new pseudonym entries {@code (domain, pseudonym, original)} and subjects' identifying
     * values {@code (subject pseudonym, value, replacement, word replacement)}, both sorted and held outside
     * the heap (decision 0026). They are not copied into memory: the payload writer merges them into the
     * sealed file, and {@link #entryCount()} counts them, but the lookups and snapshots of this object
     * ({@link #original}, {@link #entries}, {@link #knownIdentifiers()}, {@link #sameAs}) do not see them.
     * The entries must not share a pseudonym with the entries here (a run's ledger checks that); they
     * stay readable until the run's spill area is closed, so save before that. Once per contents.
     */
    public synchronized void addSpilled(SortedTuples entries, SortedTuples knownIdentifiers) {
        addSpilled(entries, knownIdentifiers, SortedTuples.EMPTY);
    }

    /**
     * As {@link #addSpilled(SortedTuples, SortedTuples)}, with the run's subjects' date offsets {@code (subject
     * pseudonym, offset in days)} sorted by pseudonym (decision 0030): merged with {@link #dateOffsets()} when the
     * payload is written; a subject in both must have the same offset (offsets are keyed functions of the subject).
     * {@link #dateOffsets()} and {@link #dateOffset} do not see them.
     */
    public synchronized void addSpilled(SortedTuples entries, SortedTuples knownIdentifiers, SortedTuples offsets) {
        if (spilledEntries.size() > 0 || spilledKnown.size() > 0 || spilledOffsets.size() > 0) {
            throw new IllegalStateException("spilled entries were already added");
        }
        spilledEntries = Objects.requireNonNull(entries, "entries");
        spilledKnown = Objects.requireNonNull(knownIdentifiers, "knownIdentifiers");
        spilledOffsets = Objects.requireNonNull(offsets, "offsets");
        entryCount = Math.toIntExact(entryCount + entries.size());
    }

    SortedTuples spilledOffsetsLocked() {
        return spilledOffsets;
    }

    /** Attaches what a streamed read kept outside the heap (the maps hold the domains' names only). */
    synchronized void adoptBase(SortedTuples entries, SortedTuples offsets, SortedTuples known) {
        baseEntries = entries;
        baseOffsets = offsets;
        baseKnown = known;
        entryCount = Math.toIntExact(entryCount + entries.size());
    }

    /**
     * The pseudonym entries {@code (domain, pseudonym, original)} of a key file opened as a stream
     * ({@link KeyFileStore#openStreamed}), sorted; empty for contents held in memory. {@link #entries} and
     * {@link #original} do not see them; the payload writer merges them.
     */
    public synchronized SortedTuples baseEntries() {
        return baseEntries;
    }

    /** As {@link #baseEntries()}: the date offsets {@code (subject, days)}. */
    public synchronized SortedTuples baseOffsets() {
        return baseOffsets;
    }

    /** As {@link #baseEntries()}: the known identifiers {@code (subject, value, replacement, word replacement)}. */
    public synchronized SortedTuples baseKnownIdentifiers() {
        return baseKnown;
    }

    SortedTuples baseEntriesLocked() {
        return baseEntries;
    }

    SortedTuples baseOffsetsLocked() {
        return baseOffsets;
    }

    SortedTuples baseKnownLocked() {
        return baseKnown;
    }

    SortedTuples spilledEntriesLocked() {
        return spilledEntries;
    }

    SortedTuples spilledKnownLocked() {
        return spilledKnown;
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

    /**
     * Hands each entry of one domain, pseudonym → original in pseudonym order, to {@code action} without copying the
     * domain (as {@link #entries} does): for reading a large key file once. Holds this object's lock meanwhile, so
     * {@code action} must not call back into it from another thread.
     */
    public synchronized void forEachEntry(String domain, java.util.function.BiConsumer<String, String> action) {
        TreeMap<String, String> map = domains.get(domain);
        if (map != null) {
            map.forEach(action);
        }
    }

    /** Names of the domains that have entries, unmodifiable snapshot. */
    public synchronized SortedSet<String> domains() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(domains.keySet()));
    }

    /** Number of entries in one domain; 0 for an unknown domain. O(1). */
    public synchronized int entryCount(String domain) {
        TreeMap<String, String> map = domains.get(domain);
        return map == null ? 0 : map.size();
    }

    /** Number of subjects with a recorded date offset. */
    public synchronized int dateOffsetCount() {
        return Math.toIntExact(dateOffsets.size() + baseOffsets.size());
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

    /**
     * Records a run's attested coincidences (decision 0029): by subject pseudonym and day ({@code yyyymmdd}), how many
     * dates the run wrote by shifting another date of the subject that read as one of the subject's own original
     * dates. Counts for the same run, subject and day add up.
     */
    public synchronized void addCoincidences(String runId, Map<String, ? extends Map<Long, Integer>> bySubject) {
        Objects.requireNonNull(runId, "runId");
        bySubject.forEach((subject, days) -> days.forEach((day, count) -> {
            if (count <= 0 || day < 10000101L || day > 99991231L) {
                throw new IllegalArgumentException("an attested coincidence needs a day yyyymmdd and a positive count");
            }
            coincidences.computeIfAbsent(runId, r -> new TreeMap<>())
                    .computeIfAbsent(Objects.requireNonNull(subject, "subject"), k -> new TreeMap<>())
                    .merge(day, count, Integer::sum);
        }));
    }

    /** A run's attested coincidences by subject pseudonym and day (empty when it has none); a copy. */
    public synchronized SortedMap<String, SortedMap<Long, Integer>> coincidences(String runId) {
        SortedMap<String, SortedMap<Long, Integer>> out = new TreeMap<>();
        coincidences.getOrDefault(runId, new TreeMap<>()).forEach((s, days) -> out.put(s, new TreeMap<>(days)));
        return out;
    }

    /** The attested coincidences of every run, counted (decision 0029): a number, no value. */
    public synchronized long coincidenceCount() {
        long n = 0;
        for (TreeMap<String, TreeMap<Long, Integer>> run : coincidences.values()) {
            for (TreeMap<Long, Integer> days : run.values()) {
                for (int count : days.values()) {
                    n += count;
                }
            }
        }
        return n;
    }

    TreeMap<String, TreeMap<String, TreeMap<Long, Integer>>> coincidencesLocked() {
        return coincidences;
    }

    /**
     * Records the date offsets of subjects whose offset is not their own id's keyed offset (decision 0078, addendum):
     * subject pseudonym → days. A later run gives such a subject this offset when it does not link it. A subject
     * already recorded keeps its offset (a run never changes one); beyond {@link #MAX_LINKED_OFFSETS} nothing is added
     * (the engine does not link then).
     */
    public synchronized void addLinkedDateOffsets(Map<String, Integer> bySubject) {
        bySubject.forEach((subject, days) -> {
            if (linkedDateOffsets.size() < MAX_LINKED_OFFSETS || linkedDateOffsets.containsKey(subject)) {
                linkedDateOffsets.putIfAbsent(Objects.requireNonNull(subject, "subject"), days);
            }
        });
    }

    /** The linked subjects' date offsets (decision 0078, addendum), subject pseudonym → days; a copy. */
    public synchronized SortedMap<String, Integer> linkedDateOffsets() {
        return new TreeMap<>(linkedDateOffsets);
    }

    TreeMap<String, Integer> linkedDateOffsetsLocked() {
        return linkedDateOffsets;
    }

    /** The run history, oldest first, unmodifiable snapshot. */
    public synchronized List<RunRecord> runs() {
        return List.copyOf(runs);
    }

    /** The re-identification audit log, oldest first (keyfile-format.md §7); unmodifiable snapshot. */
    public synchronized List<AuditEntry> auditEntries() {
        return List.copyOf(audit);
    }

    /** The number of audit entries the payload says it holds (checked against the log by {@link AuditLog#verify}). */
    public synchronized long auditCount() {
        return auditCount;
    }

    synchronized void appendAudit(AuditEntry entry) {
        audit.add(entry);
        auditCount++;
    }

    /** Sets the audit log as read from a file, with its stored counter (which may disagree: that is tampering). */
    synchronized void adoptAudit(List<AuditEntry> entries, long count) {
        audit.clear();
        audit.addAll(entries);
        auditCount = count;
    }

    List<AuditEntry> auditLocked() {
        return audit;
    }

    /** An export key file's own audit-chain key (a copy), or empty for a project key file. */
    synchronized java.util.Optional<byte[]> exportAuditKey() {
        return export == null ? java.util.Optional.empty() : java.util.Optional.of(export.auditKey());
    }

    /** The lowest payload version that can describe these contents. */
    synchronized int requiredVersion() {
        if (!linkedDateOffsets.isEmpty()) {
            return 4;
        }
        if (!coincidences.isEmpty()) {
            return 3;
        }
        return audit.isEmpty() && auditCount == 0 && split == null && export == null && knownIdentifiers.isEmpty()
                && spilledKnown.size() == 0 && baseKnown.size() == 0 ? 1 : 2;
    }

    /** The split custody key, or {@code null} (keyfile-format.md §8). */
    synchronized Custody.SplitKey split() {
        return split;
    }

    synchronized void setSplit(Custody.SplitKey split) {
        this.split = split;
    }

    /**
     * The custodians' split, as {@code threshold of shares, key id, created}, or empty: no secret, for inspection.
     */
    public synchronized java.util.Optional<String> splitSummary() {
        return split == null ? java.util.Optional.empty() : java.util.Optional.of(split.threshold() + " of "
                + split.shares() + " custodians' shares, key id " + split.keyId() + ", split " + split.createdAt());
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
        List<AuditEntry> theirAudit;
        long theirAuditCount;
        Custody.SplitKey theirSplit;
        ExportInfo theirExport;
        TreeMap<String, TreeSet<KnownIdentifier>> theirKnown = new TreeMap<>();
        TreeMap<String, TreeMap<String, TreeMap<Long, Integer>>> theirCoincidences = new TreeMap<>();
        TreeMap<String, Integer> theirLinked;
        synchronized (other) {
            theirLinked = new TreeMap<>(other.linkedDateOffsets);
            other.coincidences.forEach((r, m) -> {
                TreeMap<String, TreeMap<Long, Integer>> copy = new TreeMap<>();
                m.forEach((s, d) -> copy.put(s, new TreeMap<>(d)));
                theirCoincidences.put(r, copy);
            });
            other.domains.forEach((d, m) -> theirDomains.put(d, new TreeMap<>(m)));
            theirOffsets = new TreeMap<>(other.dateOffsets);
            theirRuns = List.copyOf(other.runs);
            theirAudit = List.copyOf(other.audit);
            theirAuditCount = other.auditCount;
            theirSplit = other.split;
            theirExport = other.export;
            other.knownIdentifiers.forEach((s, ids) -> theirKnown.put(s, new TreeSet<>(ids)));
        }
        synchronized (this) {
            return java.util.Objects.equals(secret, other.secret) && java.util.Objects.equals(export, theirExport)
                    && createdAt.equals(other.createdAt) && domains.equals(theirDomains)
                    && dateOffsets.equals(theirOffsets) && runs.equals(theirRuns) && audit.equals(theirAudit)
                    && auditCount == theirAuditCount && java.util.Objects.equals(split, theirSplit)
                    && knownIdentifiers.equals(theirKnown) && coincidences.equals(theirCoincidences)
                    && linkedDateOffsets.equals(theirLinked);
        }
    }

    @Override
    public synchronized String toString() {
        return "KeyFileContents[domains=" + domains.size() + ", entries=" + entryCount + ", dateOffsets="
                + dateOffsets.size() + ", subjectsWithKnownIdentifiers=" + knownIdentifiers.size() + ", runs="
                + runs.size() + ", audit=" + audit.size() + "]";
    }
}
