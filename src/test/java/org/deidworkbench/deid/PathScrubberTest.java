package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathScrubberTest {

    private static PathScrubber scrubber() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Smith, John", "PAT-1");
        ids.add("123456", "MRN-X");
        ids.add("98765", "MRN-Y");
        return new PathScrubber(ids);
    }

    @Test
    void nameBuiltFromPatientNameMrnAndDateBecomesSafe() {
        assertEquals("PAT-1_MRN-X_DATE.dcm", scrubber().scrubName("Smith_John_123456_2024-01-15.dcm"));
    }

    @Test
    void compactDateInAFolderNameIsADateNotANumber() {
        assertEquals("ct_DATE", scrubber().scrubName("ct_20220117"));
    }

    @Test
    void folderNamedAfterThePatientBecomesItsPseudonym() {
        assertEquals("PAT-1", scrubber().scrubName("SMITH^JOHN"));
    }

    @Test
    void mrnGluedToAModalityPrefixIsReplaced() {
        assertEquals("CTMRN-X.dcm", scrubber().scrubName("CT123456.dcm"));
    }

    @Test
    void patientUuidInABundleFileNameBecomesItsPseudonym() {
        // Synthea names each patient's FHIR bundle First_Last_<patient uuid>.json; a UUID alternates
        // letters and digits into up to 32 tokens (this one 31), and such ids were ignored as too long.
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("b1a0c9d2-e3f4-4a5b-9c6d-7e8f90a1b2c3", "PAT-U");
        ids.add("Quentin417", "NAME");
        assertEquals("NAME_PAT-U.json",
                new PathScrubber(ids).scrubName("Quentin417_b1a0c9d2-e3f4-4a5b-9c6d-7e8f90a1b2c3.json"));
    }

    @Test
    void nameWithoutIdentifiersIsKept() {
        assertEquals("report-final.pdf", scrubber().scrubName("report-final.pdf"));
    }

    @Test
    void extensionIsKept() {
        assertEquals("PAT-1.nii", scrubber().scrubName("John Smith.nii"));
    }

    @Test
    void numericSuffixThatIsAnIdentifierIsNotMistakenForAnExtension() {
        assertEquals("scan.MRN-Y", scrubber().scrubName("scan.98765"));
    }

    @Test
    void forbiddenCharactersAreReplaced() {
        assertEquals("a_b_c_d_e_f_g_h_.txt", scrubber().scrubName("a:b*c?d\"e<f>g|h\u0001.txt"));
    }

    @Test
    void bracketsOfLabelsAreDropped() {
        assertEquals("note EMAIL.txt", scrubber().scrubName("note jo@example.org.txt"));
    }

    @ParameterizedTest(name = "\"{0}\" becomes \"{1}\"")
    @CsvSource(delimiter = '|', value = {"'   .dcm'|file.dcm", "..|file", ".|file", "'  '|file", "''|file"})
    void emptyResultBecomesFile(String name, String expected) {
        assertEquals(expected, scrubber().scrubName(name));
    }

    @Test
    void trailingDotsAndSpacesAreRemoved() {
        assertEquals("notes", scrubber().scrubName("notes. "));
    }

    @Test
    void reservedWindowsDeviceNameIsMadeSafe() {
        assertEquals("_CON.txt", scrubber().scrubName("CON.txt"));
        assertEquals("_nul", scrubber().scrubName("nul"));
    }
}
