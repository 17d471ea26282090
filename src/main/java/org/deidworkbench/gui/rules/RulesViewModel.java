package org.deidworkbench.gui.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileProblem;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.common.UserErrors;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.SourceLocation;

/**
 * The profile being worked on: its YAML text (the one truth), the problems of that text at
 * line/column, the last valid profile (which the preview applies), its rules for the form, its
 * options, and the columns of the selected file that no rule matched. Every edit — typed, from the
 * form or an option — is validated on a worker thread; a valid result replaces {@link #profileProperty()}
 * and so re-runs the preview. Used on the FX thread.
 */
public final class RulesViewModel {

    /** The built-in profile whose {@code dicom:} section a profile without one is lent (decision 0006). */
    static final String DICOM_SECTION_BUILT_IN = "dicom-basic";

    /** Actions offered for the default (the ones that need no parameter). */
    public static final List<Action> DEFAULT_ACTIONS = List.of(Action.SCRUB_TEXT, Action.REMOVE, Action.EMPTY,
            Action.KEEP);

    /** One rule as the rule list shows it. */
    public record RuleRow(Rule rule, String selector, String action) {
        @Override
        public String toString() {
            return "RuleRow[" + rule.id() + "]";
        }
    }

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper sourceName = new ReadOnlyStringWrapper(this, "sourceName", "");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyObjectWrapper<LoadedProfile> profile = new ReadOnlyObjectWrapper<>(this, "profile");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ObservableList<ProfileProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ObservableList<String> builtIns = FXCollections.observableArrayList();
    private final ObservableList<FieldDecision> columns = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper classifies = new ReadOnlyBooleanWrapper(this, "classifies");
    private final ReadOnlyObjectWrapper<LocalizedText> columnsHelp = new ReadOnlyObjectWrapper<>(this, "columnsHelp",
            LocalizedText.of("rules.unmatched.help"));
    private final ObjectProperty<Action> defaultAction = new SimpleObjectProperty<>(this, "defaultAction");
    private final ReadOnlyObjectWrapper<DateShiftSettings> dateShift = new ReadOnlyObjectWrapper<>(this, "dateShift");
    private final ObjectProperty<Path> currentFile = new SimpleObjectProperty<>(this, "currentFile");
    private final ReadOnlyObjectWrapper<UserError> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private static final String CSV = "CSV";
    private BackgroundTasks.Task validation;
    private BackgroundTasks.Task unmatched;
    private String savedText = "";
    private boolean updatingOptions;

    public RulesViewModel(JobService jobs, BackgroundTasks tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
        builtIns.setAll(jobs.builtInProfiles());
        text.addListener((o, was, now) -> {
            dirty.set(!Objects.equals(now, savedText));
            validate();
        });
        defaultAction.addListener((o, was, now) -> {
            if (!updatingOptions && now != null && now != was) {
                text.set(ProfileText.setDefaultAction(text.get(), now.yamlName()));
            }
        });
        currentFile.addListener((o, was, now) -> findUnmatched());
        profile.addListener((o, was, now) -> findUnmatched());
    }

    /** Starts from a built-in profile (its text is copied into the editor; saving asks for a file). */
    public void useBuiltIn(String name) {
        tasks.submit(task -> jobs.builtInProfileText(name), yaml -> {
            file.set(null);
            savedText = yaml;
            sourceName.set(name);
            text.set(yaml);
            dirty.set(false);
        }, e -> failure.set(UserErrors.describe(e)));
    }

    /** Opens a profile file. */
    public void open(Path path) {
        tasks.submit(task -> Files.readString(path, StandardCharsets.UTF_8), yaml -> {
            file.set(path);
            savedText = yaml;
            sourceName.set(String.valueOf(path.getFileName()));
            text.set(yaml);
            dirty.set(false);
        }, e -> failure.set(UserErrors.describe(e)));
    }

    /** Saves to the opened file; {@code false} when there is none (a built-in: ask where, then {@link #saveAs}). */
    public boolean save() {
        Path f = file.get();
        if (f == null) {
            return false;
        }
        saveAs(f);
        return true;
    }

    /** Saves the text (valid or not: it is the steward's work) to {@code path}, replacing it atomically. */
    public void saveAs(Path path) {
        String yaml = text.get();
        tasks.submit(task -> {
            write(path, yaml);
            return path;
        }, saved -> {
            file.set(saved);
            savedText = yaml;
            sourceName.set(String.valueOf(saved.getFileName()));
            dirty.set(!Objects.equals(text.get(), yaml));
            validate();
        }, e -> failure.set(UserErrors.describe(e)));
    }

