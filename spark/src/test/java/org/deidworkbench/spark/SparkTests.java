package org.deidworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;

/**
 * What the Spark tests share, JVM-wide (surefire runs every test class in one JVM): one local Spark
 * context, one new key file, the generated data and the {@code deid run} reference runs, each made
 * once and compared against by every test and class that runs the same inputs and profile
 * (the Spark runs themselves are never shared: each test makes its own).
 */
final class SparkTests {

    static final char[] PASSPHRASE = "spark-tests-passphrase".toCharArray();
    /** The project's sample data (the tests run in spark/). */
    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();
    /** The sample data's CSV, DICOM and FHIR folders: the inputs of the sample tests (Spark and Hadoop URIs alike). */
    static final List<Path> SAMPLE_INPUTS = List.of(SAMPLE.resolve("csv"), SAMPLE.resolve("dicom"),
            SAMPLE.resolve("fhir"));

    private static JavaSparkContext spark;
    private static Path shared;
    private static Path newKey;
    private static Path generated;
    private static final Map<String, Reference> REFERENCES = new java.util.HashMap<>();

    private SparkTests() {
    }

    /**
     * {@code local[*,4]}: local[*] (one executor thread per core) where a failed task is tried up to
     * four times, as on a cluster (plain local[*] never retries).
     */
    static synchronized JavaSparkContext spark() {
        if (spark == null) {
            // No UI, no console progress bar, few shuffle partitions and small broadcast blocks: the tests'
            // data are small, so Spark's fixed costs are what they would otherwise measure.
            SparkConf conf = new SparkConf().setAppName("deid-spark-tests").setMaster("local[*,4]")
                    .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                    .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.sql.shuffle.partitions", "4").set("spark.default.parallelism", "4")
                    .set("spark.broadcast.blockSize", "1m").set("spark.serializer.objectStreamReset", "1000");
            spark = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /** A JVM-wide folder for what the tests share, removed when the JVM ends. */
    private static synchronized Path shared() throws IOException {
        if (shared == null) {
            shared = Files.createTempDirectory("deid-spark-tests-");
            Path root = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    org.deidworkbench.job.Folders.deleteTree(root);
                } catch (IOException e) {
                    // a temporary folder of the tests' JVM
                }
            }));
        }
        return shared;
    }

    /**
     * A new project key file (and nothing else) at {@code file}: a copy of one made once per JVM (every
     * test's runs start from the same project, as they would from one {@code deid init}; sealing one costs a second).
     */
    /**
     * Writes into {@code in} {@code count} Provenance of Observations (no Patient among their targets,
     * {@code a-Provenance.ndjson}), the Observations ({@code c-Observation.ndjson}) and their Patients
     * ({@code e-Patient.ndjson}), each Provenance recorded a minute after its Observation (decision 0215).
     */
    static void writeProvenanceExport(Path in, int count) throws IOException {
        StringBuilder provenances = new StringBuilder();
        StringBuilder observations = new StringBuilder();
        StringBuilder patients = new StringBuilder();
        for (int i = 0; i < count; i++) {
            provenances.append("{\"resourceType\":\"Provenance\",\"id\":\"pv").append(i).append("\",\"target\":")
                    .append("[{\"reference\":\"Observation/o").append(i).append("\"}],\"recorded\":\"2023-03-0")
                    .append(1 + i % 9).append("T09:31:00Z\",\"agent\":[{\"who\":{\"reference\":\"Practitioner/dr1\"}}]}\n");
            observations.append("{\"resourceType\":\"Observation\",\"id\":\"o").append(i).append("\",\"status\":")
                    .append("\"final\",\"code\":{\"text\":\"x\"},\"subject\":{\"reference\":\"Patient/pt0000").append(i)
                    .append("\"},\"effectiveDateTime\":\"2023-03-0").append(1 + i % 9).append("T09:30:00Z\"}\n");
            patients.append("{\"resourceType\":\"Patient\",\"id\":\"pt0000").append(i).append("\",\"identifier\":")
                    .append("[{\"system\":\"urn:mrn\",\"value\":\"MRN").append(880000 + i).append("\"}]}\n");
        }
        Files.writeString(in.resolve("a-Provenance.ndjson"), provenances);
        Files.writeString(in.resolve("c-Observation.ndjson"), observations);
        Files.writeString(in.resolve("e-Patient.ndjson"), patients);
    }

    /** Asserts that the first Provenance of a {@link #writeProvenanceExport} output is on its Observation's day. */
    static void assertProvenanceOnItsObservationsDay(Path out) throws IOException {
        String provenance = Files.readAllLines(out.resolve("a-Provenance.ndjson")).get(0);
        String observation = Files.readAllLines(out.resolve("c-Observation.ndjson")).get(0);
        java.util.regex.Matcher day = java.util.regex.Pattern.compile("\"recorded\":\"(\\d{4}-\\d\\d-\\d\\d)T09:31")
                .matcher(provenance);
        assertTrue(day.find() && observation.contains("\"effectiveDateTime\":\"" + day.group(1) + "T09:30"),
                "the Provenance was recorded on its Observation's day, moved by one offset");
    }

    static synchronized Path newKeyFile(Path file) throws Exception {
        if (newKey == null) {
            newKey = shared().resolve("new.deidkey");
            KeyFileStore.create(newKey, KeyFileContents.newProject(Instant.now()), PASSPHRASE, List.of());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.copy(newKey, file);
        return file;
    }

    /**
     * {@code deid run}'s result, output and key file for {@code inputs} and {@code profile}, from the
     * key file {@link #newKeyFile} copies: made once per JVM and shared by every test comparing a Spark
     * run of the same inputs with it (never written to by them).
     */
    record Reference(RunResult result, Path out, Path key, KeyFileContents keyContents) {
    }

    static synchronized Reference reference(List<Path> inputs, String profile) throws Exception {
        String id = profile + " " + inputs;
        Reference known = REFERENCES.get(id);
        if (known == null) {
            Path root = Files.createTempDirectory(shared(), "reference-");
            Path key = newKeyFile(root.resolve("reference.deidkey"));
            RunResult result = deidRun(inputs, root.resolve("out"), key, profile(profile));
            known = new Reference(result, root.resolve("out"), key, KeyFileStore.open(key, PASSPHRASE));
            REFERENCES.put(id, known);
        }
        return known;
    }

    /**
     * The profile of the generated inputs' runs: {@code csv-template} with 50 sample rows, so that the
     * larger tables are not read whole by their sample: their key columns are read through into Bloom
     * filters by the analysis, in Spark tasks (written once per JVM; its file name).
     */
    static synchronized String generatedProfile() throws Exception {
        Path yaml = shared().resolve("csv-sample-50.yaml");
        if (!Files.exists(yaml)) {
            String template;
            try (var in = ProfileLoader.class.getResourceAsStream("/org/deidworkbench/config/profiles/csv-template.yaml")) {
                template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            assertTrue(template.contains("sample-rows: 1000"), "the template's sample size");
            Files.writeString(yaml, template.replace("name: csv-template", "name: csv-sample-50")
                    .replace("sample-rows: 1000", "sample-rows: 50"));
        }
        return yaml.toString();
    }

    /**
     * The generated inputs, made once per JVM: {@code ehr} (the related tables of
     * sample-data/corpus/ehr, 4,000 rows: keys, references, a patient table, notes to scrub) and
     * {@code studies} (40 synthetic patients with a CT study of three files each: 120 DICOM files).
     */
    static synchronized List<Path> generated() throws Exception {
        if (generated == null) {
            Path root = shared().resolve("generated");
            Path ehr = root.resolve("ehr");
            try (Stream<Path> walk = Files.walk(SAMPLE.resolve("corpus/ehr"))) {
                for (Path p : walk.toList()) {
                    Path t = ehr.resolve(SAMPLE.resolve("corpus/ehr").relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(t);
                    } else {
                        Files.copy(p, t);
                    }
                }
            }
            SyntheticData.dicom(root.resolve("studies"), SAMPLE, 40);
            generated = root;
        }
        return List.of(generated.resolve("ehr"), generated.resolve("studies"));
    }

    /**
     * The sample studies as DICOM media in {@code media}: files under DICOM File IDs and a DICOMDIR that
     * lists them with the original names and ids (the run makes it anew over the written files).
     */
    static Path media(Path media) throws Exception {
        List<Path> copies = new java.util.ArrayList<>();
        List<Path> samples;
        try (var walk = Files.walk(SAMPLE.resolve("dicom"))) {
            samples = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        for (Path s : samples) {
            Path rel = SAMPLE.resolve("dicom").relativize(s);
            Path target = media.resolve("DICOM/P" + rel.getName(0).toString().substring(3) + "/ST1/"
                    + rel.getFileName().toString().replace(".dcm", ""));
            Files.createDirectories(target.getParent());
            Files.copy(s, target);
            copies.add(target);
        }
        List<org.deidworkbench.dicom.DicomDirectory.Record> patients = new java.util.ArrayList<>();
        for (Path f : copies) {
            org.deidworkbench.dicom.Dataset ds = new org.deidworkbench.dicom.DicomReader().read(f).dataset();
            org.deidworkbench.dicom.Dataset keys = new org.deidworkbench.dicom.Dataset();
            keys.putStrings(org.deidworkbench.dicom.Tag.PATIENT_NAME, org.deidworkbench.dicom.VR.PN,
                    ds.getString(org.deidworkbench.dicom.Tag.PATIENT_NAME));
            keys.putStrings(org.deidworkbench.dicom.Tag.PATIENT_ID, org.deidworkbench.dicom.VR.LO,
                    ds.getString(org.deidworkbench.dicom.Tag.PATIENT_ID));
            org.deidworkbench.dicom.DicomDirectory.Record patient =
                    new org.deidworkbench.dicom.DicomDirectory.Record("PATIENT", keys);
            org.deidworkbench.dicom.Dataset image = new org.deidworkbench.dicom.Dataset();
            image.putStrings(org.deidworkbench.dicom.DicomDirectory.REFERENCED_FILE_ID, org.deidworkbench.dicom.VR.CS,
                    media.relativize(f).toString().split("/"));
            image.putStrings(org.deidworkbench.dicom.DicomDirectory.REFERENCED_SOP_INSTANCE,
                    org.deidworkbench.dicom.VR.UI, ds.getString(org.deidworkbench.dicom.Tag.SOP_INSTANCE_UID));
            patient.add(new org.deidworkbench.dicom.DicomDirectory.Record("IMAGE", image));
            patients.add(patient);
        }
        new org.deidworkbench.dicom.DicomWriter().write(org.deidworkbench.dicom.DicomDirectory.of(
                "2.25.3086417364927.100200.9", patients), media.resolve("DICOMDIR"));
        return media;
    }

    static LoadedProfile profile(String name) throws Exception {
        return ProfileLoader.read(name);
    }

    /** {@code deid run} with two threads: the reference. */
    static RunResult deidRun(List<Path> inputs, Path out, Path key, LoadedProfile profile) throws Exception {
        return new RunJob(new RunRequest(inputs, out, key, false, PASSPHRASE, profile, 2), RunListener.NONE).run();
    }

    static RunResult sparkRun(List<Path> inputs, Path out, Path key, LoadedProfile profile, int partitions,
            WorkerSetup.Faults faults) throws Exception {
        RunRequest request = new RunRequest(inputs, out, key, false, PASSPHRASE, profile, spark().defaultParallelism());
        return DeidSpark.run(spark(), request, partitions, faults);
    }

    /** Every file below {@code root}, by '/'-separated relative name. */
    static Map<String, byte[]> tree(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    /**
     * The two output folders hold the same files with the same bytes; the reports are equal but for
     * their {@code run} section (times, thread count).
     */
    static void assertSameOutput(Path expected, Path actual) throws IOException {
        Map<String, byte[]> e = tree(expected);
        Map<String, byte[]> a = tree(actual);
        assertEquals(e.keySet(), a.keySet(), "the same output files");
        ObjectMapper json = new ObjectMapper();
        for (String name : e.keySet()) {
            if (name.equals(RunJob.REPORT)) {
                ObjectNode re = (ObjectNode) json.readTree(e.get(name));
                ObjectNode ra = (ObjectNode) json.readTree(a.get(name));
                assertTrue(re.has("run") && ra.has("run"), "both reports have a run section");
                re.remove("run");
                ra.remove("run");
                assertEquals(re, ra, "the reports but for their run section");
            } else {
                assertArrayEquals(e.get(name), a.get(name), name + " byte for byte");
            }
        }
    }

    /** Both key files hold the same pseudonym entries, date offsets and subjects' identifiers (compared through the key file API). */
    static void assertSameKeyEntries(Path expected, Path actual) throws Exception {
        assertSameKeyEntries(KeyFileStore.open(expected, PASSPHRASE), actual);
    }

    /** {@code actual} holds the reference's pseudonym entries, date offsets and subjects' identifiers. */
    static void assertSameKeyEntries(Reference expected, Path actual) throws Exception {
        assertSameKeyEntries(expected.keyContents(), actual);
    }

    private static void assertSameKeyEntries(KeyFileContents e, Path actual) throws Exception {
        KeyFileContents a = KeyFileStore.open(actual, PASSPHRASE);
        assertTrue(e.entryCount() > 0, "the reference run made pseudonyms");
        assertEquals(e.domains(), a.domains());
        for (String domain : e.domains()) {
            assertEquals(e.entries(domain), a.entries(domain), "entries of domain " + domain);
        }
        assertEquals(e.dateOffsets(), a.dateOffsets(), "date offsets");
        assertEquals(e.linkedDateOffsets(), a.linkedDateOffsets(), "linked subjects' date offsets (decision 0078)");
        assertEquals(e.knownIdentifiers(), a.knownIdentifiers(), "subjects' known identifiers");
        assertEquals(e.runs().size(), a.runs().size(), "one run recorded in each");
    }
}
