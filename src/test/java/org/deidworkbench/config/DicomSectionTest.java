package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomRule;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.DicomSelector;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;
import org.junit.jupiter.api.Test;

/** The dicom: section of a profile: schema, selectors, and what is refused because it makes no sense for DICOM. */
class DicomSectionTest {

    private static final String HEAD = "deid-profile: 1\nname: t\ndefault: {action: remove}\n";

    private static Profile parse(String yaml) throws ProfileException {
        return ProfileLoader.parse(HEAD + yaml, "t.yaml");
    }

    private static DicomSection section(String yaml) throws ProfileException {
        return parse(yaml).section(DicomSection.KEY, DicomSection.class).orElseThrow();
    }

    private static String problems(String yaml) {
        ProfileException e = assertThrows(ProfileException.class, () -> parse(yaml));
        return e.problems().toString();
    }

    private static String rule(String selector, String action) {
        return "dicom:\n  rules:\n    - id: r\n      " + selector + "\n      action: " + action + "\n";
    }

    @Test
    void aProfileWithoutADicomSectionGetsTheBuiltInOne() throws ProfileException {
        DicomSection s = ProfileLoader.builtIn("csv-template").section(DicomSection.KEY, DicomSection.class).orElseThrow();
        assertEquals("built-in:dicom-basic", s.source());
        assertTrue(s.has(DicomOption.RETAIN_LONGITUDINAL_MODIFIED_DATES));
    }

    @Test
    void theProfilesOwnSectionReplacesTheBuiltInOne() throws ProfileException {
        DicomSection s = section("dicom:\n  options: {retain-uids: true}\n");
        assertEquals("t.yaml", s.source());
        assertEquals(java.util.Set.of(DicomOption.RETAIN_UIDS), s.options());
        assertEquals(List.of(), s.rules());
    }

    @Test
    void everyOneOfTheTwelveOptionsIsASwitch() throws ProfileException {
        StringBuilder y = new StringBuilder("dicom:\n  options:\n");
        for (DicomOption o : DicomOption.values()) {
            if (o != DicomOption.RETAIN_LONGITUDINAL_FULL_DATES) {
                y.append("    ").append(o.yamlName()).append(": true\n");
            }
        }
        assertEquals(DicomOption.values().length - 1, section(y.toString()).options().size());
    }

    @Test
    void anUnknownOptionIsRefusedWithASuggestion() {
        assertTrue(problems("dicom:\n  options: {retain-uid: true}\n").contains("retain-uids"));
    }

    @Test
    void fullAndModifiedDatesTogetherAreRefused() {
        assertTrue(problems("dicom:\n  options: {retain-longitudinal-full-dates: true,"
                + " retain-longitudinal-modified-dates: true}\n").contains("exclude each other"));
    }

    @Test
    void aKeywordSelectsTheAttributeAtAnyDepth() throws ProfileException {
        DicomRule r = section(rule("keyword: StudyDescription", "scrub-text")).rules().get(0);
        DicomSelector.Attribute a = assertInstanceOf(DicomSelector.Attribute.class, r.selector());
        assertEquals(0x00081030, ((DicomSelector.TagStep) a.step()).value());
    }

    @Test
    void anUnknownKeywordIsRefused() {
        assertTrue(problems(rule("keyword: StudyDescripton", "remove")).contains("unknown DICOM keyword"));
    }

    @Test
    void aRepeatingGroupTagTakesAMask() throws ProfileException {
        DicomRule r = section(rule("tag: \"(60xx,4000)\"", "remove")).rules().get(0);
        DicomSelector.TagStep t = (DicomSelector.TagStep) ((DicomSelector.Attribute) r.selector()).step();
        assertTrue(t.matches(0x60024000) && !t.matches(0x60024001));
    }

    @Test
    void aPrivateTagIsRefusedAsATagBecauseItsBlockDiffersPerFile() {
        assertTrue(problems(rule("tag: \"(0029,1010)\"", "keep")).contains("private: {creator, group, element}"));
    }

    @Test
    void aPrivateSelectorNamesCreatorGroupAndElement() throws ProfileException {
        DicomRule r = section(rule("private: {creator: \"SIEMENS CSA HEADER\", group: \"0029\", element: \"10\"}",
                "keep")).rules().get(0);
        DicomSelector.PrivateStep p = (DicomSelector.PrivateStep) ((DicomSelector.Attribute) r.selector()).step();
        assertTrue(p.matches(0x0029, "SIEMENS CSA HEADER ", 0x10));
    }

    @Test
    void aPathNestsThroughSequencesWithWildcards() throws ProfileException {
        DicomRule r = section(rule("path: ContentSequence/**/TextValue", "remove")).rules().get(0);
        assertEquals("path ContentSequence/**/TextValue", r.selector().describe());
    }

    @Test
    void aPathThroughAnElementThatIsNoSequenceIsRefused() {
        assertTrue(problems(rule("path: PatientName/PatientID", "remove")).contains("not a sequence"));
    }

    @Test
    void thePatientIdCannotBeSelectedBecauseItIsTheSubject() {
        assertTrue(problems(rule("keyword: PatientID", "keep")).contains("subject id"));
    }

