package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;

/**
 * Decision 0138: a CSV file whose first line is a patient (no header row) is explained as a run treats it, withheld with
 * {@code CSV-HEADER-IS-DATA}: {@code deid profile explain} and the workbench would otherwise show the patient's values as
 * its field names. A file of opaque headers ({@code Column1…}) is explained column by column.
 */
class HeaderIsDataTest {

    private static final Path OPAQUE = AdversarialCorpusTest.ROOT.resolve("opaque");

    @Test
    void explainingAFileWhoseFirstLineIsDataFailsWithItsReasonAndNoValue() throws Exception {
        Path file = OPAQUE.resolve("noheader.csv");
        JobException e = assertThrows(JobException.class,
                () -> PreviewJob.explain(file, ProfileLoader.read("csv-template")));
        assertTrue(e.getMessage().contains("CSV-HEADER-IS-DATA"), "the reason is not named");
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        for (String cell : first.split(",")) {
            assertFalse(e.getMessage().contains(cell), "the message holds a value of the first line");
        }
    }

    @Test
    void aFileOfOpaqueHeadersIsExplainedColumnByColumn() throws Exception {
        List<org.deidworkbench.model.FieldDecision> d = PreviewJob.explain(OPAQUE.resolve("Query1.csv"),
                ProfileLoader.read("csv-template"));
        assertTrue(d.size() == 14 && d.get(6).name().equals("Column7"), "not every column explained");
        assertTrue(d.get(6).fieldClass().equals("national-id"), "Column7 is " + d.get(6).fieldClass());
    }
}
