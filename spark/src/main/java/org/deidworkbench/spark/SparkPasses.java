package org.deidworkbench.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.job.FilePasses;
import org.deidworkbench.job.FileWork;
import org.deidworkbench.job.PassException;
import org.deidworkbench.job.PassRun;
import org.deidworkbench.job.RunFile;
import org.deidworkbench.model.FileReport;

/**
 * A run's scan and transform passes as Spark jobs: the files are spread over partitions, each task
 * cleans its files with an engine of its own (same profile, purpose keys and analysis as the
 * driver's), and what the engines noted (pseudonym entries, date offsets, subjects' identifiers,
 * known identifiers) is merged on the executors in a tree ({@code treeReduce}) before the driver
 * absorbs it into the run's engine, which alone seals the key file.
 *
 * <p>Output: a task writes each file to {@code <work>/<index>.part.attempt-<task attempt id>} (its own
 * name, forced to disk) and reports it; only the driver, for the one attempt whose result Spark
 * returns, renames it to {@code <index>.part}. A failed or duplicate (speculative) attempt's files
 * are never renamed and go with the work folder. A job that fails after Spark's retries fails the run,
 * which then leaves no output and an unchanged key file ({@link org.deidworkbench.job.RunJob}).
 *
 * <p>The work folder must be on a file system the driver and every executor see under the same path
 * (local mode, or a shared mount on a cluster); HDFS or object stores are not supported yet.
 */
final class SparkPasses implements FilePasses {

    private final JavaSparkContext spark;
    private final ProfileSource profile;
    private final int partitions;
    private final WorkerSetup.Faults faults;

    SparkPasses(JavaSparkContext spark, ProfileSource profile, int partitions, WorkerSetup.Faults faults) {
        this.spark = spark;
        this.profile = profile;
        this.partitions = partitions;
        this.faults = faults;
    }

    /** What the tasks of the scan pass found: files that failed, and the engines' notes. */
    record Scanned(TreeMap<Integer, FileReport> failed, Deidentifier.Notes notes) implements Serializable {
        Scanned merge(Scanned other) {
            TreeMap<Integer, FileReport> all = new TreeMap<>(failed);
            all.putAll(other.failed);
            return new Scanned(all, notes.merge(other.notes));
        }
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
     * Formats whose processors keep state of their own from the scan pass (FHIR: which patient each
     * resource belongs to, across files) that is not yet handed from workers to the driver: such files
     * would be cleaned differently than by {@code deid run}, so a run with any of them is refused.
     */
    static final Set<FileFormat> NOT_YET = EnumSet.of(FileFormat.FHIR_JSON, FileFormat.FHIR_NDJSON, FileFormat.FHIR_XML);

    private static void refuseUnsupported(PassRun run) throws PassException {
        for (RunFile f : run.files()) {
            if (NOT_YET.contains(f.format())) {
                throw new PassException("deid-spark cannot clean " + f.format().description() + " yet (input file #"
                        + (f.index() + 1) + "); clean them with `deid run`, or leave them out; nothing was written",
                        null);
            }
        }
    }

    @Override
    public void scan(PassRun run) throws IOException {
        refuseUnsupported(run);
        List<TaskFile> files = run.files().stream().filter(f -> run.open(f.index())).map(TaskFile::of).toList();
        if (files.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Broadcast<byte[]> setup = spark.broadcast(new WorkerSetup(profile, run, null, faults).toBytes());
        Scanned scanned;
        try {
            scanned = rdd(files).mapPartitions(it -> List.of(scanPartition(WorkerSetup.read(id, setup.value()), it))
                    .iterator()).treeReduce(Scanned::merge);
        } catch (Exception e) {
            throw failed("scan", e);
        } finally {
            setup.destroy();
        }
        scanned.failed().forEach(run::ended);
        absorb(run, scanned.notes(), "scan");
    }

    @Override
    public void transform(PassRun run) throws IOException {
        refuseUnsupported(run);
        List<TaskFile> files = run.files().stream().filter(f -> run.open(f.index())).map(TaskFile::of).toList();
        if (files.isEmpty()) {
            return;
        }
        String id = UUID.randomUUID().toString();
        Broadcast<byte[]> setup = spark.broadcast(new WorkerSetup(profile, run, run.frozenIdentifiers(), faults)
                .toBytes());
        TransformedAll done;
        try {
            done = rdd(files).mapPartitions(it -> List.of(transformPartition(WorkerSetup.read(id, setup.value()), it))
                    .iterator()).treeReduce(TransformedAll::merge);
        } catch (Exception e) {
            throw failed("transform", e);
        } finally {
            setup.destroy();
        }
        for (Transformed t : done.files()) {
            run.transformed(t.index(), t.outcome(), t.written() == null ? null : Path.of(t.written()));
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

    /** The run fails as a whole; the message names the kind of failure only (Spark's may quote task errors). */
    private static PassException failed(String pass, Exception e) {
        return new PassException("the Spark job of the " + pass + " pass failed (" + e.getClass().getSimpleName()
                + "; the Spark driver's log says which task and why); nothing was finalized", e);
    }

    /** On an executor: scans a partition's files with an engine of its own. */
    private static Scanned scanPartition(WorkerSetup setup, Iterator<TaskFile> files) throws Exception {
        TreeMap<Integer, FileReport> failed = new TreeMap<>();
        int attempt = TaskContext.get() == null ? 0 : TaskContext.get().attemptNumber();
        try (WorkerSetup.Worker worker = setup.worker()) {
            int done = 0;
            while (files.hasNext()) {
                RunFile f = files.next().toRunFile();
                FileReport report = FileWork.scan(f, worker.processors.get(f.format()), () -> false);
                if (report != null) {
                    failed.put(f.index(), report);
                }
                if (setup.failNow(++done, attempt)) {
                    throw new IllegalStateException("fault injected by a test after " + done + " files");
                }
            }
            return new Scanned(failed, worker.engine.notes());
        }
    }

    /** On an executor: transforms a partition's files into this attempt's own part files. */
    private static TransformedAll transformPartition(WorkerSetup setup, Iterator<TaskFile> files) throws Exception {
        List<Transformed> out = new ArrayList<>();
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        String attemptId = task == null ? "0" : Long.toString(task.taskAttemptId());
        Path work = setup.work();
        try (WorkerSetup.Worker worker = setup.worker()) {
            int done = 0;
            while (files.hasNext()) {
                RunFile f = files.next().toRunFile();
                Path written = work.resolve(f.index() + ".part.attempt-" + attemptId);
                FileWork.Outcome outcome = FileWork.transform(f, worker.processors.get(f.format()), written, () -> false);
                boolean wrote = outcome.report().status() == FileReport.Status.WRITTEN;
                out.add(new Transformed(f.index(), outcome, wrote ? written.toString() : null));
                if (setup.failNow(++done, attempt)) {
                    throw new IllegalStateException("fault injected by a test after " + done + " files");
                }
            }
            return new TransformedAll(out, worker.engine.notes());
        }
    }
}
