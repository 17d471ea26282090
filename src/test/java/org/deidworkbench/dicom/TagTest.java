package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How tags print (ValuesTest covers parsing). */
class TagTest {

    @Test
    void toStringPrintsGroupAndElementInUpperCaseHexAsDcmdumpDoes() {
        assertEquals("(0009,10AF)", Tag.toString(Tag.of(0x0009, 0x10AF)));
    }

    @Test
    void toStringOfTheHighestGroupsIsUnsigned() {
        assertEquals("(FFFE,E000)", Tag.toString(Tag.ITEM));
    }
}
