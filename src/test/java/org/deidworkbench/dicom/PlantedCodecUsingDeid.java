package org.deidworkbench.dicom;

import org.deidworkbench.deid.Subject;

/** Planted for {@code ArchitectureRulesCanFailTest}: the codec row must refuse de-identification types. */
final class PlantedCodecUsingDeid {

    private PlantedCodecUsingDeid() {
    }

    static Subject subject() {
        return new Subject("P", 1);
    }
}
