package org.deidworkbench.dicom;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes the regression seeds of {@link DicomReaderFuzzTest}: every truncation (0..n bytes) of
 * the fixture {@code small_seed.dcm}. Run {@code main} with the project directory; about 160 KB in
 * total. {@code FuzzSeedsTest} checks the committed seeds are complete.
 */
public final class FuzzSeeds {

    static final String SEED_DIR =
            "src/test/resources/org/deidworkbench/dicom/DicomReaderFuzzTestInputs/readerNeverFailsUnexpectedly";

    private FuzzSeeds() {
    }

    /** Regenerates the seed files. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".").resolve(SEED_DIR);
        Files.createDirectories(dir);
        byte[] seed = DicomTestFiles.fixture("small_seed.dcm");
        for (int n = 0; n <= seed.length; n++) {
            Files.write(dir.resolve(name(n)), Arrays.copyOf(seed, n));
        }
    }

    static String name(int length) {
        return String.format("small_seed_%04d", length);
    }
}
