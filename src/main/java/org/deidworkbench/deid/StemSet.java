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

    private StemSet(List<String> stems) {
        List<List<String>> byFirst = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            byFirst.add(new ArrayList<>());
        }
        List<String> others = new ArrayList<>();
        for (String s : stems) {
            String folded = fold(s);
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
        wide = others.toArray(String[]::new);
        wideFirst = new char[wide.length];
        for (int k = 0; k < wide.length; k++) {
            wideFirst[k] = wide[k].charAt(0);
        }
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
