package org.deidworkbench.gui.preview;

import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;

/**
 * The centre: Original | De-identified | Differences of the selected file, the reveal toggle, and a
 * spinner when a preview takes longer than {@value #SPINNER_DELAY_MS} ms.
 */
public final class PreviewView {

    /** A preview faster than this shows no spinner (the target for files up to 10 MB). */
    static final int SPINNER_DELAY_MS = 300;

    private final PreviewViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;
    private final LayoutView.Factory layouts;
    private final java.util.List<PreviewTab> extraTabs;
    private final java.util.Map<FilePreview.Layout, LayoutView[]> views = new java.util.EnumMap<>(FilePreview.Layout.class);
    private final PauseTransition spinnerDelay = new PauseTransition(Duration.millis(SPINNER_DELAY_MS));

    @FXML
    private Label title;
    @FXML
    private Label summary;
    @FXML
    private Label keyNote;
    @FXML
    private Label studyKeyNote;
    @FXML
    private Label partialNote;
    @FXML
    private ToggleButton reveal;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab differencesTab;
    @FXML
    private StackPane originalPane;
    @FXML
    private StackPane cleanedPane;
    @FXML
    private TableView<DiffRow> differences;
    @FXML
    private Label message;
    @FXML
    private ProgressIndicator spinner;

