package org.deidworkbench.gui.rules;

import java.util.Objects;
import java.util.regex.Pattern;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Rule;

/**
 * The rule form's values, and the YAML they stand for. The profile text stays the one truth: the
 * form writes a rule block into it, and the text is validated like any hand edit.
 *
 * @param id the rule id (a word of letters, digits, '-' and '_')
 * @param column the column name, or the regular expression when {@code pattern}
 * @param pattern whether {@code column} is a {@code column-pattern}
 * @param action the action
 * @param parameter the action's one required parameter: {@code domain} (pseudonymize, encrypt's is
 *     optional), {@code value} (replace), {@code kind} (generalize), {@code alphabet} (encrypt); empty
 *     for the others
 * @param label the scrub label, e.g. {@code NAME}; may be empty
 */
public record RuleForm(String id, String column, boolean pattern, Action action, String parameter, String label) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public RuleForm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(label, "label");
    }

    /** A new rule for one column, as the "add a rule for this column" shortcut proposes. */
    public static RuleForm forColumn(String column) {
        String id = column.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return new RuleForm(id.isEmpty() ? "column" : id, column, false, Action.KEEP, "", "");
    }

    /** The form filled from an existing rule. */
    public static RuleForm of(Rule rule) {
        String column;
        boolean pattern;
        if (rule.selector() instanceof FieldSelector.ColumnPattern p) {
            column = p.pattern().pattern();
            pattern = true;
        } else if (rule.selector() instanceof FieldSelector.ColumnName n) {
            column = n.name();
            pattern = false;
        } else {
            column = rule.selector().describe();
            pattern = false;
        }
        return new RuleForm(rule.id(), column, pattern, rule.action(), parameterOf(rule.spec()), rule.label());
    }

    private static String parameterOf(ActionSpec spec) {
        if (spec instanceof ActionSpec.Pseudonymize p) {
            return p.domain();
        }
        if (spec instanceof ActionSpec.Replace r) {
            return r.value();
        }
        if (spec instanceof ActionSpec.Generalize g) {
            return g.kind().yamlName();
        }
        if (spec instanceof ActionSpec.Encrypt e) {
            return e.alphabet();
        }
        return "";
    }

    /** The YAML key of the action's parameter, or empty when the action takes none here. */
    public static String parameterKey(Action action) {
        return switch (action) {
            case PSEUDONYMIZE -> "domain";
            case REPLACE -> "value";
            case GENERALIZE -> "kind";
            case ENCRYPT -> "alphabet";
            case KEEP, REMOVE, EMPTY, SHIFT_DATE, SCRUB_TEXT, REMAP_UID -> "";
        };
    }

    /** Whether the form can become a rule (the profile validation checks the rest). */
    public boolean complete() {
        return ID.matcher(id).matches() && !column.isBlank()
                && (parameterKey(action).isEmpty() || !parameter.isBlank());
    }

    /**
     * The rule as a YAML list item indented by {@code indent} spaces, ending in a line break.
     * Values are single-quoted, so no text of the form can break out of its key.
     */
    public String toYaml(int indent) {
        String pad = " ".repeat(indent);
        String in = pad + "  ";
        StringBuilder sb = new StringBuilder();
        sb.append(pad).append("- id: ").append(quote(id)).append('\n');
        sb.append(in).append(pattern ? "column-pattern: " : "column: ").append(quote(column)).append('\n');
        sb.append(in).append("action: ").append(action.yamlName()).append('\n');
        String key = parameterKey(action);
        if (!key.isEmpty()) {
            sb.append(in).append(key).append(": ").append(quote(parameter)).append('\n');
        }
        if (!label.isBlank()) {
            sb.append(in).append("label: ").append(quote(label)).append('\n');
        }
        return sb.toString();
    }

    /** A YAML single-quoted scalar: the only escape is {@code ''}; line breaks are flattened. */
    static String quote(String s) {
        return "'" + s.replace("\r", " ").replace("\n", " ").replace("'", "''") + "'";
    }
}
