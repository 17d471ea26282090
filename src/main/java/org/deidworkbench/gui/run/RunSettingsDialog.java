package org.deidworkbench.gui.run;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.job.RunRequest;

/**
 * The run dialog: output folder, key file (beside the output by default, never inside it) and
 * threads. The run itself checks everything again before it touches anything.
 */
public final class RunSettingsDialog {

    private final Messages messages;
    private final RunSettings proposal;
    private Window owner;
    private boolean keyFileChosen;

    @FXML
    private TextField output;
    @FXML
    private TextField keyFile;
    @FXML
    private Spinner<Integer> threads;

    public RunSettingsDialog(RunSettings proposal, Messages messages) {
        this.proposal = proposal;
        this.messages = messages;
    }

    /** Shows the dialog and waits. */
    public Optional<RunSettings> showAndWait(Window owner, Theme theme) {
        this.owner = owner;
        Dialog<RunSettings> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("run.dialog.title"));
        dialog.setHeaderText(messages.get("run.dialog.header"));
        dialog.getDialogPane().setContent(ViewLoader.load(this, messages));
        ButtonType run = new ButtonType(messages.get("run.dialog.run"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(run, cancel);
        dialog.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        theme.applyTo(dialog.getDialogPane());
        dialog.getDialogPane().lookupButton(run).disableProperty().bind(
                output.textProperty().isEmpty().or(keyFile.textProperty().isEmpty()));
        dialog.setResultConverter(b -> b == run ? settings().orElse(null) : null);
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        output.setText(proposal.output().toString());
        keyFile.setText(proposal.keyFile().toString());
        threads.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, proposal.threads()));
        threads.getEditor().setAccessibleText(messages.get("run.dialog.threads"));
        keyFileChosen = !proposal.keyFile().equals(RunRequest.defaultKeyFile(proposal.output()));
        output.textProperty().addListener((o, was, now) -> {
            if (!keyFileChosen) {
                path(now).ifPresent(p -> keyFile.setText(RunRequest.defaultKeyFile(p).toString()));
            }
        });
        keyFile.setOnKeyTyped(e -> keyFileChosen = true);
    }

    private Optional<RunSettings> settings() {
        Optional<Path> out = path(output.getText());
        Optional<Path> key = path(keyFile.getText());
        if (out.isEmpty() || key.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RunSettings(out.get(), key.get(), threads.getValue()));
    }

    private static Optional<Path> path(String text) {
        try {
            return text == null || text.isBlank() ? Optional.empty() : Optional.of(Path.of(text.strip()));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @FXML
    private void chooseOutput() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(messages.get("run.dialog.output"));
        path(output.getText()).map(Path::getParent).filter(p -> p.toFile().isDirectory())
                .ifPresent(p -> chooser.setInitialDirectory(p.toFile()));
        java.io.File dir = chooser.showDialog(owner);
        if (dir != null) {
            output.setText(dir.getAbsolutePath());
        }
    }

    @FXML
    private void chooseKeyFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("run.dialog.keyFile"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("filter.keyFiles"), "*.deidkey"));
        java.io.File f = chooser.showSaveDialog(owner);
        if (f != null) {
            keyFileChosen = true;
            keyFile.setText(f.getAbsolutePath());
        }
    }
}
