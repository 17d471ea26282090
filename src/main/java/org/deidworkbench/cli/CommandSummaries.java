package org.deidworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Commands:" list of every help page, one whole sentence per command. picocli shows the first line
 * of a command's description there, which is cut wherever the source broke the line ("…, with");
 * this list shows the description's first sentence instead, wrapped under the command's name.
 */
final class CommandSummaries {

    private CommandSummaries() {
    }

    /**
     * Installs the list on {@code cl} and on every subcommand below it, and joins each description's lines
     * that the source broke mid-sentence ({@link #reflow}), so picocli wraps whole paragraphs.
     */
    static void install(CommandLine cl) {
        cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_COMMAND_LIST, CommandSummaries::render);
        UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
        usage.description(reflow(usage.description()));
        for (CommandLine sub : cl.getSubcommands().values()) {
            install(sub);
        }
    }

    /**
     * Description lines as paragraphs: a line that does not end a sentence or introduce a list ({@code . : ! ?})
     * goes on into the next, unless either is indented (a list item) or empty.
     */
    static String[] reflow(String[] lines) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = null;
        for (String line : lines) {
            boolean separate = line.isEmpty() || Character.isWhitespace(line.charAt(0));
            if (paragraph != null && !separate) {
                paragraph.append(' ').append(line.strip());
            } else {
                if (paragraph != null) {
                    out.add(paragraph.toString());
                }
                paragraph = new StringBuilder(line);
            }
            String end = line.stripTrailing();
            if (separate || ".:!?".indexOf(end.charAt(end.length() - 1)) >= 0) {
                out.add(paragraph.toString());
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.add(paragraph.toString());
        }
        return out.toArray(String[]::new);
    }

    static String render(CommandLine.Help help) {
        Map<String, CommandLine.Help> subs = help.subcommands();
        if (subs.isEmpty()) {
            return "";
        }
        int names = subs.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
        int width = help.commandSpec().usageMessage().width();
        // picocli's own two-column layout: names, then the summary wrapped with continuation lines 2 further in
        CommandLine.Help.TextTable table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(names, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - names, 2, CommandLine.Help.Column.Overflow.WRAP));
        for (Map.Entry<String, CommandLine.Help> e : subs.entrySet()) {
            table.addRowValues(e.getKey(), summary(e.getValue().commandSpec().usageMessage()));
        }
        return table.toString();
    }

    /** The command's header if it has one, else the first sentence of its description. */
    static String summary(UsageMessageSpec usage) {
        if (usage.header().length > 0) {
            return String.join(" ", usage.header()).strip();
        }
        String text = String.join(" ", usage.description()).replaceAll("\\s+", " ").strip();
        for (int i = 0; i + 2 < text.length(); i++) {
            if (text.charAt(i) == '.' && text.charAt(i + 1) == ' ' && Character.isUpperCase(text.charAt(i + 2))) {
                return text.substring(0, i + 1);
            }
        }
        return text;
    }
}
