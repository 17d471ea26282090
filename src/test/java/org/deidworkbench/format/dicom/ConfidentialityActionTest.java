package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.deidworkbench.model.DicomOption;

class ConfidentialityActionTest {

    @Test
    void codesRoundTripAsPs315SpellsThem() {
        for (ConfidentialityAction action : ConfidentialityAction.values()) {
            assertEquals(Optional.of(action), ConfidentialityAction.fromCode(action.code()));
        }
        assertEquals(Optional.of(ConfidentialityAction.X_Z_U_STAR), ConfidentialityAction.fromCode("X/Z/U*"));
        assertEquals(Optional.empty(), ConfidentialityAction.fromCode("X/Z/U"));
    }

    @Test
    void simpleActionsAreNotCompound() {
        assertFalse(ConfidentialityAction.K.isCompound());
        assertTrue(ConfidentialityAction.X_Z_D.isCompound());
        assertEquals(List.of(ConfidentialityAction.X, ConfidentialityAction.Z, ConfidentialityAction.D),
                ConfidentialityAction.X_Z_D.alternatives());
    }

    @Test
    void withoutIodCompoundActionsResolveToTheAlternativeValidForEveryType() {
        assertEquals(ConfidentialityAction.D, ConfidentialityAction.Z_D.resolveWithoutIod());
        assertEquals(ConfidentialityAction.Z, ConfidentialityAction.X_Z.resolveWithoutIod());
        assertEquals(ConfidentialityAction.D, ConfidentialityAction.X_D.resolveWithoutIod());
        assertEquals(ConfidentialityAction.D, ConfidentialityAction.X_Z_D.resolveWithoutIod());
        assertEquals(ConfidentialityAction.U, ConfidentialityAction.X_Z_U_STAR.resolveWithoutIod());
        assertEquals(ConfidentialityAction.X, ConfidentialityAction.X.resolveWithoutIod());
    }

    @Test
    void attributeTypeSelectsTheAlternativeThatKeepsTheIodConformant() {
        assertEquals(ConfidentialityAction.X, ConfidentialityAction.X_Z_D.resolveForType(3));
        assertEquals(ConfidentialityAction.Z, ConfidentialityAction.X_Z_D.resolveForType(2));
        assertEquals(ConfidentialityAction.D, ConfidentialityAction.X_Z_D.resolveForType(1));
        assertEquals(ConfidentialityAction.D, ConfidentialityAction.X_D.resolveForType(2));
        assertEquals(ConfidentialityAction.Z, ConfidentialityAction.Z_D.resolveForType(3));
    }

    @Test
    void attributeTypeOutsideOneToThreeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> ConfidentialityAction.Z_D.resolveForType(4));
    }

    @Test
    void everyOptionHasADistinctCid7050Code() {
        Set<String> codes = new HashSet<>();
        for (DicomOption option : DicomOption.values()) {
            assertTrue(codes.add(option.codeValue()), option.name());
            int code = Integer.parseInt(option.codeValue());
            assertTrue(code >= 113101 && code <= 113112, option.name());
        }
        assertEquals(Optional.of(DicomOption.CLEAN_PIXEL_DATA), DicomOption.forCodeValue("113101"));
        assertEquals("Retain Safe Private Option", DicomOption.RETAIN_SAFE_PRIVATE.codeMeaning());
    }

    @Test
    void tenOptionsHaveATableColumn() {
        long withColumn = List.of(DicomOption.values()).stream().filter(o -> o.tableColumn().isPresent()).count();
        assertEquals(10, withColumn);
        assertEquals(Optional.of(DicomOption.RETAIN_UIDS), DicomOption.forTableColumn("rtnUIDsOpt"));
    }
}
