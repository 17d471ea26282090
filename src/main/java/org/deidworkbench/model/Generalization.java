package org.deidworkbench.model;

/** How the {@code generalize} action coarsens a value. */
public enum Generalization {
    /** A date or date-time becomes its year ({@code 1961-04-13} → {@code 1961}). */
    YEAR("year"),
    /**
     * An age in years becomes a band (e.g. {@code 40-44}); ages over 89 all become {@code 90+}
     * (HIPAA Safe Harbor).
     */
    AGE_BAND("age-band"),
    /**
     * A date of birth becomes the year, except that for people who would be older than 89 it
     * becomes a fixed band marker (HIPAA Safe Harbor aggregates ages over 89).
     */
    BIRTH_YEAR("birth-year"),
    /**
     * A date of birth is shifted as {@code shift-date} shifts it, except that for people who may be 90 or older it
     * becomes the same band marker as {@link #BIRTH_YEAR}'s (decision 0105): a full birth date beside an age band of
     * {@code 90+} would tell the age the band hides.
     */
    BIRTH_DATE("birth-date"),
    /** A ZIP code keeps its first three digits; restricted three-digit areas become {@code 000}. */
    ZIP3("zip3"),
    /**
     * A code is kept as it is, except an age over 89 written in it, which becomes {@code 90+} ({@code DEM|AGE:91} →
     * {@code DEM|AGE:90+}, decision 0124): what CSV columns of codes and categories get when no rule names them.
     */
    CODE("code"),
    /**
     * A device's Unique Device Identifier in GS1's human-readable form ({@code (01)00889024123456(17)290131(10)64328817(21)
     * ZB7731904412}) keeps its device identifier alone, the GTIN of {@code (01)}: the model, which FHIR's
     * {@code deviceIdentifier} keeps too; the serial {@code (21)}, the lot and the dates go (decision 0236).
     */
    UDI("udi");

    private final String yamlName;

    Generalization(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in profiles. */
    public String yamlName() {
        return yamlName;
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
