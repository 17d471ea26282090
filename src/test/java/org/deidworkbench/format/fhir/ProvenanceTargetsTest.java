package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the analysis pass takes from a run's Provenance and AuditEvent files (decision 0215), and what it leaves. */
class ProvenanceTargetsTest {

    @TempDir
    Path dir;

    @Test
    void theTargetsOfProvenanceLinesAndOfAnAuditEventFileAreFollowedButNotPatientsOrOtherFilesLines() throws Exception {
        Path provenance = FhirTestRun.write(dir, "Provenance.ndjson",
                "{\"resourceType\":\"Provenance\",\"id\":\"pv1\",\"target\":[{\"reference\":\"Observation/o1\"},"
                        + "{\"reference\":\"https://ehr.example.org/fhir/R4/Condition/c7\"}],"
                        + "\"recorded\":\"2023-03-01T09:31:00Z\"}\n"
                        + "{\"resourceType\":\"Provenance\",\"id\":\"pv0\",\"target\":[{\"reference\":\"Observation/o8\"},"
                        + "{\"reference\":\"Patient/p1\"}]}\n"
                        + "{not json\n"
                        + "{\"target\":[{\"reference\":\"Encounter/e5\"}],\"resourceType\":\"Provenance\",\"id\":\"pv2\"}\n");
        Path audit = FhirTestRun.write(dir, "audit.json", "{\n  \"resourceType\": \"AuditEvent\",\n  \"id\": \"ae1\",\n"
                + "  \"entity\": [ { \"what\": { \"reference\": \"DocumentReference/d1\" } } ]\n}\n");
        Path mixed = FhirTestRun.write(dir, "mixed.ndjson",
                "{\"resourceType\":\"Observation\",\"id\":\"o3\",\"status\":\"final\",\"code\":{\"text\":\"x\"}}\n"
                        + "{\"resourceType\":\"Provenance\",\"id\":\"pv3\",\"target\":[{\"reference\":\"Observation/o4\"}]}\n");
        Path bundle = FhirTestRun.write(dir, "bundle.json", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Provenance\",\"id\":\"pv4\",\"target\":[{\"reference\":\"Observation/o5\"}]}}]}");
        ProvenanceTargets t = ProvenanceTargets.of(List.of(provenance, audit, mixed, bundle), org.deidworkbench.format.FileTasks.HERE, () -> false);
        assertTrue(t.contains("Observation/o1"));
        assertTrue(t.contains("Condition/c7"), "an absolute reference by its type and id");
        assertTrue(t.contains("Encounter/e5"), "a line after one that is not JSON; resourceType after target");
        assertTrue(t.contains("DocumentReference/d1"), "a pretty-printed AuditEvent file");
        assertFalse(t.contains("Patient/p1"), "a Patient target gives its patient by the compartment already");
        assertFalse(t.contains("Observation/o8"), "nor are the other targets of a Provenance with a Patient target");
        assertFalse(t.contains("Observation/o4"), "a file whose first line is another type is not read further");
        assertFalse(t.contains("Observation/o5"), "a Bundle's Provenance: its entries are in the Bundle");
        assertFalse(t.contains("Observation/o3"));
    }

    @Test
    void aRunWithoutProvenanceFollowsNothing() throws Exception {
        Path observations = FhirTestRun.write(dir, "Observation.ndjson",
                "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":{\"text\":\"Provenance\"}}\n");
        assertTrue(ProvenanceTargets.of(List.of(observations), org.deidworkbench.format.FileTasks.HERE, () -> false).isEmpty());
    }
}
