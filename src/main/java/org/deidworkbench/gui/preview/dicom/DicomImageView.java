package org.deidworkbench.gui.preview.dicom;

import java.util.Locale;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.gui.common.ViewLoader;
import org.deidworkbench.gui.common.ViewScope;
import org.deidworkbench.gui.preview.PreviewTab;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.DicomRedaction;

/**
 * The preview's Image tab for DICOM files: the original frame with the redaction rectangles (drawn,
 * moved and resized with the mouse) beside the same frame as a run writes it, the frame slider and
 * window and level.
 */
public final class DicomImageView implements PreviewTab {

    private final DicomImageViewModel viewModel;
    private final Messages messages;
    private final ViewScope scope;
    private final ImagePane originalPane;
    private final ImagePane cleanedPane;
    private Parent root;

    @FXML
    private Label frameLabel;
    @FXML
    private Slider frameSlider;
    @FXML
    private Label windowLabel;
    @FXML
    private Button resetWindow;
    @FXML
    private Button removeBox;
    @FXML
    private HBox sides;
    @FXML
    private StackPane originalHost;
    @FXML
    private StackPane cleanedHost;
    @FXML
    private Label withheldNote;
    @FXML
    private Label maskNote;
    @FXML
    private Label cleanedNote;
    @FXML
    private Label message;
    @FXML
    private ProgressIndicator spinner;

    public DicomImageView(DicomImageViewModel viewModel, Messages messages, ViewScope scope) {
        this.viewModel = viewModel;
        this.messages = messages;
        this.scope = scope;
        this.originalPane = new ImagePane(viewModel, true);
        this.cleanedPane = new ImagePane(viewModel, false);
        originalPane.setId("originalImage");
        cleanedPane.setId("cleanedImage");
        originalPane.setAccessibleText(messages.get("image.original.accessible"));
        cleanedPane.setAccessibleText(messages.get("image.cleaned.accessible"));
    }

    @Override
    public String titleKey() {
        return "image.tab";
    }

    @Override
    public String id() {
        return "imageTab";
    }

    @Override
    public Node node() {
        if (root == null) {
            root = ViewLoader.load(this, messages);
        }
        return root;
    }

    @Override
    public ObservableBooleanValue shownProperty() {
        return viewModel.availableProperty();
    }

    @FXML
    private void initialize() {
        originalHost.getChildren().add(0, originalPane);
        cleanedHost.getChildren().add(0, cleanedPane);
        scope.listen(viewModel.headerProperty(), (o, was, now) -> showHeader(now));
        scope.listen(viewModel.frameProperty(), (o, was, now) -> {
            if (frameSlider.getValue() != now.intValue()) {
                frameSlider.setValue(now.intValue());
            }
            showFrameLabel();
        });
        frameSlider.valueProperty().addListener((o, was, now) -> {
            int f = (int) Math.round(now.doubleValue());
            if (f != viewModel.frameProperty().get()) {
                viewModel.frameProperty().set(f);
            }
        });
        scope.listen(viewModel.originalProperty(), (o, was, now) -> render());
        scope.listen(viewModel.cleanedProperty(), (o, was, now) -> render());
        scope.listen(viewModel.windowCenterProperty(), (o, was, now) -> render());
        scope.listen(viewModel.windowWidthProperty(), (o, was, now) -> render());
        scope.listen(viewModel.rectangles(),
                (javafx.collections.ListChangeListener<DicomRedaction.Rectangle>) c -> originalPane.redraw());
        scope.listen(viewModel.selectedProperty(), (o, was, now) -> {
            removeBox.setDisable(now.intValue() < 0);
            originalPane.redraw();
        });
        scope.listen(viewModel.maskProperty(), (o, was, now) -> {
            originalPane.setMask(now);
            maskNote.setText(messages.get("image.mask." + now.name().toLowerCase(Locale.ROOT)));
        });
        scope.listen(viewModel.ruleIdProperty(), (o, was, now) -> showCleanedNote());
        scope.listen(viewModel.withheldProperty(), (o, was, now) -> {
            withheldNote.setVisible(now != null);
            withheldNote.setText(now == null ? "" : messages.get(now));
            showCleanedNote();
        });
        scope.listen(viewModel.messageProperty(), (o, was, now) -> {
            message.setVisible(now != null);
            message.setText(now == null ? "" : messages.get(now));
            sides.setVisible(now == null);
        });
        scope.listen(viewModel.busyProperty(), (o, was, now) -> spinner.setVisible(Boolean.TRUE.equals(now)));
    }

    private void showCleanedNote() {
        String rule = viewModel.ruleIdProperty().get();
        cleanedNote.setText(viewModel.withheldProperty().get() != null ? messages.get("image.cleaned.withheld")
                : rule.isEmpty() ? messages.get("image.rule.none") : messages.get("image.rule", rule));
    }

    private void showHeader(DicomImage.Header h) {
        int frames = h == null ? 1 : h.frames();
        frameSlider.setMax(Math.max(1, frames - 1));
        frameSlider.setVisible(frames > 1);
        frameSlider.setManaged(frames > 1);
        boolean colour = h != null && h.photometric() == DicomImage.Photometric.COLOUR;
        resetWindow.setDisable(h == null || colour);
        showFrameLabel();
    }

    private void showFrameLabel() {
        DicomImage.Header h = viewModel.headerProperty().get();
        frameLabel.setText(h == null ? "" : messages.get("image.frame", viewModel.frameProperty().get() + 1,
                h.frames(), h.columns(), h.rows()));
    }

    private void render() {
        double center = viewModel.windowCenterProperty().get();
        double width = viewModel.windowWidthProperty().get();
        DicomImage original = viewModel.originalProperty().get();
        DicomImage cleaned = viewModel.cleanedProperty().get();
        show(originalPane, original, center, width);
        show(cleanedPane, cleaned, center, width);
        DicomImage.Header h = viewModel.headerProperty().get();
        windowLabel.setText(h == null || original == null || h.photometric() == DicomImage.Photometric.COLOUR ? ""
                : messages.get("image.window", Math.round(center), Math.round(width)));
    }

    private static void show(ImagePane pane, DicomImage image, double center, double width) {
        if (image == null) {
            pane.setImage(null, 1, 1);
            return;
        }
        int w = image.header().columns();
        int h = image.header().rows();
        WritableImage fx = new WritableImage(w, h);
        fx.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(),
                ImageRendering.argb(image, center, width), 0, w);
        pane.setImage(fx, w, h);
    }

    @FXML
    private void resetWindow() {
        viewModel.resetWindow();
    }

    @FXML
    private void removeBox() {
        viewModel.removeSelected();
    }
}
