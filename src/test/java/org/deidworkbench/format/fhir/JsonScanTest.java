package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirSection;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonScan} reports exactly what scanning with HAPI reports, wherever it answers: on the
 * sample data and fixtures, on random resources (valid and broken) and under Jazzer, for the
 * built-in profile, for one without FHIRPath rules (so that it answers for Patients too) and for one
 * whose default counts as an identifier and keeps every extension.
 */
class JsonScanTest {

    /** Records what a scan reports, in a canonical order (the engine does not depend on the order). */
    static final class Recorder implements ScanSink {
        final Set<String> effects = new TreeSet<>();

        @Override
        public void patient(String key, String subjectId) {
            effects.add("patient " + key + " -> " + subjectId);
        }

        @Override
        public void identifier(ActionSpec spec, String label, String value, String subjectId, List<String> owners) {
            effects.add("identifier " + spec + " [" + label + "] " + value + " of " + subjectId
                    + (owners.isEmpty() ? "" : " owned by " + owners));
        }

        @Override
        public void ownIds(String subjectId, String id, String fullUrl) {
            effects.add("own ids " + id + " " + fullUrl + " of " + subjectId);
        }

        @Override
        public void subject(String subjectId) {
            effects.add("subject " + subjectId);
        }

        @Override
        public void owned(String key, List<String> owners) {
            effects.add("content " + key + " owned by " + owners);
        }
    }

    private static final List<FhirRun> RUNS = new ArrayList<>();

    private static synchronized List<FhirRun> runs() throws Exception {
        if (RUNS.isEmpty()) {
            for (FhirSection section : FhirFixtures.scanSections(true)) {
                RUNS.add(FhirFixtures.run(section));
            }
        }
        return RUNS;
    }

    /** HAPI's report for a JSON text, or what it refused it with. */
    static Set<String> hapi(FhirRun run, String text) {
        Recorder r = new Recorder();
        try {
            Resource resource = FhirParsing.parse(text, false, "", new FhirParsing.Dropped());
            new ResourceCleaner(run, false, new FileTally("t", false), false, r).process(resource, "");
            return r.effects;
        } catch (FormatException e) {
            return Set.of("refused " + e.code());
        } catch (RuntimeException e) {
            return Set.of("failed " + e.getClass().getSimpleName());
        }
    }

    /** {@link JsonScan}'s report, or {@code null} where it leaves the text to HAPI. */
    static Set<String> lean(FhirRun run, String text) throws Exception {
        Recorder r = new Recorder();
        try {
            new JsonScan(run, r).scan(text, (one, n, into) -> {
                Resource entry = FhirParsing.parse(one, false, "entry " + n, new FhirParsing.Dropped());
                ResourceCleaner c = new ResourceCleaner(run, false, new FileTally("t", false), false, into);
                c.process(entry, "");
            });
            return r.effects;
        } catch (JsonScan.Fallback | FormatException e) {
            return null;
        }
    }

    /**
     * The property: where the lean scan answers, it reports what HAPI reports; where HAPI refuses the
     * text, it reports nothing (a refused resource teaches nothing; the transform pass then refuses
     * it with HAPI's own error).
     */
    static boolean assertAgrees(FhirRun run, String text) throws Exception {
        Set<String> lean = lean(run, text);
        if (lean != null) {
            Set<String> hapi = hapi(run, text);
            boolean refused = hapi.size() == 1 && hapi.iterator().next().startsWith("refused ");
            if (refused) {
                assertEquals(Set.of(), lean, text);
            } else {
                assertEquals(hapi, lean, text);
            }
        }
        return lean != null;
    }