    /**
     * @param layouts makes the original and de-identified views of each layout
     * @param extraTabs tabs shown after Differences for the files they concern (the DICOM image)
     */
    public PreviewView(PreviewViewModel viewModel, Messages messages, ViewScope scope, LayoutView.Factory layouts,
            java.util.List<PreviewTab> extraTabs) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
        this.layouts = layouts;
        this.extraTabs = java.util.List.copyOf(extraTabs);
    }

    private LayoutView[] views(FilePreview.Layout layout) {
        return views.computeIfAbsent(layout, l -> new LayoutView[] {layouts.create(l, Side.ORIGINAL),
            layouts.create(l, Side.CLEANED)});
    }

    /** Loads {@code Preview.fxml} and binds it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        reveal.selectedProperty().bindBidirectional(viewModel.revealProperty());
        scope.listen(viewModel.revealProperty(), (o, was, now) -> {
            views.values().forEach(v -> v[0].refresh());
            differences.refresh();
        });
        spinnerDelay.setOnFinished(e -> spinner.setVisible(viewModel.busyProperty().get()));
        scope.listen(viewModel.busyProperty(), (o, was, now) -> {
            if (Boolean.TRUE.equals(now)) {
                spinnerDelay.playFromStart();
            } else {
                spinnerDelay.stop();
                spinner.setVisible(false);
            }
        });
        scope.listen(viewModel.messageProperty(), (o, was, now) -> {
            message.setText(now == null ? "" : messages.get(now));
            updateVisibility();
        });
        for (PreviewTab extra : extraTabs) {
            Tab tab = new Tab(messages.get(extra.titleKey()), extra.node());
            tab.setId(extra.id());
            scope.listen(extra.shownProperty(), (o, was, now) -> {
                if (Boolean.TRUE.equals(now) && !tabs.getTabs().contains(tab)) {
                    tabs.getTabs().add(tab);
                } else if (!Boolean.TRUE.equals(now)) {
                    tabs.getTabs().remove(tab);
                }
                updateVisibility();
            });
        }
        scope.listen(viewModel.throwawayKeyProperty(), (o, was, now) -> {
            keyNote.setVisible(Boolean.TRUE.equals(now));
            keyNote.setManaged(Boolean.TRUE.equals(now));
            showStudyKey();
        });
        scope.listen(viewModel.keyProperty(), (o, was, now) -> showStudyKey());
        scope.listen(viewModel.previewProperty(), (o, was, now) -> showStudyKey());
        scope.listen(viewModel.partialProperty(), (o, was, now) -> {
            partialNote.setVisible(Boolean.TRUE.equals(now));
            partialNote.setManaged(Boolean.TRUE.equals(now));
        });
        scope.listen(viewModel.previewProperty(), (o, was, now) -> show(now));
        scope.listen(viewModel.fileProperty(), (o, was, now) -> title.setText(now == null
                ? messages.get("area.preview") : messages.get("preview.title", String.valueOf(now.getFileName()))));
        setUpDifferences();
        scope.listen(viewModel.differences(), (javafx.collections.ListChangeListener<DiffRow>) c -> updateSummary());
        scope.listen(viewModel.lastMillisProperty(), (o, was, now) -> updateSummary());
    }

    /** The study key's badge, while a preview made with it is shown. */
    private void showStudyKey() {
        var key = viewModel.keyProperty().get();
        boolean shown = key != null && viewModel.previewProperty().get() != null
                && !viewModel.throwawayKeyProperty().get();
        studyKeyNote.setVisible(shown);
        studyKeyNote.setManaged(shown);
        studyKeyNote.setText(key == null ? "" : messages.get("preview.studyKey", String.valueOf(key.file().getFileName())));
    }

    /**
     * The tabs show while there is a preview or an extra tab (a withheld DICOM file has no preview but
     * an image); the message shows when they do not.
     */
    private void updateVisibility() {
        boolean extra = tabs.getTabs().size() > 3;
        boolean any = viewModel.previewProperty().get() != null || extra;
        tabs.setVisible(any);
        message.setVisible(!any && viewModel.messageProperty().get() != null);
        if (extra && viewModel.previewProperty().get() == null) {
            tabs.getSelectionModel().select(tabs.getTabs().size() - 1);
        }
    }

    private void show(FilePreview preview) {
        updateVisibility();
        if (preview == null) {
            originalPane.getChildren().clear();
            cleanedPane.getChildren().clear();
            summary.setText("");
            return;
        }
        LayoutView[] v = views(preview.layout());
        v[0].show(preview);
        v[1].show(preview);
        originalPane.getChildren().setAll(v[0].node());
        cleanedPane.getChildren().setAll(v[1].node());
        updateSummary();
    }

    private void updateSummary() {
        FilePreview p = viewModel.previewProperty().get();
        if (p == null) {
            summary.setText("");
            return;
        }
        summary.setText(messages.get(p.truncated() ? "preview.summary.truncated" : "preview.summary",
                p.records().size(), p.changedFields(), viewModel.lastMillisProperty().get()));
        differencesTab.setText(messages.get("preview.tab.differencesCount", viewModel.differences().size()));
    }

    private void setUpDifferences() {
        differences.setPlaceholder(new Label(messages.get("preview.noDifferences")));
        TableColumn<DiffRow, String> record = new TableColumn<>(messages.get("preview.column.record"));
        record.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().record()));
        record.setPrefWidth(70);
        TableColumn<DiffRow, String> field = new TableColumn<>(messages.get("preview.column.field"));
        field.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().field().name()));
        field.setPrefWidth(130);
        TableColumn<DiffRow, PreviewField> original = new TableColumn<>(messages.get("preview.column.original"));
        original.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().field()));
        original.setCellFactory(c -> new ValueCell(Side.ORIGINAL));
        original.setPrefWidth(130);
        TableColumn<DiffRow, PreviewField> cleaned = new TableColumn<>(messages.get("preview.column.cleaned"));
        cleaned.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().field()));
        cleaned.setCellFactory(c -> new ValueCell(Side.CLEANED));
        cleaned.setPrefWidth(200);
        TableColumn<DiffRow, String> rule = new TableColumn<>(messages.get("preview.column.rule"));
        rule.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(Cells.rule(r.getValue().field())));
        rule.setPrefWidth(170);
        differences.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        differences.getColumns().setAll(java.util.List.of(record, field, original, cleaned, rule));
        differences.setItems(viewModel.differences());
        differences.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DiffRow row, boolean empty) {
                super.updateItem(row, empty);
                Cells.mark(this, empty || row == null ? null : row.field());
            }
        });
        differences.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.selectedFieldProperty().set(now.field());
            }
        });
    }

    /** A value of the Differences table: the original masked until revealed. */
    private final class ValueCell extends TableCell<DiffRow, PreviewField> {
        private final Side side;

        ValueCell(Side side) {
            this.side = side;
        }

        @Override
        protected void updateItem(PreviewField f, boolean empty) {
            super.updateItem(f, empty);
            if (empty || f == null) {
                setText(null);
                return;
            }
            setText(Cells.value(viewModel, messages, side, f));
            setAccessibleText(messages.get("preview.cell.accessible", f.name(), getText(),
                    messages.get("change." + f.change().name().toLowerCase(Locale.ROOT))));
        }
    }
}
