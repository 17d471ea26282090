package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0188: an institution's name the profile removes from its attributes (Retain Institution Identity off) is
 * removed from the descriptions, comments and SR text that repeat it, as a whole name; attributes the profile keeps as
 * they are (a manufacturer, a model) keep it.
 */
class InstitutionIdentityTest {

    private static final int INSTITUTION_NAME = 0x00080080;
    private static final int DEPARTMENT_NAME = 0x00081040;
    private static final int MANUFACTURER = 0x00080070;
    private static final int MODEL_NAME = 0x00081090;
    private static final int STUDY_DESCRIPTION = 0x00081030;
    private static final int SERIES_DESCRIPTION = 0x0008103E;
    private static final int IMAGE_COMMENTS = 0x00204000;
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int TEXT_VALUE = 0x0040A160;

    @TempDir
    Path dir;

    private Dataset run(Profile profile, Dataset ds) throws Exception {
        return DicomProcessorTest.run(DicomProcessorTest.engine(profile),
                DicomProcessorTest.file(dir, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    /** Person Observer's Organization Name (TID 1003). */
    private static void organizationItem(Dataset ds, String name) {
        DeviceIdentityAndFreeTextTest.textItem(ds, "121009", name);
    }

    @Test
    void theInstitutionsNameLeavesTheDescriptionsAndCommentsThatRepeatItInAnyCase() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(INSTITUTION_NAME, VR.LO, "Wexcombe Valley Hospital");
        ds.putStrings(STUDY_DESCRIPTION, VR.LO, "CT CHEST - WEXCOMBE VALLEY HOSPITAL");
        ds.putStrings(SERIES_DESCRIPTION, VR.LO, "Imaging from Wexcombe Valley  Hospital");
        ds.putStrings(IMAGE_COMMENTS, VR.LT, "Valley fever work-up, read at Wexcombe Valley Hospital");
        Dataset out = run(DicomProcessorTest.basic(), ds);
        assertEquals("CT CHEST - [INSTITUTION]", out.getString(STUDY_DESCRIPTION));
        assertEquals("Imaging from [INSTITUTION]", out.getString(SERIES_DESCRIPTION));
        assertEquals("Valley fever work-up, read at [INSTITUTION]", out.getString(IMAGE_COMMENTS),
                "the words of the name alone are not the institution");
    }

    @Test
    void anSrObserversOrganizationAndADepartmentAreInstitutionsToo() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(DEPARTMENT_NAME, VR.LO, "Lindqvist Heart Institute");
        organizationItem(ds, "Front Range Breast Center");
        ds.putStrings(STUDY_DESCRIPTION, VR.LO, "Echo, Lindqvist Heart Institute");
        ds.putStrings(IMAGE_COMMENTS, VR.LT, "Priors from FRONT RANGE BREAST CENTER");
        Dataset out = run(DicomProcessorTest.basic(), ds);
        assertEquals("Echo, [INSTITUTION]", out.getString(STUDY_DESCRIPTION));
        assertEquals("Priors from [INSTITUTION]", out.getString(IMAGE_COMMENTS));
        assertEquals(List.of("[INSTITUTION]"),
                out.getItems(CONTENT_SEQUENCE).stream().map(i -> i.getString(TEXT_VALUE)).toList());
    }

    @Test
    void aManufacturerOrModelTheProfileKeepsKeepsANameItShares() throws Exception {
        // pydicom's test files: an institution named after the vendor, written differently from the Manufacturer
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(INSTITUTION_NAME, VR.LO, "GE MEDICAL SYSTEMS");
        ds.putStrings(MANUFACTURER, VR.LO, "G.E. Medical Systems");
        ds.putStrings(MODEL_NAME, VR.LO, "GE MEDICAL SYSTEMS LightSpeed");
        ds.putStrings(STUDY_DESCRIPTION, VR.LO, "GE MEDICAL SYSTEMS QA phantom");
        Dataset out = run(DicomProcessorTest.basic(), ds);
        assertEquals("G.E. Medical Systems", out.getString(MANUFACTURER));
        assertEquals("GE MEDICAL SYSTEMS LightSpeed", out.getString(MODEL_NAME));
        assertEquals("[INSTITUTION] QA phantom", out.getString(STUDY_DESCRIPTION));
    }

    @Test
    void anInstitutionThatSharesTheManufacturersFirstWordIsNotNoted() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(INSTITUTION_NAME, VR.LO, "TOSHIBA");
        ds.putStrings(MANUFACTURER, VR.LO, "TOSHIBA_MEC");
        ds.putStrings(STUDY_DESCRIPTION, VR.LO, "TOSHIBA phantom, site 0042");
        ds.putStrings(SERIES_DESCRIPTION, VR.LO, "0042");
        ds.putStrings(0x00120030, VR.LO, "0042"); // Clinical Trial Site ID: no letter, not noted
        Dataset out = run(DicomProcessorTest.basic(), ds);
        assertEquals("TOSHIBA phantom, site 0042", out.getString(STUDY_DESCRIPTION));
        assertEquals("0042", out.getString(SERIES_DESCRIPTION));
    }

    @Test
    void retainInstitutionIdentityKeepsTheNameInTextAsInItsAttribute() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(INSTITUTION_NAME, VR.LO, "Wexcombe Valley Hospital");
        ds.putStrings(STUDY_DESCRIPTION, VR.LO, "CT CHEST - WEXCOMBE VALLEY HOSPITAL");
        Profile retain = DicomProcessorTest.withSection(
                "dicom:\n  options: {clean-descriptors: true, retain-institution-identity: true}\n");
        Dataset out = run(retain, ds);
        assertEquals("Wexcombe Valley Hospital", out.getString(INSTITUTION_NAME));
        assertEquals("CT CHEST - WEXCOMBE VALLEY HOSPITAL", out.getString(STUDY_DESCRIPTION));
    }
}
