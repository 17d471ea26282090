package org.deidworkbench.model;

/**
 * Whether columns no rule names are classified from their header and values (and related across the
 * tables of a run), and how many rows of each file are sampled for it. Profile key {@code classify}.
 *
 * @param enabled false: every column no rule names gets the profile's default, as before issue #7
 * @param sampleRows rows read from the start of each file to classify its columns (at least 10)
 */
public record ClassificationSettings(boolean enabled, int sampleRows) {

    /** The sample size when the profile does not say. */
    public static final int DEFAULT_SAMPLE_ROWS = 1000;

    /** No classification: the profile's default decides every column no rule names. */
    public static final ClassificationSettings OFF = new ClassificationSettings(false, DEFAULT_SAMPLE_ROWS);

    /** Classification with the default sample. */
    public static final ClassificationSettings ON = new ClassificationSettings(true, DEFAULT_SAMPLE_ROWS);

    public ClassificationSettings {
        if (sampleRows < 10 || sampleRows > 1_000_000) {
            throw new IllegalArgumentException("sample rows must be 10..1000000, was " + sampleRows);
        }
    }
}
