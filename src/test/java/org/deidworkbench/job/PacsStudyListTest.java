package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PACS's list of a study's images, exported as CSV with DICOM's keywords as headers, de-identified in one run with the
 * images themselves (decisions 0231, 0232): the list still finds its images (the same keyed UIDs, patient, accession
 * number, study date and time), and an EHR extract's time of admission beside its day is kept.
 */
class PacsStudyListTest {

    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int ACCESSION = 0x00080050;
    private static final int SOP_CLASS = 0x00080016;
    private static final int SOP_INSTANCE = 0x00080018;
    private static final int STUDY_DATE = 0x00080020;
    private static final int STUDY_TIME = 0x00080030;
    private static final int STUDY_UID = 0x0020000D;
    private static final int SERIES_UID = 0x0020000E;
    private static final int SERIES_NUMBER = 0x00200011;
    private static final int INSTANCE_NUMBER = 0x00200013;
    private static final int MANUFACTURER = 0x00080070;

    private static final String OPERATOR = "KOWALCZYK^TEODOR";
    /** One physician performed every study: a single name, which the name list does not hold. */
    private static final String PERFORMING = "OYELARAN-MBEKI^THEODORA";

    @TempDir
    static Path dir;

    private static Path out;
    /** The input images' data sets, in the list's row order. */
    private static final List<Dataset> before = new ArrayList<>();
    /** The output images' data sets by their new SOP Instance UID. */
    private static final Map<String, Dataset> after = new HashMap<>();

    private static String get(Dataset ds, int tag) {
        String v = ds.getString(tag);
        return v == null ? "" : v.strip();
    }

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = dir.resolve("in");
        SampleData.copyTree(Path.of("sample-data", "dicom", "100200"), in.resolve("images"));
        List<Path> images;
        try (Stream<Path> files = Files.walk(in.resolve("images"))) {
            images = files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        StringBuilder list = new StringBuilder("PatientID,PatientName,AccessionNumber,StudyInstanceUID,"
                + "SeriesInstanceUID,SOPInstanceUID,SOPClassUID,StudyDate,StudyTime,SeriesNumber,InstanceNumber,"
                + "OperatorsName,PerformingPhysicianName,Manufacturer\n");
        for (Path image : images) {
            Dataset ds = new DicomReader().withBulkThreshold(Long.MAX_VALUE).read(image).dataset();
            before.add(ds);
            list.append(String.join(",", get(ds, PATIENT_ID), get(ds, PATIENT_NAME), get(ds, ACCESSION),
                    get(ds, STUDY_UID), get(ds, SERIES_UID), get(ds, SOP_INSTANCE), get(ds, SOP_CLASS),
                    get(ds, STUDY_DATE), get(ds, STUDY_TIME), get(ds, SERIES_NUMBER), get(ds, INSTANCE_NUMBER), OPERATOR,
                    PERFORMING, get(ds, MANUFACTURER)))
                    .append('\n');
        }
        Files.createDirectories(in.resolve("lists"));
        Files.writeString(in.resolve("lists").resolve("pacs_instances.csv"), list, StandardCharsets.UTF_8);
        // an EHR extract's stay: the day and the time of admission in two columns
        Files.writeString(in.resolve("lists").resolve("stays.csv"), "patient_id,admit_date,admit_time,ward\n"
                + get(before.get(0), PATIENT_ID) + ",2022-01-17,14:22,CT\n", StandardCharsets.UTF_8);
        out = dir.resolve("out");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true,
                "correct horse battery".toCharArray(), ProfileLoader.read("csv-template"), 2),
                RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
        try (Stream<Path> files = Files.walk(out.resolve("images"))) {
            for (Path image : files.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                Dataset ds = new DicomReader().withBulkThreshold(Long.MAX_VALUE).read(image).dataset();
                after.put(get(ds, SOP_INSTANCE), ds);
            }
        }
    }

    private static List<Map<String, String>> rows(String name) throws Exception {
        return SampleData.rows(out.resolve("lists").resolve(name));
    }

    @Test
    void everyRowOfTheListFindsItsImageByTheUidsTheImagesGot() throws Exception {
        List<Map<String, String>> rows = rows("pacs_instances.csv");
        assertEquals(before.size(), rows.size());
        assertTrue(before.size() >= 3, "the sample study has several images");
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            Dataset image = after.get(row.get("SOPInstanceUID"));
            assertTrue(image != null, () -> "no de-identified image has the list's SOP Instance UID " + row);
            assertTrue(row.get("SOPInstanceUID").startsWith("2.25."));
            assertNotEquals(get(before.get(i), SOP_INSTANCE), row.get("SOPInstanceUID"));
            assertEquals(get(image, STUDY_UID), row.get("StudyInstanceUID"));
            assertEquals(get(image, SERIES_UID), row.get("SeriesInstanceUID"));
            assertEquals(get(image, PATIENT_ID), row.get("PatientID"));
            assertEquals(get(image, ACCESSION), row.get("AccessionNumber"));
            assertEquals(get(image, STUDY_DATE), row.get("StudyDate"), "the patient's offset in both");
            assertNotEquals(get(before.get(i), STUDY_DATE), row.get("StudyDate"));
        }
    }

    @Test
    void timesClassesAndAnImagesPlaceInItsStudyAreKept() throws Exception {
        List<Map<String, String>> rows = rows("pacs_instances.csv");
        for (int i = 0; i < rows.size(); i++) {
            Dataset was = before.get(i);
            Map<String, String> row = rows.get(i);
            assertEquals(get(was, STUDY_TIME), row.get("StudyTime"), "emptied as no date before (decision 0231)");
            assertEquals(get(after.get(row.get("SOPInstanceUID")), STUDY_TIME), row.get("StudyTime"));
            assertEquals(get(was, SOP_CLASS), row.get("SOPClassUID"), "the standard's own UID names no one");
            assertEquals(get(was, SERIES_NUMBER), row.get("SeriesNumber"));
            assertEquals(get(was, INSTANCE_NUMBER), row.get("InstanceNumber"));
            assertEquals(get(was, MANUFACTURER), row.get("Manufacturer"), "a make, removed as a surname before");
        }
        Map<String, String> stay = rows("stays.csv").get(0);
        assertEquals("14:22", stay.get("admit_time"));
        assertEquals(get(after.get(rows.get(0).get("SOPInstanceUID")), STUDY_DATE),
                stay.get("admit_date").replace("-", ""), "the day the image was taken, moved as the image's");
    }

    @Test
    void theListKeepsNoOneByName() throws Exception {
        String list = Files.readString(out.resolve("lists").resolve("pacs_instances.csv"), StandardCharsets.UTF_8);
        for (Dataset was : before) {
            for (String word : get(was, PATIENT_NAME).split("\\^")) {
                if (word.length() > 2) {
                    assertFalse(list.contains(word), "a patient's name word is in the list");
                }
            }
            assertFalse(list.contains(get(was, SOP_INSTANCE) + ","), "an original UID is in the list");
        }
        assertFalse(list.contains("KOWALCZYK") || list.contains("TEODOR"), "the operator's name is in the list");
        assertFalse(list.contains("OYELARAN") || list.contains("THEODORA"), "the performing physician is in the list");
    }
}
