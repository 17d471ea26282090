package org.deidworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.deidworkbench.job.RunJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deid-spark run ...} as a program: its command line, its errors, and a whole run with {@code java -cp}. */
class DeidSparkMainTest {

    @TempDir
    Path tmp;

    private record Ran(int code, String out, String err) {
    }

    private static Ran main(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeidSpark.main(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunLogsThroughSparksProviderUnlessTheUserChoseOne() {
        String before = System.getProperty("slf4j.provider");
        try {
            System.clearProperty("slf4j.provider");
            assertEquals(DeidSpark.SPARK_LOGGING, DeidSpark.chooseLogging(DeidSpark.class.getClassLoader()));
            assertEquals(DeidSpark.SPARK_LOGGING, System.getProperty("slf4j.provider"));

            System.setProperty("slf4j.provider", "org.slf4j.simple.SimpleServiceProvider");
            assertEquals(null, DeidSpark.chooseLogging(DeidSpark.class.getClassLoader()));
            assertEquals("org.slf4j.simple.SimpleServiceProvider", System.getProperty("slf4j.provider"));

            // Without Spark's binding (a class loader that sees only the JDK), SLF4J's own search stands.
            System.clearProperty("slf4j.provider");
            assertEquals(null, DeidSpark.chooseLogging(ClassLoader.getPlatformClassLoader()));
            assertEquals(null, System.getProperty("slf4j.provider"));
        } finally {
            if (before == null) {
                System.clearProperty("slf4j.provider");
            } else {
                System.setProperty("slf4j.provider", before);
            }
        }
    }

    @Test
    void aCommandLineWithoutOutputIsAUsageError() {
        Ran r = main("run", "in");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--out is required") && r.err().contains("usage: deid-spark run"), r.err());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Ran r = main("verify", "--out", "x", "in");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("the commands are `run` and `bench`"), r.err());
    }

    @Test
    void aNamedKeyFileThatDoesNotExistStartsNoNewProject() {
        Path out = tmp.resolve("out");
        Ran r = main("run", "--keyfile", tmp.resolve("typo.deidkey").toString(), "--out", out.toString(),
                SparkTests.SAMPLE.resolve("csv").toString());
        assertEquals(5, r.code());
        assertTrue(r.err().contains("no such key file"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void runsOnTheSparkContextAlreadyRunningAndWritesAVerifiableOutput() throws Exception {
        // As in a Databricks JAR task or an application embedding the run: the JVM's running context is
        // used (the tests' local[*]) and left running. (A fresh JVM, `java -cp ... DeidSpark run`, starts
        // its own: the same code path but for getOrCreate; see spark/README.md.)
        var context = SparkTests.spark();
        int jobs = context.statusTracker().getJobIdsForGroup(SparkPasses.TRANSFORM).length;
        Path key = SparkTests.newKeyFile(tmp.resolve("project.deidkey"));
        Path passphrase = tmp.resolve("passphrase");
        Files.writeString(passphrase, new String(SparkTests.PASSPHRASE) + "\n");
        Path out = tmp.resolve("out");

        Ran r = main("run", "--master", "local[1]", "--passphrase-file", passphrase.toString(), "--keyfile",
                key.toString(), "--out", out.toString(), SparkTests.SAMPLE.resolve("csv").toString(),
                SparkTests.SAMPLE.resolve("dicom").toString());

        assertEquals(0, r.code(), r.err());
        assertTrue(context.statusTracker().getJobIdsForGroup(SparkPasses.TRANSFORM).length > jobs,
                "the run's passes ran on the context that was running");
        assertFalse(context.sc().isStopped(), "the context is left running");
        List<String> manifest = Files.readAllLines(out.resolve(RunJob.MANIFEST));
        assertTrue(manifest.size() >= 10, "CSV and DICOM files written");
        assertTrue(r.out().contains("deid-spark: " + manifest.size() + " files, " + manifest.size()
                + " written, 0 failed"), r.out());
        for (String line : manifest) {
            String[] parts = line.split(" {2}", 2);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve(parts[1])));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1]);
        }
    }
}
