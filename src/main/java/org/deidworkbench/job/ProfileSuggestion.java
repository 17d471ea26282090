package org.deidworkbench.job;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.ClassificationSettings;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;

/**
 * {@code deid profile suggest}: a complete, valid draft profile for a set of exports, with one
 * commented rule per column — its class, confidence and evidence (statistics, never values) — for a
 * data steward to review and commit. It is made by the same analysis and decision code a run uses
 * (with a throwaway key), so the draft, run unchanged, writes the same output as the profile it was
 * made from. Columns whose decision differs between files (each table's {@code Id} key has its own
 * domain) get no rule: the draft keeps classification on, and a comment says why.
 * Stateless and thread-safe; reads every file's sample and the key columns a run's pass 0 reads.
 */
public final class ProfileSuggestion {

    private ProfileSuggestion() {
    }

    /**
     * What the classifier suggests for each column of one CSV file: its decisions as a run with
     * {@code base} and classification on would make them (whatever {@code base} says of
     * classification), the file analysed together with the other CSV files of its folder so keys
     * and references between tables show. The workbench lists them for the steward to accept as
     * rules. Reads the sample rows of those files; nothing is written.
     *
     * @throws JobException {@code FILE_FAILED} when the file is not a CSV file or cannot be read
     */
    public static List<FieldDecision> columns(Path file, LoadedProfile base, BooleanSupplier cancelled)
            throws JobException {
        if (PreviewJob.detect(file) != FileFormat.CSV) {
            throw new JobException(JobException.Reason.FILE_FAILED, file + ": not a CSV file", null);
        }
        List<Path> together = new ArrayList<>();
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null) {
            try (var siblings = java.nio.file.Files.list(folder)) {
                for (Path p : siblings.sorted().toList()) {
                    if (cancelled.getAsBoolean()) {
                        throw new JobException(JobException.Reason.CANCELLED, "suggestion cancelled", null);
                    }
                    if (!p.equals(file.toAbsolutePath()) && java.nio.file.Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            && PreviewJob.detect(p) == FileFormat.CSV) {
                        together.add(p);
                    }
                }
            } catch (IOException e) {
                throw new JobException(JobException.Reason.IO_ERROR, "cannot list " + folder + " ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
        together.add(file.toAbsolutePath());
        LoadedProfile classified = new LoadedProfile(classifying(base.profile()), base.sha256());
        return PreviewJob.explainTogether(together, classified).get(file.toAbsolutePath());
    }

    /** {@code given} with classification on (its own settings when it has it on). */
    private static Profile classifying(Profile given) {
        ClassificationSettings classify = given.classification().enabled() ? given.classification()
                : ClassificationSettings.ON;
        return new Profile(given.name(), given.description(), given.rules(), given.defaultSpec(),
                given.defaultIdentifier(), given.subject(), given.dateShift(), given.source(), given.sections(), classify);
    }

    /** One column of one file, as the run would decide it. */
    private record Seen(String file, FieldDecision decision) {
    }

    /**
     * The draft for the files under {@code inputs}.
     *
     * @param base the profile whose rules, subject settings, date shift and default the draft starts
     *     from (usually {@code csv-template}); classification is on in the draft whatever it says
     * @param name the draft's {@code name}
     */
    public static String suggest(List<Path> inputs, LoadedProfile base, String name, BooleanSupplier cancelled)
            throws JobException {
        Profile profile = classifying(base.profile());
        Instant now = Instant.now();
        Deidentifier engine = KeySession.throwaway(now).engine(profile, now);
        Map<FileFormat, FileProcessor> processors = RunJob.processors(engine, true);
        List<InputFiles.InputFile> files = InputFiles.walk(inputs);
        Map<FileProcessor, List<Path>> byProcessor = new LinkedHashMap<>();
        for (InputFiles.InputFile f : files) {
            FileProcessor p = processors.get(f.format());
            if (p != null) {
                byProcessor.computeIfAbsent(p, k -> new ArrayList<>()).add(f.path());
            }
        }
        try {
            byProcessor.forEach((p, paths) -> p.analyze(paths, cancelled));
        } catch (CancellationException e) {
            throw new JobException(JobException.Reason.CANCELLED, "suggestion cancelled", e);
        }
        // Files are named as a run would name their outputs: input file names may carry patient names.
        for (InputFiles.InputFile f : files) {
            FileProcessor p = processors.get(f.format());
            if (p != null) {
                try {
                    p.scan(f.path(), "", cancelled);
                } catch (FormatException | IOException e) {
                    // reported below, when the file is explained
                }
            }
        }
        engine.freezeIdentifiers();
        String[] names = OutputNames.of(files, new org.deidworkbench.deid.PathScrubber(engine.identifiers()));
        Map<String, List<Seen>> byColumn = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        int read = 0;
        for (InputFiles.InputFile f : files) {
            FileProcessor p = processors.get(f.format());
            String label = names[f.index()];
            if (p == null) {
                skipped.add(label + ": " + FormatRegistry.withheldReason(f.format())[0]);
                continue;
            }
            try {
                for (FieldDecision d : p.explain(f.path())) {
                    byColumn.computeIfAbsent(FieldSelector.ColumnName.normalize(d.name()), k -> new ArrayList<>())
                            .add(new Seen(label, d));
                }
                read++;
            } catch (FormatException e) {
                skipped.add(label + ": " + e.code());
            } catch (IOException e) {
                skipped.add(label + ": IO-READ");
            }
        }
        // Relations name the table they reference by its file name: written as the output's name too.
        Map<String, String> renamed = new TreeMap<>();
        for (InputFiles.InputFile f : files) {
            String outName = names[f.index()].substring(names[f.index()].lastIndexOf('/') + 1);
            String inName = f.path().getFileName().toString();
            if (!outName.equals(inName)) {
                renamed.put(inName, outName);
            }
        }
        if (!renamed.isEmpty()) {
            byColumn.replaceAll((k, seen) -> seen.stream().map(x -> new Seen(x.file(), rename(x.decision(), renamed)))
                    .toList());
        }
        return render(profile, name, byColumn, skipped, read);
    }

    private static FieldDecision rename(FieldDecision d, Map<String, String> renamed) {
        String evidence = d.evidence();
        String reason = d.reason();
        for (Map.Entry<String, String> e : renamed.entrySet()) {
            evidence = evidence.replace(e.getKey(), e.getValue());
            reason = reason.replace(e.getKey(), e.getValue());
        }
        return new FieldDecision(d.path(), d.name(), d.ruleId(), d.action(), d.subject(), reason, d.decidedBy(),
                d.fieldClass(), d.confidence(), evidence, d.spec(), d.label(), d.identifier());
    }

    private static String render(Profile profile, String name, Map<String, List<Seen>> byColumn, List<String> skipped,
            int read) {
        StringBuilder y = new StringBuilder();
        y.append("# Draft profile written by `deid profile suggest` from ").append(read).append(" file")
                .append(read == 1 ? "" : "s").append(", starting from '").append(profile.name()).append("'.\n")
                .append("# Review every rule before you use it: each comment gives the column's class, the\n")
                .append("# classifier's confidence and its evidence (value statistics, never values), and what\n")
                .append("# decided it. Run unchanged, this profile writes the same output as '").append(profile.name())
                .append("'.\n");
        for (String s : skipped) {
            y.append("# not read: ").append(s).append('\n');
        }
        y.append("deid-profile: 1\n");
        y.append("name: ").append(quote(name)).append('\n');
        y.append("description: ").append(quote("Draft for review, suggested from " + read + " files")).append('\n');
        Set<String> subjects = new LinkedHashSet<>(profile.subject().csvColumns());
        for (List<Seen> seen : byColumn.values()) {
            if (seen.stream().allMatch(s -> s.decision().subject()) && agree(seen)
                    && seen.get(0).decision().spec() instanceof ActionSpec.Pseudonymize) {
                subjects.add(seen.get(0).decision().name());
            }
        }
        y.append("subject:\n  columns: [");
        y.append(String.join(", ", subjects.stream().map(ProfileSuggestion::quote).toList())).append("]\n");
        y.append("  domain: ").append(quote(profile.subject().domain())).append('\n');
        y.append("date-shift: { min-days: ").append(profile.dateShift().minDays()).append(", max-days: ")
                .append(profile.dateShift().maxDays()).append(" }\n");
        y.append("# Columns no rule below names (new exports, or the keys commented out below) are classified.\n");
        y.append("classify: { enabled: true, sample-rows: ").append(profile.classification().sampleRows()).append(" }\n");
        y.append("rules:\n");
        Set<String> ids = new LinkedHashSet<>();
        int rules = 0;
        for (Map.Entry<String, List<Seen>> e : byColumn.entrySet()) {
            List<Seen> seen = e.getValue();
            FieldDecision first = seen.get(0).decision();
            y.append('\n');
            for (Seen s : seen) {
                FieldDecision d = s.decision();
                y.append("  # ").append(s.file()).append(" : ").append(oneLine(d.shownName())).append(" — ")
                        .append(d.fieldClass().isEmpty() ? "not classified" : d.fieldClass() + " (" + d.confidence() + ")")
                        .append(", decided by ").append(d.decidedBy()).append(": ").append(oneLine(d.action()));
                if (!d.evidence().isEmpty()) {
                    y.append("; ").append(oneLine(d.evidence()));
                }
                y.append('\n');
            }
            if (!agree(seen)) {
                y.append("  # decided differently in these files (each table's key has its own domain): left to"
                        + " the classifier\n");
                continue;
            }
            if (first.decidedBy().equals("default") || first.spec() == null) {
                y.append("  # nothing decided it: the default applies\n");
                continue;
            }
            String id = uniqueId(e.getKey(), ids);
            y.append("  - id: ").append(quote(id)).append('\n');
            y.append("    column: ").append(quote(first.name())).append('\n');
            appendAction(y, first.spec());
            y.append("    identifier: ").append(first.identifier()).append('\n');
            if (!first.label().isEmpty()) {
                y.append("    label: ").append(quote(first.label())).append('\n');
            }
            rules++;
        }
        if (!profile.rules().isEmpty()) {
            y.append("\n  # ---- The rules of '").append(profile.name()).append("', for columns these exports do not have.\n");
            for (org.deidworkbench.model.Rule r : profile.rules()) {
                String id = uniqueId(profile.name() + "-" + r.id(), ids);
                y.append("  - id: ").append(quote(id)).append('\n');
                if (r.selector() instanceof FieldSelector.ColumnName c) {
                    y.append("    column: ").append(quote(c.name())).append('\n');
                } else if (r.selector() instanceof FieldSelector.ColumnPattern c) {
                    y.append("    column-pattern: ").append(quote(c.pattern().pattern())).append('\n');
                }
                appendAction(y, r.spec());
                y.append("    identifier: ").append(r.identifier()).append('\n');
                y.append("    label: ").append(quote(r.label())).append('\n');
                rules++;
            }
        }
        if (rules == 0) {
            y.append("  []\n");
        }
        y.append("\ndefault:\n");
        StringBuilder d = new StringBuilder();
        appendAction(d, profile.defaultSpec());
        y.append(d.toString().replace("    ", "  "));
        y.append("  identifier: ").append(profile.defaultIdentifier()).append('\n');
        return y.toString();
    }

    /** Whether every file decides the column alike (same action and parameters, label and identifier flag). */
    private static boolean agree(List<Seen> seen) {
        FieldDecision a = seen.get(0).decision();
        for (Seen s : seen) {
            FieldDecision b = s.decision();
            if (!Objects.equals(a.spec(), b.spec()) || !a.label().equals(b.label()) || a.identifier() != b.identifier()
                    || !a.name().equals(b.name())) {
                return false;
            }
        }
        return true;
    }

    private static void appendAction(StringBuilder y, ActionSpec spec) {
        y.append("    action: ").append(spec.action().yamlName()).append('\n');
        if (spec instanceof ActionSpec.Pseudonymize p) {
            y.append("    domain: ").append(quote(p.domain())).append('\n');
            PseudonymFormat f = p.format();
            if (!f.equals(PseudonymFormat.DEFAULT)) {
                y.append("    format: { encoding: ").append(f.encoding().yamlName()).append(", length: ").append(f.length())
                        .append(", prefix: ").append(quote(f.prefix())).append(", check-digit: ").append(f.checkDigit())
                        .append(" }\n");
            }
        } else if (spec instanceof ActionSpec.Generalize g) {
            y.append("    kind: ").append(g.kind().yamlName()).append('\n');
        } else if (spec instanceof ActionSpec.Replace r) {
            y.append("    value: ").append(quote(r.value())).append('\n');
        } else if (spec instanceof ActionSpec.Encrypt e) {
            y.append("    domain: ").append(quote(e.domain())).append('\n');
            y.append("    alphabet: ").append(quote(e.alphabet())).append('\n');
        }
    }

    private static String uniqueId(String normalizedColumn, Set<String> ids) {
        String base = normalizedColumn.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.isEmpty()) {
            base = "column";
        }
        String id = base;
        for (int n = 2; !ids.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ");
    }

    /** A YAML double-quoted scalar: a JSON string, which YAML reads as one. */
    static String quote(String s) {
        return org.deidworkbench.deid.JsonText.quote(s);
    }
}
