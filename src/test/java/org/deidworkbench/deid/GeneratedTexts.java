package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random texts for the differential tests of decision 0145 (a hand-written scan against the pattern it replaced):
 * mixes of the given cue words in random case, digits in runs and groups, capitals, punctuation, whitespace and
 * letters beyond ASCII whose case folding differs between ASCII and Unicode. Synthetic; a fixed seed per test.
 */
final class GeneratedTexts {

    private static final String[] PIECES = {" ", " ", " ", "  ", "\t", "\n", "\u000B", "\u00A0", ".", ",", ":", "#", "-", "/",
        "(", ")", "|", "\\", "\\F\\", "+", "_", "'", "é", "É", "ë", "Ë", "ę", "Ę", "ó", "Ó", "\u212A", "\u0130", "\u0131",
        "\u017F", "ß", "ü", "ł", "Ł", "电话", "手机", "전화", "연락처", "٣", "a", "e", "i", "n", "r", "s", "t", "x", "Z", "X", "A",
        "B", "K", "N", "P", "T", "V", "Q", "W", "zł", "mg", "€"};

    private GeneratedTexts() {
    }

    /** {@code count} texts of up to {@code maxPieces} pieces each. */
    static List<String> of(long seed, int count, int maxPieces, String... cues) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int t = 0; t < count; t++) {
            StringBuilder b = new StringBuilder();
            int pieces = 1 + r.nextInt(maxPieces);
            for (int p = 0; p < pieces; p++) {
                switch (r.nextInt(7)) {
                    case 0, 1 -> b.append(randomCase(r, cues[r.nextInt(cues.length)]));
                    case 2 -> b.append(digits(r, 1 + r.nextInt(r.nextBoolean() ? 4 : 12)));
                    case 3 -> b.append(digits(r, 1 + r.nextInt(4))).append(" -.".charAt(r.nextInt(3)))
                            .append(digits(r, 1 + r.nextInt(5)));
                    case 4 -> b.append((char) ('A' + r.nextInt(26)));
                    case 5 -> b.append((char) ('a' + r.nextInt(26)));
                    default -> b.append(PIECES[r.nextInt(PIECES.length)]);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < n; k++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    /** The word in lower case, capitals, or with each letter's case drawn. */
    private static String randomCase(Random r, String s) {
        return switch (r.nextInt(3)) {
            case 0 -> s;
            case 1 -> s.toUpperCase(java.util.Locale.ROOT);
            default -> {
                StringBuilder b = new StringBuilder();
                for (char c : s.toCharArray()) {
                    b.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                }
                yield b.toString();
            }
        };
    }
}
