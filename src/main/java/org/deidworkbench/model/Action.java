package org.deidworkbench.model;

import java.util.Arrays;
import java.util.Optional;

/** The de-identification actions a rule can apply; the YAML name is what profiles spell. */
public enum Action {
    KEEP("keep"),
    REMOVE("remove"),
    EMPTY("empty"),
    REPLACE("replace"),
    PSEUDONYMIZE("pseudonymize"),
    ENCRYPT("encrypt"),
    SHIFT_DATE("shift-date"),
    GENERALIZE("generalize"),
    SCRUB_TEXT("scrub-text"),
    REMAP_UID("remap-uid");

    private final String yamlName;

    Action(String yamlName) {
        this.yamlName = yamlName;
    }

    /** The spelling used in rule profiles and reports, e.g. {@code shift-date}. */
    public String yamlName() {
        return yamlName;
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
