package org.deidworkbench.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.job.Folders;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;

/**
 * A run whose inputs, output or key file are Hadoop file system URIs ({@code hdfs://}, {@code s3a://},
 * {@code abfs://}, any scheme the job's Hadoop configuration maps to a {@link FileSystem}); decision
 * 0028. The engine reads and writes {@code java.nio} paths, so the run goes through a <em>stage</em>:
 * a folder on a file system the driver and every executor see under the same path, owner-only,
 * removed when the run ends whatever way: {@code --stage DIR}, or by default beside a local output
 * or, in local mode, under Spark's scratch folder ({@link #stageRoot}, decision 0039). A {@link Stop}
 * request stops the run in any phase, stage-in and commit included (decision 0040).
 *
 * <ol>
 * <li>The driver lists each remote input through its file system (it holds paths and sizes only) and
 * a Spark job ({@value #STAGE_IN}) copies the files, as streams, into the stage: each task writes a
 * file under its attempt's name in a folder beside the staged inputs and renames it into them (a retried
 * attempt writes the same bytes; a failed attempt's half file is never among the inputs).</li>
 * <li>A remote key file is copied into the stage by the driver; {@code deid run}'s job runs on the
 * staged inputs into a staged output with its passes on Spark ({@link SparkPasses}), exactly as for
 * local paths: byte-identical output, the key file sealed in the stage.</li>
 * <li>Commit: a Spark job ({@value #COMMIT}) uploads the output files through the output's file system
 * (the {@link Commit} protocol: through a job-temporary prefix and renames where renames are atomic,
 * straight to the final names on object stores); then the key file is written (atomically as far as
 * its file system allows, {@link #writeWhole}); then the report, and the manifest last: a folder
 * without {@value RunJob#MANIFEST} is not a finished output. A run that fails before the manifest
 * removes what it uploaded; the key file is written only after every output file is in place.</li>
 * </ol>
 */
final class HadoopRun {

    /** Spark job groups of the stage-in and the commit (the tests count them). */
    static final String STAGE_IN = "deid-stage-in";
    static final String COMMIT = "deid-commit";
    /** The job-temporary prefix inside a remote output folder (rename commit). */
    static final String TEMPORARY = "_deid-temporary";
    /**
     * Hadoop configuration key: more URI schemes to commit to directly (object stores whose rename is a
     * copy), beside {@link #OBJECT_STORES}.
     */
    static final String DIRECT_SCHEMES = "deid.commit.direct.schemes";
    /** Schemes of object stores: no atomic rename, a single object written in one upload is atomic. */
    static final Set<String> OBJECT_STORES = Set.of("s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs",
            "oss", "cos", "cosn", "obs", "ks3");

    /** How output files reach a remote output folder. */
    enum Commit {
        /**
         * Tasks write under {@code <out>/_deid-temporary/<run>/<task attempt>/}; the driver renames the
         * accepted attempts' files into place (HDFS, the local file system: a rename is atomic and cheap).
         */
        RENAME,
        /**
         * Tasks write each file straight to its final name: an object store makes an object visible
         * only when its upload completes, and the content is deterministic, so a retried or speculative
         * attempt writes the same bytes again. The manifest, written last by the driver, marks a
         * finished output.
         */
        DIRECT
    }

    private HadoopRun() {
    }

    /** Whether {@code location} names a Hadoop file system other than the local one (a URI with a scheme but {@code file}). */
    static boolean remote(String location) {
        int colon = location.indexOf(":/");
        if (colon < 2) {
            return false; // no scheme, or a Windows drive letter
        }
        String scheme = location.substring(0, colon);
        return scheme.matches("[A-Za-z][A-Za-z0-9+.-]*") && !scheme.equalsIgnoreCase("file");
    }

    /** A non-remote location as a local path ({@code file:} URIs included). */
    static java.nio.file.Path local(String location) {
        if (location.regionMatches(true, 0, "file:/", 0, 6)) {
            return java.nio.file.Path.of(URI.create(location).getPath());
        }
        return java.nio.file.Path.of(location);
    }

    /** The commit protocol for {@code out} under {@code conf}. */
    static Commit commit(Path out, Configuration conf) {
        String scheme = out.toUri().getScheme() == null ? "file" : out.toUri().getScheme().toLowerCase(Locale.ROOT);
        for (String s : conf.getTrimmedStrings(DIRECT_SCHEMES)) {
            if (s.equalsIgnoreCase(scheme)) {
                return Commit.DIRECT;
            }
        }
        return OBJECT_STORES.contains(scheme) ? Commit.DIRECT : Commit.RENAME;
    }

    /** The file system of {@code p}; the raw local one for local paths (no {@code .crc} files beside outputs). */
    static FileSystem fs(Path p, Configuration conf) throws IOException {
        FileSystem fs = p.getFileSystem(conf);
        return fs instanceof org.apache.hadoop.fs.LocalFileSystem local ? local.getRaw() : fs;
    }

    /**
     * A stop request for a whole run, stage-in and commit included (decision 0040): {@link #request()}
     * (the driver's SIGTERM hook, or a test) cancels the stage-in or commit job that is running (its
     * tasks stop at their next block), or the run's own job ({@link RunJob#cancel()}); the run then ends
     * with {@link JobException.Reason#CANCELLED}, removes its stage and what it uploaded, and leaves the
     * key file as it was. Once the key file has been written the commit is past its point of no return:
     * a stop request then lets it finish (the report and the manifest: two small files).
     */
    static final class Stop {
        private volatile boolean requested;
        private volatile RunJob job;

