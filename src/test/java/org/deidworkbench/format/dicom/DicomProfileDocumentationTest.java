package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomRule;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.FieldDecision;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complete DICOM example in profiles.md loads, means what the page says, and explains as shown. */
class DicomProfileDocumentationTest {

    private static final Path DOC = Path.of("src/site/markdown/profiles.md");

    @TempDir
    Path dir;

    private static String example() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int section = doc.indexOf("### Complete DICOM example");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static Profile profile() throws Exception {
        return ProfileLoader.parse(example(), "imaging-study.yaml");
    }

    @Test
    void theExampleLoadsWithItsRulesOptionsAndRedactions() throws Exception {
        DicomSection s = profile().section(DicomSection.KEY, DicomSection.class).orElseThrow();
        assertEquals("imaging-study.yaml", s.source());
        assertEquals(List.of("patient-name", "accession", "other-ids", "birth-year", "protocol", "frame-of-reference",
                "sr-text", "csa-header"), s.rules().stream().map(DicomRule::id).toList());
        assertTrue(s.has(DicomOption.CLEAN_PIXEL_DATA) && !s.has(DicomOption.RETAIN_UIDS));
        assertEquals(List.of("acme-ultrasound", "checked-secondary-captures"),
                s.redactions().stream().map(r -> r.id()).toList());
        assertEquals(1, s.safePrivate().size());
    }

    @Test
    void theAccessionNumberSharesTheCsvColumnsDomainAndFormat() throws Exception {
        Profile p = profile();
        DicomSection s = p.section(DicomSection.KEY, DicomSection.class).orElseThrow();
        assertEquals(p.rules().get(1).spec(), s.rules().get(1).spec());
        assertEquals(new ActionSpec.Pseudonymize("accession", org.deidworkbench.model.PseudonymFormat.DEFAULT),
                s.rules().get(1).spec());
    }

    @Test
    void theExplainRowsOnThePageAreWhatExplainSays() throws Exception {
        Dataset ds = DicomProcessorTest.ct();
        ds.putStrings(0x00080022, VR.DA, "20200315");
        Path file = dir.resolve("ct.dcm");
        new DicomWriter().write(new DicomFile(new Dataset(), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), file);
        DicomProcessor p = (DicomProcessor) new DicomFormat().processor(DicomProcessorTest.engine(profile()), false);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int rows = 0;
        for (FieldDecision d : p.explain(file)) {
            String row = "| `" + d.path() + "` " + d.name() + " | " + d.action() + " | `" + d.reason() + "` |";
            if (List.of("PatientName", "StudyDate", "AcquisitionDate").contains(d.name())) {
                assertTrue(doc.contains(row), () -> "profiles.md lacks the explain row " + row);
                rows++;
            }
        }
        assertEquals(3, rows);
    }
}
