package org.deidworkbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.SourceLocation;

/**
 * The single implementation of "which rule applies to a CSV column" (first match wins, else the
 * default) and "which column holds the subject id". The engine, {@code profile explain} and the
 * GUI all use it, so what a steward previews is what runs. Stateless and thread-safe; cost is
 * rules × columns selector matches.
 */
public final class ProfileExplainer {

    private ProfileExplainer() {
    }

    /** One decision per header column, in header order. */
    public static List<ColumnDecision> explain(Profile profile, List<String> header) {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(header, "header");
        int subject = subjectColumnIndex(profile, header).orElse(-1);
        List<ColumnDecision> out = new ArrayList<>(header.size());
        for (int i = 0; i < header.size(); i++) {
            String column = Objects.requireNonNull(header.get(i), "header column");
            Rule rule = firstMatch(profile.rules(), column);
            if (rule == null) {
                out.add(new ColumnDecision(column, null, profile.defaultSpec(), profile.defaultIdentifier(),
                        i == subject, "default action (no rule matched)"));
            } else {
                out.add(new ColumnDecision(column, rule, rule.spec(), rule.identifier(), i == subject, reason(rule)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The index of the file's subject column: the first of {@code subject.columns} that is present
     * in the header (compared like {@link FieldSelector.ColumnName}); empty when none is present.
     */
    public static OptionalInt subjectColumnIndex(Profile profile, List<String> header) {
        for (String candidate : profile.subject().csvColumns()) {
            FieldSelector.ColumnName name = new FieldSelector.ColumnName(candidate);
            for (int i = 0; i < header.size(); i++) {
                if (name.matches(header.get(i))) {
                    return OptionalInt.of(i);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** Whether a selector picks the given CSV header. */
    public static boolean matches(FieldSelector selector, String column) {
        if (selector instanceof FieldSelector.ColumnName name) {
            return name.matches(column);
        }
        if (selector instanceof FieldSelector.ColumnPattern pattern) {
            return pattern.matches(column);
        }
        throw new IllegalStateException("unknown selector kind " + selector.getClass().getSimpleName());
    }

    /** The first rule matching the column, or {@code null} when the default applies. */
    static Rule firstMatch(List<Rule> rules, String column) {
        for (Rule rule : rules) {
            if (matches(rule.selector(), column)) {
                return rule;
            }
        }
        return null;
    }

    private static String reason(Rule rule) {
        String selector;
        if (rule.selector() instanceof FieldSelector.ColumnPattern p) {
            selector = "column-pattern /" + p.pattern().pattern() + "/";
        } else {
            selector = rule.selector().describe();
        }
        SourceLocation at = rule.location();
        String where = at.line() > 0 ? at.file() + ":" + at.line() : at.file();
        return "rule '" + rule.id() + "' (" + selector + " at " + where + ")";
    }
}
