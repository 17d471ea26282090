package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.deidworkbench.model.DicomOption;

class ConfidentialityProfileTest {

    private static final Path RESOURCE =
            Path.of("src/main/resources/org/deidworkbench/format/dicom/confidentiality-profile.tsv");
    private static final Path GENERATOR = Path.of("tools/dicom/generate_confidentiality_table.py");

    private final ConfidentialityProfile profile = ConfidentialityProfile.standard();

    private static Path requireSharedFolder() {
        return StandardData.requireSharedFolder();
    }

    private static Optional<ConfidentialityAction> act(ConfidentialityProfile p, int tag, DicomOption... options) {
        Set<DicomOption> set = EnumSet.noneOf(DicomOption.class);
        set.addAll(List.of(options));
        return p.action(tag, set);
    }

    @Test
    void generatorOutputEqualsCommittedResource() throws Exception {
        StandardData.assertGeneratorReproduces(GENERATOR, RESOURCE);
    }

    @Test
    void entryCountEqualsJsonCount() throws Exception {
        JsonNode json = new ObjectMapper().readTree(
                requireSharedFolder().resolve("dicom-standard/confidentiality_profile_attributes.json").toFile());
        assertEquals(json.size(), profile.entries().size());
    }

    @Test
    void everyJsonRowHasTheSameActionsInTheLoadedTable() throws Exception {
        JsonNode json = new ObjectMapper().readTree(
                requireSharedFolder().resolve("dicom-standard/confidentiality_profile_attributes.json").toFile());
        int checked = 0;
        for (JsonNode row : json) {
            String tag = row.get("tag").asText();
            if (tag.contains("X") || tag.contains("G")) {
                continue; // masks and the private row have their own tests
            }
            int value = Integer.parseUnsignedInt(tag.substring(1, 5) + tag.substring(6, 10), 16);
            ConfidentialityProfile.Entry entry = profile.entry(value).orElseThrow();
            assertEquals(row.get("basicProfile").asText(), entry.basicAction().code(), tag);
            for (DicomOption option : DicomOption.values()) {
                String column = option.tableColumn().orElse(null);
                String expected = column == null || !row.has(column) ? null : row.get(column).asText();
                ConfidentialityAction actual = entry.optionActions().get(option);
                assertEquals(expected, actual == null ? null : actual.code(), tag + " " + column);
            }
            checked++;
        }
        assertEquals(json.size() - 4, checked);
    }

    @Test
    void editionIs2024b() {
        assertEquals("2024b", profile.edition());
    }

    @Test
    void patientNameIsZ() {
        assertEquals(Optional.of(ConfidentialityAction.Z), profile.basicAction(0x00100010));
    }

    @Test
    void patientIdIsZOrDIn2024b() {
        // Table E.1-1 of 2024b lists Patient ID as Z/D (Type 2 versus Type 1), not plain Z.
        assertEquals(Optional.of(ConfidentialityAction.Z_D), profile.basicAction(0x00100020));
    }

    @Test
    void studyInstanceUidIsReplacedAndKeptWithRetainUids() {
        assertEquals(Optional.of(ConfidentialityAction.U), profile.basicAction(0x0020000D));
        assertEquals(Optional.of(ConfidentialityAction.K), act(profile, 0x0020000D, DicomOption.RETAIN_UIDS));
    }

    @Test
    void studyDateIsZKeptWithFullDatesCleanedWithModifiedDates() {
        assertEquals(Optional.of(ConfidentialityAction.Z), profile.basicAction(0x00080020));
        assertEquals(Optional.of(ConfidentialityAction.K),
                act(profile, 0x00080020, DicomOption.RETAIN_LONGITUDINAL_FULL_DATES));
        assertEquals(Optional.of(ConfidentialityAction.C),
                act(profile, 0x00080020, DicomOption.RETAIN_LONGITUDINAL_MODIFIED_DATES));
    }

    @Test
    void optionThatDoesNotConcernTheAttributeLeavesBasicAction() {
        assertEquals(Optional.of(ConfidentialityAction.Z),
                act(profile, 0x00100010, DicomOption.RETAIN_UIDS, DicomOption.CLEAN_PIXEL_DATA));
    }

    @Test
    void curveDataInAnyEvenRepeatingGroupIsRemoved() {
        assertEquals("Curve Data", profile.entry(0x50000000).orElseThrow().name());
        assertEquals("Curve Data", profile.entry(0x501E3000).orElseThrow().name());
        assertEquals(Optional.of(ConfidentialityAction.X), profile.basicAction(0x50023000));
        assertEquals(Optional.of(ConfidentialityAction.C), act(profile, 0x50023000, DicomOption.CLEAN_GRAPHICS));
    }

