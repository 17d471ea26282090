package org.deidworkbench.gui.keys;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Window;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.keyfile.Reidentifier;

/**
 * The re-identify dialog: key file, passphrase, a mandatory reason and the pseudonyms; "Look up"
 * records the lookup in the key file's audit log and then shows the originals in the dialog's table,
 * which is the only place they appear. Closing the dialog clears the passphrase field, the values
 * and the answers. Bound to a {@link ReidentifyViewModel}.
 */
public final class ReidentifyDialog {

    private final ReidentifyViewModel viewModel;
    private final Messages messages;
    private final Supplier<Optional<Path>> chooseKeyFile;

    @FXML
    private Label keyFile;
    @FXML
    private PasswordField passphrase;
    @FXML
    private TextField reason;
    @FXML
    private Label reasonHint;
    @FXML
    private TextField domain;
    @FXML
    private TextArea values;
    @FXML
    private Button lookUp;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label recorded;
    @FXML
    private Label failure;
    @FXML
    private TableView<Reidentifier.Answer> answers;

    /** @param chooseKeyFile asks for another key file (the dialog service's file chooser) */
    public ReidentifyDialog(ReidentifyViewModel viewModel, Messages messages, Supplier<Optional<Path>> chooseKeyFile) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.chooseKeyFile = chooseKeyFile;
    }

    /** Shows the dialog and waits until it is closed; then forgets what it showed. */
    public void showAndWait(Window owner, Theme theme) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("reidentify.title"));
        dialog.setResizable(true);
        Parent content = ViewLoader.load(this, messages);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("dialog.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().getStylesheets().add(Theme.STYLESHEET);
        theme.applyTo(dialog.getDialogPane());
        dialog.setOnShown(e -> (viewModel.keyFileProperty().get() == null ? keyFile : reason).requestFocus());
        try {
            dialog.showAndWait();
        } finally {
            passphrase.clear();
            viewModel.clear();
        }
    }

    @FXML
    private void initialize() {
        keyFile.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path f = viewModel.keyFileProperty().get();
            return f == null ? messages.get("keyfile.none") : f.toString();
        }, viewModel.keyFileProperty()));
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());
        domain.textProperty().bindBidirectional(viewModel.domainProperty());
        values.textProperty().bindBidirectional(viewModel.valuesProperty());
        reasonHint.setText(messages.get("reidentify.reason.hint", Reidentifier.MIN_REASON_LENGTH));
        reasonHint.visibleProperty().bind(viewModel.reasonGivenProperty().not());
        reasonHint.managedProperty().bind(reasonHint.visibleProperty());
        failure.managedProperty().bind(failure.visibleProperty());
        lookUp.disableProperty().bind(viewModel.readyProperty().not().or(passphrase.textProperty().isEmpty()));
        busy.visibleProperty().bind(viewModel.busyProperty());
        viewModel.recordedProperty().addListener((o, was, now) -> recorded.setText(now == null ? "" : messages.get(now)));
        viewModel.failureProperty().addListener((o, was, now) -> {
            failure.setText(now == null ? "" : messages.get(now.message()));
            failure.setVisible(now != null);
        });
        failure.setVisible(false);
        answers.setPlaceholder(new Label(messages.get("reidentify.answers.none")));
        TableColumn<Reidentifier.Answer, String> value = column("reidentify.answers.value", Reidentifier.Answer::query);
        TableColumn<Reidentifier.Answer, String> inDomain = column("reidentify.answers.domain",
                a -> a.domain() == null ? "" : a.domain());
        TableColumn<Reidentifier.Answer, String> original = column("reidentify.answers.original",
                a -> a.original().orElse(null));
        original.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("not-found");
                if (empty) {
                    setText(null);
                } else if (item == null) {
                    setText(messages.get("reidentify.answers.notFound"));
                    getStyleClass().add("not-found");
                } else {
                    setText(item);
                }
            }
        });
        answers.getColumns().setAll(java.util.List.of(value, inDomain, original));
        answers.setItems(viewModel.answers());
    }

    private TableColumn<Reidentifier.Answer, String> column(String key,
            java.util.function.Function<Reidentifier.Answer, String> text) {
        TableColumn<Reidentifier.Answer, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(a -> new ReadOnlyObjectWrapper<>(text.apply(a.getValue())));
        c.setPrefWidth(180);
        return c;
    }

    @FXML
    private void chooseKeyFile() {
        chooseKeyFile.get().ifPresent(viewModel.keyFileProperty()::set);
    }

    @FXML
    private void lookUp() {
        char[] chars = PassphraseViewModel.copy(passphrase.getCharacters());
        viewModel.lookUp(chars);
    }
}
