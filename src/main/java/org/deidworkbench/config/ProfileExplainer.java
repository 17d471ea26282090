package org.deidworkbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.Rule;

/**
 * Explains for a steward which rule applies to each CSV column and why. The decision itself is
 * {@link Profile#ruleForColumn} and {@link Profile#subjectColumn}, the very methods a run uses, so
 * what a steward previews is what runs. Stateless and thread-safe; cost is rules × columns
 * selector matches.
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
            Rule rule = profile.ruleForColumn(column).orElse(null);
            if (rule == null) {
                out.add(new ColumnDecision(column, null, profile.defaultSpec(), profile.defaultIdentifier(),
                        i == subject, "default action (no rule matched)"));
            } else {
                out.add(new ColumnDecision(column, rule, rule.spec(), rule.identifier(), i == subject, rule.reason()));
            }
        }
        return List.copyOf(out);
    }

    /**
     * The index of the file's subject column: the first of {@code subject.columns} that is present
     * in the header (compared like {@link FieldSelector.ColumnName}); empty when none is present.
     * Delegates to {@link Profile#subjectColumn}, which the run itself uses.
     */
    public static OptionalInt subjectColumnIndex(Profile profile, List<String> header) {
        int index = profile.subjectColumn(header);
        return index < 0 ? OptionalInt.empty() : OptionalInt.of(index);
    }
}
