package org.deidworkbench.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known word closest to a misspelt one, for "did you mean" hints. */
final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate within a small edit distance (scaled to the word's length), if any. */
    static Optional<String> closest(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = t.length() <= 4 ? 1 : t.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(t, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean 'x'?)"}, or {@code " (expected one of: a, b, c)"} when nothing is close. */
    static String hint(String typed, Collection<String> candidates) {
        return closest(typed, candidates).map(c -> " (did you mean '" + c + "'?)")
                .orElseGet(() -> " (expected one of: " + String.join(", ", candidates) + ")");
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions, typical of typos. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
