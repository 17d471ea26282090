package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0133: the Mexican, Chilean and Thai corpus folders (Windows-874 read and written, Buddhist Era dates shifted,
 * the new finders) come out byte-identical at one and at two threads, on copies of one key file.
 */
class LatinAmericanAndThaiDeterminismTest {

    private static final char[] PASSPHRASE = "determinism-passphrase".toCharArray();

    @ParameterizedTest
    @ValueSource(strings = {"mx", "cl", "th"})
    void aFolderComesOutTheSameAtOneAndTwoThreads(String folder, @TempDir Path dir) throws Exception {
        sameAtOneAndTwoThreads(folder, dir, 0);
    }

    /**
     * Runs a corpus folder at one and at two threads on copies of one key file and asserts every CSV output
     * byte-identical, and every file but {@code withheld} of them written.
     */
    static void sameAtOneAndTwoThreads(String folder, Path dir, int withheld) throws Exception {
        Path input = dir.resolve(folder);
        SampleData.copyTree(AdversarialCorpusTest.ROOT.resolve(folder), input);
        Path key = dir.resolve("study.deidkey");
        KeyFileStore.create(key, KeyFileContents.newProject(Instant.now()), PASSPHRASE, List.of());
        Files.copy(key, dir.resolve("second.deidkey"));
        for (int threads = 1; threads <= 2; threads++) {
            new RunJob(new RunRequest(List.of(input), dir.resolve("out" + threads),
                    threads == 1 ? key : dir.resolve("second.deidkey"), false, PASSPHRASE,
                    ProfileLoader.read("csv-template"), threads), RunListener.NONE).run();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("out1"))) {
            files = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("deid-"))
                    .toList(); // every data file (CSV, NDJSON), not the run's report and manifest
        }
        assertEquals(new java.io.File(input.toString()).list().length - withheld, files.size(), "a file was not written");
        for (Path one : files) {
            Path two = dir.resolve("out2").resolve(dir.resolve("out1").relativize(one));
            assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two), one.getFileName() + " differs");
        }
    }
}
