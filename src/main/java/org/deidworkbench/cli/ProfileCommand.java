package org.deidworkbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deidworkbench.config.ColumnDecision;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileExplainer;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.config.ProfileProblem;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.job.ProfileSuggestion;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.Rule;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code deid profile}: validate, explain and list rule profiles. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Validate, explain and list rule profiles.",
        subcommands = {ProfileCommand.Validate.class, ProfileCommand.Explain.class, ProfileCommand.Suggest.class,
            ProfileCommand.ListProfiles.class})
final class ProfileCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code deid profile validate}. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a profile completely; every problem is listed with file:line:column and rule.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROFILE", description = "Built-in profile name or YAML file.")
        String profile;

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            refuseADataFile(spec, profile, null);
            PrintWriter out = spec.commandLine().getOut();
            try {
                Profile p = ProfileLoader.resolve(profile);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("valid", true);
                    m.put("name", p.name());
                    m.put("rules", p.rules().size());
                    out.println(Json.render(m));
                } else {
                    out.printf("Profile '%s' is valid: %d rules, default action %s.%n", p.name(), p.rules().size(),
                            p.defaultSpec().action());
                }
                out.flush();
                return ExitCode.OK;
            } catch (ProfileException e) {
                if (json) {
                    List<Map<String, Object>> problems = new ArrayList<>();
                    for (ProfileProblem pp : e.problems()) {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("file", pp.location().file());
                        m.put("line", pp.location().line());
                        m.put("column", pp.location().column());
                        m.put("rule", pp.ruleId());
                        m.put("message", pp.message());
                        problems.add(m);
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("valid", false);
                    m.put("problems", problems);
                    out.println(Json.render(m));
                } else {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println("Profile is invalid (" + e.problems().size() + " problem"
                            + (e.problems().size() == 1 ? "" : "s") + "):");
                    e.problems().forEach(pp -> err.println("  " + pp));
                    err.flush();
                }
                out.flush();
                return ExitCode.PROFILE;
            }
        }
    }

    /**
     * A newcomer's {@code deid profile explain scan.dcm} named the data file where the profile goes, and was told the
     * profile was not UTF-8 text: a file of a format the workbench cleans is said to be one.
     *
     * @param command the command, to show the order of its arguments, or null where it takes the profile alone
     */
    static void refuseADataFile(CommandLine.Model.CommandSpec spec, String profile, String command) throws IOException {
        Path asFile = Path.of(profile);
        if (!java.nio.file.Files.isRegularFile(asFile)) {
            return;
        }
        String name = asFile.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        org.deidworkbench.job.FileKind kind;
        try {
            kind = PreviewJob.kind(asFile);
        } catch (JobException e) {
            return; // the profile's reading will say what is wrong with the file
        }
        // a profile's YAML may read as a delimited text: only a .csv or .tsv file is taken for an export
        boolean data = kind.cleanable() && (!kind.format().equals("CSV") || name.endsWith(".csv") || name.endsWith(".tsv"));
        if (data) {
            throw new CommandLine.ParameterException(spec.commandLine(), profile + " is one of the " + kind.description()
                    + ", not a profile" + (command == null ? " (a built-in profile's name or a YAML file)"
                    : ": name the profile first, e.g. deid " + command + " csv-template " + profile));
        }
    }

    /** {@code deid profile explain}. */
    @Command(name = "explain", mixinStandardHelpOptions = true,
            description = {"Show which action each field of a file gets (CSV column, DICOM or FHIR element), and why: the"
                + " decision a run makes.", "Without FILE or --columns, lists the rules in the order they are tried."})
    static final class Explain implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PROFILE", description = "Built-in profile name or YAML file.")
        String profile;

        @Parameters(index = "1..*", paramLabel = "FILE", description = "Explain the fields of these files (any format"
                + " this version cleans; the format is detected). Files given together are analysed together, as a run"
                + " over them would be, so their relations (keys, references, patient columns) show.")
        List<Path> files = new ArrayList<>();

        @Option(names = "--csv", paramLabel = "FILE", description = "Same as FILE (kept for scripts).")
        List<Path> csvFiles = new ArrayList<>();

        @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "Explain these column names.")
        List<String> columns = new ArrayList<>();

        @Option(names = "--file", paramLabel = "FILE", description = "Same as FILE (kept for scripts).")
        List<Path> fileOptions = new ArrayList<>();

        @Option(names = "--dicom", paramLabel = "FILE", description = "Same as FILE (kept for scripts).")
        List<Path> dicomFiles = new ArrayList<>();

        @Option(names = "--json", description = "Machine-readable output.")
        boolean json;

        @Override
        public Integer call() throws IOException {
            refuseADataFile(spec, profile, "profile explain");
            LoadedProfile loaded;
            try {
                loaded = ProfileLoader.read(profile);
            } catch (ProfileException e) {
                throw Failures.of(e);
            }
            Profile p = loaded.profile();
            PrintWriter out = spec.commandLine().getOut();
            Map<String, List<FieldDecision>> explained = new LinkedHashMap<>();
            if (!columns.isEmpty()) {
                explained.put("--columns", ProfileExplainer.explain(p, columns).stream().map(Explain::decision).toList());
            }
            List<Path> all = new ArrayList<>(files);
            all.addAll(csvFiles);
            all.addAll(fileOptions);
            all.addAll(dicomFiles);
            if (!all.isEmpty()) {
                // Together, as a run over them: a table's relations to the others show.
                try {
                    PreviewJob.explainTogether(all, loaded).forEach((file, d) -> explained.put(file.toString(), d));
                } catch (JobException e) {
                    throw Failures.of(e);
                }
            }
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                explained.forEach((source, decisions) -> m.put(source, decisions.stream().map(Explain::toMap).toList()));
                if (explained.isEmpty()) {
                    m.put("rules", p.rules().stream().map(r -> {
                        Map<String, Object> rm = new LinkedHashMap<>();
                        rm.put("id", r.id());
                        rm.put("selector", r.selector().describe());
                        rm.put("action", r.action().yamlName());
                        rm.put("location", r.location().toString());
                        return rm;
                    }).toList());
                }
                out.println(Json.render(m));
            } else if (explained.isEmpty()) {
                out.printf("Profile '%s' (%s): rules in the order they are tried, first match wins%n", p.name(), p.source());
                int i = 1;
                for (Rule r : p.rules()) {
                    out.printf("%3d. %-22s %-14s %s%s%n", i++, r.id(), r.action().yamlName(), r.selector().describe(),
                            r.identifier() ? "  [identifier]" : "");
                }
                out.printf("     %-22s %-14s every other column%n", "default", p.defaultSpec().action().yamlName());
                out.printf("Subject column: first present of %s (domain '%s')%n", p.subject().csvColumns(),
                        p.subject().domain());
            } else {
                explained.forEach((source, decisions) -> {
                    out.println(source + ":");
                    int width = Math.max(12, Math.min(56, decisions.stream().mapToInt(d -> label(d).length()).max()
                            .orElse(12)));
                    // What decided and the class are columns only where a classifier took part (CSV).
                    boolean classified = decisions.stream().anyMatch(d -> !d.fieldClass().isEmpty());
                    for (FieldDecision d : decisions) {
                        if (classified) {
                            out.printf("  %-" + width + "s %-14s %-10s %-16s %s%s%n", label(d), d.action(),
                                    d.decidedBy(), d.fieldClass().isEmpty() ? "-" : d.fieldClass() + " " + d.confidence(),
                                    d.reason(), d.subject() ? "  [subject]" : "");
                        } else {
                            out.printf("  %-" + width + "s %-14s %s%s%n", label(d), d.action(), d.reason(),
                                    d.subject() ? "  [subject]" : "");
                        }
                    }
                });
            }
            out.flush();
            return ExitCode.OK;
        }

        /** The field's address, with its readable name where the address does not already say it (DICOM tags). */
        private static String label(FieldDecision d) {
            return d.path().contains(d.name()) ? d.path() : d.path() + " " + d.name();
        }

        /** A column decision from the header-only explainer, in the shape every format's explain gives. */
        private static FieldDecision decision(ColumnDecision d) {
            return new FieldDecision(d.column(), d.column(), d.rule() == null ? "default" : d.rule().id(),
                    d.spec().action().yamlName(), d.subjectColumn(), d.reason());
        }

        private static Map<String, Object> toMap(FieldDecision d) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("field", d.path());
            m.put("name", d.name());
            m.put("action", d.action());
            m.put("rule", d.ruleId());
            m.put("decidedBy", d.decidedBy());
            m.put("class", d.fieldClass());
            m.put("confidence", d.confidence());
            m.put("evidence", d.evidence());
            m.put("subject", d.subject());
            m.put("reason", d.reason());
            return m;
        }
    }

    /** {@code deid profile suggest}. */
    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"Write a complete draft profile for these exports to standard output: one commented rule"
                + " per column (its class, confidence and evidence — statistics, never values) for a data steward to"
                + " review and commit, e.g. deid profile suggest export/ > draft.yaml.",
                "Run unchanged, the draft gives the same output as the profile it starts from."})
    static final class Suggest implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0..*", arity = "1..*", paramLabel = "INPUT", description = "Export files and folders.")
        List<Path> inputs = new ArrayList<>();

        @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "csv-template",
                description = "Profile the draft starts from (built-in name or YAML file; default: ${DEFAULT-VALUE}).")
        String profile;

        @Option(names = "--name", paramLabel = "NAME", defaultValue = "suggested",
                description = "The draft profile's name (default: ${DEFAULT-VALUE}).")
        String name;

        @Override
        public Integer call() {
            LoadedProfile loaded;
            try {
                loaded = ProfileLoader.read(profile);
            } catch (ProfileException e) {
                throw Failures.of(e);
            }
            String draft;
            try {
                draft = ProfileSuggestion.suggest(inputs, loaded, name, () -> false);
            } catch (JobException e) {
                throw Failures.of(e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(draft);
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code deid profile list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            ProfileLoader.builtInNames().forEach(spec.commandLine().getOut()::println);
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    /** JSON rendering for {@code --json} outputs. */
    static final class Json {
        private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        private Json() {
        }

        static String render(Object value) throws IOException {
            return MAPPER.writeValueAsString(value);
        }
    }
}
