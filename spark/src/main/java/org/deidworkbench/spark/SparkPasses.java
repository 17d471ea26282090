package org.deidworkbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FileTasks;
import org.deidworkbench.format.FormatDetector;
import org.deidworkbench.format.ScanIndex;
import org.deidworkbench.job.FilePasses;
import org.deidworkbench.job.FilePasses.Listed;
import org.deidworkbench.job.FileWork;
import org.deidworkbench.job.PassException;
import org.deidworkbench.job.PassRun;
import org.deidworkbench.job.RunFile;
import org.deidworkbench.model.FileReport;
import scala.Tuple2;

/**
 * A run's scan and transform passes as Spark jobs: the files are spread over partitions, each task
 * cleans its files with an engine of its own (same profile, purpose keys and analysis as the
 * driver's), and what the engines noted (pseudonym entries, date offsets, subjects' identifiers,
 * known identifiers) is merged on the executors in a tree ({@code treeReduce}) before the driver
 * absorbs it into the run's engine, which alone seals the key file. What processors learn across
 * files in the scan pass for their transforms (FHIR: which patient a reference stands for) is merged
 * by key in a shuffle and written in buckets for the transform tasks ({@link ScanIndexes}), never
 * collected on the driver.
 *
 * <p>Output: a task writes each file to {@code <work>/<index>.part.attempt-<task attempt id>} (its own
 * name, forced to disk) and reports it; only the driver, for the one attempt whose result Spark
 * returns, renames it to {@code <index>.part}. A failed or duplicate (speculative) attempt's files
 * are never renamed and go with the work folder. A job that fails after Spark's retries fails the run,
 * which then leaves no output and an unchanged key file ({@link org.deidworkbench.job.RunJob}).
 *
 * <p>The work folder must be on a file system the driver and every executor see under the same path
 * (local mode, or a shared mount on a cluster); inputs and outputs on HDFS or object stores go
 * through such a folder too ({@link HadoopRun}: staged in and committed by Spark jobs).
 */
final class SparkPasses implements FilePasses {

    /** The Spark job groups of a run's jobs (Spark's UI and status tracker show them). */
    static final String DETECT = "deid-detect";
    static final String ANALYSIS = "deid-analysis";
    static final String SCAN = "deid-scan";
    static final String TRANSFORM = "deid-transform";

    private final JavaSparkContext spark;
    private final ProfileSource profile;
    private final int partitions;
    private final WorkerSetup.Faults faults;
    /** Where the scan pass left its merged index (null: none), and in how many buckets. */
    private String scanIndex;
    private int scanIndexBuckets;
    /** No folder shared with the executors (decision 0041): the run's files on Hadoop; null: shared paths. */
    private final RemoteFiles remote;
    private final List<Listed> listed;
    /** With {@link #remote}: each written file's part (Hadoop URI), by index, and the names they are placed under. */
    private final Map<Integer, String> partUris = new HashMap<>();
    private final List<Placed> placed = new ArrayList<>();

    SparkPasses(JavaSparkContext spark, ProfileSource profile, int partitions, WorkerSetup.Faults faults) {
        this(spark, profile, partitions, faults, null, null);
    }

    /**
     * Passes over files that only the tasks read, through Hadoop ({@code remote}): the driver's run knows
     * them as {@code listed} (task paths, {@link RemoteFiles}) and never opens them.
     */
    SparkPasses(JavaSparkContext spark, ProfileSource profile, int partitions, WorkerSetup.Faults faults,
            RemoteFiles remote, List<Listed> listed) {
        this.spark = spark;
        this.profile = profile;
        this.partitions = partitions;
        this.faults = faults;
        this.remote = remote;
        this.listed = listed;
    }

    /** A written file's part (Hadoop URI) and the output name it is to have (decision 0041). */
    record Placed(String part, String name) {
    }

    /** With Hadoop files and no shared folder: the parts to put in place, with their names, in input order. */
    List<Placed> placed() {
        return List.copyOf(placed);
    }

    @Override
    public List<Listed> list(List<Path> inputs) {
        return listed;
    }

