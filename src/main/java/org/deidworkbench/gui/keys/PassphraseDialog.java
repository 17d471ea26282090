package org.deidworkbench.gui.keys;

import java.nio.file.Path;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.stage.Window;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.theme.Theme;

/**
 * The passphrase dialogs: "unlock" asks once; "new key file" asks twice, with a strength meter, and
 * allows OK only for a passphrase of at least 8 characters typed the same twice. The fields are
 * copied into a {@code char[]} for the caller (who wipes it) and cleared when the dialog closes;
 * nothing is stored. (JavaFX keeps a password field's content as a string inside the control while
 * it is shown; clearing the field releases it.)
 */
public final class PassphraseDialog {

    private final PassphraseViewModel viewModel;
    private final Messages messages;
    private final Path keyFile;

    @FXML
    private Label intro;
    @FXML
    private PasswordField passphrase;
    @FXML
    private PasswordField confirmation;
    @FXML
    private Label confirmationLabel;
    @FXML
    private ProgressBar strength;
    @FXML
    private Label strengthLabel;
    @FXML
    private Label mismatch;

    public PassphraseDialog(boolean creating, Path keyFile, Messages messages) {
        this.viewModel = new PassphraseViewModel(creating);
        this.messages = messages;
        this.keyFile = keyFile;
    }

    /** Shows the dialog and waits; the passphrase typed, or empty when cancelled. */
    public Optional<char[]> showAndWait(Window owner, Theme theme) {
        Dialog<char[]> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get(viewModel.creating() ? "passphrase.new.title" : "passphrase.unlock.title"));
        Parent content = ViewLoader.load(this, messages);
        dialog.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(messages.get(viewModel.creating() ? "passphrase.new.ok" : "passphrase.unlock.ok"),
                ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        theme.applyTo(dialog.getDialogPane());
        dialog.getDialogPane().lookupButton(ok).disableProperty().bind(viewModel.acceptableProperty().not());
        dialog.setResultConverter(b -> b == ok ? PassphraseViewModel.copy(passphrase.getCharacters()) : null);
        dialog.setOnShown(e -> passphrase.requestFocus());
        try {
            return dialog.showAndWait();
        } finally {
            passphrase.clear();
            confirmation.clear();
        }
    }

    @FXML
    private void initialize() {
        intro.setText(messages.get(viewModel.creating() ? "passphrase.new.intro" : "passphrase.unlock.intro",
                String.valueOf(keyFile.getFileName())));
        for (javafx.scene.Node n : new javafx.scene.Node[] {confirmation, confirmationLabel, strength, strengthLabel,
            mismatch}) {
            n.setVisible(viewModel.creating());
            n.setManaged(viewModel.creating());
        }
        passphrase.textProperty().addListener((o, was, now) -> update());
        confirmation.textProperty().addListener((o, was, now) -> update());
        viewModel.strengthProperty().addListener((o, was, now) -> showStrength(now));
        viewModel.mismatchProperty().addListener((o, was, now) -> mismatch.setVisible(viewModel.creating() && now));
        showStrength(viewModel.strengthProperty().get());
        mismatch.setVisible(false);
    }

    private void update() {
        viewModel.update(passphrase.getCharacters(), confirmation.getCharacters());
    }

    private void showStrength(PassphraseStrength.Level level) {
        strength.setProgress((level.ordinal()) / 4.0);
        strengthLabel.setText(messages.get("strength." + level.id()));
        strength.getStyleClass().removeIf(c -> c.startsWith("strength-"));
        strength.getStyleClass().add("strength-" + level.id());
        strength.setAccessibleText(messages.get("passphrase.strength.accessible", messages.get("strength." + level.id())));
    }
}
