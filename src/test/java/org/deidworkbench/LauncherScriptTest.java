package org.deidworkbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.deidworkbench.job.DicomBenchmark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's {@code ./deid} script and its class-data archive (decision 0084), run on a copy of the script
 * beside a small jar whose main prints the JVM options it was started with and exits with the code it is given.
 */
class LauncherScriptTest {

    private static final String PROBE = """
            public class Probe {
                public static void main(String[] args) {
                    System.out.println("options " + String.join(" ",
                            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
                    System.out.println("args " + String.join(" ", args));
                    System.exit(args.length > 1 ? Integer.parseInt(args[1]) : 0);
                }
            }
            """;

    @TempDir
    Path checkout;

    private Path target;

    @BeforeEach
    void checkoutWithAJar() throws IOException {
        Files.copy(Path.of("deid"), checkout.resolve("deid"));
        target = Files.createDirectories(checkout.resolve("target"));
        Files.createDirectories(target.resolve("lib"));
        Path src = Files.createDirectories(checkout.resolve("probe"));
        Files.writeString(src.resolve("Probe.java"), PROBE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "the tests run on a JDK");
        assertEquals(0, javac.run(null, null, null, "-d", src.toString(), src.resolve("Probe.java").toString()));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Probe");
        try (OutputStream out = Files.newOutputStream(target.resolve("deid.jar"));
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("Probe.class"));
            jar.write(Files.readAllBytes(src.resolve("Probe.class")));
            jar.closeEntry();
        }
        Files.setLastModifiedTime(target.resolve("deid.jar"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }

    /** What the launcher gives a command before the sharing options: the collector and the JIT options (decision 0098). */
    private static final String COMMAND_OPTIONS = "-XX:+UseParallelGC " + String.join(" ",
            DicomBenchmark.LAUNCHER_JIT_OPTIONS);

    @Test
    void theFirstRunWritesTheArchiveAndLaterCommandsStartFromIt() throws Exception {
        Run first = deid(null, "run", "0");
        assertEquals(0, first.code, first.out);
        assertEquals(List.of("options " + COMMAND_OPTIONS, "args run 0"), withoutArchiveOptions(first.lines()),
                "the run's own output, nothing from the archive's writing: " + first.out);
        assertTrue(first.out.contains("-XX:ArchiveClassesAtExit="), first.out);
        Path archive = onlyArchive();
        assertTrue(Files.size(archive) > 0);

        Run second = deid(null, "keyfile", "0");
        assertEquals(0, second.code, second.out);
        assertTrue(second.out.contains("-XX:SharedArchiveFile=" + archive), second.out);
        assertEquals(List.of("options " + COMMAND_OPTIONS, "args keyfile 0"), withoutArchiveOptions(second.lines()));
    }

    @Test
    void aNewerJarGetsANewArchive() throws Exception {
        assertEquals(0, deid(null, "run", "0").code);
        Path archive = onlyArchive();
        // The archive made older than the jar (a minute old since setup), not the jar moved ahead of the clock: a
        // jar dated in the future stays newer than an archive rebuilt within that time, on a fast machine.
        Files.setLastModifiedTime(archive,
                FileTime.fromMillis(Files.getLastModifiedTime(target.resolve("deid.jar")).toMillis() - 30_000));

        Run stale = deid(null, "keyfile", "0");
        assertFalse(stale.out.contains("SharedArchiveFile"), "a stale archive is not used: " + stale.out);
        Run rebuild = deid(null, "run", "0");
        assertTrue(rebuild.out.contains("-XX:ArchiveClassesAtExit="), rebuild.out);
        assertTrue(Files.getLastModifiedTime(onlyArchive()).compareTo(Files.getLastModifiedTime(target.resolve("deid.jar"))) > 0);
        assertTrue(deid(null, "keyfile", "0").out.contains("-XX:SharedArchiveFile="));
    }

    @Test
    void aFailedRunKeepsItsExitCodeAndLeavesNoArchive() throws Exception {
        Run failed = deid(null, "run", "3");
        assertEquals(3, failed.code, failed.out);
        assertEquals(List.of(), archives());
        Run other = deid(null, "keyfile", "0");
        assertFalse(other.out.contains("Archive"), "only run writes an archive: " + other.out);
        assertEquals(List.of(), archives());
    }

    @Test
    void sharingOptionsOfTheUserWin() throws Exception {
        Run off = deid("-Xshare:off", "run", "0");
        assertEquals(0, off.code, off.out);
        assertEquals(List.of("options " + COMMAND_OPTIONS + " -Xshare:off", "args run 0"), off.lines());
        assertEquals(List.of(), archives());
    }

    @Test
    void concurrentFirstRunsLeaveOneWholeArchive() throws Exception {
        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(start(null, "run", "0"));
        }
        for (Process p : runs) {
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue());
        }
        Path archive = onlyArchive();
        Run after = deid("-Xshare:on -XX:SharedArchiveFile=" + archive, "keyfile", "0");
        assertEquals(0, after.code, "the archive maps (-Xshare:on fails otherwise): " + after.out);
    }

    private record Run(int code, String out) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    /** The lines with the launcher's sharing options taken out. */
    private static List<String> withoutArchiveOptions(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(" -XX:(ArchiveClassesAtExit|SharedArchiveFile)=\\S+", "")
                .replace(" -Xlog:cds*=off", "")).toList();
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().startsWith("deid-cds")).sorted().toList();
        }
    }

    /** The one archive, and no temporary file beside it. */
    private Path onlyArchive() throws IOException {
        List<Path> all = archives();
        assertEquals(1, all.size(), all.toString());
        assertTrue(all.get(0).getFileName().toString().matches("deid-cds-[0-9]+\\.jsa"), all.toString());
        return all.get(0);
    }

    private Process start(String javaOpts, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", checkout.resolve("deid").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(checkout.toFile());
        pb.environment().remove("DEID_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("DEID_JAVA_OPTS", javaOpts);
        }
        return pb.start();
    }

    private Run deid(String javaOpts, String... args) throws Exception {
        Process p = start(javaOpts, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        return new Run(p.exitValue(), out);
    }
}
