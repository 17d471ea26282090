package org.deidworkbench.cli;

import static org.deidworkbench.cli.DeidCommandTest.deid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0029 end to end: a real run whose shifted visit date happens to be the patient's own original birth date
 * attests it in the key file; {@code deid run --verify} passes; the same date planted once more in the patient's
 * records, or the output under another folder name, fails.
 */
class AttestedCoincidenceRunTest {

    @TempDir
    Path dir;

    private static final String PATIENTS = "mrn,first_name,last_name,date_of_birth\n"
            + "100200,Avery,Quillfeather,1933-02-05\n100217,Jordan,Marchetti,1995-07-13\n";

    private static KeyFileContents open(Path key) throws Exception {
        return KeyFileStore.open(key, DeidCommandTest.PASSPHRASE.toCharArray());
    }

    /** A patient's pseudonym and date offset, both keyed by the study's secret. */
    private record Learnt(String subject, int offset) {
    }

    /**
     * A first run over {@code in1} (its key file {@code first.deidkey}, created beside the output): what it gives the
     * patient whose id is {@code id}.
     */
    private Learnt firstRun(Path in1, String id) throws Exception {
        DeidCommandTest.Result first = deid("run", in1.toString(), "--out", dir.resolve("first").toString());
        assertEquals(ExitCode.OK, first.code(), first::all);
        KeyFileContents keys = open(dir.resolve("first.deidkey"));
        String subject = keys.entries("patient").entrySet().stream().filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        return new Learnt(subject, keys.dateOffset(subject).orElseThrow());
    }

    @Test
    void aShiftedDateEqualToTheSubjectsOwnBirthDateIsAttestedAndAnythingMoreIsFound() throws Exception {
        // a first run learns the patient's pseudonym and date offset (both keyed by the study's secret)
        Path in1 = Files.createDirectories(dir.resolve("in1"));
        Files.writeString(in1.resolve("patients.csv"), PATIENTS);
        Files.writeString(in1.resolve("encounters.csv"), "encounter_id,mrn,encounter_date\nE1,100200,1950-01-01\n");
        Path key = dir.resolve("first.deidkey"); // created beside the first output
        Learnt learnt = firstRun(in1, "100200");
        String subject = learnt.subject();
        int offset = learnt.offset();

        // the second run's input holds a visit that the shift moves exactly onto the birth date
        Path in2 = Files.createDirectories(dir.resolve("in2"));
        Files.writeString(in2.resolve("patients.csv"), PATIENTS);
        String visit = LocalDate.of(1933, 2, 5).minusDays(offset).toString();
        Files.writeString(in2.resolve("encounters.csv"), "encounter_id,mrn,encounter_date\nE1,100200," + visit
                + "\nE2,100200," + visit + "\n"); // two rows in a row: the second reuses the first's result
        Path out = dir.resolve("second");
        DeidCommandTest.Result run = deid("run", in2.toString(), "--out", out.toString(), "--keyfile", key.toString(),
                "--verify");
        String encounters = Files.readString(out.resolve("encounters.csv"));
        assertTrue(encounters.contains(subject + ",1933-02-05"), "the coincidence happened: " + encounters.length());
        assertEquals(ExitCode.OK, run.code(), run::all);
        assertTrue(run.out().contains("2 attested coincidences"), run::out);
        assertFalse(run.all().contains("1933-02-05"), "no value shown");
        DeidCommandTest.Result inspect = deid("keyfile", "inspect", key.toString(), "--contents");
        assertTrue(inspect.out().contains("2 attested coincidences"), inspect::all);
        // The birth date in any notation (not "1933" alone: a timestamp's fraction or a digest may hold those
        // digits, which made this test fail about once in a few hundred runs).
        for (String notation : List.of("1933-02-05", "05.02.1933", "02/05/1933", "19330205", "1933-2-5")) {
            assertFalse(inspect.all().contains(notation), "no value shown");
        }

        // under another name the output is not that run's: the coincidence is a hit
        Path renamed = dir.resolve("renamed");
        copyTree(out, renamed);
        DeidCommandTest.Result other = deid("verify", "--keyfile", key.toString(), renamed.toString());
        assertEquals(ExitCode.LEAKS_FOUND, other.code(), other::all);

        // the birth date planted once more in the patient's own records: one hit
        Files.writeString(out.resolve("encounters.csv"), "E2X," + subject + ",1933-02-05\n", StandardOpenOption.APPEND);
        DeidCommandTest.Result planted = deid("verify", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.LEAKS_FOUND, planted.code(), planted::all);
        assertTrue(planted.out().contains("POSSIBLE LEAKS: 1 hit in 1 file"), planted::out);
        assertTrue(planted.out().contains("2 attested coincidences"), planted::out);
    }

