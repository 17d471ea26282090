package org.deidworkbench.deid.leak;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The dictionary as it was before the fast scanner (commit 624b40a), for {@link ReferenceScanner}. The original values to look for, compiled into an Aho–Corasick automaton over tokens ({@link Fold}):
 * one pass over a text finds every occurrence of every value, in time linear in the text whatever the
 * number of values. Each value is added in the notations it may take in output:
 * <ul>
 *   <li>its tokens as they are: {@code Müller, Jürgen} matches {@code müller jürgen},
 *       {@code MULLER-JURGEN} and {@code Muller^Jurgen} (case, accents, spacing and punctuation never
 *       matter; a transliteration such as {@code Mueller} is not found);</li>
 *   <li>names of 2–3 letter tokens also rotated: {@code MÜLLER^JÜRGEN} matches {@code Jürgen Müller};</li>
 *   <li>values made of digit groups also as one digit run: {@code 555-510-3014} matches {@code 5555103014};
 *       and every digit group of 6 or more digits of a longer value alone ({@code MRN-004711} → {@code 004711});</li>
 *   <li>dates (ISO {@code 1933-02-05}, DICOM {@code 19330205}, {@code 02/05/1933}, {@code 05.02.1933})
 *       in the common notations: {@code 1933-02-05}, {@code 19330205}, {@code 02/05/1933} and {@code 05/02/1933},
 *       without leading zeros, and with English or German month names ({@code Feb 5, 1933},
 *       {@code 5 February 1933}, {@code 5. Februar 1933}).</li>
 * </ul>
 * Which values are too short to look for, and the notations, are {@link LeakDictionary}'s own.
 * Immutable and thread-safe once built; memory is about 100 bytes per token of every variant.
 */
final class ReferenceDictionary {

    // the automaton
    final LongIntMap tokenIds;
    final LongIntMap transitions;
    final int[] fail;
    /** First pattern ending at a state, or -1; further ones through {@link #nextPattern}. */
    final int[] patternAt;
    /** Next state along the failure chain that has patterns, or -1. */
    final int[] outputLink;
    final int[] nextPattern;
    // per pattern
    final String[] source;
    final String[] original;
    /**
     * For a date written in another notation than the original: its number of tokens, whose separators must
     * look like a date's ({@code 08:07;1933} is a time and a code, not 8 July 1933); 0 for other patterns.
     */
    final int[] dateLength;
    /** Hashes of the words that are pseudonyms ({@link Builder#pseudonym}); never reported. */
    private final LongIntMap pseudonymWords;
    private static final long[] LABELS = PhiPatterns.LABELS.stream().mapToLong(Fold::hash).sorted().toArray();

    private ReferenceDictionary(Builder b) {
        int states = b.stateCount;
        this.tokenIds = b.tokenIds;
        this.transitions = b.transitions;
        this.fail = new int[states];
        this.patternAt = Arrays.copyOf(b.patternAt, states);
        this.outputLink = new int[states];
        this.nextPattern = Arrays.copyOf(b.nextPattern, b.patterns);
        this.source = Arrays.copyOf(b.sources, b.patterns);
        this.original = Arrays.copyOf(b.originals, b.patterns);
        this.dateLength = Arrays.copyOf(b.dateLength, b.patterns);
        this.pseudonymWords = b.pseudonymWords;
        int bits = Integer.highestOneBit(Math.max(1 << 16, b.tokenIds.size() * 16 - 1)) << 1;
        this.tokenBits = new long[bits / 64];
        this.tokenBitMask = bits - 1;
        for (long h : b.tokenHashes()) {
            int bit = (int) (h >>> 32) & tokenBitMask;
            tokenBits[bit >>> 6] |= 1L << bit;
        }
        buildFailureLinks(b);
    }

    /**
     * A cache-sized bit set over the tokens of every pattern (about 16 bits per token): most words of output are
     * in no pattern, and this answers "certainly not" without touching the large token map.
     */
    private final long[] tokenBits;
    private final int tokenBitMask;

