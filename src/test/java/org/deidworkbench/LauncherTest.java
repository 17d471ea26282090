package org.deidworkbench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.deidworkbench.cli.DeidCommand;
import org.deidworkbench.cli.ExitCode;
import org.deidworkbench.cli.GuiCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The launcher decides between command line and window without loading JavaFX for the command line. */
class LauncherTest {

    @Test
    void bareStartOnADesktopOpensTheWorkbench() {
        assertArrayEquals(new String[] {"gui"}, Launcher.arguments(new String[0], true));
    }

    @Test
    void bareStartWithoutADisplayGoesToTheCommandLineUsage() {
        assertArrayEquals(new String[0], Launcher.arguments(new String[0], false));
    }

    @Test
    void argumentsAlwaysGoToTheCommandLine() {
        assertArrayEquals(new String[] {"run", "x"}, Launcher.arguments(new String[] {"run", "x"}, true));
    }

    @Test
    void linuxWithoutDisplayVariablesHasNoDisplay() {
        assertFalse(Launcher.hasDisplay(Map.of(), "Linux", false));
    }

    @Test
    void linuxWithX11OrWaylandHasADisplay() {
        assertTrue(Launcher.hasDisplay(Map.of("DISPLAY", ":0"), "Linux", false));
        assertTrue(Launcher.hasDisplay(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux", false));
    }

    @Test
    void windowsAndMacHaveADesktopUnlessHeadless() {
        assertTrue(Launcher.hasDisplay(Map.of(), "Windows 11", false));
        assertTrue(Launcher.hasDisplay(Map.of(), "Mac OS X", false));
        assertFalse(Launcher.hasDisplay(Map.of(), "Mac OS X", true));
    }

    @Test
    void guiCommandWithoutADesktopExplainsAndExitsWithUsage() {
        StringWriter err = new StringWriter();
        CommandLine cl = DeidCommand.commandLine(Map.of(), null, null);
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(ExitCode.USAGE, cl.execute("gui"));
        assertTrue(err.toString().contains("needs a desktop"), err::toString);
    }

    @Test
    void guiCommandHandsItsPathsToTheDesktop() {
        List<List<String>> started = new ArrayList<>();
        GuiCommand.Desktop desktop = new GuiCommand.Desktop() {
            @Override
            public boolean available() {
                return true;
            }

            @Override
            public int start(List<String> args) {
                started.add(args);
                return 0;
            }
        };
        assertEquals(0, DeidCommand.commandLine(Map.of(), null, desktop).execute("gui", "sample-data"));
        assertEquals(List.of(List.of("sample-data")), started);
    }

    @Test
    void commandLineRunsWithoutJavaFxOnTheClassPath() throws IOException, InterruptedException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("openjfx") && !p.contains("javafx") && !p.contains("testfx"))
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classpath, "-verbose:class",
                Launcher.class.getName(), "profile", "list");
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("csv-template"), output);
        assertFalse(output.contains("javafx."), "a JavaFX class was loaded by the command line");
    }
}
