package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0163: a questionnaire's string answer whose question says it is a name, initials, a phone number, an e-mail,
 * an address or a record number is that identifier, on the token path (NDJSON) and on HAPI's (an XML Bundle). One-word
 * answers ("WO", "Willa", "Tad") passed the free-text scrubber; the other answers stay as they were. The run learns
 * the answers, so a note of the export loses them too. Synthetic values; messages name items, never values.
 */
class FhirIdentifyingAnswersTest {

    @TempDir
    Path dir;

    private static final String PATIENT = FhirBirthDateAnswersTest.PATIENT;
    private static final String ANSWERS = "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"qr1\",\"status\":\"completed\","
            + "\"subject\":{\"reference\":\"Patient/pt1\"},\"item\":["
            + "{\"linkId\":\"1\",\"text\":\"Subject initials\",\"answer\":[{\"valueString\":\"WO\"}]},"
            + "{\"linkId\":\"2\",\"text\":\"Mother's maiden name\",\"answer\":[{\"valueString\":\"Quillfeather\"}]},"
            + "{\"linkId\":\"g\",\"text\":\"Contacts\",\"item\":[{\"linkId\":\"g.1\",\"text\":\"Preferred name\","
            + "\"answer\":[{\"valueString\":\"Willa\"}]},{\"linkId\":\"g.2\",\"text\":\"Emergency contact phone\","
            + "\"answer\":[{\"valueString\":\"781 555 0198\"}]},{\"linkId\":\"g.3\",\"text\":\"E-mail address\","
            + "\"answer\":[{\"valueString\":\"willa.q@quillmail.net\"}]}]},"
            + "{\"linkId\":\"nickname\",\"answer\":[{\"valueString\":\"Tad\"}]},"
            + "{\"linkId\":\"5\",\"text\":\"Smoking status\",\"answer\":[{\"valueString\":\"Former smoker\"}]},"
            + "{\"linkId\":\"6\",\"text\":\"Pain score\",\"answer\":[{\"valueInteger\":7}]},"
            + "{\"linkId\":\"7\",\"text\":\"How old are you?\",\"answer\":[{\"valueInteger\":93}]},"
            + "{\"linkId\":\"8\",\"text\":\"Age of your youngest child\",\"answer\":[{\"valueInteger\":91}]},"
            + "{\"linkId\":\"age\",\"answer\":[{\"valueDecimal\":45.5}]}]}";
    private static final String NOTE = "{\"resourceType\":\"Observation\",\"id\":\"ob1\",\"status\":\"final\","
            + "\"code\":{\"text\":\"Social history\"},\"subject\":{\"reference\":\"Patient/pt1\"},"
            + "\"valueString\":\"Willa lives alone; Tad visits weekly.\"}";

    private String run(String format) throws Exception {
        return FhirTestRun.safeHarbor().runAs(dir, format, List.of(PATIENT, ANSWERS, NOTE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "xml"})
    void anAnswerItsQuestionSaysIdentifiesIsThatIdentifier(String format) throws Exception {
        String out = run(format);
        List<String> strings = FhirTestRun.values(out, "valueString");
        assertEquals(List.of("[NAME]", "[NAME]", "[NAME]", "[PHONE]", "[EMAIL]", "[NAME]", "Former smoker",
                "[NAME] lives alone; [NAME] visits weekly."), strings, "answers in item order, then the note");
        for (String planted : List.of("WO\"", "Quillfeather", "Willa", "555 0198", "quillmail", "Tad")) {
            assertFalse(out.contains(planted), "a planted identifier is in the output (" + format + ")");
        }
        assertTrue(out.contains("Smoking status") && out.contains("Preferred name"), "the questions stay");
        assertTrue(FhirTestRun.values(out, "valueInteger").contains("7") || out.contains("\"valueInteger\":7"), "the score stays");
        List<String> numbers = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"value(?:Integer|Decimal)\":([0-9.]+)|<value(?:Integer|Decimal)"
                + " value=\"([0-9.]+)\"").matcher(out);
        while (m.find()) {
            numbers.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertEquals(List.of("7", "90", "91", "45.5"), numbers,
                "an age over 89 is 90; the child's age is no answer about the patient's age, a score and 45.5 stay");
    }
}
