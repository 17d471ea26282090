package org.deidworkbench.gui.theme;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The workbench's two themes. Both use one stylesheet, {@code workbench.css}, whose colours are
 * looked-up variables ({@code -dw-*}) set on {@code .root} and overridden on {@code .root.dark};
 * switching a theme is switching that one style class, so no view has an inline colour.
 */
public enum Theme {
    /** Dark text on light surfaces. */
    LIGHT,
    /** Light text on dark surfaces. */
    DARK;

    /** The stylesheet every scene and dialog of the workbench uses. */
    public static final String STYLESHEET = Theme.class.getResource("/org/deidworkbench/gui/theme/workbench.css")
            .toExternalForm();

    private static final String DARK_CLASS = "dark";

    /** Gives {@code scene} the stylesheet and this theme. */
    public void applyTo(Scene scene) {
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        if (scene.getRoot() != null) {
            applyTo(scene.getRoot());
        }
    }

    /** Gives a root node (of a scene or a dialog pane) this theme's style class. */
    public void applyTo(Parent root) {
        root.getStyleClass().remove(DARK_CLASS);
        if (this == DARK) {
            root.getStyleClass().add(DARK_CLASS);
        }
    }

    /** The other theme. */
    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
