package org.deidworkbench.gui.preview.dicom;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.deidworkbench.model.DicomRedaction;

/**
 * One image of the Image tab, scaled to fit and centred, with the redaction rectangles over it. On
 * the original (editable) a primary drag on empty image draws a rectangle, on a rectangle moves it,
 * on its bottom-right corner resizes it; Delete removes the selected one. A secondary drag (and a
 * primary drag on the de-identified image) changes window and level. Rectangles are in image pixels;
 * the view model keeps them.
 */
final class ImagePane extends Region {

    /** How near the corner (screen pixels) a press resizes rather than moves. */
    private static final double HANDLE = 9;

    private enum Drag {
        NONE, DRAW, MOVE, RESIZE, WINDOW
    }

    private final DicomImageViewModel viewModel;
    private final boolean editable;
    private final ImageView view = new ImageView();
    private final Group overlay = new Group();
    private final Rectangle draft = new Rectangle();
    private int columns = 1;
    private int rows = 1;
    private double scale = 1;
    private double left;
    private double top;
    private DicomImageViewModel.Mask mask = DicomImageViewModel.Mask.NONE;
    private Drag drag = Drag.NONE;
    private Point2D pressed;
    private Point2D lastScreen;
    private int dragged = -1;

    ImagePane(DicomImageViewModel viewModel, boolean editable) {
        this.viewModel = viewModel;
        this.editable = editable;
        getStyleClass().addAll("image-pane", editable ? "original" : "cleaned");
        view.setPreserveRatio(false);
        view.setSmooth(false);
        draft.getStyleClass().add("redaction-draft");
        draft.setVisible(false);
        draft.setManaged(false);
        overlay.setManaged(false);
        getChildren().addAll(view, overlay, draft);
        setFocusTraversable(editable);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnKeyPressed(e -> {
            if (editable && (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)) {
                viewModel.removeSelected();
                e.consume();
            }
        });
        setMinSize(80, 80);
    }

    /** Shows {@code image} (a frame of {@code columns} × {@code rows}), or nothing. */
    void setImage(Image image, int columns, int rows) {
        view.setImage(image);
        this.columns = Math.max(1, columns);
        this.rows = Math.max(1, rows);
        requestLayout();
    }

    /** How much of the image to hide (original side only). */
    void setMask(DicomImageViewModel.Mask mask) {
        this.mask = mask;
        redraw();
    }

    /** The rectangles or the selection changed. */
    void redraw() {
        List<Node> nodes = new ArrayList<>();
        if (view.getImage() != null && editable) {
            if (mask == DicomImageViewModel.Mask.WHOLE) {
                nodes.add(box(0, 0, columns, rows, "redaction-mask"));
            }
            List<DicomRedaction.Rectangle> boxes = viewModel.rectangles();
            for (int i = 0; i < boxes.size(); i++) {
                DicomRedaction.Rectangle r = boxes.get(i);
                if (mask == DicomImageViewModel.Mask.RECTANGLES) {
                    nodes.add(box(r.x(), r.y(), r.width(), r.height(), "redaction-mask"));
                }
                Rectangle outline = box(r.x(), r.y(), r.width(), r.height(), "redaction-box");
                if (i == viewModel.selectedProperty().get()) {
                    outline.getStyleClass().add("selected");
                    Rectangle handle = new Rectangle(HANDLE, HANDLE);
                    handle.getStyleClass().add("redaction-handle");
                    handle.setX(left + (r.x() + r.width()) * scale - HANDLE / 2);
                    handle.setY(top + (r.y() + r.height()) * scale - HANDLE / 2);
                    nodes.add(outline);
                    nodes.add(handle);
                } else {
                    nodes.add(outline);
                }
            }
        }
        overlay.getChildren().setAll(nodes);
    }

    private Rectangle box(double x, double y, double w, double h, String style) {
        Rectangle r = new Rectangle(left + x * scale, top + y * scale, w * scale, h * scale);
        r.getStyleClass().add(style);
        r.setMouseTransparent(true);
        return r;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        scale = Math.max(0.01, Math.min(w / columns, h / rows));
        left = snappedLeftInset() + (w - columns * scale) / 2;
        top = snappedTopInset() + (h - rows * scale) / 2;
        view.setFitWidth(columns * scale);
        view.setFitHeight(rows * scale);
        view.relocate(left, top);
        redraw();
    }

