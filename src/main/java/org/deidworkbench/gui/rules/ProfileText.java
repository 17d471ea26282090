package org.deidworkbench.gui.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.model.DicomRedaction;

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
    private static final Pattern DICOM_KEY = Pattern.compile("^dicom:\\s*(#.*)?$");
    private static final Pattern REDACTIONS_KEY = Pattern.compile("^(\\s+)redactions:\\s*(\\[\\s*\\])?\\s*(#.*)?$");

    private ProfileText() {
    }

    /** Inserts {@code rule} as the first rule (first match wins, so a rule added by hand takes precedence). */
    public static String insertRule(String yaml, RuleForm rule) {
        return insertRule(yaml, rule::toYaml);
    }

    /**
     * Inserts the rule that {@code item} writes (a YAML list item at the indentation it is given,
     * ending in a line break) as the first rule.
     */
    public static String insertRule(String yaml, IntFunction<String> item) {
        List<String> lines = lines(yaml);
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = RULES_KEY.matcher(lines.get(i));
            if (m.matches()) {
                if (m.group(1) != null) {
                    lines.set(i, "rules:");
                }
                int indent = listIndent(lines, i + 1);
                lines.add(i + 1, stripNewline(item.apply(indent)));
                return join(lines, yaml);
            }
        }
        int at = topLevelKey(lines, DEFAULT_KEY, DEFAULT_FLOW);
        String block = "rules:\n" + stripNewline(item.apply(2));
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
        return replaceItem(yaml, line, rule::toYaml);
    }

    /**
     * Replaces the list item written at {@code line} (1-based, the line of its first key: a rule, a
     * redaction) with what {@code item} writes at the item's indentation. Unchanged when that line
     * does not start a list item.
     */
    public static String replaceItem(String yaml, int line, IntFunction<String> item) {
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
        // Blank lines and comments between items belong to the next item.
        while (end - 1 > start && (lines.get(end - 1).isBlank() || lines.get(end - 1).strip().startsWith("#"))) {
            end--;
        }
        lines.subList(start, end).clear();
        lines.add(start, stripNewline(item.apply(dash)));
        return join(lines, yaml);
    }

    /**
     * Appends the redaction rule that {@code item} writes to the {@code redactions} list of the
     * profile's {@code dicom:} section. A profile without a {@code dicom:} section first gets
     * {@code dicomSection} (the built-in section it was lent until now, so nothing else changes).
     * Unchanged when the list is written in a form this does not edit (a non-empty flow list).
     *
     * @param dicomSection the text of a whole {@code dicom:} section, starting with {@code dicom:}
     */
    public static String addRedaction(String yaml, IntFunction<String> item, String dicomSection) {
        List<String> lines = lines(yaml);
        int section = topLevelKey(lines, DICOM_KEY, DICOM_KEY);
        if (section < 0) {
            while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
                lines.remove(lines.size() - 1);
            }
            lines.add("");
            section = lines.size();
            lines.addAll(lines(stripNewline(dicomSection)));
            lines.add("");
        }
        int end = sectionEnd(lines, section);
        for (int i = section + 1; i < end; i++) {
            Matcher m = REDACTIONS_KEY.matcher(lines.get(i));
            if (!m.matches()) {
                if (lines.get(i).strip().startsWith("redactions:")) {
                    return yaml;
                }
                continue;
            }
            int keyIndent = m.group(1).length();
            if (m.group(2) != null) {
                lines.set(i, m.group(1) + "redactions:" + (m.group(3) == null ? "" : " " + m.group(3)));
                lines.add(i + 1, stripNewline(item.apply(keyIndent + 2)));
                return join(lines, yaml);
            }
            int last = i;
            int itemIndent = -1;
            for (int j = i + 1; j < end; j++) {
                String l = lines.get(j);
                if (l.isBlank() || l.strip().startsWith("#")) {
                    continue;
                }
                if (indentOf(l) < keyIndent || indentOf(l) == keyIndent && !l.strip().startsWith("-")) {
                    break;
                }
                if (itemIndent < 0 && l.strip().startsWith("-")) {
                    itemIndent = indentOf(l);
                }
                last = j;
            }
            lines.add(last + 1, stripNewline(item.apply(itemIndent < 0 ? keyIndent + 2 : itemIndent)));
            return join(lines, yaml);
        }
        int indent = 2;
        int last = section;
        for (int i = section + 1; i < end; i++) {
            if (!lines.get(i).isBlank() && !lines.get(i).strip().startsWith("#")) {
                if (last == section) {
                    indent = indentOf(lines.get(i));
                }
                last = i;
            }
        }
        lines.add(last + 1, " ".repeat(indent) + "redactions:");
        lines.add(last + 2, stripNewline(item.apply(indent + 2)));
        return join(lines, yaml);
    }

    /**
     * A redaction rule as a YAML list item indented by {@code indent} spaces, ending in a line break:
     * its id, its conditions in one flow mapping and one rectangle per line. Texts are single-quoted
     * (see {@link RuleForm#quote}); the rule's location is not written.
     */
    public static String redactionItem(DicomRedaction r, int indent) {
        String pad = " ".repeat(indent);
        List<String> when = new ArrayList<>();
        r.manufacturer().ifPresent(v -> when.add("manufacturer: " + RuleForm.quote(v)));
        r.model().ifPresent(v -> when.add("model: " + RuleForm.quote(v)));
        r.modality().ifPresent(v -> when.add("modality: " + RuleForm.quote(v)));
        r.sopClassUid().ifPresent(v -> when.add("sop-class: " + RuleForm.quote(v)));
        r.rows().ifPresent(v -> when.add("rows: " + v));
        r.columns().ifPresent(v -> when.add("columns: " + v));
        StringBuilder sb = new StringBuilder();
        sb.append(pad).append("- id: ").append(RuleForm.quote(r.id())).append('\n');
        sb.append(pad).append("  when: {").append(String.join(", ", when)).append("}\n");
        if (r.rectangles().isEmpty()) {
            sb.append(pad).append("  rectangles: []\n");
            return sb.toString();
        }
        sb.append(pad).append("  rectangles:\n");
        for (DicomRedaction.Rectangle x : r.rectangles()) {
            sb.append(pad).append("    - {x: ").append(x.x()).append(", y: ").append(x.y()).append(", width: ")
                    .append(x.width()).append(", height: ").append(x.height()).append("}\n");
        }
        return sb.toString();
    }

    /** The top-level {@code dicom:} section of {@code yaml} (its key line to the next top-level key), or empty. */
    public static String dicomSection(String yaml) {
        List<String> lines = lines(yaml);
        int start = topLevelKey(lines, DICOM_KEY, DICOM_KEY);
        if (start < 0) {
            return "";
        }
        return String.join("\n", lines.subList(start, sectionEnd(lines, start))).stripTrailing() + "\n";
    }

    /** The line after the top-level section starting at {@code start}: the next top-level key, or the end. */
    private static int sectionEnd(List<String> lines, int start) {
        for (int i = start + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.isBlank() && indentOf(l) == 0 && !l.startsWith("#")) {
                return i;
            }
        }
        return lines.size();
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
