package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deid bench fhir} measures both sides (and the baseline written and forced as deid writes) the same
 * number of rounds after the same warm-up, Bundles and NDJSON apart, and reports every round (best and median
 * are taken from them).
 */
class FhirBenchmarkTest {

    @Test
    void bothSidesGetTheSameRoundsAndTheBestAndMedianComeFromThem(@TempDir Path scratch) throws Exception {
        List<FhirBenchmark.Result> results = FhirBenchmark.run(Path.of("sample-data", "fhir"), scratch,
                ProfileLoader.read("csv-template"), 3, 1, true);

        assertEquals(List.of("bundles", "NDJSON"), results.stream().map(FhirBenchmark.Result::group).toList());
        for (FhirBenchmark.Result r : results) {
            assertEquals(1, r.warmUpPasses());
            assertTrue(r.resources() > 0 && r.files() > 0, r.toString());
            for (FhirBenchmark.Rounds side : List.of(r.baseline(), r.pipeline(), r.durable())) {
                assertEquals(3, side.wall().length);
                assertEquals(3, side.cpu().length);
                assertEquals(3, side.jitSeconds().length);
                double[] sorted = side.wall().clone();
                java.util.Arrays.sort(sorted);
                assertEquals(sorted[0], side.bestWall());
                assertEquals(sorted[1], side.medianWall());
                assertTrue(side.bestCpu() <= side.medianCpu());
            }
            assertEquals(r.baseline().bestWall() / r.pipeline().bestWall(), r.ratio());
            assertEquals(r.baseline().medianCpu() / r.pipeline().medianCpu(), r.medianCpuRatio());
            assertEquals(r.durable().bestWall() / r.pipeline().bestWall(), r.durableRatio());
            // the Java threads' CPU (without the JIT's and the collector's threads) for the baseline and the pipeline;
            // not for the +sync side, whose forcing threads end within its rounds
            for (FhirBenchmark.Rounds side : List.of(r.baseline(), r.pipeline())) {
                assertEquals(3, side.threadCpu().length);
                assertTrue(side.bestThreadCpu() > 0 && side.bestThreadCpu() <= side.medianThreadCpu(), r.toString());
            }
            assertEquals(r.baseline().bestThreadCpu() / r.pipeline().bestThreadCpu(), r.threadCpuRatio());
            assertEquals(r.baseline().medianThreadCpu() / r.pipeline().medianThreadCpu(), r.medianThreadCpuRatio());
            assertTrue(Double.isNaN(r.durable().bestThreadCpu()));
        }
        // the baseline written as deid writes leaves nothing behind in the scratch folder
        assertFalse(java.nio.file.Files.exists(scratch.resolve("durable")));
    }

    @Test
    void aLinkInTheInputIsReadByNeitherSideAsARunReadsNone(@TempDir Path scratch) throws Exception {
        // A link the run withholds was read by the baseline alone: the pipeline's time was of nothing, its ratio 121x.
        Path in = scratch.resolve("in");
        java.nio.file.Files.createDirectories(in);
        java.nio.file.Files.copy(Path.of("sample-data", "fhir", "bulk", "Patient.ndjson"), in.resolve("Patient.ndjson"));
        java.nio.file.Files.createSymbolicLink(in.resolve("Encounter.ndjson"),
                Path.of("sample-data", "fhir", "bulk", "Encounter.ndjson").toAbsolutePath());
        List<FhirBenchmark.Result> results = FhirBenchmark.run(in, scratch.resolve("work"),
                ProfileLoader.read("csv-template"), 1, 0, true);

        assertEquals(1, results.size());
        assertEquals(1, results.get(0).files(), "the Patients only");
        assertEquals(java.nio.file.Files.lines(in.resolve("Patient.ndjson")).count(), results.get(0).resources());
    }

    @Test
    void withoutTheBaselineOnlyThePipelineIsMeasured(@TempDir Path scratch) throws Exception {
        List<FhirBenchmark.Result> results = FhirBenchmark.run(Path.of("sample-data", "fhir", "bulk"), scratch,
                ProfileLoader.read("csv-template"), 2, 0, false);

        assertEquals(1, results.size());
        FhirBenchmark.Result r = results.get(0);
        assertFalse(r.baseline().measured());
        assertFalse(r.durable().measured());
        assertTrue(Double.isNaN(r.baselineSeconds()));
        assertEquals(2, r.pipeline().wall().length);
        assertEquals(0, r.warmUpPasses());
        assertTrue(r.resources() > 0, "resources written by the pipeline");
    }

    @Test
    void anEvenNumberOfRoundsHasTheMeanOfTheMiddleTwoAsItsMedian() {
        FhirBenchmark.Rounds r = new FhirBenchmark.Rounds(new double[] {4, 1, 3, 2}, new double[] {1, 1, 1, 1},
                new double[] {0, 0, 0, 0});
        assertEquals(1, r.bestWall());
        assertEquals(2.5, r.medianWall());
    }
}
