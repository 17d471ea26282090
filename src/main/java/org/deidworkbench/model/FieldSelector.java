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

    /** {@code FL03B_}, {@code FL6 }: a UB-04 form locator (1 to 81, a letter of its lines) and a separator. */
    Pattern FORM_LOCATOR = Pattern.compile("(?i)fl(?:0?[1-9]|[1-7][0-9]|8[01])[a-d]?[ _.-]+(?=\\p{L})");

    /**
     * A header without the UB-04 (CMS-1450) form locator it starts with ({@code FL03B_MED_REC_NO} is {@code MED_REC_NO},
     * {@code FL67_PRIN_DX} is {@code PRIN_DX}), or null when it starts with none: a hospital's billing extract names its
     * claims' fields by the form's boxes, and a rule written for the field's name matches it so too (decision 0228).
     * A rule naming the whole header matches it as before; rules are tried in their order as before.
     */
    static String withoutFormLocator(String header) {
        String h = header.strip();
        if (h.length() < 5 || (h.charAt(0) | 0x20) != 'f' || (h.charAt(1) | 0x20) != 'l') {
            return null;
        }
        java.util.regex.Matcher m = FORM_LOCATOR.matcher(h);
        return m.lookingAt() ? h.substring(m.end()) : null;
    }

    /**
     * A CSV column by its header name, compared case-insensitively after trimming, with runs of
     * spaces, dashes and underscores treated alike ({@code "Patient ID"} = {@code patient_id}).
     */
    record ColumnName(String name) implements FieldSelector {
        public ColumnName {
            Objects.requireNonNull(name, "name");
        }

        /**
         * Whether this selector names the given header, or the header without its UB-04 form locator
         * ({@link FieldSelector#withoutFormLocator}).
         */
        public boolean matches(String header) {
            String mine = normalize(name);
            if (mine.equals(normalize(header))) {
                return true;
            }
            String rest = withoutFormLocator(header);
            return rest != null && mine.equals(normalize(rest));
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

        /**
         * Whether the whole (trimmed) header matches, or the header without its UB-04 form locator
         * ({@link FieldSelector#withoutFormLocator}).
         */
        public boolean matches(String header) {
            if (pattern.matcher(header.strip()).matches()) {
                return true;
            }
            String rest = withoutFormLocator(header);
            return rest != null && pattern.matcher(rest).matches();
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
