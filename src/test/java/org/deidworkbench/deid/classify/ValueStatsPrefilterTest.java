package org.deidworkbench.deid.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cheap test before the street-address pattern never turns away a value the pattern matches. */
class ValueStatsPrefilterTest {

    private static final String[] PIECES = {"12", "5", "221b", "7 a", " ", " ", "  ", "Main", "Oak", "Street", "St",
        "St.", "street", "AVENUE", "Ave", "Road", "Rd", "Lane", "Ln", "Drive", "Dr", "Court", "Ct", "Way", "Boulevard",
        "Blvd", "Place", "Pl", "Terrace", "Circle", "Parkway", "Pkwy", "Square", "Sq", "Highway", "Hwy", "Haupt",
        "straße", "strasse", "str.", "Str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer", "chaussee",
        "steig", "pfad", "Am", "an der", "An Der", "auf der", "Im", "in der", "zum", "ZUR", "Markt", "Linden", "ſt",
        "ſtraße", "x", "-", ",", "."};

    @Test
    void everyValueThePatternMatchesPassesThePrefilter() {
        Random random = new Random(11);
        int matched = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(7);
            for (int p = 0; p < n; p++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
                if (random.nextBoolean()) {
                    b.append(' ');
                }
            }
            String v = b.toString().strip();
            if (ValueStats.streetMatches(v)) {
                matched++;
                assertTrue(ValueStats.mayBeStreet(v), "a street address the prefilter turned away: " + v);
            }
        }
        assertTrue(matched > 1_000, "the generated values exercise the pattern (" + matched + " matched)");
    }
}
