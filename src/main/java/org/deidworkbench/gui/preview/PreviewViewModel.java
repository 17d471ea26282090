package org.deidworkbench.gui.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserErrors;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;

/**
 * The centre of the workbench: the selected file de-identified in memory by the real engine, shown
 * as Original | De-identified | Differences. Re-previews when the file, the profile or the opened
 * export change; a newer request cancels an older one. Original values of changed fields are masked
 * until {@link #revealProperty() reveal} is on, and never logged. Used on the FX thread; the work
 * runs through {@link BackgroundTasks}.
 */
public final class PreviewViewModel {

    /** Records previewed per file: enough to judge the rules, little enough to stay instant. */
    public static final int MAX_RECORDS = 200;

    /** Text shown instead of a masked original. */
    public static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";
    /** Text shown for free text while identifiers are still being collected. */
    public static final String PENDING = "\u2026";
    private static final String SCRUB_TEXT = "scrub-text";

    /** What a finished preview tells its listener (the tree's badge, the log). */
    public interface Listener {
        /**
         * A preview of {@code file} was first shown after {@code firstShownMillis} and finished after
         * {@code millis}; {@code failure} is null on success.
         */
        void previewed(Path file, FilePreview preview, long firstShownMillis, long millis, LocalizedText failure);
    }

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final LongSupplier nanoClock;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ObjectProperty<LoadedProfile> profile = new SimpleObjectProperty<>(this, "profile");
    private final ObjectProperty<JobService.UnlockedKey> key = new SimpleObjectProperty<>(this, "key");
    private final ObservableList<Path> context = FXCollections.observableArrayList();
    private final BooleanProperty reveal = new SimpleBooleanProperty(this, "reveal", false);
    private final ReadOnlyObjectWrapper<FilePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper throwawayKey = new ReadOnlyBooleanWrapper(this, "throwawayKey");
    private final ReadOnlyObjectWrapper<LocalizedText> message = new ReadOnlyObjectWrapper<>(this, "message",
            LocalizedText.of("preview.empty"));
    private final ReadOnlyLongWrapper lastMillis = new ReadOnlyLongWrapper(this, "lastMillis", -1);
    private final ReadOnlyLongWrapper firstShownMillis = new ReadOnlyLongWrapper(this, "firstShownMillis", -1);
    private final ReadOnlyBooleanWrapper partial = new ReadOnlyBooleanWrapper(this, "partial");
    private final ObservableList<DiffRow> differences = FXCollections.observableArrayList();
    private final ObjectProperty<PreviewField> selectedField = new SimpleObjectProperty<>(this, "selectedField");
    private final ReadOnlyObjectWrapper<FieldDecision> explanation = new ReadOnlyObjectWrapper<>(this, "explanation");
    private final ReadOnlyObjectWrapper<LocalizedText> explanationMessage = new ReadOnlyObjectWrapper<>(this,
            "explanationMessage");
    private Listener listener = (f, p, first, ms, failure) -> { };

    private final Object sessionLock = new Object();
    private SessionKey sessionKey;
    private JobService.PreviewSession session;
    private LoadedProfile quickProfile;
    private JobService.UnlockedKey quickKey;
    private JobService.PreviewSession quickSession;
    private BackgroundTasks.Task current;
    private BackgroundTasks.Task currentPartial;
    private BackgroundTasks.Task currentExplain;

    /** The session is reused while the profile, the key and the export stay the same. */
    private record SessionKey(LoadedProfile profile, JobService.UnlockedKey key, List<Path> context) {
    }

    public PreviewViewModel(JobService jobs, BackgroundTasks tasks) {
        this(jobs, tasks, System::nanoTime);
    }

    /** @param nanoClock the clock that times previews (tests pass a fake) */
    public PreviewViewModel(JobService jobs, BackgroundTasks tasks, LongSupplier nanoClock) {
        this.jobs = jobs;
        this.tasks = tasks;
        this.nanoClock = nanoClock;
        file.addListener((o, was, now) -> refresh());
        profile.addListener((o, was, now) -> refresh());
        key.addListener((o, was, now) -> refresh());
        context.addListener((javafx.collections.ListChangeListener<Path>) c -> refresh());
        selectedField.addListener((o, was, now) -> {
            explanation.set(null);
            explanationMessage.set(null);
        });
    }

