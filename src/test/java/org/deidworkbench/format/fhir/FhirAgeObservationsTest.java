package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0142: an age over 89 given as an observation's quantity in years (LOINC 30525-0 "Age", 21612-7 "Age -
 * Reported", as a resource or a component) becomes 90, as an Age element does; a lab value of 94 and an age in months
 * stay as written.
 */
class FhirAgeObservationsTest {

    @TempDir
    Path dir;

    private static String observation(String id, String loinc, String quantity) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"" + loinc + "\"}]},\"subject\":{\"reference\":\"Patient/pt1\"},"
                + "\"valueQuantity\":" + quantity + "}";
    }

    private String run() throws Exception {
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"pt1\",\"birthDate\":\"1958-11-02\"}";
        String panel = "{\"resourceType\":\"Observation\",\"id\":\"ob9\",\"status\":\"final\",\"code\":{\"coding\":[{"
                + "\"system\":\"http://loinc.org\",\"code\":\"76690-7\"}]},\"subject\":{\"reference\":\"Patient/pt1\"},"
                + "\"component\":[{\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"30525-0\"}]},"
                + "\"valueQuantity\":{\"value\":98,\"unit\":\"years\"}}]}";
        List<String> resources = List.of(patient,
                observation("ob1", "30525-0", "{\"value\":97,\"unit\":\"a\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"a\"}"),
                observation("ob2", "21612-7", "{\"value\":96,\"unit\":\"yr\"}"),
                observation("ob3", "718-7", "{\"value\":94,\"unit\":\"g/L\"}"),
                observation("ob4", "30525-0", "{\"value\":95,\"unit\":\"mo\",\"code\":\"mo\"}"),
                observation("ob5", "30525-0", "{\"value\":67,\"unit\":\"a\",\"code\":\"a\"}"), panel);
        Path in = FhirTestRun.write(dir, "export.ndjson", String.join("\n", resources) + "\n");
        return new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
    }

    @Test
    void anAgeObservationOver89InYearsBecomes90() throws Exception {
        String out = run();
        for (String age : List.of("\"value\":97", "\"value\":96", "\"value\":98")) {
            assertTrue(!out.contains(age), "an age observation over 89 is left");
        }
        assertTrue(out.contains("\"value\":90,\"unit\":\"a\""), "the age observation was not topped at 90");
        assertTrue(out.contains("\"value\":90,\"unit\":\"years\""), "the age component was not topped at 90");
    }

    @Test
    void aLabValueAnAgeInMonthsAndAnAgeUpTo89StayAsWritten() throws Exception {
        String out = run();
        assertTrue(out.contains("\"value\":94,\"unit\":\"g/L\""), "a lab value of 94 was changed");
        assertTrue(out.contains("\"value\":95,\"unit\":\"mo\""), "an age in months was changed");
        assertTrue(out.contains("\"value\":67,\"unit\":\"a\""), "an age up to 89 was changed");
    }
}
