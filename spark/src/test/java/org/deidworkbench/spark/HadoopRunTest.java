package org.deidworkbench.spark;

import static org.deidworkbench.spark.SparkTests.SAMPLE;
import static org.deidworkbench.spark.SparkTests.assertSameKeyEntries;
import static org.deidworkbench.spark.SparkTests.assertSameOutput;
import static org.deidworkbench.spark.SparkTests.deidRun;
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
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    }

    /** Copies of {@code folders} under {@code tmp/remote}, by the same names (so `deid run` sees the same input names). */
    private List<Path> remoteCopies(Path... folders) throws Exception {
        Path remote = tmp.resolve("remote");
        List<Path> out = new java.util.ArrayList<>();
        for (Path folder : folders) {
            Path target = remote.resolve(folder.getFileName().toString());
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.toList()) {
                    Path t = target.resolve(folder.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            out.add(target);
        }
        return out;
    }

    private RunResult hadoopRun(List<String> inputs, String out, String key, LoadedProfile profile, int partitions,
            HadoopRun.IoFaults faults) throws Exception {
        return HadoopRun.run(SparkTests.spark(), new HadoopRun.Locations(inputs, out, key), false,
                SparkTests.PASSPHRASE, profile, partitions, tmp.resolve("stage"), WorkerSetup.Faults.NONE, faults,
                RunJob::run);
    }

    private static long count(Path root, String nameContains) throws Exception {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().contains(nameContains)).count();
        }
    }

    @Test
    void sampleDataThroughAnObjectStoreWithoutRenameWithRetriedTasksGivesDeidRunsOutputAndKeyEntries()
            throws Exception {
        List<Path> inputs = remoteCopies(SAMPLE.resolve("csv"), SAMPLE.resolve("dicom"), SAMPLE.resolve("fhir"));
        LoadedProfile profile = profile("csv-template");
        Path referenceKey = newKeyFile(tmp.resolve("reference.deidkey"));
        Path sparkKey = tmp.resolve("keys/spark.deidkey");
        Files.createDirectories(sparkKey.getParent());
        Files.copy(referenceKey, sparkKey);
        RunResult expected = deidRun(inputs, tmp.resolve("reference"), referenceKey, profile);
        TestFileSystems.reset();
        int stageJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(HadoopRun.STAGE_IN).length;

        // The first attempt of every stage-in and commit task writes half a file and fails; Spark retries it.
        RunResult actual = hadoopRun(inputs.stream().map(p -> uri("deidobj", p)).toList(),
                uri("deidobj", tmp.resolve("bucket/out")), uri("deidobj", sparkKey), profile, 3,
                new HadoopRun.IoFaults(true, true, false));

        assertEquals(expected.files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(tmp.resolve("reference"), tmp.resolve("bucket/out"));
        assertSameKeyEntries(referenceKey, sparkKey);
        long written = expected.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN).count();
        assertTrue(TestFileSystems.OPENS.get() >= expected.files().size() + 1,
                "every input file and the key file were read through the Hadoop file system: " + TestFileSystems.OPENS);
        assertTrue(TestFileSystems.CREATES.get() >= written + 3,
                "every output, the report, the manifest and the key file were written through it: "
                        + TestFileSystems.CREATES);
        assertEquals(0, TestFileSystems.RENAMES.get(), "nothing was renamed on the object store");
        var run = org.deidworkbench.keyfile.KeyFileStore.open(sparkKey, SparkTests.PASSPHRASE).runs().get(0);
        assertTrue(run.files().stream().allMatch(m -> m.source().startsWith("deidobj:" + tmp.resolve("remote") + "/")),
                "the key file's run record names the inputs by their URIs: " + run.files().get(0).source());
        assertTrue(SparkTests.spark().statusTracker().getJobIdsForGroup(HadoopRun.STAGE_IN).length > stageJobs,
                "the inputs were read in a Spark job");
        assertEquals(0, count(tmp.resolve("bucket"), "attempt") + count(tmp.resolve("bucket"), "deid-tmp"),
                "no attempt's or temporary file is left");
        try (Stream<Path> stage = Files.list(tmp.resolve("stage"))) {
            assertEquals(0, stage.count(), "the stage folder is gone");
        }
    }

    @Test
    void generatedTablesAndStudiesThroughARenamingFileSystemGiveDeidRunsOutputAndKeyEntries() throws Exception {
        // 4,000 rows of related tables and 60 DICOM files of 20 patients; the output is committed through a
        // job-temporary prefix and renames; the key file is replaced by rename.
        Path dicom = SparkTests.generateDicom(tmp.resolve("generated/studies"), 20);
        List<Path> inputs = remoteCopies(SAMPLE.resolve("corpus/ehr"), dicom);
        LoadedProfile profile = profile("csv-template");
        Path referenceKey = newKeyFile(tmp.resolve("reference.deidkey"));
        Path sparkKey = tmp.resolve("keys/spark.deidkey");
        Files.createDirectories(sparkKey.getParent());
        Files.copy(referenceKey, sparkKey);
        deidRun(inputs, tmp.resolve("reference"), referenceKey, profile);
        TestFileSystems.reset();

        RunResult actual = hadoopRun(inputs.stream().map(p -> uri("deidren", p)).toList(),
                uri("deidren", tmp.resolve("hdfs/out")), uri("deidren", sparkKey), profile, 5,
                new HadoopRun.IoFaults(false, true, false));

        long written = actual.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN).count();
        assertTrue(written >= 60, "the generated files were written");
        assertSameOutput(tmp.resolve("reference"), tmp.resolve("hdfs/out"));
        assertSameKeyEntries(referenceKey, sparkKey);
        assertTrue(TestFileSystems.RENAMES.get() >= written + 3, "outputs, report, manifest and key file renamed into"
                + " place: " + TestFileSystems.RENAMES);
        assertFalse(Files.exists(tmp.resolve("hdfs/out").resolve(HadoopRun.TEMPORARY)), "the temporary prefix is gone");
        assertEquals(0, count(tmp.resolve("keys"), "deid-"), "no temporary or previous key file is left");
    }

    @Test
    void aFailedCommitLeavesNothingThatLooksFinishedAndTheKeyFileUnchanged() throws Exception {
        List<Path> inputs = remoteCopies(SAMPLE.resolve("csv"));
        Files.createDirectories(tmp.resolve("keys"));
        Path key = newKeyFile(tmp.resolve("keys/spark.deidkey"));
        byte[] before = Files.readAllBytes(key);
        Path out = tmp.resolve("bucket/out");

        JobException e = assertThrows(JobException.class, () -> hadoopRun(List.of(uri("deidobj", inputs.get(0))),
                uri("deidobj", out), uri("deidobj", key), profile("csv-template"), 2,
                new HadoopRun.IoFaults(false, true, true)));

        assertEquals(JobException.Reason.IO_ERROR, e.reason());
        assertTrue(e.getMessage().contains("the Spark job of the commit failed"), e.getMessage());
        assertFalse(Files.exists(out), "the output the run began to upload is gone, half-written files with it");
        assertArrayEquals(before, Files.readAllBytes(key), "the key file is unchanged");
        try (Stream<Path> stage = Files.list(tmp.resolve("stage"))) {
            assertEquals(0, stage.count(), "the stage folder is gone");
        }
    }

    @Test
    void aRemoteOutputThatIsNotEmptyIsRefusedBeforeAnythingIsRead() throws Exception {
        List<Path> inputs = remoteCopies(SAMPLE.resolve("csv"));
        Files.createDirectories(tmp.resolve("keys"));
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
