package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SR's subject context (TID 1007) says what the file's attributes say (decision 0185): the subject's birth date goes
 * as Patient's Birth Date does, and an age over 89 is written 90 as Patient's Age becomes {@code 090Y}.
 */
class StructuredSubjectContextTest {

    private static final int CONTENT_SEQUENCE = 0x0040A730;

    @TempDir
    Path dir;

    private Path file(Dataset ds) throws Exception {
        return DicomProcessorTest.file(dir, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static Dataset item(Dataset ds, String valueType, String code, String scheme, String meaning) {
        Dataset item = ds.addItem(CONTENT_SEQUENCE);
        item.putStrings(0x0040A010, VR.CS, "HAS OBS CONTEXT");
        item.putStrings(0x0040A040, VR.CS, valueType);
        Dataset concept = item.addItem(0x0040A043);
        concept.putStrings(0x00080100, VR.SH, code);
        concept.putStrings(0x00080102, VR.SH, scheme);
        concept.putStrings(0x00080104, VR.LO, meaning);
        return item;
    }

    private static void num(Dataset ds, String code, String scheme, String meaning, String value, String unit) {
        Dataset measured = item(ds, "NUM", code, scheme, meaning).addItem(0x0040A300);
        measured.putStrings(0x0040A30A, VR.DS, value);
        Dataset units = measured.addItem(0x004008EA);
        units.putStrings(0x00080100, VR.SH, unit);
        units.putStrings(0x00080102, VR.SH, "UCUM");
        units.putStrings(0x00080104, VR.LO, unit);
    }

    /** Each content item's concept code and value (a date, or a number), in order. */
    private static List<String> items(Dataset out) {
        List<String> found = new ArrayList<>();
        for (Dataset item : out.getItems(CONTENT_SEQUENCE)) {
            String code = item.getItems(0x0040A043).get(0).getString(0x00080100);
            String value = item.contains(0x0040A121) ? item.getString(0x0040A121)
                    : item.getItems(0x0040A300).get(0).getString(0x0040A30A);
            found.add(code + "=" + value);
        }
        return found;
    }

    private Dataset run(Dataset ds) throws Exception {
        return DicomProcessorTest.run(DicomProcessorTest.engine(DicomProcessorTest.basic()), file(ds));
    }

    @Test
    void aSubjectsBirthDateGoesAndHerAgeOverEightyNineIsWrittenNinety() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        item(ds, "DATE", "121031", "DCM", "Subject Birth Date").putStrings(0x0040A121, VR.DA, "19300412");
        num(ds, "121033", "DCM", "Subject Age", "92", "a");
        num(ds, "8302-2", "LN", "Body height", "158", "cm");
        assertEquals(List.of("121033=90", "8302-2=158"), items(run(ds)));
    }

    @Test
    void anAgeIsKnownByItsMeaningAndOnlyInYears() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        num(ds, "99VENDOR-7", "99VENDOR", "Patient age at exam", "95.5", "a");
        num(ds, "11884-4", "LN", "Gestational age", "96", "d"); // days: a pregnancy's 13 weeks, not a person of 96
        num(ds, "121033", "DCM", "Subject Age", "47", "a");
        assertEquals(List.of("99VENDOR-7=90", "11884-4=96", "121033=47"), items(run(ds)));
    }

    /** A concept written with a Long Code Value (no Code Value) is still read by its meaning, not a failed file. */
    @Test
    void anAgeWhoseConceptHasOnlyALongCodeValueIsReadByItsMeaning() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        num(ds, "ignored", "99VENDOR", "Age at exam", "93", "a");
        Dataset concept = ds.getItems(CONTENT_SEQUENCE).get(0).getItems(0x0040A043).get(0);
        concept.remove(0x00080100);
        concept.putStrings(0x00080119, VR.UC, "vendor-age-at-exam-with-a-long-code"); // Long Code Value
        Dataset out = run(ds);
        assertEquals("90", out.getItems(CONTENT_SEQUENCE).get(0).getItems(0x0040A300).get(0).getString(0x0040A30A));
    }
}
