package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MatchersTest {

    private static final Pattern MRN = Pattern.compile("(?<![A-Z])MRN\\s*(\\d{6,})");

    /** Two users of one pattern at once each get a matcher of their own; one given back is reset for its next text. */
    @Test
    void aMatcherTakenTwiceIsTwoMatchersAndAGivenBackOneForgetsItsText() {
        Matcher a = Matchers.take(MRN, "MRN 123456 and MRN 654321");
        Matcher b = Matchers.take(MRN, "no number here");
        assertNotSame(a, b);
        assertTrue(a.find());
        assertFalse(b.find());
        assertTrue(a.find());
        assertEquals("654321", a.group(1));
        Matchers.giveBack(a);
        Matchers.giveBack(b);
        Matcher c = Matchers.take(MRN, "MRN 777777");
        assertTrue(c.find());
        assertEquals("777777", c.group(1));
        assertEquals(0, c.start());
        Matchers.giveBack(c);
    }

    /**
     * The scrubber finds the same in a text after another text's matchers were given back mid-way, and in the same text
     * scrubbed again (no state carried over from the earlier text).
     */
    @Test
    void scrubbingTheSameTextsInAnotherOrderGivesTheSameText() {
        TextScrubber s = new TextScrubber(new KnownIdentifiers());
        String[] texts = {
            "MRN: 00123456, seen 03/04/2021 by Dr. Quagmire, call 555-123-4567",
            "Medicare 2123 45670 1, IHI 8003 6012 3456 7897, Toronto ON M5V 3L9",
            "SNOMED 44054006 and NDC 00378018001 are codes; 92-year-old woman",
            "CPF 529.982.247-25, CEP 01304-001, (11) 98765-4321",
        };
        String[] first = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            first[i] = s.scrub(texts[i], new Subject("P1", 10), false);
        }
        for (int i = texts.length - 1; i >= 0; i--) {
            assertEquals(first[i], new TextScrubber(new KnownIdentifiers()).scrub(texts[i], new Subject("P1", 10), false));
            assertEquals(first[i], new TextScrubber(new KnownIdentifiers()).scrub(texts[i], new Subject("P1", 10)));
        }
        assertFalse(first[0].contains("00123456"));
        assertFalse(first[0].contains("555-123-4567"));
        assertTrue(first[2].contains("44054006"), first[2]);
    }
}
