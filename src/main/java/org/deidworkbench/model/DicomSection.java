package org.deidworkbench.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code dicom:} section of a profile: the PS3.15 Annex E options switched on, the ordered
 * rules that come before Table E.1-1, private elements the profile declares safe, and pixel
 * redaction rules. Built and validated by {@code config}, applied by {@code format.dicom}. Standard
 * attributes that neither a rule nor the table covers are kept (their text still loses the
 * patient's known identifiers); elements of even groups the data dictionary does not know are
 * removed.
 *
 * @param source where the section was read from: the profile's file or {@code built-in:dicom-basic}
 * @param options the Annex E options switched on
 * @param rules ordered rules; the first matching one decides, else Table E.1-1 with the options
 * @param safePrivate private elements to keep when {@link DicomOption#RETAIN_SAFE_PRIVATE} is on, in
 *     addition to the built-in starter list and what files declare in (0008,0300)
 * @param redactions pixel redaction rules, tried in order; the first whose conditions hold applies
 */
public record DicomSection(String source, Set<DicomOption> options, List<DicomRule> rules,
        List<PrivateElement> safePrivate, List<DicomRedaction> redactions) implements FormatSection {

    /** The section's key in a profile. */
    public static final String KEY = "dicom";

    /**
     * A private data element by creator, odd group and element low byte.
     *
     * @param creator the Private Creator value, trailing spaces trimmed
     * @param group the odd group
     * @param offset the element's low byte
     */
    public record PrivateElement(String creator, int group, int offset) {
        public PrivateElement {
            Objects.requireNonNull(creator, "creator");
        }
    }

    public DicomSection {
        Objects.requireNonNull(source, "source");
        options = options.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(options));
        rules = List.copyOf(rules);
        safePrivate = List.copyOf(safePrivate);
        redactions = List.copyOf(redactions);
    }

    @Override
    public String key() {
        return KEY;
    }

    /** The actions of the section's rules, so a pseudonym domain keeps one format across formats (decision 0006). */
    @Override
    public List<ActionSpec> actionSpecs() {
        return rules.stream().map(DicomRule::spec).toList();
    }

    /** Whether an option is switched on. */
    public boolean has(DicomOption option) {
        return options.contains(option);
    }

    /** This section as read from another source (a built-in section lent to a profile that has none). */
    public DicomSection withSource(String newSource) {
        return new DicomSection(newSource, options, rules, safePrivate, redactions);
    }

    @Override
    public String toString() {
        return "DicomSection[" + source + ", " + options.size() + " options, " + rules.size() + " rules, "
                + redactions.size() + " redactions]";
    }
}
