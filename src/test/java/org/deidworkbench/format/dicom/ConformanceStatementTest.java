package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;

/** The PS3.2 Annex N section generated from the active profile. */
class ConformanceStatementTest {

    private static String statement(Profile p) {
        return ConformanceStatement.write(p, List.of("key line"));
    }

    @Test
    void everyAttributeOfTableE11HasARow() throws Exception {
        String s = statement(DicomProcessorTest.basic());
        String table = s.substring(s.indexOf("## Attributes (Table N.11-6)"), s.indexOf("## Private attributes"));
        long rows = table.lines().filter(l -> l.startsWith("| ") && l.contains(" | No | ")).count();
        assertEquals(ConfidentialityProfile.standard().entries().size(), rows);
    }

    @Test
    void theOptionsOfTheProfileAreMarkedSupported() throws Exception {
        String s = statement(DicomProcessorTest.basic());
        assertTrue(s.contains("| Retain Safe Private Option | 113111 | Yes |"), s);
        assertTrue(s.contains("| Retain UIDs Option | 113110 | No |"), s);
    }

    @Test
    void anAttributeShowsTheActionThisProfileApplies() throws Exception {
        String s = statement(DicomProcessorTest.basic());
        assertTrue(s.contains("| Study Date | (0008,0020) | Z | C | No | shifted by the patient's keyed offset |"), s);
        assertTrue(s.contains("| Patient's Name | (0010,0010) | Z | pseudonymize | No | profile rule 'patient-name' |"), s);
        assertTrue(s.contains("| Acquisition DateTime | (0008,002A) | X/Z/D | C |"), s);
    }

    @Test
    void theUidScopeAndTheKeysAreStated() throws Exception {
        String s = statement(DicomProcessorTest.basic());
        assertTrue(s.contains("every export made with the same key file"), s);
        assertTrue(s.contains("- key line"), s);
    }

    @Test
    void redactionRulesAreListed() throws Exception {
        Profile p = DicomProcessorTest.withSection("dicom:\n  options: {clean-pixel-data: true}\n  redactions:\n"
                + "    - {id: acme, when: {manufacturer: ACME, rows: 480}, rectangles: [{x: 0, y: 0, width: 10, height: 20}]}\n");
        assertTrue(statement(p).contains("| acme | manufacturer ACME, 480 rows | (0, 0, 10, 20) |"));
    }
}
