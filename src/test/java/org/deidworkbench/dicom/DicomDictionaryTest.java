package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomDictionaryTest {

    private final DicomDictionary dict = DicomDictionary.standard();

    @Test
    void statesTheEditionItWasGeneratedFrom() {
        assertEquals("2024b", dict.edition());
    }

    @Test
    void holdsEveryPs36Row() {
        assertEquals(5129, dict.size());
    }

    @Test
    void looksUpVrVmAndKeywordByTag() {
        DicomDictionary.Entry e = dict.entry(0x00100010).orElseThrow();
        assertEquals("PatientName", e.keyword());
        assertEquals(VR.PN, e.vr());
        assertEquals("1", e.vm());
        assertFalse(e.retired());
    }

    @Test
    void looksUpTagByKeyword() {
        assertEquals(0x00081115, dict.tag("ReferencedSeriesSequence").getAsInt());
        assertTrue(dict.tag("NoSuchKeyword").isEmpty());
    }

    @Test
    void marksRetiredAttributes() {
        assertTrue(dict.entry(0x00080001).orElseThrow().retired());
    }

    @Test
    void resolvesRepeatingGroups() {
        assertEquals("OverlayData", dict.keyword(0x60023000));
        assertEquals("OverlayRows", dict.keyword(0x601E0010));
        assertEquals(VR.OW, dict.entry(0x60003000).orElseThrow().vrs().get(1));
    }

    @Test
    void doesNotApplyRepeatingGroupsToOddPrivateGroups() {
        assertEquals("", dict.keyword(0x60013000));
        assertEquals(VR.UN, dict.vr(0x60013000));
    }

    @Test
    void knowsAlternativeVrs() {
        assertEquals(List.of(VR.US, VR.SS), dict.entry(0x00280106).orElseThrow().vrs());
    }

    @Test
    void namesGenericGroupLengthAndPrivateCreators() {
        assertEquals(DicomDictionary.GROUP_LENGTH_KEYWORD, dict.keyword(0x00080000));
        assertEquals(VR.UL, dict.vr(0x00090000));
        assertEquals(DicomDictionary.PRIVATE_CREATOR_KEYWORD, dict.keyword(0x00090010));
        assertEquals(VR.LO, dict.vr(0x001900FF));
    }

    @Test
    void unknownPrivateDataElementsAreUn() {
        assertEquals(VR.UN, dict.vr(0x00091001));
        assertEquals("", dict.keyword(0x00091001));
    }

    @Test
    void committedResourceMatchesTheGeneratorOutput(@TempDir Path tmp) throws Exception {
        Path shared = Path.of("/work/shared/dicom-standard");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("..", "shared", "dicom-standard").toAbsolutePath().normalize();
        }
        Assumptions.assumeTrue(Files.isRegularFile(shared.resolve("attributes.json")),
                "DICOM standard tables not found at /work/shared/dicom-standard or ../shared/dicom-standard");
        Assumptions.assumeTrue(DicomTestFiles.onPath("python3"), "python3 not installed");
        Path out = tmp.resolve("dictionary.tsv");
        String log = DicomTestFiles.run(null, "python3", "tools/dicom/generate_dictionary.py", shared.toString(),
                out.toString());
        assertTrue(log.endsWith("exit=0"), log);
        byte[] committed = Files.readAllBytes(
                Path.of("src/main/resources/org/deidworkbench/dicom/dictionary.tsv"));
        assertArrayEquals(committed, Files.readAllBytes(out), "regenerate with tools/dicom/generate_dictionary.py");
    }
}
