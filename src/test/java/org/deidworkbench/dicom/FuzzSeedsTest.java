package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FuzzSeedsTest {

    @Test
    void everyTruncationOfTheSmallSeedIsCommitted() throws Exception {
        byte[] seed = DicomTestFiles.fixture("small_seed.dcm");
        for (int n = 0; n <= seed.length; n++) {
            String name = "DicomReaderFuzzTestInputs/readerNeverFailsUnexpectedly/" + FuzzSeeds.name(n);
            try (InputStream in = FuzzSeedsTest.class.getResourceAsStream(name)) {
                assertArrayEquals(Arrays.copyOf(seed, n), in == null ? null : in.readAllBytes(),
                        name + ": rerun FuzzSeeds.main");
            }
        }
    }
}
