package org.deidworkbench.gui.keys;

import java.nio.file.Path;
import java.util.Arrays;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.gui.common.BackgroundTasks;
import org.deidworkbench.gui.common.JobService;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.common.UserErrors;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.RunRecord;

/**
 * The study's key file as the Key file panel shows it: how it is sealed (read without a passphrase)
 * and, once unlocked, its run history; the unlocked key is also what previews use (the run's
 * pseudonyms instead of a throwaway key's) until it is locked again or another key file is chosen.
 * No secret, no pseudonym, no original value and no input path is ever put into a property.
 * Passphrases handed in are wiped when the work ends. Used on the FX thread.
 */
public final class KeyFileViewModel {

    private final JobService jobs;
    private final BackgroundTasks tasks;
    private final ReadOnlyObjectWrapper<Path> keyFile = new ReadOnlyObjectWrapper<>(this, "keyFile");
    private final ReadOnlyObjectWrapper<KeyFileInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ObservableList<RunRecord> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper unlocked = new ReadOnlyBooleanWrapper(this, "unlocked");
    private final ReadOnlyObjectWrapper<JobService.UnlockedKey> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<UserError> failure = new ReadOnlyObjectWrapper<>(this, "failure");

    public KeyFileViewModel(JobService jobs, BackgroundTasks tasks) {
        this.jobs = jobs;
        this.tasks = tasks;
    }

    /** Shows an existing key file's sealing details (no passphrase needed). */
    public void select(Path file) {
        keyFile.set(file.toAbsolutePath().normalize());
        info.set(null);
        lock();
        busy.set(true);
        tasks.submit(task -> jobs.inspectKeyFile(file), i -> {
            busy.set(false);
            if (file.toAbsolutePath().normalize().equals(keyFile.get())) {
                info.set(i);
            }
        }, this::failed);
    }

    /** Creates a new key file, then shows it. {@code passphrase} is wiped when done. */
    public void create(Path file, char[] passphrase) {
        busy.set(true);
        tasks.submit(task -> {
            try {
                jobs.createKeyFile(file, passphrase);
                return file;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, this::select, this::failed);
    }

    /** Forgets the unlocked key: the history goes, and previews are made with a throwaway key again. */
    public void lock() {
        history.clear();
        unlocked.set(false);
        key.set(null);
    }

    /**
     * Opens the key file with the passphrase, which is wiped when done: its run history is shown and
     * previews use its keys.
     */
    public void unlock(char[] passphrase) {
        Path file = keyFile.get();
        if (file == null) {
            Arrays.fill(passphrase, '\0');
            return;
        }
        busy.set(true);
        tasks.submit(task -> {
            try {
                return jobs.unlockKeyFile(file, passphrase);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, opened -> {
            busy.set(false);
            if (file.equals(keyFile.get())) {
                history.setAll(opened.runs());
                unlocked.set(true);
                key.set(opened);
            }
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        failure.set(UserErrors.describe(e));
    }

    /** The key file shown, or {@code null}. */
    public ReadOnlyObjectProperty<Path> keyFileProperty() {
        return keyFile.getReadOnlyProperty();
    }

    /** Its sealing details, or {@code null} while unknown. */
    public ReadOnlyObjectProperty<KeyFileInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** Its runs, oldest first, once unlocked. */
    public ObservableList<RunRecord> history() {
        return history;
    }

    /** The unlocked key file for previews, or {@code null} (locked: previews use a throwaway key). */
    public ReadOnlyObjectProperty<JobService.UnlockedKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unlockedProperty() {
        return unlocked.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last failure (for the error dialog), or {@code null}. */
    public ReadOnlyObjectProperty<UserError> failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** Clears {@link #failureProperty()} once shown. */
    public void failureShown() {
        failure.set(null);
    }
}
