package org.deidworkbench.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.SortedTuples;

/**
 * The project key of one run or preview: the opened (or new, or throwaway) key file contents, the
 * engine bound to them, and sealing what a run added. Not thread-safe; one per job.
 */
final class KeySession {

    private final Path file;
    private final KeyFileContents contents;
    private final boolean existed;

    private KeySession(Path file, KeyFileContents contents, boolean existed) {
        this.file = file;
        this.contents = contents;
        this.existed = existed;
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
        for (String domain : contents.domains()) {
            List<PseudonymEntry> existing = new ArrayList<>();
            contents.entries(domain).forEach((p, o) -> existing.add(new PseudonymEntry(domain, p, o)));
            ledger.seed(existing);
        }
        try {
            Deidentifier engine = new Deidentifier(profile, KeyRing.from(contents.secret()), ledger, referenceYear(now));
            // Identifiers of subjects seen in earlier runs: free text loses them even without their table.
            engine.seedKnownIdentifiers(contents.knownIdentifiers());
            return engine;
        } catch (DeidException e) {
            throw new JobException(JobException.Reason.PROFILE_NOT_APPLICABLE, e.getMessage(), e);
        }
    }

    /**
     * Adds the engine's new pseudonyms, the subjects' date offsets and the run record, and writes the
     * key file (re-opened and verified before it replaces the old one).
     *
     * @return the pseudonym entries that were new to the key file
     */
    int seal(Deidentifier engine, RunRecord run, char[] passphrase) throws JobException {
        try {
            int added;
            if (engine.spills()) {
                // Decision 0026: the run's entries were spilled; they are merged into the payload as it is written.
                SortedTuples entries = engine.ledger().sealedEntries();
                contents.addSpilled(entries, engine.spilledSubjectIdentifiers(), engine.spilledSubjectOffsets());
                added = Math.toIntExact(entries.size());
            } else {
                added = contents.addEntries(engine.ledger().newEntries()).size();
            }
            engine.subjectOffsets().forEach(contents::putDateOffset);
            contents.addKnownIdentifiers(engine.subjectIdentifiers());
            contents.addRun(withNewEntries(run, added));
            if (existed) {
                KeyFileStore.save(file, contents, passphrase, KeyFileStore.trustees(file));
            } else {
                // Created by this run: another run must not have created it meanwhile with another secret.
                KeyFileStore.create(file, contents, passphrase, List.of());
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

    private static RunRecord withNewEntries(RunRecord r, int added) {
        return new RunRecord(r.runId(), r.startedAt(), r.finishedAt(), r.toolVersion(), r.profileName(),
                r.profileSha256(), r.outputFolderName(), r.filesWritten(), r.filesFailed(), r.filesQuarantined(), added,
                r.files());
    }
}