        /** Asks the run to stop (any thread, any time, more than once). */
        void request() {
            requested = true;
            RunJob j = job;
            if (j != null) {
                j.cancel();
            }
        }

        boolean requested() {
            return requested;
        }

        /** Runs {@code j}, cancelled at once if a stop was requested before or while it runs. */
        RunResult run(RunJob j) throws JobException {
            job = j;
            if (requested) {
                j.cancel();
            }
            try {
                return j.run();
            } finally {
                job = null;
            }
        }

        void check(String where) throws JobException {
            if (requested) {
                throw cancelled(where);
            }
        }

        static JobException cancelled(String where) {
            return new JobException(JobException.Reason.CANCELLED, "run stopped during the " + where
                    + ": nothing was finalized, the key file is unchanged", null);
        }
    }

    /**
     * Faults a test injects into the stage-in or commit tasks: the first file of a partition is half
     * written, then the attempt fails (or, with {@code stall}, waits until Spark kills it, as a long copy
     * would when the run is stopped).
     */
    record IoFaults(boolean stageIn, boolean commit, boolean everyAttempt, boolean stall) implements Serializable {
        static final IoFaults NONE = new IoFaults(false, false, false);

        IoFaults(boolean stageIn, boolean commit, boolean everyAttempt) {
            this(stageIn, commit, everyAttempt, false);
        }

        boolean failNow(boolean commitJob, int attempt) {
            return (commitJob ? commit : stageIn) && (everyAttempt || attempt == 0);
        }

        /** After half a file: fails the attempt, or waits until the task is killed. */
        void fail(TaskContext task, String where) throws IOException {
            if (stall) {
                long until = System.nanoTime() + 120_000_000_000L;
                while (task != null && !task.isInterrupted() && System.nanoTime() < until) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                throw new java.util.concurrent.CancellationException("the task was killed");
            }
            throw new IOException("fault injected by a test in the " + where);
        }
    }

    /**
     * Where a run through a stage (decision 0028) makes it: {@code --stage}, or without it beside a local
     * output (decision 0039: the executors see the output's folder under the same path anyway, they write
     * the run's work folder into it). A run whose output or key file is on Hadoop and that has no
     * {@code --stage} has no stage at all ({@link #withoutStage}, decision 0041).
     *
     * @param given {@code --stage}, or null
     */
    static java.nio.file.Path stageRoot(String given, Locations where) {
        if (given != null) {
            return java.nio.file.Path.of(given).toAbsolutePath().normalize();
        }
        if (remote(where.out())) {
            throw new IllegalStateException("a run to a Hadoop output without --stage has no stage");
        }
        java.nio.file.Path out = local(where.out()).toAbsolutePath().normalize();
        return out.getParent() != null ? out.getParent() : out;
    }

    /**
     * Whether the run has no stage and no folder shared between the driver and the executors (decision
     * 0041): its output or key file is on Hadoop and no {@code --stage} is given. Its tasks then copy the
     * inputs they read into their own machine's scratch ({@value #EXECUTOR_SCRATCH}) and write the
     * transformed parts to the output's temporary prefix; the driver reads no input or output file.
     */
    static boolean withoutStage(String stageGiven, Locations where) {
        return stageGiven == null && (remote(where.out()) || (where.keyFile() != null && remote(where.keyFile())));
    }

    /**
     * Hadoop configuration key ({@code --conf spark.hadoop.deid.executor.scratch=DIR}): an absolute folder on
     * each executor's own disk (not shared) where tasks copy the inputs they read while they read them
     * (decision 0041); default {@code /tmp}. Put it on encrypted local disk.
     */
    static final String EXECUTOR_SCRATCH = "deid.executor.scratch";

    /** What the run was asked, as the command line gave it. */
    record Locations(List<String> inputs, String out, String keyFile) {
    }

