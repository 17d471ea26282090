package org.deidworkbench.format.hl7;

/** Planted for {@code ArchitectureRulesCanFailTest}: a package without a row in the table. */
final class PlantedFormatWithoutRow {

    private PlantedFormatWithoutRow() {
    }
}
