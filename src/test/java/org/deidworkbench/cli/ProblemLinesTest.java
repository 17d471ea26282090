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

    private static Problem notFound(String where) {
        return new Problem("FHIR-PATIENT-NOT-FOUND", "Condition.ndjson", where, "the resource refers to a Patient that"
                + " is not in the input");
    }

    @Test
    void resourcesOfOneTypeWithTheSameProblemAreOneLineAndAFileWithMoreProblemsSaysHowMany() {
        FileReport conditions = new FileReport("Condition.ndjson", 1, "FHIR_NDJSON", FileReport.Status.WRITTEN, 1500, "",
                new TreeMap<>(), List.of(), List.of(notFound("line 1 (Condition)"), notFound("line 2 (Condition)"),
                        notFound("line 50 (Condition)")), 1450);
        FileReport bundle = new FileReport("b.json", 1, "FHIR_JSON", FileReport.Status.WRITTEN, 3, "", new TreeMap<>(),
                List.of(), List.of(new Problem("FHIR-PATIENT-NOT-FOUND", "b.json", "entry 3 (Observation)", "no Patient"),
                        new Problem("FHIR-PATIENT-NOT-FOUND", "b.json", "entry 9 (Observation)", "no Patient"),
                        new Problem("FHIR-PATIENT-NOT-FOUND", "b.json", "entry 4 (Encounter)", "no Patient")), 0);
        FileReport withheld = new FileReport("link.ndjson", 1, "UNKNOWN", FileReport.Status.QUARANTINED, 0, "",
                new TreeMap<>(), List.of(), List.of(new Problem("INPUT-LINK-NOT-FOLLOWED", "link.ndjson", "",
                        "a symbolic link")), 0);
        assertEquals(List.of(
                "input 1, link.ndjson: INPUT-LINK-NOT-FOLLOWED: a symbolic link",
                "input 1, Condition.ndjson (Condition, 3 lines from 1 to 50): FHIR-PATIENT-NOT-FOUND: the resource"
                        + " refers to a Patient that is not in the input",
                "input 1, Condition.ndjson: 1450 more problems after these, counted in the report but not listed",
                "input 1, b.json (Observation, 2 entries from 3 to 9): FHIR-PATIENT-NOT-FOUND: no Patient",
                "input 1, b.json (entry 4 (Encounter)): FHIR-PATIENT-NOT-FOUND: no Patient"),
                RunCommand.problemLines(List.of(conditions, bundle, withheld)));
    }
}
