package org.deidworkbench.gui.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits of a profile's YAML text that keep everything else of it (comments, order, spelling):
 * insert or replace a rule block, set the default action, set the date-shift range. Works on lines;
 * the result is validated like any hand edit, so a text it does not understand is left unchanged
 * rather than guessed at. Stateless.
 */
public final class ProfileText {

    private static final Pattern RULES_KEY = Pattern.compile("^rules:\\s*(\\[\\s*\\])?\\s*(#.*)?$");
    private static final Pattern DEFAULT_KEY = Pattern.compile("^default:\\s*(#.*)?$");
    private static final Pattern DEFAULT_FLOW = Pattern.compile("^default:\\s*\\{.*\\}\\s*(#.*)?$");
    private static final Pattern ACTION_LINE = Pattern.compile("^(\\s+action:\\s*)([^#\\s]+)(.*)$");
    private static final Pattern FLOW_ACTION = Pattern.compile("(action:\\s*)([^,}\\s]+)");
    private static final Pattern DATE_SHIFT_KEY = Pattern.compile("^date-shift:.*$");

    private ProfileText() {
    }

    /** Inserts {@code rule} as the first rule (first match wins, so a rule added by hand takes precedence). */
    public static String insertRule(String yaml, RuleForm rule) {
        List<String> lines = lines(yaml);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RULES_KEY.matcher(lines.get(i));
            if (m.matches()) {
                if (m.group(1) != null) {
                    lines.set(i, "rules:");
                }
                int indent = listIndent(lines, i + 1);
                lines.add(i + 1, stripNewline(rule.toYaml(indent)));
                return join(lines, yaml);
            }
        }
        int at = topLevelKey(lines, DEFAULT_KEY, DEFAULT_FLOW);
        String block = "rules:\n" + stripNewline(rule.toYaml(2));
        if (at < 0) {
            lines.add(block);
        } else {
            lines.add(at, block + "\n");
        }
        return join(lines, yaml);
    }

    /**
     * Replaces the rule written at {@code line} (1-based, the line of its first key) with {@code rule}.
     * Unchanged when that line does not start a list item.
     */
    public static String replaceRule(String yaml, int line, RuleForm rule) {
        List<String> lines = lines(yaml);
        int start = line - 1;
        if (start < 0 || start >= lines.size()) {
            return yaml;
        }
        String first = lines.get(start);
        int dash = first.indexOf('-');
        if (dash < 0 || !first.substring(0, dash).isBlank()) {
            return yaml;
        }
        int end = start + 1;
        while (end < lines.size()) {
            String l = lines.get(end);
            if (!l.isBlank() && indentOf(l) <= dash) {
                break;
            }
            end++;
        }
        // Blank lines and comments between rules belong to the next rule.
        while (end - 1 > start && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().startsWith("#"))) {
            end--;
        }
        lines.subList(start, end).clear();
        lines.add(start, stripNewline(rule.toYaml(dash)));
        return join(lines, yaml);
    }

    /** Sets the action of the {@code default:} block (block or flow style); other keys of it are kept. */
    public static String setDefaultAction(String yaml, String action) {
        List<String> lines = lines(yaml);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (DEFAULT_FLOW.matcher(l).matches()) {
                lines.set(i, FLOW_ACTION.matcher(l).replaceFirst("$1" + Matcher.quoteReplacement(action)));
                return join(lines, yaml);
            }
            if (DEFAULT_KEY.matcher(l).matches()) {
                for (int j = i + 1; j < lines.size() && (lines.get(j).isBlank() || indentOf(lines.get(j)) > 0); j++) {
                    Matcher m = ACTION_LINE.matcher(lines.get(j));
                    if (m.matches()) {
                        lines.set(j, m.group(1) + action + m.group(3));
                        return join(lines, yaml);
                    }
                }
                lines.add(i + 1, "  action: " + action);
                return join(lines, yaml);
            }
        }
        lines.add("default:");
        lines.add("  action: " + action);
        return join(lines, yaml);
    }

    /** Sets the date-shift range, written as one flow mapping in place of the old {@code date-shift} block. */
    public static String setDateShift(String yaml, int minDays, int maxDays) {
        List<String> lines = lines(yaml);
        String entry = "date-shift: { min-days: " + minDays + ", max-days: " + maxDays + " }";
        for (int i = 0; i < lines.size(); i++) {
            if (DATE_SHIFT_KEY.matcher(lines.get(i)).matches()) {
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).isBlank() && indentOf(lines.get(end)) > 0) {
                    end++;
                }
                lines.subList(i, end).clear();
                lines.add(i, entry);
                return join(lines, yaml);
            }
        }
        int at = topLevelKey(lines, RULES_KEY, RULES_KEY);
        if (at < 0) {
            at = topLevelKey(lines, DEFAULT_KEY, DEFAULT_FLOW);
        }
        if (at < 0) {
            lines.add(entry);
        } else {
            lines.add(at, entry);
        }
        return join(lines, yaml);
    }

    private static int topLevelKey(List<String> lines, Pattern a, Pattern b) {
        for (int i = 0; i < lines.size(); i++) {
            if (a.matcher(lines.get(i)).matches() || b.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Indentation of the first list item after {@code from}; 2 when there is none yet. */
    private static int listIndent(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            String l = lines.get(i);
            String s = l.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            return s.startsWith("- ") || s.equals("-") ? indentOf(l) : 2;
        }
        return 2;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static List<String> lines(String yaml) {
        return new ArrayList<>(List.of(yaml.split("\r?\n", -1)));
    }

    private static String join(List<String> lines, String original) {
        String sep = original.contains("\r\n") ? "\r\n" : "\n";
        return String.join(sep, lines).replace("\n", sep).replace("\r\r\n", "\r\n");
    }

    private static String stripNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
