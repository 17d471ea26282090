package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;

/** Which rule applies to a CSV column, which column is the subject column, and the reasons given. */
class ProfileExplainerTest {

    private static Profile profile(String rules) throws ProfileException {
        return ProfileLoader.parse("deid-profile: 1\nname: t\nsubject:\n  columns: [patient_id, mrn]\nrules:\n"
                + "  - id: ids\n    columns: [patient_id, mrn]\n    action: pseudonymize\n    domain: patient\n"
                + rules + "default:\n  action: scrub-text\n  identifier: false\n", "profile.yaml");
    }

    @Test
    void firstMatchingRuleWins() throws ProfileException {
        Profile p = profile("  - id: names\n    column-pattern: '(first|last)_?name'\n    action: remove\n"
                + "  - id: all-names\n    column-pattern: '.*name'\n    action: empty\n");
        assertEquals("names", ProfileExplainer.explain(p, List.of("first_name")).get(0).rule().id());
    }

    @Test
    void laterRuleAppliesWhenEarlierOnesDoNotMatch() throws ProfileException {
        Profile p = profile("  - id: names\n    column-pattern: '(first|last)_?name'\n    action: remove\n"
                + "  - id: all-names\n    column-pattern: '.*name'\n    action: empty\n");
        assertEquals(Action.EMPTY, ProfileExplainer.explain(p, List.of("maiden_name")).get(0).spec().action());
    }

    @Test
    void unmatchedColumnGetsTheDefault() throws ProfileException {
        ColumnDecision d = ProfileExplainer.explain(profile(""), List.of("lab_value")).get(0);
        assertNull(d.rule());
        assertEquals(Action.SCRUB_TEXT, d.spec().action());
        assertFalse(d.identifier());
        assertEquals("default action (no rule matched)", d.reason());
    }

    @Test
    void reasonNamesRulePatternAndLine() throws ProfileException {
        Profile p = profile("  - id: names\n    column-pattern: '(first|last)_?name'\n    action: remove\n");
        assertEquals("rule 'names' (column-pattern /(first|last)_?name/ at profile.yaml:10)",
                ProfileExplainer.explain(p, List.of("last_name")).get(0).reason());
    }

    @Test
    void reasonNamesColumnSelector() throws ProfileException {
        assertEquals("rule 'ids' (column \"mrn\" at profile.yaml:6)",
                ProfileExplainer.explain(profile(""), List.of("MRN")).get(0).reason());
    }

    @Test
    void columnNameMatchingIgnoresCaseAndSeparators() throws ProfileException {
        assertEquals("ids", ProfileExplainer.explain(profile(""), List.of(" Patient-ID ")).get(0).rule().id());
    }

    @Test
    void subjectColumnIsTheFirstCandidatePresentNotTheFirstInTheHeader() throws ProfileException {
        List<ColumnDecision> ds = ProfileExplainer.explain(profile(""), List.of("mrn", "x", "Patient ID"));
        assertEquals(List.of(false, false, true), ds.stream().map(ColumnDecision::subjectColumn).toList());
    }

    @Test
    void subjectColumnIndexIsEmptyWhenNoCandidateIsPresent() throws ProfileException {
        assertEquals(OptionalInt.empty(), ProfileExplainer.subjectColumnIndex(profile(""), List.of("a", "b")));
    }

    @Test
    void decisionCarriesTheRulesIdentifierFlag() throws ProfileException {
        assertTrue(ProfileExplainer.explain(profile(""), List.of("mrn")).get(0).identifier());
    }

    @Test
    void decisionsFollowHeaderOrder() throws ProfileException {
        assertEquals(List.of("b", "a", "mrn"), ProfileExplainer.explain(profile(""), List.of("b", "a", "mrn")).stream()
                .map(ColumnDecision::column).toList());
    }
}
