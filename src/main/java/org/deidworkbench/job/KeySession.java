package org.deidworkbench.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.keyfile.SealingKey;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.SortedTuples;

/**
 * The project key of one run or preview: the opened (or new, or throwaway) key file contents, the
 * engine bound to them, and sealing what a run added. Not thread-safe; one per job.
 */
final class KeySession implements AutoCloseable {

    private final Path file;
    private final KeyFileContents contents;
    private final boolean existed;
    /** The trustees of a key file read as a stream (else read from the file when sealing). */
    private final List<java.security.cert.X509Certificate> trustees;
    /** Holds a streamed key file's entries for the run (decision 0030); {@code null} for contents in memory. */
    private final LazyArea area;

    private KeySession(Path file, KeyFileContents contents, boolean existed) {
        this(file, contents, existed, null, null);
    }

    private KeySession(Path file, KeyFileContents contents, boolean existed,
            List<java.security.cert.X509Certificate> trustees, LazyArea area) {
        this.file = file;
        this.contents = contents;
        this.existed = existed;
        this.trustees = trustees;
        this.area = area;
    }

    /** A spill area made when the first tuple is stored (after the passphrase was found right), in {@code parent}. */
    private static final class LazyArea implements SortedTuples.Store {
        private final Path parent;
        private org.deidworkbench.deid.spill.SpillArea area;

        LazyArea(Path parent) {
            this.parent = parent;
        }

        @Override
        public SortedTuples write(String name, int arity, int keyArity, java.util.Iterator<String[]> sorted)
                throws java.io.IOException {
            if (area == null) {
                area = org.deidworkbench.deid.spill.SpillArea.create(parent.resolve(".deid-keyfile-"
                        + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36)));
            }
            return org.deidworkbench.deid.spill.IndexedRun.write(area, name.replace(' ', '-'), arity, keyArity, sorted);
        }

