package org.deidworkbench.gui.rules;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.deidworkbench.config.ProfileProblem;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.FieldDecision;

/**
 * The rules panel: profile chooser, options, the rule form, the columns no rule matched, and the
 * YAML editor with its problems. Typing is handed to the view model after a short pause, so the
 * preview re-runs once per burst of keystrokes, not once per key.
 */
public final class RulesView {

    /** Pause after the last keystroke before the text is validated and previewed. */
    static final int TYPING_PAUSE_MS = 250;

    private final RulesViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;
    private final YamlEditor editor = new YamlEditor();
    private final PauseTransition typing = new PauseTransition(Duration.millis(TYPING_PAUSE_MS));
    private boolean pushing;

    @FXML
    private ComboBox<String> builtIns;
    @FXML
    private Label source;
    @FXML
    private Label status;
    @FXML
    private ComboBox<Action> defaultAction;
    @FXML
    private Spinner<Integer> minDays;
    @FXML
    private Spinner<Integer> maxDays;
    @FXML
    private ListView<RulesViewModel.RuleRow> ruleList;
    @FXML
    private TextField ruleId;
    @FXML
    private TextField column;
    @FXML
    private CheckBox pattern;
    @FXML
    private ComboBox<Action> action;
    @FXML
    private TextField parameter;
    @FXML
    private TextField label;
    @FXML
    private Button addRule;
    @FXML
    private Button replaceRule;
    @FXML
    private ListView<FieldDecision> unmatched;
    @FXML
    private Label columnsHelp;
    @FXML
    private Label columnEvidence;
    @FXML
    private Button acceptSuggestion;
    @FXML
    private Button acceptAllSuggestions;
    @FXML
    private StackPane editorPane;
    @FXML
    private ListView<ProfileProblem> problems;