    @Override
    public Parts parts() {
        if (remote == null) {
            return null;
        }
        return new Parts() {
            @Override
            public Path location(int index) {
                // For a finish step that reads its files back (DICOMDIR): its tasks copy the part from the
                // temporary prefix to this task path first (decision 0041).
                return Path.of(remote.partsRoot(), index + ".part");
            }

            @Override
            public void place(int index, String name) {
                placed.add(new Placed(partUris.get(index), name));
            }
        };
    }

    /**
     * What the tasks of the scan pass found: files that failed, the engines' notes, and how many entries
     * their processors' scan indexes hold (the entries themselves go to {@link ScanIndexes}, not here).
     */
    record Scanned(TreeMap<Integer, FileReport> failed, Deidentifier.Notes notes, long indexEntries)
            implements Serializable {
        Scanned merge(Scanned other) {
            TreeMap<Integer, FileReport> all = new TreeMap<>(failed);
            all.putAll(other.failed);
            return new Scanned(all, notes.merge(other.notes), indexEntries + other.indexEntries);
        }
    }

    /** One scan task's result: its {@link Scanned} and its processors' scan index entries. */
    record ScanTask(Scanned scanned, List<Tuple2<String, String>> index) implements Serializable {
    }

    /** One file's transform in the attempt that reported it, and where that attempt wrote it. */
    record Transformed(int index, FileWork.Outcome outcome, String written) implements Serializable {
    }

    /** What the tasks of the transform pass did, and the engines' notes. */
    record TransformedAll(List<Transformed> files, Deidentifier.Notes notes) implements Serializable {
        TransformedAll merge(TransformedAll other) {
            List<Transformed> all = new ArrayList<>(files);
            all.addAll(other.files);
            return new TransformedAll(all, notes.merge(other.notes));
        }
    }

