package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource with no patient of its own that a patient's document names as its content ({@code Binary/b1} in a
 * DocumentReference's attachment, as EHRs' bulk exports hold their notes) takes that patient: its dates and the
 * dates in its text move by the patient's offset, as the document's do, instead of the run's offset and
 * {@code [DATE]} (decision 0214).
 */
class ContentOwnerTest {

    private static final String MRN = "MRN-552190";
    private static final String NOTE = "Progress note 2023-03-01: seen for follow-up of cough. Next visit 2023-03-15.";

    @TempDir
    Path dir;

    private static String patient(String id, String mrn) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"system\":\"urn:oid:1.2.3.4\","
                + "\"value\":\"" + mrn + "\"}],\"birthDate\":\"1961-04-17\"}";
    }

    private static String document(String id, String subject, String url) {
        return "{\"resourceType\":\"DocumentReference\",\"id\":\"" + id + "\",\"status\":\"current\",\"subject\":"
                + "{\"reference\":\"" + subject + "\"},\"date\":\"2023-03-01T12:00:00Z\",\"content\":[{\"attachment\":"
                + "{\"contentType\":\"text/plain\",\"url\":\"" + url + "\"}}]}";
    }

    private static String binary(String id) {
        return "{\"resourceType\":\"Binary\"" + (id == null ? "" : ",\"id\":\"" + id + "\"")
                + ",\"contentType\":\"text/plain\",\"data\":\""
                + Base64.getEncoder().encodeToString(NOTE.getBytes(StandardCharsets.UTF_8)) + "\"}";
    }

    /** The decoded text of the first Binary's data in an output. */
    private static String noteIn(String out) {
        Matcher m = Pattern.compile("\"resourceType\":\"Binary\".*?\"data\":\"([^\"]+)\"|<Binary.*?<data value=\"([^\"]+)\"",
                Pattern.DOTALL).matcher(out);
        assertTrue(m.find(), out);
        return new String(Base64.getDecoder().decode(m.group(1) != null ? m.group(1) : m.group(2)), StandardCharsets.UTF_8);
    }

    private static String shifted(String day, int offset) {
        return LocalDate.parse(day).plusDays(offset).toString();
    }

    @Test
    void aBinaryInItsOwnFileTakesTheOffsetOfTheDocumentsPatientWhicheverFileComesFirst() throws Exception {
        Path binaries = FhirTestRun.write(dir, "Binary.ndjson", binary("b1") + "\n");
        Path documents = FhirTestRun.write(dir, "DocumentReference.ndjson", document("d1", "Patient/p1", "Binary/b1") + "\n");
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", patient("p1", MRN) + "\n");
        FhirTestRun run = FhirTestRun.safeHarbor();
        List<byte[]> out = run.run(binaries, documents, patients);
        int offset = run.engine.subject(MRN).dateOffsetDays();
        String note = noteIn(new String(out.get(0), StandardCharsets.UTF_8));
        assertEquals(NOTE.replace("2023-03-01", shifted("2023-03-01", offset)).replace("2023-03-15", shifted("2023-03-15", offset)),
                note);
        assertTrue(new String(out.get(1), StandardCharsets.UTF_8).contains("\"date\":\"" + shifted("2023-03-01", offset)),
                "the document's date moved by the same offset");

        FhirTestRun other = FhirTestRun.safeHarbor();
        List<byte[]> reversed = other.run(patients, documents, binaries);
        assertEquals(new String(out.get(0), StandardCharsets.UTF_8), new String(reversed.get(2), StandardCharsets.UTF_8),
                "the same Binary whatever the order the files were read in");
    }

    @Test
    void aBinaryNoDocumentNamesOrTwoPatientsDocumentsNameKeepsNoDateOfItsText() throws Exception {
        Path binaries = FhirTestRun.write(dir, "Binary.ndjson", binary("b1") + "\n" + binary("b2") + "\n");
        Path documents = FhirTestRun.write(dir, "DocumentReference.ndjson", document("d1", "Patient/p1", "Binary/b1") + "\n"
                + document("d2", "Patient/p2", "Binary/b1") + "\n");
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", patient("p1", MRN) + "\n" + patient("p2", "MRN-880013") + "\n");
        List<byte[]> out = FhirTestRun.safeHarbor().run(binaries, documents, patients);
        String[] lines = new String(out.get(0), StandardCharsets.UTF_8).split("\n");
        for (String line : lines) {
            String note = noteIn(line);
            assertEquals(NOTE.replace("2023-03-01", "[DATE]").replace("2023-03-15", "[DATE]"), note,
                    "a Binary of two patients (b1) or of none (b2) is not given either's offset");
        }
    }

    @Test
    void aBinaryEntryOfATransactionBundleTakesItsDocumentsPatientOnTheTokenPath() throws Exception {
        String patientUrl = "urn:uuid:0a1b2c3d-0000-4000-8000-000000000001";
        String binaryUrl = "urn:uuid:0a1b2c3d-0000-4000-8000-000000000003";
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                + "{\"fullUrl\":\"" + patientUrl + "\",\"resource\":" + patient("p1", MRN).replace("\"id\":\"p1\",", "")
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}},"
                + "{\"fullUrl\":\"" + binaryUrl + "\",\"resource\":" + binary(null)
                + ",\"request\":{\"method\":\"POST\",\"url\":\"Binary\"}},"
                + "{\"fullUrl\":\"urn:uuid:0a1b2c3d-0000-4000-8000-000000000002\",\"resource\":"
                + document("d1", patientUrl, binaryUrl).replace("\"id\":\"d1\",", "")
                + ",\"request\":{\"method\":\"POST\",\"url\":\"DocumentReference\"}}]}";
        FhirTestRun run = FhirTestRun.safeHarbor();
        String out = new String(run.run(FhirTestRun.write(dir, "bundle.json", bundle)).get(0), StandardCharsets.UTF_8);
        int offset = run.engine.subject(MRN).dateOffsetDays();
        assertTrue(noteIn(out).contains("Next visit " + shifted("2023-03-15", offset)), noteIn(out));
    }

    @Test
    void aBinaryOfAnXmlBundleTakesItsDocumentsPatientOnHapisPath() throws Exception {
        FhirTestRun run = FhirTestRun.safeHarbor();
        String out = run.runAs(dir, "xml", List.of(patient("p1", MRN), document("d1", "Patient/p1", "Binary/b1"), binary("b1")));
        int offset = run.engine.subject(MRN).dateOffsetDays();
        String note = noteIn(out);
        assertTrue(note.contains("Progress note " + shifted("2023-03-01", offset)), note);
        assertFalse(note.contains("[DATE]"), note);
    }

    @Test
    void aProcessorThatScannedNothingFindsTheBinarysPatientInTheMergedIndexOfAnother() throws Exception {
        // As on a cluster: one worker scans, another transforms the Binary with the index the first one learnt.
        Path binaries = FhirTestRun.write(dir, "Binary.ndjson", binary("b1") + "\n");
        Path documents = FhirTestRun.write(dir, "DocumentReference.ndjson", document("d1", "Patient/p1", "Binary/b1") + "\n");
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", patient("p1", MRN) + "\n");
        byte[] expected = FhirTestRun.safeHarbor().run(patients, documents, binaries).get(2);

        FhirTestRun scanner = FhirTestRun.safeHarbor();
        scanner.processor.scan(patients, "Patient.ndjson", () -> false);
        scanner.processor.scan(documents, "DocumentReference.ndjson", () -> false);
        java.util.Map<String, String> index = new java.util.HashMap<>(scanner.processor.scanIndex());
        FhirTestRun transformer = FhirTestRun.safeHarbor();
        transformer.processor.useScanIndex(index::get);
        transformer.engine.freezeIdentifiers();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        transformer.processor.transform(binaries, "Binary.ndjson", out, () -> false);
        assertEquals(new String(expected, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
    }

    private static String observation(String id, String subject) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + id + "\",\"status\":\"final\",\"code\":{\"coding\":"
                + "[{\"system\":\"http://loinc.org\",\"code\":\"2339-0\"}]},\"subject\":{\"reference\":\"" + subject
                + "\"},\"effectiveDateTime\":\"2023-03-01T09:30:00Z\",\"valueQuantity\":{\"value\":5.4,\"unit\":\"mmol/L\"}}";
    }

    private static String provenance(String id, String... targets) {
        StringBuilder sb = new StringBuilder("{\"resourceType\":\"Provenance\",\"id\":\"" + id + "\",\"target\":[");
        for (int i = 0; i < targets.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"reference\":\"").append(targets[i]).append("\"}");
        }
        return sb.append("],\"recorded\":\"2023-03-01T09:31:00Z\",\"agent\":[{\"who\":{\"reference\":"
                + "\"Practitioner/dr1\"}}]}").toString();
    }

    private static String auditEvent(String id, String what) {
        return "{\"resourceType\":\"AuditEvent\",\"id\":\"" + id + "\",\"type\":{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/audit-event-type\",\"code\":\"rest\"},\"recorded\":"
                + "\"2023-03-01T09:40:00Z\",\"agent\":[{\"requestor\":true}],\"source\":{\"observer\":"
                + "{\"reference\":\"Device/d1\"}},\"entity\":[{\"what\":{\"reference\":\"" + what + "\"}}]}";
    }

    /** Runs every file through a run as {@code deid run} does it: analysis, scan, transform; the outputs by name. */
    private static java.util.Map<String, String> runAll(FhirTestRun run, Path... files) throws Exception {
        run.processor.analyze(List.of(files), () -> false);
        List<byte[]> out = run.run(files);
        java.util.Map<String, String> byName = new java.util.HashMap<>();
        for (int i = 0; i < files.length; i++) {
            byName.put(files[i].getFileName().toString(), new String(out.get(i), StandardCharsets.UTF_8));
        }
        return byName;
    }

    @Test
    void aProvenanceOfAnObservationAndAnAuditEventOfADocumentTakeTheirTargetsPatient() throws Exception {
        Path provenances = FhirTestRun.write(dir, "Provenance.ndjson", provenance("pv1", "Observation/o1") + "\n"
                + provenance("pv2", "Observation/o1", "Observation/o2") + "\n" + provenance("pv3", "Observation/o9") + "\n");
        Path audits = FhirTestRun.write(dir, "AuditEvent.ndjson", auditEvent("ae1", "DocumentReference/d1") + "\n");
        Path observations = FhirTestRun.write(dir, "Observation.ndjson", observation("o1", "Patient/p1") + "\n"
                + observation("o2", "Patient/p2") + "\n");
        Path documents = FhirTestRun.write(dir, "DocumentReference.ndjson", document("d1", "Patient/p1", "Binary/b1") + "\n");
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", patient("p1", MRN) + "\n" + patient("p2", "MRN-880013") + "\n");
        FhirTestRun run = FhirTestRun.safeHarbor();
        java.util.Map<String, String> out = runAll(run, provenances, audits, observations, documents, patients);
        int offset = run.engine.subject(MRN).dateOffsetDays();
        String[] provenance = out.get("Provenance.ndjson").split("\n");
        assertEquals("[" + shifted("2023-03-01", offset) + "T09:31:00Z]",
                FhirTestRun.values(provenance[0], "recorded").toString(), "pv1 moves with its Observation");
        assertEquals("[" + shifted("2023-03-01", offset) + "T09:40:00Z]",
                FhirTestRun.values(out.get("AuditEvent.ndjson"), "recorded").toString(), "ae1 moves with its document");
        assertEquals(FhirTestRun.values(provenance[1], "recorded"), FhirTestRun.values(provenance[2], "recorded"),
                "pv2 (two patients' Observations) and pv3 (an Observation not in the export) take the run's offset");
        assertTrue(!FhirTestRun.values(provenance[1], "recorded").equals(FhirTestRun.values(provenance[0], "recorded")),
                "the run's offset is not the patient's here");

        FhirTestRun alone = FhirTestRun.safeHarbor();
        alone.processor.analyze(List.of(observations), () -> false);
        assertEquals(out.get("Observation.ndjson"), new String(alone.run(observations, patients).get(0), StandardCharsets.UTF_8),
                "the targets themselves are written as without their Provenance");
    }

    /**
     * Oracle Health (Cerner) names a document's content by the server's absolute URL: it is written as the relative
     * reference to the Binary's keyed id (the server's base dropped, as {@code meta.source} is) and the Binary takes the
     * document's patient; a URL of another scheme or without a resource's type and id is removed as before (decision
     * 0217).
     */
    @Test
    void anAbsoluteServerUrlOfTheContentBecomesARelativeReferenceToTheBinary() throws Exception {
        String base = "https://fhir-ehr.cerner.com/r4/ec2458f2-1e24-41c8-b71b-0e701af7583d/";
        Path binaries = FhirTestRun.write(dir, "Binary.ndjson", binary("XR-197198634") + "\n");
        Path documents = FhirTestRun.write(dir, "DocumentReference.ndjson",
                document("d1", "Patient/p1", base + "Binary/XR-197198634") + "\n"
                        + document("d2", "Patient/p1", "ftp://files.example.org/Binary/XR-5") + "\n"
                        + document("d3", "Patient/p1", base + "documents/summary.pdf") + "\n");
        Path patients = FhirTestRun.write(dir, "Patient.ndjson", patient("p1", MRN) + "\n");
        FhirTestRun run = FhirTestRun.safeHarbor();
        List<byte[]> out = run.run(binaries, documents, patients);
        int offset = run.engine.subject(MRN).dateOffsetDays();
        String binary = new String(out.get(0), StandardCharsets.UTF_8);
        String[] docs = new String(out.get(1), StandardCharsets.UTF_8).split("\n");
        String id = FhirTestRun.values(binary, "id").get(0);
        assertEquals(List.of("Binary/" + id), FhirTestRun.values(docs[0], "url"), "the document still finds its Binary");
        assertFalse(docs[0].contains("cerner") || docs[0].contains("XR-197198634"), docs[0]);
        assertTrue(noteIn(binary).contains("Next visit " + shifted("2023-03-15", offset)), noteIn(binary));
        assertEquals(List.of(), FhirTestRun.values(docs[1], "url"), "another scheme's URL is removed");
        assertEquals(List.of(), FhirTestRun.values(docs[2], "url"), "a URL that names no resource is removed");
    }
}
