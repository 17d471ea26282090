package org.deidworkbench.gui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.dialogs.DialogService;
import org.deidworkbench.gui.keys.ReidentifyViewModel;
import org.deidworkbench.gui.run.RunSettings;

/**
 * A {@link DialogService} whose answers a test sets beforehand (file choosers cannot be driven
 * headless); it records the errors and messages it was asked to show.
 */
public final class ScriptedDialogs implements DialogService {

    public final Deque<Path> folders = new ArrayDeque<>();
    public final Deque<List<Path>> files = new ArrayDeque<>();
    public final Deque<Path> fileChoices = new ArrayDeque<>();
    public final Deque<String> passphrases = new ArrayDeque<>();
    public final Deque<RunSettings> runSettings = new ArrayDeque<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final List<UserError> errors = new ArrayList<>();
    public final List<LocalizedText> infos = new ArrayList<>();
    public final List<char[]> handedOut = new ArrayList<>();
    /** What the steward does in the re-identify dialog, one script per opening. */
    public final Deque<java.util.function.Consumer<ReidentifyViewModel>> reidentifications = new ArrayDeque<>();
    /** The view model of the last re-identify dialog (left open: the test reads its answers). */
    public ReidentifyViewModel reidentify;

    @Override
    public Optional<Path> chooseFolder(Path initial) {
        return Optional.ofNullable(folders.poll());
    }

    @Override
    public List<Path> chooseFiles(Path initial) {
        List<Path> next = files.poll();
        return next == null ? List.of() : next;
    }

    @Override
    public Optional<Path> chooseFile(FileChoice choice, Path initial) {
        return Optional.ofNullable(fileChoices.poll());
    }

    @Override
    public void showError(UserError error) {
        errors.add(error);
    }

    @Override
    public void showInfo(LocalizedText title, LocalizedText message) {
        infos.add(message);
    }

    @Override
    public boolean confirm(LocalizedText title, LocalizedText message) {
        Boolean answer = confirmations.poll();
        return answer != null && answer;
    }

    @Override
    public Optional<char[]> askPassphrase(Path keyFile) {
        return passphrase();
    }

    @Override
    public Optional<char[]> askNewPassphrase(Path keyFile) {
        return passphrase();
    }

    private Optional<char[]> passphrase() {
        String p = passphrases.poll();
        if (p == null) {
            return Optional.empty();
        }
        char[] chars = p.toCharArray();
        handedOut.add(chars);
        return Optional.of(chars);
    }

    @Override
    public void reidentify(ReidentifyViewModel viewModel) {
        reidentify = viewModel;
        var script = reidentifications.poll();
        if (script != null) {
            script.accept(viewModel);
        }
    }

    @Override
    public Optional<RunSettings> askRunSettings(RunSettings proposal) {
        return Optional.ofNullable(runSettings.poll());
    }
}