    /** Who hears about finished previews (one listener: the main window). */
    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /** Previews the current file again, e.g. after a run changed nothing but the user asks. */
    public void refresh() {
        Path f = file.get();
        LoadedProfile p = profile.get();
        cancel(current);
        cancel(currentPartial);
        current = null;
        currentPartial = null;
        if (currentExplain != null) {
            currentExplain.cancel();
            currentExplain = null;
        }
        selectedField.set(null);
        if (f == null || p == null) {
            busy.set(false);
            partial.set(false);
            preview.set(null);
            differences.clear();
            message.set(LocalizedText.of(p == null ? "preview.noProfile" : "preview.empty"));
            return;
        }
        List<Path> ctx = List.copyOf(context);
        JobService.UnlockedKey k = key.get();
        long started = nanoClock.getAsLong();
        long[] firstShown = {-1};
        busy.set(true);
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[2];
        if (!sessionReady(p, k, ctx)) {
            // Opening the session collects the export's identifiers, which takes a while on a large
            // export: show everything but free text at once, from a session that collects nothing.
            mine[1] = tasks.submit(task -> quickSessionFor(p, k, task).previewPartial(f, MAX_RECORDS, task::cancelled),
                    result -> {
                        if (currentPartial != mine[1] || current != mine[0]) {
                            return;
                        }
                        currentPartial = null;
                        firstShown[0] = (nanoClock.getAsLong() - started) / 1_000_000;
                        firstShownMillis.set(firstShown[0]);
                        show(result, true);
                    }, e -> {
                        if (currentPartial == mine[1]) {
                            currentPartial = null;
                        }
                    });
            currentPartial = mine[1];
        }
        mine[0] = tasks.submit(task -> sessionFor(p, k, ctx, task).preview(f, MAX_RECORDS, task::cancelled),
                result -> {
                    if (current != mine[0]) {
                        return;
                    }
                    long ms = (nanoClock.getAsLong() - started) / 1_000_000;
                    cancel(currentPartial);
                    current = null;
                    currentPartial = null;
                    busy.set(false);
                    lastMillis.set(ms);
                    if (firstShown[0] < 0) {
                        firstShown[0] = ms;
                        firstShownMillis.set(ms);
                    }
                    show(result, false);
                    listener.previewed(f, result.preview(), firstShown[0], ms, null);
                },
                e -> {
                    if (current != mine[0]) {
                        return;
                    }
                    cancel(currentPartial);
                    current = null;
                    currentPartial = null;
                    busy.set(false);
                    partial.set(false);
                    preview.set(null);
                    differences.clear();
                    LocalizedText why = UserErrors.describe(e).message();
                    message.set(why);
                    listener.previewed(f, null, -1, -1, why);
                });
        current = mine[0];
    }

    private static void cancel(BackgroundTasks.Task task) {
        if (task != null) {
            task.cancel();
        }
    }

    private boolean sessionReady(LoadedProfile p, JobService.UnlockedKey k, List<Path> ctx) {
        synchronized (sessionLock) {
            return session != null && new SessionKey(p, k, ctx).equals(sessionKey);
        }
    }

    /** A session that collects no identifiers, for partial previews; cheap to open. */
    private JobService.PreviewSession quickSessionFor(LoadedProfile p, JobService.UnlockedKey k,
            BackgroundTasks.Task task) throws JobException {
        synchronized (sessionLock) {
            if (quickSession == null || quickProfile != p || quickKey != k) {
                quickSession = jobs.openPreview(p, k, List.of(), task::cancelled);
                quickProfile = p;
                quickKey = k;
            }
            return quickSession;
        }
    }

    private JobService.PreviewSession sessionFor(LoadedProfile p, JobService.UnlockedKey k, List<Path> ctx,
            BackgroundTasks.Task task) throws JobException {
        SessionKey wanted = new SessionKey(p, k, ctx);
        synchronized (sessionLock) {
            if (!wanted.equals(sessionKey) || session == null) {
                session = jobs.openPreview(p, k, ctx, task::cancelled);
                sessionKey = wanted;
            }
            return session;
        }
    }

    private void show(PreviewJob.Result result, boolean isPartial) {
        FilePreview p = result.preview();
        partial.set(isPartial);
        throwawayKey.set(result.throwawayKey());
        List<DiffRow> rows = new ArrayList<>();
        for (int i = 0; i < p.records().size(); i++) {
            PreviewRecord r = p.records().get(i);
            collectChanges(r.label(), i, r.fields(), rows);
        }
        differences.setAll(rows);
        preview.set(p);
        message.set(p.records().isEmpty() ? LocalizedText.of("preview.noRecords") : null);
    }

    private static void collectChanges(String label, int index, List<PreviewField> fields, List<DiffRow> out) {
        for (PreviewField f : fields) {
            if (f.change() != PreviewField.Change.UNCHANGED) {
                out.add(new DiffRow(label, index, f));
            }
            collectChanges(label, index, f.children(), out);
        }
    }

