package org.deidworkbench.deid;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.deidworkbench.deid.classify.NameDictionary;

/**
 * Identifier values seen in identifier fields anywhere in the export (names, MRNs, phone numbers),
 * each with its replacement, so that they can be found again in free text and file names.
 *
 * <p>Values are compared as sequences of tokens — runs of letters (with their combining marks) or
 * runs of digits, in Unicode NFKC and upper case — so {@code 555-201-3344} also matches
 * {@code 555.201.3344}, {@code SMITH, John} matches {@code John Smith}'s tokens one by one, an MRN
 * glued to letters ({@code CT123456}) is still found, and full-width digits or decomposed accents
 * match their ordinary forms. Purely numeric values need at least four digits and other values at
 * least two characters, so short codes do not erase ordinary text. Multi-word alphabetic values
 * (full names, cities) of up to three words also match rotated ("Smith, John" as "John Smith"),
 * and contribute each word that is not a common English word — only for name-like values (letters,
 * spaces, hyphens, apostrophes, commas, dots: not e-mail addresses or codes). When the same text has
 * two replacements, a whole value beats a word split out of a longer one, and otherwise the
 * lexicographically smallest wins, so the outcome never depends on the order in which files were
 * read.
 *
 * <p>Thread-safe for concurrent {@link #add}; a {@link #snapshot()} is what a run scrubs with, so
 * that additions during the transform pass cannot change text already being written.
 */
