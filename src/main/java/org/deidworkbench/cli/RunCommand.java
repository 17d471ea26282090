package org.deidworkbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.ReportJson;
import org.deidworkbench.job.RunJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.job.VerifyJob;
import org.deidworkbench.job.VerifyReport;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.deidworkbench.model.RunReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid run}: de-identifies inputs into an output folder and updates the key file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"De-identify files and folders into an output folder.",
            "Inputs are never modified. Without --keyfile, <out>.deidkey beside the output folder is used,",
            "and created on first use; a key file named with --keyfile must exist (create it with `deid init`).",
            "The key file is updated with every new pseudonym and never written inside the output."})
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

    @Option(names = {"-k", "--keyfile"}, paramLabel = "FILE",
            description = "Existing key file of the study (default: <out>.deidkey, created if missing).")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", description = "Worker threads (default: number of cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the run report (as in deid-report.json) on standard output.")
    boolean json;

    @Option(names = "--verify", description = {"After the run, verify the output with the run's key file (as `deid verify`):",
        "a possible leak fails the run with exit code 10 and deid-verify.json in the output (no values).",
        "The outputs stay where they are (they are complete); do not ship them until the hits are resolved."})
    boolean verify;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on standard error (default: when run in a terminal).")
    Boolean progress;

    /** Unmatched fields listed per file on screen; the report has all of them. */
    private static final int MAX_FIELDS_SHOWN = 8;

    private final Passphrases passphrases;
    private final boolean interactive;

    RunCommand(Passphrases passphrases, boolean interactive) {
        this.passphrases = passphrases;
        this.interactive = interactive;
    }

    @Override
    public Integer call() {
        LoadedProfile loaded;
        try {
            loaded = ProfileLoader.read(profile);
        } catch (ProfileException e) {
            throw Failures.of(e);
        }
        boolean implicitKey = keyFile == null;
        Path key = implicitKey ? RunRequest.defaultKeyFile(out) : keyFile;
        boolean creating = !Files.exists(key);
        if (creating && !implicitKey) {
            // A typo in --keyfile must not start a new study with new pseudonyms: say so before asking anything.
            throw new CliException(ExitCode.KEY_FILE, "no such key file " + key + "; create one with `deid init "
                    + key + "`, or leave out --keyfile to use " + RunRequest.defaultKeyFile(out).getFileName()
                    + " beside the output folder", null);
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (n < 1) {
            throw new CliException(ExitCode.USAGE, "--threads must be at least 1", null);
        }
        char[] passphrase = creating ? passphrases.forCreating(passphraseFile, key)
                : passphrases.forOpening(passphraseFile, key);
        PrintWriter err = spec.commandLine().getErr();
        boolean showProgress = progress != null ? progress : interactive;
        RunResult result;
        VerifyReport verified = null;
        try {
            try (ProgressBar bar = showProgress ? new ProgressBar(err) : null) {
                RunListener listener = bar != null ? bar : RunListener.NONE;
                RunJob job = new RunJob(new RunRequest(inputs, out, key, implicitKey, passphrase, loaded, n), listener);
                result = runCancellable(job);
            } catch (JobException e) {
                throw Failures.of(e);
            }
            if (verify) {
                verified = verifyOutput(key, passphrase, n);
            }
        } finally {
            Arrays.fill(passphrase, '\0');
        }
        if (json) {
            spec.commandLine().getOut().println(ReportJson.render(result));
            spec.commandLine().getOut().flush();
        } else {
            printSummary(result);
        }
        if (verified != null) {
            // the report goes to standard error with --json, so standard output stays one JSON document
            VerifyCommand.print(json ? err : spec.commandLine().getOut(), verified, false, false);
            if (!verified.clean()) {
                throw new CliException(ExitCode.LEAKS_FOUND, "verification found " + verified.hitCount()
                        + " possible leak(s) in " + verified.hits().size() + " file(s) of " + out + " (listed above and in "
                        + VerifyJob.REPORT + "); the run fails: do not ship the output", null);
            }
            if (!verified.complete()) {
                return ExitCode.VERIFY_INCOMPLETE;
            }
        }
        return result.allWritten() ? ExitCode.OK : ExitCode.PARTIAL;
    }

    /** Verifies the run's output with its key file; writes deid-verify.json into the output when something is found. */
    private VerifyReport verifyOutput(Path key, char[] passphrase, int threads) {
        try {
            KeyFileContents contents = KeyFileStore.open(key, passphrase);
            VerifyReport report = new VerifyJob(out, contents, false, threads).run();
            if (!report.clean()) {
                VerifyJob.writeReport(out.resolve(VerifyJob.REPORT), report);
            }
            return report;
        } catch (KeyFileException e) {
            throw Failures.of(e);
        } catch (JobException e) {
            throw Failures.of(e);
        } catch (java.io.IOException e) {
            throw new CliException(ExitCode.IO, "cannot write " + VerifyJob.REPORT + " into " + out, e);
        }
    }

    /**
     * Ctrl-C (or a termination signal) cancels the run, which removes what it wrote before the JVM
     * exits; the hook then says what happened, since the JVM may halt before the main thread can.
     */
    private RunResult runCancellable(RunJob job) throws JobException {
        CountDownLatch finished = new CountDownLatch(1);
        AtomicBoolean signalled = new AtomicBoolean();
        AtomicReference<String> outcome = new AtomicReference<>("deid: cancelled; the run was stopped");
        PrintWriter err = spec.commandLine().getErr();
        Thread hook = new Thread(() -> {
            signalled.set(true);
            job.cancel();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.println(outcome.get());
            err.flush();
        }, "deid-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return job.run();
        } catch (JobException e) {
            if (signalled.get()) {
                outcome.set("deid: " + e.getMessage());
                // The hook prints the message; the exit code is the signal's.
                throw new CliException(ExitCode.CANCELLED, "", e);
            }
            throw e;
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
        RunReport report = r.report();
        RunReport.FileCounts c = report.files();
        o.printf("De-identified %d of %d files into %s%s%n", c.written(), c.total(), out,
                c.failed() + c.quarantined() > 0 ? " (" + c.failed() + " failed, " + c.quarantined() + " withheld)" : "");
        o.printf("  records: %d   subjects: %d   new pseudonyms: %d   renamed paths: %d%n", report.records(),
                report.subjects(), r.newPseudonyms(), c.renamed());
        o.println("  report:   " + r.reportFile());
        o.println("  manifest: " + r.manifest());
        o.println("  key file: " + r.keyFile() + (r.keyFileCreated()
                ? " (new: keep it and its passphrase safe, and never ship it with the data)" : ""));
        // Files with the same unmatched fields (a DICOM series, NDJSON parts) are listed once.
        Map<List<String>, List<String>> byFields = new LinkedHashMap<>();
        r.files().stream().filter(f -> !f.defaultAppliedTo().isEmpty())
                .forEach(f -> byFields.computeIfAbsent(f.defaultAppliedTo(), k -> new ArrayList<>()).add(f.output()));
        if (!byFields.isEmpty()) {
            o.println("Fields no rule matched (the profile's default action applied; check them in the report):");
            byFields.forEach((fields, outputs) -> o.println("  " + outputs.get(0)
                    + (outputs.size() > 1 ? " and " + (outputs.size() - 1) + " more like it" : "") + ": "
                    + String.join(", ", fields.subList(0, Math.min(fields.size(), MAX_FIELDS_SHOWN)))
                    + (fields.size() > MAX_FIELDS_SHOWN ? ", ... (" + (fields.size() - MAX_FIELDS_SHOWN) + " more)" : "")));
        }
        List<String> problems = problemLines(r.files());
        if (!problems.isEmpty()) {
            o.println("Problems:");
            problems.stream().limit(20).forEach(p -> o.println("  " + p));
            if (problems.size() > 20) {
                o.println("  ... " + (problems.size() - 20) + " more in the report");
            }
        }
        o.flush();
    }

    /** "line 7, column 6 'ZIP'" (CSV), "line 7 (Condition)" (NDJSON), "entry 3 (Patient)" (a Bundle). */
    private static final Pattern NUMBERED_LOCATION = Pattern.compile("(line|entry) (\\d+)(?:, (.+)| \\((.+)\\))");

    /**
     * The console's problem lines: one per problem, except that the same problem in the same column of
     * the same file on several lines (a ZIP column of foreign postcodes), or of the same resource type on
     * several lines or entries (Conditions whose Patient is not in the input), is one line naming how many
     * and the first and last. The problems of files that were withheld or failed come first: why a file was
     * not written is what a steward must not miss among a thousand warnings. A file whose problems were
     * too many to list says how many more there were. The report keeps every problem it lists with its line.
     */
    static List<String> problemLines(List<FileReport> files) {
        // A problem without a line is a group of its own (distinct: its number in the run).
        record Group(int input, String file, String unit, String where, boolean bracketed, String code, String message,
                int alone) {
        }
        List<FileReport> ordered = new ArrayList<>(files);
        ordered.sort(java.util.Comparator.comparing(f -> f.status() == FileReport.Status.WRITTEN));
        Map<Group, List<Integer>> groups = new LinkedHashMap<>();
        Map<String, Long> more = new java.util.HashMap<>(); // problems not listed, by input and file
        for (FileReport f : ordered) {
            for (Problem p : f.problems()) {
                Matcher m = NUMBERED_LOCATION.matcher(p.location());
                if (m.matches()) {
                    boolean bracketed = m.group(3) == null;
                    groups.computeIfAbsent(new Group(f.input(), p.file(), m.group(1), bracketed ? m.group(4) : m.group(3),
                            bracketed, p.code(), p.message(), -1),
                            k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
                } else {
                    groups.put(new Group(f.input(), p.file(), "", p.location(), false, p.code(), p.message(), groups.size()),
                            List.of());
                }
                if (f.moreProblems() > 0) {
                    more.merge(f.input() + "\0" + p.file(), f.moreProblems(), Math::max);
                }
            }
        }
        List<String> out = new ArrayList<>();
        List<Group> keys = new ArrayList<>(groups.keySet());
        for (int i = 0; i < keys.size(); i++) {
            Group g = keys.get(i);
            List<Integer> numbers = groups.get(g);
            String where = numbers.isEmpty() ? g.where()
                    : numbers.size() == 1 ? g.unit() + " " + numbers.get(0)
                            + (g.bracketed() ? " (" + g.where() + ")" : ", " + g.where())
                    : g.where() + ", " + numbers.size() + (g.unit().equals("entry") ? " entries" : " lines") + " from "
                            + numbers.get(0) + " to " + numbers.get(numbers.size() - 1);
            out.add("input " + g.input() + ", " + new Problem(g.code(), g.file(), where, g.message()));
            boolean lastOfFile = i + 1 == keys.size() || keys.get(i + 1).input() != g.input()
                    || !keys.get(i + 1).file().equals(g.file());
            Long notListed = more.get(g.input() + "\0" + g.file());
            if (lastOfFile && notListed != null) {
                out.add("input " + g.input() + ", " + g.file() + ": " + notListed
                        + " more problems after these, counted in the report but not listed");
            }
        }
        return out;
    }
}
