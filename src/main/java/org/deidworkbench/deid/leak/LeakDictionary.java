package org.deidworkbench.deid.leak;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The original values to look for, compiled into an Aho–Corasick automaton over tokens ({@link Fold}):
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
 *       {@code 5 February 1933}, {@code 5. Februar 1933}). Dates are not in the automaton: they are kept by day
 *       ({@link #dates(long)}), and the scanner recognises a date in any of these notations from the last one or
 *       three tokens, so the automaton holds no small numbers and dates cost no state.</li>
 * </ul>
 * Values too short to tell apart from ordinary text are skipped: fewer than 5 digits for numbers (4-digit ones look
 * like years), fewer than 3 characters otherwise, and a few placeholder words ({@code UNKNOWN}, {@code NONE}, …).
 * Immutable and thread-safe once built; memory is about 100 bytes per token of every variant.
 */
public final class LeakDictionary {

    private static final Set<String> PLACEHOLDERS = Set.of("UNKNOWN", "NONE", "NULL", "NA", "NAN", "TEST", "YES", "NO",
            "MALE", "FEMALE", "OTHER", "TRUE", "FALSE");
    private static final String[] MONTHS_EN = {"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
        "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER"};
    private static final String[] MONTHS_DE = {"JANUAR", "FEBRUAR", "MARZ", "APRIL", "MAI", "JUNI", "JULI", "AUGUST",
        "SEPTEMBER", "OKTOBER", "NOVEMBER", "DEZEMBER"};
    private static final Pattern ISO = Pattern.compile("\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?\\s*");
    private static final Pattern COMPACT = Pattern.compile("\\s*(\\d{4})(\\d{2})(\\d{2})\\s*");
    private static final Pattern SLASHED = Pattern.compile("\\s*(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\s*");

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
     * Per pattern: {@link #STRONG}, or {@link #DATE} / {@link #DIGITS} for an original that is a date or only digits,
     * which structured output holds by coincidence (decision 0023: counted only for its own subject or in free text).
     */
    final byte[] weak;
    /** Per pattern: the subjects (ids of {@link Builder#subject}) whose original it is, or null when none is known. */
    final int[][] subjects;
    /** Subject id of each word (by {@link Fold#wordHash}, fixed) that is a subject's pseudonym. */
    private final LongIntMap subjectWords;
    /** About 16 bits per subject word: most words are no subject's, answered without the map. */
    private final long[] subjectBits;
    private final int subjectShift;

    /** An original that counts wherever it is found. */
    static final byte STRONG = 0;
    /** An original that is a date. */
    static final byte DATE = 1;
    /** An original made of digits only, or a digit group of a longer original looked for alone. */
    static final byte DIGITS = 2;
    /** An original of one word of letters (a surname alone): weak only when it has a subject. */
    static final byte WORD = 3;
    /** The first date entry (a pattern index) of each day ({@code yyyymmdd}); further ones through {@link #nextPattern}. */
    private final LongIntMap dateFirst;
    /**
     * For a date entry: the original as written, its folded tokens joined by spaces, when that is itself one of the
     * date's notations (it matches without the date-shaped separators other notations need); else null.
     */
    final String[] exempt;
    /**
     * For a date entry of an original whose day and month cannot be told apart ({@code 03.05.1970}): which reading
     * of it the entry is, {@link #MONTH_FIRST} or {@link #DAY_FIRST}; else {@link #UNAMBIGUOUS} (decision 0029: an
     * ambiguous output date matches an ambiguous original only under the same reading).
     */
    final byte[] reading;
    /** A date of one reading only (ISO, compact, a month name, or a day above 12). */
    static final byte UNAMBIGUOUS = 0;
    /** The month-first (US) reading of an ambiguous date. */
    static final byte MONTH_FIRST = 1;
    /** The day-first reading of an ambiguous date. */
    static final byte DAY_FIRST = 2;
    /** The month (1–12) of a month name's folded token hash, in English (also abbreviated) or German. */
    private final LongIntMap months;
    /** Bit 52–63 of each month name's mixed hash ({@link #small}): rejects almost every other word without the map. */
    private final long[] monthBits = new long[64];
    /** One bit per day of 1800–2200 ({@link #dayBit}) that has date entries: rejects most numbers without the map. */
    private final long[] dayBits = new long[(DAY_BITS + 63) / 64];
    private static final int DAY_BITS = 401 * 12 * 31;
    /** The root's transition for each token id (0: none), so the automaton's first step costs no hash probe. */
    private final int[] rootNext;
    /**
     * Whether a token id follows another token in some pattern; when not, every state's step on it is the root's
     * (its failure chain ends there), found without walking the chain through the transition map.
     */
    private final boolean[] inner;
    /**
     * Per state, one bit (of 64, by a hash of the token id) for each of its transitions: most tokens have none from
     * the state they meet, and this says so without a probe of the large transition map.
     */
    private final long[] outMask;
    /** States with more than this many transitions have a filter of 16 bits per transition instead of the mask. */
    private static final int BIG_DEGREE = 24;
    /** Index of each state with a filter of its own (its {@link #outMask} is all ones). */
    private final LongIntMap bigFilter;
    private final int[] bigOffset;
    private final int[] bigShift;
    private final long[] bigBits;

    private static int filterBits(int degree) {
        return Integer.highestOneBit(degree * 16 - 1) << 1;
    }

    /** For a state whose mask is all ones: false when it certainly has no transition on the token ({@code mixed} id). */
    private boolean mayHaveChild(int state, long mixed) {
        int f = bigFilter.get(state);
        if (f < 0) {
            return true; // a small state whose mask happens to be full
        }
        int bit = (int) (mixed >>> bigShift[f]);
        return (bigBits[bigOffset[f] + (bit >>> 6)] & (1L << bit)) != 0;
    }
    /** Hashes of the words that are pseudonyms ({@link Builder#pseudonym}); never reported. */
    private final LongIntMap pseudonymWords;
    private static final long[] LABELS = PhiPatterns.LABELS.stream().mapToLong(Fold::hash).sorted().toArray();
    /** Bit 52–63 of each label's mixed hash ({@link #small}): rejects almost every other word without the search. */
    private static final long[] LABEL_BITS = new long[64];

    static {
        for (long h : LABELS) {
            LABEL_BITS[small(h)] |= 1L << (h * 0x9E3779B97F4A7C15L >>> 52);
        }
    }

    private LeakDictionary(Builder b) {
        int states = b.stateCount;
        this.tokenIds = b.tokenIds;
        this.transitions = b.transitions;
        this.fail = new int[states];
        this.patternAt = Arrays.copyOf(b.patternAt, states);
        this.outputLink = new int[states];
        this.nextPattern = Arrays.copyOf(b.nextPattern, b.patterns);
        this.source = Arrays.copyOf(b.sources, b.patterns);
        this.original = Arrays.copyOf(b.originals, b.patterns);
        this.exempt = Arrays.copyOf(b.exempt, b.patterns);
        this.reading = Arrays.copyOf(b.reading, b.patterns);
        this.weak = Arrays.copyOf(b.weak, b.patterns);
        this.subjects = Arrays.copyOf(b.subjects, b.patterns);
        this.subjectWords = b.subjectWords;
        int subjectFilter = Integer.highestOneBit(Math.max(1 << 12, b.subjectWordHashes.size() * 16 - 1)) << 1;
        this.subjectBits = new long[subjectFilter / 64];
        this.subjectShift = 64 - Integer.numberOfTrailingZeros(subjectFilter);
        b.subjectWordHashes.forEach(h -> subjectBits[subjectBit(h) >>> 6] |= 1L << subjectBit(h));
        this.dateFirst = b.dateFirst;
        this.months = new LongIntMap(64);
        for (int m = 0; m < 12; m++) {
            for (String name : List.of(MONTHS_EN[m], MONTHS_EN[m].substring(0, 3), MONTHS_DE[m])) {
                long h = Fold.hash(name);
                months.put(fix(h), m + 1);
                monthBits[small(h)] |= 1L << (h * 0x9E3779B97F4A7C15L >>> 52);
            }
        }
        b.dateDays.forEach(day -> {
            int bit = dayBit(day);
            dayBits[bit >>> 6] |= 1L << bit;
        });
        this.pseudonymWords = b.pseudonymWords;
        this.rootNext = new int[b.tokenIds.size()];
        this.inner = new boolean[b.tokenIds.size()];
        for (int id = 0; id < rootNext.length; id++) {
            rootNext[id] = Math.max(0, b.transitions.get(id));
        }
        this.outMask = new long[states];
        int[] degree = new int[states];
        for (int s = 1; s < b.stateCount; s++) {
            if (b.parent[s] != 0) {
                inner[b.incoming[s]] = true;
            }
            outMask[b.parent[s]] |= 1L << (b.incoming[s] * 0x9E3779B9 >>> 26);
            degree[b.parent[s]]++;
        }
        // states with many transitions (a token that starts thousands of identifiers): a filter of their own
        int big = 0;
        long words = 0;
        for (int s = 1; s < states; s++) {
            if (degree[s] > BIG_DEGREE) {
                big++;
                words += filterBits(degree[s]) / 64;
            }
        }
        this.bigFilter = new LongIntMap(Math.max(16, big));
        this.bigOffset = new int[big];
        this.bigShift = new int[big];
        this.bigBits = new long[(int) words];
        int k = 0;
        int offset = 0;
        for (int s = 1; s < states; s++) {
            if (degree[s] > BIG_DEGREE) {
                int bits = filterBits(degree[s]);
                bigFilter.put(s, k);
                bigOffset[k] = offset;
                bigShift[k] = 64 - Integer.numberOfTrailingZeros(bits);
                outMask[s] = -1L;
                offset += bits / 64;
                k++;
            }
        }
        for (int s = 1; s < b.stateCount; s++) {
            int p = b.parent[s];
            if (p != 0 && degree[p] > BIG_DEGREE) {
                int f = bigFilter.get(p);
                int bit = (int) (((b.incoming[s] + 1L) * 0x9E3779B97F4A7C15L) >>> bigShift[f]);
                bigBits[bigOffset[f] + (bit >>> 6)] |= 1L << bit;
            }
        }
        int bits = Integer.highestOneBit(Math.max(1 << 16, b.tokenIds.size() * 16 - 1)) << 1;
        this.tokenBits = new long[bits / 64];
        this.firstBits = new long[bits / 64];
        this.tokenBitShift = 64 - Integer.numberOfTrailingZeros(bits);
        List<Long> hashes = b.tokenHashes();
        for (int id = 0; id < hashes.size(); id++) {
            int bit = filterBit(hashes.get(id));
            tokenBits[bit >>> 6] |= 1L << bit;
            if (rootNext[id] > 0) {
                firstBits[bit >>> 6] |= 1L << bit;
            }
        }
        buildFailureLinks(b);
    }

    /**
     * Cache-sized bit sets over the tokens of every pattern and over the first tokens of patterns (about 16 bits
     * per token): most words of output are in no pattern, and these answer "certainly not" without touching the
     * large token map. Indexed by the top bits of the token hash times an odd constant: FNV's own top bits hardly
     * change between short tokens.
     */
    private final long[] tokenBits;
    private final long[] firstBits;
    private final int tokenBitShift;

    private int filterBit(long tokenHash) {
        return (int) ((tokenHash * 0x9E3779B97F4A7C15L) >>> tokenBitShift);
    }

    /** False when the token (by {@link Fold#hash}, fixed) is certainly in no pattern. */
    boolean mayBeToken(long tokenHash) {
        int bit = filterBit(tokenHash);
        return (tokenBits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** False when the token (by {@link Fold#hash}, fixed) certainly starts no pattern. */
    boolean mayStart(long tokenHash) {
        int bit = filterBit(tokenHash);
        return (firstBits[bit >>> 6] & (1L << bit)) != 0;
    }

    /** The word of a 4096-bit filter of 64 words for a hash (bits 58–63 of the mixed hash; 52–57 pick the bit). */
    private static int small(long hash) {
        return (int) (hash * 0x9E3779B97F4A7C15L >>> 58);
    }

    /** Whether any original is a date. */
    boolean hasDates() {
        return dateFirst.size() > 0;
    }

    /** The first date entry (pattern index) of the day {@code yyyymmdd}, or -1. */
    int dates(long yyyymmdd) {
        int bit = dayBit(yyyymmdd);
        if (bit < 0 || (dayBits[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        return dateFirst.get(yyyymmdd);
    }

    /** The bit of a day {@code yyyymmdd} of 1800–2200 with month 1–12 and day 1–31; else -1 (never a date entry). */
    private static int dayBit(long yyyymmdd) {
        long year = yyyymmdd / 10000;
        int month = (int) (yyyymmdd / 100 % 100);
        int day = (int) (yyyymmdd % 100);
        if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) {
            return -1;
        }
        return (int) ((year - 1800) * 372 + (month - 1) * 31 + (day - 1));
    }

    /** The month (1–12) of a letter token (by {@link Fold#hash}) that is a month name, or 0. */
    int month(long tokenHash) {
        if ((monthBits[small(tokenHash)] & (1L << (tokenHash * 0x9E3779B97F4A7C15L >>> 52))) == 0) {
            return 0;
        }
        return Math.max(0, months.get(fix(tokenHash)));
    }

    private int subjectBit(long fixedWordHash) {
        return (int) ((fixedWordHash * 0x9E3779B97F4A7C15L) >>> subjectShift);
    }

    /** The subject whose pseudonym a word (by {@link Fold#wordHash}) is, or -1. */
    int subjectOfWord(long wordHash) {
        long h = fix(wordHash);
        int bit = subjectBit(h);
        if ((subjectBits[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        return subjectWords.get(h);
    }

    /** Whether a word (by {@link Fold#wordHash}) is a pseudonym or a word of one. */
    boolean isPseudonymWord(long wordHash) {
        return pseudonymWords.get(fix(wordHash)) >= 0;
    }

    /** Whether a token (by {@link Fold#hash}) is a label word of {@link PhiPatterns#LABELS}. */
    boolean isLabel(long tokenHash) {
        return (LABEL_BITS[small(tokenHash)] & (1L << (tokenHash * 0x9E3779B97F4A7C15L >>> 52))) != 0
                && Arrays.binarySearch(LABELS, tokenHash) >= 0;
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
        if (!inner[id]) {
            return rootNext[id];
        }
        long bit = 1L << (id * 0x9E3779B9 >>> 26);
        long mixed = (id + 1L) * 0x9E3779B97F4A7C15L;
        while (state != 0) {
            long mask = outMask[state];
            if ((mask & bit) != 0 && (mask != -1L || mayHaveChild(state, mixed))) {
                int next = transitions.get(((long) state << 32) | id);
                if (next >= 0) {
                    return next;
                }
            }
            state = fail[state];
        }
        return rootNext[id];
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
        private String[] exempt = new String[256];
        private byte[] reading = new byte[256];
        private byte[] weak = new byte[256];
        private int[][] subjects = new int[256][];
        private final LongIntMap subjectWords = new LongIntMap(1024);
        private final java.util.List<Long> subjectWordHashes = new java.util.ArrayList<>();
        private final java.util.Map<String, Integer> subjectIds = new java.util.HashMap<>();
        private final LongIntMap dateFirst = new LongIntMap(1024);
        private final java.util.Set<Long> dateDays = new java.util.HashSet<>();
        private int patterns;
        private int values;
        private final LongIntMap pseudonymWords = new LongIntMap(1024);

        /**
         * Declares a pseudonym: a word of output equal to one of its words that mixes letters and digits (or to
         * the whole pseudonym, when it is all digits) is never reported, although an original may look like
         * part of it ({@code X7100353QRT} holds the digits {@code 100353}).
         */
        public void pseudonym(String pseudonym) {
            for (String word : words(pseudonym)) {
                boolean letters = word.codePoints().anyMatch(Character::isLetter);
                boolean digits = word.codePoints().anyMatch(Character::isDigit);
                if ((letters && digits) || (digits && !letters && word.length() >= 4 && word.equals(pseudonym))) {
                    pseudonymWords.put(fix(Fold.wordHash(word)), 1);
                }
            }
        }

        /** The words of a value: its runs of letters, marks and digits (a pseudonym is mostly one: no regex). */
        private static List<String> words(String value) {
            List<String> out = new ArrayList<>(2);
            int start = -1;
            for (int i = 0; i <= value.length(); i++) {
                boolean inWord = false;
                if (i < value.length()) {
                    int cp = value.codePointAt(i);
                    int type = Character.getType(cp);
                    inWord = Character.isLetter(cp) || Character.isDigit(cp) || Character.isLetterOrDigit(cp)
                            || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                            || type == Character.COMBINING_SPACING_MARK || type == Character.LETTER_NUMBER
                            || type == Character.OTHER_NUMBER;
                    if (Character.isSupplementaryCodePoint(cp) && inWord) {
                        if (start < 0) {
                            start = i;
                        }
                        i++;
                        continue;
                    }
                }
                if (inWord && start < 0) {
                    start = i;
                } else if (!inWord && start >= 0) {
                    out.add(value.substring(start, i));
                    start = -1;
                }
            }
            return out;
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
            return add(value, source, -1);
        }

        /**
         * Declares a subject by its pseudonym: output that names the subject (a word equal to the pseudonym) in a
         * record, resource or file makes that record the subject's (decision 0023).
         *
         * @return the subject's id, for {@link #add(String, String, int)}
         */
        public int subject(String pseudonym) {
            Integer known = subjectIds.get(pseudonym);
            if (known != null) {
                return known;
            }
            int id = subjectIds.size();
            subjectIds.put(pseudonym, id);
            List<String> words = words(pseudonym);
            for (String word : words) {
                if (words.size() > 1 && word.length() < 4) {
                    continue;
                }
                long h = fix(Fold.wordHash(word));
                if (subjectWords.get(h) < 0) {
                    subjectWords.put(h, id);
                    subjectWordHashes.add(h);
                }
            }
            return id;
        }

        /**
         * As {@link #add(String, String)}, for an original of one subject ({@code subject} from {@link #subject}, or
         * -1 when unknown): a date or an all-digit original counts only where its own subject is named or in free text.
         */
        public boolean add(String value, String source, int subject) {
            List<List<String>> variants = variants(value, false);
            if (variants.isEmpty()) {
                return false;
            }
            List<LocalDate> dates = dates(value);
            if (!dates.isEmpty()) {
                Set<List<String>> dateForms = new java.util.HashSet<>();
                for (LocalDate date : dates) {
                    dateForms.addAll(dateNotations(date));
                }
                List<String> written = Fold.tokens(value);
                String exemptForm = dateForms.contains(written) && written.size() > 1 ? String.join(" ", written) : null;
                variants.removeIf(dateForms::contains);
                for (int i = 0; i < dates.size(); i++) {
                    LocalDate date = dates.get(i);
                    // two dates: the month-first reading, then the day-first one (see dates(String))
                    byte readingOf = dates.size() == 1 ? UNAMBIGUOUS : i == 0 ? MONTH_FIRST : DAY_FIRST;
                    addDate(date.getYear() * 10000L + date.getMonthValue() * 100L + date.getDayOfMonth(), source, value,
                            exemptForm, subject, readingOf);
                }
            }
            byte kind = !dates.isEmpty() ? DATE : value.strip().chars().allMatch(c -> c >= '0' && c <= '9') ? DIGITS
                    : STRONG;
            List<String> written = Fold.tokens(value);
            String joined = String.join("", written);
            for (List<String> tokens : variants) {
                // a digit group of a longer value looked for alone (the 7829965 of a UUID) is as weak as a number
                boolean fragment = tokens.size() == 1 && written.size() > 1 && Tokens.isDigits(tokens.get(0))
                        && !tokens.get(0).equals(joined);
                boolean word = written.size() == 1 && !Tokens.isDigits(written.get(0));
                addPattern(tokens, source, value, fragment ? DIGITS : kind == STRONG && word ? WORD : kind, subject);
            }
            values++;
            return true;
        }

        private void addDate(long day, String source, String value, String exemptForm, int subject, byte readingOf) {
            int first = dateFirst.get(day);
            for (int p = first; p >= 0; p = nextPattern[p]) {
                if (originals[p].equals(value)) {
                    addSubject(p, subject);
                    return;
                }
            }
            int p = newPattern(source, value);
            weak[p] = DATE;
            addSubject(p, subject);
            exempt[p] = exemptForm;
            reading[p] = readingOf;
            nextPattern[p] = first;
            dateFirst.put(day, p);
            dateDays.add(day);
        }

        private int newPattern(String source, String value) {
            if (patterns == sources.length) {
                int n = sources.length * 2;
                sources = Arrays.copyOf(sources, n);
                originals = Arrays.copyOf(originals, n);
                nextPattern = Arrays.copyOf(nextPattern, n);
                exempt = Arrays.copyOf(exempt, n);
                reading = Arrays.copyOf(reading, n);
                weak = Arrays.copyOf(weak, n);
                subjects = Arrays.copyOf(subjects, n);
            }
            sources[patterns] = source;
            originals[patterns] = value;
            return patterns++;
        }

        /** Values added (each in one or more notations). */
        public int values() {
            return values;
        }

        private final java.util.List<Long> hashes = new java.util.ArrayList<>();

        java.util.List<Long> tokenHashes() { // by token id
            return hashes;
        }

        /** Records that pattern {@code p} is (also) an original of {@code subject} (none when negative). */
        private void addSubject(int p, int subject) {
            if (subject < 0) {
                return;
            }
            int[] list = subjects[p];
            if (list == null) {
                subjects[p] = new int[] {subject};
                return;
            }
            for (int s : list) {
                if (s == subject) {
                    return;
                }
            }
            list = Arrays.copyOf(list, list.length + 1);
            list[list.length - 1] = subject;
            subjects[p] = list;
        }

        private void addPattern(List<String> tokens, String source, String value, byte kind, int subject) {
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
                    addSubject(p, subject);
                    return;
                }
            }
            int p = newPattern(source, value);
            weak[p] = kind;
            addSubject(p, subject);
            nextPattern[p] = patternAt[state];
            patternAt[state] = p;
        }

        /** The automaton; the builder must not be used afterwards. */
        public LeakDictionary build() {
            return new LeakDictionary(this);
        }
    }

    static long fix(long hash) {
        return hash == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : hash;
    }

    /** The token sequences under which {@code value} is looked for; empty when it is too short to look for. */
    static List<List<String>> variants(String value) {
        return variants(value, true);
    }

    /** As {@link #variants(String)}; without the date notations unless {@code withDates}. Mutable. */
    private static List<List<String>> variants(String value, boolean withDates) {
        List<String> tokens = Fold.tokens(value);
        if (tokens.isEmpty() || !significant(tokens)) {
            return List.of();
        }
        Set<List<String>> out = new LinkedHashSet<>();
        out.add(tokens);
        boolean allDigits = tokens.stream().allMatch(Tokens::isDigits);
        boolean allLetters = tokens.stream().noneMatch(t -> Character.isDigit(t.charAt(0)));
        if (allDigits && tokens.size() > 1) {
            out.add(List.of(String.join("", tokens)));
        }
        if (tokens.size() > 1) {
            for (String t : tokens) {
                if (Tokens.isDigits(t) && t.length() >= 6) {
                    out.add(List.of(t));
                }
            }
        }
        if (allLetters && tokens.size() >= 2 && tokens.size() <= 3) {
            for (int r = 1; r < tokens.size(); r++) {
                List<String> rotated = new ArrayList<>(tokens.subList(r, tokens.size()));
                rotated.addAll(tokens.subList(0, r));
                out.add(rotated);
            }
        }
        if (withDates) {
            for (LocalDate date : dates(value)) {
                out.addAll(dateNotations(date));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The fewest digits an all-digit original must have to be looked for. Four-digit numbers are years,
     * lab values and counts everywhere in an output: an export's small surrogate keys ({@code 1000}…{@code 9999})
     * made every date a hit (2.35 million on a 419 MB OMOP-like output). A five-digit original (a ZIP code,
     * a short MRN) is still looked for.
     */
    static final int MIN_DIGITS = 5;

    private static boolean significant(List<String> tokens) {
        int letters = 0;
        int digits = 0;
        for (String t : tokens) {
            if (Tokens.isDigits(t)) {
                digits += t.length();
            } else {
                letters += t.length();
            }
        }
        if (tokens.size() == 1 && PLACEHOLDERS.contains(tokens.get(0))) {
            return false;
        }
        return letters == 0 ? digits >= MIN_DIGITS : letters + digits >= 3;
    }

    /**
     * The days ({@code yyyymmdd}) a whole value may be as a date, in the notations originals are read in: none, one,
     * or two when day and month are ambiguous ({@code 02/05/1933}). What a run compares the dates it writes with
     * (decision 0029), so that its attestations and the verifier read a value alike.
     */
    public static long[] days(String value) {
        long fast = isoOrCompactDay(value);
        if (fast != 0) {
            return fast < 0 ? NO_DAYS : new long[] {fast};
        }
        long[] separated = separatedDays(value);
        if (separated != null) {
            return separated;
        }
        List<LocalDate> dates = dates(value);
        long[] out = new long[dates.size()];
        for (int i = 0; i < out.length; i++) {
            LocalDate d = dates.get(i);
            out[i] = d.getYear() * 10000L + d.getMonthValue() * 100L + d.getDayOfMonth();
        }
        return out;
    }

    private static final long[] NO_DAYS = new long[0];

    /**
     * Without a regex, the day of what runs write most ({@code yyyy-mm-dd}, with a time after {@code T} or a space,
     * and {@code yyyymmdd}): the day, -1 when such a value is no valid date, 0 when the value has another shape (then
     * {@link #dates(String)} decides). Agrees with {@link #dates(String)} (tested).
     */
    static long isoOrCompactDay(String v) {
        int n = v.length();
        if (n < 8 || !digits(v, 0, 4)) {
            return 0;
        }
        int y = Integer.parseInt(v, 0, 4, 10);
        int m;
        int d;
        if (n == 8 && digits(v, 4, 8)) {
            m = Integer.parseInt(v, 4, 6, 10);
            d = Integer.parseInt(v, 6, 8, 10);
        } else if (n >= 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && digits(v, 5, 7) && digits(v, 8, 10)
                && (n == 10 || (v.charAt(10) == 'T' || v.charAt(10) == ' ') && v.indexOf('\n') < 0 && v.indexOf('\r') < 0
                        && v.indexOf('\u0085') < 0 && v.indexOf('\u2028') < 0 && v.indexOf('\u2029') < 0)) {
            m = Integer.parseInt(v, 5, 7, 10);
            d = Integer.parseInt(v, 8, 10, 10);
        } else {
            return 0;
        }
        if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return -1;
        }
        return y * 10000L + m * 100L + d;
    }

    /**
     * Without a regex, the days of {@code dd.dd.dddd} with {@code /}, {@code .} or {@code -} as separators: month first,
     * then day first, each only when valid, once; null for another shape. Agrees with {@link #dates(String)} (tested).
     */
    static long[] separatedDays(String v) {
        if (v.length() != 10 || !digits(v, 0, 2) || !digits(v, 3, 5) || !digits(v, 6, 10) || !separator(v.charAt(2))
                || !separator(v.charAt(5))) {
            return null;
        }
        int a = Integer.parseInt(v, 0, 2, 10);
        int b = Integer.parseInt(v, 3, 5, 10);
        int y = Integer.parseInt(v, 6, 10, 10);
        long first = validDay(y, a, b);
        long second = validDay(y, b, a);
        if (first < 0) {
            return second < 0 ? NO_DAYS : new long[] {second};
        }
        return second < 0 || second == first ? new long[] {first} : new long[] {first, second};
    }

    private static boolean separator(char c) {
        return c == '/' || c == '.' || c == '-';
    }

    private static long validDay(int y, int m, int d) {
        if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return -1;
        }
        return y * 10000L + m * 100L + d;
    }

    private static boolean digits(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** The dates a value may be: none, one, or two when day and month are ambiguous ({@code 02/05/1933}). */
    static List<LocalDate> dates(String value) {
        List<LocalDate> out = new ArrayList<>();
        int n = value.length();
        if (n > 10 && asciiDigit(value.charAt(0)) && asciiDigit(value.charAt(n - 1)) && value.charAt(4) != '-') {
            // Nothing to strip, and then only ISO's "yyyy-" can be longer than ten characters: a date and time
            // written "06.05.2015 08:24" (a German export's every admission) is no date here, without three matchers.
            return out;
        }
        String stripped = value.strip();
        if (stripped.length() < 8 || !Character.isDigit(stripped.charAt(0))) {
            return out; // every notation below is at least 8 characters and starts with a digit
        }
        Matcher m = ISO.matcher(value);
        if (m.matches()) {
            addDate(out, m.group(1), m.group(2), m.group(3));
            return out;
        }
        m = COMPACT.matcher(value);
        if (m.matches()) {
            addDate(out, m.group(1), m.group(2), m.group(3));
            return out;
        }
        m = SLASHED.matcher(value);
        if (m.matches()) {
            addDate(out, m.group(3), m.group(1), m.group(2)); // month first (US)
            addDate(out, m.group(3), m.group(2), m.group(1)); // day first
        }
        return out;
    }

    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static void addDate(List<LocalDate> out, String y, String mo, String d) {
        try {
            int year = Integer.parseInt(y);
            if (year < 1800 || year > 2200) {
                return;
            }
            LocalDate date = LocalDate.of(year, Integer.parseInt(mo), Integer.parseInt(d));
            if (!out.contains(date)) {
                out.add(date);
            }
        } catch (DateTimeException | NumberFormatException e) {
            // not a date
        }
    }

    /** Every notation of {@code date} an output may use (see the class description). */
    static List<List<String>> dateNotations(LocalDate date) {
        String y = Integer.toString(date.getYear()); // 1800–2200: four digits
        String mm = date.getMonthValue() < 10 ? "0" + date.getMonthValue() : Integer.toString(date.getMonthValue());
        String dd = date.getDayOfMonth() < 10 ? "0" + date.getDayOfMonth() : Integer.toString(date.getDayOfMonth());
        String m = Integer.toString(date.getMonthValue());
        String d = Integer.toString(date.getDayOfMonth());
        Set<List<String>> out = new LinkedHashSet<>();
        out.add(List.of(y, mm, dd));
        out.add(List.of(y + mm + dd));
        out.add(List.of(y, m, d));
        out.add(List.of(mm, dd, y));
        out.add(List.of(dd, mm, y));
        out.add(List.of(m, d, y));
        out.add(List.of(d, m, y));
        String en = MONTHS_EN[date.getMonthValue() - 1];
        String de = MONTHS_DE[date.getMonthValue() - 1];
        for (String month : new LinkedHashSet<>(List.of(en, en.substring(0, 3), de))) {
            out.add(List.of(month, d, y));
            out.add(List.of(d, month, y));
            out.add(List.of(month, dd, y));
            out.add(List.of(dd, month, y));
        }
        return new ArrayList<>(out);
    }

    /** Small token helpers. */
    static final class Tokens {
        private Tokens() {
        }

        static boolean isDigits(String token) {
            return !token.isEmpty() && token.charAt(0) >= '0' && token.charAt(0) <= '9';
        }
    }
}
