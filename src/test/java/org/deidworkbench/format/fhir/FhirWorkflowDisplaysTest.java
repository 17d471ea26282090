package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0190: the display of a reference to a person in workflow and security resources (an audit event's user, a
 * task's owner, an appointment's participant, a flag's or care plan's author, …) is removed as decision 0122 removes a
 * performer's, on the token path (NDJSON) and on HAPI's (an XML Bundle). A login is no name the scrubber reads.
 */
class FhirWorkflowDisplaysTest {

    @TempDir
    Path dir;

    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Fennimore\","
            + "\"given\":[\"Ottoline\"]}],\"birthDate\":\"1948-02-11\"}";

    private static final String AUDIT = "{\"resourceType\":\"AuditEvent\",\"id\":\"ae1\",\"type\":{\"code\":\"rest\"},"
            + "\"recorded\":\"2023-03-02T10:00:00Z\",\"agent\":[{\"who\":{\"display\":\"jblomqvist\"},\"altId\":\"cb44871\","
            + "\"name\":\"Blomqvist, Cressida\",\"requestor\":true}],\"source\":{\"observer\":{\"display\":\"EHR-PROD-07\"}},"
            + "\"entity\":[{\"what\":{\"reference\":\"Patient/p1\"}}]}";

    private static final String TASK = "{\"resourceType\":\"Task\",\"id\":\"t1\",\"status\":\"requested\",\"intent\":\"order\","
            + "\"for\":{\"reference\":\"Patient/p1\"},\"owner\":{\"display\":\"Hyacinth Dunmore RN\"},"
            + "\"requester\":{\"display\":\"Lorcan Whitlock MD\"},\"authoredOn\":\"2023-03-05\"}";

    private static final String APPOINTMENT = "{\"resourceType\":\"Appointment\",\"id\":\"a1\",\"status\":\"booked\","
            + "\"start\":\"2023-04-01T09:00:00Z\",\"end\":\"2023-04-01T09:30:00Z\",\"participant\":[{\"actor\":{\"reference\":"
            + "\"Patient/p1\"},\"status\":\"accepted\"},{\"actor\":{\"display\":\"Dr. Severine Okonkwo-Bright\"},"
            + "\"status\":\"accepted\"}]}";

    private static final String FLAG = "{\"resourceType\":\"Flag\",\"id\":\"f1\",\"status\":\"active\",\"code\":{\"text\":"
            + "\"Fall risk\"},\"subject\":{\"reference\":\"Patient/p1\"},\"author\":{\"display\":\"tgreenhalgh\"}}";

    private static final String CARE_PLAN = "{\"resourceType\":\"CarePlan\",\"id\":\"cp1\",\"status\":\"active\",\"intent\":"
            + "\"plan\",\"subject\":{\"reference\":\"Patient/p1\"},\"author\":{\"display\":\"Marisol Thackeray, NP\"}}";

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void aPersonsDisplayInWorkflowAndSecurityResourcesIsRemoved(String format) throws Exception {
        String out = FhirTestRun.safeHarbor().runAs(dir, format, List.of(PATIENT, AUDIT, TASK, APPOINTMENT, FLAG, CARE_PLAN));
        FhirTestRun.assertNoIdentifier(out, List.of("jblomqvist", "cb44871", "Blomqvist", "Cressida", "Dunmore", "Hyacinth",
                "Whitlock", "Lorcan", "Okonkwo-Bright", "Severine", "tgreenhalgh", "Thackeray", "Marisol"));
        assertTrue(out.contains("requestor"), "the agent stays, without who it was");
        assertTrue(out.contains("Fall risk"), "the flag's code is kept");
        assertTrue(out.contains("accepted"), "the participants stay");
    }
}
