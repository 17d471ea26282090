package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Arbitrary text given as a profile either loads or fails with a {@link ProfileException} that
 * names at least one located problem; no other exception escapes. Regression mode runs the seeds
 * in {@code ProfileLoaderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} explores further (at most 30 s).
 */
class ProfileLoaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void arbitraryTextLoadsOrFailsWithLocatedProblems(FuzzedDataProvider data) {
        // Column patterns are regexes by design (profiles are trusted configuration); without this,
        // Jazzer's regex-injection sanitizer reports every invalid pattern the fuzzer writes. Regex
        // validation itself is covered by ProfileValidationTest.
        String yaml = data.consumeRemainingAsString().replace("column-pattern", "column");
        try {
            assertNotNull(ProfileLoader.parse(yaml, "fuzz.yaml").name());
        } catch (ProfileException e) {
            List<ProfileProblem> problems = e.problems();
            assertFalse(problems.isEmpty());
            for (ProfileProblem p : problems) {
                assertNotNull(p.location());
                assertFalse(p.message().isBlank());
            }
        }
    }
}
