package org.deidworkbench.gui.dialogs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.UserError;
import org.deidworkbench.gui.keys.PassphraseDialog;
import org.deidworkbench.gui.keys.ReidentifyDialog;
import org.deidworkbench.gui.keys.ReidentifyViewModel;
import org.deidworkbench.gui.run.RunSettings;
import org.deidworkbench.gui.run.RunSettingsDialog;
import org.deidworkbench.gui.theme.Theme;

/** The real dialogs: JavaFX alerts and dialogs owned by the main window, in its theme and language. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;
    private final Supplier<Theme> theme;

    /**
     * @param owner the main window
     * @param messages the words of the current language
     * @param theme the current theme
     */
    public FxDialogService(Supplier<Window> owner, Supplier<Messages> messages, Supplier<Theme> theme) {
        this.owner = owner;
        this.messages = messages;
        this.theme = theme;
    }

    @Override
    public Optional<Path> chooseFolder(Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get().get("dialog.openFolder.title"));
        initialFolder(initial).ifPresent(chooser::setInitialDirectory);
        return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
    }

    @Override
    public List<Path> chooseFiles(Path initial) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get().get("dialog.openFiles.title"));
        initialFolder(initial).ifPresent(chooser::setInitialDirectory);
        List<File> files = chooser.showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Optional<Path> chooseFile(FileChoice choice, Path initial) {
        Messages m = messages.get();
        FileChooser chooser = new FileChooser();
        boolean profile = choice == FileChoice.PROFILE_OPEN || choice == FileChoice.PROFILE_SAVE;
        chooser.setTitle(m.get("dialog.file." + switch (choice) {
            case PROFILE_OPEN -> "profileOpen";
            case PROFILE_SAVE -> "profileSave";
            case KEY_FILE_OPEN -> "keyFileOpen";
            case KEY_FILE_NEW -> "keyFileNew";
            case KEY_FILE_FOR_RUN -> "keyFileForRun";
        }));
        chooser.getExtensionFilters().add(profile
                ? new FileChooser.ExtensionFilter(m.get("filter.profiles"), "*.yaml", "*.yml")
                : new FileChooser.ExtensionFilter(m.get("filter.keyFiles"), "*.deidkey"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(m.get("filter.all"), "*"));
        initialFolder(initial).ifPresent(chooser::setInitialDirectory);
        if (initial != null && !Files.isDirectory(initial)) {
            chooser.setInitialFileName(String.valueOf(initial.getFileName()));
        }
        File f = choice == FileChoice.PROFILE_OPEN || choice == FileChoice.KEY_FILE_OPEN
                ? chooser.showOpenDialog(owner.get()) : chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    private static Optional<File> initialFolder(Path initial) {
        if (initial == null) {
            return Optional.empty();
        }
        Path dir = Files.isDirectory(initial) ? initial : initial.toAbsolutePath().getParent();
        return dir != null && Files.isDirectory(dir) ? Optional.of(dir.toFile()) : Optional.empty();
    }

    @Override
    public void showError(UserError error) {
        Messages m = messages.get();
        Alert alert = alert(Alert.AlertType.ERROR, m.get("dialog.error.title"), m.get("dialog.error.header"),
                m.get(error.message()));
        if (!error.details().isBlank()) {
            TextArea details = new TextArea(error.details());
            details.setEditable(false);
            details.setWrapText(true);
            details.setPrefRowCount(6);
            details.setAccessibleText(m.get("dialog.error.details"));
            alert.getDialogPane().setExpandableContent(new VBox(new Label(m.get("dialog.error.details")), details));
        }
        alert.getButtonTypes().setAll(new ButtonType(m.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.showAndWait();
    }

    @Override
    public void showInfo(LocalizedText title, LocalizedText message) {
        Messages m = messages.get();
        Alert alert = alert(Alert.AlertType.INFORMATION, m.get(title), m.get(title), m.get(message));
        alert.getButtonTypes().setAll(new ButtonType(m.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE));
        alert.showAndWait();
    }

    @Override
    public boolean confirm(LocalizedText title, LocalizedText message) {
        Messages m = messages.get();
        Alert alert = alert(Alert.AlertType.CONFIRMATION, m.get(title), m.get(title), m.get(message));
        ButtonType yes = new ButtonType(m.get("dialog.continue"), ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(m.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(yes, no);
        return alert.showAndWait().filter(b -> b == yes).isPresent();
    }

    /** An alert owned by the main window, in its theme, with a wrapped message. */
    private Alert alert(Alert.AlertType type, String title, String header, String message) {
        Alert alert = new Alert(type);
        style(alert.getDialogPane());
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(header);
        Label text = new Label(message);
        text.setWrapText(true);
        text.setMaxWidth(520);
        alert.getDialogPane().setContent(new VBox(text));
        return alert;
    }

    @Override
    public Optional<char[]> askPassphrase(Path keyFile) {
        return new PassphraseDialog(false, keyFile, messages.get()).showAndWait(owner.get(), theme.get());
    }

    @Override
    public Optional<char[]> askNewPassphrase(Path keyFile) {
        return new PassphraseDialog(true, keyFile, messages.get()).showAndWait(owner.get(), theme.get());
    }

    @Override
    public void reidentify(ReidentifyViewModel viewModel) {
        new ReidentifyDialog(viewModel, messages.get(),
                () -> chooseFile(FileChoice.KEY_FILE_OPEN, viewModel.keyFileProperty().get()))
                .showAndWait(owner.get(), theme.get());
    }

    @Override
    public Optional<RunSettings> askRunSettings(RunSettings proposal) {
        return new RunSettingsDialog(proposal, messages.get()).showAndWait(owner.get(), theme.get());
    }

    private void style(DialogPane pane) {
        pane.getStylesheets().add(Theme.STYLESHEET);
        theme.get().applyTo(pane);
    }
}
