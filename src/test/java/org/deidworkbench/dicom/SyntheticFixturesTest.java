package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticFixturesTest {

    @Test
    void committedFixturesAreWhatTheGeneratorProduces() throws Exception {
        for (Map.Entry<String, byte[]> f : SyntheticFixtures.all().entrySet()) {
            assertArrayEquals(f.getValue(), DicomTestFiles.fixture(f.getKey()),
                    f.getKey() + " differs: rerun SyntheticFixtures.main (see fixtures/README.md)");
        }
    }

    @Test
    void fuzzSeedIsSmall() {
        assertTrue(DicomTestFiles.fixture("small_seed.dcm").length < 600);
    }
}
