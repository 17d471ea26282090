package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Test helper: the DICOM standard's tables outside the repository and the generators that read them. */
final class StandardData {

    private StandardData() {
    }

    /** The shared folder with dicom-standard/ (env DEID_SHARED_DIR, else ../shared or /work/shared). */
    static Optional<Path> sharedFolder() {
        String env = System.getenv("DEID_SHARED_DIR");
        List<Path> candidates = env != null
                ? List.of(Path.of(env))
                : List.of(Path.of("../shared"), Path.of("../../shared"), Path.of("/work/shared"));
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p.resolve("dicom-standard/confidentiality_profile_attributes.json")))
                .findFirst();
    }

    /** The shared folder; the test is skipped, saying why, without it. */
    static Path requireSharedFolder() {
        Optional<Path> shared = sharedFolder();
        Assumptions.assumeTrue(shared.isPresent(),
                "shared folder with dicom-standard/confidentiality_profile_attributes.json not found "
                        + "(set DEID_SHARED_DIR)");
        return shared.get();
    }

    /** Runs a generator in tools/dicom to standard output and checks it equals the committed resource. */
    static void assertGeneratorReproduces(Path generator, Path resource) throws Exception {
        Path shared = requireSharedFolder();
        Process process;
        try {
            process = new ProcessBuilder("python3", generator.toString(), shared.toString(), "-")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            Assumptions.abort("python3 not installed: apt-get install python3");
            return;
        }
        byte[] generated = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "generator did not finish");
        assertEquals(0, process.exitValue(), "generator exit code");
        assertEquals(Files.readString(resource, StandardCharsets.UTF_8), new String(generated, StandardCharsets.UTF_8));
    }
}
