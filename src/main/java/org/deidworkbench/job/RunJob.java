package org.deidworkbench.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.spill.SpillArea;
import org.deidworkbench.deid.PathScrubber;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FileTasks;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.RunOutputs;
import org.deidworkbench.io.AtomicFiles;
import org.deidworkbench.io.AtomicWriteException;
import org.deidworkbench.job.InputFiles.InputFile;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.keyfile.SealingKey;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.RunReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One de-identification run: walks the inputs, opens the key file, scans the files for identifiers
 * (when the profile scrubs free text), transforms every file into a temporary file in the output
 * tree through the processor its format registered ({@link FormatRegistry}), seals the new
 * pseudonyms into the key file and verifies it, and only then moves the outputs to their
 * de-identified names and writes the manifest and report.
 *
 * <p>Inputs are never modified. Output bytes, names, manifest and report (except its {@code run}
 * section) depend only on the inputs, the key and the profile, not on the thread count. A run that
 * fails or is cancelled before it finalizes leaves the output folder as it was (a folder the run
 * created is removed); a run that is killed leaves only a hidden {@value #WORK_DIR} folder, which the
 * next run into the same output removes. Not thread-safe: one instance runs once; {@link #cancel()}
 * may be called from any thread.
 */
public final class RunJob {

    /** Name of the manifest in the output folder ({@code sha256sum -c} reads it). */
    public static final String MANIFEST = "deid-manifest.sha256";
    /** Name of the report in the output folder. */
    public static final String REPORT = "deid-report.json";
    /** Hidden folder for files being written; never part of a finished output. */
    public static final String WORK_DIR = ".deid-work";

    private static final Logger LOGGER = LoggerFactory.getLogger(RunJob.class);

    private final RunRequest request;
    private final RunListener listener;
    private final FilePasses passes;
    private final IntFunction<PartSyncer> syncers;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Whether the sealing key is derived before the scan and transform, not beside them (benchmarks). */
    private boolean sealingKeyFirst;

    /** Prepares a run; nothing is read or written before {@link #run()}. */
    public RunJob(RunRequest request, RunListener listener) {
        this(request, listener, null);
    }

    /**
     * Prepares a run whose scan and transform passes are done by {@code passes} (e.g. on a Spark
     * cluster) instead of this run's threads; null: this run's threads.
     */
    public RunJob(RunRequest request, RunListener listener, FilePasses passes) {
        this(request, listener, passes, PartSyncer::forWorkers);
    }

    /** As above, with the syncer of the parts made by {@code syncers} from the worker count (a seam for tests). */
    RunJob(RunRequest request, RunListener listener, FilePasses passes, IntFunction<PartSyncer> syncers) {
        this.request = request;
        this.listener = listener;
        this.passes = passes;
        this.syncers = syncers;
    }

    /**
     * Derives the key file's sealing key (PBKDF2, a fraction of a second of CPU) before the scan and
     * transform phases instead of on a thread beside them, so that a benchmark timing those phases
     * times only them; the run's result is the same.
     */
    RunJob sealingKeyFirst() {
        this.sealingKeyFirst = true;
        return this;
    }

    /** Asks the run to stop; it removes its temporary files and throws {@code CANCELLED}. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Runs to the end. */
    public RunResult run() throws JobException {
        // The workers are there from the start: the formats of the inputs are detected on them too.
        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
            Thread t = new Thread(r, "deid-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            return run(pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private static final AtomicBoolean WARM_UP_STARTED = new AtomicBoolean();

    /**
     * Once per JVM, a daemon thread loads and runs, with throwaway data, what a run's last steps use on the one
     * thread left to them: the key file's seal (Bouncy Castle, from signed jars the launcher's class-data archive
     * cannot hold) and the report's JSON serializers (decision 0093). Beside the listing and the files, a cold
     * run's tail gets shorter; nothing waits for it, and a failure there is left to the real steps to report.
     */
    static void warmUpInBackground() {
        if (WARM_UP_STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    KeyFileStore.warmUp();
                    ReportJson.warmUp();
                } catch (RuntimeException e) {
                    // the real seal and report run as they would without the warm-up
                }
            }, "deid-warm-up");
            t.setDaemon(true);
            t.start();
        }
    }

    private RunResult run(ExecutorService pool) throws JobException {
        Instant started = Instant.now();
        warmUpInBackground();
        Path out = request.output().toAbsolutePath().normalize();
        List<FilePasses.Listed> listed = InputFiles.listed(request.inputs(), passes);
        checkPaths(out, listed == null);
        List<InputFile> files = InputFiles.walk(request.inputs(), passes, listed, pool, request.threads());
        // Before the output folder is touched: a wrong passphrase or a missing key file leaves no trace.
        // A key file too large for the heap is read as a stream into a spill folder beside the output (decision 0030).
        Path spillParent = out.getParent() != null && Files.isDirectory(out.getParent()) ? out.getParent()
                : Path.of(System.getProperty("java.io.tmpdir"));
        KeySession keys = KeySession.open(request.keyFile(), request.createKeyFile(), request.passphrase(), started,
                spillParent);
        Profile profile = request.profile().profile();
        Deidentifier engine;
        boolean outputExisted;
        try {
            engine = keys.engine(profile, started);
            outputExisted = Files.exists(out, LinkOption.NOFOLLOW_LINKS);
            prepareOutput(out);
        } catch (JobException | RuntimeException e) {
            closeKeys(keys);
            throw e;
        }
        Path work = out.resolve(WORK_DIR);
        PartSyncer syncer = syncers.apply(request.threads());
        SpillArea spill = null;
        // The seal's PBKDF2 depends on nothing the run computes: derived while the files are processed.
        SealingKey sealing = sealingKeyFirst ? SealingKey.of(request.passphrase()).derivedNow()
                : SealingKey.of(request.passphrase()).inBackground();
        try {
            Files.createDirectories(work);
            spill = SpillArea.create(work.resolve("spill"));
            // A cluster's workers get the frozen identifiers serialized: those stay in memory there.
            engine.spillTo(spill, spillThreshold(), passes == null);
            keys.seedStreamed(engine);
            // A scan pass when any format present needs one (each handler says so for the profile).
            boolean scanPass = files.stream().map(InputFile::format).distinct().map(FormatRegistry::handler)
                    .flatMap(Optional::stream).anyMatch(h -> h.needsScanPass(profile));
            Map<FileFormat, FileProcessor> processors = processors(engine, scanPass, scratchFolder(work));
            FileReport[] outcomes = new FileReport[files.size()];
            analyze(files, processors, pool);
            boolean[] deferred = new boolean[files.size()];
            PassRun passRun = passes == null ? null : new PassRun(files.stream().map(InputFile::toRunFile).toList(),
                    engine, scanPass, processors, request.profile(), keys.purposeKeys(), keys.referenceYear(started),
                    work, outcomes, deferred, cancelled::get);
            SortedMap<String, Long> linkCounts = new TreeMap<>();
            if (scanPass) {
                // Subject ids one record gives together are linked for the date offset (decision 0078); a
                // cluster's scan workers note links too, and this engine absorbs them with their notes.
                engine.beginLinks();
                if (passes == null) {
                    runPhase(RunPhase.SCAN, files, pool, f -> scan(f, processors.get(f.format()), outcomes));
                } else {
                    listener.phase(RunPhase.SCAN.id(), files.size(), files.stream().mapToLong(InputFile::size).sum());
                    passes.scan(passRun);
                    absorbed(passRun);
                    passes.lendScanIndex(processors);
                }
                linkCounts = engine.resolveLinks();
                // values of records that point at their subject, kept as that subject's once all are known (0164)
                List<FileProcessor> owners = processors.values().stream().distinct().toList();
                try {
                    engine.resolveOwnedIdentifiers(owner -> {
                        for (FileProcessor p : owners) {
                            String subjectId = p.ownerSubject(owner);
                            if (subjectId != null) {
                                return subjectId;
                            }
                        }
                        return null;
                    });
                } catch (org.deidworkbench.deid.DeidException e) {
                    throw new JobException(JobException.Reason.KEY_FILE, "the identifying values of records that"
                            + " point at their patient cannot be kept for the key file: " + e.getMessage(), e);
                }
            }
            engine.freezeIdentifiers();
            if (passes == null) {
                runPhase(RunPhase.TRANSFORM, files, pool, f -> transform(f, processors.get(f.format()), work, outcomes,
                        deferred, syncer));
                synced(files, work, outcomes, syncer);
            } else {
                listener.phase(RunPhase.TRANSFORM.id(), files.size(), files.stream().mapToLong(InputFile::size).sum());
                passes.transform(passRun);
                absorbed(passRun);
                for (InputFile f : files) {
                    if (outcomes[f.index()] == null) {
                        throw new IllegalStateException("the transform pass left input file #" + (f.index() + 1)
                                + " without an outcome");
                    }
                }
            }

            String[] names = OutputNames.of(files, new PathScrubber(engine.identifiers()));
            FilePasses.Parts parts = passes == null ? null : passes.parts();
            boolean[] madeHere = new boolean[files.size()];
            FileTasks finishTasks = passes == null
                    ? FileTasks.on(pool) : passes.analysisTasks();
            finishProcessors(files, processors, names, work, outcomes, deferred, parts, madeHere, finishTasks);
            List<FileReport> results = new ArrayList<>();
            int renamed = 0;
            Map<FileFormat, String> rules = rulesSources(profile);
            for (InputFile f : files) {
                FileReport named = outcomes[f.index()].withOutput(names[f.index()]);
                results.add(rules.containsKey(f.format()) ? named.withRules(rules.get(f.format())) : named);
                if (!names[f.index()].equals(f.relative())) {
                    renamed++;
                }
            }
            listener.phase(RunPhase.SEAL.id(), 1, 0);
            int newEntries = keys.seal(engine, runRecord(started, files, results), sealing);
            listener.fileDone(0);

            listener.phase(RunPhase.FINISH.id(), files.size(), 0);
            Set<Path> movedInto = new TreeSet<>();
            for (InputFile f : files) {
                if (results.get(f.index()).status() == FileReport.Status.WRITTEN && parts != null
                        && !madeHere[f.index()]) {
                    parts.place(f.index(), names[f.index()]); // the caller puts it in place (decision 0041)
                } else if (results.get(f.index()).status() == FileReport.Status.WRITTEN) {
                    Path target = out.resolve(names[f.index()]);
                    if (movedInto.add(target.getParent())) {
                        Files.createDirectories(target.getParent()); // once per folder, not per file
                    }
                    AtomicFiles.moveWithoutFolderSync(work.resolve(f.index() + ".part"), target);
                }
                listener.fileDone(0);
            }
            // Each folder once, after all its renames and before the manifest says the run is complete:
            // as durable as a sync per file, without thousands of syncs of the same folder. Folders
            // between them and the output folder too, so that a folder the run created is found after a crash.
            Set<Path> toSync = new TreeSet<>(Comparator.reverseOrder());
            for (Path folder : movedInto) {
                for (Path p = folder; p != null && p.startsWith(out); p = p.getParent()) {
                    toSync.add(p);
                }
            }
            toSync.forEach(AtomicFiles::syncFolder);
            Path manifest = writeManifest(out, results);
            Instant finished = Instant.now();
            RunReport report = RunReport.of("deid-workbench " + toolVersion(), new RunReport.ProfileInfo(profile.name(),
                    request.profile().sha256(), profile.defaultSpec().action().yamlName()), results, renamed,
                    engine.subjectCount(), new RunReport.RunInfo(started.toString(), finished.toString(),
                            Duration.between(started, finished).toMillis() / 1000.0, request.threads(), newEntries))
                    .withRunActions(linkCounts);
            Path reportFile = out.resolve(REPORT);
            AtomicFiles.write(reportFile, ReportJson.render(report).getBytes(StandardCharsets.UTF_8));
            Folders.deleteTree(work);
            return new RunResult(report, reportFile, manifest, request.keyFile(), !keys.existed(),
                    files.stream().map(InputFile::path).toList());
        } catch (JobException e) {
            undo(out, outputExisted);
            throw e;
        } catch (CancellationException e) {
            undo(out, outputExisted);
            throw new JobException(JobException.Reason.CANCELLED, "run cancelled: nothing was finalized and nothing is"
                    + " half-written; the output folder " + out + " is as it was before the run, the key file unchanged",
                    e);
        } catch (IOException e) {
            undo(out, outputExisted);
            // An AtomicWriteException's message names paths only; other messages may quote anything.
            throw new JobException(JobException.Reason.IO_ERROR, "cannot write the output folder " + out + ": "
                    + (e instanceof AtomicWriteException || e instanceof PassException ? e.getMessage()
                            : e.getClass().getSimpleName()), e);
        } finally {
            sealing.close();
            pool.shutdownNow(); // before the syncer closes, as before: no worker hands it a part any more
            syncer.close();
            closeSpill(spill);
            closeKeys(keys);
        }
    }

    /**
     * Entries of the ledger (and subject identifiers) kept in memory before a spill (decision 0026): the
     * system property {@code deid.spill.threshold} when set, else one per 4 KiB of the maximum heap
     * (131,072 at {@code -Xmx512m}), at least 4,096.
     */
    static int spillThreshold() {
        String set = System.getProperty("deid.spill.threshold");
        if (set != null && !set.isBlank()) {
            try {
                return Math.max(1, Integer.parseInt(set.trim()));
            } catch (NumberFormatException e) {
                LOGGER.warn("ignoring deid.spill.threshold: not a number");
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.max(4096, Runtime.getRuntime().maxMemory() / 4096));
    }

    /** Deletes what a streamed key file kept on disk (originals, encrypted) whatever way the run ended. */
    private static void closeKeys(KeySession keys) {
        try {
            keys.close();
        } catch (IOException e) {
            LOGGER.warn("could not remove the key file's spill folder ({})", e.getClass().getSimpleName());
        }
    }

    /** Deletes the spilled files (they hold originals, encrypted) whatever way the run ended. */
    private static void closeSpill(SpillArea spill) {
        if (spill == null) {
            return;
        }
        try {
            spill.close();
        } catch (IOException e) {
            LOGGER.warn("could not remove the spill folder {} ({})", spill.folder(), e.getClass().getSimpleName());
        }
    }

    /**
     * After the transform pass: waits until every part is forced to disk; a part that could not be
     * forced is deleted and its file failed, as if its write had failed.
     */
    private static void synced(List<InputFile> files, Path work, FileReport[] outcomes, PartSyncer syncer)
            throws IOException {
        Map<Integer, IOException> failures;
        try {
            failures = syncer.awaitAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        for (Map.Entry<Integer, IOException> failure : failures.entrySet()) {
            InputFile f = files.get(failure.getKey());
            LOGGER.error("cannot force the output of input file #{} to disk ({})", f.index() + 1,
                    failure.getValue().getClass().getName());
            Files.deleteIfExists(work.resolve(f.index() + ".part"));
            outcomes[f.index()] = failed(f, "IO-WRITE", "", "cannot force the output to disk ("
                    + failure.getValue().getClass().getSimpleName() + ")");
        }
    }

    /** One processor per registered format, bound to this run's engine. */
    static Map<FileFormat, FileProcessor> processors(Deidentifier engine, boolean scanPass) {
        return FileWork.processors(engine, scanPass, null);
    }

    /** As {@link #processors(Deidentifier, boolean)}, with the run's scratch folder (null: none). */
    private static Map<FileFormat, FileProcessor> processors(Deidentifier engine, boolean scanPass, Path scratch) {
        return FileWork.processors(engine, scanPass, scratch);
    }

    /** After a pass done elsewhere: the listener hears of its files (they are done), and a cancel stops the run. */
    private void absorbed(PassRun run) {
        if (cancelled.get()) {
            throw new CancellationException("run cancelled");
        }
        run.files().forEach(f -> listener.fileDone(f.size()));
    }

    /**
     * Pass 0: each processor sees all of its files at once (classes, keys, references between
     * tables) before any is scanned. Files are handed over in input order; processors do not depend
     * on it.
     */
    private void analyze(List<InputFile> files, Map<FileFormat, FileProcessor> processors, ExecutorService pool)
            throws IOException {
        listener.phase(RunPhase.ANALYZE.id(), 1, 0);
        Map<FileProcessor, List<Path>> byProcessor = new LinkedHashMap<>();
        for (InputFile f : files) {
            FileProcessor p = processors.get(f.format());
            if (p != null) {
                byProcessor.computeIfAbsent(p, k -> new ArrayList<>()).add(f.path());
            }
        }
        FileTasks tasks = passes == null
                ? FileTasks.on(pool) : passes.analysisTasks();
        try {
            byProcessor.forEach((p, paths) -> p.analyze(paths, tasks, cancelled::get));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // the analysis's pieces could not run where the passes put them (a failed cluster job)
        }
        listener.fileDone(0);
    }

    /** For each format a handler cleans, which rules decide its files, as the report names them (decision 0006). */
    private static Map<FileFormat, String> rulesSources(Profile profile) {
        Map<FileFormat, String> rules = new EnumMap<>(FileFormat.class);
        for (FormatHandler handler : FormatRegistry.handlers()) {
            handler.formats().forEach(f -> rules.put(f, handler.rulesSource(profile)));
        }
        return rules;
    }

    /**
     * The folder for the processors' temporary files (e.g. inflated copies of compressed inputs, which
     * hold original values in clear): inside the work folder, so it is deleted with it, and readable
     * by the owner only where the file system has POSIX permissions.
     */
    private static Path scratchFolder(Path work) throws IOException {
        return FileWork.scratchFolder(work);
    }

    /** Work on one file in one phase. */
    private interface FileTask {
        void run(InputFile file) throws IOException;
    }

    private void runPhase(RunPhase phase, List<InputFile> files, ExecutorService pool, FileTask task) throws IOException {
        listener.phase(phase.id(), files.size(), files.stream().mapToLong(InputFile::size).sum());
        List<Future<?>> futures = new ArrayList<>();
        // Largest files first: the last file to start is then a small one, so no worker is left alone with a
        // large file while the others idle (what a worker does never depends on the order, only when it ends).
        List<InputFile> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong(InputFile::size).reversed().thenComparingInt(InputFile::index));
        for (InputFile f : largestFirst) {
            futures.add(pool.submit(() -> {
                if (cancelled.get()) {
                    throw new CancellationException("run cancelled");
                }
                task.run(f);
                listener.fileDone(f.size());
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled.set(true);
                throw new CancellationException("interrupted");
            } catch (ExecutionException e) {
                cancelled.set(true);
                Throwable cause = e.getCause();
                if (cause instanceof CancellationException c) {
                    throw c;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(cause);
            }
        }
    }

    private void scan(InputFile f, FileProcessor processor, FileReport[] outcomes) {
        FileReport failed = FileWork.scan(f.toRunFile(), processor, cancelled::get);
        if (failed != null) {
            outcomes[f.index()] = failed;
        }
    }

    private void transform(InputFile f, FileProcessor processor, Path work, FileReport[] outcomes, boolean[] deferred,
            PartSyncer syncer) throws IOException {
        if (outcomes[f.index()] != null) {
            return;
        }
        Path part = work.resolve(f.index() + ".part");
        // A written part is handed, still open, to the syncer, which forces it before the run renames it.
        FileWork.Outcome outcome = FileWork.transform(f.toRunFile(), processor, part, cancelled::get, syncer);
        outcomes[f.index()] = outcome.report();
        deferred[f.index()] = outcome.deferred();
    }

    /**
     * Pass 3: each processor's finish step, once per handler with files in the run, in registration
     * order, after every file has its final name and before the key file is sealed
     * ({@link FileProcessor#finish}). A processor that fails there leaves its deferred files withheld
     * or failed; the other files are not affected.
     */
    private void finishProcessors(List<InputFile> files, Map<FileFormat, FileProcessor> processors, String[] names,
            Path work, FileReport[] outcomes, boolean[] deferred, FilePasses.Parts parts, boolean[] madeHere,
            FileTasks tasks) throws IOException {
        for (FormatHandler handler : FormatRegistry.handlers()) {
            List<InputFile> mine = files.stream().filter(f -> handler.formats().contains(f.format())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            if (cancelled.get()) {
                throw new CancellationException("run cancelled");
            }
            FinishedRun run = new FinishedRun(mine, names, work, outcomes, deferred, madeHere, parts, tasks);
            try {
                processors.get(mine.get(0).format()).finish(run);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException | IOException e) {
                LOGGER.error("the finish step of {} failed ({})", handler.name(), e.getClass().getName());
                if (!Files.isDirectory(work)) {
                    throw e instanceof IOException io ? io : new IOException("the work folder is gone", e);
                }
                for (InputFile f : mine) {
                    if (deferred[f.index()]) {
                        deferred[f.index()] = false;
                        outcomes[f.index()] = e instanceof RuntimeException r ? internalError(f, r)
                                : failed(f, "IO-WRITE", "", "cannot make the file (" + e.getClass().getSimpleName() + ")");
                    }
                }
            }
        }
    }

    /** One handler's files as its processor's finish step sees them. */
    private final class FinishedRun implements RunOutputs {
        private final Map<String, InputFile> byOutput = new HashMap<>();
        private final List<Output> outputs = new ArrayList<>();
        private final Path work;
        private final FileReport[] outcomes;
        private final boolean[] deferred;
        private final boolean[] madeHere;
        private final FileTasks tasks;

        FinishedRun(List<InputFile> files, String[] names, Path work, FileReport[] outcomes, boolean[] deferred,
                boolean[] madeHere, FilePasses.Parts parts, FileTasks tasks) {
            this.work = work;
            this.outcomes = outcomes;
            this.deferred = deferred;
            this.madeHere = madeHere;
            this.tasks = tasks;
            for (InputFile f : files) {
                boolean written = outcomes[f.index()].status() == FileReport.Status.WRITTEN;
                Path part = !written ? null : parts != null ? parts.location(f.index()) : work.resolve(f.index() + ".part");
                outputs.add(new Output(names[f.index()], f.format(), part, deferred[f.index()]));
                byOutput.put(names[f.index()], f);
            }
        }

        @Override
        public FileTasks tasks() {
            return tasks;
        }

        @Override
        public List<Output> outputs() {
            return List.copyOf(outputs);
        }

        private InputFile deferredFile(Output file) {
            InputFile f = byOutput.get(file.output());
            if (f == null || !deferred[f.index()]) {
                throw new IllegalArgumentException("not a deferred file of this processor, or made already");
            }
            deferred[f.index()] = false;
            return f;
        }

        @Override
        public void write(Output file, Content content, FileStats stats) throws IOException {
            InputFile f = deferredFile(file);
            try {
                outcomes[f.index()] = FileWork.writePart(f.toRunFile(), work.resolve(f.index() + ".part"), os -> {
                    content.writeTo(os);
                    return stats;
                });
                madeHere[f.index()] = outcomes[f.index()].status() == FileReport.Status.WRITTEN;
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                outcomes[f.index()] = internalError(f, e);
            } catch (FormatException e) {
                throw new IllegalStateException("a finish step's content throws only I/O errors", e);
            } catch (IOException e) {
                if (!Files.isDirectory(work)) {
                    throw e;
                }
                outcomes[f.index()] = failed(f, "IO-WRITE", "", "cannot make the file (" + e.getClass().getSimpleName()
                        + ")");
            }
        }

        @Override
        public void withhold(Output file, String code, String reason) {
            InputFile f = deferredFile(file);
            outcomes[f.index()] = withheld(f, code, "", reason);
        }
    }

    private static FileReport withheld(InputFile f, String code, String location, String message) {
        return FileWork.withheld(f.toRunFile(), code, location, message);
    }

    private static FileReport failed(InputFile f, String code, String location, String message) {
        return FileWork.failed(f.toRunFile(), code, location, message);
    }

    private static FileReport internalError(InputFile f, RuntimeException e) {
        return FileWork.internalError(f.toRunFile(), e);
    }

    private RunRecord runRecord(Instant started, List<InputFile> files, List<FileReport> results) {
        List<RunRecord.FileMapping> mapping = new ArrayList<>();
        for (InputFile f : files) {
            FileReport r = results.get(f.index());
            mapping.add(new RunRecord.FileMapping(f.input(), source(f), r.output(), r.status().toString()));
        }
        RunReport.FileCounts counts = RunReport.count(results, 0);
        Profile profile = request.profile().profile();
        return new RunRecord(UUID.randomUUID().toString(), started, Instant.now(), toolVersion(), profile.name(),
                request.profile().sha256(), request.output().toAbsolutePath().normalize().getFileName().toString(),
                counts.written(), counts.failed(), counts.quarantined(), 0, mapping);
    }

    /** How the key file's run record names an input file: its path, or its name under its input's given name. */
    private String source(InputFile f) {
        if (request.inputNames().isEmpty()) {
            return f.path().toString();
        }
        String name = request.inputNames().get(f.input() - 1);
        String under = request.inputs().get(f.input() - 1).toAbsolutePath().normalize().relativize(f.path()).toString()
                .replace('\\', '/');
        return under.isEmpty() ? name : name.replaceAll("/+$", "") + "/" + under;
    }

    /** @param inputsHere whether the inputs are paths of this machine (not listed by the passes where they live) */
    private void checkPaths(Path out, boolean inputsHere) throws JobException {
        if (request.inputs().isEmpty()) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "no input given", null);
        }
        Path key = request.keyFile().toAbsolutePath().normalize();
        if (key.startsWith(out)) {
            throw new JobException(JobException.Reason.KEY_FILE_INSIDE_OUTPUT, "the key file " + key
                    + " must not be inside the output folder, or shipping the folder would ship the key", null);
        }
        for (Path input : request.inputs()) {
            Path in = input.toAbsolutePath().normalize();
            if (inputsHere && !Files.exists(in, LinkOption.NOFOLLOW_LINKS)) {
                throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "input not found: " + input, null);
            }
            if (out.startsWith(in) || in.startsWith(out)) {
                throw new JobException(JobException.Reason.OUTPUT_OVERLAPS_INPUT, "the output folder " + out
                        + " and the input " + in + " overlap; choose an output folder outside the inputs", null);
            }
            if (key.startsWith(in)) {
                throw new JobException(JobException.Reason.OUTPUT_OVERLAPS_INPUT, "the key file " + key
                        + " must not be inside the input " + in, null);
            }
        }
    }

    private static void prepareOutput(Path out) throws JobException {
        try {
            if (Files.isDirectory(out)) {
                try (Stream<Path> entries = Files.list(out)) {
                    boolean ours = Files.exists(out.resolve(MANIFEST)) || Files.exists(out.resolve(WORK_DIR));
                    if (!ours && entries.findAny().isPresent()) {
                        throw new JobException(JobException.Reason.OUTPUT_NOT_EMPTY, "the output folder " + out
                                + " is not empty and was not written by deid; choose an empty or new folder", null);
                    }
                }
                Folders.deleteTree(out.resolve(WORK_DIR));
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot prepare the output folder " + out, e);
        }
    }

    /** Removes what this run wrote before it finalized: the work folder, and the output folder if the run made it. */
    private static void undo(Path out, boolean outputExisted) {
        try {
            Folders.deleteTree(out.resolve(WORK_DIR));
            if (!outputExisted) {
                try (Stream<Path> entries = Files.list(out)) {
                    if (entries.findAny().isEmpty()) {
                        Files.deleteIfExists(out);
                    }
                }
            }
        } catch (IOException e) {
            LOGGER.warn("could not remove the unfinished output in {} ({})", out, e.getClass().getSimpleName());
        }
    }

    private static Path writeManifest(Path out, List<FileReport> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        results.stream().filter(o -> o.status() == FileReport.Status.WRITTEN)
                .sorted(Comparator.comparing(FileReport::output))
                .forEach(o -> sb.append(o.sha256()).append("  ").append(o.output()).append('\n'));
        Path manifest = out.resolve(MANIFEST);
        AtomicFiles.write(manifest, sb.toString().getBytes(StandardCharsets.UTF_8));
        return manifest;
    }

    /** The tool's version from the jar manifest, or {@code dev} when run from classes. */
    public static String toolVersion() {
        String v = RunJob.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
