package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deid-report.json} says per file which rules decided it (decision 0006): a profile with CSV
 * rules only cleans CSV by its own rules and DICOM and FHIR by the built-in sections it was lent.
 */
class ReportRulesTest {

    /** A profile path with a name in it: the report must name the profile, never its path. */
    private static final String PROFILE_PATH = "/home/steward/brannigan-study/rules.yaml";

    @TempDir
    static Path dir;

    private static JsonNode report;

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(SampleData.CSV.resolve("patients.csv"), in.resolve("patients.csv"));
        Files.copy(Path.of("sample-data", "dicom", "100200", "ct_20220117", "IM0001.dcm"), in.resolve("IM0001.dcm"));
        Files.copy(Path.of("sample-data", "fhir", "patient-100268.xml"), in.resolve("patient.xml"));
        LoadedProfile profile = new LoadedProfile(ProfileLoader.parse("deid-profile: 1\nname: steward-rules\n"
                + "default: {action: remove}\n", PROFILE_PATH), "test");
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, "correct horse battery".toCharArray(),
                profile, 1), RunListener.NONE).run();
        report = new ObjectMapper().readTree(out.resolve(RunJob.REPORT).toFile());
    }

    private static Map<String, String> rulesByFormat() {
        Map<String, String> rules = new TreeMap<>();
        report.get("fileResults").forEach(f -> rules.put(f.get("format").asText(), f.get("rules").asText()));
        return rules;
    }

    @Test
    void eachFileNamesTheRulesThatDecidedIt() {
        assertEquals(Map.of("CSV", "profile:steward-rules", "DICOM", "built-in:dicom-basic",
                "FHIR_XML", "built-in:fhir-safe-harbor"), rulesByFormat());
    }

    @Test
    void theReportNamesTheProfileNotItsPath() {
        assertFalse(report.toString().contains("brannigan-study"));
    }
}
