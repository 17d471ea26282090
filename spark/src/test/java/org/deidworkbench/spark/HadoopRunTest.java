package org.deidworkbench.spark;

import static org.deidworkbench.spark.SparkTests.SAMPLE;
import static org.deidworkbench.spark.SparkTests.assertSameKeyEntries;
import static org.deidworkbench.spark.SparkTests.assertSameOutput;
import static org.deidworkbench.spark.SparkTests.newKeyFile;
import static org.deidworkbench.spark.SparkTests.profile;
import static org.deidworkbench.spark.TestFileSystems.uri;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code deid-spark run} with inputs, output and key file as Hadoop URIs ({@link HadoopRun}, decision
 * 0028), on file systems of the tests' own schemes ({@link TestFileSystems}): {@code deidobj://} has
 * no rename (an object store: direct commit), {@code deidren://} renames (HDFS-like: commit through a
 * job-temporary prefix). Output and key file entries as {@code deid run}'s on the same files, with
 * retried stage-in and commit tasks; a failed commit leaves nothing that looks finished and the key file as it was.
 */
class HadoopRunTest {

    @TempDir
    Path tmp;

    @BeforeAll
    static void schemes() {
        TestFileSystems.register(SparkTests.spark().hadoopConfiguration());
        SparkTests.spark().sc().addSparkListener(TestFileSystems.JOB_STARTS);
    }

    @AfterAll
    static void noMoreJobCounts() {
        SparkTests.spark().sc().removeSparkListener(TestFileSystems.JOB_STARTS);
    }

    /**
     * Where the tasks of a run without a stage copy the inputs they read (decision 0041): a folder of this
     * test's, which the driver never makes or reads, so that what is left there after a run is seen.
     */
    private Path executorScratch() throws Exception {
        Path scratch = Files.createDirectories(tmp.resolve("executor-scratch"));
        SparkTests.spark().hadoopConfiguration().set(HadoopRun.EXECUTOR_SCRATCH, scratch.toString());
        return scratch;
    }

    /** The driver's own scratch folders of runs without a stage (key file while sealed, report, manifest). */
    private static long driverScratchFolders() throws Exception {
        try (Stream<Path> list = Files.list(Path.of(org.apache.spark.SparkFiles.getRootDirectory()))) {
            return list.filter(p -> p.getFileName().toString().startsWith(".deid-run-")).count();
        }
    }

    private static long filesUnder(Path root) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    /** A run with {@code --stage tmp/stage}. */
    private RunResult hadoopRun(List<String> inputs, String out, String key, LoadedProfile profile, int partitions,
            HadoopRun.IoFaults faults) throws Exception {
        return hadoopRun(inputs, out, key, profile, partitions, tmp.resolve("stage").toString(), faults,
                new HadoopRun.Stop());
    }

    private static RunResult hadoopRun(List<String> inputs, String out, String key, LoadedProfile profile,
            int partitions, String stage, HadoopRun.IoFaults faults, HadoopRun.Stop stop) throws Exception {
        return HadoopRun.run(SparkTests.spark(), new HadoopRun.Locations(inputs, out, key), false,
                SparkTests.PASSPHRASE, profile, partitions, stage, WorkerSetup.Faults.NONE, faults, stop);
    }

    /** The stages a run without {@code --stage} and with a Hadoop output made in local mode (Spark's scratch folder on the driver). */
    private static long stagesInSparkScratch() throws Exception {
        try (Stream<Path> list = Files.list(Path.of(org.apache.spark.SparkFiles.getRootDirectory()))) {
            return list.filter(p -> p.getFileName().toString().startsWith(".deid-stage-")).count();
        }
    }

