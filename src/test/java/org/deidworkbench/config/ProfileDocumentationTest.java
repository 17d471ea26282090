package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.Rule;
import org.junit.jupiter.api.Test;

/** The complete example in profiles.md is kept in a test resource and loads to the documented profile. */
class ProfileDocumentationTest {

    private static final Path DOC = Path.of("src/site/markdown/profiles.md");

    /** The first {@code ```yaml} block after the "Complete example" heading. */
    private static String exampleFromDoc() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int section = doc.indexOf("## Complete example");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        int end = doc.indexOf("```", start);
        return doc.substring(start, end);
    }

    private static String exampleResource() throws IOException {
        try (InputStream in = ProfileDocumentationTest.class.getResourceAsStream("example-profile.yaml")) {
            assertNotNull(in, "example-profile.yaml test resource");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void docExampleEqualsTheTestCopy() throws IOException {
        assertEquals(exampleResource(), exampleFromDoc());
    }

    @Test
    void docExampleLoadsToTheDocumentedProfile() throws Exception {
        Profile p = ProfileLoader.parse(exampleFromDoc(), "my-export.yaml");
        assertEquals("my-export", p.name());
        assertEquals(List.of("patient_id", "mrn"), p.subject().csvColumns());
        assertEquals(new DateShiftSettings(-180, 180), p.dateShift());
        assertEquals(List.of("subject", "subject", "names", "study-code", "site", "birth", "dates", "zip", "phone",
                "lab", "lab", "lab", "notes"), p.rules().stream().map(Rule::id).toList());
        assertEquals(new ActionSpec.Pseudonymize("patient",
                new PseudonymFormat(PseudonymFormat.Encoding.BASE32, 12, "PAT-", true)), p.rules().get(0).spec());
        assertEquals(new FieldSelector.ColumnName("mrn"), p.rules().get(1).selector());
        assertEquals(FieldSelector.ColumnPattern.of("(first|last)_?name"), p.rules().get(2).selector());
        assertEquals(new ActionSpec.Encrypt("study-code", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"), p.rules().get(3).spec());
        assertEquals(new ActionSpec.Replace("SITE"), p.rules().get(4).spec());
        assertEquals(new ActionSpec.Generalize(Generalization.BIRTH_YEAR), p.rules().get(5).spec());
        assertEquals("DOB", p.rules().get(5).label());
        assertEquals(new ActionSpec.Empty(), p.rules().get(8).spec());
        assertEquals(new ActionSpec.ScrubText(), p.defaultSpec());
    }

    @Test
    void docExplainTableMatchesTheExplainer() throws Exception {
        Profile p = ProfileLoader.parse(exampleFromDoc(), "my-export.yaml");
        List<ColumnDecision> ds = ProfileExplainer.explain(p,
                List.of("patient_id", "first_name", "visit_date", "lab_value", "comment"));
        String doc = Files.readString(DOC, StandardCharsets.UTF_8).replace("\\|", "|");
        for (ColumnDecision d : ds) {
            String row = "| " + d.spec().action().yamlName() + " | `" + d.reason() + "` |";
            assertTrue(doc.contains(row), () -> "profiles.md lacks the explain row " + row);
        }
    }
}
