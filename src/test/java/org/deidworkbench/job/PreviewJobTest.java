package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.FilePreview;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.PreviewRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A preview is exactly what a run writes, and it writes nothing. */
class PreviewJobTest {

    private static final char[] PASSPHRASE = "preview-test-passphrase".toCharArray();

    @TempDir
    static Path shared;

    private static LoadedProfile profile;
    private static Path key;
    private static Path out;

    @BeforeAll
    static void runOnce() throws Exception {
        profile = ProfileLoader.read("csv-template");
        key = shared.resolve("k.deidkey");
        KeyFileStore.save(key, KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH), PASSPHRASE,
                List.of());
        out = shared.resolve("out");
        new RunJob(new RunRequest(List.of(SampleData.CSV), out, key, false, PASSPHRASE, profile, 1), RunListener.NONE)
                .run();
    }

    private static PreviewJob.Result preview(Path file, Path keyFile, int records, List<Path> context) throws JobException {
        return PreviewJob.preview(new PreviewJob.Request(file, profile, keyFile, keyFile == null ? null : PASSPHRASE,
                records, context), () -> false);
    }

    @Test
    void everyCellOfThePreviewIsWhatTheRunWrote() throws Exception {
        Path file = SampleData.CSV.resolve("encounters.csv");
        FilePreview p = preview(file, key, 1000, List.of(SampleData.CSV)).preview();
        List<CSVRecord> written = records(out.resolve("encounters.csv"));
        assertEquals(written.size() - 1, p.records().size());
        for (int r = 0; r < p.records().size(); r++) {
            List<String> cleaned = new ArrayList<>();
            for (PreviewField f : p.records().get(r).fields()) {
                if (f.change() != PreviewField.Change.REMOVED) {
                    cleaned.add(f.cleaned());
                }
            }
            assertEquals(written.get(r + 1).toList(), cleaned, "row " + (r + 1));
        }
    }

    @Test
    void aPreviewAddsNothingToTheKeyFileAndWritesNothingBesideTheInput(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("encounters.csv");
        Files.copy(SampleData.CSV.resolve("encounters.csv"), copy);
        byte[] keyBefore = Files.readAllBytes(key);
        preview(copy, key, 3, List.of());
        assertArrayEquals(keyBefore, Files.readAllBytes(key));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(copy), files.toList());
        }
    }

    @Test
    void withoutAKeyFileTheKeyIsThrowawayAndSaysSo() throws Exception {
        PreviewJob.Result r = preview(SampleData.CSV.resolve("patients.csv"), null, 2, List.of());
        assertTrue(r.throwawayKey());
        String runPseudonym = records(out.resolve("patients.csv")).get(1).get(0);
        PreviewField first = r.preview().records().get(0).fields().get(0);
        assertEquals(PreviewField.Change.CHANGED, first.change());
        assertFalse(runPseudonym.equals(first.cleaned()), "a throwaway key gives other pseudonyms");
    }

    @Test
    void aSessionWithTheStudyKeyOpenedOnceShowsTheRunsPseudonyms() throws Exception {
        StudyKey study = StudyKey.open(key, PASSPHRASE);
        assertEquals(1, study.runs().size(), "the run recorded in the key file");
        PreviewJob.Session session = PreviewJob.Session.open(profile, study, List.of(SampleData.CSV), () -> false);
        PreviewJob.Result r = session.preview(SampleData.CSV.resolve("patients.csv"), 2, () -> false);
        assertFalse(r.throwawayKey());
        String runPseudonym = records(out.resolve("patients.csv")).get(1).get(0);
        assertEquals(runPseudonym, r.preview().records().get(0).fields().get(0).cleaned());
        assertFalse(study.toString().contains(new String(PASSPHRASE)));
    }

    @Test
    void aStudyKeyWithAWrongPassphraseIsRefused() {
        JobException e = assertThrows(JobException.class, () -> StudyKey.open(key, "not the passphrase".toCharArray()));
        assertEquals(JobException.Reason.KEY_FILE, e.reason());
    }

    @Test
    void eachFieldNamesItsRuleAndRemovedColumnsAreMarked() throws Exception {
        PreviewRecord row = preview(SampleData.CSV.resolve("patients.csv"), key, 1, List.of()).preview().records().get(0);
        PreviewField firstName = row.fields().stream().filter(f -> f.name().equals("first_name")).findFirst().orElseThrow();
        assertEquals(PreviewField.Change.REMOVED, firstName.change());
        assertEquals("names", firstName.ruleId());
        assertEquals("remove", firstName.action());
    }

    @Test
    void theRecordLimitIsHonouredAndTruncationReported() throws Exception {
        FilePreview p = preview(SampleData.CSV.resolve("encounters.csv"), null, 2, List.of()).preview();
        assertEquals(2, p.records().size());
        assertTrue(p.truncated());
        assertEquals("line 2", p.records().get(0).label());
    }

    @Test
    void aSessionPreviewsSeveralFilesWithOneScan() throws Exception {
        PreviewJob.Session session = PreviewJob.Session.open(profile, key, PASSPHRASE, List.of(SampleData.CSV), () -> false);
        PreviewJob.Result a = session.preview(SampleData.CSV.resolve("patients.csv"), 1, () -> false);
        PreviewJob.Result b = session.preview(SampleData.CSV.resolve("lab_results.csv"), 1, () -> false);
        assertEquals(4, a.filesScanned());
        assertEquals(4, b.filesScanned());
        assertEquals(records(out.resolve("lab_results.csv"), java.nio.charset.Charset.forName("windows-1252"), ';').get(1)
                .get(0),
                b.preview().records().get(0).fields().get(0).cleaned());
    }

    @Test
    void aPreviewWithItsExportAsContextRelatesTheTables() throws Exception {
        Path ehr = new Corpus("ehr").folder();
        PreviewJob.Session session = PreviewJob.Session.open(profile, null, null, List.of(ehr), () -> false);
        PreviewJob.Result notes = session.preview(ehr.resolve("notes.csv"), 1, () -> false);
        PreviewField patient = notes.preview().records().get(0).fields().get(1);
        assertEquals("PATIENT", patient.name());
        assertEquals("relation:patient", patient.ruleId());
    }

    @Test
    void filesExplainedTogetherShowTheirRelations() throws Exception {
        // (the German corpus's Fallnummer is named by the encounter-number rule since decision 0114: the EHR's tables)
        Path ehr = new Corpus("ehr").folder();
        java.util.Map<Path, List<FieldDecision>> d = PreviewJob.explainTogether(
                List.of(ehr.resolve("encounters.csv"), ehr.resolve("patients.csv")), profile);
        FieldDecision patient = d.get(ehr.resolve("encounters.csv")).stream().filter(x -> x.name().equals("PATIENT"))
                .findFirst().orElseThrow();
        assertEquals("relation", patient.decidedBy());
        assertEquals("pseudonymize", patient.action());
        List<FieldDecision> alone = PreviewJob.explain(ehr.resolve("encounters.csv"), profile);
        assertNotEquals("relation", alone.stream().filter(x -> x.name().equals("PATIENT")).findFirst().orElseThrow()
                .decidedBy(), "alone, the file has no table to relate to");
    }

    @Test
    void explainOfAFileAloneClassifiesItsColumns() throws Exception {
        List<FieldDecision> d = PreviewJob.explain(new Corpus("de").folder().resolve("patienten.csv"), profile);
        FieldDecision nachname = d.stream().filter(x -> x.name().equals("Nachname")).findFirst().orElseThrow();
        assertEquals("classifier", nachname.decidedBy());
        assertEquals("person-name", nachname.fieldClass());
        assertEquals("remove", nachname.action());
    }

    @Test
    void explainGivesTheDecisionOfEveryColumn() throws Exception {
        List<FieldDecision> d = PreviewJob.explain(SampleData.CSV.resolve("encounters.csv"), profile);
        assertEquals("encounter_id", d.get(0).name());
        assertEquals("pseudonymize", d.get(0).action());
        assertTrue(d.stream().anyMatch(FieldDecision::subject), "the subject column is marked");
    }

    @Test
    void aFileOfAFormatWithoutHandlerIsRefusedWithTheReason(@TempDir Path dir) throws IOException {
        Path bin = dir.resolve("x.bin");
        Files.write(bin, new byte[] {0, 1, 2});
        JobException e = assertThrows(JobException.class, () -> preview(bin, null, 1, List.of()));
        assertEquals(JobException.Reason.FILE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("FORMAT-UNKNOWN"), e.getMessage());
    }

    @Test
    void aBrokenFileIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Path ragged = dir.resolve("ragged.csv");
        Files.writeString(ragged, "mrn,notes\n1,ok\n2,too,many\n");
        JobException e = assertThrows(JobException.class, () -> preview(ragged, null, 10, List.of()));
        assertEquals(JobException.Reason.FILE_FAILED, e.reason());
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("CSV-RAGGED-ROW"), e.getMessage());
    }

    private static List<CSVRecord> records(Path file) throws IOException {
        return records(file, java.nio.charset.StandardCharsets.UTF_8, ',');
    }

    private static List<CSVRecord> records(Path file, java.nio.charset.Charset cs, char delimiter) throws IOException {
        String text = Files.readString(file, cs).replace("\uFEFF", "");
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get())) {
            return parser.getRecords();
        }
    }
}
