package org.deidworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.CsvBenchmark;
import org.deidworkbench.job.Folders;
import org.deidworkbench.job.JobException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deid bench}: speed and memory measurements on synthetic data. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory on synthetic data.",
        subcommands = {BenchCommand.Csv.class})
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

        @Option(names = "--rounds", defaultValue = "3",
                description = "Measure this many times and keep the fastest (default: ${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--dir", description = "Scratch folder (default: a new temporary folder, deleted afterwards).")
        Path dir;

        @Option(names = "--input", paramLabel = "DIR",
                description = "Benchmark this folder of real exports instead of a synthetic file (it is only read).")
        Path input;

        @Override
        public Integer call() throws IOException {
            Path work = dir != null ? dir : Files.createTempDirectory("deid-bench");
            try {
                CsvBenchmark.Result r = input != null
                        ? CsvBenchmark.runOnFolder(input, work, ProfileLoader.read(profile), Math.max(1, rounds))
                        : CsvBenchmark.run(work, sizeMb * 1_000_000L, ProfileLoader.read(profile), Math.max(1, rounds));
                PrintWriter o = spec.commandLine().getOut();
                double mb = r.bytes() / 1e6;
                double pipeline = r.scanSeconds() + r.transformSeconds();
                o.printf("input:     %,d rows, %.1f MB (%s)%n", r.rows(), mb, input != null ? "the CSV files of " + input
                        : "synthetic lab results, 5,000 patients");
                o.printf("raw:       %.2f s  %,.0f rows/s  %.1f MB/s   (Commons CSV parse + print to a file)%n", r.rawSeconds(),
                        r.rows() / r.rawSeconds(), mb / r.rawSeconds());
                o.printf("pipeline:  %.2f s  %,.0f rows/s  %.1f MB/s   (analyze+scan %.2f s + transform %.2f s)%n", pipeline,
                        r.rows() / pipeline, mb / pipeline, r.scanSeconds(), r.transformSeconds());
                o.printf("ratio:     %.2fx of raw by wall time, %.2fx by CPU time (%.2f s vs %.2f s)   (target >= 0.5x)%n",
                        r.ratio(), r.cpuRatio(), r.rawCpuSeconds(), r.pipelineCpuSeconds());
                o.printf("whole run: %.2f s including key file sealing and verification%n", r.totalSeconds());
                o.printf("heap:      peak %.1f MB of max %.1f MB (file is %.1fx the max heap)%n",
                        r.peakHeapBytes() / 1e6, r.maxHeapBytes() / 1e6, r.bytes() / (double) r.maxHeapBytes());
                o.flush();
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
    }
}
