package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Identifier values seen in identifier fields anywhere in the export (names, MRNs, phone numbers),
 * each with its replacement, so that they can be found again in free text and file names.
 *
 * <p>Values are compared as sequences of letter-or-digit tokens, case-insensitively, so
 * {@code 555-201-3344} also matches {@code 555.201.3344} and {@code SMITH, John} matches
 * {@code John Smith}'s tokens one by one. Purely numeric values need at least four digits and
 * other values at least two characters, so short codes do not erase ordinary text. Multi-word
 * alphabetic values (full names, cities) also contribute each word that is not a common English
 * word (only for name-like values: letters, spaces, hyphens, apostrophes, commas and dots). When
 * the same text has two replacements, a whole value beats a word split out of a longer value, and
 * otherwise the lexicographically smallest wins, so the outcome never depends on the order in
 * which files were read.
 *
 * <p>Thread-safe for concurrent {@link #add}; a {@link #snapshot()} is what a run scrubs with, so
 * that additions during the transform pass cannot change text already being written.
 */
public final class KnownIdentifiers {

    /** Longest identifier, in tokens, that is matched as one unit. */
    static final int MAX_TOKENS = 8;

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
    private record Entry(int rank, String replacement) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            return rank != o.rank ? Integer.compare(rank, o.rank) : replacement.compareTo(o.replacement);
        }
    }

    private static final java.util.regex.Pattern NAME_LIKE = java.util.regex.Pattern.compile("[\\p{L}\\s'’.,-]+");

    private final Map<String, Entry> replacements;
    private final Map<String, Boolean> firstTokens;
    private final AtomicInteger maxTokens;

    /** An empty, growing collection. */
    public KnownIdentifiers() {
        this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), 0);
    }

    private KnownIdentifiers(Map<String, Entry> replacements, Map<String, Boolean> firstTokens, int maxTokens) {
        this.replacements = replacements;
        this.firstTokens = firstTokens;
        this.maxTokens = new AtomicInteger(maxTokens);
    }

    /**
     * Records an identifier value and what replaces it in text (a pseudonym or a {@code [LABEL]}).
     * Values too short to be told apart from ordinary text are ignored.
     */
    public void add(String value, String replacement) {
        List<String> tokens = tokens(value);
        if (tokens.isEmpty() || tokens.size() > MAX_TOKENS) {
            return;
        }
        putIfSignificant(tokens, new Entry(0, replacement));
        if (tokens.size() > 1 && NAME_LIKE.matcher(value).matches()) {
            for (String t : tokens) {
                if (t.length() >= 2 && !COMMON_WORDS.contains(t)) {
                    putIfSignificant(List.of(t), new Entry(1, replacement));
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
        if (!significant || (tokens.size() == 1 && COMMON_WORDS.contains(tokens.get(0)))) {
            return;
        }
        replacements.merge(String.join(" ", tokens), replacement, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        firstTokens.put(tokens.get(0), Boolean.TRUE);
        maxTokens.accumulateAndGet(tokens.size(), Math::max);
    }

    /** A frozen copy: later additions to this collection do not show in it. */
    public KnownIdentifiers snapshot() {
        return new KnownIdentifiers(Map.copyOf(replacements), Map.copyOf(firstTokens), maxTokens.get());
    }

    /** Number of distinct identifier token sequences known. */
    public int size() {
        return replacements.size();
    }

    /** The replacement for a token sequence, or {@code null}. */
    String replacement(String joinedTokens) {
        Entry e = replacements.get(joinedTokens);
        return e == null ? null : e.replacement();
    }

    /** Whether some identifier starts with this (upper-case) token; a cheap pre-check. */
    boolean startsSome(String token) {
        return firstTokens.containsKey(token);
    }

    /** The longest known identifier, in tokens. */
    int maxTokens() {
        return maxTokens.get();
    }

    /** Upper-cased letter-or-digit runs of a text. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
