package org.deidworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.FileOutcome;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid run}: de-identifies inputs into an output folder and updates the key file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"De-identify files and folders into an output folder.",
            "Inputs are never modified. The key file (default: <out>.deidkey beside the output folder) is",
            "created on first use and updated with every new pseudonym; it is never written inside the output."})
final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Files or folders to de-identify.")
    List<Path> inputs;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Output folder: new, empty, or an earlier output of deid.")
    Path out;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "csv-template",
            description = "Built-in profile name or YAML file (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = {"-k", "--keyfile"}, paramLabel = "FILE", description = "Key file (default: <out>.deidkey).")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = "--json", description = "Print a machine-readable summary on standard output.")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on standard error (default: when run in a terminal).")
    Boolean progress;

    private final Passphrases passphrases;
    private final boolean interactive;

    RunCommand(Passphrases passphrases, boolean interactive) {
        this.passphrases = passphrases;
        this.interactive = interactive;
    }

    @Override
    public Integer call() {
        Profile loaded;
        String digest;
        try {
            loaded = ProfileLoader.resolve(profile);
            digest = ProfileLoader.sha256(profile);
        } catch (ProfileException e) {
            throw Failures.of(e);
        }
        Path key = keyFile != null ? keyFile : RunRequest.defaultKeyFile(out);
        boolean creating = !key.toFile().exists();
        char[] passphrase = creating ? passphrases.forCreating(passphraseFile, key)
                : passphrases.forOpening(passphraseFile, key);
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new CliException(ExitCode.USAGE, "--threads must be at least 1", null);
        }
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress != null ? progress : interactive;
        RunResult result;
        try (ProgressBar bar = showProgress ? new ProgressBar(err) : null) {
            RunListener listener = bar != null ? bar : RunListener.NONE;
            RunJob job = new RunJob(new RunRequest(inputs, out, key, passphrase, loaded, digest, n), listener);
            result = runCancellable(job);
        } catch (JobException e) {
            throw Failures.of(e);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        if (json) {
            printJson(result);
        } else {
            printSummary(result);
        }
        return result.allWritten() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    /** Ctrl-C cancels the run, which then removes its temporary files before the JVM exits. */
    private static RunResult runCancellable(RunJob job) throws JobException {
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            job.cancel();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "deid-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.run();
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook is running and waits for us.
            }
        }
    }

    private void printSummary(RunResult r) {
        PrintWriter o = spec.commandLine().getOut();
        long written = r.count(FileOutcome.Status.WRITTEN);
        long failed = r.count(FileOutcome.Status.FAILED);
        long quarantined = r.count(FileOutcome.Status.QUARANTINED);
        o.printf("De-identified %d of %d files into %s%s%n", written, r.files().size(), out,
                failed + quarantined > 0 ? " (" + failed + " failed, " + quarantined + " quarantined)" : "");
        o.printf("  records: %d   subjects: %d   new pseudonyms: %d   renamed paths: %d%n",
                r.files().stream().mapToLong(FileOutcome::records).sum(), r.subjects(), r.newPseudonyms(),
                r.renamedPaths());
        o.println("  report:   " + r.report());
        o.println("  manifest: " + r.manifest());
        o.println("  key file: " + r.keyFile() + (r.keyFileCreated()
                ? " (new: keep it and its passphrase safe, and never ship it with the data)" : ""));
        List<FileOutcome> withDefaults = r.files().stream().filter(f -> !f.unmatchedFields().isEmpty()).toList();
        if (!withDefaults.isEmpty()) {
            o.println("Columns no rule matched (the profile's default action applied; check them in the report):");
            withDefaults.forEach(f -> o.println("  " + f.output() + ": " + String.join(", ", f.unmatchedFields())));
        }
        List<Problem> problems = new ArrayList<>();
        r.files().forEach(f -> problems.addAll(f.problems()));
        if (!problems.isEmpty()) {
            o.println("Problems:");
            problems.stream().limit(20).forEach(p -> o.println("  " + p));
            if (problems.size() > 20) {
                o.println("  ... " + (problems.size() - 20) + " more in the report");
            }
        }
        o.flush();
    }

    private void printJson(RunResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.allWritten() ? "ok" : "partial");
        m.put("written", r.count(FileOutcome.Status.WRITTEN));
        m.put("failed", r.count(FileOutcome.Status.FAILED));
        m.put("quarantined", r.count(FileOutcome.Status.QUARANTINED));
        m.put("subjects", r.subjects());
        m.put("newPseudonyms", r.newPseudonyms());
        m.put("renamedPaths", r.renamedPaths());
        m.put("report", r.report().toString());
        m.put("manifest", r.manifest().toString());
        m.put("keyFile", r.keyFile().toString());
        m.put("keyFileCreated", r.keyFileCreated());
        List<Map<String, String>> problems = new ArrayList<>();
        for (FileOutcome f : r.files()) {
            for (Problem p : f.problems()) {
                Map<String, String> pm = new LinkedHashMap<>();
                pm.put("file", p.file());
                pm.put("code", p.code());
                pm.put("location", p.location());
                pm.put("message", p.message());
                problems.add(pm);
            }
        }
        m.put("problems", problems);
        try {
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(m));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CliException(ExitCode.SOFTWARE, "cannot render JSON", e);
        }
        spec.commandLine().getOut().flush();
    }
}
