package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decision 0142: what {@code dicom-basic} writes for a person over 89. Patient's Age (AS) cannot say "90+" (three digits
 * and a unit), so an age over 89 in any unit is written {@code 090Y}, the first age of the aggregated category, and the
 * conformance statement says so; an age up to 89 stays. Patient's Birth Date of such a person never comes out with its
 * year (the Basic Profile empties it).
 */
class DicomAgesTest {

    @TempDir
    Path dir;

    private Dataset run(Dataset ds) throws Exception {
        Path f = Files.createTempFile(dir, "in", ".dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), f);
        return DicomProcessorTest.run(DicomProcessorTest.engine(DicomProcessorTest.basic()), f);
    }

    @ParameterizedTest
    @CsvSource({"092Y,090Y", "120Y,090Y", "090Y,090Y", "100Y,090Y", "089Y,089Y", "045Y,045Y", "999D,999D", "011M,011M",
        "052W,052W"})
    void anAgeOver89InAnyUnitIsWritten090Y(String age, String written) throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(0x00101010, VR.AS, age);
        assertEquals(written, run(ds).getString(0x00101010));
    }

    @ParameterizedTest
    @ValueSource(strings = {"19290305", "19361231", "19581102"})
    void aBirthDateNeverKeepsItsYear(String birth) throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(0x00100030, VR.DA, birth);
        Dataset out = run(ds);
        String written = out.get(0x00100030) == null ? "" : out.getString(0x00100030);
        assertTrue(written == null || written.isEmpty(), "Patient's Birth Date came out with a value");
    }
}
