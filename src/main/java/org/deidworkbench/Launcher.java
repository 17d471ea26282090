package org.deidworkbench;

import org.deidworkbench.cli.DeidCommand;

/**
 * Entry point of the {@code deid} jar. A plain class, not a JavaFX {@code Application}, so that the
 * command line starts without JavaFX on the module path.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Runs the command line and exits with its documented exit code. */
    public static void main(String[] args) {
        int code = DeidCommand.commandLine(System.getenv(), System.console()).execute(args);
        System.exit(code);
    }
}
