package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.Assumptions;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start of the README: the sample CSV exports and DICOM studies in one run with the
 * default profiles. The same patient gets the same pseudonym and the same date offset in both.
 */
class SampleDicomTest {

    private static final Path DICOM = Path.of("sample-data", "dicom");
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    static Path shared;

    private static RunResult result;
    private static Path out;
    private static KeyFileContents keys;

    @BeforeAll
    static void runOnce() throws Exception {
        out = shared.resolve("out");
        Path keyFile = shared.resolve("out.deidkey");
        result = new RunJob(new RunRequest(List.of(SampleData.CSV, DICOM), out, keyFile, true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        keys = KeyFileStore.open(keyFile, PASSPHRASE);
    }

    /** The de-identified DICOM files of the patient whose pseudonym the key file holds for {@code mrn}. */
    private static List<Dataset> filesOf(String mrn) throws Exception {
        String pseudonym = keys.entries("patient").entrySet().stream().filter(e -> e.getValue().equals(mrn))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        List<Dataset> out = new java.util.ArrayList<>();
        for (FileReport o : result.files()) {
            if (o.output().startsWith("dicom/")) {
                Dataset ds = new DicomReader().read(SampleDicomTest.out.resolve(o.output())).dataset();
                if (pseudonym.equals(ds.getString(Tag.PATIENT_ID))) {
                    out.add(ds);
                }
            }
        }
        return out;
    }

    private static Dataset report(List<Dataset> files) {
        return files.stream().filter(d -> d.getString(0x00080060).equals("SR")).findFirst().orElseThrow();
    }

    @Test
    void theFolderNamedByTheMrnIsRenamedToThePseudonym() {
        assertTrue(result.files().stream().map(FileReport::output).noneMatch(o -> o.contains("100353")));
    }

    @Test
    void everySampleFileOfBothFormatsIsWritten() {
        assertTrue(result.allWritten(), () -> "problems: " + result.files());
        assertEquals(14, result.files().size());
    }

    @Test
    void aPatientHasOnePseudonymInCsvAndDicom() throws Exception {
        List<Dataset> files = filesOf("100353");
        assertEquals(3, files.size(), "the CT study of patient 100353: two images and a report");
        String encounters = Files.readString(out.resolve("csv/encounters.csv"), StandardCharsets.UTF_8);
        assertTrue(encounters.contains("," + files.get(0).getString(Tag.PATIENT_ID) + ","),
                "the CSV rows of patient 100353 carry the same pseudonym");
    }

    @Test
    void aPatientsDicomDatesMoveByTheOffsetOfItsCsvDates() throws Exception {
        for (Dataset ds : filesOf("100353")) {
            int offset = keys.dateOffset(ds.getString(Tag.PATIENT_ID)).orElseThrow();
            assertEquals(LocalDate.of(2022, 2, 2).plusDays(offset).format(DateTimeFormatter.BASIC_ISO_DATE),
                    ds.getString(0x00080020));
        }
    }

    @Test
    void theReportTextLosesNameMrnPhoneAndDateAndKeepsItsReferences() throws Exception {
        List<Dataset> files = filesOf("100353");
        Dataset sr = report(files);
        String text = sr.getItems(0x0040A730).get(0).getString(0x0040A160);
        assertFalse(text.contains("Delacroix") || text.contains("Desmond") || text.contains("100353")
                || text.contains("555-604-6018") || text.contains("02/02/2022"), "report text still identifies");
        assertTrue(text.startsWith("No acute findings."), "the finding itself is kept");
        String referenced = sr.getItems(0x0040A375).get(0).getItems(0x00081115).get(0).getItems(0x00081199).get(0)
                .getString(0x00081155);
        assertTrue(files.stream().anyMatch(d -> referenced.equals(d.getString(Tag.SOP_INSTANCE_UID))),
                "the report still references an image of its study");
    }

    @Test
    void noSampleIdentifierIsLeftInAnyDicomByte() throws Exception {
        Map<String, String> leaks = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out.resolve("dicom"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                // keyed UIDs (2.25. and up to 39 random-looking digits, new with each run's key) may hold a
                // six-digit id by chance (about once in a few hundred runs): they are not the ids' values
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                        .replaceAll("2\\.25\\.[0-9]+", "2.25.UID");
                for (String id : List.of("Quillfeather", "Brannigan", "Delacroix", "Avery", "Tobias", "Desmond",
                        "100200", "100251", "100353", "Abernathy", "Springfield", "19330205", "19750305", "SN-0042")) {
                    if (text.contains(id)) {
                        leaks.put(out.relativize(f).toString(), id.hashCode() + "");
                    }
                }
            }
        }
        assertEquals(Map.of(), leaks);
    }

    @Test
    void theSampleFilesAreWhatTheirGeneratorWrites() throws Exception {
        Path copy = shared.resolve("generated");
        Files.createDirectories(copy);
        Files.copy(Path.of("sample-data", "generate_dicom.py"), copy.resolve("generate_dicom.py"));
        Process p;
        try {
            p = new ProcessBuilder("python3", "generate_dicom.py").directory(copy.toFile()).redirectErrorStream(true)
                    .start();
        } catch (java.io.IOException e) {
            Assumptions.abort("python3 not installed");
            return;
        }
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        try (Stream<Path> files = Files.walk(DICOM)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path generated = copy.resolve("dicom").resolve(DICOM.relativize(f).toString());
                assertEquals(-1L, Files.mismatch(f, generated), () -> f + " differs from the generator's output");
            }
        }
    }
}