    /**
     * Decision 0116: the scrubber shifts the dates of a note too, and one of them can land on the patient's own birth
     * date (a telephone note "seen November 16, 2014" of a child born 2014-03-21 came out "seen March 21, 2014" in a
     * real run, and {@code deid run --verify} failed on a clean output). The run attests those dates as it does a
     * column's, in both notations, also when the next row repeats the note.
     */
    @Test
    void aDateTheScrubberShiftsOntoTheSubjectsOwnBirthDateIsAttested() throws Exception {
        Path in1 = Files.createDirectories(dir.resolve("in1"));
        Files.writeString(in1.resolve("patients.csv"), PATIENTS);
        Files.writeString(in1.resolve("notes.csv"), "note_id,mrn,note_text\nN1,100217,seen 2020-01-01\n");
        Path key = dir.resolve("first.deidkey"); // created beside the first output
        Learnt learnt = firstRun(in1, "100217");
        String subject = learnt.subject();
        int offset = learnt.offset();

        Path in2 = Files.createDirectories(dir.resolve("in2"));
        Files.writeString(in2.resolve("patients.csv"), PATIENTS);
        LocalDate seen = LocalDate.of(1995, 7, 13).minusDays(offset);
        String monthName = java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.ENGLISH)
                .format(seen);
        Files.writeString(in2.resolve("notes.csv"), "note_id,mrn,note_text\n"
                + "N1,100217,\"Telephone encounter, seen " + seen + ".\"\n"
                + "N2,100217,\"Telephone encounter, seen " + seen + ".\"\n"
                + "N3,100217,\"Seen " + monthName + ", plan discussed.\"\n");
        Path out = dir.resolve("second");
        DeidCommandTest.Result run = deid("run", in2.toString(), "--out", out.toString(), "--keyfile", key.toString(),
                "--verify");
        String notes = Files.readString(out.resolve("notes.csv"));
        assertTrue(notes.contains("seen 1995-07-13.") && notes.contains("Seen July 13, 1995,"),
                "the coincidences happened: " + notes.length());
        assertEquals(ExitCode.OK, run.code(), run::all);
        assertTrue(run.out().contains("3 attested coincidences"), run::out);

        // the birth date planted once more in a note of the patient: one hit
        Files.writeString(out.resolve("notes.csv"), "N4," + subject + ",seen again 1995-07-13\n", StandardOpenOption.APPEND);
        DeidCommandTest.Result planted = deid("verify", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.LEAKS_FOUND, planted.code(), planted::all);
        assertTrue(planted.out().contains("POSSIBLE LEAKS: 1 hit in 1 file"), planted::out);
    }

    /**
     * A patient id holding a date's digits ({@code JP-20230611}, a registration day in the id, as in a Japanese
     * hospital's ids): the verifier looks for its digit group alone, so a shifted study or visit date that lands on
     * that day read as the id in the patient's own record, and {@code deid run --verify} failed a clean output (the
     * corpus's {@code cjk/} did in CI: one key in 730 for each such id). The run attests those dates as it does a birth day
     * (decision 0209), in DICOM and in CSV; the id's digits planted once more are found.
     */
    @Test
    void aShiftedDateEqualToTheDigitsOfTheSubjectsIdIsAttested() throws Exception {
        Path in1 = Files.createDirectories(dir.resolve("in1"));
        dicom(in1.resolve("ct.dcm"), "20230117");
        Path key = dir.resolve("first.deidkey"); // created beside the first output
        Learnt learnt = firstRun(in1, "JP-20230611");
        String subject = learnt.subject();
        int offset = learnt.offset();

        Path in2 = Files.createDirectories(dir.resolve("in2"));
        LocalDate onto = LocalDate.of(2023, 6, 11).minusDays(offset);
        dicom(in2.resolve("ct.dcm"), onto.toString().replace("-", ""));
        Files.writeString(in2.resolve("visits.csv"), "visit_id,patient_id,visit_date\nV1,JP-20230611," + onto + "\n");
        Path out = dir.resolve("second");
        DeidCommandTest.Result run = deid("run", in2.toString(), "--out", out.toString(), "--keyfile", key.toString(),
                "--verify");
        assertTrue(Files.readString(out.resolve("visits.csv")).contains(subject + ",2023-06-11"), "the coincidence");
        assertTrue(new String(Files.readAllBytes(out.resolve("ct.dcm")), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("20230611"), "the coincidence in DICOM");
        assertEquals(ExitCode.OK, run.code(), run::all);
        assertTrue(run.out().contains("1 attested coincidence:"), run::out); // the ISO date does not read as the id
        assertFalse(run.all().contains("20230611") || run.all().contains("JP-2023"), "no value shown");

        // the id's digits planted once more in the patient's own records: one hit
        Files.writeString(out.resolve("visits.csv"), "V2," + subject + ",20230611\n", StandardOpenOption.APPEND);
        DeidCommandTest.Result planted = deid("verify", "--keyfile", key.toString(), out.toString());
        assertEquals(ExitCode.LEAKS_FOUND, planted.code(), planted::all);
        assertTrue(planted.out().contains("POSSIBLE LEAKS: 1 hit in 1 file"), planted::out);
    }

    /** A CT image of one patient (id {@code JP-20230611}) studied on {@code studyDate}. */
    private static void dicom(Path file, String studyDate) throws Exception {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.88001");
        ds.putStrings(0x00080020, VR.DA, studyDate);
        ds.putStrings(0x00080060, VR.CS, "CT");
        ds.putStrings(Tag.PATIENT_NAME, VR.PN, "Sakurai^Hinano");
        ds.putStrings(Tag.PATIENT_ID, VR.LO, "JP-20230611");
        ds.putStrings(0x0020000D, VR.UI, "2.25.88002");
        ds.putStrings(0x0020000E, VR.UI, "2.25.88003");
        ds.putStrings(0x00280301, VR.CS, "NO");
        TransferSyntax ts = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        try (java.io.OutputStream o = Files.newOutputStream(file)) {
            new DicomWriter().write(new DicomFile(
                    DicomWriter.fileMeta(new Dataset(), ds, ts), ds, ts), ts, o);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
