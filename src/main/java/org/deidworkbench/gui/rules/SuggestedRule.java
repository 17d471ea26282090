package org.deidworkbench.gui.rules;

import java.util.Collection;
import java.util.Locale;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.PseudonymFormat;

/**
 * A classifier's decision for a CSV column written as a profile rule, so that accepting it changes
 * nothing a run writes but makes the decision the steward's: the same action with its parameters,
 * the same identifier flag and scrub label, as {@code deid profile suggest} writes them.
 */
final class SuggestedRule {

    private SuggestedRule() {
    }

    /** Whether the decision can become a rule: the classifier made it and named its action. */
    static boolean acceptable(FieldDecision d) {
        // A column whose name repeats in its file is shown by its position (decision 0160): a rule by name would
        // decide every column of that name, the others' decisions too.
        return "classifier".equals(d.decidedBy()) && d.spec() != null && d.path().equals(d.name());
    }

    /** An id for the column's rule that none of {@code taken} has (which it then joins). */
    static String id(String column, Collection<String> taken) {
        String base = column.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "column";
        }
        String id = base;
        for (int n = 2; taken.contains(id); n++) {
            id = base + "-" + n;
        }
        taken.add(id);
        return id;
    }

    /** The rule as a YAML list item indented by {@code indent} spaces, ending in a line break; texts single-quoted. */
    static String toYaml(FieldDecision d, String id, int indent) {
        String pad = " ".repeat(indent);
        String in = pad + "  ";
        ActionSpec spec = d.spec();
        StringBuilder y = new StringBuilder();
        y.append(pad).append("- id: ").append(RuleForm.quote(id)).append('\n');
        y.append(in).append("column: ").append(RuleForm.quote(d.name())).append('\n');
        y.append(in).append("action: ").append(spec.action().yamlName()).append('\n');
        if (spec instanceof ActionSpec.Pseudonymize p) {
            y.append(in).append("domain: ").append(RuleForm.quote(p.domain())).append('\n');
            PseudonymFormat f = p.format();
            if (!f.equals(PseudonymFormat.DEFAULT)) {
                y.append(in).append("format: {encoding: ").append(f.encoding().yamlName()).append(", length: ")
                        .append(f.length()).append(", prefix: ").append(RuleForm.quote(f.prefix()))
                        .append(", check-digit: ").append(f.checkDigit()).append("}\n");
            }
        } else if (spec instanceof ActionSpec.Generalize g) {
            y.append(in).append("kind: ").append(g.kind().yamlName()).append('\n');
        } else if (spec instanceof ActionSpec.Replace r) {
            y.append(in).append("value: ").append(RuleForm.quote(r.value())).append('\n');
        } else if (spec instanceof ActionSpec.Encrypt e) {
            y.append(in).append("domain: ").append(RuleForm.quote(e.domain())).append('\n');
            y.append(in).append("alphabet: ").append(RuleForm.quote(e.alphabet())).append('\n');
        }
        y.append(in).append("identifier: ").append(d.identifier()).append('\n');
        if (!d.label().isEmpty()) {
            y.append(in).append("label: ").append(RuleForm.quote(d.label())).append('\n');
        }
        return y.toString();
    }
}
