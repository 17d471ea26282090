package org.deidworkbench.format.x12;

/** Planted for {@code ArchitectureRulesCanFailTest}: a package without a row in the table. */
final class PlantedFormatWithoutRow {

    private PlantedFormatWithoutRow() {
    }
}
