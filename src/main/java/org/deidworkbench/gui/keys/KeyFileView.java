package org.deidworkbench.gui.keys;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.RunRecord;

/**
 * The Key file panel: which key file, how it is sealed (cipher, PBKDF2, trustees) and its run
 * history once unlocked. Shows no secret, pseudonym, original value or input path.
 */
public final class KeyFileView {

    /** The main window's actions the panel's buttons trigger. */
    public interface Actions {
        void newKeyFile();

        void openKeyFile();

        void unlockKeyFile();

        void reidentify();
    }

    private final KeyFileViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;
    private final Actions actions;

    @FXML
    private Label file;
    @FXML
    private Label sealing;
    @FXML
    private Label recipients;
    @FXML
    private Button unlock;
    @FXML
    private Button lock;
    @FXML
    private Label unlockedNote;
    @FXML
    private TableView<RunRecord> history;

    public KeyFileView(KeyFileViewModel viewModel, Messages messages, ViewScope scope, Actions actions) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
        this.actions = actions;
    }

    /** Loads {@code KeyFile.fxml} and binds it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        scope.listen(viewModel.keyFileProperty(), (o, was, now) -> {
            file.setText(now == null ? messages.get("keyfile.none") : now.toString());
            unlock.setDisable(now == null);
        });
        scope.listen(viewModel.infoProperty(), (o, was, now) -> showInfo(now));
        scope.listen(viewModel.unlockedProperty(), (o, was, now) -> {
            boolean open = Boolean.TRUE.equals(now);
            history.setPlaceholder(new Label(messages.get(open ? "keyfile.history.empty" : "keyfile.history.locked")));
            for (javafx.scene.Node n : new javafx.scene.Node[] {lock, unlockedNote}) {
                n.setVisible(open);
                n.setManaged(open);
            }
        });
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        history.getColumns().setAll(List.of(
                column("keyfile.history.started", r -> when.format(r.startedAt())),
                column("keyfile.history.profile", r -> r.profileName() == null ? "" : r.profileName()),
                column("keyfile.history.output", r -> r.outputFolderName() == null ? "" : r.outputFolderName()),
                column("keyfile.history.written", r -> Integer.toString(r.filesWritten())),
                column("keyfile.history.withheld", r -> Integer.toString(r.filesQuarantined() + r.filesFailed())),
                column("keyfile.history.newEntries", r -> Integer.toString(r.newEntries()))));
        history.setItems(viewModel.history());
    }

    private TableColumn<RunRecord, String> column(String key, java.util.function.Function<RunRecord, String> value) {
        TableColumn<RunRecord, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(value.apply(r.getValue())));
        return c;
    }

    private void showInfo(KeyFileInfo info) {
        if (info == null) {
            sealing.setText("");
            recipients.setText("");
            return;
        }
        sealing.setText(messages.get("keyfile.sealing", info.contentCipher(), info.macLength() * 8, info.fileSize()));
        List<String> lines = new ArrayList<>();
        for (KeyFileInfo.RecipientEntry e : info.recipients()) {
            if (e instanceof KeyFileInfo.PasswordEntry p) {
                lines.add(messages.get("keyfile.recipient.password", p.keyDerivation(), p.prf(), p.iterationCount(),
                        p.saltLength(), p.keyEncryption()));
            } else if (e instanceof KeyFileInfo.CertificateEntry c) {
                lines.add(messages.get("keyfile.recipient.trustee", c.subject().orElse(c.issuer()), c.keyEncryption()));
            } else if (e instanceof KeyFileInfo.OtherEntry other) {
                lines.add(messages.get("keyfile.recipient.other", other.type()));
            }
        }
        recipients.setText(String.join("\n", lines));
    }

    @FXML
    private void newKeyFile() {
        actions.newKeyFile();
    }

    @FXML
    private void openKeyFile() {
        actions.openKeyFile();
    }

    @FXML
    private void reidentify() {
        actions.reidentify();
    }

    @FXML
    private void lockKeyFile() {
        viewModel.lock();
    }

    @FXML
    private void unlockKeyFile() {
        actions.unlockKeyFile();
    }
}
