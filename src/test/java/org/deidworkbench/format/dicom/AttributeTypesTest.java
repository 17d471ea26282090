package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.deidworkbench.dicom.AttributeTypes;
import org.deidworkbench.dicom.Tag;
import org.junit.jupiter.api.Test;

/** The attribute Types read from PS3.15's action codes and the universal image modules (decision 0009). */
class AttributeTypesTest {

    private final AttributeTypes types = AttributeTypes.standard();

    @Test
    void generatorOutputEqualsCommittedResource() throws Exception {
        StandardData.assertGeneratorReproduces(Path.of("tools/dicom/generate_attribute_types.py"),
                Path.of("src/main/resources/org/deidworkbench/dicom/attribute-types.tsv"));
    }

    @Test
    void aCodeOfferingDMakesTheAttributeType1() {
        assertEquals(1, types.requirement(Tag.PATIENT_ID).orElseThrow().type()); // Z/D
        assertTrue(types.mayNeedValue(0x00080021)); // Series Date, X/D
    }

    @Test
    void aCodeOfferingZButNotDMakesTheAttributeType2() {
        assertEquals(2, types.requirement(Tag.PATIENT_NAME).orElseThrow().type()); // Z
        assertFalse(types.mayNeedValue(0x00080022)); // Acquisition Date, X/Z
        assertTrue(types.mayBeRequired(0x00080022));
    }

    @Test
    void uidsAreType1() {
        assertTrue(types.mayNeedValue(Tag.SOP_INSTANCE_UID));
    }

    @Test
    void removableAttributesAreNotListed() {
        assertFalse(types.mayBeRequired(0x00081030)); // Study Description, X
    }

    @Test
    void theImagePixelModuleComesFromTheCoreList() {
        assertEquals("PS3.3 C.7.6.3 Image Pixel", types.requirement(0x00280010).orElseThrow().basis());
        assertTrue(types.mayNeedValue(Tag.SOP_CLASS_UID));
    }
}
