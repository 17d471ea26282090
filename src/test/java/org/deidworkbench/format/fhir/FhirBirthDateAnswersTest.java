package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A birth date given as a questionnaire's answer or as an observation (LOINC 21112-8) is written as
 * {@code Patient.birthDate} is, the year of the shifted date (decision 0124), on the token path (NDJSON) and on HAPI's
 * (an XML Bundle); other dates of the same resources stay shifted dates.
 */
class FhirBirthDateAnswersTest {

    @TempDir
    Path dir;

    /** A Patient with an MRN and a birth date, whom the questionnaire tests' responses are about. */
    static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"pt1\",\"identifier\":[{\"type\":{\"coding\":"
            + "[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"value\":\"MRN5512\"}],"
            + "\"birthDate\":\"1958-11-02\"}";
    /** A birth date under an item saying so, one nested in a group, one under a LOINC linkId; a visit date apart. */
    private static final String ANSWERS = "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"qr1\",\"status\":\"completed\","
            + "\"subject\":{\"reference\":\"Patient/pt1\"},\"item\":[{\"linkId\":\"dob\",\"text\":\"Date of birth\","
            + "\"answer\":[{\"valueDate\":\"1958-11-02\"}]},{\"linkId\":\"g1\",\"text\":\"About you\",\"item\":[{\"linkId\":"
            + "\"g1.1\",\"text\":\"Your birth date\",\"answer\":[{\"valueDate\":\"1958-11-02\"}]}]},{\"linkId\":\"21112-8\","
            + "\"answer\":[{\"valueDateTime\":\"1958-11-02T04:10:00-05:00\"}]},{\"linkId\":\"last-visit\","
            + "\"text\":\"Date of your last visit\",\"answer\":[{\"valueDate\":\"2022-11-15\"}]}]}";
    private static final String OBSERVATION = "{\"resourceType\":\"Observation\",\"id\":\"ob1\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"21112-8\"}]},\"subject\":{\"reference\":"
            + "\"Patient/pt1\"},\"effectiveDateTime\":\"2023-02-06T10:00:00-05:00\",\"valueDateTime\":\"1958-11-02\"}";
    private static final String PANEL = "{\"resourceType\":\"Observation\",\"id\":\"ob2\",\"status\":\"final\","
            + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"76690-7\"}]},\"subject\":{\"reference\":"
            + "\"Patient/pt1\"},\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"21112-8\"}]},"
            + "\"valueDateTime\":\"1958-11-02\"},{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8302-2\"}]},"
            + "\"valueQuantity\":{\"value\":172,\"unit\":\"cm\"}}]}";

    private String run(String format) throws Exception {
        return FhirTestRun.safeHarbor().runAs(dir, format, List.of(PATIENT, ANSWERS, OBSERVATION, PANEL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void aBirthDateAnsweredOrObservedIsWrittenAsThePatientsBirthDate(String format) throws Exception {
        String out = run(format);
        List<String> birth = FhirTestRun.values(out, "birthDate");
        assertEquals(1, birth.size(), out);
        assertTrue(birth.get(0).matches("\\d{4}"), "the patient's birth date is a year: " + birth.get(0));
        List<String> dates = FhirTestRun.values(out, "valueDate");
        assertEquals(3, dates.size(), out);
        assertEquals(birth.get(0), dates.get(0), "the answer under 'Date of birth'");
        assertEquals(birth.get(0), dates.get(1), "the answer nested in a group, 'Your birth date'");
        assertTrue(dates.get(2).matches("\\d{4}-\\d{2}-\\d{2}") && !dates.get(2).equals("2022-11-15"),
                "another answer's date is shifted: " + dates.get(2));
        List<String> dateTimes = FhirTestRun.values(out, "valueDateTime");
        assertEquals(List.of(birth.get(0), birth.get(0), birth.get(0)), dateTimes,
                "the answer under linkId 21112-8, the observation, the panel's component");
        assertTrue(FhirTestRun.values(out, "effectiveDateTime").get(0).length() > 10, "the observation's own time stays a date-time");
    }

    /**
     * The rule costs the scan nothing: no identifier rule follows it, so an Observation's scan needs no FHIRPath hits
     * (an identifier rule after it would make the scan build every Observation's tree).
     */
    @org.junit.jupiter.api.Test
    void theScanOfAnObservationNeedsNoFhirPathHits() throws Exception {
        Rules rules = new Rules(FhirFixtures.safeHarbor().section(org.deidworkbench.model.FhirSection.KEY,
                org.deidworkbench.model.FhirSection.class).orElseThrow());
        assertTrue(!rules.scanNeedsPaths("Observation", java.util.Set.of("CodeableConcept", "Coding", "Reference",
                "dateTime", "Quantity", "string", "uri", "code")));
        assertTrue(rules.anyPathPossible("Observation", java.util.Set.of("CodeableConcept", "Coding", "dateTime")),
                "the rule is evaluated on an Observation when it is cleaned");
    }
}
