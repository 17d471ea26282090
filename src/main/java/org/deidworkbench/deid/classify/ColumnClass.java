package org.deidworkbench.deid.classify;

import java.util.Locale;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Generalization;

/**
 * What a column holds, as the classifier decides it from its header and a sample of its values, and
 * what a column of that class gets when no profile rule names it. The one table from class to
 * action: run, preview, explain and {@code deid profile suggest} all read it here.
 */
public enum ColumnClass {
    /** Calendar dates, shifted per patient. */
    DATE(new ActionSpec.ShiftDate(), "DATE", false),
    /** Dates with a time of day, shifted per patient. */
    DATE_TIME(new ActionSpec.ShiftDate(), "DATE", false),
    /**
     * A birth date: shifted per patient (aggregated for anyone who may be over 89, decision 0105), and its exact value
     * scrubbed from free text.
     */
    BIRTH_DATE(new ActionSpec.Generalize(Generalization.BIRTH_DATE), "DOB", true),
    /** Day or month of birth written as a number: with the year they are the exact birth date. */
    BIRTH_DATE_PART(new ActionSpec.Remove(), "DOB", true),
    /**
     * A year of birth (OMOP's {@code year_of_birth}): kept, except for anyone who may be over 89, whose year becomes the
     * band marker of {@code generalize: birth-year} (decision 0105). A year is too common to scrub from text.
     */
    BIRTH_YEAR(new ActionSpec.Generalize(Generalization.BIRTH_YEAR), "DOB", false),
    /**
     * Ages in years (a header that says age over whole numbers up to 130): five-year bands, everyone over 89 in
     * {@code 90+} (HIPAA Safe Harbor; decision 0106).
     */
    AGE(new ActionSpec.Generalize(Generalization.AGE_BAND), "AGE", false),
    /** Record numbers, UUIDs, MRN-like codes that are not part of a relation: removed. */
    IDENTIFIER(new ActionSpec.Remove(), "ID", true),
    /** Names of people. */
    PERSON_NAME(new ActionSpec.Remove(), "NAME", true),
    /** Street addresses. */
    ADDRESS(new ActionSpec.Remove(), "ADDRESS", true),
    /** Cities, towns, counties, places of birth. */
    PLACE(new ActionSpec.Remove(), "LOCATION", true),
    /** ZIP codes and postal codes (PLZ): kept to their first three digits. */
    ZIP(new ActionSpec.Generalize(Generalization.ZIP3), "ZIP", true),
    /** Telephone and fax numbers. */
    PHONE(new ActionSpec.Remove(), "PHONE", true),
    /** E-mail addresses. */
    EMAIL(new ActionSpec.Remove(), "EMAIL", true),
    /** Social security, insurance and other national numbers. */
    NATIONAL_ID(new ActionSpec.Remove(), "ID-NUMBER", true),
    /** Latitude and longitude. */
    GEO(new ActionSpec.Remove(), "LOCATION", true),
    /** Long values with many words: scrubbed. */
    FREE_TEXT(new ActionSpec.ScrubText(), "TEXT", false),
    /**
     * Codes of code systems (SNOMED CT, LOINC, ICD-10, RxNorm, CVX, concept ids): kept, but an age over 89 in a code
     * ({@code DEM|AGE:91}) becomes {@code 90+} (decision 0124).
     */
    CODE(new ActionSpec.Generalize(Generalization.CODE), "CODE", false),
    /** Few distinct values repeated (status, category, unit, sex): kept, ages over 89 in them as {@link #CODE}'s. */
    CATEGORICAL(new ActionSpec.Generalize(Generalization.CODE), "CATEGORY", false),
    /** Numbers and measurements: kept. */
    NUMBER(new ActionSpec.Keep(), "NUMBER", false),
    /** Yes/no, true/false, 0/1: kept. */
    BOOLEAN(new ActionSpec.Keep(), "BOOLEAN", false),
    /** No value in the sample: kept (nothing to protect); a later non-empty value is scrubbed. */
    EMPTY(new ActionSpec.ScrubText(), "EMPTY", false),
    /** Nothing conclusive: scrubbed as free text, the safe choice. */
    UNKNOWN(new ActionSpec.ScrubText(), "TEXT", false);

    private final ActionSpec spec;
    private final String label;
    private final boolean identifier;

    ColumnClass(ActionSpec spec, String label, boolean identifier) {
        this.spec = spec;
        this.label = label;
        this.identifier = identifier;
    }

    /** The action a column of this class gets when no rule names it (keys and references: see the relations). */
    public ActionSpec spec() {
        return spec;
    }

    /** The label its values get when scrubbed from free text, e.g. {@code NAME}. */
    public String label() {
        return label;
    }

    /** Whether its values identify a person, so they are collected and scrubbed from free text too. */
    public boolean identifier() {
        return identifier;
    }

    /** Whether its values are dates to shift (notation and day/month order matter). */
    public boolean isDate() {
        return this == DATE || this == DATE_TIME || this == BIRTH_DATE;
    }

    /** The spelling in reports and profiles, e.g. {@code person-name}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public String toString() {
        return yamlName();
    }
}
