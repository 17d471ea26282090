package org.deidworkbench.gui.preview.table;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.preview.Cells;
import org.deidworkbench.gui.preview.LayoutView;
import org.deidworkbench.gui.preview.PreviewViewModel;
import org.deidworkbench.gui.preview.Side;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;

/**
 * A {@code Layout.TABLE} preview (CSV) as a grid: the record's place in the file, then one column
 * per field. Changed cells are highlighted; selecting a cell shows its field in the inspector.
 */
public final class TablePreviewView implements LayoutView {

    private final PreviewViewModel viewModel;
    private final Messages messages;
    private final Side side;
    private final TableView<PreviewRecord> table = new TableView<>();

    public TablePreviewView(PreviewViewModel viewModel, Messages messages, Side side) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.side = side;
        table.getStyleClass().addAll("preview-table", side == Side.ORIGINAL ? "original" : "cleaned");
        table.setId(side == Side.ORIGINAL ? "originalTable" : "cleanedTable");
        table.setAccessibleText(messages.get(side == Side.ORIGINAL ? "preview.original.accessible"
                : "preview.cleaned.accessible"));
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setPlaceholder(new Label(messages.get("preview.noRecords")));
        table.getSelectionModel().getSelectedCells().addListener(
                (javafx.collections.ListChangeListener<TablePosition>) c -> selectionChanged());
    }

    @Override
    public TableView<PreviewRecord> node() {
        return table;
    }

    @Override
    public void show(FilePreview preview) {
        table.getColumns().clear();
        TableColumn<PreviewRecord, String> where = new TableColumn<>(messages.get("preview.column.record"));
        where.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().label()));
        where.getStyleClass().add("record-column");
        where.setSortable(false);
        table.getColumns().add(where);
        List<String> columns = preview.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            TableColumn<PreviewRecord, PreviewField> col = new TableColumn<>(columns.get(i));
            col.setSortable(false);
            col.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(index < r.getValue().fields().size()
                    ? r.getValue().fields().get(index) : null));
            col.setCellFactory(c -> new FieldCell());
            col.setPrefWidth(width(columns.get(i), preview, index));
            table.getColumns().add(col);
        }
        table.getItems().setAll(preview.records());
    }

    @Override
    public void refresh() {
        table.refresh();
    }

    /** Wide enough for the header and the first values shown, within reason. */
    private double width(String header, FilePreview preview, int index) {
        int chars = header.length();
        for (PreviewRecord r : preview.records().subList(0, Math.min(20, preview.records().size()))) {
            if (index < r.fields().size()) {
                PreviewField f = r.fields().get(index);
                String shown = side == Side.ORIGINAL ? viewModel.original(f) : viewModel.cleaned(f);
                chars = Math.max(chars, shown.length());
            }
        }
        return Math.max(80, Math.min(280, 16 + 7.5 * chars));
    }

    private void selectionChanged() {
        List<TablePosition> cells = table.getSelectionModel().getSelectedCells();
        if (cells.isEmpty()) {
            return;
        }
        TablePosition<?, ?> pos = cells.get(0);
        int column = pos.getColumn() - 1;
        if (pos.getRow() < 0 || column < 0 || pos.getRow() >= table.getItems().size()) {
            return;
        }
        List<PreviewField> fields = table.getItems().get(pos.getRow()).fields();
        if (column < fields.size()) {
            viewModel.selectedFieldProperty().set(fields.get(column));
        }
    }

    /** One value, marked by its change; an original of a changed field stays masked until revealed. */
    private final class FieldCell extends TableCell<PreviewRecord, PreviewField> {
        @Override
        protected void updateItem(PreviewField field, boolean empty) {
            super.updateItem(field, empty);
            PreviewField f = empty ? null : field;
            Cells.mark(this, f);
            if (f == null) {
                setText(null);
                setAccessibleText(null);
                return;
            }
            setText(oneLine(Cells.value(viewModel, messages, side, f)));
            setAccessibleText(messages.get("preview.cell.accessible", f.name(), getText(),
                    messages.get("change." + f.change().name().toLowerCase(java.util.Locale.ROOT))));
        }
    }

    private static String oneLine(String s) {
        return s.replace("\r", " ").replace("\n", " \u21b5 ");
    }
}
