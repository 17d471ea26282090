package org.deidworkbench.gui.workbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.dialogs.DialogService;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.common.WorkbenchSettings;
import org.deidworkbench.gui.inputs.FileStatus;
import org.deidworkbench.gui.inputs.InputItem;
import org.deidworkbench.gui.inputs.InputTreeViewModel;
import org.deidworkbench.gui.keys.KeyFileViewModel;
import org.deidworkbench.gui.keys.ReidentifyViewModel;
import org.deidworkbench.gui.preview.PreviewViewModel;
import org.deidworkbench.gui.preview.dicom.DicomImageViewModel;
import org.deidworkbench.gui.rules.RulesViewModel;
import org.deidworkbench.gui.run.RunSettings;
import org.deidworkbench.gui.run.RunViewModel;
import org.deidworkbench.gui.run.SummaryEntry;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.FileReport;

/**
 * The workbench as a whole: the areas' view models wired together (selection → preview and rules,
 * a valid profile → preview, finished previews and runs → the tree's badges and the log), and the
 * main actions behind the menu, toolbar and shortcuts. Used on the FX thread; dialogs go through
 * {@link DialogService}, work through {@link BackgroundTasks}.
 */
public final class MainWindowViewModel {

    /** Log lines kept; older ones scroll away. */
    static final int LOG_LIMIT = 500;

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final DialogService dialogs;
    private final WorkbenchSettings settings;
    private final InputTreeViewModel inputs;
    private final PreviewViewModel preview;
    private final RulesViewModel rules;
    private final RunViewModel run;
    private final KeyFileViewModel keyFile;
    private final DicomImageViewModel image;
    private final ObservableList<LogEntry> log = FXCollections.observableArrayList();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>(this, "language");
    private RunSettings lastRun;

    public MainWindowViewModel(JobService jobs, BackgroundTasks tasks, DialogService dialogs,
            WorkbenchSettings settings) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.settings = settings;
        this.inputs = new InputTreeViewModel(jobs, tasks);
        this.preview = new PreviewViewModel(jobs, tasks);
        this.rules = new RulesViewModel(jobs, tasks);
        this.run = new RunViewModel(jobs, tasks);
        this.keyFile = new KeyFileViewModel(jobs, tasks);
        this.image = new DicomImageViewModel(jobs, tasks);
        theme.set(settings.theme());
        language.set(settings.language());
        recent.setAll(settings.recent());
        theme.addListener((o, was, now) -> settings.setTheme(now));
        language.addListener((o, was, now) -> settings.setLanguage(now));

