package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by a signal (Ctrl-C sends SIGINT, a service stop SIGTERM; both run the JVM's
 * shutdown hooks) says what happened and leaves no trace: no output folder, no key file, nothing
 * half-written. Runs the real command line in a child JVM.
 */
class InterruptedRunTest {

    @Test
    void aSignalledRunSaysItWasCancelledAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        writeBigExport(in.resolve("labs.csv"), 40_000_000L);
        Path out = dir.resolve("out");
        Path err = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.deidworkbench.Launcher", "run", in.toString(), "--out", out.toString(), "--threads", "1"))
                .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DEID_PASSPHRASE", "interrupted-run-passphrase");
        Process p = pb.start();
        try {
            // Wait until the run is under way (its work folder exists), then stop it as a terminal would.
            while (!Files.isDirectory(out.resolve(".deid-work")) && p.isAlive()) {
                Thread.sleep(5);
            }
            assertTrue(p.isAlive(), "the run ended before it could be stopped; make the input bigger");
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run stops");
        } finally {
            p.destroyForcibly();
        }
        String message = Files.readString(err, StandardCharsets.UTF_8);
        assertTrue(message.contains("run cancelled") && message.contains("as it was before the run"), message);
        assertFalse(Files.exists(out), "the output folder the run created is removed");
        assertFalse(Files.exists(dir.resolve("out.deidkey")), "no key file was created");
    }

    private static void writeBigExport(Path file, long bytes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("patient_id,collected_at,loinc_code,result_value,comment\n");
            long written = 0;
            for (int i = 0; written < bytes; i++) {
                String line = (100000 + i % 5000) + ",2024-03-" + (10 + i % 18) + " 08:15," + "2345-7," + (i % 200)
                        + ",repeat requested by ward " + (i % 9) + "\n";
                w.write(line);
                written += line.length();
            }
        }
    }
}
