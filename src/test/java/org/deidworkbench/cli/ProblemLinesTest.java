package org.deidworkbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.junit.jupiter.api.Test;

/** What `deid run` prints under "Problems:". */
class ProblemLinesTest {

    private static FileReport file(int input, List<Problem> problems) {
        return new FileReport("out.csv", input, "csv", FileReport.Status.WRITTEN, 10, "", new TreeMap<>(), List.of(),
                problems, 0);
    }

    private static Problem zip(int line, String column) {
        return new Problem("VALUE-NOT-A-ZIP", "csv/organizations.csv", "line " + line + ", column " + column,
                "value is not a US ZIP code; the value was emptied");
    }

    @Test
    void theSameProblemOfOneColumnOnManyLinesIsOneLineWithTheCountAndTheFirstAndLastLine() {
        List<String> lines = RunCommand.problemLines(List.of(
                file(1, List.of(zip(2, "6 'ZIP'"), zip(3, "6 'ZIP'"), zip(2, "9 'PHONE'"), zip(26, "6 'ZIP'"))),
                file(2, List.of(new Problem("CSV-RAGGED-ROW", "csv/b.csv", "line 4", "the row has 3 fields, the header 4"),
                        new Problem("FORMAT-UNKNOWN", "x.zip", "", "not a format deid reads")))));
        assertEquals(List.of(
                "input 1, csv/organizations.csv (column 6 'ZIP', 3 lines from 2 to 26): VALUE-NOT-A-ZIP: value is not a US"
                        + " ZIP code; the value was emptied",
                "input 1, csv/organizations.csv (line 2, column 9 'PHONE'): VALUE-NOT-A-ZIP: value is not a US ZIP code;"
                        + " the value was emptied",
                "input 2, csv/b.csv (line 4): CSV-RAGGED-ROW: the row has 3 fields, the header 4",
                "input 2, x.zip: FORMAT-UNKNOWN: not a format deid reads"), lines);
    }
}