    private static void write(Path path, String yaml) throws IOException {
        Path abs = path.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void validate() {
        String yaml = text.get();
        String source = sourceName.get().isEmpty() ? "profile" : sourceName.get();
        if (validation != null) {
            validation.cancel();
        }
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> jobs.parseProfile(yaml, source), loaded -> {
            if (validation != mine[0]) {
                return;
            }
            validation = null;
            problems.clear();
            valid.set(true);
            profile.set(loaded);
            showRules(loaded);
        }, e -> {
            if (validation != mine[0]) {
                return;
            }
            validation = null;
            valid.set(false);
            if (e instanceof ProfileException pe) {
                problems.setAll(pe.problems());
            } else {
                failure.set(UserErrors.describe(e));
            }
        });
        validation = mine[0];
    }

    private void showRules(LoadedProfile loaded) {
        rules.setAll(loaded.profile().rules().stream()
                .map(r -> new RuleRow(r, r.selector().describe(), r.action().yamlName())).toList());
        updatingOptions = true;
        try {
            defaultAction.set(loaded.profile().defaultSpec().action());
            dateShift.set(loaded.profile().dateShift());
        } finally {
            updatingOptions = false;
        }
    }

    /**
     * Lists the fields of the selected file that no rule names: for a CSV file every such column
     * with what the relations and the classifier make of it (classification on, whatever the profile
     * says), for other formats the fields the default decides.
     */
    private void findUnmatched() {
        Path f = currentFile.get();
        LoadedProfile p = profile.get();
        if (unmatched != null) {
            unmatched.cancel();
        }
        classifies.set(p != null && p.profile().classification().enabled());
        if (f == null || p == null) {
            columns.clear();
            return;
        }
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        boolean classifying = classifies.get();
        mine[0] = tasks.submit(task -> {
            boolean csv = CSV.equals(jobs.kind(f).format());
            List<FieldDecision> found = csv
                    ? jobs.suggestColumns(f, p, task::cancelled).stream().filter(d -> !"rule".equals(d.decidedBy())).toList()
                    : jobs.explain(f, p).stream().filter(d -> "default".equals(d.ruleId())).toList();
            return java.util.Map.entry(csv, found);
        }, found -> {
                    if (unmatched != mine[0]) {
                        return;
                    }
                    columns.setAll(found.getValue());
                    columnsHelp.set(LocalizedText.of(!found.getKey() ? "rules.unmatched.help"
                            : classifying ? "rules.unmatched.help.classifies" : "rules.unmatched.help.suggests"));
                }, e -> {
                    if (unmatched == mine[0]) {
                        columns.clear();
                    }
                });
        unmatched = mine[0];
    }

    /** Whether {@code d} is a classifier's suggestion that {@link #acceptSuggestions} can make a rule. */
    public static boolean acceptable(FieldDecision d) {
        return SuggestedRule.acceptable(d);
    }

    /**
     * Makes the classifier's decisions for {@code suggested} columns rules of the profile, with the
     * same action, parameters, identifier flag and label (so a run writes the same), inserted first
     * in the order given; decisions not made by the classifier are skipped. One edit of the text.
     */
    public void acceptSuggestions(List<FieldDecision> suggested) {
        List<FieldDecision> accepted = suggested.stream().filter(SuggestedRule::acceptable).toList();
        if (accepted.isEmpty()) {
            return;
        }
        java.util.Set<String> taken = new java.util.HashSet<>();
        LoadedProfile p = profile.get();
        if (p != null) {
            p.profile().rules().forEach(r -> taken.add(r.id()));
        }
        List<String> ids = accepted.stream().map(d -> SuggestedRule.id(d.name(), taken)).toList();
        String yaml = text.get();
        for (int i = accepted.size() - 1; i >= 0; i--) {
            FieldDecision d = accepted.get(i);
            String id = ids.get(i);
            yaml = ProfileText.insertRule(yaml, indent -> SuggestedRule.toYaml(d, id, indent));
        }
        text.set(yaml);
    }

    /** Adds the form's rule as the first rule. */
    public void addRule(RuleForm form) {
        text.set(ProfileText.insertRule(text.get(), form));
    }

    /** Replaces {@code rule}'s text with the form's. */
    public void replaceRule(Rule rule, RuleForm form) {
        text.set(ProfileText.replaceRule(text.get(), rule.location().line(), form));
    }

    /**
     * Sets the rectangles of the redaction rule that applies to an image: the profile's own rule
     * {@code id}, or — when {@code id} is null or names no rule of the profile's own {@code dicom:}
     * section — a new rule for images like {@code header} (same modality, equipment and size). A
     * profile without a {@code dicom:} section first gets the one it was lent ({@code dicom-basic}'s),
     * so nothing else changes. The text is validated like any edit, so the preview re-runs.
     */
    public void setRedaction(String id, DicomImage.Header header, List<DicomRedaction.Rectangle> rectangles) {
        LoadedProfile p = profile.get();
        DicomRedaction own = p == null || id == null ? null : ownRedaction(p, id);
        if (own != null) {
            DicomRedaction edited = new DicomRedaction(own.id(), own.manufacturer(), own.model(), own.modality(),
                    own.sopClassUid(), own.rows(), own.columns(), rectangles, own.location());
            text.set(ProfileText.replaceItem(text.get(), own.location().line(),
                    indent -> ProfileText.redactionItem(edited, indent)));
            return;
        }
        DicomRedaction added = newRedaction(p, header, rectangles);
        if (!ProfileText.dicomSection(text.get()).isEmpty()) {
            text.set(ProfileText.addRedaction(text.get(), indent -> ProfileText.redactionItem(added, indent), ""));
            return;
        }
        tasks.submit(task -> ProfileText.dicomSection(jobs.builtInProfileText(DICOM_SECTION_BUILT_IN)),
                section -> text.set(ProfileText.addRedaction(text.get(),
                        indent -> ProfileText.redactionItem(added, indent), section)),
                e -> failure.set(UserErrors.describe(e)));
    }

