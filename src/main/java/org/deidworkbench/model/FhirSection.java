package org.deidworkbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code fhir:} section of a profile: how FHIR R4 resources are de-identified.
 *
 * @param rules ordered rules; per primitive value the first rule matching it or an enclosing
 *     element decides
 * @param defaultSpec the action for values no rule matches
 * @param defaultIdentifier whether unmatched string values count as identifiers
 * @param subjectIdPath FHIRPath evaluated on each Patient giving the element whose value is the
 *     subject id (the MRN that CSV and DICOM exports carry), or {@code null} for the default: the
 *     value of the first {@code Patient.identifier} typed {@code MR}, else of the first identifier
 * @param resourceIds how resource ids (and every reference to them) are replaced
 * @param idDomain the pseudonym domain of resource ids when they are recorded
 * @param yearOnlyDates when true every {@code shift-date} of the section keeps only the year
 * @param extensions which extensions are kept (their values still go through the rules)
 * @param source where the section was read from (a profile path or {@code built-in:NAME})
 */
public record FhirSection(List<FhirRule> rules, ActionSpec defaultSpec, boolean defaultIdentifier,
        String subjectIdPath, ResourceIds resourceIds, String idDomain, boolean yearOnlyDates,
        ExtensionPolicy extensions, String source) implements FormatSection {

    /** The section's key in the profile YAML. */
    public static final String KEY = "fhir";

    /** How resource ids are replaced; both are keyed and deterministic, so references keep resolving. */
    public enum ResourceIds {
        /** A keyed value of type and id, not recorded: a bulk export does not grow the key file. */
        KEYED("keyed"),
        /** The same keyed value, recorded in the key file (domain {@code idDomain}) so it can be reversed. */
        PSEUDONYMIZE("pseudonymize");

        private final String yamlName;

        ResourceIds(String yamlName) {
            this.yamlName = yamlName;
        }

        /** The spelling used in profiles. */
        public String yamlName() {
            return yamlName;
        }
    }

    /**
     * Which extensions survive: those listed in {@code keep} (by URL), or every extension not
     * listed in {@code drop} when {@code keepByDefault}.
     */
    public record ExtensionPolicy(boolean keepByDefault, List<String> keep, List<String> drop) {
        public ExtensionPolicy {
            keep = List.copyOf(keep);
            drop = List.copyOf(drop);
        }

        /** Whether an extension with this URL is written. */
        public boolean keeps(String url) {
            if (url == null) {
                return false;
            }
            return keepByDefault ? !drop.contains(url) : keep.contains(url);
        }

        /**
         * Whether an extension with this URL is written where it stands. One directly inside an extension (which was
         * kept, or it would not be read) whose URL is a simple name, not a URI, is a part of that complex extension
         * (US Core race's {@code ombCategory} and {@code text}): it is kept with it unless {@code drop} names it. Any
         * other is decided by its URL ({@link #keeps(String)}).
         */
        public boolean keeps(String url, boolean inExtension) {
            if (inExtension && url != null && url.indexOf(':') < 0) {
                return !drop.contains(url);
            }
            return keeps(url);
        }
    }

    public FhirSection {
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultSpec, "defaultSpec");
        Objects.requireNonNull(resourceIds, "resourceIds");
        Objects.requireNonNull(idDomain, "idDomain");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<ActionSpec> actionSpecs() {
        List<ActionSpec> specs = new ArrayList<>();
        rules.forEach(r -> specs.add(r.spec()));
        specs.add(defaultSpec);
        return specs;
    }
}
