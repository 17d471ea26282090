package org.deidworkbench.gui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML, which lies beside the view class under the same name without {@code View}
 * ({@code RulesView} → {@code Rules.fxml}), with the view as its controller and the resource bundle
 * of the current language for the {@code %key} texts.
 */
public final class ViewLoader {

    private ViewLoader() {
    }

    /** Loads the FXML of {@code view} and injects its {@code @FXML} fields. */
    public static Parent load(Object view, Messages messages) {
        String name = view.getClass().getSimpleName().replaceAll("View$", "") + ".fxml";
        URL url = view.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing FXML beside " + view.getClass().getName() + ": " + name);
        }
        FXMLLoader loader = new FXMLLoader(url, messages.bundle());
        loader.setController(view);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + name, e);
        }
    }
}
