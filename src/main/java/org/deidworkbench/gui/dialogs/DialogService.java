package org.deidworkbench.gui.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.keys.ReidentifyViewModel;
import org.deidworkbench.gui.run.RunSettings;

/**
 * Every dialog the workbench shows, behind one interface: view models call it, the application
 * passes {@link FxDialogService}, tests pass a scripted fake. Called on the FX thread; each method
 * waits for the user's answer.
 */
public interface DialogService {

    /** The kinds of single-file choosers. */
    enum FileChoice {
        /** Open a YAML profile. */
        PROFILE_OPEN,
        /** Save a YAML profile. */
        PROFILE_SAVE,
        /** Open an existing key file. */
        KEY_FILE_OPEN,
        /** Name a new key file. */
        KEY_FILE_NEW,
        /** Choose the key file of a run (existing or new). */
        KEY_FILE_FOR_RUN
    }

    /** A folder to open, or empty when cancelled. */
    Optional<Path> chooseFolder(Path initial);

    /** Files to open; empty when cancelled. */
    List<Path> chooseFiles(Path initial);

    /** One file, or empty when cancelled. */
    Optional<Path> chooseFile(FileChoice choice, Path initial);

    /** Shows an error: the steward's message, with the details expandable. */
    void showError(UserError error);

    /** Shows a message (e.g. About). */
    void showInfo(LocalizedText title, LocalizedText message);

    /** Asks yes or no. */
    boolean confirm(LocalizedText title, LocalizedText message);

    /** The passphrase of an existing key file (the caller wipes it), or empty when cancelled. */
    Optional<char[]> askPassphrase(Path keyFile);

    /**
     * A passphrase for a new key file, typed twice and rated by the strength meter (the caller wipes
     * it), or empty when cancelled.
     */
    Optional<char[]> askNewPassphrase(Path keyFile);

    /**
     * The re-identify dialog bound to {@code viewModel}; returns when it is closed, after which the
     * view model holds no answer.
     */
    void reidentify(ReidentifyViewModel viewModel);

    /** Output folder, key file and threads for a run, starting from {@code proposal}; empty when cancelled. */
    Optional<RunSettings> askRunSettings(RunSettings proposal);
}
