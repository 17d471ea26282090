package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.KnownIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0099: the identifying values of a FHIR Patient and of a DICOM file's patient are kept in the key file as
 * their subject's, as a CSV row's are (DESIGN §5). So a later run of a notes table alone scrubs a name first seen in
 * FHIR or DICOM, the verifier looks for it, and a FHIR resource that only references its patient
 * ({@code Patient/<keyed id>}) is read as that patient's record: a shifted date in its text that happens to equal
 * another patient's original date is not reported as a leak.
 */
class SubjectIdentifiersAcrossFormatsTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final int FHIR_PATIENTS = 40;
    private static final String[] FAMILIES = {"Vexmorrow", "Quilliard", "Zantorre", "Brexholm", "Ulvaredo"};
    private static final String[] GIVENS = {"Ornella", "Thaddeon", "Marisabel", "Quillon", "Evandrea", "Corvinus",
        "Ysolde", "Barnabus"};
    private static final String DICOM_FAMILY = "Wexhallow";
    private static final String DICOM_GIVEN = "Perpetua";

    @TempDir
    static Path dir;

    private static Path out;
    private static Path keyFile;
    private static KeyFileContents keys;

    private static String family(int i) {
        return FAMILIES[i % FAMILIES.length] + (char) ('a' + i / FAMILIES.length % 26) + "ski";
    }

    private static String given(int i) {
        return GIVENS[i % GIVENS.length];
    }

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path fhir = Files.createDirectories(in.resolve("fhir"));
        StringBuilder patients = new StringBuilder();
        StringBuilder reports = new StringBuilder();
        for (int i = 0; i < FHIR_PATIENTS; i++) {
            String id = "fp" + (10000 + i);
            patients.append("{\"resourceType\":\"Patient\",\"id\":\"").append(id).append("\",\"identifier\":[{\"type\":")
                    .append("{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},")
                    .append("\"system\":\"http://hospital.example.org\",\"value\":\"").append(770000 + i * 7).append("\"}],")
                    .append("\"name\":[{\"family\":\"").append(family(i)).append("\",\"given\":[\"").append(given(i))
                    .append("\"]}],\"birthDate\":\"").append(LocalDate.of(1931, 1, 1).plusDays(i * 37L)).append("\"}\n");
            for (int k = 0; k < 3; k++) {
                // an odd number of days after 2000-01-01: no CSV patient's date of birth (so it is shifted, not
                // scrubbed), while the shifted date is one every other time
                LocalDate seen = LocalDate.of(2001, 1, 2).plusDays(2 * (i * 9L + k * 50L));
                reports.append("{\"resourceType\":\"DiagnosticReport\",\"id\":\"dr").append(i).append('x').append(k)
                        .append("\",\"status\":\"final\",\"code\":{\"text\":\"Note\"},\"subject\":{\"reference\":")
                        .append("\"Patient/").append(id).append("\"},\"conclusion\":\"Seen on ").append(seen)
                        .append(". Stable, follow up in clinic.\"}\n");
            }
        }
        Files.writeString(fhir.resolve("Patient.ndjson"), patients, StandardCharsets.UTF_8);
        Files.writeString(fhir.resolve("DiagnosticReport.ndjson"), reports, StandardCharsets.UTF_8);
        // A CSV export of other patients born on every other day of 2000-2004: half the dates a report's text may be
        // shifted to are some CSV patient's original date of birth.
        StringBuilder csv = new StringBuilder("patient_id,first_name,last_name,birth_date\n");
        LocalDate day = LocalDate.of(2000, 1, 1);
        for (int i = 0; day.getYear() < 2005; i++, day = day.plusDays(2)) {
            csv.append("C").append(500000 + i).append(",Name").append((char) ('a' + i % 26)).append(",Csvfam")
                    .append((char) ('a' + i / 26 % 26)).append((char) ('a' + i % 26)).append(',').append(day).append('\n');
        }
        Files.writeString(Files.createDirectories(in.resolve("csv")).resolve("patients.csv"), csv, StandardCharsets.UTF_8);
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.77001");
        ds.putStrings(0x0020000D, VR.UI, "2.25.77002");
        ds.putStrings(0x0020000E, VR.UI, "2.25.77003");
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, DICOM_FAMILY.toUpperCase() + "^" + DICOM_GIVEN.toUpperCase());
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "DX445566");
        ds.putStrings(0x00080060, VR.CS, "OT");
        Path dicom = Files.createDirectories(in.resolve("dicom")).resolve("scan.dcm");
        try (OutputStream o = Files.newOutputStream(dicom)) {
            TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            new DicomWriter().write(new DicomFile(DicomWriter.fileMeta(new Dataset(), ds, ts), ds, ts), ts, o);
        }
        out = dir.resolve("out");
        keyFile = dir.resolve("study.deidkey");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, keyFile, true, PASSPHRASE.clone(),
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        keys = KeyFileStore.open(keyFile, PASSPHRASE.clone());
    }

    /** The key file's known identifiers of the subject that has {@code value} among them. */
    private static SortedSet<KnownIdentifier> subjectWith(String value) {
        for (Map.Entry<String, SortedSet<KnownIdentifier>> e : keys.knownIdentifiers().entrySet()) {
            if (e.getValue().stream().anyMatch(k -> k.value().equals(value))) {
                return e.getValue();
            }
        }
        return null;
    }

    @Test
    void aFhirPatientsNamesAndSourceIdAreItsSubjectsKnownIdentifiers() throws Exception {
        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(out.resolve("fhir/Patient.ndjson")).get(0));
        SortedSet<KnownIdentifier> known = subjectWith("fp10000");
        assertNotNull(known, "the Patient's resource id is kept as its subject's identifier");
        assertTrue(known.stream().anyMatch(k -> k.value().equals(family(0))), "its family name is its subject's");
        assertTrue(known.stream().anyMatch(k -> k.value().equals(given(0))), "its given name is its subject's");
        KnownIdentifier id = known.stream().filter(k -> k.value().equals("fp10000")).findFirst().orElseThrow();
        assertEquals(first.get("id").asText(), id.replacement(), "the source id is replaced by the keyed id the output gives it");
        assertFalse(known.stream().anyMatch(k -> k.value().equals(family(1))), "another Patient's name is not its");
    }

    @Test
    void aDicomFilesPatientNameIsItsSubjectsKnownIdentifier() {
        SortedSet<KnownIdentifier> known = subjectWith(DICOM_FAMILY.toUpperCase() + "^" + DICOM_GIVEN.toUpperCase());
        assertNotNull(known, "the DICOM Patient's Name is kept in the key file as its subject's");
    }

    @Test
    void aLaterNotesOnlyRunScrubsNamesFirstSeenInFhirAndDicom() throws Exception {
        Path notesIn = Files.createDirectories(dir.resolve("notes-in"));
        Files.writeString(notesIn.resolve("notes.csv"), "note_id,note_text\n"
                + "1,\"" + given(3) + " " + family(3) + " called about the results\"\n"
                + "2,\"" + DICOM_GIVEN + " " + DICOM_FAMILY + " came back for the scan\"\n", StandardCharsets.UTF_8);
        Path notesOut = dir.resolve("notes-out");
        Path laterKey = dir.resolve("later.deidkey");
        Files.copy(keyFile, laterKey);
        RunResult r = new RunJob(new RunRequest(List.of(notesIn), notesOut, laterKey, false, PASSPHRASE.clone(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        String written = Files.readString(notesOut.resolve("notes.csv"), StandardCharsets.UTF_8);
        assertTrue(written.contains("called about the results") && written.contains("came back for the scan"), written);
        assertFalse(written.contains(family(3)), "the FHIR patient's family name is scrubbed by a later run");
        assertFalse(written.contains(DICOM_FAMILY), "the DICOM patient's family name is scrubbed by a later run");
    }

    @Test
    void aShiftedDateInAReportThatOnlyReferencesItsPatientIsNoOtherPatientsLeak() throws Exception {
        List<String> reports = Files.readAllLines(out.resolve("fhir/DiagnosticReport.ndjson"));
        assertEquals(FHIR_PATIENTS * 3, reports.size());
        assertTrue(reports.stream().allMatch(r -> r.matches(".*\"conclusion\":\"Seen on 20\\d\\d-\\d\\d-\\d\\d\\. Stable.*")),
                () -> "every report's date is shifted, not scrubbed: " + reports.get(0));
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        assertEquals(0, r.hitCount(), () -> "a report that references its Patient by the keyed id is that patient's record"
                + " (about half the shifted dates equal some CSV patient's date of birth): " + r.hits());
    }

    @Test
    void aFhirPatientsNameInTheOutputIsFound() throws Exception {
        Path planted = Files.createDirectories(dir.resolve("planted"));
        Files.writeString(planted.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"status\":\"final\","
                + "\"note\":[{\"text\":\"Discussed with " + given(5) + " " + family(5) + "\"}]}\n", StandardCharsets.UTF_8);
        VerifyReport r = new VerifyJob(planted, keys, false, 1).run();
        assertTrue(r.hitCount() > 0, "a FHIR patient's name in the output is a leak the verifier finds");
    }
}
