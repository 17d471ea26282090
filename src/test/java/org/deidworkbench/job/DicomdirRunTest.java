package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDirectory;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomReader;
import org.deidworkbench.dicom.DicomTestFiles;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over DICOM media with a DICOMDIR makes the DICOMDIR anew over the de-identified files
 * (decision 0009): it lists exactly the files written into its folder, holds their de-identified
 * values and none of the input's, and dcmdump and dciodvfy accept it. Where it cannot be valid it is
 * withheld with the reason. The input holds three DICOMDIRs: {@code media/} (sample studies under
 * DICOM File IDs, plus a secondary capture that is withheld), {@code named/} (the sample studies
 * under their own names: MRN folders and {@code .dcm} files) and one at the top, whose folder's
 * files all belong to the other two.
 */
class DicomdirRunTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static final Path SAMPLES = Path.of("sample-data", "dicom");
    /** Original values of the sample files and of the input DICOMDIRs (names, MRNs, UID stems). */
    private static final List<String> ORIGINALS = List.of("QUILLFEATHER", "BRANNIGAN", "DELACROIX", "100200", "100251",
            "100353", "3086417364927");

    @TempDir
    static Path dir;

    private static Path out;
    private static RunResult result;

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<Path> samples;
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            samples = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path media = in.resolve("media");
        List<Path> copies = new ArrayList<>();
        for (Path s : samples) {
            Path rel = SAMPLES.relativize(s);
            String patient = "P" + rel.getName(0).toString().substring(3); // P200, P251, P353
            String file = rel.getFileName().toString().replace(".dcm", "").toUpperCase(Locale.ROOT);
            Path target = media.resolve("DICOM").resolve(patient).resolve("ST1").resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(s, target);
            copies.add(target);
            Path named = in.resolve("named").resolve(rel.toString());
            Files.createDirectories(named.getParent());
            Files.copy(s, named);
        }
        Path capture = media.resolve("DICOM").resolve("P200").resolve("ST1").resolve("SC1");
        writeSecondaryCapture(capture);
        copies.add(capture);
        writeInputDicomdir(media.resolve("DICOMDIR"), media, copies);
        writeInputDicomdir(in.resolve("named").resolve("DICOMDIR"), in.resolve("named"), List.of());
        writeInputDicomdir(in.resolve("DICOMDIR"), in, List.of());

        Path keyFile = dir.resolve("k.deidkey");
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 7 + 3);
        }
        KeyFileStore.save(keyFile, KeyFileContents.create(ProjectSecret.of(secret), Instant.EPOCH), PASSPHRASE, List.of());
        out = dir.resolve("out");
        result = run(in, out, keyFile, 2);
        Path outOneThread = dir.resolve("out-1");
        run(in, outOneThread, keyFile, 1);
        assertEquals(Files.readString(out.resolve(RunJob.MANIFEST)), Files.readString(outOneThread.resolve(RunJob.MANIFEST)),
                "output, DICOMDIR included, is the same at one and two threads");
    }

    private static RunResult run(Path in, Path output, Path keyFile, int threads) throws Exception {
        return new RunJob(new RunRequest(List.of(in), output, keyFile, false, PASSPHRASE,
                ProfileLoader.read("dicom-basic"), threads), RunListener.NONE).run();
    }

    /** A secondary capture without a redaction rule: withheld by dicom-basic, so never listed. */
    private static void writeSecondaryCapture(Path target) throws Exception {
        Dataset ds = new DicomReader().read(SAMPLES.resolve("100200/ct_20220117/IM0001.dcm")).dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.3086417364927.100200.7.7");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), target);
    }

    /** A DICOMDIR as media carry one: a PATIENT record with the original name and MRN per listed file. */
    private static void writeInputDicomdir(Path target, Path folder, List<Path> files) throws Exception {
        List<DicomDirectory.Record> patients = new ArrayList<>();
        for (Path f : files) {
            Dataset ds = new DicomReader().read(f).dataset();
            Dataset keys = new Dataset();
            keys.putStrings(Tag.PATIENT_NAME, VR.PN, ds.getString(Tag.PATIENT_NAME));
            keys.putStrings(Tag.PATIENT_ID, VR.LO, ds.getString(Tag.PATIENT_ID));
            DicomDirectory.Record patient = new DicomDirectory.Record("PATIENT", keys);
            Dataset image = new Dataset();
            image.putStrings(DicomDirectory.REFERENCED_FILE_ID, VR.CS,
                    folder.relativize(f).toString().split("/"));
            image.putStrings(DicomDirectory.REFERENCED_SOP_INSTANCE, VR.UI, ds.getString(Tag.SOP_INSTANCE_UID));
            patient.add(new DicomDirectory.Record("IMAGE", image));
            patients.add(patient);
        }
        new DicomWriter().write(DicomDirectory.of("2.25.3086417364927.100200.9", patients), target);
    }

    private static FileReport report(String output) {
        return result.files().stream().filter(f -> f.output().equals(output)).findFirst().orElseThrow();
    }

    private static Dataset dicomdir() throws Exception {
        return new DicomReader().read(out.resolve("media/DICOMDIR")).dataset();
    }

    private static List<Dataset> instanceRecords() throws Exception {
        return dicomdir().getItems(0x00041220).stream().filter(r -> r.contains(DicomDirectory.REFERENCED_FILE_ID))
                .toList();
    }

    @Test
    void theMediaDicomdirIsMadeAnewAndReportedWritten() {
        FileReport r = report("media/DICOMDIR");
        assertEquals(FileReport.Status.WRITTEN, r.status(), () -> r.problems().toString());
        assertEquals(Long.valueOf(10), r.actions().get("dicomdir (regenerated)"));
        assertTrue(Files.isRegularFile(out.resolve("media/DICOMDIR")));
    }

    @Test
    void itListsEveryFileWrittenIntoItsFolderAndNoOther() throws Exception {
        Set<String> listed = new TreeSet<>();
        for (Dataset r : instanceRecords()) {
            listed.add("media/" + String.join("/", r.getStrings(DicomDirectory.REFERENCED_FILE_ID)));
        }
        Set<String> written = result.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN)
                .map(FileReport::output).filter(o -> o.startsWith("media/") && !o.endsWith("DICOMDIR"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(written, listed);
        assertEquals(FileReport.Status.QUARANTINED, report("media/DICOM/P200/ST1/SC1").status());
    }

    @Test
    void everyRecordNamesTheSopInstanceOfTheFileItPointsAt() throws Exception {
        for (Dataset r : instanceRecords()) {
            Path file = out.resolve("media").resolve(String.join("/", r.getStrings(DicomDirectory.REFERENCED_FILE_ID)));
            Dataset ds = new DicomReader().read(file).dataset();
            assertEquals(ds.getString(Tag.SOP_INSTANCE_UID), r.getString(DicomDirectory.REFERENCED_SOP_INSTANCE));
            assertEquals(ds.getString(Tag.SOP_CLASS_UID), r.getString(DicomDirectory.REFERENCED_SOP_CLASS));
        }
    }

    @Test
    void patientRecordsHoldTheDeidentifiedPatientIds() throws Exception {
        Set<String> inDirectory = dicomdir().getItems(0x00041220).stream()
                .filter(r -> "PATIENT".equals(r.getString(0x00041430))).map(r -> r.getString(Tag.PATIENT_ID))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> inFiles = new TreeSet<>();
        for (Dataset r : instanceRecords()) {
            Path file = out.resolve("media").resolve(String.join("/", r.getStrings(DicomDirectory.REFERENCED_FILE_ID)));
            inFiles.add(new DicomReader().read(file).dataset().getString(Tag.PATIENT_ID));
        }
        assertEquals(inFiles, inDirectory);
        assertEquals(3, inDirectory.size());
    }

    @Test
    void noOriginalValueIsInTheDicomdir() throws Exception {
        String bytes = new String(Files.readAllBytes(out.resolve("media/DICOMDIR")), StandardCharsets.ISO_8859_1)
                .toUpperCase(Locale.ROOT);
        assertEquals(List.of(), ORIGINALS.stream().filter(bytes::contains).toList());
    }

    @Test
    void theDicomdirIsInTheManifest() throws Exception {
        assertTrue(Files.readString(out.resolve(RunJob.MANIFEST)).contains("  media/DICOMDIR\n"));
    }

    @Test
    void aDicomdirWhoseFilesHaveNoFileIdsIsWithheldSayingWhy() {
        FileReport r = report("named/DICOMDIR");
        assertEquals(FileReport.Status.QUARANTINED, r.status());
        assertEquals("DICOM-DICOMDIR-NOT-REGENERATED", r.problems().get(0).code());
        assertTrue(r.problems().get(0).message().contains("File ID"), r.problems().get(0).message());
        assertFalse(Files.exists(out.resolve("named/DICOMDIR")));
    }

    @Test
    void aDicomdirWhoseFolderHasNoFilesOfItsOwnIsWithheld() {
        FileReport r = report("DICOMDIR");
        assertEquals(FileReport.Status.QUARANTINED, r.status());
        assertTrue(r.problems().get(0).message().contains("nothing to list"), r.problems().get(0).message());
    }

    @Test
    void dcmdumpReadsTheDicomdir() throws Exception {
        Assumptions.assumeTrue(DicomTestFiles.onPath("dcmdump"), "dcmdump not installed (apt-get install dcmtk); CI installs it");
        Process p = new ProcessBuilder("dcmdump", "-q", out.resolve("media/DICOMDIR").toString()).redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), text);
        assertEquals(List.of(), text.lines().filter(l -> l.startsWith("E:") || l.startsWith("W:")).toList());
    }

    @Test
    void dciodvfyFindsTheBasicDirectoryWithoutErrors() throws Exception {
        Assumptions.assumeTrue(DicomTestFiles.onPath("dciodvfy"), "dciodvfy not installed (apt-get install dicom3tools); CI installs it");
        DicomTestFiles.Dciodvfy report = DicomTestFiles.dciodvfy(out.resolve("media/DICOMDIR"));
        assertTrue(report.text().contains("BasicDirectory"), report.text());
        assertEquals(List.of(), report.errors());
    }
}
