package org.deidworkbench.gui.workbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.gui.inputs.InputTreeView;
import org.deidworkbench.gui.keys.KeyFileView;
import org.deidworkbench.gui.preview.InspectorView;
import org.deidworkbench.gui.preview.LayoutView;
import org.deidworkbench.gui.preview.PreviewView;
import org.deidworkbench.gui.preview.dicom.DicomImageView;
import org.deidworkbench.gui.preview.table.TablePreviewView;
import org.deidworkbench.gui.preview.tree.TreePreviewView;
import org.deidworkbench.gui.rules.RulesView;
import org.deidworkbench.gui.run.RunSummaryView;
import org.deidworkbench.gui.theme.Theme;
import org.deidworkbench.model.FilePreview;

/**
 * The main window: menu and toolbar, input tree (left), preview (centre), rules, inspector and key
 * file (right), log and run summary (bottom), status line with the run's progress, time left and
 * cancel. Drop files or folders anywhere to open them.
 */
public final class MainWindowView implements KeyFileView.Actions {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    private final MainWindowViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;

    @FXML
    private BorderPane root;
    @FXML
    private Menu recentMenu;
    @FXML
    private Menu builtInMenu;
    @FXML
    private MenuItem runItem;
    @FXML
    private MenuItem cancelItem;
    @FXML
    private CheckMenuItem revealItem;
    @FXML
    private CheckMenuItem darkItem;
    @FXML
    private RadioMenuItem englishItem;
    @FXML
    private RadioMenuItem germanItem;
    @FXML
    private Button runButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ToggleButton revealButton;
    @FXML
    private ToggleButton themeButton;
    @FXML
    private Label profileLabel;
    @FXML
    private StackPane inputsPane;
    @FXML
    private StackPane previewPane;
    @FXML
    private StackPane rulesPane;
    @FXML
    private StackPane inspectorPane;
    @FXML
    private StackPane keyFilePane;
    @FXML
    private TabPane sideTabs;
    @FXML
    private TabPane bottomTabs;
    @FXML
    private Tab summaryTab;
    @FXML
    private StackPane summaryPane;
    @FXML
    private ListView<LogEntry> log;
    @FXML
    private Label status;
    @FXML
    private Label phase;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label eta;
    @FXML
    private Button statusCancel;

