package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading valid profiles: defaults, expansion of column lists, sources and built-in resolution. */
class ProfileLoaderTest {

    private static final String MINIMAL = "deid-profile: 1\nname: t\ndefault:\n  action: scrub-text\n  identifier: false\n";

    private static Profile parse(String yaml) throws ProfileException {
        return ProfileLoader.parse(yaml, "p.yaml");
    }

    private static Rule onlyRule(String ruleYaml) throws ProfileException {
        Profile p = parse("deid-profile: 1\nname: t\nrules:\n" + ruleYaml + "default:\n  action: keep\n");
        assertEquals(1, p.rules().size());
        return p.rules().get(0);
    }

    @Test
    void minimalProfileWithoutRulesLoads() throws ProfileException {
        Profile p = parse(MINIMAL);
        assertEquals(List.of(), p.rules());
        assertEquals(new ActionSpec.ScrubText(), p.defaultSpec());
        assertFalse(p.defaultIdentifier());
    }

    @Test
    void emptyRulesListIsAllowed() throws ProfileException {
        assertEquals(List.of(), parse(MINIMAL + "rules: []\n").rules());
    }

    @Test
    void omittedSettingsTakeTheirDocumentedDefaults() throws ProfileException {
        Profile p = parse(MINIMAL);
        assertEquals("", p.description());
        assertEquals(DateShiftSettings.DEFAULT, p.dateShift());
        assertEquals(List.of(), p.subject().csvColumns());
        assertEquals("patient", p.subject().domain());
        assertEquals("p.yaml", p.source());
    }

    @Test
    void ruleWithoutIdIsNamedByItsPosition() throws ProfileException {
        Profile p = parse("deid-profile: 1\nname: t\nrules:\n  - column: a\n    action: keep\n"
                + "  - column: b\n    action: keep\ndefault:\n  action: keep\n");
        assertEquals("rule-2", p.rules().get(1).id());
    }

    @Test
    void labelDefaultsToUpperCasedId() throws ProfileException {
        assertEquals("MRN", onlyRule("  - id: mrn\n    column: mrn\n    action: remove\n").label());
    }

    @Test
    void ruleRecordsWhereItIsWritten() throws ProfileException {
        assertEquals(new SourceLocation("p.yaml", 4, 5), onlyRule("  - column: mrn\n    action: remove\n").location());
    }

    @Test
    void removeIsAnIdentifierByDefault() throws ProfileException {
        assertTrue(onlyRule("  - column: mrn\n    action: remove\n").identifier());
    }

    @Test
    void shiftDateIsNotAnIdentifierByDefault() throws ProfileException {
        Profile p = parse("deid-profile: 1\nname: t\nsubject: {columns: [id]}\nrules:\n"
                + "  - column: id\n    action: remove\n  - column: d\n    action: shift-date\ndefault:\n  action: keep\n");
        assertFalse(p.rules().get(1).identifier());
    }

    @Test
    void identifierCanBeOverridden() throws ProfileException {
        assertFalse(onlyRule("  - column: site\n    action: replace\n    value: X\n    identifier: false\n").identifier());
    }

    @Test
    void pseudonymizeWithoutFormatUsesTheDefaultFormat() throws ProfileException {
        assertEquals(new ActionSpec.Pseudonymize("patient", PseudonymFormat.DEFAULT),
                onlyRule("  - column: mrn\n    action: pseudonymize\n    domain: patient\n").spec());
    }

    @Test
    void pseudonymFormatIsReadCompletely() throws ProfileException {
        assertEquals(new ActionSpec.Pseudonymize("p", new PseudonymFormat(PseudonymFormat.Encoding.DIGITS, 10, "P-", true)),
                onlyRule("  - column: mrn\n    action: pseudonymize\n    domain: p\n"
                        + "    format: {encoding: digits, length: 10, prefix: \"P-\", check-digit: true}\n").spec());
    }

    @Test
    void encryptDomainDefaultsToTheRuleId() throws ProfileException {
        assertEquals(new ActionSpec.Encrypt("codes", "0123456789"),
                onlyRule("  - id: codes\n    column: c\n    action: encrypt\n    alphabet: digits\n").spec());
    }

    @Test
    void encryptAcceptsALiteralAlphabet() throws ProfileException {
        assertEquals(new ActionSpec.Encrypt("x", "ACGT"),
                onlyRule("  - column: c\n    action: encrypt\n    domain: x\n    alphabet: ACGT\n").spec());
    }

    @Test
    void replaceKeepsItsValueExactly() throws ProfileException {
        assertEquals(new ActionSpec.Replace(" redacted "),
                onlyRule("  - column: c\n    action: replace\n    value: \" redacted \"\n").spec());
    }

    @Test
    void generalizeReadsItsKind() throws ProfileException {
        assertEquals(new ActionSpec.Generalize(Generalization.ZIP3),
                onlyRule("  - column: zip\n    action: generalize\n    kind: zip3\n").spec());
    }

    @Test
    void columnWrittenAsYamlBooleanIsTakenAsWritten() throws ProfileException {
        assertEquals(new FieldSelector.ColumnName("no"), onlyRule("  - column: no\n    action: remove\n").selector());
    }

    @Test
    void columnsListBecomesConsecutiveRulesWithTheSameIdAndLocation() throws ProfileException {
        Profile p = parse("deid-profile: 1\nname: t\nrules:\n  - id: names\n    columns: [first_name, last_name]\n"
                + "    action: remove\ndefault:\n  action: keep\n");
        assertEquals(List.of(new FieldSelector.ColumnName("first_name"), new FieldSelector.ColumnName("last_name")),
                p.rules().stream().map(Rule::selector).toList());
        assertEquals(p.rules().get(0).id(), p.rules().get(1).id());
        assertEquals(p.rules().get(0).location(), p.rules().get(1).location());
    }

