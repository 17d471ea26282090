package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.deid.engine.Deidentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0194: a code string or application entity title the profile keeps loses a patient's known name or id, in
 * the characters its VR allows; codes that hold none stay as written.
 */
class CodeStringIdentifiersTest {

    private static final int CONTENT_LABEL = 0x00700080;
    private static final int MODALITY = 0x00080060;
    private static final int IMAGE_TYPE = 0x00080008;
    private static final int BODY_PART = 0x00180015;

    @TempDir
    Path dir;

    private Dataset run(Dataset ds) throws Exception {
        return DicomProcessorTest.run(DicomProcessorTest.engine(DicomProcessorTest.basic()),
                DicomProcessorTest.file(dir, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    @Test
    void aPresentationStatesContentLabelLosesThePatientsSurname() throws Exception {
        // a viewer that labels its annotations with the patient's surname (found by a probe: the verifier saw it)
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(CONTENT_LABEL, VR.CS, "FICTITIOUS");
        Dataset out = run(ds);
        assertEquals("NAME", out.getString(CONTENT_LABEL));
    }

    @Test
    void theRestOfTheCodeStaysAndAnIdBecomesThePatientsPseudonym() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(CONTENT_LABEL, VR.CS, "PID-0001_NOTES");
        Deidentifier engine = DicomProcessorTest.engine(DicomProcessorTest.basic());
        Dataset out = DicomProcessorTest.run(engine,
                DicomProcessorTest.file(dir, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        // the patient id becomes the patient's pseudonym, as in texts; the code is cut at its 16 characters
        assertEquals((engine.subject("PID-0001").pseudonym() + "_NOTES").substring(0, 16), out.getString(CONTENT_LABEL));
    }

    @Test
    void codesThatHoldNoIdentifierStayAsWritten() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(IMAGE_TYPE, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.putStrings(BODY_PART, VR.CS, "CHEST");
        ds.putStrings(CONTENT_LABEL, VR.CS, "ANNOTATIONS_1");
        Dataset out = run(ds);
        assertEquals("ORIGINAL\\PRIMARY\\AXIAL", String.join("\\", out.getStrings(IMAGE_TYPE)));
        assertEquals("CHEST", out.getString(BODY_PART));
        assertEquals("CT", out.getString(MODALITY));
        assertEquals("ANNOTATIONS_1", out.getString(CONTENT_LABEL));
    }

    @Test
    void aCodeIsWrittenInTheCharactersItsVrAllows() {
        assertEquals("NAME_PLAN1", DatasetCleaner.asCode("[NAME]_PLAN1", VR.CS));
        assertEquals("NAME ID", DatasetCleaner.asCode("[name] [id]", VR.CS));
        assertEquals("INSTITUTION_RM_4", DatasetCleaner.asCode("[INSTITUTION]_RM_412_BED", VR.CS), "16 characters");
        assertEquals("NAME-ws", DatasetCleaner.asCode("[NAME]-ws", VR.AE), "every AE of Table E.1-1 goes; a rule may keep one");
    }
}
