package org.deidworkbench.job;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0138: the {@code opaque} corpus folder (columns classified by their values, national numbers by their check
 * digits, a SAS export's ids joined under their header, a headerless file withheld) comes out byte-identical at one and
 * at two threads, on copies of one key file.
 */
class OpaqueHeadersDeterminismTest {

    @Test
    void theOpaqueFolderComesOutTheSameAtOneAndTwoThreads(@TempDir Path dir) throws Exception {
        // every file but the one whose first line is data (withheld)
        LatinAmericanAndThaiDeterminismTest.sameAtOneAndTwoThreads("opaque", dir, 1);
    }
}
