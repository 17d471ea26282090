package org.deidworkbench.gui.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;

/** Edits of a profile's text keep the rest of it and give a profile that loads. */
class ProfileTextTest {

    private static final String SMALL = """
            deid-profile: 1
            name: small
            subject:
              columns: [mrn]
            # the rules
            rules:
              - id: subject
                column: mrn
                action: pseudonymize
                domain: patient
              - id: names
                column: name
                action: remove

              # dates next
              - id: dates
                column-pattern: '.*date'
                action: shift-date
            default:
              action: scrub-text
              identifier: false
            """;

    private static final RuleForm VISIT = new RuleForm("visit", "visit_id", false, Action.PSEUDONYMIZE, "visit", "");
    private static final RuleForm MRN = new RuleForm("mrn", "mrn", false, Action.PSEUDONYMIZE, "patient", "MRN");

    @Test
    void insertedRuleComesFirstAndTheProfileLoads() throws Exception {
        Profile p = ProfileLoader.parse(ProfileText.insertRule(SMALL, VISIT), "t");
        assertEquals("visit", p.rules().get(0).id());
        assertEquals(4, p.rules().size());
    }

    @Test
    void insertingIntoTheBuiltInProfileKeepsItsComments() throws Exception {
        String text = ProfileLoader.builtInText("csv-template");
        String edited = ProfileText.insertRule(text, MRN);
        assertEquals("mrn", ProfileLoader.parse(edited, "t").rules().get(0).id());
        assertTrue(edited.contains("# ---- Names: REMOVED rather than pseudonymized."));
    }

    @Test
    void insertingIntoAnEmptyRuleListMakesItABlockList() throws Exception {
        String text = SMALL.replaceAll("(?s)rules:.*?default:", "rules: []\ndefault:");
        assertEquals("mrn", ProfileLoader.parse(ProfileText.insertRule(text, MRN), "t").rules().get(0).id());
    }

    @Test
    void insertingWithoutARulesKeyAddsOne() throws Exception {
        String text = SMALL.replaceAll("(?s)# the rules.*?default:", "default:");
        assertEquals(1, ProfileLoader.parse(ProfileText.insertRule(text, MRN), "t").rules().size());
    }

    @Test
    void replacedRuleKeepsItsPlaceAndTheCommentsAround() throws Exception {
        Profile before = ProfileLoader.parse(SMALL, "t");
        RuleForm keep = new RuleForm("names", "name", false, Action.KEEP, "", "");
        String edited = ProfileText.replaceRule(SMALL, before.rules().get(1).location().line(), keep);
        Profile after = ProfileLoader.parse(edited, "t");
        assertEquals(Action.KEEP, after.rules().get(1).action());
        assertEquals("dates", after.rules().get(2).id());
        assertTrue(edited.contains("  # dates next"));
    }

    @Test
    void replacingAtALineThatStartsNoRuleChangesNothing() {
        assertEquals(SMALL, ProfileText.replaceRule(SMALL, 2, MRN));
    }

    @Test
    void defaultActionIsSetInABlockDefault() throws Exception {
        Profile p = ProfileLoader.parse(ProfileText.setDefaultAction(SMALL, "remove"), "t");
        assertEquals(Action.REMOVE, p.defaultSpec().action());
        assertTrue(ProfileText.setDefaultAction(SMALL, "remove").contains("identifier: false"));
    }

    @Test
    void defaultActionIsSetInAFlowDefault() throws Exception {
        String flow = SMALL.replace("default:\n  action: scrub-text\n  identifier: false\n",
                "default: { action: scrub-text, identifier: false }\n");
        assertEquals(Action.KEEP, ProfileLoader.parse(ProfileText.setDefaultAction(flow, "keep"), "t").defaultSpec().action());
    }

    @Test
    void dateShiftIsAddedWhenMissingAndReplacedWhenPresent() throws Exception {
        String once = ProfileText.setDateShift(SMALL, -30, 30);
        String twice = ProfileText.setDateShift(once, -10, 20);
        Profile p = ProfileLoader.parse(twice, "t");
        assertEquals(-10, p.dateShift().minDays());
        assertEquals(20, p.dateShift().maxDays());
    }

    @Test
    void crlfTextStaysCrlf() {
        String crlf = SMALL.replace("\n", "\r\n");
        String edited = ProfileText.insertRule(crlf, MRN);
        assertEquals(-1, edited.replace("\r\n", "").indexOf('\n'));
    }
}
