package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.KnownIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0164: the identifying values of a FHIR resource that points at its Patient (a RelatedPerson's name and phone,
 * a QuestionnaireResponse's emergency-contact answer) are kept in the key file as that patient's, wherever the Patient
 * is in the run. Before, only a Patient's own values were: a second run with the same key file kept the relative's name
 * in a note, and {@code deid verify} did not look for it.
 */
class RecordsThatPointAtTheirPatientTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final String MRN = "MRN7781234";

    @TempDir
    Path dir;

    /** A RelatedPerson, a QuestionnaireResponse and a Practitioner before their Patient, which comes in a later file. */
    private Path firstExport(String name) throws Exception {
        Path in = Files.createDirectories(dir.resolve(name));
        Files.writeString(in.resolve("a-related.ndjson"), "{\"resourceType\":\"RelatedPerson\",\"id\":\"rp1\",\"patient\":"
                + "{\"reference\":\"Patient/p77\"},\"name\":[{\"family\":\"Quibbleworth\",\"given\":[\"Zebedee\"]}],"
                + "\"telecom\":[{\"system\":\"phone\",\"value\":\"555-867-5309\"}]}\n"
                + "{\"resourceType\":\"RelatedPerson\",\"id\":\"rp2\",\"patient\":{\"reference\":\"Patient/nowhere9\"},"
                + "\"name\":[{\"family\":\"Oxenholme\",\"given\":[\"Lavinia\"]}]}\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b-answers.ndjson"), "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"qr1\","
                + "\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/p77\"},\"item\":[{\"linkId\":\"ec\","
                + "\"text\":\"Emergency contact name\",\"answer\":[{\"valueString\":\"Philomena Gravesend\"}]}]}\n",
                StandardCharsets.UTF_8);
        Files.writeString(in.resolve("c-staff.ndjson"), "{\"resourceType\":\"Practitioner\",\"id\":\"dr1\",\"name\":"
                + "[{\"family\":\"Fenwickshire\",\"given\":[\"Barnaby\"]}]}\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("z-patients.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p77\",\"identifier\":"
                + "[{\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},"
                + "\"system\":\"urn:mrn\",\"value\":\"" + MRN + "\"}],\"name\":[{\"family\":\"Quibbleworth\","
                + "\"given\":[\"Ottoline\"]}],\"birthDate\":\"1950-03-04\"}\n", StandardCharsets.UTF_8);
        return in;
    }

    private RunResult run(Path in, Path out, Path key, boolean create, int threads) throws Exception {
        RunResult r = new RunJob(new RunRequest(List.of(in), out, key, create, PASSPHRASE.clone(),
                ProfileLoader.read("fhir-safe-harbor"), threads), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        return r;
    }

    /** The values the key file keeps for the subject that has {@code value} among them; null when none has it. */
    private static SortedSet<String> subjectWith(KeyFileContents keys, String value) {
        for (Map.Entry<String, SortedSet<KnownIdentifier>> e : keys.knownIdentifiers().entrySet()) {
            if (e.getValue().stream().anyMatch(k -> k.value().equals(value))) {
                TreeSet<String> values = new TreeSet<>();
                e.getValue().forEach(k -> values.add(k.value()));
                return values;
            }
        }
        return null;
    }

    @Test
    void aRelativesNameAndPhoneAndAnAnswersNameAreKeptAsThePatientsWhoseFileCameLater() throws Exception {
        Path key = dir.resolve("study.deidkey");
        run(firstExport("in"), dir.resolve("out"), key, true, 2);
        KeyFileContents keys = KeyFileStore.open(key, PASSPHRASE.clone());
        SortedSet<String> patient = subjectWith(keys, "Ottoline");
        assertNotNull(patient, "the Patient's own name is its subject's (decision 0099)");
        for (String v : List.of("Zebedee", "Zebedee Quibbleworth", "555-867-5309", "Philomena Gravesend")) {
            assertTrue(patient.contains(v), v + " is kept as the patient's: " + patient.size() + " values");
        }
        assertFalse(patient.contains("Barnaby Fenwickshire"), "a Practitioner points at no patient");
        assertNull(subjectWith(keys, "Lavinia"), "a relative of a patient not in the run is no subject's");
    }

    @Test
    void aLaterRunWithTheKeyFileLosesTheRelativesAndTheAnswersNamesAndTheVerifierLooksForThem() throws Exception {
        Path key = dir.resolve("study.deidkey");
        run(firstExport("in"), dir.resolve("out"), key, true, 1);
        Path later = Files.createDirectories(dir.resolve("later"));
        Files.writeString(later.resolve("notes.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":"
                + "\"final\",\"code\":{\"text\":\"Social note\"},\"subject\":{\"reference\":\"Patient/p77\"},"
                + "\"valueString\":\"Philomena Gravesend phoned; Quibbleworth family at the bedside.\"}\n",
                StandardCharsets.UTF_8);
        Path laterOut = dir.resolve("later-out");
        run(later, laterOut, key, false, 1);
        String written = Files.readString(laterOut.resolve("notes.ndjson"), StandardCharsets.UTF_8);
        assertTrue(written.contains("phoned;") && written.contains("family at the bedside"), written);
        assertFalse(written.contains("Gravesend"), "the emergency contact's name, learnt in the first run, is gone");
        assertFalse(written.contains("Quibbleworth"), "the family name is gone");

        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.writeString(planted.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"note\":[{\"text\":\"Call Philomena Gravesend back\"}]}\n", StandardCharsets.UTF_8);
        VerifyReport r = new VerifyJob(planted, KeyFileStore.open(key, PASSPHRASE.clone()), false, 1).run();
        assertTrue(r.hitCount() > 0, "the answer's name in an output is a leak the verifier finds");
    }

    @Test
    void theKeptValuesDoNotDependOnTheThreadCountOrOnReadingXmlThroughHapi() throws Exception {
        Path in = firstExport("in");
        Path one = dir.resolve("one.deidkey");
        Path three = dir.resolve("three.deidkey");
        run(in, dir.resolve("out1"), one, true, 1);
        run(in, dir.resolve("out3"), three, true, 3);
        Map<String, SortedSet<KnownIdentifier>> a = KeyFileStore.open(one, PASSPHRASE.clone()).knownIdentifiers();
        Map<String, SortedSet<KnownIdentifier>> b = KeyFileStore.open(three, PASSPHRASE.clone()).knownIdentifiers();
        assertEquals(a.keySet().size(), b.keySet().size());
        assertEquals(values(a), values(b), "the same values kept at 1 and 3 threads");

        // The same relative as an XML resource: scanned by HAPI, not by the token reader.
        Path xml = Files.createDirectories(dir.resolve("xml"));
        Files.writeString(xml.resolve("related.xml"), "<RelatedPerson xmlns=\"http://hl7.org/fhir\"><id value=\"rp1\"/>"
                + "<patient><reference value=\"Patient/p77\"/></patient><telecom><system value=\"phone\"/>"
                + "<value value=\"555-867-5309\"/></telecom><name><family value=\"Quibbleworth\"/>"
                + "<given value=\"Zebedee\"/></name></RelatedPerson>", StandardCharsets.UTF_8);
        Files.copy(in.resolve("z-patients.ndjson"), xml.resolve("z-patients.ndjson"));
        Path viaHapi = dir.resolve("hapi.deidkey");
        run(xml, dir.resolve("out-xml"), viaHapi, true, 2);
        SortedSet<String> patient = subjectWith(KeyFileStore.open(viaHapi, PASSPHRASE.clone()), "Ottoline");
        assertNotNull(patient);
        assertTrue(patient.containsAll(List.of("Zebedee", "Zebedee Quibbleworth", "555-867-5309")),
                "HAPI's scan keeps the relative's values as the patient's too: " + patient.size() + " values");
    }

    private static TreeSet<String> values(Map<String, SortedSet<KnownIdentifier>> known) {
        TreeSet<String> out = new TreeSet<>();
        // a pseudonym differs between two new key files; a label does not
        known.values().forEach(ids -> ids.forEach(k -> out.add(k.value() + " -> "
                + (k.wordReplacement().startsWith("[") ? k.wordReplacement() : "a pseudonym"))));
        return out;
    }
}