    /**
     * Runs the request whose locations may be Hadoop URIs: staged in, run, committed (see the class).
     *
     * @param stageGiven {@code --stage}: where the stage folder is made (driver and executors must see it);
     *     null: chosen by {@link #stageRoot}
     * @param stop a stop request for the whole run, stage-in and commit included
     * @return the run's result; its paths are those of the stage (gone when this returns), its report the run's
     */
    static RunResult run(JavaSparkContext spark, Locations where, boolean createKeyFile, char[] passphrase,
            LoadedProfile profile, int partitions, String stageGiven, WorkerSetup.Faults faults,
            IoFaults ioFaults, Stop stop) throws JobException, IOException {
        Configuration conf = spark.hadoopConfiguration();
        Path out = qualified(where.out(), conf);
        Path key = where.keyFile() != null ? qualified(where.keyFile(), conf)
                : new Path(out.getParent(), out.getName() + ".deidkey");
        List<Path> inputs = new ArrayList<>();
        for (String in : where.inputs()) {
            inputs.add(qualified(in, conf));
        }
        checkLocations(inputs, out, key);
        // The key file and the output are staged when either is remote, so that nothing is written where the
        // user looks before every pass has succeeded. Both are checked before anything is read or copied.
        boolean staged = remote(where.out()) || (where.keyFile() != null && remote(where.keyFile()));
        FileSystem keyFs = fs(key, conf);
        FileSystem outFs = fs(out, conf);
        FileStatus keyBefore = null;
        boolean outExisted = false;
        if (staged) {
            keyBefore = status(keyFs, key);
            if (keyBefore == null && !createKeyFile) {
                throw new JobException(JobException.Reason.KEY_FILE_MISSING, "no such key file " + key
                        + "; create one with `deid init` and copy it there", null);
            }
            outExisted = checkOutput(outFs, out);
        }
        if (withoutStage(stageGiven, where)) {
            return runWithoutStage(spark, where, inputs, out, key, outFs, keyFs, keyBefore, outExisted, createKeyFile,
                    passphrase, profile, partitions, faults, ioFaults, stop);
        }
        java.nio.file.Path stageRoot = stageRoot(stageGiven, where);
        java.nio.file.Path stage;
        try {
            Files.createDirectories(stageRoot);
            stage = ownerOnly(stageRoot, ".deid-stage-");
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot make the stage folder in " + stageRoot + " ("
                    + e.getClass().getSimpleName() + "); give --stage DIR, a writable folder the driver and every"
                    + " executor see; nothing was read", e);
        }
        try {
            // 1. Inputs: remote ones listed here (paths and sizes), copied into the stage by a Spark job.
            List<java.nio.file.Path> localInputs = new ArrayList<>();
            List<Copy> copies = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                String given = where.inputs().get(i);
                if (!remote(given)) {
                    localInputs.add(local(given));
                    continue;
                }
                Path in = inputs.get(i);
                String name = in.getName().isEmpty() ? "input-" + (i + 1) : in.getName();
                java.nio.file.Path target = stage.resolve("in").resolve(Integer.toString(i + 1)).resolve(name);
                list(in, fs(in, conf), target, copies, given);
                localInputs.add(target);
            }
            stop.check("listing of the inputs");
            stageIn(spark, copies, stage.resolve("attempts"), partitions, ioFaults, stop);

            if (!staged) {
                RunRequest request = new RunRequest(localInputs, local(where.out()), where.keyFile() != null
                        ? local(where.keyFile()) : RunRequest.defaultKeyFile(local(where.out())), createKeyFile,
                        passphrase, profile, spark.defaultParallelism(), names(where.inputs(), inputs));
                return stop.run(DeidSpark.job(spark, request, partitions, faults));
            }
            java.nio.file.Path localKey = localKeyFile(stage, keyFs, key, keyBefore != null);
            java.nio.file.Path localOut = stage.resolve("out").resolve(out.getName());
            RunRequest request = new RunRequest(localInputs, localOut, localKey, createKeyFile, passphrase, profile,
                    spark.defaultParallelism(), names(where.inputs(), inputs));
            RunResult result = stop.run(DeidSpark.job(spark, request, partitions, faults));
            stop.check("run's end");

            // 3. Commit: the output files, then the key file, then the report, the manifest last. A stop
            // request is heeded until the key file is written (then the commit finishes: two small files).
            FileStatus keySeen = keyBefore;
            commitOrUndo(outFs, out, outExisted, stop, () -> {
                commitOutput(spark, localOut, out, outFs, partitions, ioFaults, stop);
                stop.check("commit");
                commitLast(where, key, keyFs, keySeen, localKey, out, outFs, localOut, conf);
            });
            return result;
        } finally {
            Folders.deleteTree(stage);
        }
    }

    /** The commit's last steps: the key file (unless it changed meanwhile), the report, the manifest last. */
    private static void commitLast(Locations where, Path key, FileSystem keyFs, FileStatus keyBefore,
            java.nio.file.Path localKey, Path out, FileSystem outFs, java.nio.file.Path localOut, Configuration conf)
            throws IOException {
        FileStatus keyNow = status(keyFs, key);
        if (!sameFile(keyBefore, keyNow)) {
            throw new IOException("the key file " + key + " changed while the run was running (another run?);"
                    + " it was not written");
        }
        if (where.keyFile() != null && !remote(where.keyFile())) {
            org.deidworkbench.io.AtomicFiles.write(local(where.keyFile()), Files.readAllBytes(localKey));
        } else {
            writeWhole(keyFs, key, Files.readAllBytes(localKey), conf, keyBefore != null);
        }
        writeWhole(outFs, new Path(out, RunJob.REPORT), Files.readAllBytes(localOut.resolve(RunJob.REPORT)),
                conf, false);
        writeWhole(outFs, new Path(out, RunJob.MANIFEST), Files.readAllBytes(localOut.resolve(
                RunJob.MANIFEST)), conf, false);
    }

    /**
     * Where the driver's run reads and writes the key file: {@code <folder>/key/<name>}, a copy of the key file
     * from its file system when it {@code exists} (a new key file is made there by the run).
     */
    private static java.nio.file.Path localKeyFile(java.nio.file.Path folder, FileSystem keyFs, Path key,
            boolean exists) throws IOException {
        java.nio.file.Path localKey = folder.resolve("key").resolve(key.getName());
        Files.createDirectories(localKey.getParent());
        if (exists) {
            try (InputStream is = keyFs.open(key)) {
                Files.copy(is, localKey);
            }
        }
        return localKey;
    }

    /** A commit's steps; anything they throw undoes what the commit wrote. */
    @FunctionalInterface
    private interface CommitSteps {
        void run() throws JobException, IOException;
    }

    /**
     * Runs the commit's steps; when one fails, removes what was written to {@code out} (all of it when the
     * run made the folder) and throws: the step's own {@link JobException}, or a commit failure naming
     * {@code out} (a cancel when a stop was requested).
     */
    private static void commitOrUndo(FileSystem outFs, Path out, boolean outExisted, Stop stop, CommitSteps steps)
            throws JobException {
        try {
            steps.run();
        } catch (JobException e) {
            undoOutput(outFs, out, outExisted);
            throw e;
        } catch (IOException | RuntimeException e) {
            undoOutput(outFs, out, outExisted);
            throw commitFailed(out, e, stop);
        }
    }

    private static JobException commitFailed(Path out, Exception e, Stop stop) {
        if (stop.requested()) {
            return Stop.cancelled("commit");
        }
        return new JobException(JobException.Reason.IO_ERROR, "cannot commit the output to " + out + ": "
                + (e instanceof IOException && e.getMessage() != null && !(e instanceof FileNotFoundException)
                        ? e.getMessage() : e.getClass().getSimpleName())
                + "; nothing there looks finished (no " + RunJob.MANIFEST + ")", e);
    }

    /**
     * A run with a Hadoop output or key file and no {@code --stage} (decision 0041): no folder is shared
     * between the driver and the executors. The driver lists the inputs through Hadoop and knows each file
     * by a task path ({@link RemoteFiles}); the formats are detected, the CSV samples taken and every
     * pass run in Spark tasks that copy the files they read into their own machine's scratch and upload
     * the transformed parts under {@code <out>/_deid-temporary/<run>/}; the driver keeps the key file,
     * the report and the manifest in a scratch folder of its own. Commit: the parts are renamed into place
     * (or, on object stores, copied there by a Spark job), then the key file, the report, the manifest.
     */
    private static RunResult runWithoutStage(JavaSparkContext spark, Locations where, List<Path> inputs, Path out,
            Path key, FileSystem outFs, FileSystem keyFs, FileStatus keyBefore, boolean outExisted,
            boolean createKeyFile, char[] passphrase, LoadedProfile profile, int partitions,
            WorkerSetup.Faults faults, IoFaults ioFaults, Stop stop) throws JobException, IOException {
        Configuration conf = spark.hadoopConfiguration();
        String scratch = conf.getTrimmed(EXECUTOR_SCRATCH, "/tmp");
        if (!java.nio.file.Path.of(scratch).isAbsolute()) {
            throw new JobException(JobException.Reason.IO_ERROR, "spark.hadoop." + EXECUTOR_SCRATCH + " must be an absolute folder of the"
                    + " executors' own disks; nothing was read", null);
        }
        String runId = UUID.randomUUID().toString();
        String base = java.nio.file.Path.of(scratch, "deid-spark-" + runId).normalize().toString();
        java.nio.file.Path driverScratch = java.nio.file.Path.of(org.apache.spark.SparkFiles.getRootDirectory());
        java.nio.file.Path driverRoot;
        try {
            driverRoot = ownerOnly(driverScratch, ".deid-run-");
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "cannot make the driver's scratch folder in "
                    + driverScratch + " (" + e.getClass().getSimpleName() + "); nothing was read", e);
        }
        Path temp = new Path(new Path(out, TEMPORARY), runId);
        boolean direct = commit(out, conf) == Commit.DIRECT;
        try {
            // 1. The inputs listed through Hadoop (paths and sizes), each known by its task path from now on.
            List<RemoteFiles.Root> roots = new ArrayList<>();
            List<java.nio.file.Path> taskInputs = new ArrayList<>();
            List<org.deidworkbench.job.FilePasses.Listed> listed = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                Path in = inputs.get(i);
                String name = in.getName().isEmpty() ? "input-" + (i + 1) : in.getName();
                String root = base + "/in/" + (i + 1) + "/" + name;
                roots.add(new RemoteFiles.Root(root, in.toString()));
                taskInputs.add(java.nio.file.Path.of(root));
                listForTasks(in, fs(in, conf), root, i + 1, listed, where.inputs().get(i));
            }
            stop.check("listing of the inputs");
            java.nio.file.Path localKey = localKeyFile(driverRoot, keyFs, key, keyBefore != null);
            java.nio.file.Path localOut = driverRoot.resolve("out").resolve(out.getName());
            RemoteFiles remote = new RemoteFiles(new Conf(conf), roots, base, temp.toString(), direct, ioFaults);
            SparkPasses passes = new SparkPasses(spark, ProfileSource.of(profile), partitions, faults, remote, listed);
            RunRequest request = new RunRequest(taskInputs, localOut, localKey, createKeyFile, passphrase, profile,
                    spark.defaultParallelism(), names(where.inputs(), inputs));
            RunResult result;
            try {
                result = stop.run(new RunJob(request, org.deidworkbench.job.RunListener.NONE, passes));
                stop.check("run's end");
            } catch (JobException e) {
                undoOutput(outFs, out, outExisted); // the parts and scan index the tasks uploaded
                throw e;
            }

            // 2. Commit: the parts into place, the files the driver made (a regenerated DICOMDIR), then the key
            // file, the report, the manifest last.
            commitOrUndo(outFs, out, outExisted, stop, () -> {
                placeParts(spark, passes.placed(), out, outFs, direct, partitions, ioFaults, stop);
                uploadFromDriver(localOut, out, outFs, conf, stop);
                outFs.delete(new Path(out, TEMPORARY), true);
                stop.check("commit");
                commitLast(where, key, keyFs, keyBefore, localKey, out, outFs, localOut, conf);
            });
            return result;
        } catch (IOException | RuntimeException e) {
            undoOutput(outFs, out, outExisted);
            throw e;
        } finally {
            Folders.deleteTree(driverRoot);
        }
    }

    /** Lists one input through its file system for a run without a stage: each file under its task path. */
    private static void listForTasks(Path in, FileSystem fs, String root, int input,
            List<org.deidworkbench.job.FilePasses.Listed> listed, String given) throws JobException, IOException {
        eachFile(in, fs, given, (file, relative) -> listed.add(new org.deidworkbench.job.FilePasses.Listed(
                java.nio.file.Path.of(relative == null ? root : root + "/" + relative), input, file.getLen())));
    }

    /** Receives each file of an input, with its path relative to the input (null: the input is the file). */
    @FunctionalInterface
    private interface EachFile {
        void accept(FileStatus file, String relative) throws IOException;
    }

    /**
     * Walks one input through its file system: the input itself when it is a file, else every file below it.
     *
     * @return whether the input is a folder
     */
    private static boolean eachFile(Path in, FileSystem fs, String given, EachFile each)
            throws JobException, IOException {
        FileStatus st = status(fs, in);
        if (st == null) {
            throw new JobException(JobException.Reason.INPUT_NOT_FOUND, "input not found: " + given, null);
        }
        if (!st.isDirectory()) {
            each.accept(st, null);
            return false;
        }
        String folder = st.getPath().toUri().getPath();
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(in, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String path = f.getPath().toUri().getPath();
            if (!path.startsWith(prefix)) {
                throw new IOException("the listing of " + given + " named a file outside it");
            }
            each.accept(f, path.substring(prefix.length()));
        }
        return true;
    }

    /**
     * The transformed parts into place under {@code out}: renamed by the driver where renames are atomic
     * (one NameNode operation each), copied by a Spark job ({@value #COMMIT}) on object stores (no rename
     * there; a retried attempt writes the same bytes to the same name).
     */
    private static void placeParts(JavaSparkContext spark, List<SparkPasses.Placed> placed, Path out,
            FileSystem outFs, boolean direct, int partitions, IoFaults faults, Stop stop)
            throws IOException, JobException {
        outFs.mkdirs(out);
        if (placed.isEmpty()) {
            return;
        }
        if (!direct) {
            java.util.Set<Path> made = new java.util.HashSet<>();
            for (SparkPasses.Placed p : placed) {
                stop.check("commit");
                Path target = new Path(out, new Path(null, null, p.name()));
                if (made.add(target.getParent())) {
                    outFs.mkdirs(target.getParent());
                }
                if (!outFs.rename(new Path(p.part()), target)) {
                    throw new IOException("cannot rename a transformed part into place under " + out);
                }
            }
            return;
        }
        List<Upload> copies = new ArrayList<>();
        for (SparkPasses.Placed p : placed) {
            copies.add(new Upload(p.part(), p.name()));
        }
        String into = out.toString();
        Broadcast<Conf> conf = spark.broadcast(new Conf(spark.hadoopConfiguration()));
        try (GroupWatch watch = new GroupWatch(spark, COMMIT, "deid: commit, " + copies.size()
                + " file(s) copied into place", stop)) {
            watch.run(out, () -> spark.parallelize(copies, Math.max(1, Math.min(copies.size(), partitions)))
                    .foreachPartition(it -> {
                TaskContext task = TaskContext.get();
                int attempt = task == null ? 0 : task.attemptNumber();
                while (it.hasNext()) {
                    Upload u = it.next();
                    Path from = new Path(u.from());
                    Path target = new Path(new Path(into), new Path(null, null, u.relative()));
                    try (InputStream is = fs(from, conf.value().get()).open(from)) {
                        upload(fs(target, conf.value().get()), target, task, os -> {
                            if (faults.failNow(true, attempt)) {
                                os.write(is.readNBytes(1 << 10));
                                os.flush();
                                faults.fail(task, "commit");
                            }
                            copy(is, os, task);
                        });
                    }
                }
            }));
        } catch (Exception e) { // SparkException is thrown unchecked from Scala
            stop.check("commit");
            throw new IOException("the Spark job of the commit failed (" + e.getClass().getSimpleName()
                    + "; the Spark driver's log says which task and why)", e);
        } finally {
            conf.destroy();
        }
    }

    /** Files the driver's run made itself (a regenerated DICOMDIR), but the report and manifest: uploaded from the driver. */
    private static void uploadFromDriver(java.nio.file.Path localOut, Path out, FileSystem outFs, Configuration conf,
            Stop stop) throws IOException, JobException {
        if (!Files.isDirectory(localOut)) {
            return;
        }
        List<java.nio.file.Path> made;
        try (Stream<java.nio.file.Path> walk = Files.walk(localOut)) {
            made = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (java.nio.file.Path p : made) {
            String rel = localOut.relativize(p).toString().replace('\\', '/');
            if (rel.equals(RunJob.MANIFEST) || rel.equals(RunJob.REPORT) || rel.startsWith(RunJob.WORK_DIR + "/")) {
                continue;
            }
            stop.check("commit");
            Path target = new Path(out, new Path(null, null, rel));
            outFs.mkdirs(target.getParent());
            writeWhole(outFs, target, Files.readAllBytes(p), conf, false);
        }
    }

    /** The key file's run record names remote inputs by their URIs, local ones by their paths. */
    private static List<String> names(List<String> given, List<Path> qualified) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            names.add(remote(given.get(i)) ? qualified.get(i).toString()
                    : local(given.get(i)).toAbsolutePath().normalize().toString());
        }
        return names;
    }

    private static Path qualified(String location, Configuration conf) throws IOException {
        Path p = remote(location) ? new Path(location) : new Path(local(location).toAbsolutePath().normalize().toUri());
        return fs(p, conf).makeQualified(p);
    }

    /** {@code deid run}'s checks, on URIs: no overlap of output, inputs and key file. */
    private static void checkLocations(List<Path> inputs, Path out, Path key) throws JobException {
        if (inside(key, out)) {
            throw new JobException(JobException.Reason.KEY_FILE_INSIDE_OUTPUT, "the key file " + key
                    + " must not be inside the output folder, or shipping the folder would ship the key", null);
        }
        for (Path in : inputs) {
            if (inside(out, in) || inside(in, out)) {
                throw new JobException(JobException.Reason.OUTPUT_OVERLAPS_INPUT, "the output folder " + out
                        + " and the input " + in + " overlap; choose an output folder outside the inputs", null);
            }
            if (inside(key, in)) {
                throw new JobException(JobException.Reason.OUTPUT_OVERLAPS_INPUT, "the key file " + key
                        + " must not be inside the input " + in, null);
            }
        }
    }

    private static boolean inside(Path p, Path folder) {
        String a = p.toString();
        String b = folder.toString();
        return a.equals(b) || a.startsWith(b.endsWith("/") ? b : b + "/");
    }

    /** A remote output must be new or empty (an object store has no cheap way to replace a tree); whether it existed. */
    private static boolean checkOutput(FileSystem fs, Path out) throws JobException, IOException {
        FileStatus st = status(fs, out);
        if (st == null) {
            return false;
        }
        if (!st.isDirectory() || fs.listStatus(out).length > 0) {
            throw new JobException(JobException.Reason.OUTPUT_NOT_EMPTY, "the output " + out + " exists and is not an"
                    + " empty folder; a run to a Hadoop file system writes into a new or empty folder", null);
        }
        return true;
    }

    private static FileStatus status(FileSystem fs, Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static boolean sameFile(FileStatus before, FileStatus now) {
        if (before == null || now == null) {
            return before == now;
        }
        return before.getLen() == now.getLen() && before.getModificationTime() == now.getModificationTime();
    }

    /** A file to copy: from a URI to a path of the stage. */
    record Copy(String from, String to, long size) implements Serializable {
    }

    /** A file to upload: from the staged output to its name under the output folder. */
    record Upload(String from, String relative) implements Serializable {
    }

    private static void list(Path in, FileSystem fs, java.nio.file.Path target, List<Copy> copies, String given)
            throws JobException, IOException {
        boolean folder = eachFile(in, fs, given, (file, relative) -> copies.add(new Copy(file.getPath().toString(),
                (relative == null ? target : target.resolve(relative)).toString(), file.getLen())));
        if (folder) {
            Files.createDirectories(target); // an empty input folder is staged too
        }
    }

    /** The job's Hadoop configuration as it travels to executors (a {@link Configuration} is not serializable). */
    static final class Conf implements Serializable {
        private static final long serialVersionUID = 1L;
        private transient Configuration conf;

        Conf(Configuration conf) {
            this.conf = conf;
        }

        Configuration get() {
            return conf;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            conf.write(new DataOutputStream(out));
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            conf = new Configuration(false);
            conf.readFields(new DataInputStream(in));
        }
    }

    /** The stage-in job: each file read through its file system as a stream into the stage, under its attempt's name, then renamed. */
    private static void stageIn(JavaSparkContext spark, List<Copy> copies, java.nio.file.Path attempts,
            int partitions, IoFaults faults, Stop stop) throws IOException, JobException {
        if (copies.isEmpty()) {
            return;
        }
        // Attempts write beside the staged inputs, never inside them: a failed attempt's file is not an input.
        Files.createDirectories(attempts);
        String attemptsFolder = attempts.toString();
        Broadcast<Conf> conf = spark.broadcast(new Conf(spark.hadoopConfiguration()));
        try (GroupWatch watch = new GroupWatch(spark, STAGE_IN, "deid: stage-in, " + copies.size() + " file(s)",
                stop)) {
            watch.run(attempts, () -> spark.parallelize(copies, Math.max(1, Math.min(copies.size(), partitions)))
                    .foreachPartition(it -> {
                TaskContext task = TaskContext.get();
                int attempt = task == null ? 0 : task.attemptNumber();
                String attemptId = task == null ? "0" : Long.toString(task.taskAttemptId());
                int n = 0;
                while (it.hasNext()) {
                    Copy c = it.next();
                    Path from = new Path(c.from());
                    java.nio.file.Path to = java.nio.file.Path.of(c.to());
                    Files.createDirectories(to.getParent());
                    java.nio.file.Path temp = java.nio.file.Path.of(attemptsFolder, attemptId + "-" + n++);
                    try (InputStream is = fs(from, conf.value().get()).open(from);
                            FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                                    StandardOpenOption.WRITE)) {
                        OutputStream os = Channels.newOutputStream(ch);
                        if (faults.failNow(false, attempt)) {
                            os.write(is.readNBytes((int) Math.min(c.size() / 2, 1 << 20)));
                            faults.fail(task, "stage-in");
                        }
                        copy(is, os, task);
                        ch.force(false);
                    }
                    Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }));
        } catch (Exception e) { // SparkException is thrown unchecked from Scala
            stop.check("stage-in");
            throw new JobException(JobException.Reason.IO_ERROR, "the Spark job of the stage-in failed ("
                    + e.getClass().getSimpleName() + "; the Spark driver's log says which task and why); nothing was"
                    + " written", e);
        } finally {
            conf.destroy();
        }
    }

    /**
     * Copies a stream in 1 MiB blocks, stopping when Spark has killed the task (its job was cancelled: the
     * run was stopped); the attempt's file is then never used (stage-in: not renamed in; commit: not
     * renamed into place, or removed with the output).
     */
    static void copy(InputStream in, OutputStream out, TaskContext task) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int n;
        while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
            if (task != null && task.isInterrupted()) {
                throw new java.util.concurrent.CancellationException("the task was killed");
            }
            out.write(buffer, 0, n);
        }
    }

    /**
     * While a stage-in or commit job runs: the calling thread's job group, and once a stop is requested
     * its job group cancelled every 50 ms until the job has ended (a request that comes before Spark has
     * the job would otherwise miss it). When the job fails or is cancelled, {@link #awaitTasks} waits for
     * the tasks Spark killed before anything they wrote is removed (decision 0086).
     */
    private static final class GroupWatch implements AutoCloseable {
        private final JavaSparkContext spark;
        private final String group;
        private final GroupTasks tasks;
        private final java.util.concurrent.ScheduledExecutorService timer;

        GroupWatch(JavaSparkContext spark, String group, String description, Stop stop) {
            this.spark = spark;
            this.group = group;
            this.tasks = new GroupTasks(group);
            spark.sc().addSparkListener(tasks);
            spark.setJobGroup(group, description, false);
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "deid-spark-stop-watch");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                if (stop.requested()) {
                    spark.cancelJobGroup(group);
                }
            }, 0, 50, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        /**
         * Runs the group's job; when it fails or is cancelled, waits for its tasks ({@link #awaitTasks})
         * before the failure reaches the code that removes what they wrote under {@code where}.
         */
        <T> T run(Object where, java.util.concurrent.Callable<T> job) throws Exception {
            try {
                return job.call();
            } catch (Exception e) { // SparkException is thrown unchecked from Scala
                awaitTasks(where);
                throw e;
            }
        }

        /** {@link #run(Object, java.util.concurrent.Callable)} of a job without a result. */
        void run(Object where, Runnable job) throws Exception {
            run(where, () -> {
                job.run();
                return null;
            });
        }

        /**
         * After the group's job failed or was cancelled: returns once every task of it has ended (a killed
         * task runs on until its next check, and may still write, complete or abort an upload), or after
         * {@link #TASKS_END_WAIT_MILLIS} with a warning naming {@code where} (a task stuck in I/O; the
         * driver's stop hook waits a minute in all).
         */
        void awaitTasks(Object where) {
            timer.shutdownNow();
            spark.clearJobGroup();
            tasks.awaitEndedOrWarn(spark, where);
        }

        @Override
        public void close() {
            timer.shutdownNow();
            spark.clearJobGroup();
            spark.sc().removeSparkListener(tasks);
        }
    }

    /** How long the driver waits for a failed or stopped job's tasks to end before it removes what they wrote. */
    static final long TASKS_END_WAIT_MILLIS = 30_000;

    /** Uploads every staged output file but the report and manifest (written last, by the driver). */
    private static void commitOutput(JavaSparkContext spark, java.nio.file.Path localOut, Path out, FileSystem outFs,
            int partitions, IoFaults faults, Stop stop) throws IOException, JobException {
        List<Upload> uploads = new ArrayList<>();
        try (Stream<java.nio.file.Path> walk = Files.walk(localOut)) {
            for (java.nio.file.Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = localOut.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(RunJob.MANIFEST) && !rel.equals(RunJob.REPORT)) {
                    uploads.add(new Upload(p.toString(), rel));
                }
            }
        }
        outFs.mkdirs(out);
        if (uploads.isEmpty()) {
            return;
        }
        Commit protocol = commit(out, spark.hadoopConfiguration());
        Path temporary = new Path(new Path(out, TEMPORARY), UUID.randomUUID().toString());
        String into = (protocol == Commit.DIRECT ? out : temporary).toString();
        Broadcast<Conf> conf = spark.broadcast(new Conf(spark.hadoopConfiguration()));
        List<String[]> written;
        try (GroupWatch watch = new GroupWatch(spark, COMMIT, "deid: commit, " + uploads.size() + " file(s) to "
                + protocol, stop)) {
            written = watch.run(out, () -> spark.parallelize(uploads, Math.max(1, Math.min(uploads.size(), partitions)))
                    .mapPartitions(it -> upload(it, protocol, into, conf.value().get(), faults)).collect());
        } catch (Exception e) { // SparkException is thrown unchecked from Scala
            stop.check("commit");
            throw new IOException("the Spark job of the commit failed (" + e.getClass().getSimpleName()
                    + "; the Spark driver's log says which task and why)", e);
        } finally {
            conf.destroy();
        }
        if (protocol == Commit.RENAME) {
            // Only the attempt whose result Spark returned is renamed into place; the others go with the prefix.
            for (String[] w : written) {
                stop.check("commit");
                Path target = new Path(out, w[0]);
                outFs.mkdirs(target.getParent());
                if (!outFs.rename(new Path(w[1]), target)) {
                    throw new IOException("cannot rename an uploaded file into place under " + out);
                }
            }
            outFs.delete(new Path(out, TEMPORARY), true);
        }
    }

    /** On an executor: uploads a partition's files as streams; returns each file's relative name and where it went. */
    private static Iterator<String[]> upload(Iterator<Upload> files, Commit protocol, String into, Configuration conf,
            IoFaults faults) throws IOException {
        TaskContext task = TaskContext.get();
        int attempt = task == null ? 0 : task.attemptNumber();
        String attemptId = task == null ? "0" : Long.toString(task.taskAttemptId());
        Path base = protocol == Commit.DIRECT ? new Path(into) : new Path(into, "attempt-" + attemptId);
        FileSystem fs = fs(base, conf);
        List<String[]> out = new ArrayList<>();
        while (files.hasNext()) {
            Upload u = files.next();
            Path target = new Path(base, u.relative());
            try (InputStream is = Files.newInputStream(java.nio.file.Path.of(u.from()))) {
                upload(fs, target, task, os -> {
                    if (faults.failNow(true, attempt)) {
                        os.write(is.readNBytes((int) Math.min(Files.size(java.nio.file.Path.of(u.from())) / 2,
                                1 << 20)));
                        os.flush();
                        faults.fail(task, "commit");
                    }
                    copy(is, os, task);
                    if (protocol == Commit.RENAME) {
                        os.hsync(); // an object store's upload completes on close; S3A has no hsync
                    }
                });
            }
            out.add(new String[] {u.relative(), target.toString()});
        }
        return out.iterator();
    }

    /** What a task writes into one upload's stream. */
    @FunctionalInterface
    interface StreamBody {
        void write(FSDataOutputStream os) throws IOException;
    }

    /**
     * On an executor: one file uploaded to {@code target} (decision 0086). The upload is completed (its
     * stream closed: on an object store the object then appears, whole) only when {@code body} returned
     * and Spark has not killed the task; otherwise it is abandoned: aborted where the stream can be
     * (S3A: no object appears, not even a truncated one), closed where it cannot (a file system that
     * shows a file from its creation, or a store without abort: the driver removes what such a task
     * left once the task has ended, {@link GroupWatch#awaitTasks}).
     */
    static void upload(FileSystem fs, Path target, TaskContext task, StreamBody body) throws IOException {
        FSDataOutputStream os = fs.create(target, true);
        try {
            body.write(os);
            if (task != null && task.isInterrupted()) {
                throw new java.util.concurrent.CancellationException("the task was killed");
            }
        } catch (Throwable t) {
            abandon(os, t);
            throw t;
        }
        os.close();
    }

    /** An upload that must not complete: aborted if its stream can be, else closed; errors go with {@code cause}. */
    private static void abandon(FSDataOutputStream os, Throwable cause) {
        try {
            if (os.hasCapability(org.apache.hadoop.fs.StreamCapabilities.ABORTABLE_STREAM)) {
                os.abort();
            } else {
                os.close();
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Writes a whole small file (key file, report, manifest) as atomically as its file system allows.
     * Where renames are atomic: written to a temporary name beside it, then renamed into place (over an
     * existing file: the old one renamed aside first, the new one renamed in, the old one deleted — a
     * reader in between finds the file missing, never half-written; a failure puts the old one back).
     * On object stores: one upload, which the store makes visible whole or not at all.
     *
     * @param replace whether the file exists and is replaced (otherwise it must not exist)
     */
    static void writeWhole(FileSystem fs, Path target, byte[] bytes, Configuration conf, boolean replace)
            throws IOException {
        if (commit(target, conf) == Commit.DIRECT) {
            try (FSDataOutputStream os = fs.create(target, replace)) {
                os.write(bytes);
            }
            return;
        }
        String id = UUID.randomUUID().toString();
        Path temp = new Path(target.getParent(), "." + target.getName() + ".deid-tmp-" + id);
        try (FSDataOutputStream os = fs.create(temp, false)) {
            fs.setPermission(temp, new org.apache.hadoop.fs.permission.FsPermission((short) 0600));
            os.write(bytes);
            os.hsync();
        }
        Path aside = null;
        if (replace) {
            aside = new Path(target.getParent(), "." + target.getName() + ".deid-previous-" + id);
            if (!fs.rename(target, aside)) {
                fs.delete(temp, false);
                throw new IOException("cannot replace " + target);
            }
        }
        if (!fs.rename(temp, target)) {
            if (aside != null) {
                fs.rename(aside, target);
            }
            fs.delete(temp, false);
            throw new IOException("cannot write " + target + " (exists already?)");
        }
        if (aside != null) {
            fs.delete(aside, false);
        }
    }

    /** After a failed commit: the remote output as it was (new or empty), with nothing the run uploaded. */
    private static void undoOutput(FileSystem fs, Path out, boolean existed) {
        try {
            if (!existed) {
                fs.delete(out, true);
            } else if (fs.exists(out)) {
                for (FileStatus st : fs.listStatus(out)) {
                    fs.delete(st.getPath(), true);
                }
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(HadoopRun.class).warn("could not remove the uncommitted output in {} ({})",
                    out, e.getClass().getSimpleName());
        }
    }

    /** An owner-only new folder in {@code parent}. */
    private static java.nio.file.Path ownerOnly(java.nio.file.Path parent, String prefix) throws IOException {
        if (parent.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(parent, prefix, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(parent, prefix);
    }
}
