package org.deidworkbench.deid;

import org.deidworkbench.deid.method.PlantedMethod;

/** Planted for {@code ArchitectureRulesCanFailTest}: half of a deid ↔ deid.method cycle. */
public final class PlantedEngine {

    private PlantedEngine() {
    }

    /** Reaches down into deid.method. */
    public static String method() {
        return PlantedMethod.name();
    }

    /** Reached from deid.method, closing the cycle. */
    public static String name() {
        return "engine";
    }
}
