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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0142: the {@code ages} corpus folder (SAS numeric dates read and written back as day numbers, old dates of a
 * column classified by its values aggregated, ages in notes and FHIR observations topped) comes out byte-identical at
 * one and at two threads, on copies of one key file: its CSV files and its NDJSON alike.
 */
class AgesDeterminismTest {

    private static final char[] PASSPHRASE = "determinism-passphrase".toCharArray();

    @Test
    void theAgesFolderComesOutTheSameAtOneAndTwoThreads(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("ages");
        SampleData.copyTree(AdversarialCorpusTest.ROOT.resolve("ages"), input);
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
                    .toList();
        }
        assertEquals(new java.io.File(input.toString()).list().length, files.size(), "a file was not written");
        for (Path one : files) {
            Path two = dir.resolve("out2").resolve(dir.resolve("out1").relativize(one));
            assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two), one.getFileName() + " differs");
        }
    }
}
