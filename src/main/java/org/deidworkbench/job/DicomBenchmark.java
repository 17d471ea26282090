package org.deidworkbench.job;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deidworkbench.config.LoadedProfile;

/**
 * {@code deid bench dicom --input DIR}: de-identifies a folder of DICOM files and, in the same run
 * on the same data, times a plain copy of the files and GDCM's {@code gdcmanon} (PS3.15 Basic
 * Profile with a throwaway certificate when {@code openssl} is there, else its dumb mode), with
 * the peak heap of the de-identification. Numbers belong in {@code performance-dicom.md}, never
 * in tests. Each measure keeps the fastest of its rounds; the input is read once first so every
 * measure starts from the same page cache, and what a measure wrote is forced to disk, untimed, before
 * the next one starts (else the disk would still be writing the plain copy's data back while deid forces
 * its own). deid forces every output to disk (decision 0004), the plain copy and gdcmanon do not: the
 * {@code copy+sync} and {@code gdcmanon+sync} measures are the same work made as durable as deid's.
 */
public final class DicomBenchmark {

    /**
     * One measured way of producing the output.
     *
     * @param name what was measured
     * @param seconds wall time of the fastest round
     * @param note how it was run, or why it was skipped ({@code seconds} is then NaN)
     */
    public record Measure(String name, double seconds, String note) {
    }

    /**
     * The benchmark's outcome.
     *
     * @param files regular files in the input
     * @param bytes their total size
     * @param measures copy, copy+sync, deid, gdcmanon and gdcmanon+sync, in that order
     * @param written files deid wrote (the others were withheld or failed, see its report)
     * @param peakHeapBytes sum of the heap pools' peak usage during the fastest deid round
     * @param maxHeapBytes the JVM's maximum heap
     * @param phases seconds of the fastest deid round by phase, in order: {@code open} (key file, input walk,
     *     engine) until the first phase the run announces, then each {@link RunPhase} it went through
     * @param deidRounds every deid round, in order: {wall seconds, process CPU seconds} (every thread of this
     *     JVM during the round, the JIT compilers and the collector included; NaN where the JVM cannot say)
     * @param cold one {@code deid run} of the input in a fresh JVM, as a user waits for it; null when not asked for
     * @param gdcmanonCpuSeconds CPU of gdcmanon's process in its fastest round, NaN where not measured
     */
    public record Result(long files, long bytes, List<Measure> measures, long written, long peakHeapBytes,
            long maxHeapBytes, java.util.LinkedHashMap<String, Double> phases, List<double[]> deidRounds, Cold cold,
            double gdcmanonCpuSeconds) {

        /** The measure named {@code name}. */
        public Measure measure(String name) {
            return measures.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }
    }

    /**
     * A cold run: {@code deid run INPUT --out DIR} in a new JVM started with this JVM's options (the collector,
     * the heap, the class-data archive the launcher gave it; agents and recordings left out), a new key file
     * (so PBKDF2 runs twice: create, seal), the input in the page cache as for the other measures.
     *
     * @param seconds wall time from starting the process to its exit, NaN when it failed
     * @param cpuSeconds its CPU time, every thread (JIT and collector included), NaN where the platform cannot say
     * @param note the command, or why it failed
     */
    public record Cold(double seconds, double cpuSeconds, String note) {
    }

    /** The main class of the command line, started by name: this package does not depend on the launcher. */
    private static final String MAIN_CLASS = "org.deidworkbench.Launcher";

    private DicomBenchmark() {
    }

    /** As {@link #run(Path, Path, LoadedProfile, int, int, String)}, the cold run with the profile's name. */
    public static Result run(Path input, Path scratch, LoadedProfile profile, int threads, int rounds) throws JobException {
        return run(input, scratch, profile, threads, rounds, profile.profile().name());
    }

