package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cleaned outputs re-parse with HAPI and validate against the base R4 structure definitions, with
 * HAPI's validator running offline (no terminology server). The first validation costs ~10 s.
 */
class FhirValidationTest {

    private static FhirValidator validator;

    @TempDir
    Path dir;

    @BeforeAll
    static void validator() {
        var ctx = Fhir.context();
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(ctx),
                new CommonCodeSystemsTerminologyService(ctx), new InMemoryTerminologyServerValidationSupport(ctx),
                new SnapshotGeneratingValidationSupport(ctx));
        validator = ctx.newValidator().registerValidatorModule(new FhirInstanceValidator(chain));
    }

    private static void assertValid(String text) {
        ValidationResult result = validator.validateWithResult(text);
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertEquals("", errors.stream().map(m -> m.getLocationString() + ": " + m.getMessage())
                .collect(Collectors.joining("\n")));
    }

    @Test
    void validatorRejectsAnInvalidResource() {
        ValidationResult result = validator.validateWithResult("{\"resourceType\":\"Patient\",\"gender\":\"robot\"}");
        assertEquals(true, result.getMessages().stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR));
    }

    @Test
    void cleanedTransactionBundleIsValidR4() throws Exception {
        Path in = FhirTestRun.write(dir, "b.json", FhirFixtures.json(FhirFixtures.transaction(), true));
        assertValid(new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8));
    }

    @Test
    void cleanedNdjsonResourcesAreValidR4() throws Exception {
        Path in = FhirTestRun.write(dir, "x.ndjson", FhirFixtures.bulk().stream().map(r -> FhirFixtures.json(r, false))
                .collect(Collectors.joining("\n", "", "\n")));
        for (String line : new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8).split("\n")) {
            assertValid(line);
        }
    }

    @Test
    void cleanedXmlBundleIsValidR4() throws Exception {
        Path in = FhirTestRun.write(dir, "b.xml", FhirFixtures.xml(FhirFixtures.transaction(), true));
        assertValid(new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8));
    }
}
