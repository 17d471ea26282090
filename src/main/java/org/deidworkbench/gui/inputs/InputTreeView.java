package org.deidworkbench.gui.inputs;

import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;

/** The input tree: folders and files with a format badge and a status badge; selecting a file previews it. */
public final class InputTreeView {

    private final InputTreeViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;

    @FXML
    private TreeView<InputItem> tree;
    @FXML
    private Label emptyLabel;
    @FXML
    private ProgressIndicator loading;

    public InputTreeView(InputTreeViewModel viewModel, Messages messages, ViewScope scope) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
    }

    /** Loads {@code InputTree.fxml} and binds it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        TreeItem<InputItem> root = new TreeItem<>();
        tree.setRoot(root);
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new ItemCell());
        rebuild(root);
        scope.listen(viewModel.roots(), (ListChangeListener<InputItem>) c -> rebuild(root));
        scope.listen(viewModel.loadingProperty(), (o, was, now) -> loading.setVisible(Boolean.TRUE.equals(now)));
        tree.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.getValue() != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(now.getValue());
            }
        });
        scope.listen(viewModel.selectedProperty(), (o, was, now) -> select(root, now));
    }

    private void rebuild(TreeItem<InputItem> root) {
        root.getChildren().setAll(viewModel.roots().stream().map(InputTreeView::treeItem).toList());
        emptyLabel.setVisible(root.getChildren().isEmpty());
        select(root, viewModel.selectedProperty().get());
    }

    private static TreeItem<InputItem> treeItem(InputItem item) {
        TreeItem<InputItem> ti = new TreeItem<>(item);
        List<TreeItem<InputItem>> children = item.children().stream().map(InputTreeView::treeItem).toList();
        ti.getChildren().setAll(children);
        ti.setExpanded(true);
        return ti;
    }

    private void select(TreeItem<InputItem> root, InputItem item) {
        if (item == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        TreeItem<InputItem> found = find(root, item);
        if (found != null && tree.getSelectionModel().getSelectedItem() != found) {
            tree.getSelectionModel().select(found);
            tree.scrollTo(tree.getRow(found));
        }
    }

    private static TreeItem<InputItem> find(TreeItem<InputItem> node, InputItem item) {
        if (node.getValue() == item) {
            return node;
        }
        for (TreeItem<InputItem> c : node.getChildren()) {
            TreeItem<InputItem> f = find(c, item);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** A row: icon or format badge, name, status badge. */
    private final class ItemCell extends TreeCell<InputItem> {
        private final Label format = new Label();
        private final Label name = new Label();
        private final Label status = new Label();
        private final Region folderIcon = new Region();
        private final HBox box = new HBox(6);
        private InputItem shown;
        private final javafx.beans.value.ChangeListener<Object> refresh = (o, a, b) -> show(shown);

        ItemCell() {
            folderIcon.getStyleClass().addAll("icon", "icon-folder");
            format.getStyleClass().add("format-badge");
            status.getStyleClass().add("status-badge");
            // Badge right after the name: a narrow tree must not push it out of sight.
            box.getChildren().addAll(format, name, status);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(InputItem item, boolean empty) {
            super.updateItem(item, empty);
            if (shown != null) {
                shown.statusProperty().removeListener(refresh);
                shown.reasonProperty().removeListener(refresh);
            }
            shown = empty ? null : item;
            if (shown != null) {
                shown.statusProperty().addListener(refresh);
                shown.reasonProperty().addListener(refresh);
            }
            show(shown);
        }

        private void show(InputItem item) {
            if (item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                setAccessibleText(null);
                return;
            }
            setText(null);
            name.setText(item.name());
            if (item.isFolder()) {
                box.getChildren().set(0, folderIcon);
                status.setVisible(false);
                setTooltip(null);
                setAccessibleText(messages.get("tree.folder.accessible", item.name()));
            } else {
                String fmt = item.kind().format();
                format.setText(messages.get("format.short." + formatKey(fmt)));
                format.getStyleClass().removeIf(s -> s.startsWith("format-") && !s.equals("format-badge"));
                format.getStyleClass().add("format-" + formatKey(fmt));
                box.getChildren().set(0, format);
                FileStatus s = item.status();
                status.setVisible(true);
                status.setText(messages.get("status." + s.id()));
                status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals("status-badge"));
                status.getStyleClass().add("status-" + s.id());
                String why = item.reasonProperty().get() == null ? "" : messages.get(item.reasonProperty().get());
                setTooltip(new Tooltip(messages.get("tree.file.tooltip", messages.get("format.name." + formatKey(fmt)),
                        messages.get("status." + s.id()), why)));
                setAccessibleText(messages.get("tree.file.accessible", item.name(),
                        messages.get("format.short." + formatKey(fmt)), messages.get("status." + s.id())));
            }
            setGraphic(box);
        }
    }

    /** {@code FHIR_JSON} → {@code fhir}: formats share a badge per family. */
    static String formatKey(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (f.startsWith("fhir")) {
            return "fhir";
        }
        return switch (f) {
            case "csv", "dicom" -> f;
            case "hl7v2" -> "hl7";
            default -> "unknown";
        };
    }
}
