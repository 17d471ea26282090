package org.deidworkbench.format.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Chinese, Japanese or Korean person name with a one-character part is also noted as those scripts write it,
 * family name first and no space, so that free text loses the whole name (decision 0079). Synthetic names.
 */
class CjkPersonNameTest {

    @Test
    void aOneCharacterGivenNameIsNotedWithItsFamilyName() {
        List<String> names = DatasetCleaner.readableNames("Hayakawa^Jun=早川^潤=はやかわ^じゅん");
        assertTrue(names.contains("早川潤"), "the ideographic group written together");
        assertFalse(names.contains("はやかわじゅん"), "a phonetic group of longer parts is found part by part");
    }

    @Test
    void twoOneCharacterPartsAreNotedTogether() {
        assertTrue(DatasetCleaner.readableNames("Wang^Fang=王^芳=").contains("王芳"));
    }

    @Test
    void namesOfLongerPartsOrOtherScriptsAreNotJoined() {
        assertEquals(List.of("花江 月影", "はなえ つきかげ"),
                DatasetCleaner.readableNames("=月影^花江=つきかげ^はなえ"));
        assertEquals(List.of("J Li"), DatasetCleaner.readableNames("Li^J"));
    }
}