    /** The redaction rule {@code id} of the profile's own {@code dicom:} section (not a lent one), or null. */
    private static DicomRedaction ownRedaction(LoadedProfile p, String id) {
        return p.profile().section(DicomSection.KEY, DicomSection.class).stream()
                .flatMap(s -> s.redactions().stream())
                .filter(r -> r.id().equals(id) && r.location().file().equals(p.profile().source()))
                .findFirst().orElse(null);
    }

    /** A rule for images with {@code header}'s modality, equipment and size, under an id no rule has yet. */
    private static DicomRedaction newRedaction(LoadedProfile p, DicomImage.Header header,
            List<DicomRedaction.Rectangle> rectangles) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        if (p != null) {
            p.profile().section(DicomSection.KEY, DicomSection.class)
                    .ifPresent(s -> s.redactions().forEach(r -> taken.add(r.id())));
        }
        String base = ("redact-" + header.modality() + "-" + header.columns() + "x" + header.rows())
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replace("--", "-");
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        return new DicomRedaction(id, present(header.manufacturer()), present(header.model()),
                present(header.modality()), header.modality().isEmpty() && header.manufacturer().isEmpty()
                        && header.model().isEmpty() ? present(header.sopClassUid()) : java.util.Optional.empty(),
                java.util.Optional.of(header.rows()), java.util.Optional.of(header.columns()), rectangles,
                new SourceLocation("", 0, 0));
    }

    private static java.util.Optional<String> present(String s) {
        return s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s);
    }

    /** Sets the date-shift range. */
    public void setDateShift(int minDays, int maxDays) {
        text.set(ProfileText.setDateShift(text.get(), minDays, maxDays));
    }

    /** The YAML text in the editor. */
    public StringProperty textProperty() {
        return text;
    }

    /** The built-in name or file name the text came from. */
    public ReadOnlyStringProperty sourceNameProperty() {
        return sourceName.getReadOnlyProperty();
    }

    /** The file the text is saved to, or {@code null} (a built-in, not saved yet). */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** The last valid profile; stays while the text has problems, so the preview keeps its last state. */
    public ReadOnlyObjectProperty<LoadedProfile> profileProperty() {
        return profile.getReadOnlyProperty();
    }

    /** Whether the text as it is now is a valid profile. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Whether the text differs from what was opened or saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** Problems of the text, in line order (empty when valid). */
    public ObservableList<ProfileProblem> problems() {
        return problems;
    }

    /** The rules of the last valid profile, in order. */
    public ObservableList<RuleRow> rules() {
        return rules;
    }

    /** Built-in profile names. */
    public ObservableList<String> builtIns() {
        return builtIns;
    }

    /**
     * Fields of the selected file that no rule names, with what decides them instead: for a CSV
     * file the relations and the classifier (its class, confidence and evidence), else the default.
     */
    public ObservableList<FieldDecision> columns() {
        return columns;
    }

    /** Whether the profile classifies columns no rule names (else they get the default until accepted). */
    public ReadOnlyBooleanProperty classifiesProperty() {
        return classifies.getReadOnlyProperty();
    }

    /** What the list of {@link #columns()} means for the selected file and profile. */
    public ReadOnlyObjectProperty<LocalizedText> columnsHelpProperty() {
        return columnsHelp.getReadOnlyProperty();
    }

    /** The default action; setting it edits the text. */
    public ObjectProperty<Action> defaultActionProperty() {
        return defaultAction;
    }

    /** The date-shift range of the last valid profile. */
    public ReadOnlyObjectProperty<DateShiftSettings> dateShiftProperty() {
        return dateShift.getReadOnlyProperty();
    }

    /** The file selected in the tree, whose unmatched columns are listed. */
    public ObjectProperty<Path> currentFileProperty() {
        return currentFile;
    }

    /** The last failure to read, save or validate (for the error dialog), or {@code null}. */
    public ReadOnlyObjectProperty<UserError> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Clears {@link #failureProperty()} once shown. */
    public void failureShown() {
        failure.set(null);
    }

    /** A message for the status line about the text's state. */
    public LocalizedText status() {
        if (!valid.get()) {
            return LocalizedText.of("rules.status.problems", problems.size());
        }
        return LocalizedText.of(dirty.get() ? "rules.status.modified" : "rules.status.valid", rules.size());
    }
}