    @Test
    void overlayDataAndCommentsInEvenRepeatingGroupsAreRemoved() {
        assertEquals("Overlay Data", profile.entry(0x60003000).orElseThrow().name());
        assertEquals("Overlay Data", profile.entry(0x601E3000).orElseThrow().name());
        assertEquals("Overlay Comments", profile.entry(0x60024000).orElseThrow().name());
        assertEquals(Optional.of(ConfidentialityAction.X), profile.basicAction(0x60003000));
    }

    @Test
    void overlayAttributesNotInTheTableHaveNoAction() {
        assertEquals(Optional.empty(), profile.basicAction(0x60000010));
    }

    @Test
    void oddGroupsAreGovernedByThePrivateAttributesRow() {
        assertEquals("Private Attributes", profile.entry(0x00091001).orElseThrow().name());
        assertEquals("Private Attributes", profile.entry(0x00290010).orElseThrow().name());
        assertEquals("Private Attributes", profile.entry(0x60013000).orElseThrow().name());
        assertEquals(Optional.of(ConfidentialityAction.X), profile.basicAction(0x00091001));
        assertEquals(Optional.of(ConfidentialityAction.C),
                act(profile, 0x00091001, DicomOption.RETAIN_SAFE_PRIVATE));
    }

    @Test
    void unlistedStandardAttributeHasNoAction() {
        assertEquals(Optional.empty(), profile.basicAction(0x00080060)); // Modality
    }

    @Test
    void referencedImageSequenceResolvesToUidReplacementWithoutIod() {
        ConfidentialityAction action = profile.basicAction(0x00081140).orElseThrow();
        assertEquals(ConfidentialityAction.X_Z_U_STAR, action);
        assertEquals(ConfidentialityAction.U, action.resolveWithoutIod());
    }

    @Test
    void conflictingOptionOverridesTakeTheMoreProtectiveAction() {
        int calibrationDate = 0x0014407E;
        assertEquals(Optional.of(ConfidentialityAction.K),
                act(profile, calibrationDate, DicomOption.RETAIN_DEVICE_IDENTITY));
        assertEquals(Optional.of(ConfidentialityAction.C), act(profile, calibrationDate,
                DicomOption.RETAIN_DEVICE_IDENTITY, DicomOption.RETAIN_LONGITUDINAL_MODIFIED_DATES));
    }

    @Test
    void cleanDescriptorsCleansStudyDescription() {
        assertEquals(Optional.of(ConfidentialityAction.X), profile.basicAction(0x00081030));
        assertEquals(Optional.of(ConfidentialityAction.C),
                act(profile, 0x00081030, DicomOption.CLEAN_DESCRIPTORS));
    }

    @Test
    void entriesAreUnmodifiable() {
        assertThrows(UnsupportedOperationException.class, () -> profile.entries().clear());
    }

    @Test
    void standardIsCached() {
        assertTrue(ConfidentialityProfile.standard() == ConfidentialityProfile.standard());
    }

    @Test
    void truncatedTableIsRejected() throws IOException {
        String full = Files.readString(RESOURCE, StandardCharsets.UTF_8);
        String truncated = full.substring(0, full.lastIndexOf('\n', full.length() - 2) + 1);
        IOException e = assertThrows(IOException.class,
                () -> ConfidentialityProfile.parse(new StringReader(truncated), "t.tsv"));
        assertTrue(e.getMessage().contains("620 rows"), e.getMessage());
    }

    @Test
    void unknownActionIsRejectedNamingTheLine() {
        String table = "# edition\t2024b\n"
                + "tag\tname\tbasicProfile\trtnSafePrivOpt\trtnUIDsOpt\trtnDevIdOpt\trtnInstIdOpt\trtnPatCharsOpt"
                + "\trtnLongFullDatesOpt\trtnLongModifDatesOpt\tcleanDescOpt\tcleanStructContOpt\tcleanGraphOpt\tstdCompIOD\n"
                + "(0010,0010)\tPatient's Name\tQ\t\t\t\t\t\t\t\t\t\t\tY\n";
        IOException e = assertThrows(IOException.class,
                () -> ConfidentialityProfile.parse(new StringReader(table), "t.tsv"));
        assertEquals("t.tsv line 3: unknown basic profile action", e.getMessage());
    }
}
