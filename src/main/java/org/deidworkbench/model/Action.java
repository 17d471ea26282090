package org.deidworkbench.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The de-identification actions a rule can apply, each with everything the profile schema needs to
 * know about it: its YAML name, the parameters it takes and requires, and how it treats the
 * original value. Adding an action starts here; the compiler then lists every exhaustive
 * {@code switch} that must handle it (CONTRIBUTING.md, "Adding a de-identification action").
 */
public enum Action {
    //            YAML name        hides value  identifier  required parameters          optional parameters
    KEEP(         "keep",          false,       false,      List.of(),                   List.of()),
    REMOVE(       "remove",        true,        true,       List.of(),                   List.of()),
    EMPTY(        "empty",         true,        true,       List.of(),                   List.of()),
    REPLACE(      "replace",       true,        true,       List.of(Parameter.VALUE),    List.of()),
    PSEUDONYMIZE( "pseudonymize",  true,        true,       List.of(Parameter.DOMAIN),   List.of(Parameter.FORMAT)),
    ENCRYPT(      "encrypt",       true,        true,       List.of(Parameter.ALPHABET), List.of(Parameter.DOMAIN)),
    SHIFT_DATE(   "shift-date",    false,       false,      List.of(),                   List.of()),
    GENERALIZE(   "generalize",    false,       false,      List.of(Parameter.KIND),     List.of()),
    SCRUB_TEXT(   "scrub-text",    false,       false,      List.of(),                   List.of()),
    REMAP_UID(    "remap-uid",     false,       false,      List.of(),                   List.of());

    /** A parameter key a rule may give next to {@code action}; its values are read by {@code config}. */
    public enum Parameter {
        /** The pseudonym domain ({@code pseudonymize}) or FF1 tweak ({@code encrypt}). */
        DOMAIN("domain"),
        /** The pseudonym format: encoding, length, prefix, check digit. */
        FORMAT("format"),
        /** The characters {@code encrypt} encrypts. */
        ALPHABET("alphabet"),
        /** The fixed text of {@code replace}. */
        VALUE("value"),
        /** What {@code generalize} coarsens to. */
        KIND("kind");

        private final String yamlName;

        Parameter(String yamlName) {
            this.yamlName = yamlName;
        }

        /** The key as written in profiles, e.g. {@code alphabet}. */
        public String yamlName() {
            return yamlName;
        }
    }

    private final String yamlName;
    private final boolean hidesValue;
    private final boolean identifierByDefault;
    private final Set<Parameter> required;
    private final Set<Parameter> parameters;

    Action(String yamlName, boolean hidesValue, boolean identifierByDefault, List<Parameter> required,
            List<Parameter> optional) {
        this.yamlName = yamlName;
        this.hidesValue = hidesValue;
        this.identifierByDefault = identifierByDefault;
        this.required = Collections.unmodifiableSet(copy(required));
        EnumSet<Parameter> all = copy(required);
        all.addAll(optional);
        this.parameters = Collections.unmodifiableSet(all);
    }

    private static EnumSet<Parameter> copy(List<Parameter> list) {
        EnumSet<Parameter> set = EnumSet.noneOf(Parameter.class);
        set.addAll(list);
        return set;
    }

    /** The spelling used in rule profiles and reports, e.g. {@code shift-date}. */
    public String yamlName() {
        return yamlName;
    }

    /**
     * Whether the original value never reaches the output (removed, emptied, replaced, pseudonymized,
     * encrypted). A subject id column must get such an action; the others write (part of) it in clear.
     */
    public boolean hidesValue() {
        return hidesValue;
    }

    /**
     * Whether a field with this action counts as an identifier when its rule does not say
     * ({@code identifier:}), so its values are also scrubbed from free text and file names.
     */
    public boolean identifierByDefault() {
        return identifierByDefault;
    }

    /** Every parameter this action accepts, in {@link Parameter} order; unmodifiable. */
    public Set<Parameter> parameters() {
        return parameters;
    }

    /** The parameters this action cannot do without; unmodifiable. */
    public Set<Parameter> requiredParameters() {
        return required;
    }

    /** Looks an action up by its profile spelling (case-sensitive, as documented). */
    public static Optional<Action> fromYamlName(String name) {
        return Arrays.stream(values()).filter(a -> a.yamlName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return yamlName;
    }
}
