package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.FhirSection;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0150: the rules {@code kvnr} and {@code institution-ik} of {@code fhir-safe-harbor} (a KVNR's value removed,
 * an institution's IK kept) and the kept ICD-10-GM side extension give the same bytes on the token path as on HAPI's, for
 * each resource of the corpus's MII core data set export ({@code de-fhir}); where the token path answers for a resource
 * it still does (a FHIRPath rule it cannot evaluate would hand every resource to HAPI, decision 0146).
 */
class GermanKdsTokenPathTest {

    private static final Path DE_FHIR = Path.of("src", "test", "resources", "org", "deidworkbench", "adversarial",
            "de-fhir");

    private static FhirRun run;

    private static synchronized FhirRun run() throws Exception {
        if (run == null) {
            FhirSection section = FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow();
            run = FhirFixtures.run(section);
            String patient = Files.readString(DE_FHIR.resolve("Patient.ndjson"), StandardCharsets.UTF_8).strip();
            Resource p = FhirParsing.parse(patient, false, "", new FhirParsing.Dropped());
            new ResourceCleaner(run, false, new FileTally("scan", false), false).process(p, "");
            run.engine.freezeIdentifiers();
        }
        return run;
    }

    private static String hapi(String text) throws Exception {
        ResourceCleaner cleaner = new ResourceCleaner(run(), true, new FileTally("f", false), false);
        try {
            Resource r = FhirParsing.parse(text, false, "line 1", new FhirParsing.Dropped());
            cleaner.process(r, "line 1");
            return FhirParsing.encode(r, false, false);
        } catch (FormatException e) {
            return "refused " + e.code();
        }
    }

    private static String tokens(String text) throws Exception {
        FileTally tally = new FileTally("f", false);
        ResourceCleaner cleaner = new ResourceCleaner(run(), true, tally, false);
        try {
            return new JsonTransform(run(), cleaner, tally).transform(text, "line 1");
        } catch (JsonScan.Fallback e) {
            return null;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Patient", "Encounter", "Condition", "Procedure", "Observation", "MedicationStatement"})
    void theTokenPathAndHapiCleanAKdsResourceAlike(String type) throws Exception {
        String text = Files.readString(DE_FHIR.resolve(type + ".ndjson"), StandardCharsets.UTF_8).strip();
        String viaHapi = hapi(text);
        String viaTokens = tokens(text);
        if (viaTokens != null) {
            assertEquals(viaHapi, viaTokens, type);
        }
        if (type.equals("Patient")) {
            assertTrue(viaHapi.contains("\"system\":\"http://fhir.de/sid/gkv/kvid-10\",\"assigner\""), viaHapi);
            assertTrue(viaHapi.contains("\"value\":\"101575519\""), "the insurer's IK went: " + viaHapi);
        }
        if (type.equals("Encounter") || type.equals("Condition") || type.equals("Observation")) {
            assertTrue(viaTokens != null, type + ": the token path left it to HAPI");
        }
    }
}
