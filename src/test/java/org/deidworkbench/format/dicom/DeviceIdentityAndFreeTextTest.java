package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0185: a device's identity removed from its attributes is removed from the text that repeats it (an SR's
 * observer context, a comment), and free text PS3.15 Table E.1-1 does not list (an ECG's annotation) is cleaned, not
 * only scrubbed of the patient's known names.
 */
class DeviceIdentityAndFreeTextTest {

    private static final int STATION_NAME = 0x00081010;
    private static final int DEVICE_SERIAL_NUMBER = 0x00181000;
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int TEXT_VALUE = 0x0040A160;
    private static final int UNFORMATTED_TEXT_VALUE = 0x00700006;

    @TempDir
    Path dir;

    private Path file(Dataset ds) throws Exception {
        return DicomProcessorTest.file(dir, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    /** A TEXT content item of concept {@code code} (DCM) with {@code text}. */
    static void textItem(Dataset ds, String code, String text) {
        Dataset item = ds.addItem(CONTENT_SEQUENCE);
        item.putStrings(0x0040A010, VR.CS, "HAS OBS CONTEXT");
        item.putStrings(0x0040A040, VR.CS, "TEXT");
        Dataset concept = item.addItem(0x0040A043);
        concept.putStrings(0x00080100, VR.SH, code);
        concept.putStrings(0x00080102, VR.SH, "DCM");
        concept.putStrings(0x00080104, VR.LO, "concept " + code);
        item.putStrings(TEXT_VALUE, VR.UT, text);
    }

    private static List<String> textValues(Dataset out) {
        List<String> values = new ArrayList<>();
        for (Dataset item : out.getItems(CONTENT_SEQUENCE)) {
            values.add(item.getString(TEXT_VALUE));
        }
        return values;
    }

    @Test
    void theStationNameAndSerialNumberAreTakenOutOfTheStructuredContentThatRepeatsThem() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(STATION_NAME, VR.SH, "CTAWP73412");
        ds.putStrings(DEVICE_SERIAL_NUMBER, VR.LO, "G7731LX");
        textItem(ds, "121106", "Rescanned on CTAWP73412 (serial G7731LX) after a table fault");
        Dataset out = DicomProcessorTest.run(DicomProcessorTest.engine(DicomProcessorTest.basic()), file(ds));
        assertEquals(List.of("Rescanned on [DEVICE] (serial [DEVICE]) after a table fault"), textValues(out));
    }

    @Test
    void aDoseReportsDeviceObserverIsTakenOutWhereNoAttributeNamesTheDevice() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        textItem(ds, "121013", "CTAWP73412"); // Device Observer Name
        textItem(ds, "121016", "G7731LX"); // Device Observer Serial Number
        textItem(ds, "125203", "5.1 CHEST W"); // Acquisition Protocol: kept
        Dataset out = DicomProcessorTest.run(DicomProcessorTest.engine(DicomProcessorTest.basic()), file(ds));
        assertEquals(List.of("[DEVICE]", "[DEVICE]", "5.1 CHEST W"), textValues(out));
    }

    @Test
    void aStationNamedLikeItsModalityLeavesTheModalityInText() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(STATION_NAME, VR.SH, "CT");
        ds.putStrings(DEVICE_SERIAL_NUMBER, VR.LO, "0042");
        textItem(ds, "121106", "CT protocol 0042 repeated");
        Dataset out = DicomProcessorTest.run(DicomProcessorTest.engine(DicomProcessorTest.basic()), file(ds));
        assertEquals(List.of("CT protocol [DEVICE] repeated"), textValues(out), "a name without a digit is not noted");
    }

    @Test
    void anEcgAnnotationTheTableDoesNotListIsCleanedOfItsDatesAndPhones() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        Dataset annotation = ds.addItem(0x0040B020); // Waveform Annotation Sequence
        annotation.putStrings(UNFORMATTED_TEXT_VALUE, VR.ST,
                "Confirmed by Dr. Hallgrimsdottir on 3/16/2020; paged at 555-867-5309");
        Dataset finding = ds.addItem(0x0040B020);
        finding.putStrings(UNFORMATTED_TEXT_VALUE, VR.ST, "Sinus rhythm, QT 412 ms");
        Deidentifier engine = DicomProcessorTest.engine(DicomProcessorTest.basic());
        Dataset out = DicomProcessorTest.run(engine, file(ds));
        String day = LocalDate.of(2020, 3, 16).plusDays(engine.subject("PID-0001").dateOffsetDays())
                .format(DateTimeFormatter.ofPattern("M/d/yyyy"));
        List<String> texts = out.getItems(0x0040B020).stream().map(i -> i.getString(UNFORMATTED_TEXT_VALUE)).toList();
        assertEquals("Sinus rhythm, QT 412 ms", texts.get(1));
        assertTrue(texts.get(0).startsWith("Confirmed by Dr. [NAME] on " + day + "; paged at "), texts.get(0));
        assertTrue(!texts.get(0).contains("867-5309"), texts.get(0));
    }

    @Test
    void explainSaysWhyAnAnnotationIsCleaned() throws Exception {
        DicomPolicy policy = new DicomPolicy(DicomProcessorTest.basic().section(
                org.deidworkbench.model.DicomSection.KEY, org.deidworkbench.model.DicomSection.class).orElseThrow());
        Decision d = policy.decide(new DicomPolicy.Place(new int[] {UNFORMATTED_TEXT_VALUE}, new String[1], 0), VR.ST,
                PrivateDeclarations.NONE);
        assertEquals("free-text", d.ruleId());
        assertEquals(Decision.Treatment.CLEAN, d.treatment());
        assertTrue(d.reason().contains("not in PS3.15 Table E.1-1"), d.reason());
    }
}
