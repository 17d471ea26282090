package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verifier on the three sample exports (CSV, DICOM, FHIR) run through {@code deid run}: the output is
 * clean and read value by value, while the inputs, verified the same way, have hits in every data file.
 */
class VerifySampleOutputTest {

    private static final char[] PASSPHRASE = "verify-sample-passphrase".toCharArray();
    private static final List<Path> SAMPLES = List.of(Path.of("sample-data", "csv"), Path.of("sample-data", "dicom"),
            Path.of("sample-data", "fhir"));

    @TempDir
    static Path shared;

    private static Path out;
    private static KeyFileContents keys;

    @BeforeAll
    static void runAllSamples() throws Exception {
        Path key = shared.resolve("study.deidkey");
        KeyFileStore.save(key, KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH), PASSPHRASE, List.of());
        out = shared.resolve("out");
        new RunJob(new RunRequest(SAMPLES, out, key, false, PASSPHRASE, ProfileLoader.read("csv-template"), 2),
                RunListener.NONE).run();
        keys = KeyFileStore.open(key, PASSPHRASE);
        SampleData.addIdentifiersTo(keys);
    }

    @Test
    void theDeidentifiedSamplesOfEveryFormatHaveNoHits() throws Exception {
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        assertTrue(r.clean(), () -> r.hits().toString());
    }

    @Test
    void theDeidentifiedSamplesOfEveryFormatAreReadValueByValue() throws Exception {
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        assertEquals(List.of(), r.notScanned());
    }

    @Test
    void everyDataFileOfTheOriginalSamplesHasHits() throws Exception {
        // copied under neutral names, so that each file's hits are those of its contents
        Path originals = Files.createDirectories(shared.resolve("originals"));
        List<String> dataFiles = new ArrayList<>();
        for (Path sample : SAMPLES) {
            try (Stream<Path> walk = Files.walk(sample)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals("README.md")) {
                        String copy = String.format("file-%02d%s", dataFiles.size(), name.contains(".")
                                ? name.substring(name.lastIndexOf('.')) : "");
                        Files.copy(p, originals.resolve(copy));
                        dataFiles.add(copy);
                    }
                }
            }
        }
        VerifyReport r = new VerifyJob(originals, keys, false, 2).run();
        Set<String> withHits = new TreeSet<>();
        r.hits().forEach(f -> withHits.add(f.path()));
        assertEquals(new TreeSet<>(dataFiles), withHits);
    }
}
