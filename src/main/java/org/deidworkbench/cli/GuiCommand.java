package org.deidworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code deid gui}: opens the workbench window. The CLI knows no JavaFX: the window is started
 * through a {@link Desktop} the launcher hands in, so this command (and its help) works everywhere
 * and only starting it needs a display.
 */
@Command(name = GuiCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Open the DeID Workbench window.",
            "See every file before and after, tune the rules with a live preview, run, and manage the key file.",
            "Needs a desktop (on Linux: DISPLAY or WAYLAND_DISPLAY)."})
public final class GuiCommand implements Callable<Integer> {

    /** The subcommand's name; the launcher runs it when started without arguments on a desktop. */
    public static final String NAME = "gui";

    /** Where the window comes from: given by the launcher, absent in tests and on servers. */
    public interface Desktop {
        /** Whether a window can be opened here. */
        boolean available();

        /** Opens the workbench and returns its exit code when the last window closes. */
        int start(List<String> args);
    }

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders or files to open.")
    List<Path> paths = new ArrayList<>();

    private final Desktop desktop;

    GuiCommand(Desktop desktop) {
        this.desktop = desktop;
    }

    @Override
    public Integer call() {
        if (desktop == null || !desktop.available()) {
            throw new CliException(ExitCode.USAGE, "the workbench needs a desktop, and none is available here"
                    + " (on Linux, DISPLAY or WAYLAND_DISPLAY is not set); every other command works without one:"
                    + " see deid --help", null);
        }
        List<String> args = new ArrayList<>();
        paths.forEach(p -> args.add(p.toString()));
        return desktop.start(args);
    }
}
