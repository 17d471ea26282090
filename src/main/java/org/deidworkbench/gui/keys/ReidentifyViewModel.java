package org.deidworkbench.gui.keys;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.common.UserErrors;
import org.deidworkbench.keyfile.Reidentifier;

/**
 * The re-identify dialog's state: which key file, why (mandatory, recorded in the key file's sealed
 * audit log before anything is answered), which pseudonyms, and the answers. The answers hold
 * original values — the purpose of the dialog — so they live only here, are shown only in the
 * dialog and are dropped by {@link #clear()} when it closes; what the main window hears
 * ({@link Listener}) is counts and the audit entry's number, never a value. The passphrase is
 * handed in per lookup and wiped when the lookup ends. Used on the FX thread.
 */
public final class ReidentifyViewModel {

    /** What the main window hears of a lookup: counts and the audit entry, no value. */
    @FunctionalInterface
    public interface Listener {
        /** {@code found} of {@code asked} values were found; the lookup is audit entry {@code entry} of {@code keyFile}. */
        void recorded(Path keyFile, int asked, int found, long entry);
    }

    /** Values are separated by line breaks, commas, semicolons, tabs or spaces (pseudonyms have none). */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final ObjectProperty<Path> keyFile = new SimpleObjectProperty<>(this, "keyFile");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty values = new SimpleStringProperty(this, "values", "");
    private final ObservableList<Reidentifier.Answer> answers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<LocalizedText> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");
    private final ReadOnlyObjectWrapper<UserError> failure = new ReadOnlyObjectWrapper<>(this, "failure");
    private final BooleanBinding reasonGiven;
    private final BooleanBinding ready;
    private Listener listener = (f, asked, found, entry) -> { };
    private BackgroundTasks.Task lookingUp;

    public ReidentifyViewModel(JobService jobs, BackgroundTasks tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
        reasonGiven = Bindings.createBooleanBinding(
                () -> reason.get().strip().length() >= Reidentifier.MIN_REASON_LENGTH, reason);
        ready = Bindings.createBooleanBinding(() -> keyFile.get() != null && reasonGiven.get()
                && !pseudonyms().isEmpty() && !busy.get(), keyFile, reasonGiven, values, busy);
    }

    /** Who hears about recorded lookups (the main window's log). */
    public void setListener(Listener listener) {
        this.listener = Objects.requireNonNull(listener);
    }

    /** The values typed, split and stripped, in order, blanks dropped. */
    public List<String> pseudonyms() {
        return Arrays.stream(SEPARATORS.split(values.get().strip())).filter(s -> !s.isBlank()).toList();
    }

    /**
     * Records the lookup in the key file's audit log and answers it; {@code passphrase} is wiped when
     * done. Does nothing (but wipe) unless {@link #readyProperty() ready}.
     */
    public void lookUp(char[] passphrase) {
        if (!ready.get()) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        Path file = keyFile.get();
        String why = reason.get().strip();
        String inDomain = domain.get().isBlank() ? null : domain.get().strip();
        List<String> asked = pseudonyms();
        answers.clear();
        recorded.set(null);
        failure.set(null);
        busy.set(true);
        BackgroundTasks.Task[] mine = new BackgroundTasks.Task[1];
        mine[0] = tasks.submit(task -> {
            try {
                return jobs.reidentify(file, passphrase, why, inDomain, asked);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, result -> {
            if (lookingUp != mine[0]) {
                return;
            }
            lookingUp = null;
            busy.set(false);
            answers.setAll(result.answers());
            int found = (int) asked.stream().filter(v -> result.answers().stream()
                    .anyMatch(a -> a.query().equals(v) && a.original().isPresent())).count();
            recorded.set(LocalizedText.of("reidentify.recorded", found, asked.size(), result.entry().seq()));
            listener.recorded(file, asked.size(), found, result.entry().seq());
        }, e -> {
            if (lookingUp != mine[0]) {
                return;
            }
            lookingUp = null;
            busy.set(false);
            failure.set(UserErrors.describe(e));
        });
        lookingUp = mine[0];
    }

    /** Drops the answers and the typed values (the dialog closed). */
    public void clear() {
        if (lookingUp != null) {
            lookingUp = null;
            busy.set(false);
        }
        answers.clear();
        values.set("");
        recorded.set(null);
        failure.set(null);
    }

    /** The key file to look in. */
    public ObjectProperty<Path> keyFileProperty() {
        return keyFile;
    }

    /** Why the originals are needed (ticket, ethics approval…); recorded in the audit log. */
    public StringProperty reasonProperty() {
        return reason;
    }

    /** One pseudonym domain, or blank for every domain. */
    public StringProperty domainProperty() {
        return domain;
    }

    /** The pseudonyms typed or pasted. */
    public StringProperty valuesProperty() {
        return values;
    }

    /** The answers of the last lookup, in the order asked (they hold originals: show, never log). */
    public ObservableList<Reidentifier.Answer> answers() {
        return answers;
    }

    /** Whether the reason is long enough. */
    public BooleanBinding reasonGivenProperty() {
        return reasonGiven;
    }

    /** Whether a lookup can start: a key file, a reason, at least one value, nothing running. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What was recorded in the audit log by the last lookup, or {@code null}. */
    public ReadOnlyObjectProperty<LocalizedText> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** The last failure (shown in the dialog), or {@code null}. */
    public ReadOnlyObjectProperty<UserError> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
