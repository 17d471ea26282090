package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A FHIRPath rule is skipped only where it cannot match: its guard sees every element FHIRPath sees. */
class FhirRuleGuardTest {

    @TempDir
    Path dir;

    @Test
    void identifierInsideAPrimitivesExtensionIsStillFoundByAnOfTypeRule() throws Exception {
        // descendants() also walks the extensions of primitive values (here: of birthDate), so
        // national-id must remove this SSN rather than leave it to the later identifier rule.
        String json = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"_status\":{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\","
                + "\"valueIdentifier\":{\"system\":\"http://hl7.org/fhir/sid/us-ssn\",\"value\":\"987-65-4329\"}}]}}";
        Path in = FhirTestRun.write(dir, "o.json", json);
        FhirTestRun run = FhirTestRun.safeHarbor();
        String out = new String(run.run(in).get(0), StandardCharsets.UTF_8);
        assertFalse(out.contains("\"value\""), out);
    }
}
