package org.deidworkbench.job;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0142: the {@code ages} corpus folder (SAS numeric dates read and written back as day numbers, old dates of a
 * column classified by its values aggregated, ages in notes and FHIR observations topped) comes out byte-identical at
 * one and at two threads, on copies of one key file: its CSV files and its NDJSON alike.
 */
class AgesDeterminismTest {

    @Test
    void theAgesFolderComesOutTheSameAtOneAndTwoThreads(@TempDir Path dir) throws Exception {
        LatinAmericanAndThaiDeterminismTest.sameAtOneAndTwoThreads("ages", dir, 0);
    }
}