    /**
     * The analysis's per-file pieces (a table's key column read through into a Bloom filter, an
     * intermediate table's key → patient index) as one Spark job per round, a task per piece; their
     * results (bounded: ≤ 32 MiB per filter, 12 bytes per key) come back to the driver, which combines
     * them with the samples and broadcasts the analysis with each pass. A job that fails fails the run.
     */
    @Override
    public FileTasks analysisTasks() {
        return new FileTasks() {
            @Override
            public <T extends Serializable> List<T> run(List<? extends Task<T>> tasks, BooleanSupplier cancelled) {
                if (tasks.isEmpty()) {
                    return List.of();
                }
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("run cancelled");
                }
                List<Task<T>> all = new ArrayList<>(tasks);
                RemoteFiles remote = SparkPasses.this.remote;
                spark.setJobGroup(ANALYSIS, "deid: analysis, " + all.size() + " file(s) read through", false);
                try {
                    return spark.parallelize(all, Math.min(all.size(), Math.max(1, partitions)))
                            .map(t -> runTask(t, remote)).collect();
                } catch (RuntimeException e) {
                    // RunJob turns it back into the pass's failure: the run leaves nothing, the key file as it was.
                    throw new java.io.UncheckedIOException(failed("analysis", e));
                } finally {
                    spark.clearJobGroup();
                }
            }
        };
    }

    /**
     * The inputs' formats detected in a Spark job (decision 0041): each task opens its files' first bytes
     * ({@link FormatDetector}) and sends back one byte per file; the driver only lists them.
     */
    @Override
    public List<FileFormat> detect(List<Path> files) throws IOException {
        List<String> paths = files.stream().map(Path::toString).toList();
        FileFormat[] all = FileFormat.values();
        RemoteFiles remote = this.remote;
        spark.setJobGroup(DETECT, "deid: format detection, " + paths.size() + " file(s)", false);
        List<byte[]> detected;
        try {
            detected = spark.parallelize(paths, Math.max(1, Math.min(paths.size(), partitions))).mapPartitions(it -> {
                java.io.ByteArrayOutputStream formats = new java.io.ByteArrayOutputStream();
                while (it.hasNext()) {
                    FileFormat format;
                    try {
                        String path = it.next();
                        format = remote == null ? FormatDetector.detect(Path.of(path))
                                : FormatDetector.detect(remote.head(path, FormatDetector.HEAD),
                                        String.valueOf(Path.of(path).getFileName()));
                    } catch (IOException e) {
                        format = FileFormat.UNKNOWN; // as deid run: its scan or transform says why
                    }
                    formats.write(format.ordinal());
                }
                return List.of(formats.toByteArray()).iterator();
            }).collect();
        } catch (RuntimeException e) {
            throw new IOException("the Spark job of the format detection failed (" + e.getClass().getSimpleName()
                    + "; the Spark driver's log says which task and why)", e);
        } finally {
            spark.clearJobGroup();
        }
        List<FileFormat> out = new ArrayList<>(paths.size());
        for (byte[] part : detected) {
            for (byte b : part) {
                out.add(all[b]);
            }
        }
        return out;
    }

    /** On an executor: an analysis piece, with the files it reads copied here first when they are on Hadoop. */
    private static <T extends Serializable> T runTask(FileTasks.Task<T> t, RemoteFiles remote) throws IOException {
        if (remote == null) {
            return t.run(() -> false);
        }
        List<Path> copies = new ArrayList<>();
        try {
            for (String f : t.reads()) {
                copies.add(remote.materialize(f));
            }
            return t.run(() -> false);
        } finally {
            copies.forEach(remote::release);
        }
    }

    @Override
    public void scan(PassRun run) throws IOException {
        List<TaskFile> files = run.files().stream().filter(f -> run.open(f.index())).map(TaskFile::of).toList();
        if (files.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Broadcast<byte[]> setup = spark.broadcast(new WorkerSetup(profile, run, null, faults, remote).toBytes());
        spark.setJobGroup(SCAN, "deid: scan pass, " + files.size() + " file(s)", false);
        JavaRDD<ScanTask> tasks = rdd(files).mapPartitions(it -> List.of(scanPartition(WorkerSetup.read(id,
                setup.value()), it)).iterator()).persist(StorageLevel.MEMORY_AND_DISK());
        Scanned scanned;
        try (CancelWatch watch = new CancelWatch(run, SCAN)) {
            try {
                scanned = tasks.map(ScanTask::scanned).treeReduce(Scanned::merge);
                if (scanned.indexEntries() > 0) {
                    mergeScanIndex(tasks, remote == null ? ScanIndexes.folder(run.work(), id).toString()
                            : remoteFolder(id));
                }
            } catch (Exception e) { // SparkException is thrown unchecked from Scala
                watch.awaitTasks();
                throw e;
            }
        } catch (Exception e) {
            throw failed("scan", e, run);
        } finally {
            tasks.unpersist(false);
            setup.destroy();
            spark.clearJobGroup();
        }
        scanned.failed().forEach(run::ended);
        absorb(run, scanned.notes(), "scan");
    }

    /** The driver's processors read the merged scan index too: the run resolves record owners with it (0164). */
    @Override
    public void lendScanIndex(Map<FileFormat, FileProcessor> processors) {
        if (scanIndex != null) {
            ScanIndexes.use(processors, scanIndex, scanIndexBuckets, remote);
        }
    }

    /**
     * The scan tasks' index entries merged by key in a shuffle ({@link ScanIndexes}): each bucket's
     * task writes its merged entries into {@code folder}; the driver learns only where they are.
     */
    private void mergeScanIndex(JavaRDD<ScanTask> tasks, String folder) {
        int buckets = Math.max(1, partitions);
        String into = folder;
        RemoteFiles remote = this.remote;
        tasks.flatMapToPair(t -> t.index().iterator())
                .reduceByKey(new ScanIndexes.Buckets(buckets), ScanIndex::merge)
                .mapPartitionsWithIndex((bucket, it) -> {
                    TaskContext task = TaskContext.get();
                    long attempt = task == null ? 0 : task.taskAttemptId();
                    return List.of(ScanIndexes.write(into, bucket, it, attempt, remote)).iterator();
                }, true)
                .count();
        scanIndex = folder;
        scanIndexBuckets = buckets;
    }

    /** The owner-only folder of the merged scan index under the run's temporary prefix (no shared folder). */
    private String remoteFolder(String id) throws IOException {
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(remote.temp(), "scan-index-" + id);
        remote.fs(folder).mkdirs(folder, new org.apache.hadoop.fs.permission.FsPermission((short) 0700));
        return folder.toString();
    }

    @Override
    public void transform(PassRun run) throws IOException {
        List<TaskFile> files = run.files().stream().filter(f -> run.open(f.index())).map(TaskFile::of).toList();
        if (files.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Broadcast<byte[]> setup = spark.broadcast(new WorkerSetup(profile, run, run.frozenIdentifiers(), scanIndex,
                scanIndexBuckets, faults, remote).toBytes());
        TransformedAll done;
        spark.setJobGroup(TRANSFORM, "deid: transform pass, " + files.size() + " file(s)", false);
        try (CancelWatch watch = new CancelWatch(run, TRANSFORM)) {
            try {
                done = rdd(files).mapPartitions(it -> List.of(transformPartition(WorkerSetup.read(id, setup.value()),
                        it)).iterator()).treeReduce(TransformedAll::merge);
            } catch (Exception e) { // SparkException is thrown unchecked from Scala
                watch.awaitTasks();
                throw e;
            }
        } catch (Exception e) {
            throw failed("transform", e, run);
        } finally {
            setup.destroy();
            spark.clearJobGroup();
        }
        for (Transformed t : done.files()) {
            if (remote == null) {
                run.transformed(t.index(), t.outcome(), t.written() == null ? null : Path.of(t.written()));
                continue;
            }
            // The part stays on Hadoop: on object stores where the task wrote it, else renamed from the accepted
            // attempt's folder (the other attempts' files go with the temporary prefix).
            if (t.written() != null) {
                String part = t.written();
                if (!remote.direct()) {
                    org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(part);
                    org.apache.hadoop.fs.Path to = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(
                            remote.temp(), "parts"), t.index() + ".part");
                    org.apache.hadoop.fs.FileSystem fs = remote.fs(to);
                    fs.mkdirs(to.getParent());
                    if (!fs.rename(from, to)) {
                        throw new PassException("cannot move a transformed part into the run's temporary prefix", null);
                    }
                    part = to.toString();
                }
                partUris.put(t.index(), part);
            }
            run.transformed(t.index(), t.outcome(), null);
        }
        absorb(run, done.notes(), "transform");
    }

    private JavaRDD<TaskFile> rdd(List<TaskFile> files) {
        return spark.parallelize(files, Math.max(1, Math.min(files.size(), partitions)));
    }

    private static void absorb(PassRun run, Deidentifier.Notes notes, String pass) throws PassException {
        try {
            run.engine().absorb(notes);
        } catch (DeidException e) {
            // Its message names the pseudonym and domain, never the values.
            throw new PassException("the " + pass + " pass cannot record its pseudonyms: " + e.getMessage(), e);
        }
    }

    /** A pass's job that failed: a cancelled run's ({@link CancellationException}), or else the run's failure. */
    private static PassException failed(String pass, Exception e, PassRun run) {
        if (run.cancelled().getAsBoolean()) {
            throw new CancellationException("run cancelled");
        }
        return failed(pass, e);
    }

    /**
     * While a pass's job runs: when the run is cancelled ({@code RunJob.cancel()}, e.g. from the
     * driver's shutdown hook), cancels the job's group once; Spark kills its tasks, which stop at
     * their next poll ({@link #killed}) and leave only attempt files in the work folder. When the job
     * fails or is cancelled, {@link #awaitTasks} waits for the tasks Spark killed, so that the run removes
     * its work folder or temporary prefix only once no task writes there any more (decision 0086).
     */
    private final class CancelWatch implements AutoCloseable {
        private final java.util.concurrent.ScheduledExecutorService timer;
        private final String group;
        private final GroupTasks tasks;

        CancelWatch(PassRun run, String group) {
            this.group = group;
            this.tasks = new GroupTasks(group);
            spark.sc().addSparkListener(tasks);
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deid-spark-cancel-watch");
                t.setDaemon(true);
                return t;
            });
            java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
            timer.scheduleWithFixedDelay(() -> {
                if (run.cancelled().getAsBoolean() && sent.compareAndSet(false, true)) {
                    spark.cancelJobGroup(group);
                }
            }, 50, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /** After the pass's job failed or was cancelled: returns once its tasks have ended (at most 30 s). */
        void awaitTasks() {
            timer.shutdownNow();
            spark.clearJobGroup();
            tasks.awaitEndedOrWarn(spark, null);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            spark.sc().removeSparkListener(tasks);
        }
    }

    /** The run fails as a whole; the message names the kind of failure only (Spark's may quote task errors). */
    private static PassException failed(String pass, Exception e) {
        return new PassException("the Spark job of the " + pass + " pass failed (" + e.getClass().getSimpleName()
                + "; the Spark driver's log says which task and why); nothing was finalized", e);
    }

    /** On an executor: scans a partition's files with an engine of its own. */
    private static ScanTask scanPartition(WorkerSetup setup, Iterator<TaskFile> files) throws Exception {
        TreeMap<Integer, FileReport> failed = new TreeMap<>();
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        BooleanSupplier killed = killed(task);
        try (WorkerSetup.Worker worker = setup.worker()) {
            int done = 0;
            RemoteFiles remote = setup.remote();
            while (files.hasNext()) {
                RunFile f = files.next().toRunFile();
                Path copy = remote == null ? null : remote.materialize(f.path().toString());
                FileReport report;
                try {
                    report = FileWork.scan(f, worker.processors.get(f.format()), killed);
                } finally {
                    if (copy != null) {
                        remote.release(copy);
                    }
                }
                if (report != null) {
                    failed.put(f.index(), report);
                }
                injected(setup, ++done, attempt, killed);
            }
            List<Tuple2<String, String>> index = ScanIndexes.export(worker.processors);
            return new ScanTask(new Scanned(failed, worker.engine.notes(), index.size()), index);
        }
    }

    /** On an executor: transforms a partition's files into this attempt's own part files. */
    private static TransformedAll transformPartition(WorkerSetup setup, Iterator<TaskFile> files) throws Exception {
        List<Transformed> out = new ArrayList<>();
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        String attemptId = task == null ? "0" : Long.toString(task.taskAttemptId());
        BooleanSupplier killed = killed(task);
        RemoteFiles remote = setup.remote();
        try (WorkerSetup.Worker worker = setup.worker()) {
            // No shared folder: parts are written in the worker's own scratch, then uploaded (decision 0041).
            Path work = remote == null ? setup.work() : worker.temp;
            int done = 0;
            while (files.hasNext()) {
                RunFile f = files.next().toRunFile();
                Path written = work.resolve(f.index() + ".part.attempt-" + attemptId);
                Path copy = remote == null ? null : remote.materialize(f.path().toString());
                FileWork.Outcome outcome;
                String where;
                try {
                    outcome = FileWork.transform(f, worker.processors.get(f.format()), written, killed);
                    boolean wrote = outcome.report().status() == FileReport.Status.WRITTEN;
                    where = !wrote ? null : remote == null ? written.toString()
                            : remote.upload(written, f.index(), attemptId);
                } finally {
                    if (copy != null) {
                        remote.release(copy);
                        java.nio.file.Files.deleteIfExists(written);
                    }
                }
                out.add(new Transformed(f.index(), outcome, where));
                injected(setup, ++done, attempt, killed);
            }
            return new TransformedAll(out, worker.engine.notes());
        }
    }

    /**
     * Whether Spark has killed this task (its job was cancelled, or it lost a speculative race): the
     * processors poll it as they poll a local run's cancel, and stop within a few hundred records.
     */
    private static BooleanSupplier killed(TaskContext task) {
        return () -> task != null && task.isInterrupted();
    }

    /** A test's injected fault or stall after the task's {@code done}-th file (never in a real run). */
    private static void injected(WorkerSetup setup, int done, int attempt, BooleanSupplier killed)
            throws InterruptedException {
        if (setup.failNow(done, attempt)) {
            throw new IllegalStateException("fault injected by a test after " + done + " files");
        }
        if (setup.stallNow(done)) {
            long until = System.nanoTime() + 120_000_000_000L;
            while (!killed.getAsBoolean() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            throw new CancellationException("the task was killed");
        }
    }
}
