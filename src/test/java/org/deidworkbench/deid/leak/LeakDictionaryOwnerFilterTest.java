package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The owner filter in front of the anchor filter's blocks (decision 0094): at its largest (a dictionary of as many
 * anchors as a real key file of half a million originals, where it is most full) it still lets through the token of
 * every anchor, so every original in output is still found, and it turns away most tokens that own none (else it reads
 * nothing less than before).
 */
class LeakDictionaryOwnerFilterTest {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ0123456789";

    private static String word(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    private static String code(Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /**
     * Originals of every kind of anchor: a long token alone, two long tokens, a long token then a short one (the pair
     * in the long token's block), short tokens only (the exact pair set), numbers and dates.
     */
    private static String original(Random r, int i) {
        return switch (i % 6) {
            case 0 -> word(r, 5 + r.nextInt(6)) + " " + word(r, 5 + r.nextInt(6));
            case 1 -> word(r, 6 + r.nextInt(5));
            case 2 -> word(r, 7) + " " + code(r, 1 + r.nextInt(2));
            case 3 -> code(r, 2) + "-" + code(r, 2) + "-" + code(r, 1);
            case 4 -> Integer.toString(10_000_000 + r.nextInt(89_999_999));
            default -> (1920 + r.nextInt(90)) + "-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(9);
        };
    }

    private static final int ORIGINALS = 400_000;

    private static List<String> originals;
    private static LeakDictionary d;

    @BeforeAll
    static void dictionary() {
        Random r = new Random(94);
        originals = new ArrayList<>();
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        for (int i = 0; i < ORIGINALS; i++) {
            originals.add(original(r, i));
            b.add(originals.get(i), "source " + (i % 3));
        }
        d = b.build();
    }

    @Test
    void everyOriginalIsStillFoundWithTheFilterAtItsFullest() {
        Random r = new Random(96);
        int missed = 0;
        int[] missedByShape = new int[6];
        for (int i = 0; i < originals.size(); i += 37) {
            List<LeakScanner.Hit> hits = new ArrayList<>();
            LeakScanner s = new LeakScanner(d, Set.of(), false, hits::add);
            // among tokens of output that own no anchor, before and after
            s.value(code(r, 12) + " seen " + originals.get(i) + " " + code(r, 10) + " ok", () -> "value");
            if (hits.stream().noneMatch(h -> h.kind() == LeakScanner.Kind.ORIGINAL)) {
                missed++;
                missedByShape[i % 6]++; // the shape, never the value
            }
        }
        assertEquals(0, missed, "missed by shape " + java.util.Arrays.toString(missedByShape));
    }

    @Test
    void mostTokensThatOwnNoAnchorAreTurnedAway() {
        Random r = new Random(95);
        int passed = 0;
        int tokens = 100_000;
        for (int i = 0; i < tokens; i++) {
            passed += d.mayOwn(LeakDictionary.fix(Fold.wordHash(code(r, 12)))) ? 1 : 0;
        }
        assertTrue(passed < tokens / 2, passed + " of " + tokens + " random tokens passed");
        // the token of a one-word original owns its anchor
        assertTrue(d.mayOwn(LeakDictionary.fix(Fold.wordHash(originals.get(1)))));
    }
}
