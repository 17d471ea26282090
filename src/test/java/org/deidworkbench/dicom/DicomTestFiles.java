package org.deidworkbench.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: access to the committed fixtures and to external corpora and tools. */
public final class DicomTestFiles {

    static final Path PYDICOM_DATA = Path.of("/usr/lib/python3/dist-packages/pydicom/data");

    private DicomTestFiles() {
    }

    /** The bytes of a committed fixture. */
    static byte[] fixture(String name) {
        try (InputStream in = DicomTestFiles.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * dicom3tools' {@code dciodvfy -new} of {@code file}: its whole report (which names the IOD it checked against) and
     * its error lines. Call only when {@code onPath("dciodvfy")}.
     */
    public static Dciodvfy dciodvfy(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("dciodvfy", "-new", file.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("dciodvfy did not finish within 60 s on " + file);
        }
        return new Dciodvfy(text, text.lines().filter(l -> l.startsWith("Error")).toList());
    }

    /** What {@link #dciodvfy} reports. */
    public record Dciodvfy(String text, java.util.List<String> errors) {
    }

    /** True when an executable of that name is on the PATH. */
    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Output of a finished process. */
    record Run(String stdout, String stderr, int exit) {
    }

    /** Runs a command, keeping stdout and stderr apart (stderr goes through a temp file, so no deadlock). */
    static Run runSplit(String... command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            int code = p.waitFor();
            return new Run(new String(out, java.nio.charset.StandardCharsets.ISO_8859_1),
                    Files.readString(err, java.nio.charset.StandardCharsets.ISO_8859_1), code);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command and returns stdout+stderr; the exit code is appended as a last line {@code exit=N}. */
    static String run(Path workDir, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1) + "\nexit=" + code;
    }
}
