package org.deidworkbench.deid;

/** Helpers of the scrubber's tests of texts in other scripts and forms ({@link TextFoldingTest} and others). */
final class TextFoldingTestSupport {

    private TextFoldingTestSupport() {
    }

    /** A scrubber that knows each value, to be replaced by the replacement after it. */
    static TextScrubber scrubberKnowing(String... valueThenReplacement) {
        KnownIdentifiers ids = new KnownIdentifiers();
        for (int i = 0; i < valueThenReplacement.length; i += 2) {
            ids.add(valueThenReplacement[i], valueThenReplacement[i + 1]);
        }
        return new TextScrubber(ids.snapshot());
    }

    /** Whether the text holds a decimal digit of any script. */
    static boolean hasDigits(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }
}
