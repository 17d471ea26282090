package org.deidworkbench.model;

/**
 * The part of a {@link Profile} that only one format reads, e.g. the {@code dicom:} section with the
 * PS3.15 options and tag rules, or the {@code fhir:} section with FHIRPath rules. The CSV rules are
 * the profile's top-level {@code rules} and {@code default}. Implementations are immutable records
 * in {@code model}, built and validated by {@code config}, read by their {@code format.<fmt>}.
 */
public interface FormatSection {

    /** The section's key in the profile YAML, e.g. {@code dicom}. */
    String key();

    /** Where the section was read from: the profile's own source or a built-in profile's. */
    String source();

    /**
     * Every action the section can apply (rules and default), so the engine can check that a
     * pseudonym domain has one format across the whole profile (decision 0006).
     */
    default java.util.List<ActionSpec> actionSpecs() {
        return java.util.List.of();
    }
}
