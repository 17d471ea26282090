package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Fold#shortCode} numbers exactly the tokens of one or two ASCII letters or digits, each with its own number
 * (decision 0051: the scanner's bit set of short anchor pairs is exact only if no two tokens share one), and the
 * scanner's incremental form agrees with the builder's.
 */
class FoldShortCodeTest {

    @Test
    void everyShortTokenHasItsOwnCodeInRange() {
        Map<Integer, String> seen = new HashMap<>();
        StringBuilder alphabet = new StringBuilder();
        for (char c = 'A'; c <= 'Z'; c++) {
            alphabet.append(c);
        }
        String letters = alphabet.toString();
        String digits = "0123456789";
        for (String chars : List.of(letters, digits)) {
            for (int i = 0; i < chars.length(); i++) {
                String one = chars.substring(i, i + 1);
                record(seen, one);
                for (int j = 0; j < chars.length(); j++) {
                    record(seen, one + chars.charAt(j));
                }
            }
        }
        assertEquals(Fold.SHORT_CODES, seen.size());
    }

    private static void record(Map<Integer, String> seen, String token) {
        int code = Fold.shortCode(token);
        assertTrue(code >= 0 && code < Fold.SHORT_CODES, token + " -> " + code);
        String before = seen.put(code, token);
        assertEquals(null, before, "two tokens with code " + code);
        int lastTwo = token.length() == 1 ? token.charAt(0) : token.charAt(0) << 16 | token.charAt(1);
        // the scanner keeps the previous token's units above: they must not matter for a one-unit token
        assertEquals(code, Fold.shortCode(token.length(), token.length() == 1 ? 0x5A0000 | lastTwo : lastTwo));
    }

    @Test
    void otherTokensHaveNone() {
        for (String token : List.of("", "ABC", "12345", "Ø", "ØA", "ß", "a", "1A", "A1", "é", "\u0663")) {
            assertEquals(-1, Fold.shortCode(token), token);
        }
    }
}
