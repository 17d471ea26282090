package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0105: {@code csv-template} bands ages over 89 as {@code 90+} (HIPAA Safe Harbor), so the birth dates and
 * years of birth beside them must not tell those ages either. A patient who may be 90 or older in the run's year gets
 * the band marker {@code <=YYYY} for the birth date — named by a rule (ISO), or found by the classifier (a German
 * {@code Geburtsdatum}) — and for an OMOP {@code year_of_birth}; everyone else's birth date moves by their offset
 * like their other dates, so intervals from birth stay exact. The data are synthetic.
 */
class BirthDatesOver89Test {

    private static final char[] PASSPHRASE = "birth-over-89-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void birthDatesAndYearsOfPatientsOver89AreAggregatedAndTheOthersShifted() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), """
                patient_id,birth_date,age,admission_date
                P1001,1921-03-14,105,2021-04-01
                P1002,1970-06-15,56,2021-05-06
                P1003,1933-11-02,92,2022-01-10
                """);
        Files.writeString(in.resolve("de_patienten.csv"), """
                PATIENT_NUMBER;Geburtsdatum;Aufnahmedatum
                A1;24.12.1920;01.02.2020
                A2;01.05.1975;03.04.2021
                A3;19.07.1982;13.08.2021
                """);
        Files.writeString(in.resolve("person.csv"), """
                person_id,gender_concept_id,year_of_birth,race_concept_id
                1,8507,1924,8527
                2,8532,1980,8516
                3,8507,1955,8527
                4,8532,1990,8527
                """);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String band = "<=" + (Year.now(ZoneOffset.UTC).getValue() - 90);

        List<String> p = Files.readAllLines(out.resolve("patients.csv"));
        assertEquals("patient_id,birth_date,age,admission_date", p.get(0));
        assertEquals(band, p.get(1).split(",")[1], "patients.csv row 1: a birth date of someone over 89");
        assertEquals("90+", p.get(1).split(",")[2]);
        assertEquals(band, p.get(3).split(",")[1], "patients.csv row 3: a birth date of someone over 89");
        String[] young = p.get(2).split(",");
        DateTimeFormatter iso = DateTimeFormatter.ISO_LOCAL_DATE;
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2021, 5, 6), LocalDate.parse(young[3], iso)),
                ChronoUnit.DAYS.between(LocalDate.of(1970, 6, 15), LocalDate.parse(young[1], iso)),
                "patients.csv row 2: the birth date moves with the patient's other dates");

        List<String> d = Files.readAllLines(out.resolve("de_patienten.csv"));
        assertEquals(band, d.get(1).split(";")[1], "de_patienten.csv row 1: a classified birth date of someone over 89");
        DateTimeFormatter de = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        String[] a3 = d.get(3).split(";");
        assertEquals(ChronoUnit.DAYS.between(LocalDate.of(2021, 8, 13), LocalDate.parse(a3[2], de)),
                ChronoUnit.DAYS.between(LocalDate.of(1982, 7, 19), LocalDate.parse(a3[1], de)),
                "de_patienten.csv row 3: the birth date keeps its notation and moves with the admission");

        List<String> o = Files.readAllLines(out.resolve("person.csv"));
        assertEquals(List.of(band, "1980", "1955", "1990"),
                o.subList(1, 5).stream().map(l -> l.split(",")[2]).toList(), "person.csv year_of_birth");
        for (String line : o.subList(1, 5)) {
            assertTrue(line.endsWith(",8527") || line.endsWith(",8516"), "person.csv: concept ids kept");
        }
    }

    /**
     * Decision 0112: OMOP's {@code year_of_birth} beside its shifted {@code birth_datetime} is the shifted date's year.
     * Kept as the original year, it told in which year the shifted date lay before its shift and so bounded the
     * person's offset (and every other date of theirs). Births on the first and last days of a year: whatever its
     * sign, a nonzero offset moves one of the two across the year's end, so without the alignment some row differs.
     */
    @Test
    void anOmopYearOfBirthIsTheYearOfTheShiftedBirthDateBesideIt() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder person = new StringBuilder(
                "person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,race_concept_id\n");
        for (int i = 0; i < 24; i++) {
            int year = 1950 + i;
            boolean first = i % 2 == 0;
            person.append(i + 1).append(",8507,").append(year).append(first ? ",1,1," : ",12,31,").append(year)
                    .append(first ? "-01-01" : "-12-31").append(" 00:00:00,8527\n");
        }
        person.append("25,8532,1931,5,5,1931-05-05 00:00:00,8527\n");
        Files.writeString(in.resolve("person.csv"), person.toString());
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String band = "<=" + (Year.now(ZoneOffset.UTC).getValue() - 90);

        List<String> o = Files.readAllLines(out.resolve("person.csv"));
        assertEquals("person_id,gender_concept_id,year_of_birth,birth_datetime,race_concept_id", o.get(0));
        int moved = 0;
        for (int row = 1; row <= 24; row++) {
            String[] f = o.get(row).split(",");
            assertEquals(f[3].substring(0, 4), f[2], "person.csv row " + row + ": year_of_birth is birth_datetime's year");
            moved += f[2].equals(Integer.toString(1950 + row - 1)) ? 0 : 1;
        }
        assertTrue(moved > 0, "some birth dates crossed a year's end (else the test shows nothing)");
        String[] old = o.get(25).split(",");
        assertEquals(band, old[2], "person.csv row 25: the year of someone over 89");
        assertEquals(band, old[3], "person.csv row 25: the birth date of someone over 89");
    }
}
