package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.deid.JsonText;
import org.junit.jupiter.api.Test;

/** Decision 0172: the name a JSON member is decided by, where it stands. */
class JsonCellsTest {

    private static JsonText.Member member(String json, String key, int nth) {
        List<JsonText.Member> all = JsonText.members(json);
        return all.stream().filter(m -> m.key().equals(key)).skip(nth).findFirst().orElseThrow();
    }

    private static String name(String json, String key) {
        return JsonCells.contextName(member(json, key, 0));
    }

    @Test
    void fhirMembersAreNamedWhereTheyStand() {
        assertEquals("last_name", name("{\"name\":[{\"family\":\"X\",\"given\":[\"Y\"]}]}", "family"));
        assertEquals("last_name", name("{\"contact\":[{\"name\":{\"text\":\"X Y\"}}]}", "text"));
        assertEquals("address", name("{\"address\":[{\"line\":[\"1 A St\"],\"city\":\"B\"}]}", "line"));
        assertEquals("city", name("{\"address\":[{\"line\":[\"1 A St\"],\"city\":\"B\"}]}", "city"));
        assertEquals("county", name("{\"address\":{\"district\":\"Ulster\"}}", "district"));
        assertEquals("zip", name("{\"address\":{\"postalCode\":\"12601\"}}", "postalCode"));
        assertEquals("email", name("{\"telecom\":[{\"system\":\"email\",\"value\":\"a@b.c\"}]}", "value"));
        assertEquals("phone", name("{\"telecom\":[{\"system\":\"phone\",\"value\":\"555\"}]}", "value"));
        assertEquals("ssn", name("{\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\",\"value\":\"1\"}]}",
                "value"));
        assertEquals("mrn", name("{\"masterIdentifier\":{\"system\":\"urn:oid:1.2\",\"value\":\"DOC-1\"}}", "value"));
        assertEquals("maiden_name", name("{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/"
                + "patient-mothersMaidenName\",\"valueString\":\"V\"}]}", "valueString"));
        assertEquals("birthPlace", name("{\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/"
                + "patient-birthPlace\",\"valueAddress\":\"x\"}]}", "valueAddress"));
        assertEquals("photo", name("{\"photo\":[{\"contentType\":\"image/jpeg\",\"data\":\"/9j/\"}]}", "data"));
        assertEquals("device_id", name("{\"lotNumber\":\"LOT1\"}", "lotNumber"));
        assertEquals("accession", name("{\"series\":[{\"uid\":\"1.2.3\"}]}", "uid"));
    }

    @Test
    void aDisplayIsAPersonsNameUnlessItNamesACodeOrAnOrganization() {
        assertEquals("name", name("{\"subject\":{\"reference\":\"Patient/1\",\"display\":\"A B\"}}", "display"));
        assertEquals("name", name("{\"location\":{\"reference\":\"Location/1\",\"display\":\"RM 4\"}}", "display"));
        assertEquals("display", name("{\"coding\":[{\"system\":\"s\",\"code\":\"c\",\"display\":\"Heart rate\"}]}",
                "display"), "a code's display is decided by its own name, which no identifier rule names");
        assertEquals("name", name("{\"performer\":[{\"display\":\"Dr. A B\"}]}", "display"));
        assertNull(name("{\"serviceProvider\":{\"display\":\"Mercy Valley Health System\"}}", "display"));
        assertNull(name("{\"performer\":[{\"reference\":\"Organization/o1\",\"display\":\"Lab\"}]}", "display"));
        assertNull(name("{\"insurance\":[{\"coverage\":{\"display\":\"Medicaid\"}}]}", "display"),
                "a coverage's display: a plan, which a Synthea-like export names beside its type");
    }

    @Test
    void aNameIsAPersonsUnlessItsObjectIsAnOrganizationAPlaceOrATest() {
        assertEquals("name", name("{\"resourceType\":\"Practitioner\",\"name\":\"A B\"}", "name"));
        assertEquals("name", name("{\"patient\":{\"name\":\"A B\"}}", "name"));
        assertNull(name("{\"resourceType\":\"Organization\",\"name\":\"Mercy\"}", "name"));
        assertNull(name("{\"test\":{\"name\":\"Hemoglobin A1c\"}}", "name"));
        assertEquals("name", name("{\"resourceType\":\"Location\",\"alias\":[\"4N-412-A\"]}", "alias"),
                "a room's other name");
        assertEquals("alias", name("{\"resourceType\":\"Organization\",\"alias\":[\"Mercy\"]}", "alias"));
        assertNull(name("{\"medication\":{\"name\":\"Metformin\"}}", "name"));
    }

    @Test
    void codesAndSystemsAreKeptWhenTheyLookLikeOne() {
        assertTrue(org.deidworkbench.deid.DocumentMembers.code(member("{\"code\":\"44054006\"}", "code", 0)));
        assertTrue(org.deidworkbench.deid.DocumentMembers.code(member("{\"system\":\"http://hl7.org/fhir/StructureDefinition/patient-mothers"
                + "MaidenName-and-more\"}", "system", 0)), "a system of more than 64 characters");
        assertTrue(org.deidworkbench.deid.DocumentMembers.code(member("{\"extension\":[{\"url\":\"http://x/y\"}]}", "url", 0)));
        assertFalse(org.deidworkbench.deid.DocumentMembers.code(member("{\"attachment\":{\"url\":\"http://x/Mueller.pdf\"}}", "url", 0)),
                "an attachment's url is no code");
        assertFalse(org.deidworkbench.deid.DocumentMembers.code(member("{\"code\":\"Pt called from home\"}", "code", 0)), "white space: text");
        assertFalse(org.deidworkbench.deid.DocumentMembers.code(member("{\"code\":\"{\\\"name\\\":\\\"X\\\"}\"}", "code", 0)), "a document");
    }

    @Test
    void theDocumentsPatientIsAPatientsIdElseTheSubjectItReferences() {
        assertEquals("p1", JsonCells.patientId(JsonText.members("{\"resourceType\":\"Patient\",\"id\":\"p1\"}")));
        assertEquals("p2", JsonCells.patientId(JsonText.members(
                "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"subject\":{\"reference\":\"Patient/p2/_history/3\"}}")));
        assertEquals("884213", JsonCells.patientId(org.deidworkbench.deid.XmlText.members("<ClinicalDocument>"
                + "<id extension=\"DOC1\"/><recordTarget><patientRole><id extension=\"884213\" root=\"1.2\"/>"
                + "</patientRole></recordTarget></ClinicalDocument>")), "a CDA's record target");
        assertNull(JsonCells.patientId(JsonText.members(
                "{\"resourceType\":\"Encounter\",\"id\":\"e\",\"serviceProvider\":{\"reference\":\"Patient/x\"}}")));
    }
}
