package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table whose slash dates never show their order (every day and month 12 or less) is read as the run's other slash
 * dates show theirs: day first in a UK or European export, month first in a US one. Read the other way, 12 April
 * would move as 4 December and come out written month first among day-first dates. Each patient's dates move by one
 * offset, so the shift of the open table's date equals that of the same patient's date in the table that showed
 * the order. The test's data are synthetic; messages name tables, never values.
 */
class SlashDateOrderAcrossTablesTest {

    private static final char[] PASSPHRASE = "slash-order-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    /** Runs the default CSV profile over {@code in} into {@code out}; every file must be written. */
    private void runEveryFileWritten(Path in, Path out) throws Exception {
        RunResult result = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        for (FileReport r : result.report().fileResults()) {
            assertEquals(FileReport.Status.WRITTEN, r.status(), r.output() + ": " + r.problems());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"day first,dd/MM/yyyy", "month first,MM/dd/yyyy"})
    void anOpenColumnIsReadAsTheRunsOtherSlashDates(String name, String pattern) throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern);
        // visits: days above 12 show the order; letters: 12 April, 6 December, 3 March — either order reads them
        List<LocalDate> shown = List.of(LocalDate.of(2021, 3, 25), LocalDate.of(2021, 11, 15), LocalDate.of(2022, 1, 16));
        List<LocalDate> open = List.of(LocalDate.of(2021, 4, 12), LocalDate.of(2021, 12, 6), LocalDate.of(2022, 3, 3));
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder visits = new StringBuilder("patient_id,visit_date\n");
        StringBuilder letters = new StringBuilder("patient_id,letter_date\n");
        for (int i = 0; i < 3; i++) {
            visits.append("P10").append(i).append(',').append(shown.get(i).format(f)).append('\n');
            letters.append("P10").append(i).append(',').append(open.get(i).format(f)).append('\n');
        }
        Files.writeString(in.resolve("visits.csv"), visits);
        Files.writeString(in.resolve("letters.csv"), letters);
        Path out = dir.resolve("out");
        runEveryFileWritten(in, out);
        List<String> v = Files.readAllLines(out.resolve("visits.csv"));
        List<String> l = Files.readAllLines(out.resolve("letters.csv"));
        for (int i = 0; i < 3; i++) {
            String[] vr = v.get(i + 1).split(",");
            String[] lr = l.get(i + 1).split(",");
            assertEquals(vr[0], lr[0], "row " + (i + 1) + ": the tables' patients differ");
            long visitShift = ChronoUnit.DAYS.between(shown.get(i), LocalDate.parse(vr[1], f));
            long letterShift = ChronoUnit.DAYS.between(open.get(i), LocalDate.parse(lr[1], f));
            assertEquals(visitShift, letterShift, "letters.csv row " + (i + 1) + ": not read " + name);
        }
    }

    /**
     * A column that shows no order is read as its own file's other slash date columns show theirs, before the run's
     * (decision 0244): a Singapore clinic's visits of early March ({@code 06/03/2023}) beside its birth dates
     * ({@code 14/03/1988}), in one run with a Philippine export written month first ({@code 03/14/1979}). Read month
     * first as the run is mixed, 6 March moved as 3 June and came out months away from the birth date's offset.
     */
    @org.junit.jupiter.api.Test
    void anOpenColumnIsReadAsItsOwnFilesOtherSlashDatesInAMixedRun() throws Exception {
        DateTimeFormatter dayFirst = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        DateTimeFormatter monthFirst = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        List<LocalDate> born = List.of(LocalDate.of(1988, 3, 14), LocalDate.of(1975, 11, 20), LocalDate.of(1962, 7, 28));
        List<LocalDate> visits = List.of(LocalDate.of(2023, 3, 6), LocalDate.of(2023, 3, 7), LocalDate.of(2023, 3, 8));
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder sg = new StringBuilder("patient_id,visit_date,admission_date\n");
        StringBuilder ph = new StringBuilder("claim_id,admission_date\n");
        for (int i = 0; i < 3; i++) {
            sg.append("S10").append(i).append(',').append(visits.get(i).format(dayFirst)).append(',')
                    .append(born.get(i).format(dayFirst)).append('\n');
            ph.append("C20").append(i).append(',').append(born.get(i).format(monthFirst)).append('\n');
        }
        Files.writeString(in.resolve("sg_visits.csv"), sg);
        Files.writeString(in.resolve("ph_claims.csv"), ph);
        Path out = dir.resolve("out");
        runEveryFileWritten(in, out);
        List<String> rows = Files.readAllLines(out.resolve("sg_visits.csv"));
        for (int i = 0; i < 3; i++) {
            String[] r = rows.get(i + 1).split(",");
            long visitShift = ChronoUnit.DAYS.between(visits.get(i), LocalDate.parse(r[1], dayFirst));
            long otherShift = ChronoUnit.DAYS.between(born.get(i), LocalDate.parse(r[2], dayFirst));
            assertEquals(otherShift, visitShift, "sg_visits.csv row " + (i + 1) + ": the visit not read day first");
        }
    }

    /**
     * A letter's text reads its slash dates as its table's date columns are written: the admission day named in the
     * letter comes out as the same day the admission column does, and a day above 12 is shifted, not lost to
     * {@code [DATE]}. Read month first, 3 April in an NHS letter would move as 4 March and be written month first.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"day first,dd/MM/yyyy", "month first,MM/dd/yyyy"})
    void aLettersTextReadsItsSlashDatesAsItsTablesDates(String name, String pattern) throws Exception {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(pattern);
        List<LocalDate> admitted = List.of(LocalDate.of(2021, 4, 3), LocalDate.of(2021, 2, 14), LocalDate.of(2022, 1, 5));
        LocalDate review = LocalDate.of(2021, 4, 25);
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder letters = new StringBuilder("patient_id,admission_date,letter_text\n");
        for (int i = 0; i < 3; i++) {
            letters.append("P10").append(i).append(',').append(admitted.get(i).format(f))
                    .append(",\"Admitted ").append(admitted.get(i).format(f)).append(". Review on ")
                    .append(review.format(f)).append(".\"\n");
        }
        Files.writeString(in.resolve("letters.csv"), letters);
        Path out = dir.resolve("out");
        runEveryFileWritten(in, out);
        java.util.regex.Pattern letter = java.util.regex.Pattern.compile(
                "Admitted (\\d\\d/\\d\\d/\\d{4})\\. Review on (\\d\\d/\\d\\d/\\d{4})\\.");
        List<String> l = Files.readAllLines(out.resolve("letters.csv"));
        for (int i = 0; i < 3; i++) {
            String row = l.get(i + 1);
            String column = row.split(",")[1];
            java.util.regex.Matcher m = letter.matcher(row);
            org.junit.jupiter.api.Assertions.assertTrue(m.find(), "letters.csv row " + (i + 1)
                    + ": the letter's dates were not both shifted");
            assertEquals(column, m.group(1), "letters.csv row " + (i + 1) + ": the letter's admission day is not the"
                    + " column's (not read " + name + ")");
            long shift = ChronoUnit.DAYS.between(admitted.get(i), LocalDate.parse(column, f));
            assertEquals(shift, ChronoUnit.DAYS.between(review, LocalDate.parse(m.group(2), f)),
                    "letters.csv row " + (i + 1) + ": the review day moved by another offset");
        }
    }
}
