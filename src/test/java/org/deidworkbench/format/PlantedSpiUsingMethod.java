package org.deidworkbench.format;

import org.deidworkbench.deid.method.DeidMethod;

/** Planted for {@code ArchitectureRulesCanFailTest}: the format SPI may name deid.Deidentifier, not deid.method. */
interface PlantedSpiUsingMethod {

    DeidMethod method();
}