public final class KnownIdentifiers implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Longest identifier, in tokens, that is matched as one unit; longer values are ignored. */
    static final int MAX_TOKENS = 16;

    private static final Set<String> COMMON_WORDS = Set.of(
            "THE", "AND", "FOR", "WITH", "FROM", "INTO", "NEW", "OLD", "SAINT", "ST", "MOUNT", "MT", "FORT", "PORT",
            "NORTH", "SOUTH", "EAST", "WEST", "CITY", "TOWN", "VILLE", "LAKE", "RIVER", "PARK", "HILL", "HILLS",
            "VAN", "VON", "DE", "DI", "DA", "LA", "LE", "DEL", "DER", "MC", "MAC", "JR", "SR", "II", "III", "IV",
            "MR", "MRS", "MS", "DR", "MISS", "PROF", "OF", "IN", "ON", "AT", "TO", "A", "AN", "BY", "OR", "NO",
            "YES", "NOT", "IS", "WAS", "BE", "HE", "SHE", "HIS", "HER", "MAY", "WILL", "MARCH", "JUNE", "JULY",
            "AUGUST", "APRIL", "JANUARY", "UNKNOWN", "NONE", "NULL", "NA", "N", "Y", "M", "F", "MALE", "FEMALE",
            "PATIENT", "DOCTOR", "NURSE", "HOSPITAL", "CLINIC", "CENTER", "CENTRE", "MEDICAL", "HEALTH",
            "STREET", "ROAD", "AVENUE", "LANE", "DRIVE", "COURT", "PLACE", "WAY", "APT", "SUITE", "UNIT");

    /** A replacement with its precedence: 0 for a whole value, 1 for a word split out of one. */
    private record Entry(int rank, String replacement) implements Comparable<Entry>, java.io.Serializable {
        @Override
        public int compareTo(Entry o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : replacement.compareTo(o.replacement);
        }
    }

    private static final java.util.regex.Pattern NAME_LIKE = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\s'’.,-]+");

    /*
     * Decision 0026: a snapshot does not copy. It takes over the maps filled so far (frozen from then
     * on) and this collection goes on in new, empty maps layered over the snapshot; every look-up
     * combines the layers as one map would (the smaller entry, the larger token count), so the answers
     * are those of a copy, without a second copy of every identifier in memory.
     */
    private volatile Map<String, Entry> replacements;
    /** Single words that are both a name and an ordinary word ("Hill", "Young"): matched only when capitalised. */
    private volatile Map<String, Entry> capitalOnly;
    /** First token of every identifier → the most tokens an identifier starting with it has. */
    private volatile Map<String, Integer> firstTokens;
    private final AtomicInteger maxTokens;
    /** The frozen layer under this one's maps, or {@code null}. */
    private volatile KnownIdentifiers base;
    /** Additions hold the read lock; {@link #snapshot()} the write lock while it swaps the maps. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock lock =
            new java.util.concurrent.locks.ReentrantReadWriteLock();

    /** An empty, growing collection. */
    public KnownIdentifiers() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), 0, null);
    }

    private KnownIdentifiers(Map<String, Entry> replacements, Map<String, Entry> capitalOnly,
            Map<String, Integer> firstTokens, int maxTokens, KnownIdentifiers base) {
        this.replacements = replacements;
        this.capitalOnly = capitalOnly;
        this.firstTokens = firstTokens;
        this.maxTokens = new AtomicInteger(maxTokens);
        this.base = base;
    }

    private static Entry smaller(Entry a, Entry b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private Entry replacementEntry(String key) {
        Entry own = replacements.get(key);
        return base == null ? own : smaller(base.replacementEntry(key), own);
    }

    private Entry capitalOnlyEntry(String key) {
        Entry own = capitalOnly.get(key);
        return base == null ? own : smaller(base.capitalOnlyEntry(key), own);
    }

    private int firstTokenCount(String token) {
        Integer own = firstTokens.get(token);
        int mine = own == null ? 0 : own;
        return base == null ? mine : Math.max(mine, base.firstTokenCount(token));
    }

    /**
     * Records an identifier value and what replaces it in text (a pseudonym or a {@code [LABEL]});
     * the single words of a multi-word name get the same replacement. Values too short to be told
     * apart from ordinary text are ignored.
     */
    public void add(String value, String replacement) {
        add(value, replacement, replacement);
    }

    /**
     * Records an identifier value, what replaces it as a whole, and what replaces one of its words
     * found alone. A pseudonymized name should give its words a label: "John" alone may be another
     * John, and must not be linked to this person's pseudonym.
     */
    public void add(String value, String replacement, String wordReplacement) {
        lock.readLock().lock();
        try {
            addLocked(value, replacement, wordReplacement);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void addLocked(String value, String replacement, String wordReplacement) {
        List<String> tokens = tokens(value);
        if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
            return;
        }
        putIfSignificant(tokens, new Entry(0, replacement));
        if (tokens.size() > 1 && tokens.stream().allMatch(KnownIdentifiers::isAlphabetic)
                && NAME_LIKE.matcher(value).matches()) {
            // "Smith, John" is written "John Smith" elsewhere: short names also match rotated.
            if (tokens.size() <= 3) {
                for (int r = 1; r < tokens.size(); r++) {
                    List<String> rotated = new ArrayList<>(tokens.subList(r, tokens.size()));
                    rotated.addAll(tokens.subList(0, r));
                    putIfSignificant(rotated, new Entry(0, replacement));
                }
            }
            for (String t : tokens) {
                if (t.length() >= 2) {
                    putIfSignificant(List.of(t), new Entry(1, wordReplacement));
                }
            }
        }
    }

    private void putIfSignificant(List<String> tokens, Entry replacement) {
        int letters = 0;
        int digits = 0;
        for (String t : tokens) {
            for (int i = 0; i < t.length(); i++) {
                if (Character.isDigit(t.charAt(i))) {
                    digits++;
                } else {
                    letters++;
                }
            }
        }
        boolean significant = letters == 0 ? digits >= 4 : letters + digits >= 2;
        if (!significant) {
            return;
        }
        if (tokens.size() == 1 && isOrdinaryWord(tokens.get(0))) {
            // "General", "Hospital" are words, not identifiers; "Hill", "Young" are names that are
            // also words: they are scrubbed where written with a capital only.
            if (NAMES.isName(tokens.get(0))) {
                capitalOnly.merge(tokens.get(0), replacement, (a, b) -> a.compareTo(b) <= 0 ? a : b);
                firstTokens.merge(tokens.get(0), 1, Math::max);
                maxTokens.accumulateAndGet(1, Math::max);
            }
            return;
        }
        replacements.merge(String.join(" ", tokens), replacement, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        firstTokens.merge(tokens.get(0), tokens.size(), Math::max);
        maxTokens.accumulateAndGet(tokens.size(), Math::max);
    }

    private static final NameDictionary NAMES = NameDictionary.get();

    private static boolean isOrdinaryWord(String token) {
        return COMMON_WORDS.contains(token) || NAMES.isCommonWord(token);
    }

    /**
     * Adds everything {@code other} knows, with the same precedence as if its values had been
     * {@link #add}ed here: merging collections made on several workers gives the collection one
     * worker would have made from all their values, in any order. {@code other} is not changed.
     */
    public void addAll(KnownIdentifiers other) {
        lock.readLock().lock();
        try {
            for (KnownIdentifiers layer = other; layer != null; layer = layer.base) {
                layer.replacements.forEach((k, e) -> replacements.merge(k, e, (a, b) -> a.compareTo(b) <= 0 ? a : b));
                layer.capitalOnly.forEach((k, e) -> capitalOnly.merge(k, e, (a, b) -> a.compareTo(b) <= 0 ? a : b));
                layer.firstTokens.forEach((k, n) -> firstTokens.merge(k, n, Math::max));
                maxTokens.accumulateAndGet(layer.maxTokens.get(), Math::max);
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * A frozen copy: later additions to this collection do not show in it. Costs no copy (decision
     * 0026): the snapshot takes over what was collected so far and this collection continues in new
     * maps over it.
     */
    public KnownIdentifiers snapshot() {
        lock.writeLock().lock();
        try {
            KnownIdentifiers frozen = new KnownIdentifiers(java.util.Collections.unmodifiableMap(replacements),
                    java.util.Collections.unmodifiableMap(capitalOnly), java.util.Collections.unmodifiableMap(firstTokens),
                    maxTokens.get(), base);
            replacements = new ConcurrentHashMap<>();
            capitalOnly = new ConcurrentHashMap<>();
            firstTokens = new ConcurrentHashMap<>();
            base = frozen;
            return frozen;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The replacement of a single word that is a name and an ordinary word, to use where it is capitalised. */
    String capitalOnlyReplacement(String token) {
        Entry e = capitalOnlyEntry(token);
        return e == null ? null : e.replacement();
    }

    /** Number of distinct identifier token sequences known. O(n) when snapshots were taken. */
    public int size() {
        if (base == null) {
            return replacements.size() + capitalOnly.size();
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        java.util.Set<String> capital = new java.util.HashSet<>();
        for (KnownIdentifiers layer = this; layer != null; layer = layer.base) {
            keys.addAll(layer.replacements.keySet());
            capital.addAll(layer.capitalOnly.keySet());
        }
        return keys.size() + capital.size();
    }

    /** The replacement for a token sequence, or {@code null}. */
    String replacement(String joinedTokens) {
        Entry e = replacementEntry(joinedTokens);
        return e == null ? null : e.replacement();
    }

    /** Whether some identifier starts with this (upper-case) token; a cheap pre-check. */
    boolean startsSome(String token) {
        return firstTokenCount(token) > 0;
    }

    /** The most tokens of an identifier starting with this token, 0 when none does. */
    int longestStartingWith(String token) {
        return firstTokenCount(token);
    }

    /** The longest known identifier, in tokens. */
    int maxTokens() {
        return maxTokens.get();
    }

    /** The comparison tokens of a text (see the class description). */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        tokenize(text, null, out);
        return out;
    }

    /**
     * Splits a text into comparison tokens, optionally with each token's [start, end) in the text.
     * One implementation for identifiers and for the text they are searched in, so both sides agree.
     */
    static void tokenize(String text, List<int[]> bounds, List<String> tokens) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int kind = kind(text.codePointAt(i), NONE);
            if (kind == NONE) {
                i += Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            while (i < n) {
                int cp = text.codePointAt(i);
                if (kind(cp, kind) != kind) {
                    break;
                }
                i += Character.charCount(cp);
            }
            if (bounds != null) {
                bounds.add(new int[] {start, i});
            }
            tokens.add(normalize(text.substring(start, i)));
        }
    }

    private static final int NONE = 0;
    private static final int LETTERS = 1;
    private static final int DIGITS = 2;

    /** The token kind of a code point; a combining mark continues the current token. */
    private static int kind(int cp, int current) {
        if (Character.isDigit(cp)) {
            return DIGITS;
        }
        if (Character.isLetter(cp)) {
            return LETTERS;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return current == NONE ? LETTERS : current;
        }
        return NONE;
    }

    private static String normalize(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                return Normalizer.normalize(token, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
            }
        }
        return token.toUpperCase(Locale.ROOT);
    }

    private static boolean isAlphabetic(String token) {
        return token.codePoints().allMatch(cp -> kind(cp, LETTERS) == LETTERS);
    }
}
