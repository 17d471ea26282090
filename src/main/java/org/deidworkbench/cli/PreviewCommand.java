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
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.deidworkbench.model.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid preview}: one file de-identified in memory, before and after, nothing written. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Show what a run would do to one file: each field before and after, and the rule that decided.",
            "Nothing is written and nothing is added to the key file. Original values of changed fields are",
            "hidden unless --reveal is given, because a terminal is a log."})
final class PreviewCommand implements Callable<Integer> {

    /** Shown instead of an original value that changed. */
    static final String HIDDEN = "<hidden>";
    private static final int BEFORE_WIDTH = 24;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to preview (its format is detected).")
    Path file;

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", defaultValue = "csv-template",
            description = "Built-in profile name or YAML file (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = {"-k", "--keyfile"}, paramLabel = "FILE",
            description = "The study's key file, for its real pseudonyms and date offsets (default: a throwaway key).")
    Path keyFile;

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "Read the key file's passphrase from FILE (else DEID_PASSPHRASE, else a prompt).")
    Path passphraseFile;

    @Option(names = {"-n", "--records"}, paramLabel = "N", defaultValue = "5",
            description = "Records (rows, data sets, resources) to show (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = {"-c", "--context"}, paramLabel = "PATH",
            description = {"Files or folders run together with FILE (e.g. the export folder with the patients table):",
                "their identifiers are scrubbed from FILE's free text too, as in a run over all of them."})
    List<Path> context = new ArrayList<>();

    @Option(names = "--reveal", description = "Show the original values of changed fields too.")
    boolean reveal;

    @Option(names = "--json", description = "Machine-readable output.")
    boolean json;

    private final Passphrases passphrases;

    PreviewCommand(Passphrases passphrases) {
        this.passphrases = passphrases;
    }

    @Override
    public Integer call() {
        if (records < 1) {
            throw new CliException(ExitCode.USAGE, "--records must be at least 1", null);
        }
        LoadedProfile loaded;
        try {
            loaded = ProfileLoader.read(profile);
        } catch (ProfileException e) {
            throw Failures.of(e);
        }
        if (keyFile != null && !Files.exists(keyFile)) {
            throw new CliException(ExitCode.KEY_FILE, "no such key file " + keyFile
                    + "; leave out --keyfile to preview with a throwaway key", null);
        }
        char[] passphrase = keyFile == null ? null : passphrases.forOpening(passphraseFile, keyFile);
        PreviewJob.Result result;
        try {
            result = PreviewJob.preview(new PreviewJob.Request(file, loaded, keyFile, passphrase, records, context),
                    () -> false);
        } catch (JobException e) {
            throw Failures.of(e);
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
        if (json) {
            printJson(result);
        } else {
            printText(result);
        }
        return ExitCode.OK;
    }

    private void printText(PreviewJob.Result result) {
        PrintWriter o = spec.commandLine().getOut();
        FilePreview p = result.preview();
        o.printf("Preview of %s: %s, profile %s, %d record%s shown%s, %d field%s changed%n", file, p.format(),
                result.profileName(), p.records().size(), p.records().size() == 1 ? "" : "s",
                p.truncated() ? " (the file has more)" : "", p.changedFields(), p.changedFields() == 1 ? "" : "s");
        if (result.throwawayKey()) {
            o.println("Throwaway key: pseudonyms and date offsets differ from a real run; give --keyfile for the study's.");
        }
        if (context.isEmpty()) {
            o.println("Free text is scrubbed of the identifiers found in this file only; a run over the whole export"
                    + " also knows those of its other files (e.g. the patients table): add --context DIR to see that.");
        }
        if (!reveal) {
            o.println("Original values of changed fields are hidden (a terminal is a log); --reveal shows them.");
        }
        int nameWidth = Math.max(5, Math.min(28, maxNameWidth(p.records())));
        int ruleWidth = Math.max(13, Math.min(40, maxRuleWidth(p.records())));
        for (PreviewRecord r : p.records()) {
            o.println();
            o.println(r.label());
            o.printf("  %-" + nameWidth + "s  %-" + ruleWidth + "s  %-" + BEFORE_WIDTH + "s  %s%n", "FIELD",
                    "RULE (ACTION)", "BEFORE", "AFTER");
            printFields(o, r.fields(), 0, nameWidth, ruleWidth);
        }
        if (!p.problems().isEmpty()) {
            o.println();
            o.println("Values that could not be transformed and would be emptied:");
            for (Problem pr : p.problems()) {
                o.println("  " + pr.location() + ": " + pr.code() + ": " + pr.message());
            }
        }
        o.println();
        o.println("Legend: ~ changed  - removed  + added  = unchanged");
        o.flush();
    }

    private void printFields(PrintWriter o, List<PreviewField> fields, int depth, int nameWidth, int ruleWidth) {
        for (PreviewField f : fields) {
            String marker = switch (f.change()) {
                case CHANGED -> "~";
                case REMOVED -> "-";
                case ADDED -> "+";
                case UNCHANGED -> "=";
            };
            String name = "  ".repeat(depth) + f.name();
            String rule = f.ruleId().isEmpty() ? "" : f.ruleId() + (f.action().isEmpty() ? "" : " (" + f.action() + ")");
            String before = switch (f.change()) {
                case UNCHANGED -> f.children().isEmpty() ? "(same)" : "";
                case ADDED -> "(none)";
                case CHANGED, REMOVED -> shorten(original(f));
            };
            String after = f.change() == PreviewField.Change.REMOVED ? "(removed)" : f.cleaned() == null ? "" : f.cleaned();
            o.printf("%s %-" + nameWidth + "s  %-" + ruleWidth + "s  %-" + BEFORE_WIDTH + "s  %s%n", marker, name, rule,
                    before, oneLine(after));
            printFields(o, f.children(), depth + 1, nameWidth, ruleWidth);
        }
    }

    private String original(PreviewField f) {
        return reveal ? (f.original() == null ? "" : f.original()) : HIDDEN;
    }

    private static String shorten(String s) {
        String line = oneLine(s);
        return line.length() <= BEFORE_WIDTH ? line : line.substring(0, BEFORE_WIDTH - 1) + "…";
    }

    /** Line breaks inside a value would break the table; they are shown as the two characters {@code \n}. */
    private static String oneLine(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static int maxNameWidth(List<PreviewRecord> records) {
        int max = 0;
        for (PreviewRecord r : records) {
            max = Math.max(max, nameWidth(r.fields(), 0));
        }
        return max;
    }

    private static int nameWidth(List<PreviewField> fields, int depth) {
        int max = 0;
        for (PreviewField f : fields) {
            max = Math.max(max, 2 * depth + f.name().length());
            max = Math.max(max, nameWidth(f.children(), depth + 1));
        }
        return max;
    }

    private static int maxRuleWidth(List<PreviewRecord> records) {
        int max = 0;
        for (PreviewRecord r : records) {
            max = Math.max(max, ruleWidth(r.fields()));
        }
        return max;
    }

    private static int ruleWidth(List<PreviewField> fields) {
        int max = 0;
        for (PreviewField f : fields) {
            max = Math.max(max, f.ruleId().length() + f.action().length() + 3);
            max = Math.max(max, ruleWidth(f.children()));
        }
        return max;
    }

    private void printJson(PreviewJob.Result result) {
        FilePreview p = result.preview();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("format", p.format());
        m.put("layout", p.layout().name().toLowerCase(java.util.Locale.ROOT));
        m.put("profile", result.profileName());
        m.put("throwawayKey", result.throwawayKey());
        m.put("filesScanned", result.filesScanned());
        m.put("originalsHidden", !reveal);
        m.put("columns", p.columns());
        m.put("recordsRead", p.recordsRead());
        m.put("truncated", p.truncated());
        m.put("changedFields", p.changedFields());
        List<Object> recs = new ArrayList<>();
        for (PreviewRecord r : p.records()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("label", r.label());
            rm.put("fields", fields(r.fields()));
            recs.add(rm);
        }
        m.put("records", recs);
        List<Object> problems = new ArrayList<>();
        for (Problem pr : p.problems()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("code", pr.code());
            pm.put("location", pr.location());
            pm.put("message", pr.message());
            problems.add(pm);
        }
        m.put("problems", problems);
        try {
            spec.commandLine().getOut().println(ProfileCommand.Json.render(m));
        } catch (java.io.IOException e) {
            throw new CliException(ExitCode.SOFTWARE, "cannot render JSON", e);
        }
        spec.commandLine().getOut().flush();
    }

    private List<Object> fields(List<PreviewField> fields) {
        List<Object> out = new ArrayList<>();
        for (PreviewField f : fields) {
            Map<String, Object> fm = new LinkedHashMap<>();
            fm.put("path", f.path());
            fm.put("name", f.name());
            fm.put("change", f.change().name().toLowerCase(java.util.Locale.ROOT));
            boolean hide = !reveal && (f.change() == PreviewField.Change.CHANGED || f.change() == PreviewField.Change.REMOVED);
            fm.put("original", hide ? null : f.original());
            fm.put("cleaned", f.cleaned());
            fm.put("rule", f.ruleId());
            fm.put("action", f.action());
            if (!f.children().isEmpty()) {
                fm.put("children", fields(f.children()));
            }
            out.add(fm);
        }
        return out;
    }
}
