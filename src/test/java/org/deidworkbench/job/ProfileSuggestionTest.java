package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code deid profile suggest}: a valid draft that, run unchanged, gives what the default gives. */
class ProfileSuggestionTest {

    private static String draft(String convention) throws Exception {
        return ProfileSuggestion.suggest(List.of(new Corpus(convention).folder()), ProfileLoader.read("csv-template"),
                "suggested-" + convention, () -> false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void draftIsAValidProfileWithARulePerColumn(String convention) throws Exception {
        Profile p = ProfileLoader.parse(draft(convention), "draft.yaml");
        assertTrue(p.classification().enabled());
        assertTrue(p.rules().size() >= 10, "rules: " + p.rules().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void draftRunUnchangedWritesWhatTheDefaultWrites(String convention, @TempDir Path dir) throws Exception {
        CorpusRuns.Run byDefault = CorpusRuns.of(convention);
        Path profile = dir.resolve("draft.yaml");
        Files.writeString(profile, draft(convention), StandardCharsets.UTF_8);
        Path key = dir.resolve("same.deidkey");
        Files.copy(byDefault.keyFile(), key);
        Path out = dir.resolve("out");
        LoadedProfile loaded = ProfileLoader.read(profile.toString());
        new RunJob(new RunRequest(List.of(byDefault.input()), out, key, false, CorpusRuns.PASSPHRASE, loaded, 2),
                RunListener.NONE).run();
        assertEquals(Files.readString(byDefault.output().resolve(RunJob.MANIFEST)),
                Files.readString(out.resolve(RunJob.MANIFEST)), "every output file byte for byte");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ehr", "omop", "de"})
    void draftHoldsNoValueOfTheExport(String convention) throws Exception {
        Corpus corpus = new Corpus(convention);
        Map<String, Set<String>> leaks = Corpus.leaks(corpus.identifyingValues(), Map.of("draft", draft(convention)));
        assertTrue(leaks.isEmpty(), leaks.size() + " values of the export are in the draft");
    }

    @org.junit.jupiter.api.Test
    void draftNamesFilesAsTheirOutputsNotByAnIdentifyingInputName(@TempDir Path dir) throws Exception {
        Path export = SampleData.copyTo(dir);
        String draft = ProfileSuggestion.suggest(List.of(export), ProfileLoader.read("csv-template"), "s", () -> false);
        assertTrue(!draft.contains("brannigan") && !draft.contains("100251"), "the input file name is not in the draft");
    }

    @org.junit.jupiter.api.Test
    void columnsOfAFileAreClassifiedWithItsTablesEvenWhenTheProfileDoesNotClassify() throws Exception {
        LoadedProfile noClassification = new LoadedProfile(ProfileLoader.parse("""
                deid-profile: 1
                name: plain
                rules:
                  - id: sex
                    column: Geschlecht
                    action: keep
                default: {action: scrub-text}
                """, "plain.yaml"), "x");
        Path file = new Corpus("de").folder().resolve("patienten.csv");
        List<org.deidworkbench.model.FieldDecision> columns = ProfileSuggestion.columns(file, noClassification, () -> false);
        Map<String, org.deidworkbench.model.FieldDecision> byName = new java.util.HashMap<>();
        columns.forEach(d -> byName.put(d.name(), d));
        assertEquals("classifier", byName.get("Nachname").decidedBy());
        assertEquals("person-name", byName.get("Nachname").fieldClass());
        assertEquals("relation", byName.get("PID").decidedBy(), "the patient table's key, found with the other tables");
        assertEquals("rule", byName.get("Geschlecht").decidedBy());
        assertEquals(ProfileLoader.parse("""
                deid-profile: 1
                name: plain
                default: {action: scrub-text}
                """, "p").classification().enabled(), false, "the profile itself does not classify");
    }
}
