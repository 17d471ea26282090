package org.deidworkbench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deidworkbench.cli.DeidCommand;
import org.deidworkbench.cli.GuiCommand;

/**
 * Entry point of the {@code deid} jar. A plain class, not a JavaFX {@code Application}, so that the
 * command line starts without JavaFX on the module path — and without loading a single JavaFX class:
 * the workbench is reached only through {@link #desktop()}, whose lambda names the {@code gui}
 * package, so a server without a display (or without the JavaFX jars) runs every other command.
 *
 * <p>Arguments go to the command line. No arguments on a desktop open the workbench (as
 * {@code deid gui} does); no arguments without a display print the usage.
 */
public final class Launcher {

    private Launcher() {
    }

    /** Runs the command line (or the workbench) and exits with its documented exit code. */
    public static void main(String[] args) {
        String[] effective = arguments(args, hasDisplay(System.getenv(), System.getProperty("os.name", ""),
                Boolean.getBoolean("java.awt.headless")));
        int code = DeidCommand.commandLine(System.getenv(), System.console(), desktop()).execute(effective);
        System.exit(code);
    }

    /** The arguments to hand to the command line: {@code gui} when started bare on a desktop. */
    static String[] arguments(String[] args, boolean display) {
        return args.length == 0 && display ? new String[] {GuiCommand.NAME} : args;
    }

    /**
     * Whether a window can be opened: on Linux and the BSDs an X11 or Wayland display must be named;
     * Windows and macOS always have a desktop unless Java was told it is headless.
     */
    static boolean hasDisplay(Map<String, String> env, String osName, boolean headless) {
        if (headless) {
            return false;
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank() || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }

    /** The workbench, started only when {@code deid gui} runs; the gui package loads JavaFX. */
    static GuiCommand.Desktop desktop() {
        return new GuiCommand.Desktop() {
            @Override
            public boolean available() {
                return hasDisplay(System.getenv(), System.getProperty("os.name", ""),
                        Boolean.getBoolean("java.awt.headless"));
            }

            @Override
            public int start(List<String> args) {
                return org.deidworkbench.gui.Workbench.launch(args);
            }
        };
    }
}
