package org.deidworkbench.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomFormatException;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.VR;

/**
 * Synthetic inputs for the Spark tests and {@code deid-spark bench}: related CSV tables, DICOM
 * studies and FHIR bulk exports of made-up patients (no real person's data), deterministic for a given size.
 */
final class SyntheticData {

    private static final String[] GIVEN = {"Avery", "Jordan", "Casey", "Morgan", "Riley", "Quinn", "Harper", "Rowan"};
    private static final String[] FAMILY = {"Quillfeather", "Marchetti", "Abernathy", "Okonkwo", "Lindqvist",
        "Castellanos", "Brannigan", "Thistlewood", "Vasquez", "Nakamura", "Oyelaran"};
    private static final String[] CITIES = {"Springfield", "Riverton", "Lakewood", "Fairview", "Georgetown"};

    private SyntheticData() {
    }

    private static String given(int p) {
        return GIVEN[p % GIVEN.length];
    }

    private static String family(int p) {
        return FAMILY[(p / GIVEN.length) % FAMILY.length] + (p / (GIVEN.length * FAMILY.length));
    }

    /**
     * {@code rows} rows in two related tables: {@code patients.csv} (one row per ten rows: id, names,
     * birth date, city, phone) and {@code encounters.csv} (the other rows: an encounter per row of a
     * patient, with dates and a note that names the patient and the city).
     *
     * @return the folder holding both
     */
    static Path csv(Path root, int rows) throws IOException {
        Files.createDirectories(root);
        int patients = Math.max(1, rows / 10);
        try (BufferedWriter w = Files.newBufferedWriter(root.resolve("patients.csv"), StandardCharsets.UTF_8)) {
            w.write("mrn,first_name,last_name,date_of_birth,city,phone\n");
            for (int p = 0; p < patients; p++) {
                w.write((800000 + p * 3) + "," + given(p) + "," + family(p) + "," + (1930 + p % 70) + "-0" + (1 + p % 9)
                        + "-1" + (p % 10) + "," + CITIES[p % CITIES.length] + ",555-" + (100 + p % 900) + "-"
                        + (1000 + p % 9000) + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(root.resolve("encounters.csv"), StandardCharsets.UTF_8)) {
            w.write("encounter_id,patient_mrn,admit_date,department,notes\n");
            for (int e = 0; e < rows - patients; e++) {
                int p = (e * 7) % patients;
                w.write("E" + (3000000 + e) + "," + (800000 + p * 3) + ",2023-0" + (1 + e % 9) + "-2" + (e % 8) + ","
                        + (e % 3 == 0 ? "Cardiology" : "Radiology") + ",\"" + given(p) + " " + family(p)
                        + " seen after a fall in " + CITIES[p % CITIES.length] + "; follow-up in 2 weeks.\"\n");
            }
        }
        return root;
    }

    /**
     * {@code patients} patients, each with a CT study of the sample's three files (two images and a
     * structured report, from {@code sample}'s first study): new patient ids, names (also in the study
     * description, for scrubbing), study, series and instance UIDs.
     *
     * @param sample the project's {@code sample-data} folder
     * @return {@code root}
     */
    static Path dicom(Path root, Path sample, int patients) throws IOException, DicomFormatException {
        Path study = sample.resolve("dicom/100200/ct_20220117");
        DicomReader reader = new DicomReader();
        for (int p = 0; p < patients; p++) {
            String id = Integer.toString(700000 + p * 7);
            String uidRoot = "1.2.826.0.1.3680043.8.498.77." + p;
            int n = 0;
            for (String name : List.of("IM0001.dcm", "IM0002.dcm", "SR0001.dcm")) {
                n++;
                try (DicomFile f = reader.read(study.resolve(name))) {
                    Dataset ds = f.dataset();
                    ds.putStrings(0x00100020, VR.LO, id);
                    ds.putStrings(0x00100010, VR.PN, family(p) + "^" + given(p));
                    ds.putStrings(0x00081030, VR.LO, "Follow-up " + given(p) + " " + family(p));
                    ds.putStrings(0x0020000D, VR.UI, uidRoot + ".1");
                    ds.putStrings(0x0020000E, VR.UI, uidRoot + ".2." + (name.startsWith("SR") ? 2 : 1));
                    String sop = uidRoot + ".3." + n;
                    ds.putStrings(0x00080018, VR.UI, sop);
                    if (f.fileMeta() != null && f.fileMeta().contains(0x00020003)) {
                        f.fileMeta().putStrings(0x00020003, VR.UI, sop);
                    }
                    Path target = root.resolve(id + "/ct/" + name);
                    Files.createDirectories(target.getParent());
                    new DicomWriter().write(f, target);
                }
            }
        }
        return root;
    }

    /**
     * A FHIR bulk export in {@code files} NDJSON files: the first {@code patients} (at most 5,000) of
     * {@code FhirBenchmark}'s Patients and, of about {@code observationBytes} of its Observations, those
     * of these patients (each referring to its patient, {@code Patient/pN}, in another file, with a
     * note naming a patient), dealt round-robin into {@code Patient-k.ndjson}
     * and {@code Observation-k.ndjson}; plus, in {@code Encounter.ndjson}, encounters that refer to
     * patients by conditional reference ({@code Patient?identifier=system|value}) and to one patient
     * whose id two Patients share with different MRNs (ambiguous: resolved to none, whatever file
     * was read first).
     *
     * @return {@code root}
     */
    static Path fhir(Path root, int patients, long observationBytes, int files) throws IOException {
        Path whole = root.resolveSibling(root.getFileName() + "-whole");
        org.deidworkbench.job.FhirBenchmark.generate(whole, observationBytes, 0);
        Files.createDirectories(root);
        for (String type : List.of("Patient", "Observation")) {
            List<String> lines = Files.readAllLines(whole.resolve(type + ".ndjson"), StandardCharsets.UTF_8).stream()
                    .filter(line -> keep(line, patients)).toList();
            List<BufferedWriter> out = new java.util.ArrayList<>();
            try {
                for (int k = 0; k < files; k++) {
                    out.add(Files.newBufferedWriter(root.resolve(type + "-" + k + ".ndjson"), StandardCharsets.UTF_8));
                }
                for (int i = 0; i < lines.size(); i++) {
                    BufferedWriter w = out.get(i % files);
                    w.write(lines.get(i));
                    w.write('\n');
                }
            } finally {
                for (BufferedWriter w : out) {
                    w.close();
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(root.resolve("Encounter.ndjson"), StandardCharsets.UTF_8)) {
            for (int e = 0; e < 200; e++) {
                int p = (e * 37) % patients;
                String subject = e % 2 == 0 ? "Patient?identifier=http://hospital.example.org/mrn|" + (200000 + p)
                        : e % 5 == 1 ? "Patient/p7" : "Patient/p" + p;
                w.write("{\"resourceType\":\"Encounter\",\"id\":\"e" + e + "\",\"status\":\"finished\",\"class\":"
                        + "{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},"
                        + "\"subject\":{\"reference\":\"" + subject + "\"},\"period\":{\"start\":\"2023-0" + (1 + e % 9)
                        + "-1" + (e % 10) + "T08:00:00Z\"}}\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(root.resolve("Patient-other-site.ndjson"),
                StandardCharsets.UTF_8)) {
            // Patient/p7 again, with another MRN: the key Patient/p7 is ambiguous.
            w.write("{\"resourceType\":\"Patient\",\"id\":\"p7\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
                    + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},\"system\":"
                    + "\"http://other.example.org/mrn\",\"value\":\"990007\"}],\"name\":[{\"family\":\"Thistlewood\","
                    + "\"given\":[\"Rowan\"]}],\"birthDate\":\"1961-04-02\"}\n");
        }
        try (java.util.stream.Stream<Path> walk = Files.walk(whole)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        return root;
    }

    /** Whether a generated Patient or Observation line is of one of the first {@code patients} patients. */
    private static boolean keep(String line, int patients) {
        java.util.regex.Matcher m = PATIENT_NUMBER.matcher(line);
        return m.find() && Integer.parseInt(m.group(1)) < patients;
    }

    private static final java.util.regex.Pattern PATIENT_NUMBER = java.util.regex.Pattern.compile(
            "\"(?:id\":\"|reference\":\"Patient/)p(\\d+)\"");
}
