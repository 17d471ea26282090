package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.classify.ColumnClassifier;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.ClassificationSettings;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.SourceLocation;
import org.deidworkbench.model.SubjectSettings;
import org.junit.jupiter.api.Test;

/** {@link Deidentifier#plan}: a rule, else relation and class, else the default. */
class ColumnPlanTest {

    private static final ColumnInsight NAMES = new ColumnInsight(
            new ColumnClassifier.Classification(ColumnClass.PERSON_NAME, 0.9, "stats", false), ColumnInsight.Relation.NONE);

    private static Deidentifier engine(ClassificationSettings classify, Rule... rules) throws DeidException {
        Profile p = new Profile("t", "", List.of(rules), new ActionSpec.ScrubText(), false,
                new SubjectSettings(List.of("mrn"), "patient"), DateShiftSettings.DEFAULT, "t.yaml", java.util.Map.of(), classify);
        return new Deidentifier(p, TestKeys.keyRing(), new PseudonymLedger(), 2026);
    }

    @Test
    void ruleWinsOverTheClass() throws Exception {
        Rule keep = new Rule("keep-first", new FieldSelector.ColumnName("FIRST"), new ActionSpec.Keep(), false, "X",
                new SourceLocation("t.yaml", 3, 1));
        ColumnPlan plan = engine(ClassificationSettings.ON, keep).plan("FIRST", NAMES);
        assertEquals(ColumnPlan.DecidedBy.RULE, plan.decidedBy());
        assertEquals(new ActionSpec.Keep(), plan.spec());
    }

    @Test
    void classDecidesAColumnNoRuleNames() throws Exception {
        ColumnPlan plan = engine(ClassificationSettings.ON).plan("FIRST", NAMES);
        assertEquals(ColumnPlan.DecidedBy.CLASSIFIER, plan.decidedBy());
        assertEquals(new ActionSpec.Remove(), plan.spec());
        assertEquals("class:person-name", plan.counterId());
    }

    @Test
    void referenceIsPseudonymizedInItsKeysDomain() throws Exception {
        ColumnInsight ref = new ColumnInsight(null, new ColumnInsight.Relation(ColumnInsight.Role.REFERENCE,
                "encounters", "references encounters.csv:Id"));
        ColumnPlan plan = engine(ClassificationSettings.ON).plan("ENCOUNTER", ref);
        assertEquals(ColumnPlan.DecidedBy.RELATION, plan.decidedBy());
        assertEquals("encounters", ((ActionSpec.Pseudonymize) plan.spec()).domain());
    }

    private static final Rule INSURANCE_PATTERN = new Rule("insurance-number",
            new FieldSelector.ColumnPattern(java.util.regex.Pattern.compile(".*insurance[ _.-]?id",
                    java.util.regex.Pattern.CASE_INSENSITIVE)), new ActionSpec.Remove(), true, "ID-NUMBER",
            new SourceLocation("t.yaml", 5, 1));
    private static final ColumnInsight PAYER_REFERENCE = new ColumnInsight(null, new ColumnInsight.Relation(
            ColumnInsight.Role.REFERENCE, "payers", "references payers.csv:Id"));

    @Test
    void aHeaderPatternThatWouldRemoveAReferenceGivesWayToTheRelation() throws Exception {
        ColumnPlan plan = engine(ClassificationSettings.ON, INSURANCE_PATTERN).plan("PRIMARYPATIENTINSURANCEID",
                PAYER_REFERENCE);
        assertEquals(ColumnPlan.DecidedBy.RELATION, plan.decidedBy());
        assertEquals("payers", ((ActionSpec.Pseudonymize) plan.spec()).domain());
        assertEquals("relation:payers", plan.counterId());
        org.junit.jupiter.api.Assertions.assertTrue(plan.reason().contains("insurance-number"), plan.reason());
    }

    @Test
    void aRuleNamingTheColumnStaysInChargeOfAReference() throws Exception {
        Rule named = new Rule("drop-it", new FieldSelector.ColumnName("PRIMARYPATIENTINSURANCEID"), new ActionSpec.Remove(),
                true, "ID-NUMBER", new SourceLocation("t.yaml", 3, 1));
        ColumnPlan plan = engine(ClassificationSettings.ON, named).plan("PRIMARYPATIENTINSURANCEID", PAYER_REFERENCE);
        assertEquals(ColumnPlan.DecidedBy.RULE, plan.decidedBy());
        assertEquals(new ActionSpec.Remove(), plan.spec());
    }

    @Test
    void aHeaderPatternStaysInChargeOfAKeyAndWithClassificationOff() throws Exception {
        ColumnInsight key = new ColumnInsight(null, new ColumnInsight.Relation(ColumnInsight.Role.KEY, "members",
                "key of members.csv"));
        assertEquals(ColumnPlan.DecidedBy.RULE,
                engine(ClassificationSettings.ON, INSURANCE_PATTERN).plan("MEMBERINSURANCEID", key).decidedBy());
        assertEquals(ColumnPlan.DecidedBy.RULE, engine(ClassificationSettings.OFF, INSURANCE_PATTERN)
                .plan("PRIMARYPATIENTINSURANCEID", PAYER_REFERENCE).decidedBy());
    }

    @Test
    void aReferenceToAKeyARuleRemovesIsRemovedToo() throws Exception {
        ColumnInsight ref = new ColumnInsight(null, new ColumnInsight.Relation(ColumnInsight.Role.REFERENCE,
                "payer_transitions", "references payer_transitions.csv:MEMBERID", true));
        ColumnPlan plan = engine(ClassificationSettings.ON).plan("MEMBER", ref);
        assertEquals(ColumnPlan.DecidedBy.RELATION, plan.decidedBy());
        assertEquals(new ActionSpec.Remove(), plan.spec());
        assertEquals("relation:payer_transitions", plan.counterId());
        // ... and a header pattern that would remove it anyway stays in charge.
        assertEquals(ColumnPlan.DecidedBy.RULE,
                engine(ClassificationSettings.ON, INSURANCE_PATTERN).plan("MEMBERINSURANCEID", ref).decidedBy());
    }

    @Test
    void withClassificationOffTheDefaultDecides() throws Exception {
        ColumnPlan plan = engine(ClassificationSettings.OFF).plan("FIRST", NAMES);
        assertEquals(ColumnPlan.DecidedBy.DEFAULT, plan.decidedBy());
        assertEquals(new ActionSpec.ScrubText(), plan.spec());
    }
}
