package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ValueStats#words}: the words of a sampled value, as the whitespace pattern split them. */
class ValueStatsWordsTest {

    @Test
    void splitsStrippedValuesAsThePatternDoes() {
        String alphabet = "ab Z1,.\t\n\u000b\f\r\u00a0\u2003\u001c\u0085é";
        Random r = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + r.nextInt(14);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String v = b.toString().strip(); // as ValueStats.add strips each value
            if (v.isEmpty()) {
                continue;
            }
            assertArrayEquals(ValueStats.WHITESPACE.split(v), ValueStats.words(v),
                    () -> "for " + v.codePoints().mapToObj(Integer::toHexString).toList());
        }
    }
}
