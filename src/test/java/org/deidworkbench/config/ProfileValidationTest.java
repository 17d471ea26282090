package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every validation rule of the profile schema: the message a steward sees and the line it names. */
class ProfileValidationTest {

    private static final String HEAD = "deid-profile: 1\nname: t\n";
    private static final String DEFAULT = "default:\n  action: scrub-text\n  identifier: false\n";

    /** Parses text expected to be invalid and returns its problems. */
    private static List<ProfileProblem> problems(String yaml) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(yaml, "p.yaml"));
        return e.problems();
    }

    /** Asserts exactly one problem, on {@code line}, whose message contains {@code text}. */
    private static ProfileProblem single(String yaml, int line, String text) {
        List<ProfileProblem> ps = problems(yaml);
        assertEquals(1, ps.size(), () -> "expected one problem, got " + ps);
        ProfileProblem p = ps.get(0);
        assertEquals(line, p.location().line(), () -> "wrong line in " + p);
        assertTrue(p.message().contains(text), () -> "message '" + p.message() + "' lacks '" + text + "'");
        return p;
    }

    private static String rules(String body) {
        return HEAD + "rules:\n" + body + DEFAULT;
    }

    @Test
    void missingSchemaVersionIsReported() {
        single("name: t\n" + DEFAULT, 1, "missing 'deid-profile: 1'");
    }

    @Test
    void unsupportedSchemaVersionIsReported() {
        single("deid-profile: 2\nname: t\n" + DEFAULT, 1, "unsupported deid-profile version 2");
    }

    @Test
    void schemaVersionWrittenAsTextIsReported() {
        single("deid-profile: one\nname: t\n" + DEFAULT, 1, "deid-profile must be the schema version number 1");
    }

    @Test
    void missingNameIsReported() {
        single("deid-profile: 1\n" + DEFAULT, 1, "missing 'name'");
    }

    @Test
    void missingDefaultIsReported() {
        single(HEAD + "rules: []\n", 1, "missing 'default'");
    }

    @Test
    void misspeltTopLevelKeySuggestsClosest() {
        ProfileProblem p = single(HEAD + "rule: []\n" + DEFAULT, 3, "unknown key 'rule' at the top level");
        assertTrue(p.message().endsWith("(did you mean 'rules'?)"), p.message());
    }

    @Test
    void misspeltRuleKeySuggestsClosest() {
        ProfileProblem p = single(rules("  - id: a\n    colum: mrn\n    action: remove\n"), 5, "unknown key 'colum' in rule");
        assertTrue(p.message().contains("did you mean 'column'?"), p.message());
        assertEquals("a", p.ruleId());
    }

    @Test
    void misspeltFormatKeySuggestsClosest() {
        single(rules("  - column: mrn\n    action: pseudonymize\n    domain: patient\n    format: {lenght: 10}\n"), 7,
                "unknown key 'lenght' in format (did you mean 'length'?)");
    }

    @Test
    void misspeltSubjectKeySuggestsClosest() {
        single(HEAD + "subject:\n  column: [mrn]\n" + DEFAULT, 4, "unknown key 'column' in subject (did you mean 'columns'?)");
    }

    @Test
    void unknownKeyFarFromAnyListsTheKnownKeys() {
        single(HEAD + "subject:\n  banana: 1\n" + DEFAULT, 4, "(expected one of: columns, domain)");
    }

    @Test
    void misspeltActionKeyIsReportedOnlyAsMisspelt() {
        single(rules("  - column: mrn\n    actoin: remove\n"), 5, "unknown key 'actoin' in rule (did you mean 'action'?)");
    }

    @Test
    void missingActionIsReported() {
        single(rules("  - id: a\n    column: mrn\n"), 4, "has no action");
    }

    @Test
    void unknownActionSuggestsClosest() {
        ProfileProblem p = single(rules("  - id: names\n    column: name\n    action: pseudonymise\n"), 6,
                "unknown action 'pseudonymise' (did you mean 'pseudonymize'?)");
        assertEquals("p.yaml:6:13: rule 'names': unknown action 'pseudonymise' (did you mean 'pseudonymize'?)",
                p.toString());
    }

    @Test
    void parameterTheActionDoesNotTakeIsReported() {
        single(rules("  - id: a\n    column: mrn\n    action: pseudonymize\n    domain: patient\n    value: X\n"), 8,
                "'value' does not apply to action pseudonymize (it takes: domain, format)");
    }

    @Test
    void parameterOnActionWithoutParametersIsReported() {
        single(rules("  - column: mrn\n    action: remove\n    kind: year\n"), 6,
                "'kind' does not apply to action remove (it takes no parameters)");
    }

    @Test
    void replaceWithoutValueIsReported() {
        single(rules("  - column: mrn\n    action: replace\n"), 5, "action replace needs 'value'");
    }

    @Test
    void pseudonymizeWithoutDomainIsReported() {
        single(rules("  - column: mrn\n    action: pseudonymize\n"), 5, "action pseudonymize needs 'domain'");
    }

    @Test
    void generalizeWithoutKindIsReported() {
        single(rules("  - column: age\n    action: generalize\n"), 5, "action generalize needs 'kind'");
    }

    @Test
    void encryptWithoutAlphabetIsReported() {
        single(rules("  - column: code\n    action: encrypt\n"), 5, "action encrypt needs 'alphabet'");
    }

    @Test
    void ruleWithoutSelectorIsReported() {
        single(rules("  - id: a\n    action: remove\n"), 4, "the rule has no selector");
    }

    @Test
    void ruleWithSeveralSelectorsIsReported() {
        single(rules("  - column: a\n    column-pattern: 'b.*'\n    action: remove\n"), 5,
                "the rule has several selectors (column, column-pattern)");
    }

    @Test
    void invalidRegexShowsTheErrorPosition() {
        single(rules("  - column-pattern: '(first_name'\n    action: remove\n"), 4,
                "invalid column-pattern regex: Unclosed group at index 11 (just after \"(first_name\")");
    }

    @Test
    void unknownPseudonymEncodingIsReported() {
        single(rules("  - column: mrn\n    action: pseudonymize\n    domain: p\n    format: {encoding: base64}\n"), 7,
                "unknown pseudonym encoding 'base64'");
    }

    @Test
    void pseudonymLengthOutsideTheEncodingRangeIsReported() {
        single(rules("  - column: mrn\n    action: pseudonymize\n    domain: p\n    format:\n      encoding: digits\n"
                + "      length: 5\n"), 9, "pseudonym length 5 is outside 6..60 for encoding digits");
    }

    @Test
    void checkDigitThatIsNotBooleanIsReported() {
        single(rules("  - column: mrn\n    action: pseudonymize\n    domain: p\n    format: {check-digit: maybe}\n"), 7,
                "check-digit must be true or false");
    }

    @Test
    void dateShiftWithMinAboveMaxIsReported() {
        single(HEAD + "date-shift:\n  min-days: 10\n  max-days: -10\n" + DEFAULT, 4,
                "date-shift range is empty: min-days 10 is greater than max-days -10");
    }

    @Test
    void dateShiftOfZeroIsReported() {
        single(HEAD + "date-shift: {min-days: 0, max-days: 0}\n" + DEFAULT, 3, "would not shift any date");
    }

    @Test
    void dateShiftBeyondLimitIsReported() {
        single(HEAD + "date-shift:\n  max-days: 40000\n" + DEFAULT, 4, "max-days 40000 is out of range");
    }

    @Test
    void dateShiftThatIsNotANumberIsReported() {
        single(HEAD + "date-shift:\n  min-days: -1.5\n" + DEFAULT, 4, "min-days must be a whole number of days");
    }

    @Test
    void duplicateRuleIdIsReported() {
        ProfileProblem p = single(rules("  - id: a\n    column: x\n    action: remove\n"
                + "  - id: a\n    column: y\n    action: remove\n"), 7, "duplicate rule id 'a' (already used by the rule at line 4)");
        assertEquals("a", p.ruleId());
    }

    @Test
    void ruleShadowedByIdenticalColumnIsReported() {
        single(rules("  - id: first\n    column: Patient ID\n    action: remove\n"
                + "  - id: second\n    column: patient_id\n    action: keep\n"), 8,
                "this rule can never match column \"patient_id\": rule 'first' at line 5 has the same selector");
    }

    @Test
    void ruleShadowedByIdenticalPatternIsReported() {
        single(rules("  - column-pattern: '.*_date'\n    action: empty\n"
                + "  - column-pattern: '.*_date'\n    action: remove\n"), 6, "rule 'rule-1' at line 4 has the same selector");
    }

    @Test
    void repeatedColumnInsideOneListIsReported() {
        single(rules("  - id: ids\n    columns: [mrn, MRN]\n    action: remove\n"), 5,
                "this rule can never match column \"MRN\": rule 'ids' at line 5");
    }

    @Test
    void unknownGeneralizeKindSuggestsClosest() {
        single(rules("  - column: age\n    action: generalize\n    kind: ageband\n"), 6,
                "unknown generalize kind 'ageband' (did you mean 'age-band'?)");
    }

    @Test
    void encryptAlphabetWithOneCharacterIsReported() {
        single(rules("  - column: code\n    action: encrypt\n    alphabet: \"aaa\"\n"), 6,
                "encrypt alphabet needs at least 2 distinct characters, found 1");
    }

    @Test
    void encryptAlphabetWithRepeatedCharactersIsReported() {
        single(rules("  - column: code\n    action: encrypt\n    alphabet: \"abcab\"\n"), 6,
                "encrypt alphabet repeats 'a', 'b'");
    }

    @Test
    void misspeltNamedAlphabetSuggestsTheName() {
        single(rules("  - column: code\n    action: encrypt\n    alphabet: digitts\n"), 6, "(did you mean 'digits'?)");
    }

    @Test
    void remapUidOnACsvColumnIsARuleButNoDefault() throws ProfileException {
        // a PACS list's StudyInstanceUID gets the UID its images get (decision 0232); every column cannot be a UID
        assertEquals(org.deidworkbench.model.Action.REMAP_UID, ProfileLoader.parse(
                rules("  - column: StudyInstanceUID\n    action: remap-uid\n"), "p.yaml").rules().get(0).spec().action());
        single(HEAD + "default:\n  action: remap-uid\n  identifier: false\n", 4, "remap-uid applies to DICOM UIDs only");
    }

    @Test
    void invalidDomainNameIsReported() {
        single(rules("  - column: mrn\n    action: pseudonymize\n    domain: 'my domain'\n"), 6,
                "domain 'my domain' is not a valid domain name");
    }

    @Test
    void identifierThatIsNotBooleanIsReported() {
        single(rules("  - column: mrn\n    action: remove\n    identifier: sometimes\n"), 6,
                "identifier must be true or false");
    }

    @Test
    void ruleThatIsNotAMappingIsReported() {
        single(rules("  - mrn\n"), 4, "a rule must be a mapping");
    }

    @Test
    void rulesThatAreNotAListAreReported() {
        single(HEAD + "rules: {column: mrn}\n" + DEFAULT, 3, "rules must be a list of rules");
    }

    @Test
    void emptyProfileIsReported() {
        single("", 1, "the profile is empty");
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse(HEAD + "rules:\n  - column: [a, b\n    action: remove\n", "p.yaml"));
        assertEquals(ProfileException.SYNTAX, e.code());
        ProfileProblem p = e.problems().get(0);
        assertEquals(5, p.location().line());
        assertTrue(p.location().column() > 0);
        assertTrue(p.message().startsWith("YAML syntax error: "), p.message());
    }

    @Test
    void aliasIsRefused() {
        List<ProfileProblem> ps = problems(HEAD + "subject:\n  columns: &ids [mrn]\nrules:\n  - columns: *ids\n"
                + "    action: pseudonymize\n    domain: patient\n" + DEFAULT);
        assertTrue(ps.stream().anyMatch(p -> p.location().line() == 4 && p.message().contains("YAML anchor '&ids'")), ps::toString);
        assertTrue(ps.stream().anyMatch(p -> p.location().line() == 6 && p.message().contains("YAML alias '*ids'")), ps::toString);
    }

    @Test
    void aliasAsKeyIsRefused() {
        single(HEAD + "description: &k name\n*k : t\n" + DEFAULT, 4, "aliases are not allowed in profiles");
    }

    @Test
    void complexKeyIsReportedAsSyntaxError() {
        single(HEAD + "? [a, b]\n: 1\n" + DEFAULT, 3, "mapping keys must be plain text");
    }

    @Test
    void customTagIsRefused() {
        single(HEAD + "description: !secret hello\n" + DEFAULT, 3, "YAML tag '!secret' is not allowed");
    }

    @Test
    void standardTagIsRefused() {
        single(HEAD + "description: !!str hello\n" + DEFAULT, 3, "YAML tag '!!str' is not allowed");
    }

    @Test
    void duplicateKeyIsReported() {
        single(HEAD + "name: u\n" + DEFAULT, 3, "duplicate key 'name' (first given at line 2)");
    }

    @Test
    void secondYamlDocumentIsReported() {
        single(HEAD + DEFAULT + "---\nname: other\n", 7, "a second document starts here");
    }

    @Test
    void subjectColumnLeftInClearIsReported() {
        single(HEAD + "subject:\n  columns: [mrn]\n" + DEFAULT, 4,
                "subject column 'mrn' would be written in clear: the default gives it scrub-text");
    }

    @Test
    void subjectColumnKeptByRuleIsReported() {
        single(HEAD + "subject:\n  columns: [mrn]\nrules:\n  - id: k\n    column-pattern: 'mrn|id'\n    action: keep\n"
                + DEFAULT, 4, "rule 'k' (line 6) gives it keep");
    }

    @Test
    void subjectColumnCheckIsSkippedWhenItsRuleIsInvalid() {
        single(HEAD + "subject:\n  columns: [mrn]\nrules:\n  - column: mrn\n    action: pseudonymize\n    domian: patient\n"
                + DEFAULT, 8, "unknown key 'domian' in rule (did you mean 'domain'?)");
    }

    @Test
    void shiftDateWithoutSubjectColumnsIsReported() {
        single(rules("  - id: d\n    column: visit_date\n    action: shift-date\n"), 4,
                "no subject column is configured");
    }

    @Test
    void allProblemsAreReportedTogetherInFileOrder() {
        List<ProfileProblem> ps = problems("deid-profile: 3\nname: t\nrules:\n  - column: a\n    action: pseudonymise\n"
                + "  - colum: b\n    action: remove\ndefault:\n  action: keep\n  value: x\n");
        assertEquals(List.of(1, 5, 6, 10), ps.stream().map(p -> p.location().line()).toList(), ps::toString);
    }

    @Test
    void exceptionMessageListsEveryProblem() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> ProfileLoader.parse("deid-profile: 3\nname: t\n", "p.yaml"));
        assertEquals("2 problems in rule profile:\n"
                + "  p.yaml:1:1: missing 'default' (the action for columns no rule matches), e.g. default: {action: scrub-text, identifier: false}\n"
                + "  p.yaml:1:15: unsupported deid-profile version 3: this DeID Workbench reads version 1", e.getMessage());
        assertEquals(ProfileException.INVALID, e.code());
    }
}