    /**
     * The original value as the views show it: masked for a changed or removed field unless revealed
     * (an unchanged value leaves the hospital as it is, so it is shown).
     */
    public String original(PreviewField f) {
        if (f.original() == null) {
            return "";
        }
        if (pendingFreeText(f)) {
            return PENDING;
        }
        if (!reveal.get() && f.change() != PreviewField.Change.UNCHANGED) {
            return MASK;
        }
        return f.original();
    }

    /**
     * The value as it would be written; empty for a removed field; {@link #PENDING} for free text of
     * a partial preview (a run would scrub identifiers that are still being collected).
     */
    public String cleaned(PreviewField f) {
        if (pendingFreeText(f)) {
            return PENDING;
        }
        return f.cleaned() == null ? "" : f.cleaned();
    }

    private boolean pendingFreeText(PreviewField f) {
        return partial.get() && SCRUB_TEXT.equals(f.action());
    }

    /**
     * "Why": asks the profile which rule decides the selected field and why, from the same decision
     * code a run uses.
     */
    public void explainSelected() {
        PreviewField field = selectedField.get();
        Path f = file.get();
        LoadedProfile p = profile.get();
        if (field == null || f == null || p == null) {
            return;
        }
        if (currentExplain != null) {
            currentExplain.cancel();
        }
        explanationMessage.set(LocalizedText.of("inspector.explaining"));
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> jobs.explain(f, p), decisions -> {
            if (currentExplain != mine[0] || selectedField.get() != field) {
                return;
            }
            currentExplain = null;
            FieldDecision d = decisions.stream().filter(x -> x.path().equals(field.path())).findFirst()
                    .or(() -> decisions.stream().filter(x -> x.name().equals(field.name())).findFirst())
                    .orElse(null);
            explanation.set(d);
            explanationMessage.set(d == null ? LocalizedText.of("inspector.noDecision") : null);
        }, e -> {
            if (currentExplain != mine[0]) {
                return;
            }
            currentExplain = null;
            explanationMessage.set(UserErrors.describe(e).message());
        });
        currentExplain = mine[0];
    }

    /** The file to preview; {@code null} for none. */
    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /**
     * The study's unlocked key file, whose pseudonyms and date offsets previews then show (a run's);
     * {@code null}: a throwaway key.
     */
    public ObjectProperty<JobService.UnlockedKey> keyProperty() {
        return key;
    }

    /** The profile to apply; {@code null} while none is valid. */
    public ObjectProperty<LoadedProfile> profileProperty() {
        return profile;
    }

    /** The opened export, whose identifiers free text must lose (as in a run over all of it). */
    public ObservableList<Path> context() {
        return context;
    }

    /** Whether originals of changed fields are shown. Off at start and after every restart. */
    public BooleanProperty revealProperty() {
        return reveal;
    }

    /** The last preview, or {@code null}. Holds originals: never log it. */
    public ReadOnlyObjectProperty<FilePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether a preview is being computed (the view shows a spinner when this lasts). */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the preview used a throwaway key (pseudonyms differ from a real run's). */
    public ReadOnlyBooleanProperty throwawayKeyProperty() {
        return throwawayKey.getReadOnlyProperty();
    }

    /** What to show instead of a preview (nothing selected, an error), or {@code null}. */
    public ReadOnlyObjectProperty<LocalizedText> messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether the preview shown is partial: identifiers are still being collected, free text is hidden. */
    public ReadOnlyBooleanProperty partialProperty() {
        return partial.getReadOnlyProperty();
    }

    /** How long it took until the last preview was first shown (partial or complete), in ms. */
    public ReadOnlyLongProperty firstShownMillisProperty() {
        return firstShownMillis.getReadOnlyProperty();
    }

    /** How long the last preview took from request to result, in ms; -1 before the first. */
    public ReadOnlyLongProperty lastMillisProperty() {
        return lastMillis.getReadOnlyProperty();
    }

    /** The changed fields of the last preview, in file order. */
    public ObservableList<DiffRow> differences() {
        return differences;
    }

    /** The field selected in any tab (the inspector shows it). */
    public ObjectProperty<PreviewField> selectedFieldProperty() {
        return selectedField;
    }

    /** The decision behind the selected field, after {@link #explainSelected()}. */
    public ReadOnlyObjectProperty<FieldDecision> explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** Progress or failure of "why", or {@code null}. */
    public ReadOnlyObjectProperty<LocalizedText> explanationMessageProperty() {
        return explanationMessage.getReadOnlyProperty();
    }
}