    public RulesView(RulesViewModel viewModel, Messages messages, ViewScope scope) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
    }

    /** Loads {@code Rules.fxml} and binds it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        editor.textArea().setAccessibleText(messages.get("rules.yaml.accessible"));
        editorPane.getChildren().setAll(editor);
        builtIns.setItems(viewModel.builtIns());
        builtIns.setOnAction(e -> {
            String name = builtIns.getValue();
            if (name != null) {
                viewModel.useBuiltIn(name);
            }
        });
        scope.listen(viewModel.sourceNameProperty(), (o, was, now) -> updateSource());
        scope.listen(viewModel.dirtyProperty(), (o, was, now) -> updateSource());
        scope.listen(viewModel.validProperty(), (o, was, now) -> updateStatus());
        scope.listen(viewModel.rules(), (ListChangeListener<RulesViewModel.RuleRow>) c -> updateStatus());

        // Text: the editor shows the view model's text; typing goes back after a pause.
        scope.listen(viewModel.textProperty(), (o, was, now) -> {
            if (!pushing && !editor.textArea().getText().equals(now)) {
                int caret = editor.textArea().getCaretPosition();
                editor.textArea().setText(now);
                editor.textArea().positionCaret(Math.min(caret, now.length()));
            }
        });
        editor.textArea().textProperty().addListener((o, was, now) -> typing.playFromStart());
        typing.setOnFinished(e -> push());
        editor.textArea().focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                push();
            }
        });

        problems.setItems(viewModel.problems());
        problems.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ProfileProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : messages.get("rules.problem", p.location().line(),
                        p.location().column(), (p.ruleId() == null ? "" : p.ruleId() + ": ") + p.message()));
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                editor.goTo(now.location().line(), now.location().column());
            }
        });
        scope.listen(viewModel.problems(), (ListChangeListener<ProfileProblem>) c -> showProblems());
        showProblems();

        // Options.
        defaultAction.getItems().setAll(RulesViewModel.DEFAULT_ACTIONS);
        defaultAction.setConverter(actionNames());
        defaultAction.valueProperty().bindBidirectional(viewModel.defaultActionProperty());
        minDays.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(-36500, 36500, -365));
        maxDays.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(-36500, 36500, 365));
        minDays.getEditor().setAccessibleText(messages.get("rules.options.minDays"));
        maxDays.getEditor().setAccessibleText(messages.get("rules.options.maxDays"));
        scope.listen(viewModel.dateShiftProperty(), (o, was, now) -> showDateShift(now));

        // Rule list and form.
        ruleList.setItems(viewModel.rules());
        ruleList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(RulesViewModel.RuleRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : messages.get("rules.row", r.rule().id(), r.action(), r.selector()));
            }
        });
        ruleList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            replaceRule.setDisable(now == null);
            if (now != null) {
                fill(RuleForm.of(now.rule()));
            }
        });
        action.getItems().setAll(Action.values()); // remap-uid too: a PACS list's UIDs (decision 0232)
        action.setConverter(actionNames());
        action.valueProperty().addListener((o, was, now) -> updateParameter());
        action.setValue(Action.KEEP);
        replaceRule.setDisable(true);
        for (TextField f : List.of(ruleId, column, parameter, label)) {
            f.textProperty().addListener((o, was, now) -> updateFormButtons());
        }
        updateFormButtons();

        unmatched.setItems(viewModel.columns());
        unmatched.setPlaceholder(new Label(messages.get("rules.unmatched.none")));
        unmatched.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FieldDecision d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().removeAll("suggestion", "relation");
                setText(empty || d == null ? null : columnText(d));
                if (!empty && d != null) {
                    getStyleClass().add(RulesViewModel.acceptable(d) ? "suggestion" : "relation");
                }
            }
        });
        scope.listen(viewModel.columnsHelpProperty(), (o, was, now) -> columnsHelp.setText(messages.get(now)));
        scope.listen(unmatched.getSelectionModel().selectedItemProperty(), (o, was, now) -> {
            columnEvidence.setText(now == null || now.evidence().isEmpty() ? "" : messages.get("rules.column.evidence",
                    now.evidence()));
            acceptSuggestion.setDisable(now == null || !RulesViewModel.acceptable(now));
        });
        scope.listen(viewModel.columns(), (ListChangeListener<FieldDecision>) c -> acceptAllSuggestions
                .setDisable(viewModel.columns().stream().noneMatch(RulesViewModel::acceptable)));
        acceptAllSuggestions.setDisable(true);
    }

    private void push() {
        typing.stop();
        String now = editor.textArea().getText();
        if (!now.equals(viewModel.textProperty().get())) {
            pushing = true;
            try {
                viewModel.textProperty().set(now);
            } finally {
                pushing = false;
            }
        }
    }

    private void updateSource() {
        source.setText(messages.get(viewModel.dirtyProperty().get() ? "rules.source.modified" : "rules.source",
                viewModel.sourceNameProperty().get()));
    }

    private void updateStatus() {
        status.setText(messages.get(viewModel.status()));
        status.getStyleClass().removeAll("ok", "problem");
        status.getStyleClass().add(viewModel.validProperty().get() ? "ok" : "problem");
    }

    private void showProblems() {
        editor.setProblems(viewModel.problems());
        problems.setVisible(!viewModel.problems().isEmpty());
        problems.setManaged(!viewModel.problems().isEmpty());
        updateStatus();
    }

    private void showDateShift(DateShiftSettings d) {
        if (d != null) {
            minDays.getValueFactory().setValue(d.minDays());
            maxDays.getValueFactory().setValue(d.maxDays());
        }
    }

    private StringConverter<Action> actionNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Action a) {
                return a == null ? "" : messages.get("action.name." + a.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public Action fromString(String s) {
                return null;
            }
        };
    }

    private void fill(RuleForm form) {
        ruleId.setText(form.id());
        column.setText(form.column());
        pattern.setSelected(form.pattern());
        action.setValue(form.action());
        parameter.setText(form.parameter());
        label.setText(form.label());
    }

    private RuleForm form() {
        return new RuleForm(ruleId.getText().strip(), column.getText().strip(), pattern.isSelected(),
                action.getValue() == null ? Action.KEEP : action.getValue(), parameter.getText().strip(),
                label.getText().strip());
    }

    private void updateParameter() {
        String key = RuleForm.parameterKey(action.getValue() == null ? Action.KEEP : action.getValue());
        parameter.setDisable(key.isEmpty());
        parameter.setPromptText(key.isEmpty() ? "" : messages.get("rules.form.parameter." + key));
        updateFormButtons();
    }

    private void updateFormButtons() {
        boolean complete = form().complete();
        addRule.setDisable(!complete);
        replaceRule.setDisable(!complete || ruleList.getSelectionModel().getSelectedItem() == null);
    }

    @FXML
    private void addRule() {
        push();
        viewModel.addRule(form());
    }

    @FXML
    private void replaceRule() {
        RulesViewModel.RuleRow selected = ruleList.getSelectionModel().getSelectedItem();
        if (selected != null) {
            push();
            viewModel.replaceRule(selected.rule(), form());
        }
    }

    /** One line per column: its name, and its class and action or what else decides it. */
    private String columnText(FieldDecision d) {
        String name = d.shownName();
        return switch (d.decidedBy()) {
            case "classifier" -> messages.get("rules.column.classified", name, d.fieldClass(), d.confidence(),
                    d.action());
            case "relation" -> messages.get("rules.column.relation", name, d.action());
            default -> messages.get("rules.column.default", name, d.action());
        };
    }

    @FXML
    private void ruleForUnmatched() {
        FieldDecision d = unmatched.getSelectionModel().getSelectedItem();
        if (d != null) {
            ruleList.getSelectionModel().clearSelection();
            fill(RuleForm.forColumn(d.name()));
            column.requestFocus();
        }
    }

    @FXML
    private void acceptSuggestion() {
        FieldDecision d = unmatched.getSelectionModel().getSelectedItem();
        if (d != null) {
            push();
            viewModel.acceptSuggestions(List.of(d));
        }
    }

    @FXML
    private void acceptAllSuggestions() {
        push();
        viewModel.acceptSuggestions(List.copyOf(viewModel.columns()));
    }

    @FXML
    private void applyDateShift() {
        push();
        viewModel.setDateShift(minDays.getValue(), maxDays.getValue());
    }
}