        preview.fileProperty().bind(inputs.selectedFileProperty());
        preview.keyProperty().bind(keyFile.keyProperty());
        keyFile.keyProperty().addListener((o, was, now) -> log(LogEntry.Level.INFO, now == null
                ? LocalizedText.of("log.keyfile.locked")
                : LocalizedText.of("log.keyfile.unlocked", String.valueOf(now.file().getFileName()), now.runs().size())));
        image.fileProperty().bind(inputs.selectedFileProperty());
        image.profileProperty().bind(preview.profileProperty());
        image.revealProperty().bind(preview.revealProperty());
        image.setEditor(rules::setRedaction);
        rules.currentFileProperty().bind(inputs.selectedFileProperty());
        rules.profileProperty().addListener((o, was, now) -> profileChanged(now));
        preview.setListener(this::previewed);
        run.setListener(this::runFinished);
        rules.failureProperty().addListener((o, was, now) -> showFailure(now, rules::failureShown));
        keyFile.failureProperty().addListener((o, was, now) -> showFailure(now, keyFile::failureShown));
        inputs.failureProperty().addListener((o, was, now) -> {
            if (now != null) {
                log(LogEntry.Level.ERROR, now);
            }
        });
    }

    /** Starts with the first built-in profile and opens {@code paths} (the command line's), if any. */
    public void start(List<Path> paths) {
        if (!rules.builtIns().isEmpty()) {
            rules.useBuiltIn(rules.builtIns().get(0));
        }
        if (!paths.isEmpty()) {
            open(paths);
        }
    }

    private void showFailure(UserError error, Runnable shown) {
        if (error != null) {
            log(LogEntry.Level.ERROR, error.message());
            dialogs.showError(error);
            shown.run();
        }
    }

    private void profileChanged(LoadedProfile profile) {
        preview.profileProperty().set(profile);
        if (profile != null) {
            log(LogEntry.Level.INFO, LocalizedText.of("log.profile.applied", profile.profile().name(),
                    profile.profile().rules().size()));
        }
    }

    // ------------------------------------------------------------------------------------ opening

    /** File ▸ Open folder. */
    public void openFolder() {
        dialogs.chooseFolder(recent.isEmpty() ? null : recent.get(0)).ifPresent(p -> open(List.of(p)));
    }

    /** File ▸ Open files. */
    public void openFiles() {
        List<Path> files = dialogs.chooseFiles(recent.isEmpty() ? null : recent.get(0));
        if (!files.isEmpty()) {
            open(files);
        }
    }

    /** Opens folders and files as the export to work on (menu, toolbar, recent list, drag and drop). */
    public void open(List<Path> paths) {
        List<Path> existing = paths.stream().filter(Files::exists).toList();
        if (existing.isEmpty()) {
            dialogs.showError(UserError.of(paths.toString(), "error.open.missing"));
            return;
        }
        inputs.open(existing, roots -> {
            preview.context().setAll(roots);
            roots.forEach(settings::addRecent);
            recent.setAll(settings.recent());
            log(LogEntry.Level.INFO, LocalizedText.of("log.opened", roots.size(), inputs.files().size()));
            selectFirstCleanable();
        });
    }

    private void selectFirstCleanable() {
        inputs.files().stream().filter(i -> i.kind().cleanable()).findFirst().ifPresent(inputs.selectedProperty()::set);
    }

    private void previewed(Path file, FilePreview result, long firstShown, long millis, LocalizedText failure) {
        Optional<InputItem> item = inputs.find(file);
        if (failure == null) {
            inputs.setStatus(file, FileStatus.CLEAN, null);
            log(LogEntry.Level.INFO, firstShown < millis
                    ? LocalizedText.of("log.preview.donePartialFirst", name(file), result.changedFields(), firstShown, millis)
                    : LocalizedText.of("log.preview.done", name(file), result.changedFields(), millis));
        } else {
            boolean withheld = item.map(i -> !i.kind().cleanable()).orElse(false);
            inputs.setStatus(file, withheld ? FileStatus.WITHHELD : FileStatus.ERROR, failure);
            log(withheld ? LogEntry.Level.WARNING : LogEntry.Level.ERROR,
                    LocalizedText.of("log.preview.failed", name(file)));
        }
    }

    private static String name(Path file) {
        return String.valueOf(file.getFileName());
    }

    // ------------------------------------------------------------------------------------ rules

    /** Rules ▸ Open profile. */
    public void openProfile() {
        dialogs.chooseFile(DialogService.FileChoice.PROFILE_OPEN, rules.fileProperty().get()).ifPresent(rules::open);
    }

    /** Rules ▸ Save profile (asks where for a built-in). */
    public void saveProfile() {
        if (!rules.save()) {
            saveProfileAs();
        }
    }

    /** Rules ▸ Save profile as. */
    public void saveProfileAs() {
        dialogs.chooseFile(DialogService.FileChoice.PROFILE_SAVE, rules.fileProperty().get()).ifPresent(rules::saveAs);
    }

    // ------------------------------------------------------------------------------------ run

    /** Run ▸ Run: asks for the output folder and key file, then the passphrase, and starts. */
    public void startRun() {
        if (run.runningProperty().get()) {
            return;
        }
        List<Path> roots = inputs.rootPaths();
        if (roots.isEmpty()) {
            dialogs.showError(UserError.of("", "error.run.noInputs"));
            return;
        }
        LoadedProfile profile = rules.profileProperty().get();
        if (profile == null || !rules.validProperty().get()) {
            dialogs.showError(UserError.of("", "error.run.invalidProfile", rules.problems().size()));
            return;
        }
        Optional<RunSettings> chosen = dialogs.askRunSettings(proposal(roots));
        if (chosen.isEmpty()) {
            return;
        }
        RunSettings s = chosen.get();
        boolean create = !Files.exists(s.keyFile());
        if (create && !dialogs.confirm(LocalizedText.of("dialog.newKeyForRun.title"),
                LocalizedText.of("dialog.newKeyForRun.message", s.keyFile()))) {
            return;
        }
        Optional<char[]> passphrase = create ? dialogs.askNewPassphrase(s.keyFile())
                : dialogs.askPassphrase(s.keyFile());
        if (passphrase.isEmpty()) {
            return;
        }
        lastRun = s;
        log(LogEntry.Level.INFO, LocalizedText.of("log.run.started", roots.size(), s.output()));
        run.start(roots, s.output(), s.keyFile(), create, passphrase.get(), profile, s.threads());
    }

    private RunSettings proposal(List<Path> roots) {
        if (lastRun != null) {
            return lastRun;
        }
        Path first = roots.get(0);
        Path parent = first.getParent() == null ? first : first.getParent();
        String base = String.valueOf(first.getFileName()).replaceAll("\\.[^.]*$", "");
        Path output = parent.resolve(base + "-deid");
        Path key = keyFile.keyFileProperty().get() != null ? keyFile.keyFileProperty().get()
                : RunRequest.defaultKeyFile(output);
        return new RunSettings(output, key, Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

    /** Run ▸ Cancel. */
    public void cancelRun() {
        run.cancel();
    }

    private void runFinished(RunResult result, UserError failure, boolean cancelled) {
        if (result != null) {
            for (SummaryEntry e : run.summary()) {
                FileReport r = e.report();
                FileStatus status = switch (r.status()) {
                    case WRITTEN -> FileStatus.CLEAN;
                    case QUARANTINED -> FileStatus.WITHHELD;
                    case FAILED -> FileStatus.ERROR;
                };
                inputs.setStatus(e.source(), status, r.problems().isEmpty() ? null
                        : LocalizedText.of("tree.reason", r.problems().get(0).code()));
            }
            var counts = result.report().files();
            log(counts.written() == counts.total() ? LogEntry.Level.INFO : LogEntry.Level.WARNING,
                    LocalizedText.of("log.run.done", counts.written(), counts.total(), counts.quarantined(),
                            counts.failed(), result.reportFile().getParent()));
            keyFile.select(result.keyFile());
        } else if (cancelled) {
            log(LogEntry.Level.WARNING, LocalizedText.of("log.run.cancelled"));
        } else {
            log(LogEntry.Level.ERROR, failure.message());
            dialogs.showError(failure);
        }
    }

    /** A summary entry was opened: select its input file in the tree (and so preview it). */
    public void openSummaryEntry(SummaryEntry entry) {
        inputs.select(entry.source());
    }

    // ------------------------------------------------------------------------------------ key file

    /** Key file ▸ New. */
    public void newKeyFile() {
        Optional<Path> file = dialogs.chooseFile(DialogService.FileChoice.KEY_FILE_NEW, null);
        if (file.isEmpty()) {
            return;
        }
        if (Files.exists(file.get())) {
            dialogs.showError(UserError.of(file.get().toString(), "error.keyfile.alreadyExists"));
            return;
        }
        dialogs.askNewPassphrase(file.get()).ifPresent(p -> {
            keyFile.create(file.get(), p);
            log(LogEntry.Level.INFO, LocalizedText.of("log.keyfile.created", file.get()));
        });
    }

    /** Key file ▸ Open. */
    public void openKeyFile() {
        dialogs.chooseFile(DialogService.FileChoice.KEY_FILE_OPEN, keyFile.keyFileProperty().get())
                .ifPresent(keyFile::select);
    }

    /** Key file ▸ Unlock: the run history, and previews with the study's pseudonyms. */
    public void unlockKeyFile() {
        Path file = keyFile.keyFileProperty().get();
        if (file == null) {
            openKeyFile();
            file = keyFile.keyFileProperty().get();
            if (file == null) {
                return;
            }
        }
        dialogs.askPassphrase(file).ifPresent(keyFile::unlock);
    }

    /**
     * Key file ▸ Re-identify: the dialog, for the key file chosen in the panel (or another). A new
     * view model each time, so no answer outlives the dialog; the log gets counts only.
     */
    public void reidentify() {
        ReidentifyViewModel vm = new ReidentifyViewModel(jobs, tasks);
        vm.keyFileProperty().set(keyFile.keyFileProperty().get());
        vm.setListener((file, asked, found, entry) -> log(LogEntry.Level.INFO, LocalizedText.of("log.reidentified",
                String.valueOf(file.getFileName()), found, asked, entry)));
        dialogs.reidentify(vm);
    }

    // ------------------------------------------------------------------------------------ view

    /** Help ▸ About. */
    public void about() {
        dialogs.showInfo(LocalizedText.of("dialog.about.title"), LocalizedText.of("dialog.about.message",
                org.deidworkbench.job.RunJob.toolVersion(), rules.builtIns().size()));
    }

    /** View ▸ Dark theme. */
    public void toggleTheme() {
        theme.set(theme.get().other());
    }

    /** Adds a line to the log pane. */
    public void log(LogEntry.Level level, LocalizedText text) {
        log.add(new LogEntry(level, text, LocalTime.now().withNano(0)));
        if (log.size() > LOG_LIMIT) {
            log.remove(0, log.size() - LOG_LIMIT);
        }
    }

    public InputTreeViewModel inputs() {
        return inputs;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    /** The selected DICOM file's image with its redaction boxes. */
    public DicomImageViewModel image() {
        return image;
    }

    public RulesViewModel rules() {
        return rules;
    }

    public RunViewModel run() {
        return run;
    }

    public KeyFileViewModel keyFile() {
        return keyFile;
    }

    public ObservableList<LogEntry> log() {
        return log;
    }

    /** Recent folders and files, most recent first. */
    public ObservableList<Path> recent() {
        return recent;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The language of the window; changing it rebuilds the views with the new words. */
    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    public WorkbenchSettings settings() {
        return settings;
    }
}
