package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Element paths without list indexes, as reports and explain list them. */
class TypePathTest {

    @Test
    void listIndexesAreLeftOut() {
        assertEquals("Patient.name.given", ResourceCleaner.typePath("Patient.name[0].given[12]"));
    }

    @Test
    void aPathWithoutIndexesIsItself() {
        assertEquals("Observation.code.text", ResourceCleaner.typePath("Observation.code.text"));
    }

    @Test
    void bracketsThatHoldNoNumberStay() {
        assertEquals("a[x].b", ResourceCleaner.typePath("a[x].b[3]"));
    }
}
