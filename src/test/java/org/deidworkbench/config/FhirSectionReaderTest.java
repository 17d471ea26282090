package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;

/** The fhir: section is validated with the rest of the profile, before any data is read. */
class FhirSectionReaderTest {

    private static final String HEAD = "deid-profile: 1\nname: t\ndefault: {action: scrub-text}\n";

    private static ProfileProblem onlyProblem(String yaml) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(yaml, "t.yaml"));
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }

    private static FhirSection section(String yaml) throws ProfileException {
        return ProfileLoader.parse(yaml, "t.yaml").section(FhirSection.KEY, FhirSection.class).orElseThrow();
    }

    @Test
    void fhirPathThatDoesNotParseIsAProblemWithLineAndColumn() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  rules:\n    - id: bad\n      fhirpath: \"Patient.name.where(given = 'x'\"\n"
                + "      action: remove\n  default: {action: keep}\n");
        assertEquals(7, p.location().line());
        assertEquals(17, p.location().column());
        assertEquals("bad", p.ruleId());
        assertTrue(p.message().startsWith("invalid fhirpath: "), p.message());
        assertTrue(p.message().contains("(at line 1, column "), p.message());
    }

    @Test
    void unknownFunctionInFhirPathIsAProblem() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  rules:\n    - fhirpath: Patient.name.nonsense()\n"
                + "      action: remove\n  default: {action: keep}\n");
        assertTrue(p.message().contains("nonsense"), p.message());
    }

    @Test
    void unknownDataTypeIsAProblem() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  rules:\n    - type: HumanNmae\n      action: remove\n"
                + "  default: {action: keep}\n");
        assertTrue(p.message().contains("'HumanNmae' is not a FHIR R4 data type"), p.message());
    }

    @Test
    void elementTheTypeDoesNotHaveIsAProblem() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  rules:\n    - element: Address.zip\n      action: remove\n"
                + "  default: {action: keep}\n");
        assertTrue(p.message().contains("Address has no element 'zip'"), p.message());
    }

    /** Decision 0122: an imaging study's DICOM UIDs get the DICOM files' keyed UIDs; a reference's display by its path. */
    @Test
    void remapUidAndAReferencesDisplayByItsElementPathAreRules() throws Exception {
        FhirSection s = section(HEAD + "fhir:\n  rules:\n    - id: uid\n      elements: [ImagingStudy.series.uid]\n"
                + "      action: remap-uid\n    - id: who\n      element: Provenance.agent.who.display\n      action: remove\n"
                + "  default: {action: keep}\n");
        assertEquals(2, s.rules().size());
        assertEquals(org.deidworkbench.model.Action.REMAP_UID, s.rules().get(0).spec().action());
    }

    @Test
    void rulesWithoutDefaultIsAProblem() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  rules:\n    - type: HumanName\n      action: remove\n");
        assertTrue(p.message().contains("no 'default'"), p.message());
    }

    @Test
    void sectionReadsSelectorsInOrder() throws Exception {
        FhirSection s = section(HEAD + "fhir:\n  rules:\n    - id: a\n      types: [HumanName, ContactPoint]\n"
                + "      action: remove\n    - id: b\n      element: Address.postalCode\n      action: generalize\n"
                + "      kind: zip3\n    - id: c\n      fhirpath: Patient.birthDate\n      action: shift-date\n"
                + "  default: {action: scrub-text}\n");
        assertEquals(List.of(new FhirSelector.DataType("HumanName"), new FhirSelector.DataType("ContactPoint"),
                new FhirSelector.ElementName("Address", "postalCode"), new FhirSelector.FhirPath("Patient.birthDate")),
                s.rules().stream().map(r -> r.selector()).toList());
        assertEquals(new ActionSpec.ScrubText(), s.defaultSpec());
    }

    @Test
    void optionsOnlySectionKeepsTheBuiltInRules() throws Exception {
        FhirSection s = section(HEAD + "fhir:\n  dates: year\n  resource-ids: pseudonymize\n");
        FhirSection builtIn = ProfileLoader.builtIn("fhir-safe-harbor").section(FhirSection.KEY, FhirSection.class)
                .orElseThrow();
        assertEquals(builtIn.rules(), s.rules());
        assertTrue(s.yearOnlyDates());
        assertEquals(FhirSection.ResourceIds.PSEUDONYMIZE, s.resourceIds());
    }

    @Test
    void profileWithoutFhirSectionGetsTheBuiltInOne() throws Exception {
        Profile p = ProfileLoader.parse(HEAD, "t.yaml");
        assertEquals("built-in:fhir-safe-harbor", p.section(FhirSection.KEY, FhirSection.class).orElseThrow().source());
    }

    @Test
    void csvTemplateCarriesTheFhirSafeHarborSection() throws Exception {
        assertEquals(ProfileLoader.builtIn("fhir-safe-harbor").sections(), ProfileLoader.builtIn("csv-template").sections());
    }

    @Test
    void extensionsPolicyNeedsAnExplicitDefault() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  extensions:\n    keep: [http://x]\n");
        assertTrue(p.message().contains("explicit 'default: keep' or 'default: drop'"), p.message());
    }

    @Test
    void unknownDatesOptionIsAProblemWithASuggestion() {
        ProfileProblem p = onlyProblem(HEAD + "fhir:\n  dates: yaer\n");
        assertTrue(p.message().contains("did you mean 'year'"), p.message());
    }
}
