package org.deidworkbench.spark;

import static org.deidworkbench.spark.SparkTests.SAMPLE;
import static org.deidworkbench.spark.SparkTests.SAMPLE_INPUTS;
import static org.deidworkbench.spark.SparkTests.assertSameKeyEntries;
import static org.deidworkbench.spark.SparkTests.assertSameOutput;
import static org.deidworkbench.spark.SparkTests.deidRun;
import static org.deidworkbench.spark.SparkTests.newKeyFile;
import static org.deidworkbench.spark.SparkTests.profile;
import static org.deidworkbench.spark.SparkTests.sparkRun;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deid-spark run} on Spark {@code local[*]} against {@code deid run} on the same input, profile
 * and key file: byte-identical output files, manifest and report (but its run section), the same key
 * file entries; and what a task that fails and is retried, or a job that fails, leaves behind.
 */
class SparkRunTest {

    @TempDir
    Path tmp;

    /** Two copies of one new key file: one for the reference run, one for Spark. */
    private Path[] keyFiles() throws Exception {
        return new Path[] {newKeyFile(tmp.resolve("reference.deidkey")), newKeyFile(tmp.resolve("spark.deidkey"))};
    }

    @Test
    void sampleCsvDicomAndFhirWithRetriedTasksGiveTheSameOutputAndKeyEntriesAsDeidRun() throws Exception {
        // CSV tables, DICOM studies, and FHIR: a JSON Bundle, an XML Patient and an NDJSON bulk export whose
        // Encounters refer to Patients of another file (the patient index merged on the executors). Every
        // transform task's first attempt fails after its first file, having written a part file; Spark
        // runs it again. (The generated data below run without faults.)
        SparkTests.Reference expected = SparkTests.reference(SAMPLE_INPUTS, "csv-template");
        Path key = newKeyFile(tmp.resolve("spark.deidkey"));
        RunResult actual = sparkRun(SAMPLE_INPUTS, tmp.resolve("spark"), key, profile("csv-template"), 4,
                new WorkerSetup.Faults(true, 1, false));

        for (String format : List.of("DICOM", "CSV")) {
            assertTrue(expected.result().files().stream().anyMatch(f -> f.format().equals(format)
                    && f.status() == FileReport.Status.WRITTEN), format + " files were cleaned");
        }
        assertEquals(4, expected.result().files().stream().filter(f -> f.format().startsWith("FHIR")
                && f.status() == FileReport.Status.WRITTEN).count(), "the four FHIR files were cleaned");
        assertEquals(expected.result().files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(expected.out(), tmp.resolve("spark"));
        assertSameKeyEntries(expected, key);
        try (var walk = Files.walk(tmp.resolve("spark"))) {
            assertFalse(walk.anyMatch(p -> p.getFileName().toString().contains(".part")),
                    "no part file of any attempt is left");
        }
    }

    @Test
    void generatedTablesAndStudiesGiveTheSameOutputAndKeyEntriesAsDeidRun() throws Exception {
        // Four thousand rows of related tables (keys, references, a patient table, notes to scrub) and
        // 120 DICOM files of 40 patients; with 50 sample rows the larger tables' key columns are read
        // through by the analysis in Spark tasks.
        List<Path> inputs = SparkTests.generated();
        SparkTests.Reference expected = SparkTests.reference(inputs, SparkTests.generatedProfile());
        Path key = newKeyFile(tmp.resolve("spark.deidkey"));
        int analysisJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.ANALYSIS).length;
        int detectJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.DETECT).length;
        // 11 partitions here, 3 and 4 in the other tests: the output does not depend on how files are spread.
        RunResult spark = sparkRun(inputs, tmp.resolve("spark"), key, profile(SparkTests.generatedProfile()), 11,
                WorkerSetup.Faults.NONE);

