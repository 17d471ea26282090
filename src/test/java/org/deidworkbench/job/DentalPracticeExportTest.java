package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0195: a dental practice's export in Open Dental's shape (camel-case headers, integer keys): the guarantor
 * of a patient, the PatNum of another patient of the same table, was kept as written beside the pseudonymized
 * PatNum; a procedure's tooth number was removed as an unknown identifier; a patient's preferred name was kept where
 * the file was small. Synthetic data.
 */
class DentalPracticeExportTest {

    private static final String[] GIVEN = {"Delphine", "Tobias", "Ysolde", "Octavia", "Rupert", "Marisol", "Fennimore",
        "Wilhelmina", "Barnaby", "Clementine"};
    private static final String[] PREFERRED = {"Del", "Toby", "", "", "Rupe", "Mari", "", "Mina", "Barney", ""};
    private static final String[] FAMILY = {"Hollingsworth", "Vanterpool", "Quillfeather", "Ravenscroft", "Tuckerby"};

    @TempDir
    static Path dir;
    static Path in;
    static Path out;

    @BeforeAll
    static void run() throws Exception {
        in = dir.resolve("opendental");
        Files.createDirectories(in);
        StringBuilder patients = new StringBuilder("PatNum,LName,FName,Preferred,Gender,Birthdate,Guarantor,PriProv,"
                + "HmPhone,ChartNumber\n");
        for (int p = 0; p < 20; p++) {
            int patNum = 1040 + p;
            int guarantor = 1040 + p / 2 * 2; // the first of each pair pays for both
            patients.append(patNum).append(',').append(FAMILY[p / 4]).append(',').append(GIVEN[p % 10]).append(',')
                    .append(PREFERRED[p % 10]).append(',').append(p % 2).append(",19").append(50 + p).append("-0")
                    .append(1 + p % 9).append("-1").append(p % 10).append(',').append(guarantor).append(',')
                    .append(1 + p % 3).append(",(541)555-01").append(10 + p).append(",CH").append(patNum).append('\n');
        }
        StringBuilder procedures = new StringBuilder("ProcNum,PatNum,ProcDate,ProcCode,Descript,ToothNum,Surf,ProcFee\n");
        String[][] codes = {{"D2392", "resin-based composite - two surfaces, posterior", "MO"},
            {"D2150", "amalgam - two surfaces", "DO"}, {"D7140", "extraction, erupted tooth", ""},
            {"D2740", "crown - porcelain/ceramic", ""}, {"D0120", "periodic oral evaluation", ""}};
        for (int i = 0; i < 80; i++) {
            String[] c = codes[i % codes.length];
            String tooth = c[0].equals("D0120") ? "" : Integer.toString(1 + (i * 7) % 32);
            procedures.append(88000 + i).append(',').append(1040 + i % 20).append(",2023-0").append(1 + i % 9)
                    .append("-1").append(i % 10).append(',').append(c[0]).append(",\"").append(c[1]).append("\",")
                    .append(tooth).append(',').append(c[2]).append(',').append(100 + i).append(".00\n");
        }
        Files.writeString(in.resolve("patient.csv"), patients, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("procedurelog.csv"), procedures, StandardCharsets.UTF_8);
        out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), "dental-export-test".toCharArray());
    }

    @Test
    void theGuarantorIsAnotherPatientsPseudonymAndJoinsThatPatient() throws Exception {
        List<Map<String, String>> rowsIn = SampleData.rows(in.resolve("patient.csv"));
        List<Map<String, String>> rowsOut = SampleData.rows(out.resolve("patient.csv"));
        Map<String, String> pseudonym = new HashMap<>();
        for (int i = 0; i < rowsIn.size(); i++) {
            pseudonym.put(rowsIn.get(i).get("PatNum"), rowsOut.get(i).get("PatNum"));
        }
        for (int i = 0; i < rowsIn.size(); i++) {
            String guarantor = rowsOut.get(i).get("Guarantor");
            assertEquals(pseudonym.get(rowsIn.get(i).get("Guarantor")), guarantor, "row " + i + " joins its guarantor");
        }
        String written = Files.readString(out.resolve("patient.csv"));
        for (int p = 0; p < 20; p++) {
            assertFalse(written.contains(Integer.toString(1040 + p)), "an original PatNum in the output");
        }
    }

    @Test
    void aToothsNumberAndItsSurfacesAreKeptAsWritten() throws Exception {
        List<CSVRecord> rowsIn = SampleData.records(in.resolve("procedurelog.csv"));
        List<CSVRecord> rowsOut = SampleData.records(out.resolve("procedurelog.csv"));
        assertEquals(80, rowsOut.size());
        int teeth = 0;
        for (int i = 0; i < rowsIn.size(); i++) {
            for (String column : List.of("ToothNum", "Surf", "ProcCode", "Descript")) {
                assertTrue(rowsOut.get(i).isMapped(column), column + " is kept");
                assertEquals(rowsIn.get(i).get(column), rowsOut.get(i).get(column), column + " of row " + i);
            }
            teeth += rowsOut.get(i).get("ToothNum").isEmpty() ? 0 : 1;
        }
        assertEquals(64, teeth);
    }

    @Test
    void aPreferredNameIsANameColumnInASmallFileToo(@TempDir Path small) throws Exception {
        // four patients: too few values for the classifier alone (the session-start build kept "Del" and "Rupe")
        Path export = small.resolve("in");
        Files.createDirectories(export);
        Files.writeString(export.resolve("patient.csv"), "PatNum,LName,FName,Preferred,Birthdate\n"
                + "1042,Hollingsworth,Delphine,Del,1961-08-14\n1043,Hollingsworth,Tobias,Toby,1959-02-27\n"
                + "1077,Vanterpool,Ysolde,,2009-11-30\n1078,Vanterpool,Rupert,Rupe,1978-05-05\n", StandardCharsets.UTF_8);
        Path written = small.resolve("out");
        SampleData.runCsvTemplate(export, written, small.resolve("k.deidkey"), "dental-export-test".toCharArray());
        String text = Files.readString(written.resolve("patient.csv"));
        assertFalse(text.contains("Preferred"), text);
        for (String nick : List.of("Del", "Toby", "Rupe")) {
            assertFalse(text.contains(nick), nick);
        }
    }

    @Test
    void aPreferredNameIsANameColumn() throws Exception {
        String header = Files.readAllLines(out.resolve("patient.csv")).get(0);
        assertFalse(header.contains("Preferred"), header);
        String written = Files.readString(out.resolve("patient.csv"));
        for (String nick : List.of("Toby", "Rupe", "Barney")) {
            assertFalse(written.contains(nick), nick);
        }
    }
}
