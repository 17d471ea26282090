package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/** Help pages list each command with a whole sentence, never a description line cut where the source broke it. */
class CommandSummariesTest {

    @Test
    void theSummaryIsTheFirstSentenceAcrossTheDescriptionsLines() {
        UsageMessageSpec usage = new UsageMessageSpec().description("Print the values behind pseudonyms (or values an",
                "`encrypt` rule wrote). A reason is mandatory.");
        assertEquals("Print the values behind pseudonyms (or values an `encrypt` rule wrote).",
                CommandSummaries.summary(usage));
        assertEquals("Write a draft, e.g. deid profile suggest export/ > draft.yaml.",
                CommandSummaries.summary(new UsageMessageSpec().description(
                        "Write a draft, e.g. deid profile suggest export/ > draft.yaml.")));
        assertEquals("A header wins.", CommandSummaries.summary(new UsageMessageSpec().header("A header wins.")
                .description("Not this. Nor this.")));
    }

    @Test
    void everyHelpPageListsItsCommandsInWholeSentencesWithinTheWidth() {
        CommandLine deid = DeidCommand.commandLine(Map.of(), null);
        List<CommandLine> withCommands = new ArrayList<>();
        collect(deid, withCommands);
        assertTrue(withCommands.size() >= 5, "deid and its command groups: " + withCommands.size());
        for (CommandLine cl : withCommands) {
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            String list = help.substring(help.indexOf("Commands:"));
            list = list.substring(0, list.indexOf("\n\n") < 0 ? list.length() : list.indexOf("\n\n"));
            List<String> entries = new ArrayList<>();
            for (String line : list.split("\n")) {
                assertTrue(line.length() <= 80, "wider than the help: '" + line + "'");
                if (line.startsWith("  ") && !line.startsWith("   ")) {
                    entries.add(line.strip());
                } else if (!entries.isEmpty() && line.startsWith("   ")) {
                    entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.strip());
                }
            }
            assertEquals(cl.getSubcommands().size(), entries.size(), cl.getCommandName() + ":\n" + list);
            for (String entry : entries) {
                assertTrue(entry.endsWith(".") || entry.endsWith(")"),
                        cl.getCommandName() + ": a command's summary stops mid-sentence: '" + entry + "'");
            }
        }
        String top = deid.getUsageMessage(CommandLine.Help.Ansi.OFF);
        assertTrue(top.replaceAll("\\s+", " ").contains(
                "reidentify Print the original values behind pseudonyms, once the reason is in the key file's audit log."),
                top);
    }

    @Test
    void descriptionLinesBrokenMidSentenceAreJoinedListsStay() {
        assertEquals(List.of("Inputs are never modified. Without a key file, one is made beside the output folder.",
                "Exit codes:", "  0  ok", "  3  some files failed", "A statement (PS3.2 Annex N) for a profile.",
                "last line"),
                List.of(CommandSummaries.reflow(new String[] {"Inputs are never modified. Without a key file, one is",
                        "made beside the output", "folder.", "Exit codes:", "  0  ok", "  3  some files failed",
                        "A statement (PS3.2 Annex N)", "for a profile.", "last line"})));
    }

    @Test
    void noHelpPageBreaksItsDescriptionMidSentence() {
        List<CommandLine> all = new ArrayList<>();
        everyCommand(DeidCommand.commandLine(Map.of(), null), all);
        assertTrue(all.size() > 20, "commands: " + all.size());
        for (CommandLine cl : all) {
            String[] lines = cl.getUsageMessage(CommandLine.Help.Ansi.OFF).split("\n");
            int i = 1;
            while (i < lines.length && lines[i].startsWith(" ")) {
                i++; // the synopsis
            }
            for (; i + 1 < lines.length && !lines[i + 1].startsWith(" "); i++) {
                String next = lines[i + 1];
                assertTrue(lines[i].length() >= 60 || next.isEmpty() || !Character.isLowerCase(next.charAt(0)),
                        cl.getCommandSpec().qualifiedName() + ": a short line goes on in the next:\n" + lines[i]
                                + "\n" + next);
            }
        }
    }

    private static void everyCommand(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            everyCommand(sub, out);
        }
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        if (!cl.getSubcommands().isEmpty()) {
            out.add(cl);
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, out);
        }
    }
}
