package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;

/**
 * A complete, validated rule profile: ordered rules (first match wins) and an explicit default.
 *
 * @param name profile name shown in reports
 * @param description one paragraph for humans
 * @param rules ordered rules; the first whose selector matches a field decides its action
 * @param defaultSpec action for fields no rule matches
 * @param defaultIdentifier whether unmatched fields count as identifiers (see {@link Rule#identifier()})
 * @param subject how records are tied to a subject
 * @param dateShift range of per-subject date offsets
 * @param source where the profile was read from (a path or {@code built-in:NAME})
 */
public record Profile(String name, String description, List<Rule> rules, ActionSpec defaultSpec,
        boolean defaultIdentifier, SubjectSettings subject, DateShiftSettings dateShift, String source) {

    public Profile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        rules = List.copyOf(rules);
        Objects.requireNonNull(defaultSpec, "defaultSpec");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dateShift, "dateShift");
        Objects.requireNonNull(source, "source");
    }

    /** Whether any rule (or the default) scrubs free text, which needs all known identifiers first. */
    public boolean scrubsText() {
        return defaultSpec.action() == Action.SCRUB_TEXT
                || rules.stream().anyMatch(r -> r.action() == Action.SCRUB_TEXT);
    }
}
