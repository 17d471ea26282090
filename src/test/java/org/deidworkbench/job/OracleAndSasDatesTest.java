package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0115: an extract of an Oracle-based EHR (Cerner Millennium's {@code PERSON} and {@code ENCOUNTER}: Oracle's
 * default {@code DD-MON-YY} dates, TIMESTAMPs {@code 03-FEB-23 10.15.00.000000 AM}, {@code BIRTH_DT_TM}) and a trial's
 * SAS export in CDISC SDTM's names ({@code USUBJID}, {@code LBDTC} as SAS's DATE9 {@code 03FEB2023}, {@code LBTESTCD}).
 * Before, every such date was emptied as "not a date" (and a date column no rule named was scrubbed as text, which
 * knew no such notation), {@code USUBJID} was kept in clear as a number, a birth date of someone over 89 was shifted
 * instead of aggregated, and the lab test's code was removed as an identifier. The data are synthetic.
 */
class OracleAndSasDatesTest {

    private static final char[] PASSPHRASE = "oracle-sas-dates-test-passphrase".toCharArray();
    private static final DateTimeFormatter ORACLE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("dd-MMM-yy").toFormatter(Locale.ENGLISH);
    private static final DateTimeFormatter SAS = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("ddMMMyyyy").toFormatter(Locale.ENGLISH);

    @TempDir
    Path dir;

    @Test
    void oracleAndSasDatesShiftWithTheirPatientAndTheTrialSubjectJoinsTheEhr() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("PERSON.csv"), """
                PERSON_ID,NAME_FULL_FORMATTED,BIRTH_DT_TM,SEX_CD
                1200345,"HOLLOWAY, MARGARET J",14-MAR-41,F
                1200346,"OKONKWO, CHIDI",02-NOV-29,M
                1200347,"LINDQVIST, ASTRID",27-JUL-88,F
                """);
        Files.writeString(in.resolve("ENCOUNTER.csv"), """
                ENCNTR_ID,PERSON_ID,REG_DT_TM,DISCH_DT_TM,ENCNTR_TYPE_CD,LAST_SEEN
                88001,1200345,03-FEB-23 10.15.00.000000 AM,14-FEB-23 11.00.00.000000 AM,309308,03-FEB-2023
                88002,1200345,20-SEP-23 10.40.00.000000 PM,23-SEP-23 10.00.00.000000 AM,309310,20-SEP-2023
                88003,1200346,05-MAY-22 09.00.00.000000 AM,19-MAY-22 02.30.00.000000 PM,309308,05-MAY-2022
                88004,1200347,11-NOV-23 01.20.00.000000 PM,11-NOV-23 06.00.00.000000 PM,309311,11-NOV-2023
                """);
        Files.writeString(in.resolve("sas_labs.csv"), """
                USUBJID,VISIT,LBDTC,LBTESTCD,LBORRES
                1200345,SCREENING,03FEB2023,HBA1C,8.1
                1200345,WEEK 12,28APR2023,HBA1C,7.4
                1200347,SCREENING,11NOV2023,HBA1C,5.6
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        for (String f : List.of("PERSON.csv", "ENCOUNTER.csv", "sas_labs.csv")) {
            String text = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
            // (dates are compared row by row below: a shifted date may land on another row's original by chance)
            for (String planted : List.of("1200345", "1200347", "HOLLOWAY", "MARGARET", "Okonkwo")) {
                assertFalse(text.contains(planted), f + ": a planted identifier is in the output");
            }
        }
        List<CSVRecord> persons = SampleData.records(out.resolve("PERSON.csv"));
        List<CSVRecord> encounters = SampleData.records(out.resolve("ENCOUNTER.csv"));
        List<CSVRecord> labs = SampleData.records(out.resolve("sas_labs.csv"));

        // Oracle dates: shifted in their notation, the stay's length and the patient's offset kept
        CSVRecord first = encounters.get(0);
        LocalDate admitted = LocalDate.parse(first.get("REG_DT_TM").substring(0, 9), ORACLE);
        LocalDate discharged = LocalDate.parse(first.get("DISCH_DT_TM").substring(0, 9), ORACLE);
        assertEquals(11, ChronoUnit.DAYS.between(admitted, discharged), "ENCOUNTER.csv row 1: the stay's length");
        assertEquals(" 10.15.00.000000 AM", first.get("REG_DT_TM").substring(9), "ENCOUNTER.csv row 1: the time as written");
        long offset = ChronoUnit.DAYS.between(LocalDate.of(2023, 2, 3), admitted);
        assertNotEquals(0, offset, "the patient's dates moved");
        assertEquals(offset, ChronoUnit.DAYS.between(LocalDate.of(2023, 2, 3),
                LocalDate.parse(first.get("LAST_SEEN"), new DateTimeFormatterBuilder().parseCaseInsensitive()
                        .appendPattern("dd-MMM-yyyy").toFormatter(Locale.ENGLISH))), "ENCOUNTER.csv row 1 LAST_SEEN");
        assertEquals(offset, ChronoUnit.DAYS.between(LocalDate.of(1941, 3, 14),
                LocalDate.parse(persons.get(0).get("BIRTH_DT_TM"), new DateTimeFormatterBuilder().parseCaseInsensitive()
                        .appendPattern("dd-MMM-").appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1930)
                        .toFormatter(Locale.ENGLISH))), "PERSON.csv row 1: the birth date moves with the visits");
        // a birth date of someone over 89 is aggregated
        assertEquals("<=" + (Year.now(ZoneOffset.UTC).getValue() - 90), persons.get(1).get("BIRTH_DT_TM"),
                "PERSON.csv row 2: born 1929");

        // the trial's subject is the EHR's person: one pseudonym, one offset
        assertEquals(persons.get(0).get("PERSON_ID"), labs.get(0).get("USUBJID"), "sas_labs.csv row 1 USUBJID");
        assertEquals(persons.get(2).get("PERSON_ID"), labs.get(2).get("USUBJID"), "sas_labs.csv row 3 USUBJID");
        assertEquals(offset, ChronoUnit.DAYS.between(LocalDate.of(2023, 2, 3),
                LocalDate.parse(labs.get(0).get("LBDTC"), SAS)), "sas_labs.csv row 1 LBDTC in SAS's DATE9");
        assertEquals(List.of("HBA1C", "8.1"), List.of(labs.get(0).get("LBTESTCD"), labs.get(0).get("LBORRES")),
                "sas_labs.csv row 1: the test's code and result are kept");
    }
}
