package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A built-in profile's FHIR expressions are not parsed by HAPI when a run loads it (that would load
 * HAPI's R4 model into runs without FHIR files): they are checked here instead, as a user's are.
 */
class BuiltInExpressionsTest {

    @Test
    void everyBuiltInPassesTheChecksAUsersProfileGets() {
        List<ProfileProblem> problems = ProfileLoader.checkBuiltIns();
        assertEquals(List.of(), problems, "a built-in profile has an expression HAPI does not accept");
    }

    @Test
    void theBuiltInTextWithABrokenExpressionIsRefusedWhenReadAsAUsersProfile() throws Exception {
        String text = ProfileLoader.builtInText("fhir-safe-harbor");
        String broken = text.replaceFirst("Device\\.serialNumber", "Device.serialNumbr")
                .replaceFirst("fhirpath: \"descendants\\(\\)", "fhirpath: \"descendants((\\)");
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(broken, "mine.yaml"));
        String messages = e.problems().toString();
        assertTrue(messages.contains("serialNumbr"), messages);
        assertTrue(messages.contains("invalid fhirpath"), messages);
    }
}
