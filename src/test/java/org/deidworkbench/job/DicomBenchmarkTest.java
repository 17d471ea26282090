package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deid bench dicom} measures every way on the same files and leaves its inputs as they were. */
class DicomBenchmarkTest {

    @Test
    void measuresEveryWayIncludingTheDurableOnesOnTheSampleStudies(@TempDir Path scratch) throws Exception {
        Path input = Path.of("sample-data", "dicom");
        long before = size(input);
        DicomBenchmark.Result r = DicomBenchmark.run(input, scratch, ProfileLoader.read("dicom-basic"), 2, 1);

        assertEquals(List.of("copy", "copy+sync", "deid", "gdcmanon", "gdcmanon+sync"),
                r.measures().stream().map(DicomBenchmark.Measure::name).toList());
        assertTrue(r.files() > 0 && r.written() > 0, "deid wrote the sample studies");
        assertTrue(r.measure("deid").seconds() > 0 && r.measure("copy").seconds() > 0);
        assertTrue(r.phases().containsKey("transform"), r.phases().toString());
        DicomBenchmark.Measure gdcm = r.measure("gdcmanon");
        if (!Double.isNaN(gdcm.seconds())) { // libgdcm-tools installed (.ci/run installs it)
            assertTrue(r.measure("gdcmanon+sync").seconds() >= gdcm.seconds(),
                    "the durable gdcmanon includes gdcmanon's own time");
        }
        assertEquals(before, size(input), "the input is only read");
        // one deid run in a fresh JVM after the rounds, as a user starts it: it succeeded and took time and CPU
        assertTrue(r.cold() != null && r.cold().seconds() > 0, String.valueOf(r.cold()));
        assertTrue(r.cold().note().startsWith("fresh JVM: java "), r.cold().note());
        assertTrue(Double.isNaN(r.cold().cpuSeconds()) || r.cold().cpuSeconds() > 0, r.cold().toString());
        assertEquals(List.of(), listing(scratch), "the cold run's output and key file are deleted with the rounds'");
    }

    @Test
    void theColdRunStartsLikeThisJvmWithoutAgentsOrRecordings() {
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmx512m", "-XX:SharedArchiveFile=/t/a.jsa", "-Xlog:cds*=off"),
                DicomBenchmark.jvmOptions(List.of("-XX:+UseParallelGC", "-javaagent:/x/jacoco.jar=destfile=y",
                        "-Xmx512m", "-agentlib:jdwp=transport=dt_socket,server=y", "-XX:StartFlightRecording=filename=r.jfr",
                        "-XX:SharedArchiveFile=/t/a.jsa", "-XX:ArchiveClassesAtExit=/t/b.jsa", "-Xlog:cds*=off")));
    }

    @Test
    void theColdRunGetsTheLaunchersJitOptionsUnlessThisJvmSetsThem() {
        assertEquals(List.of("-XX:FreqInlineSize=150", "-XX:InlineSmallCode=1500", "-XX:+UseParallelGC", "-Xmx512m"),
                DicomBenchmark.withLauncherJit(List.of("-XX:+UseParallelGC", "-Xmx512m")));
        assertEquals(List.of("-Xmx512m", "-XX:InlineSmallCode=2500"),
                DicomBenchmark.withLauncherJit(List.of("-Xmx512m", "-XX:InlineSmallCode=2500")));
        assertEquals(List.of("-XX:FreqInlineSize=325"), DicomBenchmark.withLauncherJit(List.of("-XX:FreqInlineSize=325")));
    }

    @Test
    void theLaunchersGiveCommandsTheJitOptionsTheColdRunUses() throws Exception {
        String options = String.join(" ", DicomBenchmark.LAUNCHER_JIT_OPTIONS);
        assertTrue(Files.readString(Path.of("deid")).contains("jit=(" + options + ")"), "deid");
        assertTrue(Files.readString(Path.of("installer", "common.sh"))
                .contains("java-options=-XX:+UseParallelGC " + options + "\n"), "installer/common.sh");
        assertTrue(Files.readString(Path.of("installer", "windows-msi.ps1"))
                .contains("java-options=-XX:+UseParallelGC " + options + "\""), "installer/windows-msi.ps1");
    }

    private static List<Path> listing(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir)).toList();
        }
    }

    private static long size(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
