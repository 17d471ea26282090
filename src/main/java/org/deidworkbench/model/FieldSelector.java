package org.deidworkbench.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which fields a rule applies to. Sealed so that adding a kind of selector (DICOM tag, FHIRPath)
 * is a compile-checked change in every place that interprets selectors.
 */
public sealed interface FieldSelector permits FieldSelector.ColumnName, FieldSelector.ColumnPattern {

    /** A readable form for reports and {@code profile explain}, e.g. {@code column "mrn"}. */
    String describe();

    /**
     * A CSV column by its header name, compared case-insensitively after trimming, with runs of
     * spaces, dashes and underscores treated alike ({@code "Patient ID"} = {@code patient_id}).
     */
    record ColumnName(String name) implements FieldSelector {
        public ColumnName {
            Objects.requireNonNull(name, "name");
        }

        /** Whether this selector names the given header. */
        public boolean matches(String header) {
            return normalize(name).equals(normalize(header));
        }

        /** The comparison form of a header name. */
        public static String normalize(String header) {
            return header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "_");
        }

        @Override
        public String describe() {
            return "column \"" + name + "\"";
        }
    }

    /** CSV columns whose header matches a regular expression (case-insensitive, whole name). */
    record ColumnPattern(Pattern pattern) implements FieldSelector {
        public ColumnPattern {
            Objects.requireNonNull(pattern, "pattern");
        }

        /** Compiles {@code regex} case-insensitively. */
        public static ColumnPattern of(String regex) {
            return new ColumnPattern(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }

        /** Whether the whole (trimmed) header matches. */
        public boolean matches(String header) {
            return pattern.matcher(header.strip()).matches();
        }

        @Override
        public String describe() {
            return "column-pattern /" + pattern.pattern() + "/";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ColumnPattern other && other.pattern.pattern().equals(pattern.pattern())
                    && other.pattern.flags() == pattern.flags();
        }

        @Override
        public int hashCode() {
            return pattern.pattern().hashCode();
        }
    }
}
