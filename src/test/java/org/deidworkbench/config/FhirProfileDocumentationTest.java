package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.junit.jupiter.api.Test;

/** The complete fhir: example in profiles.md loads to the section it documents. */
class FhirProfileDocumentationTest {

    private static String exampleFromDoc() throws Exception {
        String doc = Files.readString(Path.of("src/site/markdown/profiles.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("### Complete example of a `fhir:` section");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    @Test
    void docFhirExampleLoadsToTheDocumentedSection() throws Exception {
        FhirSection s = ProfileLoader.parse(exampleFromDoc(), "fhir-study.yaml").section(FhirSection.KEY, FhirSection.class)
                .orElseThrow();
        assertEquals("fhir-study.yaml", s.source());
        assertEquals(List.of("ssn", "record-numbers", "names", "names", "zip", "address", "dates", "dates", "dates", "text",
                "text", "text", "attachments"), s.rules().stream().map(FhirRule::id).toList());
        assertEquals(FhirSection.ResourceIds.PSEUDONYMIZE, s.resourceIds());
        assertEquals("Patient.identifier.where(system = 'http://hospital.example.org/mrn').value", s.subjectIdPath());
        assertEquals(List.of("http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex"), s.extensions().keep());
        assertEquals(new ActionSpec.Keep(), s.defaultSpec());
    }
}
