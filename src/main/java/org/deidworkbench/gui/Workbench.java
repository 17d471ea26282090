package org.deidworkbench.gui;

import java.util.List;
import javafx.application.Application;

/**
 * Entry point of the window for the launcher ({@code deid gui}, or {@code deid} alone on a
 * desktop). A plain class with no JavaFX type in its signature, so the launcher can name it without
 * loading JavaFX until the window is really wanted.
 */
public final class Workbench {

    private Workbench() {
    }

    /** Opens the workbench with {@code paths} open and returns 0 when its window is closed. */
    public static int launch(List<String> paths) {
        Application.launch(WorkbenchApp.class, paths.toArray(String[]::new));
        return 0;
    }
}