        // Decision 0041: the tables' samples are read in a Spark job too (then their key columns), and the
        // formats are detected in one; the driver only lists the files.
        assertTrue(SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.ANALYSIS).length >= analysisJobs + 2,
                "the analysis sampled the tables and read tables through in Spark jobs");
        assertEquals(detectJobs + 1, SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.DETECT).length,
                "the formats were detected in one Spark job");
        assertTrue(spark.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN).count() >= 120,
                "the generated files were written");
        assertSameOutput(expected.out(), tmp.resolve("spark"));
        assertSameKeyEntries(expected, key);
    }

    /** The adversarial corpus's {@code linked/} folder: one patient under a patid and an MRN (decision 0078). */
    private static final Path LINKED = Path.of("..", "src", "test", "resources", "org", "deidworkbench", "adversarial",
            "linked").toAbsolutePath().normalize();

    @Test
    void linkedSubjectIdsGiveTheSameOutputAndKeyFileAsDeidRun() throws Exception {
        // Decision 0078 on the cluster: patient_map.csv links patids to MRNs, a FHIR Patient its MRN to its patid, a CT
        // its RIS number to the MRN; labs.csv, the Bundle and the CTs are keyed by the MRN. With six partitions every
        // file is scanned by a task of its own, so no worker sees a whole class: the driver resolves the links of all.
        LoadedProfile profile = profile("csv-template");
        Path[] keys = keyFiles();
        RunResult expected = deidRun(List.of(LINKED), tmp.resolve("reference"), keys[0], profile);
        RunResult actual = sparkRun(List.of(LINKED), tmp.resolve("spark"), keys[1], profile, 6, WorkerSetup.Faults.NONE);

        assertTrue(expected.report().actions().get("subject-links (linked)") > 0, "deid run linked ids");
        assertEquals(1L, expected.report().actions().get("subject-link-conflict (unlinked)"), "one MRN, two patids");
        assertEquals(expected.files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(tmp.resolve("reference"), tmp.resolve("spark"));
        assertSameKeyEntries(keys[0], keys[1]);
        assertFalse(org.deidworkbench.keyfile.KeyFileStore.open(keys[1], SparkTests.PASSPHRASE).linkedDateOffsets()
                .isEmpty(), "the MRNs that took their patid's offset are recorded in the key file");
    }

    /**
     * Runs the FHIR files of {@code in} with {@code deid run} and on Spark in four partitions (profile
     * {@code fhir-safe-harbor}, a key file each) and asserts that every file ends the same way with the same output and
     * key entries; the two key files, {@code deid run}'s first.
     */
    private Path[] sameOnSparkAsDeidRun(Path in) throws Exception {
        LoadedProfile profile = profile("fhir-safe-harbor");
        Path[] keys = keyFiles();
        RunResult expected = deidRun(List.of(in), tmp.resolve("reference"), keys[0], profile);
        RunResult actual = sparkRun(List.of(in), tmp.resolve("spark"), keys[1], profile, 4, WorkerSetup.Faults.NONE);
        assertEquals(expected.files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(tmp.resolve("reference"), tmp.resolve("spark"));
        assertSameKeyEntries(keys[0], keys[1]);
        return keys;
    }

    @Test
    void aRelativesValuesAreKeptAsTheirPatientsOnTheDriverAsInDeidRun() throws Exception {
        // Decision 0164: a RelatedPerson's and a QuestionnaireResponse's identifying values are kept as the patient they
        // point at, whose Patient is in another file: with four partitions no task sees both; the driver resolves them
        // with the merged patient index.
        Path in = Files.createDirectories(tmp.resolve("in"));
        StringBuilder related = new StringBuilder();
        StringBuilder patients = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            related.append("{\"resourceType\":\"RelatedPerson\",\"id\":\"rp").append(i).append("\",\"patient\":")
                    .append("{\"reference\":\"Patient/pt0000").append(i).append("\"},\"name\":[{\"family\":\"Kinsworth")
                    .append((char) ('a' + i)).append("\",\"given\":[\"Tamsin\"]}]}\n");
            patients.append("{\"resourceType\":\"Patient\",\"id\":\"pt0000").append(i).append("\",\"identifier\":")
                    .append("[{\"system\":\"urn:mrn\",\"value\":\"MRN").append(880000 + i).append("\"}],\"name\":")
                    .append("[{\"family\":\"Holloway").append((char) ('a' + i)).append("\"}]}\n");
        }
        Files.writeString(in.resolve("a-RelatedPerson.ndjson"), related);
        Files.writeString(in.resolve("b-more-RelatedPerson.ndjson"), related.toString().replace("\"rp", "\"rq"));
        Files.writeString(in.resolve("c-Patient.ndjson"), patients);
        Files.writeString(in.resolve("d-Observation.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"o1\","
                + "\"status\":\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/pt00003\"}}\n");
        Path[] keys = sameOnSparkAsDeidRun(in);
        var known = org.deidworkbench.keyfile.KeyFileStore.open(keys[1], SparkTests.PASSPHRASE).knownIdentifiers();
        assertTrue(known.values().stream().anyMatch(ids -> ids.stream().anyMatch(k -> k.value().equals("Hollowayc"))
                && ids.stream().anyMatch(k -> k.value().equals("Tamsin Kinsworthc"))),
                "the relative's name is kept with the patient's own on the cluster");
    }

    @Test
    void aProvenanceAndABinaryTakeTheirPatientsOffsetOnTheExecutorsAsInDeidRun() throws Exception {
        // Decisions 0214 and 0215: a Binary a document names and a Provenance of an Observation have no patient of
        // their own; the driver's analysis (the Provenance's targets) and the merged scan index (what each target and
        // document belongs to) reach executors that never saw the Patient, the Observation or the document.
        Path in = Files.createDirectories(tmp.resolve("in"));
        SparkTests.writeProvenanceExport(in, 12);
        StringBuilder documents = new StringBuilder();
        StringBuilder binaries = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            documents.append("{\"resourceType\":\"DocumentReference\",\"id\":\"d").append(i).append("\",\"status\":")
                    .append("\"current\",\"subject\":{\"reference\":\"Patient/pt0000").append(i).append("\"},\"content\":")
                    .append("[{\"attachment\":{\"contentType\":\"text/plain\",\"url\":\"Binary/b").append(i).append("\"}}]}\n");
            binaries.append("{\"resourceType\":\"Binary\",\"id\":\"b").append(i).append("\",\"contentType\":")
                    .append("\"text/plain\",\"data\":\"").append(java.util.Base64.getEncoder().encodeToString(
                            ("Seen 2023-03-0" + (1 + i % 9) + ", next visit 2023-04-12.").getBytes(StandardCharsets.UTF_8)))
                    .append("\"}\n");
        }
        Files.writeString(in.resolve("b-Binary.ndjson"), binaries);
        Files.writeString(in.resolve("d-DocumentReference.ndjson"), documents);
        sameOnSparkAsDeidRun(in);
        SparkTests.assertProvenanceOnItsObservationsDay(tmp.resolve("spark"));
    }

    @Test
    void aSecondRunWithTheFirstRunsKeyFileKeepsTheLinkedOffsetsOnSparkAsInDeidRun() throws Exception {
        // Two runs on one key file, each twice (deid run, deid-spark run): the whole folder, then the lab table alone
        // (keyed by the MRN). The second run's labs come out as the first run's, on Spark as in deid run.
        Path labs = Files.createDirectories(tmp.resolve("in/labs"));
        Files.copy(LINKED.resolve("labs.csv"), labs.resolve("labs.csv"));
        LoadedProfile profile = profile("csv-template");
        Path[] keys = keyFiles();
        deidRun(List.of(LINKED), tmp.resolve("reference-1"), keys[0], profile);
        RunResult first = sparkRun(List.of(LINKED), tmp.resolve("spark-1"), keys[1], profile, 4,
                WorkerSetup.Faults.NONE);
        assertTrue(first.report().actions().containsKey("subject-links (linked)"), "the first Spark run linked ids");
        assertSameOutput(tmp.resolve("reference-1"), tmp.resolve("spark-1"));
        assertSameKeyEntries(keys[0], keys[1]);

        deidRun(List.of(labs), tmp.resolve("reference-2"), keys[0], profile);
        sparkRun(List.of(labs), tmp.resolve("spark-2"), keys[1], profile, 2, WorkerSetup.Faults.NONE);

        assertSameOutput(tmp.resolve("reference-2"), tmp.resolve("spark-2"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("spark-1/labs.csv")),
                Files.readAllBytes(tmp.resolve("spark-2/labs.csv")), "the labs alone come out as in the linking run");
        assertSameKeyEntries(keys[0], keys[1]);
    }

    @Test
    void subjectsRecordedWithALinkedOffsetKeepItOnTheExecutors() throws Exception {
        // Decision 0078, addendum: a run that links a patid and an MRN records the MRN with the patid's offset; a
        // later run of the lab table alone (keyed by the MRN) keeps it, on Spark's executors as in deid run.
        Path linked = LINKED;
        Path both = Files.createDirectories(tmp.resolve("in/both"));
        Path labs = Files.createDirectories(tmp.resolve("in/labs"));
        for (String table : List.of("patient_map.csv", "labs.csv")) {
            Files.copy(linked.resolve(table), both.resolve(table));
        }
        Files.copy(linked.resolve("labs.csv"), labs.resolve("labs.csv"));
        LoadedProfile profile = profile("csv-template");
        Path[] keys = keyFiles();
        RunResult first = deidRun(List.of(both), tmp.resolve("linking"), keys[0], profile);
        assertTrue(first.report().actions().containsKey("subject-links (linked)"), "the first run linked ids");
        Files.copy(keys[0], keys[1], java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        deidRun(List.of(labs), tmp.resolve("reference"), keys[0], profile);
        sparkRun(List.of(labs), tmp.resolve("spark"), keys[1], profile, 3, WorkerSetup.Faults.NONE);

        assertSameOutput(tmp.resolve("reference"), tmp.resolve("spark"));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("linking/labs.csv")), Files.readAllBytes(tmp.resolve("spark/labs.csv")),
                "the labs alone come out as they did beside the linking table");
        assertSameKeyEntries(keys[0], keys[1]);
    }

    @Test
    void aDicomdirIsMadeAnewOverTheFilesTheExecutorsWrote() throws Exception {
        Path media = SparkTests.media(tmp.resolve("in/media"));
        LoadedProfile profile = profile("dicom-basic");
        Path[] keys = keyFiles();
        deidRun(List.of(media), tmp.resolve("reference"), keys[0], profile);
        RunResult spark = sparkRun(List.of(media), tmp.resolve("spark"), keys[1], profile, 3, WorkerSetup.Faults.NONE);

        assertEquals(FileReport.Status.WRITTEN, spark.files().stream().filter(f -> f.output().equals("DICOMDIR"))
                .findFirst().orElseThrow().status(), "the DICOMDIR was made");
        assertSameOutput(tmp.resolve("reference"), tmp.resolve("spark"));
        assertSameKeyEntries(keys[0], keys[1]);
    }

    @Test
    void aFailedTransformJobLeavesNoOutputAndTheKeyFileUnchanged() throws Exception {
        List<Path> inputs = List.of(SAMPLE.resolve("csv"), SAMPLE.resolve("dicom"));
        Path[] keys = keyFiles();
        byte[] before = Files.readAllBytes(keys[1]);
        Path out = tmp.resolve("spark");

        JobException e = assertThrows(JobException.class, () -> sparkRun(inputs, out, keys[1], profile("csv-template"),
                4, new WorkerSetup.Faults(true, 1, true)));

        assertEquals(JobException.Reason.IO_ERROR, e.reason());
        assertTrue(e.getMessage().contains("the Spark job of the transform pass failed"), e.getMessage());
        assertFalse(Files.exists(out), "the output folder the run made is gone, with every part file");
        assertArrayEquals(before, Files.readAllBytes(keys[1]), "the key file is unchanged");
    }

    @Test
    void generatedFhirBulkExportGivesTheSameOutputAndKeyEntriesAsDeidRun() throws Exception {
        // 600 Patients and ~600 Observations in 5 + 5 files, 200 Encounters referring to patients
        // by id, by conditional identifier and to an id two Patients share: every cross-file patient
        // lookup goes through the index merged on the executors.
        Path fhir = SyntheticData.fhir(tmp.resolve("generated-fhir"), 600, 1_200_000, 5);
        LoadedProfile profile = profile("fhir-safe-harbor");
        Path[] keys = keyFiles();
        RunResult expected = deidRun(List.of(fhir), tmp.resolve("reference"), keys[0], profile);
        RunResult actual = sparkRun(List.of(fhir), tmp.resolve("spark"), keys[1], profile, 7, WorkerSetup.Faults.NONE);

        FileReport encounters = expected.files().stream().filter(f -> f.output().equals("Encounter.ndjson"))
                .findFirst().orElseThrow();
        long notFound = encounters.problems().stream().filter(p -> p.code().equals("FHIR-PATIENT-NOT-FOUND")).count()
                + encounters.moreProblems();
        assertTrue(notFound > 0 && notFound < 200, "the ambiguous patient's encounters, and only some, are without"
                + " a patient in the reference run: " + notFound);
        assertTrue(expected.files().stream().allMatch(f -> f.status() == FileReport.Status.WRITTEN), "all written");
        assertEquals(expected.files(), actual.files(), "every file ends the same way, under the same name");
        assertSameOutput(tmp.resolve("reference"), tmp.resolve("spark"));
        assertSameKeyEntries(keys[0], keys[1]);
    }

    @Test
    void aRunCancelledDuringItsTransformJobLeavesNoOutputAndTheKeyFileUnchanged() throws Exception {
        // Every transform task waits after its first file until it is killed; the run is cancelled
        // meanwhile, as the driver's shutdown hook does.
        List<Path> inputs = List.of(SAMPLE.resolve("csv"), SAMPLE.resolve("fhir"));
        Path[] keys = keyFiles();
        byte[] before = Files.readAllBytes(keys[1]);
        Path out = tmp.resolve("spark");
        org.deidworkbench.job.RunJob job = DeidSpark.job(SparkTests.spark(), new org.deidworkbench.job.RunRequest(inputs,
                out, keys[1], false, SparkTests.PASSPHRASE, profile("csv-template"),
                SparkTests.spark().defaultParallelism()), 2, new WorkerSetup.Faults(true, 1, true, true));
        int transformJobs = SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.TRANSFORM).length;
        java.util.concurrent.ExecutorService driver = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<RunResult> run = driver.submit(job::run);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (SparkTests.spark().statusTracker().getJobIdsForGroup(SparkPasses.TRANSFORM).length == transformJobs) {
                assertTrue(System.nanoTime() < deadline && !run.isDone(), "the transform job started");
                Thread.sleep(20);
            }
            job.cancel();

            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> run.get(120, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(JobException.Reason.CANCELLED, ((JobException) e.getCause()).reason());
        } finally {
            driver.shutdownNow();
        }
        assertFalse(Files.exists(out), "the output folder the run made is gone, with every part file");
        assertArrayEquals(before, Files.readAllBytes(keys[1]), "the key file is unchanged");
    }

    @Test
    void aFailedScanJobLeavesAnEarlierOutputAsItWas() throws Exception {
        // The earlier output: the finished output of a run of the same inputs, profile and key file.
        SparkTests.Reference earlier = SparkTests.reference(SAMPLE_INPUTS, "csv-template");
        Path out = tmp.resolve("spark");
        for (Map.Entry<String, byte[]> f : SparkTests.tree(earlier.out()).entrySet()) {
            Files.createDirectories(out.resolve(f.getKey()).getParent());
            Files.write(out.resolve(f.getKey()), f.getValue());
        }
        Path keyFile = tmp.resolve("spark.deidkey");
        Files.copy(earlier.key(), keyFile);
        Map<String, byte[]> first = SparkTests.tree(out);
        byte[] key = Files.readAllBytes(keyFile);

        JobException e = assertThrows(JobException.class, () -> sparkRun(SAMPLE_INPUTS, out, keyFile,
                profile("csv-template"), 2, new WorkerSetup.Faults(false, 1, true)));

        assertTrue(e.getMessage().contains("the Spark job of the scan pass failed"), e.getMessage());
        Map<String, byte[]> after = SparkTests.tree(out);
        assertEquals(first.keySet(), after.keySet(), "the earlier run's output, and nothing else");
        first.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));
        assertArrayEquals(key, Files.readAllBytes(keyFile), "the key file is unchanged");
    }
}
