package org.deidworkbench.job;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.crypto.PurposeKeys;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.model.FileReport;

/**
 * A run as its {@link FilePasses} see it: the files, what a worker needs to make an engine and
 * processors equal to the run's (profile, purpose keys, reference year, each format's analysis), and
 * where the outcomes go. Given by {@link RunJob} for one run; its methods are called from the run's
 * thread only.
 */
public final class PassRun {

    private final List<RunFile> files;
    private final Deidentifier engine;
    private final boolean scanPass;
    private final Map<FileFormat, FileProcessor> processors;
    private final LoadedProfile profile;
    private final PurposeKeys keys;
    private final int referenceYear;
    private final Path work;
    private final FileReport[] outcomes;
    private final boolean[] deferred;
    private final BooleanSupplier cancelled;

    PassRun(List<RunFile> files, Deidentifier engine, boolean scanPass, Map<FileFormat, FileProcessor> processors,
            LoadedProfile profile, PurposeKeys keys, int referenceYear, Path work, FileReport[] outcomes,
            boolean[] deferred, BooleanSupplier cancelled) {
        this.files = List.copyOf(files);
        this.engine = engine;
        this.scanPass = scanPass;
        this.processors = processors;
        this.profile = profile;
        this.keys = keys;
        this.referenceYear = referenceYear;
        this.work = work;
        this.outcomes = outcomes;
        this.deferred = deferred;
        this.cancelled = cancelled;
    }

    /** Every file of the run, in index order. */
    public List<RunFile> files() {
        return files;
    }

    /** The run's engine: what workers noted must end up here ({@link Deidentifier#absorb}). */
    public Deidentifier engine() {
        return engine;
    }

    /** Whether the run scans before it transforms (processors are made with {@code scanPass} = this). */
    public boolean scanPass() {
        return scanPass;
    }

    /** The run's profile (a worker reads the same text again). */
    public LoadedProfile profile() {
        return profile;
    }

    /** The project's purpose keys (never the secret or the passphrase), for workers' engines. */
    public PurposeKeys keys() {
        return keys;
    }

    /**
     * The key file's subjects whose recorded offset is another id's (decision 0078, addendum), subject pseudonym →
     * days, for workers' engines: a worker gives them those offsets, as the run's engine does.
     */
    public Map<String, Integer> linkedOffsets() {
        return engine.storedLinkedOffsets();
    }

    /**
     * Whether the run notes links between subject ids now (its scan pass, decision 0078): workers' engines note them
     * too, and the run's engine absorbs them with their notes and resolves them after the pass.
     */
    public boolean linking() {
        return engine.linking();
    }

    /**
     * The run's resolved links once its scan pass is over (decision 0078): each linked id whose offset is its class's
     * and not its own, normalized id → days, for the transform workers' engines. Holds original identifiers.
     */
    public Map<String, Integer> classOffsets() {
        return engine.linkedOffsets();
    }

    /** The year {@code generalize: birth-year} counts to, for workers' engines. */
    public int referenceYear() {
        return referenceYear;
    }

    /**
     * What each format's processor found in the analysis pass ({@link FileProcessor#analysis()}), for
     * workers' processors ({@link FileProcessor#useAnalysis}); formats whose processor keeps nothing are absent.
     */
    public Map<FileFormat, Serializable> analyses() {
        Map<FileFormat, Serializable> out = new EnumMap<>(FileFormat.class);
        processors.forEach((format, p) -> {
            Serializable a = p.analysis();
            if (a != null) {
                out.put(format, a);
            }
        });
        return out;
    }

    /**
     * The identifiers free text is scrubbed of in the transform pass: a snapshot of the run's engine,
     * taken after the scan pass; a worker's engine freezes exactly these
     * ({@link Deidentifier#freezeIdentifiers(KnownIdentifiers)}).
     */
    public KnownIdentifiers frozenIdentifiers() {
        return engine.identifiers().snapshot();
    }

    /** The run's work folder (hidden, inside the output folder; removed when the run ends). */
    public Path work() {
        return work;
    }

    /** Where the transformed content of file {@code index} must be when the pass ends. */
    public Path part(int index) {
        return work.resolve(index + ".part");
    }

    /** Whether file {@code index} has no outcome yet (it failed neither scan nor transform). */
    public boolean open(int index) {
        return outcomes[index] == null;
    }

    /** Records that file {@code index} failed its scan: it is not transformed. */
    public void ended(int index, FileReport report) {
        outcomes[index] = report;
    }

    /**
     * Records the transform of file {@code index}; when it was written, its content (in {@code written},
     * a file of the work folder written and forced to disk by this attempt alone) becomes the file's
     * part by an atomic rename; {@code written} null: the pass keeps the part itself ({@link FilePasses#parts()}).
     * Called once per file, for the one attempt whose outcome counts.
     */
    public void transformed(int index, FileWork.Outcome outcome, Path written) throws IOException {
        if (outcome.report().status() == FileReport.Status.WRITTEN && written != null) {
            Files.move(written, part(index), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        outcomes[index] = outcome.report();
        deferred[index] = outcome.deferred();
    }

    /** Polled by a pass; true when the run is cancelled. */
    public BooleanSupplier cancelled() {
        return cancelled;
    }
}
