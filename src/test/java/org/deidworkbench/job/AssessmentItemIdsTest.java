package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0196: a nursing home's resident assessments exported under the Minimum Data Set's item numbers (headers
 * that say nothing: {@code A0500A} the first name, {@code A0600A} the SSN without dashes, {@code A1300A} the medical
 * record number), each resident assessed three times. The SSN and the record number repeat over a resident's rows, so
 * they read as numbers and were kept; they go one to one with the residents' names and birth dates and are shaped as
 * ids, so they are identifiers. The surnames, half of them unknown to the name lists, were kept as text; they are the
 * same on every row of a resident, so they are a part of the name. Scores, weights and a height that is the same on every row of a resident stay.
 * Synthetic data.
 */
class AssessmentItemIdsTest {

    private static final String[] GIVEN = {"Evelyn", "Harold", "Dorothy", "Walter", "Margaret", "Eugene", "Mildred",
        "Raymond", "Virginia", "Clarence", "Lorraine", "Howard"};
    /** Half of them names the lists do not hold: the surname column is told by going with the given names. */
    private static final String[] FAMILY = {"Smith", "Quillfeather", "Kowalczyk", "Ravenscroft", "Garcia", "Thibodeaux",
        "Okafor", "Brightwater", "Davis", "Vanterpool", "Martinez", "Hollingsworth"};

    private static final String[] ATTENDING = {"Anselm Kittredge", "Gwendoline Winterbourne", "Roland Macavity",
        "Isolde Thorncastle", "Perpetua Abernathy"};

    @Test
    void anSsnAndARecordNumberThatRepeatWithTheirResidentAreIdentifiers(@TempDir Path dir) throws Exception {
        run(dir, false);
    }

    /**
     * A column of the staff's names that changes over a resident's rows: with it the names and birth dates together
     * did not repeat, so no person was found and the SSNs were kept again; the persons are the birth dates with the names
     * that go with them.
     */
    @Test
    void anAttendingsNameBesideTheResidentsDoesNotHideTheResidents(@TempDir Path dir) throws Exception {
        run(dir, true);
    }

    private static void run(Path dir, boolean attending) throws Exception {
        Path in = dir.resolve("mds");
        Files.createDirectories(in);
        StringBuilder csv = new StringBuilder("A0310A,A0500A,A0500C,A0600A,A0800,A0900,A1300A,K0200A,C0500,K0200B,A2300"
                + (attending ? ",ATTENDING\n" : "\n"));
        for (int q = 0; q < 3; q++) {
            for (int p = 0; p < 12; p++) {
                csv.append("0").append(1 + q % 2).append(',').append(GIVEN[p]).append(',').append(FAMILY[p]).append(',')
                        .append(412_558_301 + 7919 * p).append(',').append(1 + p % 2).append(",19").append(30 + p)
                        .append("0").append(1 + p % 9).append("1").append(p % 10).append(',').append(4_402_117 + 31 * p)
                        .append(',').append(60 + p).append(',').append((p + q) % 16).append(',').append(120 + 3 * p + q)
                        .append(",20230").append(3 + 3 * q).append("1").append(p % 10)
                        .append(attending ? "," + ATTENDING[(p + q) % ATTENDING.length] : "").append('\n');
            }
        }
        Files.writeString(in.resolve("mds_assessments.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "assessment-items-test".toCharArray());

        String written = Files.readString(out.resolve("mds_assessments.csv"));
        for (int p = 0; p < 12; p++) {
            assertFalse(written.contains(Integer.toString(412_558_301 + 7919 * p)), "an SSN in the output");
            assertFalse(written.contains(Integer.toString(4_402_117 + 31 * p)), "a record number in the output");
            assertFalse(written.contains(FAMILY[p]), "a surname in the output");
        }
        List<CSVRecord> rowsIn = SampleData.records(in.resolve("mds_assessments.csv"));
        List<CSVRecord> rowsOut = SampleData.records(out.resolve("mds_assessments.csv"));
        for (int i = 0; i < rowsIn.size(); i++) {
            for (String kept : List.of("A0310A", "A0800", "K0200A", "C0500", "K0200B")) {
                assertEquals(rowsIn.get(i).get(kept), rowsOut.get(i).get(kept), kept + " of row " + i);
            }
        }
    }
}
