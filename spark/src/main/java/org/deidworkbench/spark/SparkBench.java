package org.deidworkbench.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
 * {@code deid-spark bench}: {@code deid run} (2 threads) and the Spark job ({@code local[2]} unless
 * {@code --master} says otherwise) on the same synthetic CSV rows, DICOM files and FHIR NDJSON
 * resources, one dataset at a time, rounds alternating; prints the best wall time of each with the process CPU time of that
 * round, rows/s, files/s and resources/s, the Spark context's start-up time (not in the rounds), whether both
 * outputs' manifests are equal, and the load average before and after. Synthetic data only.
 */
final class SparkBench {

    private static final char[] PASSPHRASE = "bench-passphrase-synthetic-data".toCharArray();

    private SparkBench() {
    }

    private record Round(double seconds, double cpuSeconds) {
    }

    static int main(String[] args, PrintStream out) throws Exception {
        int csvRows = 200_000;
        int dicomPatients = 300;
        int fhirPatients = 5000;
        int fhirMegabytes = 20;
        int rounds = 3;
        String master = "local[2]";
        Path sample = Path.of("sample-data");
        Path work = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--csv-rows" -> csvRows = Integer.parseInt(args[++i]);
                case "--dicom-patients" -> dicomPatients = Integer.parseInt(args[++i]);
                case "--fhir-patients" -> fhirPatients = Integer.parseInt(args[++i]);
                case "--fhir-mb" -> fhirMegabytes = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--master" -> master = args[++i];
                case "--sample-data" -> sample = Path.of(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown bench option " + args[i]
                        + " (--csv-rows N, --dicom-patients N, --fhir-patients N, --fhir-mb N, --rounds N, --master URL,"
                        + " --sample-data DIR, --work DIR)");
            }
        }
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("deid-spark-bench-");
        out.printf(Locale.ROOT, "load before: %s%n", load());
        Path csv = SyntheticData.csv(dir.resolve("in-csv"), csvRows);
        Path dicom = SyntheticData.dicom(dir.resolve("in-dicom"), sample, dicomPatients);
        Path fhir = fhirPatients > 0 ? SyntheticData.fhir(dir.resolve("in-fhir"), fhirPatients,
                fhirMegabytes * 1_000_000L, 8) : null;
        Path key = dir.resolve("fresh.deidkey");
        KeyFileStore.create(key, KeyFileContents.newProject(Instant.now()), PASSPHRASE, List.of());
        LoadedProfile profile = ProfileLoader.read("csv-template");

        long t0 = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName("deid-spark-bench").setMaster(master)
                .set("spark.ui.enabled", "false");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            out.printf(Locale.ROOT, "Spark %s, master %s, default parallelism %d, context start %.1f s%n", spark.version(),
                    master, spark.defaultParallelism(), (System.nanoTime() - t0) / 1e9);
            measure(out, "CSV", csvRows, "rows", csv, dir, key, profile, spark, rounds);
            measure(out, "DICOM", dicomPatients * 3, "files", dicom, dir, key, profile, spark, rounds);
            if (fhir != null) {
                measure(out, "FHIR", lines(fhir), "resources", fhir, dir, key, ProfileLoader.read("fhir-safe-harbor"),
                        spark, rounds);
            }
        }
        out.printf(Locale.ROOT, "load after: %s%n", load());
        return 0;
    }

    private static void measure(PrintStream out, String name, long units, String unit, Path input, Path dir, Path freshKey,
            LoadedProfile profile, JavaSparkContext spark, int rounds) throws Exception {
        Round bestDeid = null;
        Round bestSpark = null;
        boolean identical = true;
        for (int r = 0; r < rounds; r++) {
            Path deidOut = dir.resolve("out-deid");
            Path sparkOut = dir.resolve("out-spark");
            delete(deidOut);
            delete(sparkOut);
            Round d = timed(() -> new RunJob(request(input, deidOut, freshKey, dir, "deid", profile, 2), RunListener.NONE)
                    .run());
            Round s = timed(() -> DeidSpark.run(spark, request(input, sparkOut, freshKey, dir, "spark", profile,
                    spark.defaultParallelism()), 4 * spark.defaultParallelism()));
            identical &= Arrays.equals(Files.readAllBytes(deidOut.resolve(RunJob.MANIFEST)),
                    Files.readAllBytes(sparkOut.resolve(RunJob.MANIFEST)));
            bestDeid = bestDeid == null || d.seconds() < bestDeid.seconds() ? d : bestDeid;
            bestSpark = bestSpark == null || s.seconds() < bestSpark.seconds() ? s : bestSpark;
        }
        out.printf(Locale.ROOT, "%-6s %,d %s: deid run  best %.2f s (CPU %.2f s)  %,.0f %s/s%n", name, units, unit,
                bestDeid.seconds(), bestDeid.cpuSeconds(), units / bestDeid.seconds(), unit);
        out.printf(Locale.ROOT, "%-6s %,d %s: deid-spark best %.2f s (CPU %.2f s)  %,.0f %s/s  (same manifest: %s)%n",
                name, units, unit, bestSpark.seconds(), bestSpark.cpuSeconds(), units / bestSpark.seconds(), unit,
                identical ? "yes" : "NO");
    }

    /** A run into {@code out} with its own copy of the fresh key file (so every round starts alike). */
    private static RunRequest request(Path input, Path out, Path freshKey, Path dir, String who, LoadedProfile profile,
            int threads) throws IOException {
        Path key = dir.resolve(who + ".deidkey");
        Files.copy(freshKey, key, StandardCopyOption.REPLACE_EXISTING);
        return new RunRequest(List.of(input), out, key, false, PASSPHRASE, profile, threads);
    }

    private interface Run {
        RunResult run() throws Exception;
    }

    private static Round timed(Run run) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        RunResult r = run.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        if (!r.allWritten()) {
            throw new IllegalStateException("a benchmark run did not write every file: " + r.report().files());
        }
        return new Round(seconds, cpu);
    }

    /** The NDJSON lines (resources) of the files in {@code dir}. */
    private static long lines(Path dir) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                try (Stream<String> lines = Files.lines(f)) {
                    n += lines.filter(l -> !l.isBlank()).count();
                }
            }
        }
        return n;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
