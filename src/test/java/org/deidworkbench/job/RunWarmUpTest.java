package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A run warms its last steps up on a background thread (decision 0093). The report part must really render a
 * report (else it builds no serializer the run's report needs) and must not change how reports render.
 */
class RunWarmUpTest {

    @Test
    void theReportWarmUpRendersAWholeReportAndLeavesRenderingAsItWas() throws Exception {
        String before = ReportJson.write(java.util.Map.of("a", java.util.List.of(1, 2)));
        int length = ReportJson.warmUp();
        assertTrue(length > 200, "the placeholder report rendered to " + length + " characters");
        assertEquals(before, ReportJson.write(java.util.Map.of("a", java.util.List.of(1, 2))));
        JsonNode placeholder = new ObjectMapper().readTree(ReportJson.render(
                org.deidworkbench.model.RunReport.of("t", new org.deidworkbench.model.RunReport.ProfileInfo("p", "s", "k"),
                        java.util.List.of(), 0, 0, new org.deidworkbench.model.RunReport.RunInfo("", "", 0, 1, 0))));
        assertEquals("t", placeholder.get("tool").asText());
    }
}
