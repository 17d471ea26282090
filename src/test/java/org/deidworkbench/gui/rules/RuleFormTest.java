package org.deidworkbench.gui.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.Rule;
import org.junit.jupiter.api.Test;

/** The rule form and the YAML it writes. */
class RuleFormTest {

    @Test
    void quotesCannotBreakOutOfTheirValue() throws Exception {
        RuleForm form = new RuleForm("x", "it's: a\nkey", false, Action.REPLACE, "O'Brien", "");
        String yaml = "deid-profile: 1\nname: t\nrules:\n" + form.toYaml(2) + "default:\n  action: keep\n";
        Rule rule = ProfileLoader.parse(yaml, "t").rules().get(0);
        assertEquals("column \"it's: a key\"", rule.selector().describe());
    }

    @Test
    void actionNeedingAParameterIsIncompleteWithoutIt() {
        assertFalse(new RuleForm("mrn", "mrn", false, Action.PSEUDONYMIZE, "", "").complete());
        assertTrue(new RuleForm("mrn", "mrn", false, Action.PSEUDONYMIZE, "patient", "").complete());
    }

    @Test
    void idMustBeAWord() {
        assertFalse(new RuleForm("two words", "c", false, Action.KEEP, "", "").complete());
    }

    @Test
    void formFromARuleWritesTheSameRule() throws Exception {
        Rule names = ProfileLoader.builtIn("csv-template").rules().stream().filter(r -> r.id().equals("names"))
                .findFirst().orElseThrow();
        RuleForm form = RuleForm.of(names);
        String yaml = "deid-profile: 1\nname: t\nrules:\n" + form.toYaml(2) + "default:\n  action: keep\n";
        Rule again = ProfileLoader.parse(yaml, "t").rules().get(0);
        assertEquals(names.selector(), again.selector());
        assertEquals(names.spec(), again.spec());
        assertEquals(names.label(), again.label());
    }

    @Test
    void ruleForAColumnGetsAnIdFromItsName() {
        assertEquals("blood-type", RuleForm.forColumn("Blood Type").id());
    }
}