    /** A point of this pane in image pixels (may lie outside the image). */
    Point2D toImage(double x, double y) {
        return new Point2D((x - left) / scale, (y - top) / scale);
    }

    /** A point in image pixels in this pane's coordinates. */
    Point2D toPane(double x, double y) {
        return new Point2D(left + x * scale, top + y * scale);
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        pressed = toImage(e.getX(), e.getY());
        lastScreen = new Point2D(e.getScreenX(), e.getScreenY());
        drag = Drag.NONE;
        dragged = -1;
        if (view.getImage() == null) {
            return;
        }
        if (e.getButton() == MouseButton.SECONDARY || e.getButton() == MouseButton.PRIMARY && !editable) {
            drag = Drag.WINDOW;
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY || mask == DicomImageViewModel.Mask.WHOLE) {
            return;
        }
        List<DicomRedaction.Rectangle> boxes = viewModel.rectangles();
        for (int i = boxes.size() - 1; i >= 0; i--) {
            DicomRedaction.Rectangle r = boxes.get(i);
            Point2D corner = toPane(r.x() + r.width(), r.y() + r.height());
            if (Math.abs(e.getX() - corner.getX()) <= HANDLE && Math.abs(e.getY() - corner.getY()) <= HANDLE) {
                drag = Drag.RESIZE;
                dragged = i;
                break;
            }
            if (pressed.getX() >= r.x() && pressed.getX() <= r.x() + r.width() && pressed.getY() >= r.y()
                    && pressed.getY() <= r.y() + r.height()) {
                drag = Drag.MOVE;
                dragged = i;
                break;
            }
        }
        if (drag == Drag.NONE) {
            drag = Drag.DRAW;
        }
        viewModel.selectedProperty().set(dragged);
        redraw();
        e.consume();
    }

    private void dragged(MouseEvent e) {
        Point2D at = toImage(e.getX(), e.getY());
        switch (drag) {
            case WINDOW -> {
                viewModel.adjustWindow(e.getScreenX() - lastScreen.getX(), e.getScreenY() - lastScreen.getY());
                lastScreen = new Point2D(e.getScreenX(), e.getScreenY());
            }
            case DRAW, MOVE, RESIZE -> showDraft(result(at));
            case NONE -> { }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Point2D at = toImage(e.getX(), e.getY());
        DicomRedaction.Rectangle r = drag == Drag.DRAW || drag == Drag.MOVE || drag == Drag.RESIZE ? result(at) : null;
        draft.setVisible(false);
        Drag was = drag;
        drag = Drag.NONE;
        if (r == null) {
            return;
        }
        if (was == Drag.DRAW) {
            viewModel.addRectangle(r);
        } else {
            viewModel.replaceRectangle(dragged, r);
        }
        e.consume();
    }

    /** The rectangle the current drag ends in, or null (a click, or nothing inside the image). */
    private DicomRedaction.Rectangle result(Point2D at) {
        switch (drag) {
            case DRAW -> {
                if (Math.abs(at.getX() - pressed.getX()) * scale < 3 && Math.abs(at.getY() - pressed.getY()) * scale < 3) {
                    return null;
                }
                return viewModel.rectangle(pressed.getX(), pressed.getY(), at.getX(), at.getY()).orElse(null);
            }
            case MOVE -> {
                DicomRedaction.Rectangle r = viewModel.rectangles().get(dragged);
                return viewModel.moved(r, at.getX() - pressed.getX(), at.getY() - pressed.getY());
            }
            case RESIZE -> {
                DicomRedaction.Rectangle r = viewModel.rectangles().get(dragged);
                return viewModel.rectangle(r.x(), r.y(), Math.max(r.x() + 1, at.getX()), Math.max(r.y() + 1, at.getY()))
                        .orElse(null);
            }
            default -> {
                return null;
            }
        }
    }

    private void showDraft(DicomRedaction.Rectangle r) {
        if (r == null) {
            draft.setVisible(false);
            return;
        }
        draft.setX(left + r.x() * scale);
        draft.setY(top + r.y() * scale);
        draft.setWidth(r.width() * scale);
        draft.setHeight(r.height() * scale);
        draft.setVisible(true);
    }
}
