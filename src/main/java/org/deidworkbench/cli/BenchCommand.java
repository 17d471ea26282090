package org.deidworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.CsvBenchmark;
import org.deidworkbench.job.DicomBenchmark;
import org.deidworkbench.job.FhirBenchmark;
import org.deidworkbench.job.Folders;
import org.deidworkbench.job.JobException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deid bench}: speed and memory measurements on synthetic data. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory on synthetic data or a real folder.",
        subcommands = {BenchCommand.Csv.class, BenchCommand.Dicom.class, BenchCommand.Fhir.class, BenchCommand.Verify.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code deid bench csv}. */
    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = {"Time the CSV pipeline against a raw Commons CSV parse + print of the same files:",
                "a synthetic lab-results file, or every CSV file of a real folder of exports (--input).",
                "Run with a small heap to show streaming, e.g. DEID_JAVA_OPTS=-Xmx64m ./deid bench csv --size-mb 256"})
    static final class Csv implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size-mb", defaultValue = "100", description = "Size of the synthetic file (default: ${DEFAULT-VALUE}).")
        long sizeMb;

        @Option(names = {"-p", "--profile"}, defaultValue = "csv-template", description = "Profile (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--input", paramLabel = "DIR",
                description = "Benchmark this folder of real exports instead of a synthetic file (it is only read).")
        Path input;

        @Option(names = "--threads", defaultValue = "0", description = "deid worker threads (files in parallel; the output is"
                + " the same at any count; default: one per processor, as deid run). The raw parse + print is one thread.")
        int threads;

        @CommandLine.Mixin
        Scratch scratch;

        @Override
        public Integer call() throws Exception {
            Scratch.requireFolder(input);
            return scratch.measure(spec, work -> {
                int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
                CsvBenchmark.Result r = input != null
                        ? CsvBenchmark.runOnFolder(input, work, ProfileLoader.read(profile), scratch.rounds(), n)
                        : CsvBenchmark.run(work, sizeMb * 1_000_000L, ProfileLoader.read(profile), scratch.rounds());
                PrintWriter o = spec.commandLine().getOut();
                double mb = r.bytes() / 1e6;
                double pipeline = r.scanSeconds() + r.transformSeconds();
                o.printf("input:     %,d rows, %.1f MB (%s)%n", r.rows(), mb, input != null ? "the CSV files of " + input
                        + ", " + n + (n == 1 ? " thread" : " threads") : "synthetic lab results, 5,000 patients, one file, 1 thread");
                o.printf("raw:       %.2f s  %,.0f rows/s  %.1f MB/s   (Commons CSV parse + print to a file)%n", r.rawSeconds(),
                        r.rows() / r.rawSeconds(), mb / r.rawSeconds());
                o.printf("pipeline:  %.2f s  %,.0f rows/s  %.1f MB/s   (analyze+scan %.2f s + transform %.2f s)%n", pipeline,
                        r.rows() / pipeline, mb / pipeline, r.scanSeconds(), r.transformSeconds());
                o.printf("ratio:     %.2fx of raw by wall time, %.2fx by CPU time (%.2f s vs %.2f s)   (target >= 0.5x)%n",
                        r.ratio(), r.cpuRatio(), r.rawCpuSeconds(), r.pipelineCpuSeconds());
                o.printf("whole run: %.2f s including key file sealing and verification%n", r.totalSeconds());
                Scratch.heap(o, "peak", r.peakHeapBytes(), r.maxHeapBytes(), "input", r.bytes());
            });
        }
    }

    /** {@code deid bench dicom}. */
    @Command(name = "dicom", mixinStandardHelpOptions = true,
            description = {"De-identify a folder of DICOM files and time it against a plain copy and gdcmanon",
                "(libgdcm-tools) of the same files, with deid's peak heap. Make input with",
                "sample-data/generate_dicom.py --bench DIR N F; run with a bounded heap, e.g.",
                "DEID_JAVA_OPTS=-Xmx512m ./deid bench dicom --input DIR"})
    static final class Dicom implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of DICOM files.")
        Path input;

        @Option(names = {"-p", "--profile"}, defaultValue = "dicom-basic", description = "Profile (default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--threads", defaultValue = "0", description = "deid worker threads (default: one per processor).")
        int threads;

        @Option(names = "--no-cold", negatable = false, description = {"Leave out the cold run: after the rounds, one"
                + " `deid run` of the input in a fresh JVM with this JVM's options",
            "(as ./deid starts it, a new key file), the time a user waits for."})
        boolean noCold;

        @CommandLine.Mixin
        Scratch scratch;

        @Override
        public Integer call() throws Exception {
            Scratch.requireFolder(input);
            return scratch.measure(spec, work -> {
                int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
                DicomBenchmark.Result r = DicomBenchmark.run(input, work, ProfileLoader.read(profile), n,
                        scratch.rounds(), noCold ? null : profile);
                PrintWriter o = spec.commandLine().getOut();
                double mb = r.bytes() / 1e6;
                o.printf("input:     %,d files, %.1f MB; deid wrote %,d (the others were withheld, see its report)%n",
                        r.files(), mb, r.written());
                for (DicomBenchmark.Measure m : r.measures()) {
                    if (Double.isNaN(m.seconds())) {
                        o.printf("%-15s %s%n", m.name() + ":", m.note());
                    } else {
                        o.printf("%-15s %7.2f s  %8.1f files/s  %7.1f MB/s   %s%n", m.name() + ":", m.seconds(),
                                r.files() / m.seconds(), mb / m.seconds(), m.note());
                    }
                }
                double deid = r.measure("deid").seconds();
                o.printf("ratios:    deid / copy %.2f (target <= 2)   deid / copy+sync %.2f   deid / gdcmanon %.2f"
                        + " (target <= 1)   deid / gdcmanon+sync %.2f%n", deid / r.measure("copy").seconds(),
                        deid / r.measure("copy+sync").seconds(), deid / r.measure("gdcmanon").seconds(),
                        deid / r.measure("gdcmanon+sync").seconds());
                StringBuilder phases = new StringBuilder();
                r.phases().forEach((name, seconds) -> phases.append(phases.length() == 0 ? "" : "   ")
                        .append(String.format(java.util.Locale.ROOT, "%s %.2f s", name, seconds)));
                o.printf("phases:    %s (fastest deid round)%n", phases);
                StringBuilder rounds = new StringBuilder();
                for (double[] round : r.deidRounds()) {
                    rounds.append(rounds.length() == 0 ? "" : ", ")
                            .append(String.format(java.util.Locale.ROOT, "%.2f s (CPU %.2f s)", round[0], round[1]));
                }
                o.printf("deid rounds: %s (wall, and CPU of the whole JVM meanwhile: JIT and collector included)%n",
                        rounds);
                if (r.cold() != null && Double.isNaN(r.cold().seconds())) {
                    o.printf("cold run:  %s%n", r.cold().note());
                } else if (r.cold() != null) {
                    o.printf(java.util.Locale.ROOT, "cold run:  %.2f s (CPU %.2f s)   cold / copy %.2f   cold / gdcmanon %.2f"
                            + " (gdcmanon CPU %.2f s)   (%s)%n", r.cold().seconds(), r.cold().cpuSeconds(),
                            r.cold().seconds() / r.measure("copy").seconds(),
                            r.cold().seconds() / r.measure("gdcmanon").seconds(), r.gdcmanonCpuSeconds(), r.cold().note());
                }
                Scratch.heap(o, "deid peak", r.peakHeapBytes(), r.maxHeapBytes(), "input", r.bytes());
            });
        }
    }

    /** {@code deid bench fhir}. */
    @Command(name = "fhir", mixinStandardHelpOptions = true,
            description = {"Time the FHIR pipeline against a plain HAPI parse + serialize of the same files, Bundles and"
                    + " NDJSON apart.",
                "The baseline is timed twice: as it is (printed into one scratch file, never forced), and (+sync) with"
                    + " each file printed into a file of its own and forced to disk, as deid writes and forces its outputs.",
                "Both sides get the same --warm-up passes, then --rounds measured rounds each (interleaved). Printed per"
                    + " side: the best and the median round, with the CPU of the whole JVM (JIT and collector included)"
                    + " and the JIT's time in each round.",
                "With --ndjson-mb / --bundle-mb, synthetic files of that size are generated into the input first;"
                    + " run with a small heap to show streaming, e.g.",
                "DEID_JAVA_OPTS=-Xmx256m ./deid bench fhir --input /tmp/big --ndjson-mb 600"})
    static final class Fhir implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--input", required = true, paramLabel = "DIR", description = "Folder of FHIR files (JSON, XML, NDJSON).")
        Path input;

        @Option(names = {"-p", "--profile"}, defaultValue = "csv-template",
                description = "Profile (default: ${DEFAULT-VALUE}, which carries fhir-safe-harbor).")
        String profile;

        @Option(names = "--ndjson-mb", defaultValue = "0", description = "First generate a synthetic Observation NDJSON file of this size.")
        long ndjsonMb;

        @Option(names = "--bundle-mb", defaultValue = "0", description = "First generate one synthetic Bundle of this size.")
        long bundleMb;

        @CommandLine.Mixin
        Scratch scratch;

        @Option(names = {"--warm-up", "--warmup"}, paramLabel = "N", defaultValue = "" + FhirBenchmark.DEFAULT_WARM_UP,
                description = {"Passes of each side (baseline, then pipeline, interleaved) before the measured rounds"
                        + " (default: ${DEFAULT-VALUE}).",
                    "Both sides get the same passes; the JIT compiles the pipeline's larger code for several passes,"
                        + " and each side's JIT time during the rounds is printed to show whether it still was."})
        int warmUp;

        @Option(names = "--no-warm-up", negatable = false,
                description = "Measure without a warm-up pass, as --warm-up 0 (for inputs many times the heap, where one"
                        + " pass is long).")
        boolean noWarmUp;

        @Option(names = "--no-baseline", negatable = false,
                description = "Time the pipeline only: the baseline parses JSON and XML whole and cannot read a Bundle"
                        + " larger than the heap.")
        boolean noBaseline;

        @Override
        public Integer call() throws Exception {
            if (warmUp < 0) {
                throw new CliException(ExitCode.USAGE, "--warm-up must be 0 or more", null);
            }
            return scratch.measure(spec, work -> {
                if (ndjsonMb > 0 || bundleMb > 0) {
                    FhirBenchmark.generate(input, ndjsonMb * 1_000_000L, bundleMb * 1_000_000L);
                }
                List<FhirBenchmark.Result> results = FhirBenchmark.run(input, work, ProfileLoader.read(profile),
                        scratch.rounds(), noWarmUp ? 0 : warmUp, !noBaseline);
                PrintWriter o = spec.commandLine().getOut();
                for (FhirBenchmark.Result r : results) {
                    double mb = r.bytes() / 1e6;
                    o.printf("%s: %d files, %,d resources, %.1f MB (largest %.1f MB); %d warm-up pass(es) of each side,"
                            + " then %d round(s)%n", r.group(), r.files(), r.resources(), mb, r.largestFileBytes() / 1e6,
                            r.warmUpPasses(), r.pipeline().wall().length);
                    boolean baseline = r.baseline().measured();
                    if (baseline) {
                        side(o, "baseline", r.baseline(), r.resources(), mb, "HAPI parse + serialize");
                    } else {
                        o.printf("  baseline:  not measured (--no-baseline)%n");
                    }
                    if (baseline) {
                        side(o, "+sync", r.durable(), r.resources(), mb,
                                "the same, each file written to a file of its own and forced to disk as deid's are");
                    }
                    side(o, "pipeline", r.pipeline(), r.resources(), mb, "scan + transform");
                    if (baseline) {
                        o.printf("  ratio:     best %.2fx wall, %.2fx CPU (%.2f s vs %.2f s); median %.2fx wall, %.2fx CPU"
                                + " (%.2f s vs %.2f s)   (target >= 0.8x)%n", r.ratio(), r.cpuRatio(),
                                r.baseline().bestCpu(), r.pipeline().bestCpu(), r.medianRatio(), r.medianCpuRatio(),
                                r.baseline().medianCpu(), r.pipeline().medianCpu());
                        o.printf("  threads:   best %.2fx, median %.2fx by the Java threads' CPU alone (%.2f s vs %.2f s;"
                                + " median %.2f s vs %.2f s): without the JIT's and the collector's threads%n",
                                r.threadCpuRatio(), r.medianThreadCpuRatio(), r.baseline().bestThreadCpu(),
                                r.pipeline().bestThreadCpu(), r.baseline().medianThreadCpu(),
                                r.pipeline().medianThreadCpu());
                        o.printf("  vs +sync:  best %.2fx wall, median %.2fx wall (both sides' files forced to disk)%n",
                                r.durableRatio(), r.durableMedianRatio());
                    }
                    o.printf("  heap:      peak %.1f MB, %s, of max %.1f MB (largest file is %.1fx the max heap)%n",
                            r.peakHeapBytes() / 1e6, r.liveHeapBytes() == 0 ? "no collection during the run"
                                    : String.format("at most %.1f MB in use after a collection", r.liveHeapBytes() / 1e6),
                            r.maxHeapBytes() / 1e6, r.largestFileBytes() / (double) r.maxHeapBytes());
                }
            });
        }

        /** One side's line: best and median wall time, throughput at the best, CPU, the JIT's time, every round. */
        private static void side(PrintWriter o, String label, FhirBenchmark.Rounds s, long resources, double mb,
                String what) {
            o.printf("  %-9s  best %.2f s, median %.2f s  %,.0f resources/s  %.1f MB/s   (%s)%n", label + ":",
                    s.bestWall(), s.medianWall(), resources / s.bestWall(), mb / s.bestWall(), what);
            StringBuilder rounds = new StringBuilder();
            for (int i = 0; i < s.wall().length; i++) {
                rounds.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2f/%.2f/%.2f",
                        s.wall()[i], s.cpu()[i], s.jitSeconds()[i]));
            }
            o.printf("             CPU best %.2f s, median %.2f s; JIT %.2f s in the rounds; rounds wall/CPU/JIT s: %s%n",
                    s.bestCpu(), s.medianCpu(), s.jitTotal(), rounds);
        }
    }

    /** Options every benchmark takes: rounds and a scratch folder. */
    static final class Scratch {
        @Option(names = "--rounds", defaultValue = "3",
                description = "Measure this many times and keep the fastest (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--dir", description = "Scratch folder (default: a new temporary folder, deleted afterwards).")
        Path dir;

        int rounds() {
            return Math.max(1, rounds);
        }

        /** The system's one-minute load average, or a negative number where the platform has none. */
        private static double loadAverage() {
            return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }

        /** A usage error (exit 2) naming {@code input} unless it is null or an existing folder. */
        static void requireFolder(Path input) {
            if (input != null && !Files.isDirectory(input)) {
                throw new CliException(ExitCode.USAGE, "--input " + input + " is not a folder"
                        + (Files.exists(input) ? "" : " (it does not exist)"), null);
            }
        }

        /** A benchmark's work in a scratch folder. */
        interface Bench {
            void run(Path work) throws Exception;
        }

        /** Runs {@code bench} in a scratch folder (deleted afterwards unless given) and maps its failures. */
        int measure(CommandLine.Model.CommandSpec spec, Bench bench) throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("deid-bench");
            try {
                double loadBefore = loadAverage();
                long[] gcBefore = collections();
                bench.run(work);
                long[] gcAfter = collections();
                // on a shared machine the figures mean little without how busy it was
                spec.commandLine().getOut().printf("load:      %.2f before, %.2f after (1-minute load average, %d processors)%n",
                        loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors());
                // the collector changes the CPU figures (decision 0045): name it and what it cost
                spec.commandLine().getOut().printf("gc:        %s: %,d collections, %.2f s in them (whole benchmark)%n",
                        collectorNames(), gcAfter[0] - gcBefore[0], (gcAfter[1] - gcBefore[1]) / 1e3);
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            } catch (ProfileException e) {
                throw Failures.of(e);
            } catch (JobException e) {
                throw Failures.of(e);
            } finally {
                if (dir == null) {
                    Folders.deleteTree(work);
                }
            }
        }

        /** The names of the JVM's collectors, e.g. {@code G1 Young Generation, G1 Old Generation}. */
        static String collectorNames() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(GarbageCollectorMXBean::getName)
                    .collect(Collectors.joining(", "));
        }

        /** Collections so far and the milliseconds spent in them, over all collectors. */
        static long[] collections() {
            long count = 0;
            long millis = 0;
            for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, b.getCollectionCount());
                millis += Math.max(0, b.getCollectionTime());
            }
            return new long[] {count, millis};
        }

        /** The heap line every benchmark prints. */
        static void heap(PrintWriter o, String label, long peak, long max, String what, long bytes) {
            o.printf("heap:      %s %.1f MB of max %.1f MB (%s is %.1fx the max heap)%n", label, peak / 1e6, max / 1e6,
                    what, bytes / (double) max);
        }
    }

    /** {@code deid bench verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Time the leak verifier against a plain read of the same bytes, on a synthetic output tree",
                "(or --input DIR) and a key file of synthetic originals. Run with a small heap to show that memory",
                "stays flat, e.g. DEID_JAVA_OPTS=-Xmx512m ./deid bench verify --size-mb 5000"})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size-mb", defaultValue = "500", description = "Size of the synthetic tree (default: ${DEFAULT-VALUE}).")
        long sizeMb;

        @Option(names = "--originals", defaultValue = "100000",
                description = "Synthetic original values looked for (default: ${DEFAULT-VALUE}).")
        int originals;

        @Option(names = {"-t", "--threads"}, description = "Threads for both sides (default: cores).")
        Integer threads;

        @CommandLine.Mixin
        Scratch scratch;

        @Option(names = "--input", paramLabel = "DIR", description = "Measure this output tree instead (only read).")
        Path input;

        @Option(names = "--cold", description = {"Drop the tree's files from the page cache (GNU dd iflag=nocache) before",
            "each timed read and each timed verification: both read the disk, not memory."})
        boolean cold;

        @Option(names = {"-k", "--keyfile"}, paramLabel = "FILE",
                description = "Look for the originals of this key file (e.g. the run's that wrote --input) instead of synthetic ones.")
        Path keyFile;

        @CommandLine.Mixin
        CredentialOptions credentials;

        private final Passphrases passphrases;

        Verify(Passphrases passphrases) {
            this.passphrases = passphrases;
        }

        /**
         * The jobs of the verifications: with a key file and its passphrase, each opens it as a stream into its
         * dictionary as {@code deid verify} does (decision 0061), so the verifier's figures include reading the key
         * file; synthetic originals, or a trustee's or custodians' credential, open it once, whole.
         */
        private org.deidworkbench.job.VerifyBenchmark.Jobs jobs() throws Exception {
            if (keyFile == null) {
                org.deidworkbench.keyfile.KeyFileContents keys = org.deidworkbench.job.VerifyBenchmark.originals(originals);
                return (t, n) -> new org.deidworkbench.job.VerifyJob(t, keys, false, n);
            }
            KeyFileCommand.keyFile(() -> org.deidworkbench.keyfile.KeyFileStore.inspect(keyFile));
            org.deidworkbench.keyfile.KeyFileCredential credential = credentials.resolve(passphrases, keyFile);
            if (credential instanceof org.deidworkbench.keyfile.KeyFileCredential.Passphrase p) {
                char[] passphrase = p.chars().clone(); // kept for the rounds, wiped when the benchmark ends
                credential.wipe();
                wipe = () -> java.util.Arrays.fill(passphrase, '\0');
                return (t, n) -> org.deidworkbench.job.VerifyJob.streamed(t, keyFile, passphrase, false, n);
            }
            try {
                org.deidworkbench.keyfile.KeyFileContents keys = KeyFileCommand.keyFile(
                        () -> org.deidworkbench.keyfile.KeyFileStore.open(keyFile, credential));
                return (t, n) -> new org.deidworkbench.job.VerifyJob(t, keys, false, n);
            } finally {
                credential.wipe();
            }
        }

        private Runnable wipe = () -> { };

        @Override
        public Integer call() throws Exception {
            if (keyFile != null && input == null) {
                throw new CliException(ExitCode.USAGE, "--keyfile needs --input (the output tree its run wrote)", null);
            }
            Scratch.requireFolder(input);
            return scratch.measure(spec, work -> {
                Path tree = input;
                if (tree == null) {
                    tree = work.resolve("tree");
                    org.deidworkbench.job.VerifyBenchmark.generate(tree, sizeMb * 1_000_000L);
                }
                int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
                org.deidworkbench.job.VerifyBenchmark.Result r;
                try {
                    r = org.deidworkbench.job.VerifyBenchmark.run(tree, jobs(), Math.max(1, n), scratch.rounds(), cold);
                } finally {
                    wipe.run();
                }
                PrintWriter o = spec.commandLine().getOut();
                double mb = r.bytes() / 1e6;
                o.printf("tree:      %d files, %.1f MB; %,d original values looked for (%s); %d thread%s%n", r.files(), mb,
                        r.originals(), keyFile != null ? "from the key file" : "synthetic", n, n == 1 ? "" : "s");
                o.printf("read:      %.2f s  %.1f MB/s   CPU %.2f s  (every byte, 64 KiB blocks, %s)%n", r.readSeconds(),
                        mb / r.readSeconds(), r.readCpuSeconds(), cold ? "cold: pages dropped before each round"
                                : "warm: page-cached");
                o.printf("verify:    %.2f s  %.1f MB/s   CPU %.2f s = %.1f MB per CPU-second  (%d hits)%n", r.verifySeconds(),
                        mb / r.verifySeconds(), r.verifyCpuSeconds(), mb / r.verifyCpuSeconds(), r.hits());
                o.printf("           of which the dictionary: %.2f s CPU (once per run, whatever the tree's size%s)%n",
                        r.dictionaryCpuSeconds(), keyFile != null ? "; with opening the key file as a stream" : "");
                o.printf("ratio:     %.2fx of the plain read by wall time, %.3fx by CPU time   (target >= 0.5x)%n",
                        r.ratio(), r.readCpuSeconds() / r.verifyCpuSeconds());
                o.printf("heap:      peak %.1f MB of max %.1f MB (tree is %.1fx the max heap)%n", r.peakHeapBytes() / 1e6,
                        r.maxHeapBytes() / 1e6, r.bytes() / (double) r.maxHeapBytes());
            });
        }
    }
}
