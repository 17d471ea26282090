package org.deidworkbench.deid;

/** Helpers of {@link TextFoldingTest}. */
final class TextFoldingTestSupport {

    private TextFoldingTestSupport() {
    }

    /** Whether the text holds a decimal digit of any script. */
    static boolean hasDigits(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }
}
