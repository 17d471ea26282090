package org.deidworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link AsciiText#upperCase} is {@code toUpperCase(Locale.ROOT)}, on ids, names and text in any script. */
class AsciiTextTest {

    @Test
    void upperCaseIsTheJdksRootUpperCase() {
        String alphabet = "abcxyzABCXYZ0189-_ .:/@{}~\u007f\u00e9\u00df\u00ff\u0131\u0130\u017f\u212a\u4e2d\ud83d\ude00";
        Random random = new Random(12);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            boolean ascii = random.nextBoolean();
            for (int k = 0, n = random.nextInt(40); k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(ascii ? 26 : alphabet.length())));
            }
            String s = b.toString();
            assertEquals(s.toUpperCase(Locale.ROOT), AsciiText.upperCase(s), s);
        }
        assertEquals("EE4D0DEC-BD47-2885-13F0-E33FAB6B3F08", AsciiText.upperCase("ee4d0dec-bd47-2885-13f0-e33fab6b3f08"));
        assertEquals("STRASSE", AsciiText.upperCase("stra\u00dfe"));
    }

    @Test
    void aTextWithoutSmallLettersIsReturnedItself() {
        String id = "MRN-00458812";
        assertSame(id, AsciiText.upperCase(id));
    }
}
