package org.deidworkbench.gui.run;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.model.FileReport;

/**
 * The run summary: counts, then one line per file (withheld and failed first, with their reasons);
 * double-click or Enter opens the entry's input file in the tree and preview.
 */
public final class RunSummaryView {

    private final RunViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;
    private final Consumer<SummaryEntry> open;

    @FXML
    private Label counts;
    @FXML
    private TableView<SummaryEntry> entries;

    public RunSummaryView(RunViewModel viewModel, Messages messages, ViewScope scope, Consumer<SummaryEntry> open) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
        this.open = open;
    }

    /** Loads {@code RunSummary.fxml} and binds it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        entries.setPlaceholder(new Label(messages.get("summary.empty")));
        TableColumn<SummaryEntry, FileReport.Status> status = new TableColumn<>(messages.get("summary.status"));
        status.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().report().status()));
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FileReport.Status s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(x -> x.startsWith("status-"));
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                String id = switch (s) {
                    case WRITTEN -> "clean";
                    case QUARANTINED -> "withheld";
                    case FAILED -> "error";
                };
                setText(messages.get("status." + id));
                getStyleClass().add("status-" + id);
            }
        });
        status.setPrefWidth(110);
        TableColumn<SummaryEntry, String> output = text("summary.output", e -> e.report().output());
        output.setPrefWidth(260);
        TableColumn<SummaryEntry, String> format = text("summary.format", e -> e.report().format());
        TableColumn<SummaryEntry, String> records = text("summary.records", e -> Long.toString(e.report().records()));
        TableColumn<SummaryEntry, String> reason = text("summary.reason", SummaryEntry::reason);
        reason.setPrefWidth(480);
        entries.getColumns().setAll(List.of(status, output, format, records, reason));
        entries.setItems(viewModel.summary());
        entries.setRowFactory(t -> {
            TableRow<SummaryEntry> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem());
                }
            });
            return row;
        });
        entries.setOnKeyPressed(e -> {
            SummaryEntry selected = entries.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(selected);
            }
        });
        scope.listen(viewModel.resultProperty(), (o, was, now) -> showCounts(now));
    }

    private TableColumn<SummaryEntry, String> text(String key, java.util.function.Function<SummaryEntry, String> f) {
        TableColumn<SummaryEntry, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }

    private void showCounts(RunResult r) {
        if (r == null) {
            counts.setText(messages.get("summary.none"));
            return;
        }
        var c = r.report().files();
        counts.setText(messages.get("summary.counts", c.written(), c.total(), c.quarantined(), c.failed(),
                r.report().records(), r.subjects(), r.newPseudonyms(), r.reportFile().getParent(), r.keyFile()));
    }
}
