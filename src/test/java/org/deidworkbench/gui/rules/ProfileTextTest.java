package org.deidworkbench.gui.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.DicomRedaction;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.SourceLocation;
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

    private static final DicomRedaction BAR = new DicomRedaction("bar", Optional.of("ACME"), Optional.empty(),
            Optional.of("US"), Optional.empty(), Optional.of(480), Optional.of(640),
            List.of(new DicomRedaction.Rectangle(0, 0, 640, 48)), new SourceLocation("", 0, 0));

    private static List<DicomRedaction> redactions(String yaml) throws Exception {
        return ProfileLoader.parse(yaml, "t").section(DicomSection.KEY, DicomSection.class).orElseThrow().redactions();
    }

    private static String dicomBasicSection() throws Exception {
        return ProfileText.dicomSection(ProfileLoader.builtInText("dicom-basic"));
    }

    @Test
    void aRedactionAddedToAProfileWithoutADicomSectionBringsTheLentSection() throws Exception {
        String edited = ProfileText.addRedaction(SMALL, i -> ProfileText.redactionItem(BAR, i), dicomBasicSection());
        Profile p = ProfileLoader.parse(edited, "t");
        DicomSection section = p.section(DicomSection.KEY, DicomSection.class).orElseThrow();
        assertEquals(List.of(new DicomRedaction.Rectangle(0, 0, 640, 48)), section.redactions().get(0).rectangles());
        assertEquals(ProfileLoader.builtIn("dicom-basic").section(DicomSection.KEY, DicomSection.class).orElseThrow()
                .options(), section.options());
        assertEquals(3, p.rules().size());
    }

    @Test
    void aRedactionIsAppendedToABlockListOfRedactions() throws Exception {
        String once = ProfileText.addRedaction(SMALL, i -> ProfileText.redactionItem(BAR, i), dicomBasicSection());
        DicomRedaction second = new DicomRedaction("second", Optional.empty(), Optional.empty(), Optional.of("XA"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), new SourceLocation("", 0, 0));
        String twice = ProfileText.addRedaction(once, i -> ProfileText.redactionItem(second, i), "");
        assertEquals(List.of("bar", "second"), redactions(twice).stream().map(DicomRedaction::id).toList());
    }

    @Test
    void aReplacedRedactionKeepsItsConditionsAndTakesTheNewRectangles() throws Exception {
        String once = ProfileText.addRedaction(SMALL, i -> ProfileText.redactionItem(BAR, i), dicomBasicSection());
        DicomRedaction read = redactions(once).get(0);
        DicomRedaction moved = new DicomRedaction(read.id(), read.manufacturer(), read.model(), read.modality(),
                read.sopClassUid(), read.rows(), read.columns(), List.of(new DicomRedaction.Rectangle(10, 400, 100, 80)),
                read.location());
        String edited = ProfileText.replaceItem(once, read.location().line(), i -> ProfileText.redactionItem(moved, i));
        DicomRedaction after = redactions(edited).get(0);
        assertEquals(List.of(new DicomRedaction.Rectangle(10, 400, 100, 80)), after.rectangles());
        assertEquals(Optional.of("ACME"), after.manufacturer());
        assertEquals(Optional.of(640), after.columns());
    }

    @Test
    void aRedactionWithoutRectanglesIsWrittenAsAnEmptyList() throws Exception {
        DicomRedaction none = new DicomRedaction("checked", Optional.empty(), Optional.empty(), Optional.of("US"),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), new SourceLocation("", 0, 0));
        String edited = ProfileText.addRedaction(SMALL, i -> ProfileText.redactionItem(none, i), dicomBasicSection());
        assertEquals(List.of(), redactions(edited).get(0).rectangles());
    }

    @Test
    void aDicomSectionWithoutARedactionsKeyGetsOne() throws Exception {
        String text = SMALL + "dicom:\n  options: {clean-pixel-data: true}\n";
        assertEquals("bar", redactions(ProfileText.addRedaction(text, i -> ProfileText.redactionItem(BAR, i), ""))
                .get(0).id());
    }

    @Test
    void aNonEmptyFlowListOfRedactionsIsLeftAlone() {
        String text = SMALL + "dicom:\n  options: {clean-pixel-data: true}\n  redactions: [{id: a, when: {modality: US},"
                + " rectangles: []}]\n";
        assertEquals(text, ProfileText.addRedaction(text, i -> ProfileText.redactionItem(BAR, i), ""));
    }
}
