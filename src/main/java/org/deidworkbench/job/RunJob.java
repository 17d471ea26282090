package org.deidworkbench.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.Deidentifier;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.PathScrubber;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileStats;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.WithheldException;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.PseudonymEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One de-identification run: walks the inputs, scans them for identifiers (when the profile scrubs
 * free text), transforms every file into a temporary file in the output tree, seals the new
 * pseudonyms into the key file and verifies it, and only then moves the outputs to their
 * de-identified names and writes the manifest and report.
 *
 * <p>Inputs are never modified. Output bytes, names, manifest and report (except its {@code run}
 * section) depend only on the inputs, the key and the profile, not on the thread count. A run
 * that is killed leaves only a hidden {@value #WORK_DIR} folder, which the next run into the same
 * output removes. Not thread-safe: one instance runs once; {@link #cancel()} may be called from
 * any thread.
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
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Prepares a run; nothing is read or written before {@link #run()}. */
    public RunJob(RunRequest request, RunListener listener) {
        this.request = request;
        this.listener = listener;
    }

    /** Asks the run to stop; it removes its temporary files and throws {@code CANCELLED}. */
    public void cancel() {
        cancelled.set(true);
    }

    /** One input file. {@code relative} may contain identifiers and never leaves this class. */
    private record InputFile(int index, Path path, String relative, long size, FileFormat format) {
    }

    /** Runs to the end. */
    public RunResult run() throws JobException {
        Instant started = Instant.now();
        Path out = request.output().toAbsolutePath().normalize();
        checkPaths(out);
        List<InputFile> files = walkInputs();
        prepareOutput(out);
        Path work = out.resolve(WORK_DIR);

        boolean keyFileExisted = Files.exists(request.keyFile());
        KeyFileContents keys = openOrCreateKeyFile(keyFileExisted, started);
        PseudonymLedger ledger = new PseudonymLedger();
        for (String domain : keys.domains()) {
            List<PseudonymEntry> existing = new ArrayList<>();
            keys.entries(domain).forEach((p, o) -> existing.add(new PseudonymEntry(domain, p, o)));
            ledger.seed(existing);
        }
        Deidentifier engine;
        try {
            engine = new Deidentifier(request.profile(), KeyRing.from(keys.secret()), ledger,
                    started.atZone(ZoneOffset.UTC).getYear());
        } catch (DeidException e) {
            throw new JobException(JobException.Reason.PROFILE_NOT_APPLICABLE, e.getMessage(), e);
        }
        // A scan pass when any format present needs one (CSV: when the profile scrubs text; DICOM: always).
        boolean scanPass = files.stream().map(InputFile::format).distinct().map(FormatRegistry::handler)
                .flatMap(Optional::stream).anyMatch(h -> h.needsScanPass(request.profile()));
        Map<FileFormat, FileProcessor> processors = new java.util.EnumMap<>(FileFormat.class);
        for (FormatHandler handler : FormatRegistry.handlers()) {
            FileProcessor processor = handler.processor(engine, !scanPass);
            handler.formats().forEach(f -> processors.put(f, processor));
        }

        ExecutorService pool = Executors.newFixedThreadPool(request.threads(), r -> {
            Thread t = new Thread(r, "deid-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            Files.createDirectories(work);
            FileOutcome[] outcomes = new FileOutcome[files.size()];
            if (scanPass) {
                runPhase("scan", files, pool, f -> scan(f, processors.get(f.format()), outcomes));
            }
            engine.freezeIdentifiers();
            runPhase("transform", files, pool, f -> transform(f, processors.get(f.format()), work, outcomes));

            listener.phase("seal", 1, 0);
            int newEntries = sealKeyFile(keys, engine, started, outcomes, keyFileExisted);
            listener.fileDone(0);

            listener.phase("finish", files.size(), 0);
            PathScrubber names = new PathScrubber(engine.identifiers());
            String[] finalNames = finalNames(files, names);
            int renamed = 0;
            List<FileOutcome> results = new ArrayList<>();
            java.util.Set<Path> movedInto = new java.util.TreeSet<>();
            for (InputFile f : files) {
                FileOutcome o = outcomes[f.index()];
                String name = finalNames[f.index()];
                if (!name.equals(f.relative())) {
                    renamed++;
                }
                if (o.status() == FileOutcome.Status.WRITTEN) {
                    Path target = out.resolve(name);
                    Files.createDirectories(target.getParent());
                    Files.move(work.resolve(f.index() + ".part"), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                    movedInto.add(target.getParent());
                }
                results.add(withName(o, name));
                listener.fileDone(0);
            }
            // Each folder once, after all its renames and before the manifest says the run is complete:
            // as durable as a sync per file, without thousands of syncs of the same folder.
            movedInto.forEach(RunJob::syncDirectory);
            Path manifest = writeManifest(out, results);
            Instant finished = Instant.now();
            Path report = writeReport(out, results, engine, newEntries, renamed, started, finished);
            Folders.deleteTree(work);
            return new RunResult(results, report, manifest, request.keyFile(), !keyFileExisted, newEntries,
                    engine.subjectOffsets().size(), renamed);
        } catch (JobException e) {
            deleteQuietly(work);
            throw e;
        } catch (CancellationException e) {
            deleteQuietly(work);
            throw new JobException(JobException.Reason.CANCELLED, "run cancelled; no output was finalized", e);
        } catch (IOException e) {
            deleteQuietly(work);
            throw new JobException(JobException.Reason.IO_ERROR, "cannot write the output folder " + out + ": "
                    + e.getClass().getSimpleName(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Work on one file in one phase. */
    private interface FileTask {
        void run(InputFile file) throws IOException;
    }

    private void runPhase(String phase, List<InputFile> files, ExecutorService pool, FileTask task)
            throws IOException {
        listener.phase(phase, files.size(), files.stream().mapToLong(InputFile::size).sum());
        List<Future<?>> futures = new ArrayList<>();
        for (InputFile f : files) {
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

    private void scan(InputFile f, FileProcessor processor, FileOutcome[] outcomes) {
        if (processor == null) {
            return;
        }
        try {
            processor.scan(f.path(), "", cancelled::get);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            outcomes[f.index()] = internalError(f, e);
        } catch (FormatException e) {
            outcomes[f.index()] = failed(f, e.code(), e.location(), e.getMessage());
        } catch (IOException e) {
            outcomes[f.index()] = failed(f, "IO-READ", "", "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void transform(InputFile f, FileProcessor processor, Path work, FileOutcome[] outcomes)
            throws IOException {
        if (outcomes[f.index()] != null) {
            return;
        }
        if (processor == null) {
            outcomes[f.index()] = quarantine(f);
            return;
        }
        Path part = work.resolve(f.index() + ".part");
        MessageDigest sha256 = sha256();
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            FileStats stats;
            try (OutputStream os = new DigestOutputStream(
                    new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel), 1 << 16), sha256)) {
                stats = processor.transform(f.path(), "", os, cancelled::get);
                os.flush();
                channel.force(true);
            }
            List<Problem> problems = new ArrayList<>(stats.warnings());
            outcomes[f.index()] = new FileOutcome("", f.format().name(), FileOutcome.Status.WRITTEN, stats.records(),
                    HexFormat.of().formatHex(sha256.digest()), stats.actionCounts(), problems, stats.warningCount(),
                    stats.unmatchedFields());
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            Files.deleteIfExists(part);
            outcomes[f.index()] = internalError(f, e);
        } catch (WithheldException e) {
            Files.deleteIfExists(part);
            outcomes[f.index()] = withheld(f, e);
        } catch (FormatException e) {
            Files.deleteIfExists(part);
            outcomes[f.index()] = failed(f, e.code(), e.location(), e.getMessage());
        } catch (IOException e) {
            Files.deleteIfExists(part);
            if (!Files.isDirectory(work)) {
                throw e;
            }
            outcomes[f.index()] = failed(f, "IO-READ", "", "cannot read the file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static FileOutcome failed(InputFile f, String code, String location, String message) {
        return new FileOutcome("", f.format().name(), FileOutcome.Status.FAILED, 0, "", new TreeMap<>(),
                List.of(new Problem(code, "", location, message + "; nothing was written for this file")), 0, List.of());
    }

    /** A defect in deid itself must not stop the other files, nor leak a value through its message. */
    private static FileOutcome internalError(InputFile f, RuntimeException e) {
        LOGGER.error("internal error on input file #{} ({})", f.index() + 1, e.getClass().getName());
        return failed(f, "INTERNAL-ERROR", "", "deid failed on this file (" + e.getClass().getSimpleName()
                + "); please report it");
    }

    private static FileOutcome quarantine(InputFile f) {
        String[] reason = FormatRegistry.withheldReason(f.format());
        return new FileOutcome("", f.format().name(), FileOutcome.Status.QUARANTINED, 0, "", new TreeMap<>(),
                List.of(new Problem(reason[0], "", "", reason[1])), 0, List.of());
    }

    /** Read correctly but not safe to release (e.g. burned-in annotation without a redaction): never copied. */
    private static FileOutcome withheld(InputFile f, WithheldException e) {
        return new FileOutcome("", f.format().name(), FileOutcome.Status.QUARANTINED, 0, "", new TreeMap<>(),
                List.of(new Problem(e.code(), "", e.location(), e.getMessage() + "; withheld, never copied")), 0,
                List.of());
    }

    private static FileOutcome withName(FileOutcome o, String name) {
        List<Problem> problems = o.problems().stream()
                .map(p -> new Problem(p.code(), name, p.location(), p.message())).toList();
        return new FileOutcome(name, o.format(), o.status(), o.records(), o.sha256(), o.actionCounts(), problems,
                o.warningCount(), o.unmatchedFields());
    }

    private void checkPaths(Path out) throws JobException {
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
            if (!Files.exists(in, LinkOption.NOFOLLOW_LINKS)) {
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

    private List<InputFile> walkInputs() throws JobException {
        List<Path[]> found = new ArrayList<>();
        boolean several = request.inputs().size() > 1;
        for (Path input : request.inputs()) {
            Path in = input.toAbsolutePath().normalize();
            String prefix = several ? in.getFileName() + "/" : "";
            if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(in, new FileVisitOption[0])) {
                    walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                            .forEach(p -> found.add(new Path[] {p, Path.of(prefix + in.relativize(p))}));
                } catch (IOException | java.io.UncheckedIOException e) {
                    throw new JobException(JobException.Reason.IO_ERROR, "cannot list the input folder " + input, e);
                }
            } else {
                found.add(new Path[] {in, Path.of(prefix + in.getFileName())});
            }
        }
        found.sort(Comparator.comparing(a -> a[1].toString().replace('\\', '/')));
        List<InputFile> files = new ArrayList<>();
        for (Path[] f : found) {
            String relative = f[1].toString().replace('\\', '/');
            FileFormat format;
            long size;
            try {
                if (Files.isSymbolicLink(f[0]) || !Files.isRegularFile(f[0], LinkOption.NOFOLLOW_LINKS)) {
                    format = FileFormat.UNKNOWN;
                    size = 0;
                } else {
                    size = Files.size(f[0]);
                    format = FormatDetector.detect(f[0]);
                }
            } catch (IOException e) {
                format = FileFormat.UNKNOWN;
                size = 0;
            }
            files.add(new InputFile(files.size(), f[0], relative, size, format));
        }
        return files;
    }

    private void prepareOutput(Path out) throws JobException {
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

    private KeyFileContents openOrCreateKeyFile(boolean exists, Instant now) throws JobException {
        try {
            if (exists) {
                return KeyFileStore.open(request.keyFile(), request.passphrase());
            }
            return KeyFileContents.create(ProjectSecret.generate(new SecureRandom()), now);
        } catch (KeyFileException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        }
    }

    private int sealKeyFile(KeyFileContents keys, Deidentifier engine, Instant started, FileOutcome[] outcomes,
            boolean keyFileExisted) throws JobException {
        try {
            List<PseudonymEntry> added = keys.addEntries(engine.ledger().newEntries());
            engine.subjectOffsets().forEach(keys::putDateOffset);
            int written = 0;
            int failed = 0;
            int quarantined = 0;
            for (FileOutcome o : outcomes) {
                switch (o.status()) {
                    case WRITTEN -> written++;
                    case FAILED -> failed++;
                    case QUARANTINED -> quarantined++;
                }
            }
            keys.addRun(new RunRecord(UUID.randomUUID().toString(), started, Instant.now(), toolVersion(),
                    request.profile().name(), request.profileSha256(), request.output().getFileName().toString(),
                    written, failed, quarantined, added.size()));
            if (keyFileExisted) {
                KeyFileStore.save(request.keyFile(), keys, request.passphrase(), KeyFileStore.trustees(request.keyFile()));
            } else {
                // Created by this run: another run must not have created it meanwhile with another secret.
                KeyFileStore.create(request.keyFile(), keys, request.passphrase(), List.of());
            }
            return added.size();
        } catch (KeyFileException e) {
            throw new JobException(JobException.Reason.KEY_FILE, e.getMessage(), e);
        }
    }

    /** De-identified relative names, unique: a clash gets {@code ~2}, {@code ~3} in input order. */
    private static String[] finalNames(List<InputFile> files, PathScrubber scrubber) {
        String[] names = new String[files.size()];
        Map<String, Integer> used = new HashMap<>();
        for (InputFile f : files) {
            String[] parts = f.relative().split("/");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append('/');
                }
                sb.append(scrubber.scrubName(parts[i]));
            }
            String name = sb.toString();
            String key = name.toLowerCase(java.util.Locale.ROOT);
            int n = used.merge(key, 1, Integer::sum);
            if (n > 1) {
                int dot = name.lastIndexOf('.');
                int slash = name.lastIndexOf('/');
                name = dot > slash + 1 ? name.substring(0, dot) + "~" + n + name.substring(dot) : name + "~" + n;
            }
            if (name.equals(MANIFEST) || name.equals(REPORT) || name.startsWith(WORK_DIR)) {
                name = "data-" + name;
            }
            names[f.index()] = name;
        }
        return names;
    }

    private static Path writeManifest(Path out, List<FileOutcome> results) throws IOException {
        StringBuilder sb = new StringBuilder();
        results.stream().filter(o -> o.status() == FileOutcome.Status.WRITTEN)
                .sorted(Comparator.comparing(FileOutcome::output))
                .forEach(o -> sb.append(o.sha256()).append("  ").append(o.output()).append('\n'));
        Path manifest = out.resolve(MANIFEST);
        writeAtomically(manifest, sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return manifest;
    }

    private Path writeReport(Path out, List<FileOutcome> results, Deidentifier engine, int newEntries, int renamed,
            Instant started, Instant finished) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("tool", "deid-workbench " + toolVersion());
        Map<String, Object> profileInfo = new LinkedHashMap<>();
        profileInfo.put("name", request.profile().name());
        profileInfo.put("sha256", request.profileSha256());
        profileInfo.put("default", request.profile().defaultSpec().action().yamlName());
        report.put("profile", profileInfo);
        long written = results.stream().filter(o -> o.status() == FileOutcome.Status.WRITTEN).count();
        long failed = results.stream().filter(o -> o.status() == FileOutcome.Status.FAILED).count();
        long quarantined = results.stream().filter(o -> o.status() == FileOutcome.Status.QUARANTINED).count();
        report.put("status", written == results.size() ? "ok" : "partial");
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("total", results.size());
        counts.put("written", written);
        counts.put("failed", failed);
        counts.put("quarantined", quarantined);
        counts.put("renamed", renamed);
        report.put("files", counts);
        report.put("records", results.stream().mapToLong(FileOutcome::records).sum());
        SortedMap<String, Long> actions = new TreeMap<>();
        results.forEach(o -> o.actionCounts().forEach((k, v) -> actions.merge(k, v, Long::sum)));
        report.put("actions", actions);
        report.put("valuesEmptied", results.stream().mapToLong(FileOutcome::warningCount).sum());
        report.put("subjects", engine.subjectOffsets().size());
        List<Map<String, Object>> perFile = new ArrayList<>();
        for (FileOutcome o : results) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("output", o.output());
            f.put("format", o.format());
            f.put("status", o.status().name().toLowerCase(java.util.Locale.ROOT));
            f.put("records", o.records());
            if (!o.sha256().isEmpty()) {
                f.put("sha256", o.sha256());
            }
            f.put("actions", o.actionCounts());
            if (!o.unmatchedFields().isEmpty()) {
                f.put("defaultAppliedTo", o.unmatchedFields());
            }
            List<Map<String, String>> problems = new ArrayList<>();
            for (Problem p : o.problems()) {
                Map<String, String> pm = new LinkedHashMap<>();
                pm.put("code", p.code());
                pm.put("location", p.location());
                pm.put("message", p.message());
                problems.add(pm);
            }
            f.put("problems", problems);
            if (o.warningCount() > o.problems().size()) {
                f.put("moreProblems", o.warningCount() - o.problems().size());
            }
            perFile.add(f);
        }
        report.put("fileResults", perFile);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("startedAt", started.toString());
        run.put("finishedAt", finished.toString());
        run.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
        run.put("threads", request.threads());
        // Depends on what the key file already held, not on the inputs: run-specific like the times.
        run.put("newPseudonyms", newEntries);
        report.put("run", run);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path path = out.resolve(REPORT);
        writeAtomically(path, mapper.writeValueAsBytes(report));
        return path;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(bytes));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncDirectory(target.getParent());
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Not every platform can sync a directory; the rename itself is still atomic.
            LOGGER.debug("directory sync not supported here ({})", e.getClass().getSimpleName());
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            Folders.deleteTree(dir);
        } catch (IOException e) {
            LOGGER.warn("could not remove the work folder {} ({})", dir, e.getClass().getSimpleName());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** The tool's version from the jar manifest, or {@code dev} when run from classes. */
    public static String toolVersion() {
        String v = RunJob.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
