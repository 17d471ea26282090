package org.deidworkbench.gui.run;

import java.nio.file.Path;
import java.util.Objects;
import org.deidworkbench.model.FileReport;

/**
 * One line of the run summary: what happened to an input file, and the file itself so the entry
 * can open it in the tree (the input path is on screen only, never in the shipped report).
 *
 * @param report the file's report entry (output name, status, problems)
 * @param source the input file
 */
public record SummaryEntry(FileReport report, Path source) {

    public SummaryEntry {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(source, "source");
    }

    /** The first problem's code and message, or empty. */
    public String reason() {
        return report.problems().isEmpty() ? ""
                : report.problems().get(0).code() + ": " + report.problems().get(0).message();
    }

    @Override
    public String toString() {
        return "SummaryEntry[" + report.output() + ", " + report.status() + "]";
    }
}