    @Test
    void removingATypeTwoAttributeIsRefusedUnlessTheRuleSaysSo() throws ProfileException {
        assertTrue(problems(rule("keyword: PatientName", "remove")).contains("Type 2"));
        String allowed = rule("keyword: PatientName", "remove") + "      allow-non-conformant: true\n";
        assertInstanceOf(ActionSpec.Remove.class, section(allowed).rules().get(0).spec());
    }

    @Test
    void emptyingATypeOneAttributeIsRefused() {
        assertTrue(problems(rule("keyword: Modality", "empty")).contains("Type 1"));
    }

    @Test
    void emptyingATypeTwoAttributeIsAllowed() throws ProfileException {
        assertInstanceOf(ActionSpec.Empty.class, section(rule("keyword: PatientName", "empty")).rules().get(0).spec());
    }

    @Test
    void shiftingADateOnANameIsRefused() {
        assertTrue(problems(rule("keyword: PatientName", "shift-date")).contains("has VR PN"));
    }

    @Test
    void remappingSomethingThatIsNoUidIsRefused() {
        assertTrue(problems(rule("keyword: StudyDate", "remap-uid")).contains("UIDs (VR UI)"));
    }

    @Test
    void remapUidIsUsableOnUids() throws ProfileException {
        assertInstanceOf(ActionSpec.RemapUid.class, section(rule("keyword: FrameOfReferenceUID", "remap-uid"))
                .rules().get(0).spec());
    }

    @Test
    void aPseudonymTooLongForTheVrIsRefused() {
        assertTrue(problems(rule("keyword: AccessionNumber", "pseudonymize\n      domain: accession\n      format:"
                + " {length: 20}")).contains("longer than VR SH allows (16)"));
    }

    @Test
    void ageBandsAreRefusedBecauseNoVrHoldsThem() {
        assertTrue(problems(rule("keyword: PatientAge", "generalize\n      kind: age-band")).contains("kind year"));
    }

    @Test
    void aRuleWithoutFormatAdoptsTheFormatTheCsvRulesGiveItsDomain() throws ProfileException {
        String yaml = "rules:\n  - {id: acc, column: accession, action: pseudonymize, domain: accession,"
                + " format: {encoding: digits, length: 10}}\n"
                + rule("keyword: AccessionNumber", "pseudonymize\n      domain: accession");
        ActionSpec.Pseudonymize p = (ActionSpec.Pseudonymize) section(yaml).rules().get(0).spec();
        assertEquals(PseudonymFormat.Encoding.DIGITS, p.format().encoding());
    }

    @Test
    void twoFormatsForOneDomainAreRefused() {
        String yaml = "rules:\n  - {id: acc, column: accession, action: pseudonymize, domain: accession,"
                + " format: {encoding: digits, length: 10}}\n"
                + rule("keyword: AccessionNumber", "pseudonymize\n      domain: accession\n      format: {length: 12}");
        assertTrue(problems(yaml).contains("one domain needs one format"));
    }

    @Test
    void redactionsNeedTheCleanPixelDataOption() {
        assertTrue(problems("dicom:\n  redactions:\n    - {id: a, when: {modality: US},"
                + " rectangles: [{x: 0, y: 0, width: 10, height: 10}]}\n").contains("clean-pixel-data"));
    }

    @Test
    void aRedactionNamesItsImagesAndRectangles() throws ProfileException {
        DicomSection s = section("dicom:\n  options: {clean-pixel-data: true}\n  redactions:\n"
                + "    - {id: a, when: {manufacturer: ACME, rows: 480, columns: 640},"
                + " rectangles: [{x: 0, y: 0, width: 640, height: 40}]}\n");
        assertEquals(640, s.redactions().get(0).rectangles().get(0).width());
        assertEquals(java.util.Optional.of(480), s.redactions().get(0).rows());
    }

    @Test
    void aRedactionWithoutAnyHeaderConditionIsRefused() {
        assertTrue(problems("dicom:\n  options: {clean-pixel-data: true}\n  redactions:\n"
                + "    - {id: a, when: {rows: 10}, rectangles: []}\n").contains("at least one of"));
    }

    @Test
    void aRectangleOutsideTheSelectedImageIsRefused() {
        assertTrue(problems("dicom:\n  options: {clean-pixel-data: true}\n  redactions:\n"
                + "    - {id: a, when: {modality: US, rows: 10, columns: 10},"
                + " rectangles: [{x: 5, y: 0, width: 10, height: 1}]}\n").contains("outside"));
    }

    @Test
    void safePrivateEntriesAreRead() throws ProfileException {
        DicomSection s = section("dicom:\n  safe-private:\n    - {creator: ACME, group: \"0041\", element: \"xx10\"}\n");
        assertEquals(new DicomSection.PrivateElement("ACME", 0x41, 0x10), s.safePrivate().get(0));
    }

    @Test
    void problemsNameTheLineAndTheRule() {
        ProfileException e = assertThrows(ProfileException.class, () -> parse(rule("keyword: Nope", "remove")));
        assertEquals(7, e.problems().get(0).location().line());
        assertEquals("r", e.problems().get(0).ruleId());
    }
}
