package org.deidworkbench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The text of a built-in profile, for an editor to start from. */
class BuiltInTextTest {

    @Test
    void builtInTextParsesToTheBuiltInProfile() throws Exception {
        String text = ProfileLoader.builtInText("csv-template");
        assertEquals(ProfileLoader.builtIn("csv-template").rules(), ProfileLoader.parse(text, "built-in:csv-template").rules());
    }

    @Test
    void unknownBuiltInNameIsNotFound() {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.builtInText("csv-templat"));
        assertEquals(ProfileException.NOT_FOUND, e.code());
    }
}
