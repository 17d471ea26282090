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

/** What the Spark tests share: one local Spark context per test JVM, reference runs, comparisons, generated data. */
final class SparkTests {

    static final char[] PASSPHRASE = "spark-tests-passphrase".toCharArray();
    /** The project's sample data (the tests run in spark/). */
    static final Path SAMPLE = Path.of("..", "sample-data").toAbsolutePath().normalize();

    private static JavaSparkContext spark;

    private SparkTests() {
    }

    /**
     * {@code local[*,4]}: local[*] (one executor thread per core) where a failed task is tried up to
     * four times, as on a cluster (plain local[*] never retries).
     */
    static synchronized JavaSparkContext spark() {
        if (spark == null) {
            SparkConf conf = new SparkConf().setAppName("deid-spark-tests").setMaster("local[*,4]")
                    .set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1");
            spark = new JavaSparkContext(conf);
            Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
        }
        return spark;
    }

    /** A new project key file (and nothing else) at {@code file}. */
    static Path newKeyFile(Path file) throws Exception {
        KeyFileStore.create(file, KeyFileContents.newProject(Instant.now()), PASSPHRASE, List.of());
        return file;
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
        KeyFileContents e = KeyFileStore.open(expected, PASSPHRASE);
        KeyFileContents a = KeyFileStore.open(actual, PASSPHRASE);
        assertTrue(e.entryCount() > 0, "the reference run made pseudonyms");
        assertEquals(e.domains(), a.domains());
        for (String domain : e.domains()) {
            assertEquals(e.entries(domain), a.entries(domain), "entries of domain " + domain);
        }
        assertEquals(e.dateOffsets(), a.dateOffsets(), "date offsets");
        assertEquals(e.knownIdentifiers(), a.knownIdentifiers(), "subjects' known identifiers");
        assertEquals(e.runs().size(), a.runs().size(), "one run recorded in each");
    }

    /** {@code patients} synthetic patients with a CT study of three files each ({@link SyntheticData#dicom}). */
    static Path generateDicom(Path root, int patients) throws Exception {
        return SyntheticData.dicom(root, SAMPLE, patients);
    }
}
