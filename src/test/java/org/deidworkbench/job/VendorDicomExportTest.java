package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDirectory;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomTestFiles;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus folder {@code dicom-vendor} (decision 0185): DICOM as vendors' modalities and PACS exports write it, run
 * as a steward runs a folder. The session-start build left 4 of its first 46 planted values — the scanner's name and
 * serial number in the dose report's observer context, and two days in the ECG's annotations — withheld the disc's
 * DICOMDIR because it could not list an ECG, and kept a 92-year-old's birth date (shifted) and age in her SR. {@link AdversarialCorpusTest} checks the folder's bytes for every planted
 * value; this test checks what each fix does where a user looks.
 */
class VendorDicomExportTest {

    private static final char[] PASSPHRASE = "vendor-dicom-passphrase".toCharArray();
    private static final Path FOLDER = AdversarialCorpusTest.ROOT.resolve("dicom-vendor");

    @TempDir
    static Path dir;

    private static Path out;
    private static RunResult result;

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = dir.resolve("dicom-vendor");
        SampleData.copyTree(FOLDER, in);
        out = dir.resolve("out");
        result = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
    }

    private static FileReport report(String output) {
        return result.files().stream().filter(f -> f.output().equals(output)).findFirst().orElseThrow();
    }

    /** The output file of this name, wherever the run put it (its folders are renamed). */
    private static Path written(String fileName) throws Exception {
        try (Stream<Path> walk = Files.walk(out)) {
            return walk.filter(p -> p.getFileName().toString().equals(fileName)).findFirst().orElseThrow();
        }
    }

    private static List<String> texts(Dataset ds, int tag) {
        List<String> found = new ArrayList<>();
        ds.elements().forEach(e -> {
            if (e.tag() == tag) {
                found.add(ds.getString(tag));
            } else if (e.isSequence()) {
                e.items().forEach(item -> found.addAll(texts(item, tag)));
            }
        });
        return found;
    }

    @Test
    void theDoseReportsObserverContextLosesTheScannersNameAndSerialNumber() throws Exception {
        Dataset sr = new DicomReader().read(written("IM-0997-0001.dcm")).dataset();
        List<String> values = texts(sr, 0x0040A160); // TextValue, at every depth
        assertTrue(values.contains("[DEVICE]"), values.toString());
        assertFalse(values.stream().anyMatch(v -> v.contains("CTAWP73412") || v.contains("G7731LX")), values.toString());
        assertTrue(values.contains("5.1 CHEST W"), "the acquisition protocol is kept: " + values);
    }

    @Test
    void anEcgsAnnotationsKeepTheirFindingsAndShiftTheirDaysWithThePatient() throws Exception {
        Dataset ecg = new DicomReader().read(out.resolve("PDI_DISC/PT000000/ST000001/SE000000/WV000000")).dataset();
        // the ECG's Content Date is 2023-03-16 in the input: the offset the run gave this patient
        long offset = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(2023, 3, 16),
                LocalDate.parse(ecg.getString(0x00080023), DateTimeFormatter.BASIC_ISO_DATE));
        assertTrue(offset != 0);
        List<String> annotations = texts(ecg, 0x00700006); // Unformatted Text Value
        String shifted = LocalDate.of(2022, 1, 11).plusDays(offset)
                .format(DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH));
        String confirmed = LocalDate.of(2023, 3, 16).plusDays(offset).format(DateTimeFormatter.ofPattern("M/d/yyyy"));
        // "YELVERTON, CASIMIR MD": the referring physician YELVERTON^CASIMIR's words are found alone since decision 0230;
        // the degree stays since decision 0247 ("MD" is no word of a name to learn: it was taken with the name)
        assertEquals(List.of("Confirmed by: [NAME] MD on " + confirmed + " 10:02",
                "Sinus rhythm. Compared with ECG of " + shifted + ", no significant change"), annotations);
    }

    @Test
    void theDiscsDicomdirIsMadeAnewWithItsEcgAndWithoutTheWithheldUltrasound() throws Exception {
        assertEquals(FileReport.Status.WRITTEN, report("PDI_DISC/DICOMDIR").status(),
                () -> report("PDI_DISC/DICOMDIR").problems().toString());
        assertEquals(FileReport.Status.QUARANTINED, report("PDI_DISC/PT000000/ST000002/SE000000/IM000000").status());
        Dataset dicomdir = new DicomReader().read(out.resolve("PDI_DISC/DICOMDIR")).dataset();
        List<String> leaves = new ArrayList<>();
        for (Dataset r : dicomdir.getItems(0x00041220)) {
            if (r.contains(DicomDirectory.REFERENCED_FILE_ID)) {
                leaves.add(r.getString(0x00041430) + " " + String.join("/", r.getStrings(DicomDirectory.REFERENCED_FILE_ID)));
            }
        }
        assertEquals(List.of("IMAGE PT000000/ST000000/SE000000/IM000000", "KEY OBJECT DOC PT000000/ST000000/SE000001/KY000000",
                "WAVEFORM PT000000/ST000001/SE000000/WV000000"), leaves);
        String bytes = new String(Files.readAllBytes(out.resolve("PDI_DISC/DICOMDIR")), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains("BALLANTYNE") || bytes.contains("H00912877"), "the disc's patient is not in it");
    }

    @Test
    void dciodvfyFindsTheDiscsDicomdirWithoutErrors() throws Exception {
        Assumptions.assumeTrue(DicomTestFiles.onPath("dciodvfy"), "dciodvfy not installed (apt-get install dicom3tools); CI installs it");
        DicomTestFiles.Dciodvfy report = DicomTestFiles.dciodvfy(out.resolve("PDI_DISC/DICOMDIR"));
        assertTrue(report.text().contains("BasicDirectory"), report.text());
        assertEquals(List.of(), report.errors());
    }

    @Test
    void thePacsFoldersNamedByThePatientAreRenamed() {
        List<String> names = result.files().stream().map(FileReport::output).filter(o -> o.startsWith("PACS_EXPORT/"))
                .toList();
        assertEquals(5, names.size(), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("THACKERAY") || n.contains("BRENDAN") || n.contains("7730155")
                || n.contains("20230314") || n.contains("QUENBY") || n.contains("ELSPETH") || n.contains("Q5501877")
                || n.contains("20230310")), names.toString());
    }

    @Test
    void aNinetyTwoYearOldsReportKeepsNeitherHerBirthDateNorHerAge() throws Exception {
        Dataset sr = new DicomReader().read(written("SR-0004-0001.dcm")).dataset();
        List<String> concepts = new ArrayList<>();
        String age = null;
        for (Dataset item : sr.getItems(0x0040A730)) {
            String code = item.getItems(0x0040A043).get(0).getString(0x00080100);
            concepts.add(code);
            if (code.equals("121033")) {
                age = item.getItems(0x0040A300).get(0).getString(0x0040A30A);
            }
        }
        assertFalse(concepts.contains("121031"), "Subject Birth Date is gone: " + concepts);
        assertEquals("90", age);
        assertEquals("090Y", sr.getString(0x00101010)); // Patient's Age, as before
        assertTrue(texts(sr, 0x0040A160).contains("Mrs [NAME] (DOB [DOB]) lives with daughter [NAME] in [LOCATION];"
                + " phone [PHONE]. No nodal disease."), texts(sr, 0x0040A160).toString());
    }
}