    /** False when the token (by {@link Fold#hash}) is certainly in no pattern. */
    boolean mayBeToken(long tokenHash) {
        int bit = (int) (tokenHash >>> 32) & tokenBitMask;
        return (tokenBits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** Whether a word (by {@link Fold#wordHash}) is a pseudonym or a word of one. */
    boolean isPseudonymWord(long wordHash) {
        return pseudonymWords.get(fix(wordHash)) >= 0;
    }

    /** Whether a token (by {@link Fold#hash}) is a label word of {@link PhiPatterns#LABELS}. */
    boolean isLabel(long tokenHash) {
        return Arrays.binarySearch(LABELS, tokenHash) >= 0;
    }

    /** Number of patterns (values × notations). */
    public int patterns() {
        return source.length;
    }

    /** Where pattern {@code p} came from, e.g. {@code key file domain 'patient'}. */
    String source(int p) {
        return source[p];
    }

    /** The original value pattern {@code p} stands for (only for {@code --reveal}). */
    String original(int p) {
        return original[p];
    }

    /** The next state after token {@code id} (≥ 0) in state {@code state}. */
    int step(int state, int id) {
        while (true) {
            int next = transitions.get(((long) state << 32) | id);
            if (next >= 0) {
                return next;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    /** Failure and output links, state by state in order of depth (a state's links need only shallower ones). */
    private void buildFailureLinks(Builder b) {
        int states = b.stateCount;
        int maxDepth = 0;
        for (int s = 1; s < states; s++) {
            maxDepth = Math.max(maxDepth, b.depth[s]);
        }
        int[] start = new int[maxDepth + 2];
        for (int s = 1; s < states; s++) {
            start[b.depth[s] + 1]++;
        }
        for (int d = 1; d < start.length; d++) {
            start[d] += start[d - 1];
        }
        int[] order = new int[states];
        for (int s = 1; s < states; s++) {
            order[start[b.depth[s]]++] = s;
        }
        outputLink[0] = -1;
        for (int i = 0; i < states - 1; i++) {
            int s = order[i];
            int parent = b.parent[s];
            int id = b.incoming[s];
            int target = 0;
            if (parent != 0) {
                int f = fail[parent];
                while (true) {
                    int t = transitions.get(((long) f << 32) | id);
                    if (t >= 0) {
                        target = t;
                        break;
                    }
                    if (f == 0) {
                        break;
                    }
                    f = fail[f];
                }
            }
            fail[s] = target;
            outputLink[s] = patternAt[target] >= 0 ? target : outputLink[target];
        }
    }

    /** Collects values, then {@link #build()}s the automaton. Not thread-safe. */
    public static final class Builder {
        private final LongIntMap tokenIds = new LongIntMap(1024);
        private final LongIntMap transitions = new LongIntMap(4096);
        // per state
        private int[] parent = new int[1024];
        private int[] incoming = new int[1024];
        private int[] depth = new int[1024];
        private int[] patternAt = new int[1024];
        private int stateCount;
        // per pattern
        private int[] nextPattern = new int[256];
        private String[] sources = new String[256];
        private String[] originals = new String[256];
        private int[] dateLength = new int[256];
        private int patterns;
        private int values;
        private final LongIntMap pseudonymWords = new LongIntMap(1024);

        /**
         * Declares a pseudonym: a word of output equal to one of its words that mixes letters and digits (or to
         * the whole pseudonym, when it is all digits) is never reported, although an original may look like
         * part of it ({@code X7100353QRT} holds the digits {@code 100353}).
         */
        public void pseudonym(String pseudonym) {
            for (String word : pseudonym.split("[^\\p{L}\\p{M}\\p{N}]+")) {
                boolean letters = word.codePoints().anyMatch(Character::isLetter);
                boolean digits = word.codePoints().anyMatch(Character::isDigit);
                if ((letters && digits) || (digits && !letters && word.length() >= 4 && word.equals(pseudonym))) {
                    pseudonymWords.put(fix(Fold.wordHash(word)), 1);
                }
            }
        }

        public Builder() {
            newState(0, 0, 0);
        }

        private int newState(int from, int id, int d) {
            if (stateCount == parent.length) {
                int n = parent.length * 2;
                parent = Arrays.copyOf(parent, n);
                incoming = Arrays.copyOf(incoming, n);
                depth = Arrays.copyOf(depth, n);
                patternAt = Arrays.copyOf(patternAt, n);
            }
            parent[stateCount] = from;
            incoming[stateCount] = id;
            depth[stateCount] = d;
            patternAt[stateCount] = -1;
            return stateCount++;
        }

        /**
         * Adds an original value in every notation it may take (see the class description).
         *
         * @param source where it comes from, for reports (e.g. {@code key file domain 'patient'}); never the value
         * @return whether the value was significant enough to be added
         */
        public boolean add(String value, String source) {
            List<List<String>> variants = variants(value);
            Set<List<String>> dateForms = new java.util.HashSet<>();
            for (LocalDate date : dates(value)) {
                dateForms.addAll(dateNotations(date));
            }
            dateForms.remove(Fold.tokens(value)); // the value as written is not only a date notation
            for (List<String> tokens : variants) {
                addPattern(tokens, source, value, dateForms.contains(tokens) && tokens.size() > 1);
            }
            if (!variants.isEmpty()) {
                values++;
            }
            return !variants.isEmpty();
        }

        /** Values added (each in one or more notations). */
        public int values() {
            return values;
        }

        private final java.util.List<Long> hashes = new java.util.ArrayList<>();

        java.util.List<Long> tokenHashes() {
            return hashes;
        }

        private void addPattern(List<String> tokens, String source, String value, boolean date) {
            int state = 0;
            for (String t : tokens) {
                long h = fix(Fold.hash(t));
                int id = tokenIds.get(h);
                if (id < 0) {
                    id = tokenIds.size();
                    tokenIds.put(h, id);
                    hashes.add(h);
                }
                long key = ((long) state << 32) | id;
                int next = transitions.get(key);
                if (next < 0) {
                    next = newState(state, id, depth[state] + 1);
                    transitions.put(key, next);
                }
                state = next;
            }
            // the same value in two notations with equal tokens, or from two sources: one pattern is enough (the
            // first source is the one reported), so one leak is one hit
            for (int p = patternAt[state]; p >= 0; p = nextPattern[p]) {
                if (originals[p].equals(value)) {
                    return;
                }
            }
            if (patterns == sources.length) {
                int n = sources.length * 2;
                sources = Arrays.copyOf(sources, n);
                originals = Arrays.copyOf(originals, n);
                nextPattern = Arrays.copyOf(nextPattern, n);
                dateLength = Arrays.copyOf(dateLength, n);
            }
            dateLength[patterns] = date ? tokens.size() : 0;
            sources[patterns] = source;
            originals[patterns] = value;
            nextPattern[patterns] = patternAt[state];
            patternAt[state] = patterns++;
        }

        /** The automaton; the builder must not be used afterwards. */
        public ReferenceDictionary build() {
            return new ReferenceDictionary(this);
        }
    }

    static long fix(long hash) {
        return hash == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : hash;
    }

    // The notations a value is looked for in are LeakDictionary's own (variants, dates, dateNotations): this
    // oracle checks the fast matcher against a plain automaton over the same patterns, not the notation list.

    static List<List<String>> variants(String value) {
        return LeakDictionary.variants(value);
    }

    static List<LocalDate> dates(String value) {
        return LeakDictionary.dates(value);
    }

    private static List<List<String>> dateNotations(LocalDate date) {
        return LeakDictionary.dateNotations(date);
    }
}
