package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No identifier of the synthetic fixtures survives, in any encoding FHIR files come in. */
class FhirLeakTest {

    @TempDir
    Path dir;

    @Test
    void transactionBundleJsonLeaksNoIdentifier() throws Exception {
        Path in = FhirTestRun.write(dir, "bundle.json", FhirFixtures.json(FhirFixtures.transaction(), true));
        String out = new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
        FhirTestRun.assertNoIdentifier(out, FhirFixtures.IDENTIFIERS);
    }

    @Test
    void transactionBundleXmlLeaksNoIdentifier() throws Exception {
        Path in = FhirTestRun.write(dir, "bundle.xml", FhirFixtures.xml(FhirFixtures.transaction(), true));
        String out = new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
        FhirTestRun.assertNoIdentifier(out, FhirFixtures.IDENTIFIERS);
    }

    @Test
    void xmlCommentsAreNotWritten() throws Exception {
        String xml = FhirFixtures.xml(FhirFixtures.patient(), true).replaceFirst("<id ",
                "<!-- Hortensia Quagmire-Blythe, MRN " + FhirFixtures.MRN + " --><id ");
        xml = xml.replaceFirst("<gender ", "<!-- called 555-867-5309 --><gender ");
        Path in = FhirTestRun.write(dir, "patient.xml", "<!-- Pemberton Falls -->" + xml);
        String out = new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
        FhirTestRun.assertNoIdentifier(out, FhirFixtures.IDENTIFIERS);
        assertEquals(-1, out.indexOf("<!--"));
    }

    @Test
    void extensionOfATimingFollowsThePolicy() throws Exception {
        // HAPI lists no extensions among a Timing's (Dosage's, ...) children; they must still be seen.
        String json = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"effectiveTiming\":{\"extension\":[{\"url\":\"http://example.org/fhir/note\",\"valueString\":"
                + "\"Hortensia Quagmire-Blythe\"}],\"event\":[\"2024-03-02\"]}}";
        Path in = FhirTestRun.write(dir, "o.json", json);
        String out = new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
        FhirTestRun.assertNoIdentifier(out, FhirFixtures.IDENTIFIERS);
    }

    @Test
    void narrativeOfAQuestionnaireIsScrubbed() throws Exception {
        // HAPI lists no text, contained or extensions among the children of Questionnaire, Library, ...
        String json = "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"text\":{\"status\":\"generated\","
                + "\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Call 555-867-5309</div>\"}}";
        Path in = FhirTestRun.write(dir, "q.json", json);
        String out = new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
        FhirTestRun.assertNoIdentifier(out, List.of("555-867-5309"));
    }

    @Test
    void ndjsonBulkExportLeaksNoIdentifier() throws Exception {
        List<Resource> bulk = FhirFixtures.bulk();
        Path in = FhirTestRun.write(dir, "export.ndjson", bulk.stream().map(r -> FhirFixtures.json(r, false))
                .collect(Collectors.joining("\n", "", "\n")));
        FhirTestRun run = FhirTestRun.safeHarbor();
        String out = new String(run.run(in).get(0), StandardCharsets.UTF_8);
        FhirTestRun.assertNoIdentifier(out, FhirFixtures.IDENTIFIERS);
        assertEquals(3, out.lines().count());
    }
}
