package org.deidworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.CsvBenchmark;
import org.deidworkbench.job.DicomBenchmark;
import org.deidworkbench.job.Folders;
import org.deidworkbench.job.JobException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deid bench}: speed and memory measurements on synthetic data. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory on synthetic data.",
        subcommands = {BenchCommand.Csv.class, BenchCommand.Dicom.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code deid bench csv}. */
    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = {"Time the CSV pipeline against a raw Commons CSV parse + print of the same file.",
                "Run with a small heap to show streaming, e.g. DEID_JAVA_OPTS=-Xmx64m ./deid bench csv --size-mb 256"})
    static final class Csv implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--size-mb", defaultValue = "100", description = "Size of the synthetic file (default: ${DEFAULT-VALUE}).")
        long sizeMb;

        @Option(names = {"-p", "--profile"}, defaultValue = "csv-template", description = "Profile (default: ${DEFAULT-VALUE}).")
        String profile;

        @CommandLine.Mixin
        Scratch scratch;

        @Override
        public Integer call() throws IOException {
            return scratch.measure(spec, work -> {
                CsvBenchmark.Result r = CsvBenchmark.run(work, sizeMb * 1_000_000L, ProfileLoader.resolve(profile),
                        scratch.rounds());
                PrintWriter o = spec.commandLine().getOut();
                double mb = r.bytes() / 1e6;
                double pipeline = r.scanSeconds() + r.transformSeconds();
                o.printf("file:      %,d rows, %.1f MB (synthetic lab results, 5,000 patients)%n", r.rows(), mb);
                o.printf("raw:       %.2f s  %,.0f rows/s  %.1f MB/s   (Commons CSV parse + print to a file)%n", r.rawSeconds(),
                        r.rows() / r.rawSeconds(), mb / r.rawSeconds());
                o.printf("pipeline:  %.2f s  %,.0f rows/s  %.1f MB/s   (scan %.2f s + transform %.2f s)%n", pipeline,
                        r.rows() / pipeline, mb / pipeline, r.scanSeconds(), r.transformSeconds());
                o.printf("ratio:     %.2fx of raw by wall time, %.2fx by CPU time (%.2f s vs %.2f s)   (target >= 0.5x)%n",
                        r.ratio(), r.cpuRatio(), r.rawCpuSeconds(), r.pipelineCpuSeconds());
                o.printf("whole run: %.2f s including key file sealing and verification%n", r.totalSeconds());
                Scratch.heap(o, "peak", r.peakHeapBytes(), r.maxHeapBytes(), "file", r.bytes());
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

        @CommandLine.Mixin
        Scratch scratch;

        @Override
        public Integer call() throws IOException {
            return scratch.measure(spec, work -> {
                int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
                DicomBenchmark.Result r = DicomBenchmark.run(input, work, ProfileLoader.resolve(profile), n,
                        scratch.rounds());
                PrintWriter o = spec.commandLine().getOut();
                double mb = r.bytes() / 1e6;
                o.printf("input:     %,d files, %.1f MB; deid wrote %,d (the others were withheld, see its report)%n",
                        r.files(), mb, r.written());
                for (DicomBenchmark.Measure m : r.measures()) {
                    if (Double.isNaN(m.seconds())) {
                        o.printf("%-10s %s%n", m.name() + ":", m.note());
                    } else {
                        o.printf("%-10s %7.2f s  %8.1f files/s  %7.1f MB/s   %s%n", m.name() + ":", m.seconds(),
                                r.files() / m.seconds(), mb / m.seconds(), m.note());
                    }
                }
                double deid = r.measure("deid").seconds();
                o.printf("ratios:    deid / copy %.2f (target <= 2)   deid / copy+sync %.2f   deid / gdcmanon %.2f"
                        + " (target <= 1)%n", deid / r.measure("copy").seconds(), deid / r.measure("copy+sync").seconds(),
                        deid / r.measure("gdcmanon").seconds());
                Scratch.heap(o, "deid peak", r.peakHeapBytes(), r.maxHeapBytes(), "input", r.bytes());
            });
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

        /** A benchmark's work in a scratch folder. */
        interface Bench {
            void run(Path work) throws ProfileException, JobException, IOException;
        }

        /** Runs {@code bench} in a scratch folder (deleted afterwards unless given) and maps its failures. */
        int measure(CommandLine.Model.CommandSpec spec, Bench bench) throws IOException {
            Path work = dir != null ? dir : Files.createTempDirectory("deid-bench");
            try {
                bench.run(work);
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

        /** The heap line every benchmark prints. */
        static void heap(PrintWriter o, String label, long peak, long max, String what, long bytes) {
            o.printf("heap:      %s %.1f MB of max %.1f MB (%s is %.1fx the max heap)%n", label, peak / 1e6, max / 1e6,
                    what, bytes / (double) max);
        }
    }
}
