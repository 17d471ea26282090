package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.Profile;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ids and references are rewritten together: what resolved before resolves after, and nothing collapses. */
class FhirReferenceTest {

    private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    @TempDir
    Path dir;

    private Bundle cleanedTransaction() throws Exception {
        Path in = FhirTestRun.write(dir, "bundle.json", FhirFixtures.json(FhirFixtures.transaction(), false));
        String out = new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
        return (Bundle) Fhir.context().newJsonParser().parseResource(out);
    }

    @Test
    void everyReferenceResolvesInsideTheTransactionBundle() throws Exception {
        Bundle b = cleanedTransaction();
        Set<String> targets = new HashSet<>();
        Set<String> identifierValues = new HashSet<>();
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            targets.add(e.getFullUrl());
            Resource r = e.getResource();
            if (r.getIdElement().getIdPart() != null) {
                targets.add(r.fhirType() + "/" + r.getIdElement().getIdPart());
            }
            if (r instanceof Patient p) {
                p.getIdentifier().stream().map(Identifier::getValue).forEach(identifierValues::add);
            }
        }
        int checked = 0;
        for (Bundle.BundleEntryComponent e : b.getEntry()) {
            Resource r = e.getResource();
            for (Reference ref : Fhir.context().newTerser().getAllPopulatedChildElementsOfType(r, Reference.class)) {
                String s = ref.getReference();
                if (s == null) {
                    continue;
                }
                checked++;
                if (s.startsWith("#")) {
                    String local = s.substring(1);
                    assertTrue(((DomainResource) r).getContained().stream()
                            .anyMatch(c -> c.getIdElement().getIdPart().equals(local)), "local reference resolves");
                } else if (s.startsWith("Patient?identifier=")) {
                    assertTrue(identifierValues.contains(s.substring(s.indexOf('=') + 1)), "conditional reference resolves");
                } else {
                    assertTrue(targets.contains(s), "reference " + s + " resolves inside the bundle");
                }
            }
        }
        assertTrue(checked >= 8, "the fixture has references of every form");
    }

    @Test
    void fullUrlsBecomeKeyedVersion8Uuids() throws Exception {
        Bundle b = cleanedTransaction();
        String fullUrl = b.getEntry().get(0).getFullUrl();
        assertTrue(fullUrl.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), fullUrl);
        assertNotEquals(FhirFixtures.PATIENT_UUID, fullUrl);
    }

    @Test
    void resourceTypeIsPartOfTheKeyedId() throws Exception {
        References refs = new References(FhirFixtures.engine(FhirFixtures.safeHarbor()), section());
        assertNotEquals(refs.id("Patient", "1"), refs.id("Encounter", "1"));
    }

    @Test
    void idsDifferingOnlyInCaseStayApart() throws Exception {
        References refs = new References(FhirFixtures.engine(FhirFixtures.safeHarbor()), section());
        assertNotEquals(refs.id("Patient", "abc"), refs.id("Patient", "ABC"));
    }

    @Test
    void keyedIdIsAValidFhirId() throws Exception {
        References refs = new References(FhirFixtures.engine(FhirFixtures.safeHarbor()), section());
        assertTrue(FHIR_ID.matcher(refs.id("Observation", "a-very.long-id-0123456789-0123456789-0123456789-0123456789"))
                .matches());
    }

    @Test
    void referenceInAnotherFileResolvesToTheSameNewId() throws Exception {
        List<Resource> bulk = FhirFixtures.bulk();
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", FhirFixtures.json(bulk.get(0), false) + "\n");
        Path observations = FhirTestRun.write(dir, "Observation.ndjson", FhirFixtures.json(bulk.get(2), false) + "\n");
        List<byte[]> out = FhirTestRun.safeHarbor().run(patients, observations);
        Patient p = (Patient) parse(out.get(0));
        Observation o = (Observation) parse(out.get(1));
        assertEquals("Patient/" + p.getIdElement().getIdPart(), o.getSubject().getReference());
    }

    @Test
    void aProcessorThatScannedNothingFindsPatientsInTheMergedIndexOfAnother() throws Exception {
        // As on a cluster: one worker scans the Patients, another transforms the Encounters with the
        // index the first one learnt; the output is the one-process run's.
        List<Resource> bulk = FhirFixtures.bulk();
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", FhirFixtures.json(bulk.get(0), false) + "\n");
        Path encounters = FhirTestRun.write(dir, "Encounter.ndjson", FhirFixtures.json(bulk.get(1), false) + "\n");
        byte[] expected = FhirTestRun.safeHarbor().run(patients, encounters).get(1);

        FhirTestRun scanner = FhirTestRun.safeHarbor();
        scanner.processor.scan(patients, "Patient.ndjson", () -> false);
        java.util.Map<String, String> index = new java.util.HashMap<>(scanner.processor.scanIndex());
        assertTrue(index.containsKey("Patient/pat-1"), "the scan learnt the Patient's reference");
        FhirTestRun transformer = FhirTestRun.safeHarbor();
        transformer.processor.useScanIndex(index::get);
        transformer.engine.freezeIdentifiers();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        transformer.processor.transform(encounters, "Encounter.ndjson", out, () -> false);

        assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPatientKeyInConflictInTheMergedIndexResolvesToNone() throws Exception {
        List<Resource> bulk = FhirFixtures.bulk();
        Path encounters = FhirTestRun.write(dir, "Encounter.ndjson", FhirFixtures.json(bulk.get(1), false) + "\n");
        FhirTestRun transformer = FhirTestRun.safeHarbor();
        transformer.processor.useScanIndex(key -> key.equals("Patient/pat-1")
                ? org.deidworkbench.format.ScanIndex.merge(FhirFixtures.MRN, "another MRN") : null);
        transformer.engine.freezeIdentifiers();
        org.deidworkbench.format.FileStats stats = transformer.processor.transform(encounters, "Encounter.ndjson",
                new java.io.ByteArrayOutputStream(), () -> false);
        assertTrue(stats.warnings().stream().anyMatch(w -> w.code().equals("FHIR-PATIENT-NOT-FOUND")),
                "the encounter is without a patient: " + stats.warnings());

        FhirTestRun agreed = FhirTestRun.safeHarbor();
        agreed.processor.useScanIndex(key -> key.equals("Patient/pat-1") ? FhirFixtures.MRN : null);
        agreed.engine.freezeIdentifiers();
        stats = agreed.processor.transform(encounters, "Encounter.ndjson", new java.io.ByteArrayOutputStream(),
                () -> false);
        assertTrue(stats.warnings().stream().noneMatch(w -> w.code().equals("FHIR-PATIENT-NOT-FOUND")),
                "without the conflict the same key finds its patient: " + stats.warnings());
    }

    @Test
    void patientInAnotherFileGivesTheObservationItsDateOffset() throws Exception {
        List<Resource> bulk = FhirFixtures.bulk();
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", FhirFixtures.json(bulk.get(0), false) + "\n");
        Path encounters = FhirTestRun.write(dir, "Encounter.ndjson", FhirFixtures.json(bulk.get(1), false) + "\n");
        FhirTestRun run = FhirTestRun.safeHarbor();
        List<byte[]> out = run.run(patients, encounters);
        int offset = run.engine.subject(FhirFixtures.MRN).dateOffsetDays();
        Encounter e = (Encounter) parse(out.get(1));
        assertEquals(java.time.LocalDate.of(2024, 3, 2).plusDays(offset).toString(),
                e.getPeriod().getStartElement().getValueAsString().substring(0, 10));
    }

    @Test
    void patientMrnBecomesTheSharedPatientPseudonym() throws Exception {
        Path in = FhirTestRun.write(dir, "Patient.json", FhirFixtures.json(FhirFixtures.patient(), true));
        FhirTestRun run = FhirTestRun.safeHarbor();
        Patient p = (Patient) parse(run.run(in).get(0));
        assertEquals(run.engine.subject(FhirFixtures.MRN).pseudonym(), p.getIdentifierFirstRep().getValue());
    }

    @Test
    void pseudonymizedResourceIdsAreRecordedForTheKeyFile() throws Exception {
        Profile base = FhirFixtures.safeHarbor();
        FhirSection s = section();
        Profile p = base.withSection(new FhirSection(s.rules(), s.defaultSpec(), s.defaultIdentifier(), s.subjectIdPath(),
                FhirSection.ResourceIds.PSEUDONYMIZE, "fhir-id", false, s.extensions(), s.source()));
        Deidentifier engine = FhirFixtures.engine(p);
        Path in = FhirTestRun.write(dir, "Patient.json", FhirFixtures.json(FhirFixtures.patient(), true));
        Patient out = (Patient) parse(new FhirTestRun(engine).run(in).get(0));
        assertEquals("^Patient/pat-1", engine.ledger().original("fhir-id", out.getIdElement().getIdPart()).orElseThrow());
    }

    @Test
    void keyedResourceIdsAreNotRecorded() throws Exception {
        FhirTestRun run = FhirTestRun.safeHarbor();
        Path in = FhirTestRun.write(dir, "Patient.json", FhirFixtures.json(FhirFixtures.patient(), true));
        run.run(in);
        assertTrue(run.engine.ledger().newEntries().stream().noneMatch(e -> e.domain().equals("fhir-id")));
    }

    private static String containedId(String json) throws Exception {
        Path in = java.nio.file.Files.createTempFile("c", ".json");
        try {
            java.nio.file.Files.writeString(in, json);
            org.hl7.fhir.r4.model.Condition c = (org.hl7.fhir.r4.model.Condition) parse(FhirTestRun.safeHarbor().run(in).get(0));
            String id = c.getAsserter().getReference().substring(1);
            assertTrue(c.getContained().stream().anyMatch(r -> r.getIdElement().getIdPart().replace("#", "").equals(id)),
                    "the local reference follows its target");
            return id;
        } finally {
            java.nio.file.Files.delete(in);
        }
    }

    private static String condition(String id, String... locals) {
        StringBuilder contained = new StringBuilder();
        for (String local : locals) {
            contained.append(contained.length() == 0 ? "" : ",").append("{\"resourceType\":\"Practitioner\",\"id\":\"")
                    .append(local).append("\"}");
        }
        return "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\",\"contained\":[" + contained + "],"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"asserter\":{\"reference\":\"#" + locals[0] + "\"}}";
    }

    @Test
    void containedIdsAreKeyedNotNumbered() throws Exception {
        String id = containedId(condition("cond-1", "asserter1"));
        assertTrue(id.matches("[0-9A-Z]{20}"), id);
    }

    @Test
    void aContainedIdDoesNotDependOnItsPosition() throws Exception {
        assertEquals(containedId(condition("cond-1", "asserter1")), containedId(condition("cond-1", "asserter1", "other")
                .replace("[{\"resourceType\":\"Practitioner\",\"id\":\"asserter1\"},{\"resourceType\":\"Practitioner\",\"id\":\"other\"}]",
                        "[{\"resourceType\":\"Practitioner\",\"id\":\"other\"},{\"resourceType\":\"Practitioner\",\"id\":\"asserter1\"}]")));
    }

    @Test
    void theSameLocalIdInAnotherContainerGetsAnotherId() throws Exception {
        assertNotEquals(containedId(condition("cond-1", "asserter1")), containedId(condition("cond-2", "asserter1")));
    }

    static Resource parse(byte[] out) {
        return (Resource) Fhir.context().newJsonParser().parseResource(new String(out, StandardCharsets.UTF_8).strip());
    }

    private static FhirSection section() throws Exception {
        return FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow();
    }
}
