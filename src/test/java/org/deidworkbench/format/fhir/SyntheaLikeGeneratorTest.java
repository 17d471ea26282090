package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The FHIR bench's corpus generator ({@code tools/fhir/synthea_like.py}, decision 0101) keeps its tests beside it in
 * Python; this runs them with the build, so a change to the generator that breaks its default output (byte-identical
 * to before) or its per-patient Bundles fails the suite.
 */
class SyntheaLikeGeneratorTest {

    @Test
    void theGeneratorsOwnTestsPass() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "tools/fhir/test_synthea_like.py").redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 not installed");
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the generator's tests did not finish");
        assertEquals(0, p.exitValue(), out);
    }
}
