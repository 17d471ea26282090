package org.deidworkbench.deid.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Person-name tokens of several languages (the Datafaker name lists, decision 0015): which tokens are
 * first or last names, and which of them are also ordinary words ("May", "Hope", "Sommer", "Koch")
 * and so count as names in text only with context; and ordinary words themselves (about 8,000 English
 * and German words), which free text keeps. Loaded once; immutable and thread-safe.
 */
public final class NameDictionary {

    private static final int FIRST = 1;
    private static final int LAST = 2;
    private static final int WORD = 4;

    private static final NameDictionary INSTANCE = load();

    private final Map<String, Integer> tokens;
    private final java.util.Set<String> words;

    private NameDictionary(Map<String, Integer> tokens, java.util.Set<String> words) {
        this.tokens = tokens;
        this.words = words;
    }

    /** The dictionary shipped with deid. */
    public static NameDictionary get() {
        return INSTANCE;
    }

    private static NameDictionary load() {
        Map<String, Integer> map = new HashMap<>(1 << 15);
        for (String line : lines("person-names.tsv")) {
            String[] f = line.split("\t");
            int flags = (f[1].indexOf('F') >= 0 ? FIRST : 0) | (f[1].indexOf('L') >= 0 ? LAST : 0)
                    | (f.length > 2 && f[2].equals("W") ? WORD : 0);
            map.put(f[0], flags);
        }
        return new NameDictionary(Map.copyOf(map), java.util.Set.copyOf(lines("common-words.txt")));
    }

    /** The lines of a resource beside this class, without blank lines and {@code #} comments. */
    private static List<String> lines(String resource) {
        List<String> out = new ArrayList<>();
        try (InputStream in = NameDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isEmpty() && line.charAt(0) != '#') {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Whether the (upper-case) token is an ordinary English or German word ("GENERAL", "VISIT", "HILL"). */
    public boolean isCommonWord(String token) {
        return words.contains(token);
    }

    /** Whether the (upper-case) token is a first or last name. */
    public boolean isName(String token) {
        return tokens.containsKey(token);
    }

    /** Whether the token is a name and not also an ordinary word: a name in text without context. */
    public boolean isUnambiguousName(String token) {
        Integer f = tokens.get(token);
        return f != null && (f & WORD) == 0;
    }

    /** Whether the token is a first name. */
    public boolean isFirstName(String token) {
        Integer f = tokens.get(token);
        return f != null && (f & FIRST) != 0;
    }

    /** Whether the token is a last name. */
    public boolean isLastName(String token) {
        Integer f = tokens.get(token);
        return f != null && (f & LAST) != 0;
    }

    /** Number of tokens known. */
    public int size() {
        return tokens.size();
    }

    /**
     * The name tokens of a text: runs of letters (with their combining marks), NFKC, upper case,
     * the form the dictionary is written in.
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isLetter(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            out.add(normalize(text.substring(start, i)));
        }
        return out;
    }

    static boolean isLetter(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** NFKC upper case, as dictionary entries are written. */
    public static String normalize(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                return Normalizer.normalize(token, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
            }
        }
        return token.toUpperCase(Locale.ROOT);
    }
}