    private static long count(Path root, String nameContains) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().contains(nameContains)).count();
        }
    }

    @Test
    void sampleDataThroughAnObjectStoreWithoutRenameWithRetriedTasksGivesDeidRunsOutputAndKeyEntries()
            throws Exception {
        // The sample folders themselves, read through the object store's scheme (never written).
        List<Path> inputs = SparkTests.SAMPLE_INPUTS;
        SparkTests.Reference reference = SparkTests.reference(inputs, "csv-template");
        RunResult expected = reference.result();
        Path sparkKey = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        Path scratch = executorScratch();
        TestFileSystems.reset();
        int stageJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(HadoopRun.STAGE_IN).length;

        // The first attempt of every task that copies an input to its scratch, and of every commit task, writes
        // part of a file and fails; Spark retries it. No --stage: no stage at all (decision 0041).
        RunResult actual = hadoopRun(inputs.stream().map(p -> uri("deidobj", p)).toList(),
                uri("deidobj", tmp.resolve("bucket/out")), uri("deidobj", sparkKey), profile("csv-template"), 3,
                null, new HadoopRun.IoFaults(true, true, false), new HadoopRun.Stop());

        assertEquals(expected.files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(reference.out(), tmp.resolve("bucket/out"));
        assertSameKeyEntries(reference, sparkKey);
        long written = expected.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN).count();
        assertTrue(TestFileSystems.OPENS.get() >= expected.files().size() + 1,
                "every input file and the key file were read through the Hadoop file system: " + TestFileSystems.OPENS);
        assertTrue(TestFileSystems.CREATES.get() >= written + 3,
                "every output, the report, the manifest and the key file were written through it: "
                        + TestFileSystems.CREATES);
        assertEquals(0, TestFileSystems.RENAMES.get(), "nothing was renamed on the object store");
        var run = org.deidworkbench.keyfile.KeyFileStore.open(sparkKey, SparkTests.PASSPHRASE).runs().get(0);
        assertTrue(run.files().stream().allMatch(m -> m.source().startsWith("deidobj:" + SAMPLE + "/")),
                "the key file's run record names the inputs by their URIs: " + run.files().get(0).source());
        assertEquals(stageJobs, SparkTests.spark().statusTracker().getJobIdsForGroup(HadoopRun.STAGE_IN).length,
                "no stage-in: the tasks read the inputs themselves");
        assertEquals(0, count(tmp.resolve("bucket"), "attempt") + count(tmp.resolve("bucket"), "deid-tmp")
                + count(tmp.resolve("bucket"), HadoopRun.TEMPORARY), "no attempt's or temporary file is left");
        assertEquals(0, stagesInSparkScratch() + driverScratchFolders(), "no stage, and the driver's scratch is gone");
        assertEquals(0, filesUnder(scratch), "no task left a copy of an input in its scratch");
    }

    @Test
    void aProvenanceReadThroughTheObjectStoreTakesItsTargetsPatientAsInDeidRun() throws Exception {
        // Decision 0215: pass 0 reads the Provenance file as a piece, on an executor that copies it from the store
        // first; the driver could not open it. Without the piece the Provenance kept the run's offset.
        Path in = Files.createDirectories(tmp.resolve("provenance-in"));
        SparkTests.writeProvenanceExport(in, 6);
        SparkTests.Reference reference = SparkTests.reference(List.of(in), "fhir-safe-harbor");
        Path sparkKey = newKeyFile(tmp.resolve("keys/provenance.deidkey"));

        RunResult actual = hadoopRun(List.of(uri("deidobj", in)), uri("deidobj", tmp.resolve("bucket/provenance")),
                uri("deidobj", sparkKey), profile("fhir-safe-harbor"), 3, null,
                new HadoopRun.IoFaults(false, false, false), new HadoopRun.Stop());

        assertEquals(reference.result().files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(reference.out(), tmp.resolve("bucket/provenance"));
        assertSameKeyEntries(reference, sparkKey);
        SparkTests.assertProvenanceOnItsObservationsDay(tmp.resolve("bucket/provenance"));
    }

    @Test
    void generatedTablesAndStudiesThroughARenamingFileSystemGiveDeidRunsOutputAndKeyEntries() throws Exception {
        // 4,000 rows of related tables and 120 DICOM files of 40 patients; the output is committed through a
        // job-temporary prefix and renames; the key file is replaced by rename.
        List<Path> inputs = SparkTests.generated();
        SparkTests.Reference reference = SparkTests.reference(inputs, SparkTests.generatedProfile());
        Path sparkKey = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        TestFileSystems.reset();

        RunResult actual = hadoopRun(inputs.stream().map(p -> uri("deidren", p)).toList(),
                uri("deidren", tmp.resolve("hdfs/out")), uri("deidren", sparkKey),
                profile(SparkTests.generatedProfile()), 5,
                new HadoopRun.IoFaults(false, true, false));

        long written = actual.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN).count();
        assertTrue(written >= 120, "the generated files were written");
        assertSameOutput(reference.out(), tmp.resolve("hdfs/out"));
        assertSameKeyEntries(reference, sparkKey);
        assertTrue(TestFileSystems.RENAMES.get() >= written + 3, "outputs, report, manifest and key file renamed into"
                + " place: " + TestFileSystems.RENAMES);
        assertFalse(Files.exists(tmp.resolve("hdfs/out").resolve(HadoopRun.TEMPORARY)), "the temporary prefix is gone");
        assertEquals(0, count(tmp.resolve("keys"), "deid-"), "no temporary or previous key file is left");
    }

    @Test
    void aFailedCommitLeavesNothingThatLooksFinishedAndTheKeyFileUnchanged() throws Exception {
        List<Path> inputs = List.of(SAMPLE.resolve("csv"));
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        byte[] before = Files.readAllBytes(key);
        Path out = tmp.resolve("bucket/out");
        Path scratch = executorScratch();

        JobException e = assertThrows(JobException.class, () -> hadoopRun(List.of(uri("deidobj", inputs.get(0))),
                uri("deidobj", out), uri("deidobj", key), profile("csv-template"), 2, null,
                new HadoopRun.IoFaults(false, true, true), new HadoopRun.Stop()));

        assertEquals(JobException.Reason.IO_ERROR, e.reason());
        assertTrue(e.getMessage().contains("the Spark job of the commit failed"), e.getMessage());
        assertFalse(Files.exists(out), "the output the run began to upload is gone, half-written files with it");
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
        assertEquals(0, stagesInSparkScratch() + driverScratchFolders(), "no stage, and the driver's scratch is gone");
        assertEquals(0, filesUnder(scratch), "no task left a copy of an input in its scratch");
    }

    @Test
    void hadoopInputsIntoALocalOutputAreStagedBesideItWithoutAStageOption() throws Exception {
        // No --stage: the stage is made beside the local output (a folder the executors see, as they write
        // the output's work folder), and removed when the run succeeds, as when it fails.
        SparkTests.Reference reference = SparkTests.reference(SparkTests.SAMPLE_INPUTS, "csv-template");
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        Path exports = tmp.resolve("exports");
        TestFileSystems.reset();

        RunResult actual = hadoopRun(SparkTests.SAMPLE_INPUTS.stream().map(p -> uri("deidren", p)).toList(),
                exports.resolve("out").toString(), key.toString(), profile("csv-template"), 3, null,
                HadoopRun.IoFaults.NONE, new HadoopRun.Stop());

        assertEquals(reference.result().files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(reference.out(), exports.resolve("out"));
        assertSameKeyEntries(reference, key);
        assertTrue(TestFileSystems.OPENS.get() >= actual.files().size(), "the inputs were read through Hadoop");
        try (Stream<Path> list = Files.list(exports)) {
            assertEquals(List.of("out"), list.map(p -> p.getFileName().toString()).toList(),
                    "the output, and no stage beside it");
        }

        // The same with a stage-in that fails on every attempt: no output, no stage, the key file as it was.
        Path failed = tmp.resolve("failed");
        byte[] before = Files.readAllBytes(key);
        JobException e = assertThrows(JobException.class, () -> hadoopRun(List.of(uri("deidren", SAMPLE.resolve("csv"))),
                failed.resolve("out").toString(), key.toString(), profile("csv-template"), 2, null,
                new HadoopRun.IoFaults(true, false, true), new HadoopRun.Stop()));
        assertEquals(JobException.Reason.IO_ERROR, e.reason());
        assertTrue(e.getMessage().contains("the Spark job of the stage-in failed"), e.getMessage());
        try (Stream<Path> list = Files.list(failed)) {
            assertEquals(0, list.count(), "neither output nor stage");
        }
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
    }

    /**
     * Starts a run to the object store whose stage-in or commit tasks stall after half a file until they
     * are killed, stops it once that job has started (as the driver's SIGTERM hook does), and returns
     * what the run threw.
     */
    private JobException stoppedDuring(String group, HadoopRun.IoFaults stall, Path out, Path key, String stage)
            throws Exception {
        HadoopRun.Stop stop = new HadoopRun.Stop();
        int jobs = SparkTests.spark().statusTracker().getJobIdsForGroup(group).length;
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<RunResult> run = driver.submit(() -> hadoopRun(
                    List.of(uri("deidobj", SAMPLE.resolve("csv")), uri("deidobj", SAMPLE.resolve("dicom"))),
                    uri("deidobj", out), uri("deidobj", key), profile("csv-template"), 2, stage, stall, stop));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (SparkTests.spark().statusTracker().getJobIdsForGroup(group).length == jobs) {
                assertTrue(System.nanoTime() < deadline && !run.isDone(), "the " + group + " job started");
                Thread.sleep(20);
            }
            stop.request();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> run.get(120, java.util.concurrent.TimeUnit.SECONDS));
            return (JobException) e.getCause();
        } finally {
            driver.shutdownNow();
        }
    }

    @Test
    void aRunStoppedDuringItsStageInLeavesNoOutputNoStageAndTheKeyFileUnchanged() throws Exception {
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        byte[] before = Files.readAllBytes(key);
        Path out = tmp.resolve("bucket/out");

        // With --stage (decision 0028's staged run: a run without one has no stage-in).
        Path stage = tmp.resolve("stage");
        JobException e = stoppedDuring(HadoopRun.STAGE_IN, new HadoopRun.IoFaults(true, false, true, true), out, key,
                stage.toString());

        assertEquals(JobException.Reason.CANCELLED, e.reason(), e.getMessage());
        assertFalse(Files.exists(out), "no output");
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
        assertEquals(0, count(stage, ".deid-stage-"), "the stage folder, with the half-copied inputs, is gone");
    }

    @Test
    void aRunStoppedDuringItsCommitLeavesNothingThatLooksFinishedAndTheKeyFileUnchanged() throws Exception {
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        byte[] before = Files.readAllBytes(key);
        Path out = tmp.resolve("bucket/out");

        Path scratch = executorScratch();
        JobException e = stoppedDuring(HadoopRun.COMMIT, new HadoopRun.IoFaults(false, true, true, true), out, key,
                null);

        assertEquals(JobException.Reason.CANCELLED, e.reason(), e.getMessage());
        assertFalse(Files.exists(out), "the output the commit began to upload is gone, half-written files with it");
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
        assertEquals(0, count(tmp.resolve("keys"), "deid-"), "no temporary key file");
        assertEquals(0, stagesInSparkScratch() + driverScratchFolders(), "no stage, and the driver's scratch is gone");
        assertEquals(0, filesUnder(scratch), "no task left a copy of an input in its scratch");
    }

    /**
     * A commit to an object store stopped while its uploads are under way, on a store that completes the
     * upload of a killed task late (after the driver has removed the output, were it not to wait). Neither
     * the killed task's stream, closed or aborted, nor the driver's clean-up may leave a file at the output:
     * with streams that can be aborted (S3A) the killed upload is abandoned; with streams that cannot, the
     * driver removes what the killed task completed once the task has ended.
     */
    @ParameterizedTest(name = "abortable streams: {0}")
    @ValueSource(booleans = {true, false})
    void aStoppedCommitWhoseKilledUploadsEndLateLeavesNoOutputAndTheInputsUntouched(boolean abortable)
            throws Exception {
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        byte[] before = Files.readAllBytes(key);
        Path out = tmp.resolve("bucket/out");
        Path scratch = executorScratch();
        List<Path> inputs = List.of(SAMPLE.resolve("csv"), SAMPLE.resolve("dicom"));
        java.util.Map<Path, String> inputsBefore = digests(inputs);
        TestFileSystems.ABORTABLE.set(abortable);
        TestFileSystems.KILLED_UPLOADS_COMPLETE_AFTER.set(out);
        TestFileSystems.KILLED_UPLOADS_COMPLETED.set(0);
        TestFileSystems.FENCES.set(0);
        HadoopRun.Stop stop = new HadoopRun.Stop();
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newSingleThreadExecutor();
        int commits = SparkTests.spark().statusTracker().getJobIdsForGroup(HadoopRun.COMMIT).length;
        try {
            // Every commit task uploads half a file, then stalls until Spark kills it.
            java.util.concurrent.Future<RunResult> run = driver.submit(() -> hadoopRun(
                    inputs.stream().map(p -> uri("deidobj", p)).toList(), uri("deidobj", out), uri("deidobj", key),
                    profile("csv-template"), 2, null, new HadoopRun.IoFaults(false, true, true, true), stop));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (SparkTests.spark().statusTracker().getJobIdsForGroup(HadoopRun.COMMIT).length == commits
                    || TestFileSystems.UPLOADING.get() == 0) {
                assertTrue(System.nanoTime() < deadline && !run.isDone(), "a commit task began its upload");
                Thread.sleep(5);
            }
            stop.request();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> run.get(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(JobException.Reason.CANCELLED, ((JobException) e.getCause()).reason(), e.getMessage());
            // Whatever the killed tasks still do, they have done it once their uploads have ended.
            while (TestFileSystems.UPLOADING.get() > 0) {
                assertTrue(System.nanoTime() < deadline, "the killed tasks' uploads ended");
                Thread.sleep(5);
            }
        } finally {
            driver.shutdownNow();
            TestFileSystems.KILLED_UPLOADS_COMPLETE_AFTER.set(null);
            TestFileSystems.ABORTABLE.set(true);
        }

        assertFalse(Files.exists(out), "nothing at the output: no half-uploaded file, no folder");
        if (abortable) {
            assertEquals(0, TestFileSystems.KILLED_UPLOADS_COMPLETED.get(), "every killed upload was aborted");
        } else {
            assertTrue(TestFileSystems.KILLED_UPLOADS_COMPLETED.get() > 0,
                    "a killed task completed its half upload, late; the driver removed it once the task had ended");
        }
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
        assertEquals(inputsBefore, digests(inputs), "the inputs are untouched");
        assertEquals(0, driverScratchFolders(), "the driver's scratch is gone");
        assertEquals(0, filesUnder(scratch), "no task left a copy of an input in its scratch");
    }

    /**
     * A run without a stage stopped while a transform task uploads its part to the output's temporary prefix
     * on a slow store whose streams cannot be aborted: the killed task completes its upload late, and the
     * run removes the output only once the task has ended (decision 0086), so nothing is left there.
     */
    @Test
    void aRunStoppedWhileATransformTaskUploadsItsPartLeavesNoOutput() throws Exception {
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        byte[] before = Files.readAllBytes(key);
        Path out = tmp.resolve("bucket/out");
        Path scratch = executorScratch();
        List<Path> inputs = List.of(SAMPLE.resolve("csv"));
        java.util.Map<Path, String> inputsBefore = digests(inputs);
        TestFileSystems.ABORTABLE.set(false);
        TestFileSystems.KILLED_UPLOADS_COMPLETE_AFTER.set(out);
        TestFileSystems.KILLED_UPLOADS_COMPLETED.set(0);
        TestFileSystems.FENCES.set(0);
        TestFileSystems.STALLED.set(0);
        TestFileSystems.STALL_UPLOADS_BELOW.set(out.resolve(HadoopRun.TEMPORARY));
        HadoopRun.Stop stop = new HadoopRun.Stop();
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<RunResult> run = driver.submit(() -> hadoopRun(
                    inputs.stream().map(p -> uri("deidobj", p)).toList(), uri("deidobj", out), uri("deidobj", key),
                    profile("csv-template"), 2, null, HadoopRun.IoFaults.NONE, stop));
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (TestFileSystems.STALLED.get() == 0) {
                assertTrue(System.nanoTime() < deadline && !run.isDone(), "a task's upload began");
                Thread.sleep(5);
            }
            stop.request();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> run.get(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(JobException.Reason.CANCELLED, ((JobException) e.getCause()).reason(), e.getMessage());
            while (TestFileSystems.UPLOADING.get() > 0) {
                assertTrue(System.nanoTime() < deadline, "the killed tasks' uploads ended");
                Thread.sleep(5);
            }
        } finally {
            driver.shutdownNow();
            TestFileSystems.STALL_UPLOADS_BELOW.set(null);
            TestFileSystems.KILLED_UPLOADS_COMPLETE_AFTER.set(null);
            TestFileSystems.ABORTABLE.set(true);
        }

        assertTrue(TestFileSystems.KILLED_UPLOADS_COMPLETED.get() > 0, "a killed task completed its upload, late");
        assertFalse(Files.exists(out), "nothing at the output: no part, no temporary prefix, no folder");
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
        assertEquals(inputsBefore, digests(inputs), "the inputs are untouched");
        assertEquals(0, driverScratchFolders(), "the driver's scratch is gone");
        assertEquals(0, filesUnder(scratch), "no task left a copy of an input in its scratch");
    }

    /** Each file under {@code roots} with the SHA-256 of its bytes. */
    private static java.util.Map<Path, String> digests(List<Path> roots) throws Exception {
        java.util.Map<Path, String> all = new java.util.TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    all.put(p, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(Files.readAllBytes(p))));
                }
            }
        }
        return all;
    }

    @Test
    void withoutAStageNoFolderIsSharedBetweenTheDriverAndTheTasks() throws Exception {
        // Decision 0041. Related tables (analysis: samples and key columns read in tasks), 120 DICOM files,
        // DICOM media whose DICOMDIR is made anew, and FHIR files whose patient index is merged in buckets
        // under the output's temporary prefix: through a renaming (HDFS-like) file system, no --stage.
        // The driver's run knows each input only by a path below the executors' scratch, which exists only
        // while a task holds its copy of the file there: had the driver opened an input (detection, samples,
        // the DICOMDIR's read-back) it would have found nothing, and the output would differ from deid run's.
        Path media = SparkTests.media(tmp.resolve("in/media"));
        List<Path> inputs = new java.util.ArrayList<>(SparkTests.generated());
        inputs.add(media);
        inputs.add(SAMPLE.resolve("fhir"));
        SparkTests.Reference reference = SparkTests.reference(inputs, SparkTests.generatedProfile());
        Path sparkKey = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        Path scratch = executorScratch();
        TestFileSystems.reset();
        int detectJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.DETECT).length;
        int analysisJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.ANALYSIS).length;

        RunResult actual = hadoopRun(inputs.stream().map(p -> uri("deidren", p)).toList(),
                uri("deidren", tmp.resolve("hdfs/out")), uri("deidren", sparkKey),
                profile(SparkTests.generatedProfile()), 5, null, new HadoopRun.IoFaults(true, false, false),
                new HadoopRun.Stop());

        assertEquals(reference.result().files(), actual.files(), "every file ends the same way, under the same name");
        assertEquals(FileReport.Status.WRITTEN, actual.files().stream().filter(f -> f.output().endsWith("DICOMDIR"))
                .findFirst().orElseThrow().status(), "the DICOMDIR was made");
        assertSameOutput(reference.out(), tmp.resolve("hdfs/out"));
        assertSameKeyEntries(reference, sparkKey);
        assertTrue(actual.sources().stream().allMatch(p -> p.startsWith(scratch)),
                "the driver's run knew the inputs by paths below the executors' scratch only");
        assertEquals(0, filesUnder(scratch), "no task left a copy of an input in its scratch");
        assertEquals(detectJobs + 1, SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.DETECT).length,
                "the formats were detected in a Spark job");
        assertTrue(SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.ANALYSIS).length >= analysisJobs + 2,
                "the tables were sampled and read through in Spark jobs");
        assertFalse(Files.exists(tmp.resolve("hdfs/out").resolve(HadoopRun.TEMPORARY)), "the temporary prefix is gone");
        assertEquals(0, driverScratchFolders(), "the driver's scratch is gone");
    }

    @Test
    void aRemoteOutputThatIsNotEmptyIsRefusedBeforeAnythingIsRead() throws Exception {
        List<Path> inputs = List.of(SAMPLE.resolve("csv"));
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        Path out = tmp.resolve("bucket/out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("someone-elses.txt"), "x");

        JobException e = assertThrows(JobException.class, () -> hadoopRun(List.of(uri("deidobj", inputs.get(0))),
                uri("deidobj", out), uri("deidobj", key), profile("csv-template"), 2, HadoopRun.IoFaults.NONE));

        assertEquals(JobException.Reason.OUTPUT_NOT_EMPTY, e.reason());
        assertEquals(List.of("someone-elses.txt"), Files.list(out).map(p -> p.getFileName().toString()).toList());
    }
}
