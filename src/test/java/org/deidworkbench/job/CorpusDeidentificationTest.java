package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in profile on the three conventions of the corpus (issue #7): what must hold for every
 * export as it really comes. The numbers behind each check are printed by {@code CorpusMeasurementTest}.
 */
class CorpusDeidentificationTest {

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void everyFileIsWritten(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        for (FileReport f : run.result().report().fileResults()) {
            assertEquals(FileReport.Status.WRITTEN, f.status(), f.output() + ": " + f.problems());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void noOriginalNameIdAddressPhoneOrNumberIsLeftInAnyOutputByte(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        Set<String> values = run.corpus().identifyingValues();
        Map<String, Set<String>> leaks = Corpus.leaks(values, run.texts());
        // The failure names the files and how many values, never the values themselves.
        assertTrue(leaks.isEmpty(), leaks.size() + " identifying values left, in " + leaks.values().stream()
                .flatMap(Set::stream).distinct().sorted().toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void noPatientKeepsTheExactBirthDateInTheirRows(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        Corpus.Count birthDates = run.corpus().birthDates(run.outputs());
        assertTrue(birthDates.allHeld(), birthDates.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void codesNumbersAndCategoriesComeOutByteIdentical(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        Corpus.Count kept = run.corpus().keptColumns(run.outputs());
        assertTrue(kept.allHeld(), kept.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void everyReferenceStillJoinsItsKey(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        Corpus.Count joins = run.corpus().joins(run.outputs());
        assertTrue(joins.allHeld(), joins.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void eachPatientsDatesShiftByOneOffsetInEveryTable(String convention) throws Exception {
        CorpusRuns.Run run = CorpusRuns.of(convention);
        Corpus.Count offsets = run.corpus().offsets(run.outputs());
        assertTrue(offsets.total() > 0 && offsets.allHeld(), offsets.toString());
    }

    /** The notes table of a convention alone, run later with a copy of the key file of the run over all. */
    private static Path notesAloneLater(CorpusRuns.Run first, Path dir) throws Exception {
        Path alone = dir.resolve("later");
        Files.createDirectories(alone);
        Files.copy(first.corpus().folder().resolve(notes(first.corpus().convention())), alone.resolve(
                notes(first.corpus().convention())));
        Path key = dir.resolve("same.deidkey");
        Files.copy(first.keyFile(), key);
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(alone), out, key, false, CorpusRuns.PASSPHRASE,
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        return out;
    }

    private static String notes(String convention) {
        return switch (convention) {
            case "ehr" -> "notes.csv";
            case "omop" -> "note.csv";
            default -> "befunde.csv";
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void notesTableRunAloneLaterLeaksNoNameOfAPatientSeenBefore(String convention, @TempDir Path dir) throws Exception {
        CorpusRuns.Run first = CorpusRuns.of(convention);
        Path out = notesAloneLater(first, dir);
        Map<String, Set<String>> leaks = Corpus.leaks(first.corpus().patientNameWords(), Corpus.texts(out));
        assertTrue(leaks.isEmpty(), leaks.size() + " patient name words left in " + leaks.values());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void notesTableRunAloneLaterKeepsThePatientsPseudonymAndOffset(String convention, @TempDir Path dir)
            throws Exception {
        CorpusRuns.Run first = CorpusRuns.of(convention);
        Path out = notesAloneLater(first, dir);
        Corpus.Table before = first.outputs().get(notes(convention));
        Corpus.Table after = Corpus.readAll(out).get(notes(convention));
        assertEquals(before.header(), after.header());
        long differing = java.util.stream.IntStream.range(0, before.rows().size())
                .filter(r -> !before.rows().get(r).equals(after.rows().get(r))).count();
        assertEquals(0, differing, "rows of the notes table that differ from the run over the whole export");
    }

    @Test
    void outputIsByteIdenticalAtOneAndFourThreads() throws Exception {
        CorpusRuns.Run first = CorpusRuns.of("ehr");
        Path key = Files.createTempFile("deid-corpus", ".deidkey");
        Files.copy(first.keyFile(), key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            CorpusRuns.Run one = CorpusRuns.runWithKey(first.corpus(), key, 1);
            CorpusRuns.Run four = CorpusRuns.runWithKey(first.corpus(), key, 4);
            assertEquals(SampleData.checksums(one.output()).entrySet().stream()
                    .filter(e -> !e.getKey().equals(RunJob.REPORT)).toList(),
                    SampleData.checksums(four.output()).entrySet().stream()
                    .filter(e -> !e.getKey().equals(RunJob.REPORT)).toList());
        } finally {
            Files.deleteIfExists(key);
        }
    }
}