    @Test
    void columnPatternIsCaseInsensitiveAndWholeName() throws ProfileException {
        FieldSelector.ColumnPattern s = (FieldSelector.ColumnPattern) onlyRule(
                "  - column-pattern: '(first|last)_?name'\n    action: remove\n").selector();
        assertTrue(s.matches("FirstName"));
        assertFalse(s.matches("first_name_source"));
    }

    @Test
    void byteOrderMarkIsIgnored() throws ProfileException {
        assertEquals("t", parse("\uFEFF" + MINIMAL).name());
    }

    @Test
    void loadReadsAFileAndNamesItInLocations(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, MINIMAL + "rules:\n  - column: a\n    action: remove\n", StandardCharsets.UTF_8);
        Profile p = ProfileLoader.load(file);
        assertEquals(file.toString(), p.source());
        assertEquals(file.toString(), p.rules().get(0).location().file());
    }

    @Test
    void loadReportsAMissingFileAsNotFound(@TempDir Path dir) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(dir.resolve("none.yaml")));
        assertEquals(ProfileException.NOT_FOUND, e.code());
    }

    @Test
    void loadRefusesTextThatIsNotUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, "name: Gr\u00fcn\n".getBytes(StandardCharsets.ISO_8859_1));
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));
        assertEquals(ProfileException.UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
    }

    @Test
    void loadRefusesOversizedFiles(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.yaml");
        Files.write(file, new byte[ProfileLoader.MAX_PROFILE_BYTES + 1]);
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.load(file));
        assertEquals(ProfileException.UNREADABLE, e.code());
    }

    @Test
    void builtInNamesListEveryBuiltInProfile() {
        assertEquals(List.of("csv-template", "dicom-basic", "fhir-safe-harbor"), ProfileLoader.builtInNames());
    }

    @Test
    void builtInProfileIsParsedOnceAndShared() throws ProfileException {
        assertSame(ProfileLoader.builtIn("csv-template"), ProfileLoader.builtIn("csv-template"));
    }

    @Test
    void unknownBuiltInSuggestsTheClosestName() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.builtIn("csv-templat"));
        assertEquals(ProfileException.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("did you mean 'csv-template'?"), e.getMessage());
    }

    @Test
    void resolvePrefersABuiltInName() throws ProfileException {
        assertEquals("built-in:csv-template", ProfileLoader.resolve("csv-template").source());
    }

    @Test
    void resolveFallsBackToAFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, MINIMAL, StandardCharsets.UTF_8);
        assertEquals(file.toString(), ProfileLoader.resolve(file.toString()).source());
    }

    @Test
    void resolveReportsNeitherBuiltInNorFileAsNotFound(@TempDir Path dir) {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.resolve(dir.resolve("nope.yaml").toString()));
        assertEquals(ProfileException.NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("no built-in profile of this name and no such file"), e.getMessage());
    }

    @Test
    void sha256IsTheDigestOfTheProfileFileBytes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        byte[] bytes = "deid-profile: 1\nname: p\nrules: []\ndefault:\n  action: keep\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        LoadedProfile loaded = ProfileLoader.read(file.toString());
        assertEquals(expected, loaded.sha256());
        assertEquals("p", loaded.profile().name());
    }

    @Test
    void sha256OfABuiltInIsTheSameWithOrWithoutThePrefix() throws Exception {
        String plain = ProfileLoader.read("csv-template").sha256();
        assertEquals(64, plain.length());
        assertEquals(plain, ProfileLoader.read("built-in:csv-template").sha256());
    }

    @Test
    void theDigestIsOfTheBytesThatWereParsedEvenIfTheFileChangesLater(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.yaml");
        byte[] first = "deid-profile: 1\nname: first\nrules: []\ndefault:\n  action: keep\n".getBytes(StandardCharsets.UTF_8);
        Files.write(file, first);
        LoadedProfile loaded = ProfileLoader.read(file.toString());
        Files.writeString(file, "deid-profile: 1\nname: second\nrules: []\ndefault:\n  action: empty\n");
        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(first));
        assertEquals("first", loaded.profile().name());
        assertEquals(expected, loaded.sha256());
    }

    @Test
    void sha256OfAMissingProfileIsNotFound() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.read("no-such-profile.yaml"));
        assertEquals(ProfileException.NOT_FOUND, e.code());
    }

    @Test
    void profileWithoutClassifyDoesNotClassify() throws ProfileException {
        assertEquals(org.deidworkbench.model.ClassificationSettings.OFF, parse(MINIMAL).classification());
    }

    @Test
    void classifyKeyTurnsClassificationOnWithItsSample() throws ProfileException {
        Profile p = parse(MINIMAL + "classify: {sample-rows: 500}\n");
        assertTrue(p.classification().enabled());
        assertEquals(500, p.classification().sampleRows());
    }

    @Test
    void classifySampleBelowTenRowsIsRefusedAtItsLine() {
        ProfileException e = assertThrows(ProfileException.class, () -> parse(MINIMAL + "classify: {sample-rows: 3}\n"));
        assertEquals(6, e.problems().get(0).location().line());
    }

    @Test
    void builtInTemplateClassifies() throws ProfileException {
        assertTrue(ProfileLoader.builtIn("csv-template").classification().enabled());
    }
}