    private static List<String> corpus() throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("sample-data/fhir"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                if (f.toString().endsWith(".ndjson")) {
                    text.lines().filter(l -> !l.isBlank()).forEach(texts::add);
                } else if (f.toString().endsWith(".json")) {
                    texts.add(text);
                }
            }
        }
        texts.add(FhirFixtures.json(FhirFixtures.transaction(), true));
        texts.add(FhirFixtures.json(FhirFixtures.patient(), false));
        for (Resource r : FhirFixtures.bulk()) {
            texts.add(FhirFixtures.json(r, false));
        }
        return texts;
    }

    @Test
    void agreesWithHapiOnTheSampleDataAndFixtures() throws Exception {
        int answered = 0;
        for (FhirRun run : runs()) {
            for (String text : corpus()) {
                answered += assertAgrees(run, text) ? 1 : 0;
            }
        }
        assertTrue(answered > 10, "the lean scan answers for most of the corpus: " + answered);
    }

    @Test
    void agreesWithHapiOnRandomResources() throws Exception {
        Random random = new Random(20261130);
        RandomFhirJson.Source source = random::nextInt;
        int answered = 0;
        int total = 0;
        for (int i = 0; i < 1500; i++) {
            FhirRun run = runs().get(i % 3);
            String text = RandomFhirJson.resource(source);
            total++;
            answered += assertAgrees(run, text) ? 1 : 0;
        }
        assertTrue(answered > total / 5, "the lean scan answers for a good share: " + answered + " of " + total);
    }

    @FuzzTest(maxDuration = "30s")
    void leanScanNeverDisagreesWithHapi(FuzzedDataProvider data) throws Exception {
        FhirRun run = runs().get(data.consumeInt(0, 2));
        String text = RandomFhirJson.resource(n -> data.remainingBytes() == 0 ? 0 : data.consumeInt(0, n - 1));
        assertAgrees(run, text);
    }

    @Test
    void aPatientsMrnIsReportedAsItsSubjectAndIndexesIt() throws Exception {
        Set<String> report = lean(runs().get(1), FhirFixtures.json(FhirFixtures.patient(), false));
        assertNotNull(report);
        assertTrue(report.contains("subject " + FhirFixtures.MRN), report::toString);
        assertTrue(report.contains("patient Patient/pat-1 -> " + FhirFixtures.MRN), report::toString);
    }

    @Test
    void aResourceWithAnElementR4DoesNotDefineIsLeftToHapi() throws Exception {
        assertNull(lean(runs().get(1), "{\"resourceType\":\"Observation\",\"status\":\"final\",\"colour\":\"red\"}"));
    }

    @Test
    void aPossibleFhirPathIdentifierRuleIsEvaluatedOnTheTreeWhereItCanBe() throws Exception {
        String withIdentifier = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"identifier\":[{\"value\":\"1\"}]}";
        assertTrue(assertAgrees(runs().get(0), withIdentifier));
        String contained = "{\"resourceType\":\"Observation\",\"contained\":[{\"resourceType\":\"Patient\",\"id\":\"p\","
                + "\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\",\"value\":\"916-47-3574\"}]}],"
                + "\"status\":\"final\",\"subject\":{\"reference\":\"#p\"}}";
        // the hits of a resource and its contained ones are evaluated on the tree too (decision 0047)
        assertTrue(assertAgrees(runs().get(0), contained), "contained resources' FHIRPath hits come from the tree");
        assertTrue(lean(runs().get(0), contained).stream().anyMatch(n -> n.contains("916-47-3574")),
                "the contained Patient's SSN is noted");
        for (int i = 0; i < 12; i++) {
            String claim = JsonTransformTest.claim(i, "Patient/p100200");
            assertTrue(assertAgrees(runs().get(i % 3), claim), claim);
        }
    }

    @Test
    void patientsWithIdentifierRulesAreScannedWithoutHapiAndAgree() throws Exception {
        Random rng = new Random(17);
        int answered = 0;
        for (int i = 0; i < 60; i++) {
            for (String text : List.of(JsonTransformTest.patient(i, rng), JsonTransformTest.syntheaPatient(i),
                    JsonTransformTest.withMeta(JsonTransformTest.patient(i, rng), i))) {
                answered += assertAgrees(runs().get(0), text) ? 1 : 0;
            }
        }
        assertTrue(answered > 150, "Patients under fhir-safe-harbor's identifier rules: " + answered + " of 180");
        String ssn = "{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\","
                + "\"value\":\"916-47-3574\"},{\"value\":\"200001\"}]}";
        assertTrue(assertAgrees(runs().get(0), ssn));
        assertEquals(hapi(runs().get(0), ssn), lean(runs().get(0), ssn));
    }

    @Test
    void aResourceNoFhirPathRuleCanMatchIsReadWithoutHapi() throws Exception {
        String observation = "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"glucose\"}}";
        assertEquals(Set.of(), lean(runs().get(0), observation));
    }

    @Test
    void onlyThePatientsOwnIdentifierValuesAndTypesChooseItsSubject() throws Exception {
        // The assigner's identifier and a coding in an extension are not Patient.identifier.value/type.
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"identifier\":["
                + "{\"system\":\"http://a.org\",\"value\":\"A-1\",\"assigner\":{\"identifier\":{\"value\":\"ORG-9\"}},"
                + "\"extension\":[{\"url\":\"http://hl7.org/fhir/StructureDefinition/data-absent-reason\","
                + "\"valueCoding\":{\"code\":\"MR\"}}]},"
                + "{\"type\":{\"coding\":[{\"code\":\"MR\"}]},\"system\":\"http://b.org\",\"value\":\"B-2\"}]}";
        for (FhirRun run : runs().subList(1, 3)) {
            Set<String> lean = lean(run, patient);
            assertNotNull(lean);
            assertTrue(lean.contains("subject B-2"), lean::toString);
            assertEquals(hapi(run, patient), lean);
        }
    }

    /** Bundles of every type holding Patients (and Observations) the FHIRPath identifier rules select. */
    static List<String> patientBundles(long seed) {
        Random rng = new Random(seed);
        List<String> out = new ArrayList<>();
        String[] types = {"collection", "transaction", "batch", "searchset", "document", "message"};
        for (int b = 0; b < 12; b++) {
            String type = types[b % types.length];
            StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"" + type + "\",\"entry\":[");
            for (int e = 0; e < 6; e++) {
                int i = b * 6 + e;
                String resource = e % 3 == 0 ? JsonTransformTest.patient(i, rng)
                        : e % 3 == 1 ? JsonTransformTest.syntheaPatient(i)
                        : "{\"resourceType\":\"Observation\",\"id\":\"o" + i + "\",\"status\":\"final\","
                                + "\"identifier\":[{\"system\":\"http://lab.example.org\",\"value\":\"L-" + i + "\"}],"
                                + "\"subject\":{\"reference\":\"urn:uuid:" + String.format("%08d", i - 2) + "-aaaa-bbbb-cccc-000000000000\"}}";
                sb.append(e == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(String.format("%08d", i))
                        .append("-aaaa-bbbb-cccc-000000000000\",\"resource\":").append(resource);
                if (type.equals("transaction") || type.equals("batch")) {
                    sb.append(",\"request\":{\"method\":\"POST\",\"url\":\"")
                            .append(e % 3 == 2 ? "Observation" : "Patient").append("\"}");
                }
                if (type.equals("searchset")) {
                    sb.append(",\"search\":{\"mode\":\"match\"}");
                }
                sb.append('}');
            }
            out.add(sb.append("]}").toString());
        }
        return out;
    }

    @Test
    void patientEntriesOfBundlesAreScannedWithoutHapiUnderIdentifierRulesAndAgree() throws Exception {
        int bundles = 0;
        for (String bundle : patientBundles(23)) {
            int[] handedToHapi = {0};
            Recorder r = new Recorder();
            new JsonScan(runs().get(0), r).scan(bundle, (one, n, into) -> handedToHapi[0]++);
            assertEquals(0, handedToHapi[0], "entries handed to HAPI");
            assertEquals(hapi(runs().get(0), bundle), r.effects);
            assertTrue(r.effects.stream().anyMatch(x -> x.startsWith("subject ")), r.effects::toString);
            for (FhirRun run : runs()) {
                assertTrue(assertAgrees(run, bundle));
            }
            bundles++;
        }
        assertEquals(12, bundles);
    }

    /**
     * Encounter entries (a FHIRPath identifier rule, {@code Encounter.identifier.value}, names their type):
     * with and without an identifier, pretty and compact, beside Patients and Observations; where the
     * Encounter has nothing an identifier rule can match, its FHIRPath rules are not evaluated
     * (decision 0063), and the Bundle's report is still HAPI's, read without handing any entry to it.
     */
    @Test
    void encounterEntriesWithAndWithoutIdentifiersAreScannedAsHapiScansThem() throws Exception {
        String[] encounters = {
            "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                    + "\"subject\":{\"reference\":\"urn:uuid:00000000-aaaa-bbbb-cccc-000000000000\"},"
                    + "\"period\":{\"start\":\"2020-01-02T10:00:00Z\"}}",
            "{\"resourceType\":\"Encounter\",\"id\":\"e2\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                    + "\"identifier\":[{\"system\":\"http://visits.example.org\",\"value\":\"V-77123\"}]}",
            "{\"resourceType\":\"Encounter\",\"id\":\"e3\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                    + "\"serviceProvider\":{\"identifier\":{\"value\":\"ORG-5\"}}}",
            "{\"resourceType\":\"Encounter\",\"id\":\"e4\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                    + "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\">Seen by"
                    + " Dr Quillfeather</div>\"}}"};
        Random rng = new Random(63);
        int answered = 0;
        for (int b = 0; b < 8; b++) {
            StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
            sb.append("{\"fullUrl\":\"urn:uuid:00000000-aaaa-bbbb-cccc-000000000000\",\"resource\":")
                    .append(JsonTransformTest.syntheaPatient(b)).append(",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}");
            for (int e = 0; e < 6; e++) {
                String resource = encounters[(b + e + rng.nextInt(4)) % encounters.length];
                sb.append(",{\"fullUrl\":\"urn:uuid:").append(String.format("%08d", b * 10 + e + 1))
                        .append("-aaaa-bbbb-cccc-000000000000\",\"resource\":").append(resource)
                        .append(",\"request\":{\"method\":\"POST\",\"url\":\"Encounter\"}}");
            }
            String compact = sb.append("]}").toString();
            String pretty = FhirParsing.encode(FhirParsing.parse(compact, false, "", new FhirParsing.Dropped()), false, true);
            for (String bundle : List.of(compact, pretty)) {
                int[] handedToHapi = {0};
                Recorder r = new Recorder();
                new JsonScan(runs().get(0), r).scan(bundle, (one, n, into) -> handedToHapi[0]++);
                assertEquals(0, handedToHapi[0], "entries handed to HAPI");
                assertEquals(hapi(runs().get(0), bundle), r.effects, bundle);
                for (FhirRun run : runs()) {
                    answered += assertAgrees(run, bundle) ? 1 : 0;
                }
            }
        }
        assertEquals(48, answered);
    }
    /**
     * A Bundle entry or NDJSON line whose resource type needed the FHIRPath rules' hits last time is read
     * with them at once (decision 0083). Whether that guess is right (a Patient with identifiers after
     * another) or wrong (a Patient or Encounter with nothing an identifier rule can match after one that
     * had), in any order, the report is HAPI's, and no entry is handed to HAPI.
     */
    @Test
    void resourcesReadOnAGuessOfTheirFhirPathHitsReportWhatHapiReports() throws Exception {
        String[] resources = {
            JsonTransformTest.syntheaPatient(1),
            "{\"resourceType\":\"Patient\",\"id\":\"p-bare\",\"name\":[{\"family\":\"Quillfeather\",\"given\":[\"Ada\"]}],"
                    + "\"birthDate\":\"1950-02-03\"}",
            JsonTransformTest.syntheaPatient(2),
            "{\"resourceType\":\"Patient\",\"id\":\"p-ssn\",\"identifier\":[{\"system\":\"http://hl7.org/fhir/sid/us-ssn\","
                    + "\"value\":\"999-12-3456\"}],\"name\":[{\"family\":\"Oakhollow\"}]}",
            "{\"resourceType\":\"Encounter\",\"id\":\"e2\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"},"
                    + "\"identifier\":[{\"system\":\"http://visits.example.org\",\"value\":\"V-77123\"}]}",
            "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"status\":\"finished\",\"class\":{\"code\":\"AMB\"}}"};
        Random rng = new Random(83);
        for (int round = 0; round < 12; round++) {
            List<String> order = new ArrayList<>(List.of(resources));
            Collections.shuffle(order, rng);
            for (FhirRun run : runs()) {
                StringBuilder sb = new StringBuilder("{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[");
                for (int i = 0; i < order.size(); i++) {
                    String resource = order.get(i);
                    // as an NDJSON line
                    Set<String> lean = lean(run, resource);
                    assertNotNull(lean, resource);
                    assertEquals(hapi(run, resource), lean, resource);
                    sb.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(String.format("%08d", round * 10 + i))
                            .append("-aaaa-bbbb-cccc-000000000000\",\"resource\":").append(resource).append('}');
                }
                String bundle = sb.append("]}").toString();
                int[] handedToHapi = {0};
                Recorder r = new Recorder();
                new JsonScan(run, r).scan(bundle, (one, n, into) -> handedToHapi[0]++);
                assertEquals(0, handedToHapi[0], "entries handed to HAPI");
                assertEquals(hapi(run, bundle), r.effects, bundle);
            }
        }
    }

    /**
     * The resources an attachment names (a document's {@code Binary/b7}, a Bundle's {@code urn:uuid:} entry, a
     * Patient's photo) are reported as content owned by the resource's references into the Patient compartment, or by
     * the Patient itself, as HAPI's scan reports them, a server's absolute URL of a resource too (decision 0217); a
     * contained resource's attachment and a URL of another scheme name no content of the export (decision 0214).
     */
    @Test
    void whatAnAttachmentNamesIsReportedAsTheContentOfItsResourcesPatientAsHapiReportsIt() throws Exception {
        String document = "{\"resourceType\":\"DocumentReference\",\"id\":\"d1\",\"status\":\"current\","
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"content\":[{\"attachment\":{\"contentType\":"
                + "\"text/plain\",\"url\":\"Binary/b7\"}},{\"attachment\":{\"url\":\"https://ehr.example.org/Binary/b8\"}},"
                + "{\"attachment\":{\"url\":\"ftp://ehr.example.org/Binary/b6\"}}],"
                + "\"contained\":[{\"resourceType\":\"DocumentReference\",\"id\":\"c1\",\"status\":\"current\","
                + "\"content\":[{\"attachment\":{\"url\":\"Binary/b9\"}}]}]}";
        String report = "{\"resourceType\":\"DiagnosticReport\",\"id\":\"r1\",\"status\":\"final\",\"code\":{\"text\":\"CT\"},"
                + "\"subject\":{\"reference\":\"urn:uuid:00000000-aaaa-bbbb-cccc-000000000000\"},"
                + "\"presentedForm\":[{\"contentType\":\"application/pdf\",\"url\":\"urn:uuid:00000001-aaaa-bbbb-cccc-000000000000\"}]}";
        String patient = "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"photo\":[{\"url\":\"Binary/photo-1\"}]}";
        for (FhirRun run : runs()) {
            Set<String> lean = lean(run, document);
            assertNotNull(lean, document);
            assertTrue(lean.contains("content Binary/b7 owned by [Patient/p1]"), lean.toString());
            assertTrue(lean.contains("content Binary/b8 owned by [Patient/p1]"), lean.toString());
            assertEquals(2, lean.stream().filter(e -> e.startsWith("content ")).count(), lean.toString());
            assertEquals(hapi(run, document), lean);
            Set<String> photo = lean(run, patient);
            assertNotNull(photo, patient);
            assertTrue(photo.contains("content Binary/photo-1 owned by [Patient/p1]"), photo.toString());
            assertEquals(hapi(run, patient), photo);
            String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                    + "{\"fullUrl\":\"urn:uuid:00000002-aaaa-bbbb-cccc-000000000000\",\"resource\":" + report + "}]}";
            Set<String> inBundle = lean(run, bundle);
            assertNotNull(inBundle, bundle);
            assertTrue(inBundle.contains("content urn:uuid:00000001-aaaa-bbbb-cccc-000000000000 owned by"
                    + " [urn:uuid:00000000-aaaa-bbbb-cccc-000000000000]"), inBundle.toString());
            assertEquals(hapi(run, bundle), inBundle);
        }
    }
}
