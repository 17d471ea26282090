package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0108: NHS England's extracts write the NHS number spaced ({@code 999 001 2342}) in one table and unspaced
 * ({@code 9990012342}) in another. Both are one patient: one pseudonym, so the episodes join the patients, and one
 * date offset, so a stay's dates and the patient's other dates keep their intervals. A hyphenated form is the same
 * id too; an id with letters keeps its spaces. The data are synthetic; messages name tables and rows, never values.
 */
class SubjectIdDigitGroupsTest {

    private static final char[] PASSPHRASE = "digit-groups-test-passphrase".toCharArray();
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @TempDir
    Path dir;

    @Test
    void spacedUnspacedAndHyphenatedNhsNumbersAreOneSubject() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), """
                NHS_NUMBER,DATE_OF_BIRTH,SEX
                999 001 2342,15/02/1954,2
                999 002 2350,30/08/1968,1
                """);
        Files.writeString(in.resolve("apc_episodes.csv"), """
                NHS_NUMBER,ADMIDATE,DISDATE,DIAG_4_01
                9990012342,04/03/2021,09/03/2021,E119
                9990022350,17/11/2021,22/11/2021,I214
                """);
        Files.writeString(in.resolve("pathology.csv"), """
                NHS_NUMBER,SAMPLE_DATE,TEST_CODE,RESULT
                999-001-2342,05/03/2021,HBA1C,61
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        List<String> p = Files.readAllLines(out.resolve("patients.csv"));
        List<String> e = Files.readAllLines(out.resolve("apc_episodes.csv"));
        List<String> l = Files.readAllLines(out.resolve("pathology.csv"));
        String a = p.get(1).split(",")[0];
        assertNotEquals("999 001 2342", a);
        assertEquals(a, e.get(1).split(",")[0], "apc_episodes.csv row 1: the unspaced number is the same patient");
        assertEquals(a, l.get(1).split(",")[0], "pathology.csv row 1: the hyphenated number is the same patient");
        assertEquals(p.get(2).split(",")[0], e.get(2).split(",")[0], "apc_episodes.csv row 2");
        long birth = ChronoUnit.DAYS.between(LocalDate.parse("15/02/1954", UK), LocalDate.parse(p.get(1).split(",")[1], UK));
        long admit = ChronoUnit.DAYS.between(LocalDate.parse("04/03/2021", UK), LocalDate.parse(e.get(1).split(",")[1], UK));
        long sample = ChronoUnit.DAYS.between(LocalDate.parse("05/03/2021", UK), LocalDate.parse(l.get(1).split(",")[1], UK));
        assertEquals(birth, admit, "apc_episodes.csv row 1: the patient's offset");
        assertEquals(birth, sample, "pathology.csv row 1: the patient's offset");
    }
}
