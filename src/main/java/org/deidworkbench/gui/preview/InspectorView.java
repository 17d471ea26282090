package org.deidworkbench.gui.preview;

import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.PreviewField;

/** The inspector: the selected field before and after, the rule that changed it, and "why". */
public final class InspectorView {

    private final PreviewViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;

    @FXML
    private Label placeholder;
    @FXML
    private GridPane details;
    @FXML
    private Label fieldName;
    @FXML
    private Label fieldPath;
    @FXML
    private Label change;
    @FXML
    private Label rule;
    @FXML
    private Label original;
    @FXML
    private Label cleaned;
    @FXML
    private Button why;
    @FXML
    private Label explanation;

    public InspectorView(PreviewViewModel viewModel, Messages messages, ViewScope scope) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
    }

    /** Loads {@code Inspector.fxml} and binds it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        scope.listen(viewModel.selectedFieldProperty(), (o, was, now) -> show(now));
        scope.listen(viewModel.revealProperty(), (o, was, now) -> show(viewModel.selectedFieldProperty().get()));
        scope.listen(viewModel.explanationProperty(), (o, was, now) -> explain());
        scope.listen(viewModel.explanationMessageProperty(), (o, was, now) -> explain());
    }

    private void show(PreviewField f) {
        placeholder.setVisible(f == null);
        details.setVisible(f != null);
        why.setDisable(f == null);
        if (f == null) {
            return;
        }
        fieldName.setText(f.name());
        fieldPath.setText(f.path());
        change.setText(messages.get("change." + f.change().name().toLowerCase(Locale.ROOT)));
        change.getStyleClass().removeAll(Cells.CHANGE_CLASSES);
        Cells.mark(change, f);
        rule.setText(f.ruleId().isEmpty() ? messages.get("inspector.noRule") : Cells.rule(f));
        original.setText(f.original() == null ? messages.get("inspector.none") : viewModel.original(f));
        cleaned.setText(Cells.value(viewModel, messages, Side.CLEANED, f));
        explain();
    }

    private void explain() {
        FieldDecision d = viewModel.explanationProperty().get();
        if (d != null) {
            explanation.setText(messages.get(d.subject() ? "inspector.reason.subject" : "inspector.reason", d.action(),
                    d.reason()));
        } else if (viewModel.explanationMessageProperty().get() != null) {
            explanation.setText(messages.get(viewModel.explanationMessageProperty().get()));
        } else {
            explanation.setText("");
        }
    }

    @FXML
    private void why() {
        viewModel.explainSelected();
    }
}
