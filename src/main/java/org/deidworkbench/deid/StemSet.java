package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A set of literal stems looked for anywhere in a text, ASCII letters in either case, every other character as written:
 * what a {@code (?i)} alternation of literals matches (Java folds only ASCII without {@code UNICODE_CASE}), found by
 * one loop over the text's characters with a table from a stem's first character instead of a regular expression that
 * tries every alternative at every position (decision 0145). Immutable and thread-safe; linear in the text.
 */
final class StemSet {

    /** The stems by their first character, folded, for the first 128 characters. */
    private final String[][] ascii = new String[128][];
    /** The stems whose first character is beyond ASCII, and those characters, in the same order. */
    private final String[] wide;
    private final char[] wideFirst;
    /** The same three, the stems folded as a {@code (?iu)} pattern folds them ({@link #foldAnyCase}). */
    private final String[][] anyCaseAscii = new String[128][];
    private final String[] anyCaseWide;
    private final char[] anyCaseWideFirst;

    private StemSet(List<String> stems) {
        wide = table(stems, StemSet::fold, ascii);
        wideFirst = firsts(wide);
        anyCaseWide = table(stems, StemSet::foldAnyCase, anyCaseAscii);
        anyCaseWideFirst = firsts(anyCaseWide);
    }

    /** Fills {@code ascii} with the folded stems by their first character below 128; the others, returned. */
    private static String[] table(List<String> stems, java.util.function.UnaryOperator<String> folding, String[][] ascii) {
        List<List<String>> byFirst = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            byFirst.add(new ArrayList<>());
        }
        List<String> others = new ArrayList<>();
        for (String s : stems) {
            String folded = folding.apply(s);
            if (folded.charAt(0) < 128) {
                byFirst.get(folded.charAt(0)).add(folded);
            } else {
                others.add(folded);
            }
        }
        for (int c = 0; c < 128; c++) {
            if (!byFirst.get(c).isEmpty()) {
                ascii[c] = byFirst.get(c).toArray(String[]::new);
            }
        }
        return others.toArray(String[]::new);
    }

    private static char[] firsts(String[] stems) {
        char[] out = new char[stems.length];
        for (int k = 0; k < stems.length; k++) {
            out[k] = stems[k].charAt(0);
        }
        return out;
    }

    /**
     * The set of the given stems, each a literal in which {@code [xyz]} stands for one of its characters, {@code ?}
     * makes the character before it optional and {@code \s} stands for one of Java's whitespace characters
     * ({@code [ \t\n\x0B\f\r]}); each is expanded into the literals it stands for.
     */
    static StemSet of(String... stems) {
        List<String> literals = new ArrayList<>();
        for (String s : stems) {
            expand(s, 0, new StringBuilder(), literals);
        }
        return new StemSet(literals);
    }

    private static void expand(String s, int i, StringBuilder prefix, List<String> out) {
        if (i == s.length()) {
            out.add(prefix.toString());
            return;
        }
        List<String> choices;
        int next;
        char c = s.charAt(i);
        if (c == '[') {
            int close = s.indexOf(']', i);
            choices = new ArrayList<>();
            for (char k : s.substring(i + 1, close).toCharArray()) {
                choices.add(String.valueOf(k));
            }
            next = close + 1;
        } else if (c == '\\' && s.charAt(i + 1) == 's') {
            choices = List.of(" ", "\t", "\n", "\u000B", "\f", "\r");
            next = i + 2;
        } else {
            choices = List.of(String.valueOf(c));
            next = i + 1;
        }
        if (next < s.length() && s.charAt(next) == '?') {
            choices = new ArrayList<>(choices);
            choices.add("");
            next++;
        }
        for (String choice : choices) {
            int length = prefix.length();
            prefix.append(choice);
            expand(s, next, prefix, out);
            prefix.setLength(length);
        }
    }

    /** Whether one of the stems occurs in the text. */
    boolean in(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String[] candidates;
            if (c < 128) {
                candidates = ascii[fold(c)];
                if (candidates == null) {
                    continue;
                }
                for (String s : candidates) {
                    if (startsAt(text, i, s)) {
                        return true;
                    }
                }
            } else {
                for (int k = 0; k < wideFirst.length; k++) {
                    if (wideFirst[k] == c && startsAt(text, i, wide[k])) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether one of the stems lies wholly within {@code [from, to)} of the text, its characters compared as a
     * {@code (?iu)} pattern compares them: the same after {@link #foldAnyCase}, or the character the stem has. True
     * wherever a pattern whose every alternative holds one of the stems can match within that span, in either case
     * folding: a test before such a pattern that never turns away a match.
     */
    boolean inAnyCase(CharSequence text, int from, int to) {
        for (int i = Math.max(0, from); i < to; i++) {
            char c = text.charAt(i);
            char f = foldAnyCase(c);
            if (startsAnyCase(text, i, to, f) || c != f && startsAnyCase(text, i, to, c)) {
                return true;
            }
        }
        return false;
    }

    private boolean startsAnyCase(CharSequence text, int i, int to, char first) {
        if (first < 128) {
            String[] candidates = anyCaseAscii[first];
            if (candidates != null) {
                for (String s : candidates) {
                    if (startsAnyCaseAt(text, i, to, s)) {
                        return true;
                    }
                }
            }
            return false;
        }
        for (int k = 0; k < anyCaseWideFirst.length; k++) {
            if (anyCaseWideFirst[k] == first && startsAnyCaseAt(text, i, to, anyCaseWide[k])) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsAnyCaseAt(CharSequence text, int i, int to, String stem) {
        int len = stem.length();
        if (i + len > to) {
            return false;
        }
        for (int j = 1; j < len; j++) {
            char c = text.charAt(i + j);
            if (c != stem.charAt(j) && foldAnyCase(c) != stem.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** A character as {@code (?iu)} compares it: the lower case of its upper case. */
    static char foldAnyCase(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static String foldAnyCase(String s) {
        char[] cs = s.toCharArray();
        for (int k = 0; k < cs.length; k++) {
            cs[k] = foldAnyCase(cs[k]);
        }
        return new String(cs);
    }

    private static boolean startsAt(CharSequence text, int i, String stem) {
        int len = stem.length();
        if (i + len > text.length()) {
            return false;
        }
        for (int j = 1; j < len; j++) {
            if (fold(text.charAt(i + j)) != stem.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** A capital ASCII letter in lower case, every other character as it is. */
    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 0x20) : c;
    }

    private static String fold(String s) {
        char[] cs = s.toCharArray();
        for (int k = 0; k < cs.length; k++) {
            cs[k] = fold(cs[k]);
        }
        return new String(cs);
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        for (String[] list : ascii) {
            if (list != null) {
                all.addAll(Arrays.asList(list));
            }
        }
        all.addAll(Arrays.asList(wide));
        return all.toString();
    }
}
