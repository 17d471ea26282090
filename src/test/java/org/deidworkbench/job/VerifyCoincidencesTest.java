package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.KnownIdentifier;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean export of 400 patients born within three years (their shifted dates land on other patients' birth days
 * by the hundred) whose kept codes share the range of the export's numeric surrogate keys, in CSV, FHIR NDJSON and
 * DICOM: the verifier is silent on it (decision 0023), and still finds a patient's own birth date and own MRN planted
 * in their own record, in each format.
 */
class VerifyCoincidencesTest {

    private static final int PATIENTS = 400;
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1960, 1, 1);
    private static final int BIRTH_DAYS = 3 * 365;

    @TempDir
    Path dir;

    /** One synthetic patient: subject pseudonym, originals, date offset. */
    private record Patient(String pseudonym, LocalDate birth, String mrn, String surname, int offset) {
        LocalDate shifted(LocalDate d) {
            return d.plusDays(offset);
        }
    }

    private final List<Patient> patients = new ArrayList<>();
    /** The export's numeric surrogate keys (originals of domain 'measurement', no subject). */
    private final List<String> surrogateKeys = new ArrayList<>();
    private KeyFileContents keys;
    /**
     * What a clean export holds that no verifier can tell from a leak: a patient's shifted visit date that is their own
     * original birth date, a category word that is their own surname (the limit of decision 0023).
     */
    private final Set<String> ownRecordCoincidences = new TreeSet<>();
    /**
     * Of those, the dates a run wrote by shifting that it attests (decision 0029): by subject and day, how many (the CSV
     * cell, the FHIR element and, since decision 0116, the date its scrubber wrote shifted into the note's free text).
     */
    private final Map<String, Map<Long, Integer>> attested = new HashMap<>();
    /**
     * Where a category word equals the patient's own surname (CSV race column, FHIR race extension): the same word stands
     * there for many other patients, so these are shared-value coincidences (decision 0090), not hits.
     */
    private final Set<String> sharedLocations = new TreeSet<>();
    /** Where the attested dates are (they are then not hits). */
    private final Set<String> attestedLocations = new TreeSet<>();
    private static final String RUN = "run-1";
    /** The patient whose own values {@link #export} plants. */
    private int plantedPatient = 17;

    private static String pseudonym(Random r) {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private void corpus() throws Exception {
        Random r = new Random(42);
        String[] surnames = {"White", "Black", "Green", "Quillfeather", "Marsh", "Brook"};
        keys = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        List<PseudonymEntry> entries = new ArrayList<>();
        Map<String, List<KnownIdentifier>> known = new HashMap<>();
        for (int i = 0; i < PATIENTS; i++) {
            int offset = (r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(365));
            Patient p = new Patient(pseudonym(r), FIRST_BIRTH.plusDays(r.nextInt(BIRTH_DAYS)), Integer.toString(4_000_000
                    + i * 7), surnames[r.nextInt(surnames.length)], offset);
            patients.add(p);
            entries.add(new PseudonymEntry("patient", p.pseudonym(), p.mrn()));
            known.put(p.pseudonym(), List.of(new KnownIdentifier(p.birth().toString(), "[DATE]", "[DATE]"),
                    new KnownIdentifier(p.mrn(), p.pseudonym(), "[ID]"), new KnownIdentifier(p.surname(), "[NAME]", "[NAME]"),
                    new KnownIdentifier("Ann " + p.surname() + i, "[NAME]", "[NAME]")));
            keys.putDateOffset(p.pseudonym(), offset);
        }
        for (int i = 0; i < 3000; i++) {
            String key = Integer.toString(300_000 + r.nextInt(2000));
            surrogateKeys.add(key);
            entries.add(new PseudonymEntry("measurement", pseudonym(r), key));
        }
        keys.addEntries(entries);
        keys.addKnownIdentifiers(known);
    }

    /**
     * Writes the de-identified export; {@code plant} may change one patient's values ({@code birth}, {@code mrn}: their own
     * originals; {@code surname}: their surname alone in a kept cell; {@code surnameText}: in a kept free-text cell), or
     * every patient's ({@code names}: a kept surname column and FHIR family name).
     */
    private Path export(Map<String, String> plant) throws Exception {
        Random r = new Random(7);
        Path out = Files.createDirectories(dir.resolve("out"));
        boolean names = plant.containsKey("names");
        StringBuilder persons = new StringBuilder("person_id,birth_date,race,mrn,comment" + (names ? ",last_name" : "")
                + "\n");
        StringBuilder visits = new StringBuilder("visit_id,person_id,visit_date,concept_id,value\n");
        StringBuilder patientsJson = new StringBuilder();
        StringBuilder observations = new StringBuilder();
        Path dicom = Files.createDirectories(out.resolve("dicom"));
        String[] races = {"white", "black", "asian", "other"};
        ownRecordCoincidences.clear();
        sharedLocations.clear();
        attested.clear();
        attestedLocations.clear();
        int visitNumber = 1;
        for (int i = 0; i < patients.size(); i++) {
            Patient p = patients.get(i);
            boolean planted = i == plantedPatient;
            String birth = planted && plant.containsKey("birth") ? p.birth().toString() : p.shifted(p.birth()).toString();
            String mrn = planted && plant.containsKey("mrn") ? p.mrn() : "";
            String race = races[r.nextInt(races.length)];
            if (race.equalsIgnoreCase(p.surname())) {
                sharedLocations.add("person.csv record " + (i + 1) + ", column race");
                sharedLocations.add("Patient.ndjson line " + (i + 1) + ", Patient.extension[0].valueCoding.display");
            }
            String comment = !planted ? "" : plant.containsKey("surname") ? p.surname()
                    : plant.containsKey("surnameText") ? "seen with Mrs " + p.surname() : "";
            persons.append(p.pseudonym()).append(',').append(birth).append(',').append(race)
                    .append(',').append(mrn).append(',').append(comment).append(names ? "," + p.surname() : "").append('\n');
            patientsJson.append("{\"resourceType\":\"Patient\",\"id\":\"").append(p.pseudonym()).append("\",")
                    .append("\"extension\":[{\"url\":\"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race\",")
                    .append("\"valueCoding\":{\"display\":\"").append(race).append("\"}}],")
                    .append(names ? "\"name\":[{\"family\":\"" + p.surname() + "\"}]," : "")
                    .append(comment.isEmpty() ? "" : "\"maritalStatus\":{\"text\":\"" + comment + "\"},")
                    .append(mrn.isEmpty() ? "" : "\"identifier\":[{\"value\":\"" + mrn + "\"}],")
                    .append("\"birthDate\":\"").append(birth).append("\"}\n");
            for (int v = 0; v < 5; v++) {
                // visits in the first years of life: their shifted dates fall among the other patients' birth days (and
                // a few on the patient's own, which no verifier can tell from a leak)
                LocalDate visit = p.shifted(p.birth().plusDays(1 + r.nextInt(700)));
                String date = visit.toString();
                if (visit.equals(p.birth())) {
                    ownRecordCoincidences.add("visit.csv record " + visitNumber + ", column visit_date");
                    ownRecordCoincidences.add("Observation.ndjson line " + visitNumber + ", Observation.effectiveDateTime");
                    ownRecordCoincidences.add("Observation.ndjson line " + visitNumber + ", Observation.note[0].text");
                    attestedLocations.add("visit.csv record " + visitNumber + ", column visit_date");
                    attestedLocations.add("Observation.ndjson line " + visitNumber + ", Observation.effectiveDateTime");
                    attestedLocations.add("Observation.ndjson line " + visitNumber + ", Observation.note[0].text");
                    long day = p.birth().getYear() * 10000L + p.birth().getMonthValue() * 100L + p.birth().getDayOfMonth();
                    attested.computeIfAbsent(p.pseudonym(), k -> new HashMap<>()).merge(day, 3, Integer::sum);
                }
                visitNumber++;
                String code = surrogateKeys.get(r.nextInt(surrogateKeys.size()));
                visits.append(pseudonym(r)).append(',').append(p.pseudonym()).append(',').append(date).append(',')
                        .append(code).append(',').append(r.nextInt(200)).append('\n');
                observations.append("{\"resourceType\":\"Observation\",\"id\":\"").append(pseudonym(r))
                        .append("\",\"effectiveDateTime\":\"").append(date).append("T10:00:00Z\",\"code\":{\"coding\":[{\"code\":\"")
                        .append(code).append("\"}]},\"subject\":{\"reference\":\"Patient/").append(p.pseudonym())
                        .append("\"},\"note\":[{\"text\":\"Seen on ").append(date).append(" for a check-up\"}]}\n");
            }
            Dataset ds = new Dataset();
            ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25." + (1000 + i));
            ds.putStrings(Tag.PATIENT_ID, VR.LO, p.pseudonym());
            ds.putStrings(0x00100030, VR.DA, birth.replace("-", ""));
            ds.putStrings(0x00080020, VR.DA, p.shifted(p.birth().plusDays(3)).toString().replace("-", ""));
            if (!mrn.isEmpty()) {
                ds.putStrings(0x00101000, VR.LO, mrn);
            }
            try (OutputStream o = Files.newOutputStream(dicom.resolve(String.format("IM%05d.dcm", i)))) {
                TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
                new DicomWriter().write(new DicomFile(DicomWriter.fileMeta(new Dataset(), ds, ts), ds, ts), ts, o);
            }
        }
        Files.writeString(out.resolve("person.csv"), persons);
        Files.writeString(out.resolve("visit.csv"), visits);
        Files.writeString(out.resolve("Patient.ndjson"), patientsJson);
        Files.writeString(out.resolve("Observation.ndjson"), observations);
        return out;
    }

    @Test
    void aCleanMultiPatientExportFullOfCoincidencesIsClean() throws Exception {
        corpus();
        Path out = export(Map.of());
        // the corpus is one where coincidences happen: shifted dates on other patients' birth days, kept codes equal to
        // surrogate keys, surnames equal to categories
        Set<String> births = new HashSet<>();
        patients.forEach(p -> births.add(p.birth().toString()));
        long dateCoincidences = Files.readAllLines(out.resolve("visit.csv")).stream().skip(1)
                .filter(line -> births.contains(line.split(",")[2])).count()
                + Files.readAllLines(out.resolve("person.csv")).stream().skip(1)
                .filter(line -> births.contains(line.split(",")[1])).count();
        long categoryCoincidences = Files.readAllLines(out.resolve("person.csv")).stream().skip(1)
                .filter(line -> Set.of("white", "black").contains(line.split(",")[2])).count();
        long codeCoincidences = Files.readAllLines(out.resolve("visit.csv")).stream().skip(1)
                .filter(line -> surrogateKeys.contains(line.split(",")[3])).count();
        assertTrue(dateCoincidences > 300, () -> dateCoincidences + " dates");
        assertTrue(categoryCoincidences > 100, () -> categoryCoincidences + " categories");
        assertEquals(PATIENTS * 5, codeCoincidences);
        assertTrue(ownRecordCoincidences.size() < 40, ownRecordCoincidences::toString);

        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        assertTrue(r.complete(), r.notScanned()::toString);
        assertEquals(ownRecordCoincidences, found(r));
        // a race word equal to the patient's own surname, which the column holds for many other patients: shared
        assertTrue(sharedLocations.size() > 10, sharedLocations::toString);
        assertEquals(sharedLocations.size(), r.shared());
        assertEquals(ownRecordCoincidences, found(new VerifyJob(out, keys, false, 1).run()));
        // the NDJSON files read in parts on two threads: the counts of a field add up across the parts
        VerifyJob inParts = new VerifyJob(out, keys, false, 2);
        inParts.partBytes = 4096;
        VerifyReport parts = inParts.run();
        assertEquals(content(r), content(parts));
        assertEquals(sharedLocations.size(), parts.shared());
    }

    /** Seals the attestations a run that wrote this export would have made, under the run of folder {@code out}. */
    private void attest() {
        keys.addRun(new RunRecord(RUN, Instant.EPOCH, Instant.EPOCH, "test", "test", "0".repeat(64), "out", 1, 0, 0, 0));
        keys.addCoincidences(RUN, attested);
    }

    private static Set<String> found(VerifyReport r) {
        Set<String> found = new TreeSet<>();
        for (VerifyReport.FileHits f : r.hits()) {
            for (VerifyReport.Hit h : f.listed()) {
                found.add(f.path() + " " + h.location());
            }
            assertEquals(f.listed().size(), f.count());
        }
        return found;
    }

    @Test
    void aPatientsOwnBirthDateAndMrnInTheirOwnRecordAreFoundInEveryFormat() throws Exception {
        corpus();
        Path out = export(Map.of("birth", "", "mrn", ""));
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        Set<String> found = found(r);
        found.removeAll(ownRecordCoincidences);
        assertEquals(new TreeSet<>(List.of(
                "Patient.ndjson line 18, Patient.birthDate",
                "Patient.ndjson line 18, Patient.identifier[0].value",
                "dicom/IM00017.dcm (0010,0030) PatientBirthDate",
                "dicom/IM00017.dcm (0010,1000) OtherPatientIDs",
                "person.csv record 18, column birth_date",
                "person.csv record 18, column mrn")), found);
    }

    @Test
    void aSurnamePlantedInOneRecordsKeptCellIsAHitInCsvAndFhir() throws Exception {
        corpus();
        for (String plant : List.of("surname", "surnameText")) {
            if (Files.exists(dir.resolve("out"))) {
                deleteTree(dir.resolve("out"));
            }
            Path out = export(Map.of(plant, ""));
            VerifyReport r = new VerifyJob(out, keys, false, 2).run();
            Set<String> found = found(r);
            found.removeAll(ownRecordCoincidences);
            assertEquals(new TreeSet<>(List.of(
                    "Patient.ndjson line 18, Patient.maritalStatus.text",
                    "person.csv record 18, column comment")), found, plant);
            assertEquals(sharedLocations.size(), r.shared(), plant);
        }
    }

    @Test
    void aKeptSurnameColumnIsAHitInEveryRecordEvenWhereItIsACategoryWord() throws Exception {
        corpus();
        Path out = export(Map.of("names", ""));
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        long csv = r.hits().stream().filter(f -> f.path().equals("person.csv")).mapToLong(VerifyReport.FileHits::count)
                .sum();
        long fhir = r.hits().stream().filter(f -> f.path().equals("Patient.ndjson")).mapToLong(VerifyReport.FileHits::count)
                .sum();
        // every record's own surname (no other patient's record holds it there), beside the race coincidences
        long csvCoincidences = ownRecordCoincidences.stream().filter(l -> l.startsWith("person.csv")).count();
        assertEquals(PATIENTS + csvCoincidences, csv);
        assertEquals(PATIENTS, fhir);
        assertEquals(sharedLocations.size(), r.shared());
    }

    @Test
    void theRunsAttestedCoincidencesAreCountedNotReported() throws Exception {
        corpus();
        Path out = export(Map.of());
        attest();
        assertTrue(attestedLocations.size() >= 2, attestedLocations::toString);
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        Set<String> expected = new TreeSet<>(ownRecordCoincidences);
        expected.removeAll(attestedLocations);
        assertEquals(expected, found(r));
        assertEquals(attestedLocations.size(), r.attested());
        // at one thread the same
        assertEquals(expected, found(new VerifyJob(out, keys, false, 1).run()));
    }

    @Test
    void attestationsHideNoPlantedLeakInAnyFormat() throws Exception {
        corpus();
        Path out = export(Map.of("birth", "", "mrn", ""));
        attest();
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        Set<String> found = found(r);
        found.removeAll(ownRecordCoincidences);
        assertEquals(new TreeSet<>(List.of(
                "Patient.ndjson line 18, Patient.birthDate",
                "Patient.ndjson line 18, Patient.identifier[0].value",
                "dicom/IM00017.dcm (0010,0030) PatientBirthDate",
                "dicom/IM00017.dcm (0010,1000) OtherPatientIDs",
                "person.csv record 18, column birth_date",
                "person.csv record 18, column mrn")), found);
    }

    @Test
    void aPatientsOwnBirthDatePlantedBesideTheirAttestedCoincidencesIsStillAHitInEachFormat() throws Exception {
        corpus();
        VerifyReport clean;
        export(Map.of());
        attest();
        clean = new VerifyJob(dir.resolve("out"), keys, false, 2).run();
        // a patient whose shifted visit date is their own birth date, attested by the run
        String subject = attested.keySet().stream().sorted().findFirst().orElseThrow();
        for (int i = 0; i < patients.size(); i++) {
            if (patients.get(i).pseudonym().equals(subject)) {
                plantedPatient = i;
            }
        }
        Map<String, Map<Long, Integer>> sealed = new HashMap<>(attested);
        deleteTree(dir.resolve("out"));
        Path out = export(Map.of("birth", ""));
        assertEquals(sealed, attested, "the same coincidences");
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        // three more dates of that day in the patient's records (CSV, FHIR, DICOM) than the run attested: three hits
        assertEquals(clean.hitCount() + 3, r.hitCount());
        assertEquals(clean.attested(), r.attested());
    }

    private static void deleteTree(Path p) throws Exception {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }

    @Test
    void anAttestationCoversNoMoreDatesThanTheRunWroteNorAnotherFolder() throws Exception {
        corpus();
        Path out = export(Map.of());
        // the run attested one date fewer than the output holds for the first subject with any
        String subject = attested.keySet().stream().sorted().findFirst().orElseThrow();
        Map<Long, Integer> days = attested.get(subject);
        long day = days.keySet().iterator().next();
        int written = days.get(day);
        days.put(day, written - 1);
        if (days.get(day) == 0) {
            days.remove(day);
        }
        attest();
        VerifyReport r = new VerifyJob(out, keys, false, 2).run();
        assertEquals(attestedLocations.size() - 1, r.attested());
        Set<String> found = found(r);
        found.removeAll(ownRecordCoincidences);
        assertTrue(found.isEmpty(), found::toString);
        assertEquals(ownRecordCoincidences.size() - attestedLocations.size() + 1, r.hitCount());

        // the same export under another folder name is not the attested run's output: every coincidence is a hit
        Path moved = Files.move(out, dir.resolve("renamed"));
        VerifyReport other = new VerifyJob(moved, keys, false, 2).run();
        assertEquals(0, other.attested());
        assertEquals(ownRecordCoincidences, found(other));
    }

    @Test
    void aDayAndMonthSwappedDateOfAnAmbiguousOriginalIsAnotherDay() throws Exception {
        KeyFileContents k = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        String subject = "QX7K2M9PLR4T";
        k.putDateOffset(subject, 40);
        k.addEntries(List.of(new PseudonymEntry("patient", subject, "4471209")));
        // a German birth date (3 May 1970) and a US one (7 June 1971, written month first)
        k.addKnownIdentifiers(Map.of(subject, List.of(new KnownIdentifier("03.05.1970", "[DATE]", "[DATE]"),
                new KnownIdentifier("06/07/1971", "[DATE]", "[DATE]"))));
        Path out = Files.createDirectories(dir.resolve("de"));
        Files.writeString(out.resolve("patienten.csv"), String.join("\n",
                "PID;Geburtsdatum;Aufnahme;Entlassung",
                subject + ";05.03.1970;07.06.1971;06/07/1971",  // swapped, swapped: no leak; US date as written: a leak
                subject + ";03.05.1970;3.5.1970;1970-05-03",    // the German date as written, unpadded, ISO: leaks
                subject + ";07/06/1971;1971-06-07;1971-07-06",  // the US date swapped: no leak; ISO of its readings: leaks
                ""));
        VerifyReport r = new VerifyJob(out, k, false, 1).run();
        assertEquals(new TreeSet<>(List.of(
                "patienten.csv record 1, column Entlassung",
                "patienten.csv record 2, column Aufnahme",
                "patienten.csv record 2, column Entlassung",
                "patienten.csv record 2, column Geburtsdatum",
                "patienten.csv record 3, column Aufnahme",
                "patienten.csv record 3, column Entlassung")), found(r));
    }

    /** A report without its time: what two verifications of one tree must agree on. */
    private static List<Object> content(VerifyReport r) {
        return List.of(r.files(), r.bytes(), r.values(), r.hits(), r.notScanned(), r.attested(), r.shared());
    }

    @Test
    void theKeyFileReadAsAStreamIntoTheDictionaryGivesTheReportOfTheKeyFileOpenedWhole() throws Exception {
        corpus();
        // planted own values (counted only where their subject is named: the streamed key file lists the subjects after
        // the domains, so this needs every entry given to its subject), beside attested coincidences of the run
        Path out = export(Map.of("birth", "", "mrn", ""));
        attest();
        Path file = dir.resolve("study.deidkey");
        char[] passphrase = "correct horse battery staple".toCharArray();
        org.deidworkbench.keyfile.KeyFileStore.create(file, keys, passphrase.clone(), List.of());
        for (boolean reveal : new boolean[] {false, true}) {
            for (int threads : new int[] {1, 2}) {
                VerifyReport whole = new VerifyJob(out, keys, reveal, threads).run();
                VerifyReport streamed = VerifyJob.streamed(out, file, passphrase, reveal, threads).run();
                assertEquals(content(whole), content(streamed), "reveal " + reveal + ", " + threads + " threads");
                assertTrue(whole.hitCount() >= 6 && whole.attested() > 0, () -> whole.hitCount() + " hits");
                assertEquals(reveal, streamed.hits().get(0).listed().get(0).value() != null);
            }
        }
        // the passphrase is checked before anything is read into a dictionary
        org.deidworkbench.keyfile.KeyFileException wrong = org.junit.jupiter.api.Assertions.assertThrows(
                org.deidworkbench.keyfile.KeyFileException.class,
                () -> VerifyJob.streamed(out, file, "wrong".toCharArray(), false, 1));
        assertEquals(org.deidworkbench.keyfile.KeyFileException.Reason.WRONG_PASSPHRASE, wrong.reason());
    }

    @Test
    void aDomainOriginalOfASubjectListedLaterInTheStreamCountsInItsOwnRecordOnly() throws Exception {
        // the subject is known only by its date offset, which the payload lists after the domains; its MRN is no known
        // identifier: only the entry's own subject makes the number count in the subject's record
        KeyFileContents k = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        String subject = "QX7K2M9PLR4T";
        String other = "ZW3N8B5KTY2D";
        k.putDateOffset(subject, 40);
        k.putDateOffset(other, -12);
        k.addEntries(List.of(new PseudonymEntry("patient", subject, "4471209"),
                new PseudonymEntry("patient", other, "5582310")));
        Path out = Files.createDirectories(dir.resolve("export"));
        Files.writeString(out.resolve("patients.csv"), String.join("\n",
                "pid;mrn;lab_value",
                other + ";;4471209",    // another subject's record: a coincidence
                subject + ";4471209;",  // its own record: a leak
                ""));
        Path file = dir.resolve("small.deidkey");
        char[] passphrase = "correct horse battery staple".toCharArray();
        org.deidworkbench.keyfile.KeyFileStore.create(file, k, passphrase.clone(), List.of());
        VerifyReport whole = new VerifyJob(out, k, false, 1).run();
        VerifyReport streamed = VerifyJob.streamed(out, file, passphrase, false, 1).run();
        assertEquals(Set.of("patients.csv record 2, column mrn"), found(whole));
        assertEquals(content(whole), content(streamed));
    }

    @Test
    void aKeyFileOfManyBatchesFedOnASecondThreadGivesTheSameReportAndATamperedOneNoDictionary() throws Exception {
        // 2,600 entries of 650 subjects, each with a known identifier and a date offset: the records cross the
        // batches in which the reading thread hands them to the dictionary's thread (decision 0082)
        KeyFileContents k = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        List<PseudonymEntry> entries = new ArrayList<>();
        Map<String, List<KnownIdentifier>> known = new HashMap<>();
        StringBuilder csv = new StringBuilder("pid;mrn;note\n");
        for (int s = 0; s < 650; s++) {
            String subject = String.format("QX%04dPLR4T", s);
            k.putDateOffset(subject, s % 30 - 15);
            entries.add(new PseudonymEntry("patient", subject, String.format("44%05d", s)));
            entries.add(new PseudonymEntry("name", "N" + subject, "Quillfeather" + (char) ('a' + s % 26) + (char) ('a' + s / 26 % 26)));
            entries.add(new PseudonymEntry("address", "A" + subject, "Lindenweg " + s));
            entries.add(new PseudonymEntry("phone", "P" + subject, String.format("555-01%02d-%04d", s % 100, s)));
            known.put(subject, List.of(new KnownIdentifier(String.format("77%05d", s), "[MRN]", "[MRN]")));
            if (s % 50 == 7) {
                csv.append(subject).append(';').append(String.format("44%05d", s)).append(";seen Quillfeather")
                        .append((char) ('a' + s % 26)).append((char) ('a' + s / 26 % 26)).append(", chart ")
                        .append(String.format("77%05d", s)).append('\n');
            }
        }
        k.addEntries(entries);
        k.addKnownIdentifiers(known);
        Path out = Files.createDirectories(dir.resolve("batches"));
        Files.writeString(out.resolve("patients.csv"), csv.toString());
        Path file = dir.resolve("batches.deidkey");
        char[] passphrase = "correct horse battery staple".toCharArray();
        org.deidworkbench.keyfile.KeyFileStore.create(file, k, passphrase.clone(), List.of());
        VerifyReport whole = new VerifyJob(out, k, false, 1).run();
        assertEquals(39, whole.hitCount(), () -> found(whole).toString()); // 13 records, three originals each
        for (int threads : new int[] {1, 2}) {
            assertEquals(content(whole), content(VerifyJob.streamed(out, file, passphrase, false, threads).run()),
                    threads + " threads");
        }
        // a flipped byte in the encrypted content: the file is refused, and the dictionary's thread is gone
        byte[] der = Files.readAllBytes(file);
        der[der.length / 2] ^= 0x20;
        Path tampered = dir.resolve("tampered.deidkey");
        Files.write(tampered, der);
        org.deidworkbench.keyfile.KeyFileException failure = org.junit.jupiter.api.Assertions.assertThrows(
                org.deidworkbench.keyfile.KeyFileException.class,
                () -> VerifyJob.streamed(out, tampered, passphrase, false, 2));
        assertEquals(org.deidworkbench.keyfile.KeyFileException.Reason.TAMPERED, failure.reason());
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("deid-verify-dictionary")));
    }
}
