package org.deidworkbench.deid.method;

import org.deidworkbench.deid.PlantedEngine;

/** Planted for {@code ArchitectureRulesCanFailTest}: the other half of a deid ↔ deid.method cycle. */
public final class PlantedMethod {

    private PlantedMethod() {
    }

    /** Reaches back up into deid. */
    public static String engine() {
        return PlantedEngine.name();
    }

    /** Reached from deid. */
    public static String name() {
        return "method";
    }
}
