package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Collections;
import java.util.List;
import java.util.Set;

class TextScrubberFuzzTest {

    /** Words of the pattern labels; an identifier made of them may legitimately reappear in the output. */
    private static final Set<String> LABEL_WORDS = Set.of("EMAIL", "URL", "IP", "SSN", "PHONE", "ZIP", "ADDRESS", "NAME",
            "ID", "DATE", "NUMBER");

    /**
     * Scrubbing never throws, whatever the text, and a known identifier written as a separate run of
     * words in the input never survives in the output.
     */
    @FuzzTest(maxDuration = "20s")
    void scrubNeverThrowsNorLeaksAKnownIdentifier(FuzzedDataProvider data) {
        String identifier = data.consumeString(24);
        String before = data.consumeString(80);
        int offset = data.consumeInt(-36_500, 36_500);
        String after = data.consumeRemainingAsString();
        String text = before + " " + identifier + " " + after;

        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add(identifier, "\u2588");
        TextScrubber scrubber = new TextScrubber(ids.snapshot());
        scrubber.scrub(text, offset == 0 ? null : new Subject("P", offset));
        String scrubbed = scrubber.scrub(text, null);

        List<String> idTokens = KnownIdentifiers.tokens(identifier);
        boolean known = !idTokens.isEmpty() && ids.replacement(String.join(" ", idTokens)) != null;
        if (known && Collections.disjoint(idTokens, LABEL_WORDS)
                && Collections.indexOfSubList(KnownIdentifiers.tokens(text), idTokens) >= 0) {
            assertFalse(Collections.indexOfSubList(KnownIdentifiers.tokens(scrubbed), idTokens) >= 0,
                    "a known identifier survived scrubbing");
        }
    }
}
