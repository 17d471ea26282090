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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void runsWithJavaCpOnLocalSparkAndWritesAVerifiableOutput() throws Exception {
        Path key = SparkTests.newKeyFile(tmp.resolve("project.deidkey"));
        Path out = tmp.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), DeidSpark.class.getName(), "run",
                "--master", "local[2]", "--keyfile", key.toString(), "--out", out.toString(),
                SparkTests.SAMPLE.resolve("csv").toString(), SparkTests.SAMPLE.resolve("dicom").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().put("DEID_PASSPHRASE", new String(SparkTests.PASSPHRASE));
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "finished");
        String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(0, p.exitValue(), log);
        List<String> manifest = Files.readAllLines(out.resolve(RunJob.MANIFEST));
        assertTrue(manifest.size() >= 10, "CSV and DICOM files written");
        assertTrue(log.contains("deid-spark: " + manifest.size() + " files, " + manifest.size() + " written, 0 failed"),
                log);
        for (String line : manifest) {
            String[] parts = line.split(" {2}", 2);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(out.resolve(parts[1])));
            assertEquals(parts[0], HexFormat.of().formatHex(digest), parts[1]);
        }
    }
}