    /**
     * Runs the benchmark.
     *
     * @param scratch an empty folder for the outputs (the caller deletes it)
     * @param threads deid's worker threads
     * @param rounds measurements per way; the fastest counts
     * @param coldProfile the {@code --profile} of one {@link Cold} run after the rounds (the built-in name or the
     *     YAML file {@code profile} was read from), or null for none
     */
    public static Result run(Path input, Path scratch, LoadedProfile profile, int threads, int rounds, String coldProfile)
            throws JobException {
        try {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(input)) {
                files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            }
            long bytes = 0;
            for (Path f : files) {
                bytes += Files.size(f);
                try (InputStream in = Files.newInputStream(f)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // same page cache for every measure
                }
            }
            double copy = Double.MAX_VALUE;
            double durableCopy = Double.MAX_VALUE;
            double deid = Double.MAX_VALUE;
            double gdcm = Double.MAX_VALUE;
            double durableGdcm = Double.MAX_VALUE;
            String gdcmNote = "";
            double gdcmanonCpu = Double.NaN;
            long peak = 0;
            long written = 0;
            java.util.LinkedHashMap<String, Double> phases = new java.util.LinkedHashMap<>();
            List<double[]> deidRounds = new ArrayList<>();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            for (int round = 1; round <= rounds; round++) {
                Path dir = Files.createDirectories(scratch.resolve("round-" + round));
                long t0 = System.nanoTime();
                for (Path f : files) {
                    Path target = dir.resolve("copy").resolve(input.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
                copy = Math.min(copy, (System.nanoTime() - t0) / 1e9);
                forceAll(dir.resolve("copy")); // untimed: the disk is done with it before the next measure

                // A copy as durable as deid's output: every file's data forced to disk (fdatasync, as deid forces
                // its parts, decision 0004) before it counts as written.
                t0 = System.nanoTime();
                for (Path f : files) {
                    Path target = dir.resolve("durable-copy").resolve(input.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                    PartSyncer.forceFile(target);
                }
                durableCopy = Math.min(durableCopy, (System.nanoTime() - t0) / 1e9);

                System.gc();
                heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
                char[] passphrase = passphrase();
                PhaseClock clock = new PhaseClock();
                double cpu0 = ProcessCpu.seconds();
                t0 = System.nanoTime();
                RunResult r = new RunJob(new RunRequest(List.of(input), dir.resolve("deid"), dir.resolve("deid.deidkey"),
                        true, passphrase, profile, threads), clock).run();
                long t1 = System.nanoTime();
                double cpu1 = ProcessCpu.seconds();
                double seconds = (t1 - t0) / 1e9;
                deidRounds.add(new double[] {seconds, cpu1 - cpu0});
                if (seconds < deid) {
                    deid = seconds;
                    peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                    phases = clock.split(t0, t1);
                }
                written = r.report().files().written();

                String[] g = gdcmanon(input, dir);
                if (g[0] != null) {
                    double anon = Double.parseDouble(g[0]);
                    if (anon < gdcm) {
                        gdcmanonCpu = Double.parseDouble(g[2]);
                    }
                    gdcm = Math.min(gdcm, anon);
                    t0 = System.nanoTime();
                    forceAll(dir.resolve("gdcmanon"));
                    durableGdcm = Math.min(durableGdcm, anon + (System.nanoTime() - t0) / 1e9);
                }
                gdcmNote = g[1];
                Folders.deleteTree(dir); // untimed: a multi-gigabyte input would otherwise fill the disk by round
            }
            List<Measure> measures = List.of(
                    new Measure("copy", copy, "Files.copy of every file"),
                    new Measure("copy+sync", durableCopy, "Files.copy, then each file's data forced to disk (as deid's output is)"),
                    new Measure("deid", deid, "deid run, " + threads + " threads, profile " + profile.profile().name()
                            + ", including the scan pass and sealing the key file"),
                    new Measure("gdcmanon", gdcm == Double.MAX_VALUE ? Double.NaN : gdcm, gdcmNote),
                    new Measure("gdcmanon+sync", durableGdcm == Double.MAX_VALUE ? Double.NaN : durableGdcm,
                            durableGdcm == Double.MAX_VALUE ? gdcmNote
                                    : "gdcmanon as above, then each file's data forced to disk (as deid's output is)"));
            Cold coldRun = coldProfile != null ? cold(input, scratch.resolve("cold"), coldProfile, threads) : null;
            return new Result(files.size(), bytes, measures, written, peak, Runtime.getRuntime().maxMemory(), phases,
                    List.copyOf(deidRounds), coldRun, gdcmanonCpu);
        } catch (IOException e) {
            throw new JobException(JobException.Reason.IO_ERROR, "benchmark failed on " + input + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** When each phase of a run began (the run announces them from its own thread, in order). */
    private static final class PhaseClock implements RunListener {
        private final List<String> names = new ArrayList<>();
        private final List<Long> starts = new ArrayList<>();

        @Override
        public synchronized void phase(String name, int files, long bytes) {
            names.add(name);
            starts.add(System.nanoTime());
        }

        /** Seconds per phase between {@code t0} and {@code t1}; {@code open} before the first. */
        synchronized java.util.LinkedHashMap<String, Double> split(long t0, long t1) {
            java.util.LinkedHashMap<String, Double> out = new java.util.LinkedHashMap<>();
            long from = t0;
            String name = "open";
            for (int i = 0; i <= names.size(); i++) {
                long to = i < names.size() ? starts.get(i) : t1;
                out.merge(name, (to - from) / 1e9, Double::sum);
                if (i < names.size()) {
                    name = names.get(i);
                    from = to;
                }
            }
            return out;
        }
    }

    /** Forces the data of every file under {@code dir} to disk ({@code fdatasync}, as deid forces its parts). */
    static void forceAll(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
        }
        for (Path f : files) {
            PartSyncer.forceFile(f);
        }
    }

    private static char[] passphrase() {
        SecureRandom random = new SecureRandom();
        char[] p = new char[24];
        for (int i = 0; i < p.length; i++) {
            p[i] = (char) ('a' + random.nextInt(26));
        }
        return p;
    }

    private static Cold cold(Path input, Path dir, String profile, int threads) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        List<String> options = withLauncherJit(jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS, "run", input.toString(),
                "--out", dir.resolve("out").toString(), "--profile", profile, "--threads",
                Integer.toString(threads), "--no-progress"));
        String shown = "fresh JVM: java " + String.join(" ", options) + " deid run, " + threads + " threads, a new key file";
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("run-output.txt").toFile());
        char[] passphrase = passphrase();
        builder.environment().remove("DEID_PASSPHRASE_FILE");
        builder.environment().put("DEID_PASSPHRASE", new String(passphrase));
        java.util.Arrays.fill(passphrase, '\0');
        double cpu0 = ProcessCpu.childrenSeconds();
        long t0 = System.nanoTime();
        Process p = builder.start();
        int exit;
        try {
            if (p.waitFor(1, TimeUnit.HOURS)) {
                exit = p.exitValue();
            } else {
                p.destroyForcibly();
                exit = -1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            exit = -1;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = ProcessCpu.childrenSeconds() - cpu0;
        Folders.deleteTree(dir);
        return exit == 0 ? new Cold(seconds, cpu, shown)
                : new Cold(Double.NaN, Double.NaN, "failed (exit code " + exit + "): " + shown);
    }

    /**
     * This JVM's options for the cold run's JVM, without those that would attach or record (agents, debuggers,
     * flight recordings) or write a class-data archive: the cold run starts as this JVM was started.
     */
    static List<String> jvmOptions(List<String> options) {
        List<String> kept = new ArrayList<>();
        for (String o : options) {
            if (!(o.startsWith("-agentlib:") || o.startsWith("-agentpath:") || o.startsWith("-javaagent:")
                    || o.startsWith("-Xrunjdwp") || o.equals("-Xdebug") || o.startsWith("-XX:StartFlightRecording")
                    || o.startsWith("-XX:FlightRecorderOptions") || o.startsWith("-XX:ArchiveClassesAtExit")
                    || o.startsWith("-XX:DumpLoadedClassList") || o.startsWith("-Djava.class.path="))) {
                kept.add(o);
            }
        }
        return kept;
    }

    /**
     * The JIT options the launchers give every command (the checkout's {@code deid} and the installers'
     * {@code java-options}, decision 0098): less inlining by C2, whose one thread compiles a cold run's hot methods.
     */
    public static final List<String> LAUNCHER_JIT_OPTIONS = List.of("-XX:FreqInlineSize=150", "-XX:InlineSmallCode=1500");

    /**
     * {@code options} with the launchers' JIT options in front when it sets neither (a bench started by
     * {@code java -jar}, not by a launcher): the cold run starts as a user's {@code deid run} does. Options of
     * this JVM that set them are kept as they are.
     */
    static List<String> withLauncherJit(List<String> options) {
        for (String o : options) {
            if (o.startsWith("-XX:FreqInlineSize=") || o.startsWith("-XX:InlineSmallCode=")) {
                return options;
            }
        }
        List<String> all = new ArrayList<>(LAUNCHER_JIT_OPTIONS);
        all.addAll(options);
        return all;
    }

    /** Seconds (or null), how gdcmanon was run or why not, and its process's CPU seconds (NaN if unknown). */
    private static String[] gdcmanon(Path input, Path dir) throws IOException {
        if (!runs("gdcmanon", "--version")) {
            return new String[] {null, "skipped: gdcmanon not installed (apt-get install libgdcm-tools)"};
        }
        List<String> command = new ArrayList<>(List.of("gdcmanon", "-r", "--continue", "-i", input.toString(), "-o",
                dir.resolve("gdcmanon").toString()));
        String note;
        if (runs("openssl", "version") && run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                dir.resolve("gdcm-key.pem").toString(), "-out", dir.resolve("gdcm-cert.pem").toString(), "-subj",
                "/CN=deid-bench", "-days", "1"), dir) == 0) {
            command.addAll(List.of("-e", "-c", dir.resolve("gdcm-cert.pem").toString()));
            note = "gdcmanon -e (PS3.15 Basic Profile, originals encrypted to a throwaway certificate), 1 process";
        } else {
            command.addAll(List.of("--dumb", "--empty", "10,10", "--empty", "10,20", "--remove", "10,30"));
            note = "gdcmanon --dumb (empties Patient's Name and ID, removes Birth Date), 1 process";
        }
        Files.createDirectories(dir.resolve("gdcmanon"));
        double cpu0 = ProcessCpu.childrenSeconds();
        long t0 = System.nanoTime();
        int exit = run(command, dir);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = ProcessCpu.childrenSeconds() - cpu0;
        return new String[] {Double.toString(seconds), note + (exit == 0 ? "" : " (exit code " + exit + ")"),
            Double.toString(cpu)};
    }

    private static int run(List<String> command, Path dir) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool-output.txt").toFile()).start();
        try {
            if (!p.waitFor(1, TimeUnit.HOURS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return -1;
        }
    }

    /** Whether the tool starts at all (it is installed), asked for its version. */
    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(1, TimeUnit.MINUTES);
            p.destroyForcibly();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
