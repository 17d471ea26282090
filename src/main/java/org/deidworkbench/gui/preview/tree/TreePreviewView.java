package org.deidworkbench.gui.preview.tree;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.preview.Cells;
import org.deidworkbench.gui.preview.LayoutView;
import org.deidworkbench.gui.preview.PreviewViewModel;
import org.deidworkbench.gui.preview.Side;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;

/**
 * A {@code Layout.TREE} preview (DICOM data sets, FHIR resources) as a tree table: records at the
 * top, their fields nested as the format nests them, with value and rule; changed rows highlighted.
 */
public final class TreePreviewView implements LayoutView {

    /** A row: a record (no field) or a field. */
    private record Row(String label, PreviewField field) {
    }

    private final PreviewViewModel viewModel;
    private final Messages messages;
    private final Side side;
    private final TreeTableView<Row> tree = new TreeTableView<>();

    public TreePreviewView(PreviewViewModel viewModel, Messages messages, Side side) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.side = side;
        tree.getStyleClass().addAll("preview-tree", side == Side.ORIGINAL ? "original" : "cleaned");
        tree.setId(side == Side.ORIGINAL ? "originalTree" : "cleanedTree");
        tree.setAccessibleText(messages.get(side == Side.ORIGINAL ? "preview.original.accessible"
                : "preview.cleaned.accessible"));
        tree.setShowRoot(false);
        tree.setPlaceholder(new Label(messages.get("preview.noRecords")));
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TreeTableColumn<Row, Row> name = new TreeTableColumn<>(messages.get("preview.column.field"));
        name.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().getValue()));
        name.setCellFactory(c -> new RowCell(true));
        name.setPrefWidth(260);
        TreeTableColumn<Row, Row> value = new TreeTableColumn<>(messages.get(side == Side.ORIGINAL
                ? "preview.column.original" : "preview.column.cleaned"));
        value.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().getValue()));
        value.setCellFactory(c -> new RowCell(false));
        value.setPrefWidth(280);
        TreeTableColumn<Row, String> rule = new TreeTableColumn<>(messages.get("preview.column.rule"));
        rule.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().getValue().field() == null ? ""
                : Cells.rule(r.getValue().getValue().field())));
        rule.setPrefWidth(180);
        List.of(name, value, rule).forEach(c -> c.setSortable(false));
        tree.getColumns().setAll(List.of(name, value, rule));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue().field() != null) {
                viewModel.selectedFieldProperty().set(now.getValue().field());
            }
        });
    }

    @Override
    public TreeTableView<?> node() {
        return tree;
    }

    @Override
    public void show(FilePreview preview) {
        TreeItem<Row> root = new TreeItem<>(new Row("", null));
        for (PreviewRecord r : preview.records()) {
            TreeItem<Row> record = new TreeItem<>(new Row(r.label(), null));
            record.setExpanded(true);
            r.fields().forEach(f -> record.getChildren().add(item(f)));
            root.getChildren().add(record);
        }
        tree.setRoot(root);
    }

    private static TreeItem<Row> item(PreviewField f) {
        TreeItem<Row> ti = new TreeItem<>(new Row(f.name(), f));
        ti.setExpanded(f.changedFields() > 0);
        f.children().forEach(c -> ti.getChildren().add(item(c)));
        return ti;
    }

    @Override
    public void refresh() {
        tree.refresh();
    }

    private final class RowCell extends TreeTableCell<Row, Row> {
        private final boolean nameColumn;

        RowCell(boolean nameColumn) {
            this.nameColumn = nameColumn;
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            Row r = empty ? null : row;
            Cells.mark(this, r == null ? null : r.field());
            if (r == null) {
                setText(null);
                return;
            }
            if (nameColumn) {
                setText(r.label());
            } else if (r.field() == null || !r.field().children().isEmpty()) {
                setText("");
            } else {
                setText(Cells.value(viewModel, messages, side, r.field()));
            }
        }
    }
}