        void close() throws java.io.IOException {
            if (area != null) {
                area.close();
            }
        }
    }

    /**
     * Key files larger than this many bytes are opened as a stream by runs (decision 0030): the system
     * property {@code deid.keyfile.stream.bytes} when set, else an eighth of the maximum heap.
     */
    static long streamThreshold() {
        String set = System.getProperty("deid.keyfile.stream.bytes");
        if (set != null) {
            try {
                return Long.parseLong(set.trim());
            } catch (NumberFormatException e) {
                // the default below
            }
        }
        return Runtime.getRuntime().maxMemory() / 8;
    }

    /**
     * As {@link #open(Path, boolean, char[], Instant)}; a key file larger than {@link #streamThreshold()} is
     * read as a stream, its entries, offsets and known identifiers kept in an encrypted spill area in a new
     * folder under {@code spillParent} (made only once the passphrase is found right; removed by
     * {@link #close()}), so that memory does not grow with the key file.
     */
    static KeySession open(Path file, boolean mayCreate, char[] passphrase, Instant now, Path spillParent)
            throws JobException {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
        } catch (java.io.IOException e) {
            size = -1;
        }
        if (size < 0 || size <= streamThreshold()) {
            return open(file, mayCreate, passphrase, now);
        }
        LazyArea area = new LazyArea(spillParent);
        try {
            KeyFileStore.Streamed streamed = KeyFileStore.openStreamed(file, passphrase, area);
            if (!streamed.contents().hasSecret()) {
                throw new JobException(JobException.Reason.KEY_FILE, "the key file " + file + " is an export key file"
                        + " (for re-identifying one output): it has no project secret and cannot de-identify; use the"
                        + " project's key file", null);
            }
            return new KeySession(file, streamed.contents(), true, streamed.trustees(), area);
        } catch (KeyFileException e) {
            closeQuietly(area);
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        } catch (JobException | RuntimeException e) {
            closeQuietly(area);
            throw e;
        }
    }

    private static void closeQuietly(LazyArea area) {
        try {
            area.close();
        } catch (java.io.IOException e) {
            // best effort: the files are encrypted under a key that dies with this process
        }
    }

    /** Whether the key file was read as a stream. */
    boolean streamed() {
        return area != null;
    }

    /** Removes what a streamed key file kept on disk (after sealing; idempotent). */
    @Override
    public void close() throws java.io.IOException {
        if (area != null) {
            area.close();
        }
    }

    /**
     * Seeds {@code engine} (made by {@link #engine}, already {@linkplain Deidentifier#spillTo spilling}) with the
     * known identifiers of a key file read as a stream; nothing for contents in memory (seeded by {@link #engine}).
     */
    void seedStreamed(Deidentifier engine) throws java.io.IOException {
        if (streamed()) {
            engine.seedKnownIdentifiers(contents.baseKnownIdentifiers());
        }
    }

    /**
     * Opens the key file, or prepares a new project when it does not exist and {@code mayCreate}.
     * Nothing is written here.
     *
     * @throws JobException {@code KEY_FILE} when the file is missing and may not be created (a typo
     *     in a key file name must never silently start a new project and break a study's linkage),
     *     or when it cannot be opened (the cause says why: wrong passphrase, tampered, truncated)
     */
    static KeySession open(Path file, boolean mayCreate, char[] passphrase, Instant now) throws JobException {
        if (!Files.exists(file)) {
            if (!mayCreate) {
                throw new JobException(JobException.Reason.KEY_FILE_MISSING, "no such key file " + file
                        + "; create one with `deid init " + file + "` (or check the name: a new key file would give"
                        + " every patient new pseudonyms)", null);
            }
            return new KeySession(file, newProject(now), false);
        }
        KeyFileContents contents;
        try {
            contents = KeyFileStore.open(file, passphrase);
        } catch (KeyFileException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        }
        if (!contents.hasSecret()) {
            throw new JobException(JobException.Reason.KEY_FILE, "the key file " + file + " is an export key file (for"
                    + " re-identifying one output): it has no project secret and cannot de-identify; use the project's"
                    + " key file", null);
        }
        return new KeySession(file, contents, true);
    }

    /** A fresh random key that is never written (previews without a key file). */
    static KeySession throwaway(Instant now) {
        return new KeySession(null, newProject(now), false);
    }

    private static KeyFileContents newProject(Instant now) {
        return KeyFileContents.newProject(now);
    }

    /** The project's purpose keys, for engines of this run on other machines (never the secret itself). */
    org.deidworkbench.crypto.PurposeKeys purposeKeys() {
        return org.deidworkbench.crypto.PurposeKeys.derive(contents.secret());
    }

    /** The year {@code generalize: birth-year} counts to in a job started at {@code now}. */
    int referenceYear(Instant now) {
        return now.atZone(ZoneOffset.UTC).getYear();
    }

    /** The runs the key file records, oldest first. */
    List<RunRecord> runs() {
        return contents.runs();
    }

    /** Whether the key file existed before this job. */
    boolean existed() {
        return existed;
    }

    /**
     * An engine for {@code profile} with this project's keys; its ledger knows every pseudonym the
     * key file holds, so a collision with an earlier run is found.
     */
    Deidentifier engine(Profile profile, Instant now) throws JobException {
        PseudonymLedger ledger = new PseudonymLedger();
        if (streamed()) {
            SortedTuples base = contents.baseEntries();
            ledger.seedSpilled(base instanceof org.deidworkbench.deid.spill.IndexedRun run ? run : null,
                    contents.domains());
        }
        for (String domain : contents.domains()) {
            List<PseudonymEntry> existing = new ArrayList<>();
            contents.entries(domain).forEach((p, o) -> existing.add(new PseudonymEntry(domain, p, o)));
            ledger.seed(existing);
        }
        try {
            Deidentifier engine = new Deidentifier(profile, KeyRing.from(contents.secret()), ledger, referenceYear(now));
            // Identifiers of subjects seen in earlier runs: free text loses them even without their table
            // (those of a streamed key file: seedStreamed, once the engine spills).
            engine.seedKnownIdentifiers(contents.knownIdentifiers());
            // A subject's recorded offset never changes (decision 0078, addendum).
            engine.recordedOffsets(contents.linkedDateOffsets(), this::recordedOffsets);
            return engine;
        } catch (DeidException e) {
            throw new JobException(JobException.Reason.PROFILE_NOT_APPLICABLE, e.getMessage(), e);
        }
    }

    /**
     * Adds the engine's new pseudonyms, the subjects' date offsets and the run record, and writes the
     * key file (re-opened and verified before it replaces the old one) with the run's sealing key
     * (its passphrase, and the key-encryption key derived while the run worked).
     *
     * @return the pseudonym entries that were new to the key file
     */
    int seal(Deidentifier engine, RunRecord run, SealingKey sealing) throws JobException {
        try {
            int added;
            if (engine.spills()) {
                // Decision 0026: the run's entries were spilled; they are merged into the payload as it is written.
                SortedTuples entries = engine.ledger().sealedEntries();
                contents.addSpilled(entries, engine.spilledSubjectIdentifiers(), engine.spilledSubjectOffsets());
                // A streamed key file's entries were not in the ledger: what is new is what they lack.
                added = Math.toIntExact(streamed() ? countNew(entries, contents.baseEntries()) : entries.size());
            } else {
                added = contents.addEntries(engine.ledger().newEntries()).size();
            }
            engine.subjectOffsets().forEach(contents::putDateOffset);
            contents.addLinkedDateOffsets(engine.linkedSubjectOffsets());
            contents.addKnownIdentifiers(engine.subjectIdentifiers());
            contents.addCoincidences(run.runId(), engine.coincidences());
            contents.addRun(withNewEntries(run, added));
            if (existed) {
                KeyFileStore.save(file, contents, sealing, trustees != null ? trustees : KeyFileStore.trustees(file));
            } else {
                // Created by this run: another run must not have created it meanwhile with another secret.
                KeyFileStore.create(file, contents, sealing, List.of());
            }
            return added;
        } catch (KeyFileException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        } catch (DeidException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot read the run's spilled pseudonym entries", e);
        }
    }

    /**
     * The date offsets the key file recorded for those of {@code pseudonyms} (sorted, distinct) it has: looked up in
     * the offsets held in memory, and merge-joined in one pass with those of a key file read as a stream (sorted by
     * subject pseudonym).
     */
    Map<String, Integer> recordedOffsets(List<String> pseudonyms) throws java.io.IOException {
        Map<String, Integer> found = new HashMap<>();
        if (contents.dateOffsetCount() == 0) {
            return found;
        }
        for (String p : pseudonyms) {
            contents.dateOffset(p).ifPresent(days -> found.put(p, days));
        }
        SortedTuples base = contents.baseOffsets();
        if (base.size() > 0) {
            try (SortedTuples.Cursor c = base.open()) {
                String[] t = c.next();
                for (String p : pseudonyms) {
                    while (t != null && t[0].compareTo(p) < 0) {
                        t = c.next();
                    }
                    if (t != null && t[0].equals(p)) {
                        found.put(p, Integer.parseInt(t[1]));
                    }
                }
            }
        }
        return found;
    }

    /** Tuples of {@code run} not in {@code base}, both sorted (one pass over each). */
    static long countNew(SortedTuples run, SortedTuples base) throws java.io.IOException {
        long fresh = 0;
        try (SortedTuples.Cursor a = run.open(); SortedTuples.Cursor b = base.open()) {
            String[] y = b.next();
            for (String[] x = a.next(); x != null; x = a.next()) {
                while (y != null && org.deidworkbench.deid.spill.ExternalSorter.ORDER.compare(y, x) < 0) {
                    y = b.next();
                }
                if (y == null || !java.util.Arrays.equals(x, y)) {
                    fresh++;
                }
            }
        }
        return fresh;
    }

    private static RunRecord withNewEntries(RunRecord r, int added) {
        return new RunRecord(r.runId(), r.startedAt(), r.finishedAt(), r.toolVersion(), r.profileName(),
                r.profileSha256(), r.outputFolderName(), r.filesWritten(), r.filesFailed(), r.filesQuarantined(), added,
                r.files());
    }
}