    public MainWindowView(MainWindowViewModel viewModel, Messages messages, ViewScope scope) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
    }

    /** Loads {@code MainWindow.fxml} and the areas' views into it. */
    public Parent load() {
        return ViewLoader.load(this, messages);
    }

    @FXML
    private void initialize() {
        inputsPane.getChildren().setAll(new InputTreeView(viewModel.inputs(), messages, scope).load());
        LayoutView.Factory layouts = (layout, side) -> layout == FilePreview.Layout.TABLE
                ? new TablePreviewView(viewModel.preview(), messages, side)
                : new TreePreviewView(viewModel.preview(), messages, side);
        previewPane.getChildren().setAll(new PreviewView(viewModel.preview(), messages, scope, layouts,
                List.of(new DicomImageView(viewModel.image(), messages, scope))).load());
        rulesPane.getChildren().setAll(new RulesView(viewModel.rules(), messages, scope).load());
        inspectorPane.getChildren().setAll(new InspectorView(viewModel.preview(), messages, scope).load());
        keyFilePane.getChildren().setAll(new KeyFileView(viewModel.keyFile(), messages, scope, this).load());
        summaryPane.getChildren().setAll(new RunSummaryView(viewModel.run(), messages, scope,
                viewModel::openSummaryEntry).load());

        revealItem.selectedProperty().bindBidirectional(viewModel.preview().revealProperty());
        revealButton.selectedProperty().bindBidirectional(viewModel.preview().revealProperty());
        scope.listen(viewModel.themeProperty(), (o, was, now) -> {
            darkItem.setSelected(now == Theme.DARK);
            themeButton.setSelected(now == Theme.DARK);
        });
        darkItem.setOnAction(e -> viewModel.themeProperty().set(darkItem.isSelected() ? Theme.DARK : Theme.LIGHT));
        themeButton.setOnAction(e -> viewModel.themeProperty().set(themeButton.isSelected() ? Theme.DARK : Theme.LIGHT));
        ToggleGroup languages = new ToggleGroup();
        englishItem.setToggleGroup(languages);
        germanItem.setToggleGroup(languages);
        (viewModel.languageProperty().get().getLanguage().equals("de") ? germanItem : englishItem).setSelected(true);
        englishItem.setOnAction(e -> viewModel.languageProperty().set(Locale.ENGLISH));
        germanItem.setOnAction(e -> viewModel.languageProperty().set(Locale.GERMAN));

        scope.listen(viewModel.recent(), (ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        for (String name : viewModel.rules().builtIns()) {
            MenuItem item = new MenuItem(name);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.rules().useBuiltIn(name));
            builtInMenu.getItems().add(item);
        }
        scope.listen(viewModel.rules().sourceNameProperty(), (o, was, now) -> showProfile());
        scope.listen(viewModel.rules().validProperty(), (o, was, now) -> showProfile());
        scope.listen(viewModel.rules().dirtyProperty(), (o, was, now) -> showProfile());

        log.setItems(viewModel.log());
        log.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LogEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                getStyleClass().removeAll("log-info", "log-warning", "log-error");
                if (empty || entry == null) {
                    setText(null);
                    return;
                }
                getStyleClass().add("log-" + entry.level().name().toLowerCase(Locale.ROOT));
                setText(TIME.format(entry.time()) + "  " + messages.get(entry.text()));
            }
        });
        scope.listen(viewModel.log(), (ListChangeListener<LogEntry>) c -> {
            if (!viewModel.log().isEmpty()) {
                log.scrollTo(viewModel.log().size() - 1);
                status.setText(messages.get(viewModel.log().get(viewModel.log().size() - 1).text()));
            }
        });
        status.setText(viewModel.log().isEmpty() ? messages.get("status.ready")
                : messages.get(viewModel.log().get(viewModel.log().size() - 1).text()));

        var run = viewModel.run();
        scope.listen(run.runningProperty(), (o, was, now) -> {
            boolean running = Boolean.TRUE.equals(now);
            runItem.setDisable(running);
            runButton.setDisable(running);
            cancelItem.setDisable(!running);
            cancelButton.setDisable(!running);
            statusCancel.setVisible(running);
            progress.setVisible(running || run.resultProperty().get() != null);
            if (!running && run.resultProperty().get() != null) {
                bottomTabs.getSelectionModel().select(summaryTab);
            }
        });
        progress.progressProperty().bind(run.progressProperty());
        scope.listen(run.phaseProperty(), (o, was, now) -> phase.setText(now == null ? "" : messages.get(now)));
        scope.listen(run.remainingProperty(), (o, was, now) -> eta.setText(now == null ? ""
                : messages.get("run.eta", format(now))));

        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
    }

    private void showProfile() {
        var r = viewModel.rules();
        profileLabel.setText(messages.get(r.validProperty().get() ? "toolbar.profile" : "toolbar.profile.invalid",
                r.sourceNameProperty().get() + (r.dirtyProperty().get() ? " *" : "")));
    }

    private static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (Path p : viewModel.recent()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.open(List.of(p)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles();
        if (ok) {
            viewModel.open(e.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    @FXML
    private void openFolder() {
        viewModel.openFolder();
    }

    @FXML
    private void openFiles() {
        viewModel.openFiles();
    }

    @FXML
    private void quit() {
        ((Stage) root.getScene().getWindow()).close();
    }

    @FXML
    private void openProfile() {
        viewModel.openProfile();
    }

    @FXML
    private void saveProfile() {
        viewModel.saveProfile();
    }

    @FXML
    private void saveProfileAs() {
        viewModel.saveProfileAs();
    }

    @FXML
    private void run() {
        viewModel.startRun();
    }

    @FXML
    private void cancelRun() {
        viewModel.cancelRun();
    }

    @FXML
    private void refreshPreview() {
        viewModel.preview().refresh();
    }

    @FXML
    private void showRules() {
        sideTabs.getSelectionModel().select(0);
    }

    @FXML
    private void showInspector() {
        sideTabs.getSelectionModel().select(1);
    }

    @FXML
    private void explain() {
        sideTabs.getSelectionModel().select(1);
        viewModel.preview().explainSelected();
    }

    @FXML
    private void about() {
        viewModel.about();
    }

    @FXML
    @Override
    public void newKeyFile() {
        viewModel.newKeyFile();
    }

    @FXML
    @Override
    public void openKeyFile() {
        viewModel.openKeyFile();
    }

    @FXML
    @Override
    public void unlockKeyFile() {
        sideTabs.getSelectionModel().select(2);
        viewModel.unlockKeyFile();
    }

    @FXML
    @Override
    public void reidentify() {
        viewModel.reidentify();
    }
}
