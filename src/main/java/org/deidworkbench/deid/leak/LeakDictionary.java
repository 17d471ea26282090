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
import org.deidworkbench.deid.MarkupText;

/**
 * The original values to look for, as token patterns ({@link Fold}) each anchored on its most selective token, or
 * pair of adjacent tokens, in a table of primitive arrays (decision 0033): one pass over a text finds every
 * occurrence of every value (what an automaton over tokens would find), at one filter probe per token for almost every
 * token of output, and the whole pattern is compared only where its anchor occurs. Each value is added in the
 * notations it may take in output:
 * <ul>
 *   <li>its tokens as they are: {@code Müller, Jürgen} matches {@code müller jürgen},
 *       {@code MULLER-JURGEN} and {@code Muller^Jurgen} (case, accents, spacing and punctuation never
 *       matter; a transliteration such as {@code Mueller} is not found);</li>
 *   <li>names of 2–3 letter tokens also rotated: {@code MÜLLER^JÜRGEN} matches {@code Jürgen Müller};</li>
 *   <li>values made of digit groups also as one digit run: {@code 555-510-3014} matches {@code 5555103014};
 *       and every digit group of 6 or more digits of a longer value alone ({@code MRN-004711} → {@code 004711}) but
 *       a GS1 element string's product code and dates ({@link #gs1ProductParts});</li>
 *   <li>dates (ISO {@code 1933-02-05}, DICOM {@code 19330205}, {@code 02/05/1933}, {@code 05.02.1933})
 *       in the common notations: {@code 1933-02-05}, {@code 19330205}, {@code 02/05/1933} and {@code 05/02/1933},
 *       without leading zeros, and with English or German month names ({@code Feb 5, 1933},
 *       {@code 5 February 1933}, {@code 5. Februar 1933}). Dates are not token patterns: they are kept by day
 *       ({@link #dates(long)}), and the scanner recognises a date in any of these notations from the last one or
 *       three tokens.</li>
 * </ul>
 * Values too short to tell apart from ordinary text are skipped: fewer than 5 digits for numbers (4-digit ones look
 * like years), fewer than 3 characters otherwise, and a few placeholder words ({@code UNKNOWN}, {@code NONE}, …).
 * Immutable and thread-safe once built; memory is about 20 bytes per token of every variant and 60 per pattern;
 * the originals themselves only when the builder keeps them (for {@code --reveal}; else a 128-bit key each, decision
 * 0061).
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

    // the token patterns, anchored (decision 0033)
    /** The fixed token hashes of every token pattern, one after another; pattern {@code p} is {@code [seqStart[p], seqStart[p + 1])}. */
    final long[][] seq;
    /** Tokens per page of {@link #seq} (decision 0066: pages, never copied to grow; {@link #token} reads one). */
    static final int PAGE_BITS = 16;
    private static final int PAGE_MASK = (1 << PAGE_BITS) - 1;
    /** Per pattern, where its tokens start in {@link #seq} (a date entry has none); one more entry than patterns. */
    final int[] seqStart;
    /** Within-date-chain links: the next date entry of the same day, or -1 (token patterns: unused). */
    final int[] nextPattern;
    /** The most tokens of any pattern: the scanner keeps that many of the last tokens. */
    final int longest;
    /**
     * The anchors: per distinct anchor token (open addressing by its fixed hash, {@link Long#MIN_VALUE} empty), the
     * patterns anchored on it ({@code anchorPatterns[anchorFirst[slot] .. anchorFirst[slot + 1])}) and where in each
     * pattern the anchor token stands ({@link #anchorOffset}).
     */
    private final long[] anchorKeys;
    private final int[] anchorFirst;
    final int[] anchorPatterns;
    final int[] anchorOffset;
    private final int anchorMask;
    /**
     * A blocked filter of two bits per anchor in one 64-bit word, the word in a block of eight (one cache line) chosen by
     * the anchor's own token, so that both probes of a token (alone and with the one before it) read one line: most
     * tokens of output are no anchor. A pair of a long token and a short one ({@link Fold#shortCode}) after it is in the
     * block of its long token instead (decision 0066: the block of a short token, {@code 2} or {@code A}, held every
     * anchor ending in it and passed about 2.3 million pairs of output to the anchor table), and a pair of two short
     * tokens only in {@link #shortPairs}.
     */
    private final long[] anchorBits;
    private final int anchorBitShift;
    /**
     * One bit per pair of short tokens ({@link Fold#shortCode}: one or two ASCII letters or digits), set exactly when
     * the pair is an anchor: the blocked filter above is chosen by the last token, so the block of a short token
     * ({@code 2}, {@code A}) holds every anchor ending in it and passes almost every pair; this 82 KB bit set answers
     * those pairs without a false positive (decision 0051).
     */
    private final long[] shortPairs = new long[(Fold.SHORT_CODES * Fold.SHORT_CODES + 63) / 64];
    /** The fewest characters of the token of a one-token pattern: a shorter token is never an anchor alone. */
    final int shortestSingle;
    // per pattern
    final String[] source;
    /** Per pattern, the original as written: only when the builder kept originals (for {@code --reveal}); else null. */
    private final String[] original;
    /** Per pattern, the 128-bit key of its original ({@link ValueKeys}): telling two originals apart without them. */
    private final long[] originalA;
    private final long[] originalB;
    /** The keys of the declared pseudonyms (whole values) that are not one word of letters and digits ({@link #isPseudonym}). */
    private final ValueKeys pseudonymValues;
    /**
     * Per pattern: {@link #STRONG}, or {@link #DATE} / {@link #DIGITS} for an original that is a date or only digits,
     * which structured output holds by coincidence (decision 0023: counted only for its own subject or in free text).
     */
    final byte[] weak;
    /**
     * Per pattern: whether it is (also) the original of a pseudonym entry ({@link Builder#addPseudonymized}); a one-word
     * original that is not is a known identifier, which a field may hold as a shared value (decision 0090).
     */
    private final boolean[] pseudonymized;
    /**
     * Per pattern: the one subject (an id of {@link Builder#subject}) whose original it is, {@link #NO_SUBJECT} when
     * none is known, or for several {@code -2 - i}: the subjects are {@link #subjectLists}{@code [i]} (decision 0066: a
     * list of one per pattern cost 24 bytes an object; most patterns have none or one).
     */
    private final int[] subjectOf;
    private final int[][] subjectLists;
    static final int NO_SUBJECT = -1;
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
    /**
     * An original of letters and digits of fewer than {@link #SHORT_CHARS} characters ({@code N001}, {@code R7001},
     * {@code 12a}): counts anywhere but as a part of a longer word of letters and digits (decision 0165).
     */
    static final byte SHORT = 4;
    /** The characters (letters and digits) an original of letters and digits needs not to be {@link #SHORT}. */
    static final int SHORT_CHARS = 7;
    /** The first date entry (a pattern index) of each day ({@code yyyymmdd}); further ones through {@link #nextPattern}. */
    private final LongIntMap dateFirst;
    /**
     * Per {@link #DIGITS} pattern of one token that reads as a compact date (the {@code 20230611} of {@code JP-20230611}):
     * that day; others are absent. A shifted date can land on it (decision 0209).
     */
    private final LongIntMap digitDays;
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
    /** Hashes of the words that are pseudonyms ({@link Builder#pseudonym}); never reported. */
    private final LongSet pseudonymWords;
    private static final long[] LABELS = PhiPatterns.LABELS.stream().mapToLong(Fold::hash).sorted().toArray();
    /** Bit 52–63 of each label's mixed hash ({@link #small}): rejects almost every other word without the search. */
    private static final long[] LABEL_BITS = new long[64];

    static {
        for (long h : LABELS) {
            LABEL_BITS[small(h)] |= 1L << (h * 0x9E3779B97F4A7C15L >>> 52);
        }
    }

    /**
     * Per thread, the memo of inert values (decision 0100) of the scanners that use this dictionary's pseudonyms, without
     * and with counting by subject: what is inert depends on nothing else, so the scanners of one thread's files share
     * one memo instead of making one per file. It holds copies of output values only, and no reference to this
     * dictionary.
     */
    private final ThreadLocal<ValueMemo[]> memos = ThreadLocal.withInitial(() -> new ValueMemo[2]);

    ValueMemo memo(boolean bySubject) {
        ValueMemo[] m = memos.get();
        int i = bySubject ? 1 : 0;
        if (m[i] == null) {
            m[i] = new ValueMemo();
        }
        return m[i];
    }

    private LeakDictionary(Builder b) {
        // each of the builder's arrays is dropped once copied to its exact size, so that its unused capacity is garbage
        // while the rest is built (decision 0061: at a million originals they are hundreds of MB); the builder's
        // map of token sequences is not needed at all
        b.sequenceTable = null;
        b.sequenceMarks = null;
        this.nextPattern = Arrays.copyOf(b.nextPattern, b.patterns);
        b.nextPattern = null;
        this.source = Arrays.copyOf(b.sources, b.patterns);
        b.sources = null;
        this.original = b.originals == null ? null : Arrays.copyOf(b.originals, b.patterns);
        b.originals = null;
        this.originalA = Arrays.copyOf(b.originalA, b.patterns);
        b.originalA = null;
        this.originalB = Arrays.copyOf(b.originalB, b.patterns);
        b.originalB = null;
        this.pseudonymValues = b.pseudonymValues;
        this.exempt = Arrays.copyOf(b.exempt, b.patterns);
        b.exempt = null;
        this.reading = Arrays.copyOf(b.reading, b.patterns);
        b.reading = null;
        this.weak = Arrays.copyOf(b.weak, b.patterns);
        b.weak = null;
        this.pseudonymized = Arrays.copyOf(b.pseudonymized, b.patterns);
        b.pseudonymized = null;
        this.subjectOf = Arrays.copyOf(b.subjectOf, b.patterns);
        b.subjectOf = null;
        this.subjectLists = b.subjectLists.toArray(new int[0][]);
        b.subjectLists = null;
        // the builder's own pages, not a copy (a copy would need both at once); patterns index them through seqStart
        this.seq = Arrays.copyOf(b.seq, (b.seqLength >>> PAGE_BITS) + 1);
        b.seq = null;
        this.seqStart = Arrays.copyOf(b.seqStart, b.patterns + 1);
        b.seqStart = null;
        this.seqStart[b.patterns] = b.seqLength;
        this.subjectWords = b.subjectWords;
        int subjectFilter = Integer.highestOneBit(Math.max(1 << 12, b.subjectWordHashes.size() * 16 - 1)) << 1;
        this.subjectBits = new long[subjectFilter / 64];
        this.subjectShift = 64 - Integer.numberOfTrailingZeros(subjectFilter);
        b.subjectWordHashes.forEach(h -> subjectBits[subjectBit(h) >>> 6] |= 1L << subjectBit(h));
        this.dateFirst = b.dateFirst;
        this.digitDays = b.digitDays;
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

        // anchors (decision 0033): each token pattern on its most selective token, the longest (a long token of
        // output is rarely equal to one by chance), less a penalty for tokens that many patterns share (a word such as
        // STREET or MRN is long and everywhere); the later one of equals
        int patterns = b.patterns;
        LongIntMap common = commonTokens(seq, b.seqLength);
        int longestPattern = 0;
        long[] anchorOf = new long[patterns];
        int[] offsetOf = new int[patterns];
        byte[] kindOf = new byte[patterns]; // of the anchor: SINGLE_OR_LONG, LONG_SHORT or SHORT_SHORT
        int tokenPatterns = 0;
        int shortestSingleChars = Integer.MAX_VALUE;
        for (int p = 0; p < patterns; p++) {
            int from = seqStart[p];
            int to = seqStart[p + 1];
            if (from == to) {
                continue; // a date entry
            }
            tokenPatterns++;
            longestPattern = Math.max(longestPattern, to - from);
            if (to - from == 1) {
                anchorOf[p] = token(seq, from);
                shortestSingleChars = Math.min(shortestSingleChars, b.seqChars[from]);
                continue;
            }
            // a pattern of several tokens: anchored on its best two adjacent tokens, far rarer in output than one (a
            // date-time's 10 or 2019 is everywhere)
            int best = from + 1;
            int bestScore = Integer.MIN_VALUE;
            int previous = score(b.seqChars[from], common.get(token(seq, from)));
            for (int i = from + 1; i < to; i++) {
                int here = score(b.seqChars[i], common.get(token(seq, i)));
                if (previous + here >= bestScore) {
                    best = i;
                    bestScore = previous + here;
                }
                previous = here;
            }
            anchorOf[p] = pair(token(seq, best - 1), token(seq, best));
            offsetOf[p] = best - from;
            int first = b.seqChars[best - 1] <= 2 ? shortCodeOf(token(seq, best - 1)) : -1;
            int second = b.seqChars[best] <= 2 ? shortCodeOf(token(seq, best)) : -1;
            kindOf[p] = second < 0 ? SINGLE_OR_LONG : first < 0 ? LONG_SHORT : SHORT_SHORT;
            if (first >= 0 && second >= 0) {
                int bit = first * Fold.SHORT_CODES + second;
                shortPairs[bit >>> 6] |= 1L << bit;
            }
        }
        b.seqChars = null;
        this.longest = longestPattern;
        this.shortestSingle = shortestSingleChars;
        // at most two thirds of the slots used (decision 0066: twice the patterns, rounded up, left three quarters of a
        // million originals' 8 million slots and their starts empty); at 446,850 originals the same 1 million slots
        int capacity = Integer.highestOneBit(Math.max(16, tokenPatterns + (tokenPatterns >> 1) - 1)) << 1;
        this.anchorMask = capacity - 1;
        this.anchorKeys = new long[capacity];
        Arrays.fill(anchorKeys, Long.MIN_VALUE);
        // per slot where its patterns end, then (placed from the last pattern back) where they start: one array
        int[] first = new int[capacity + 1];
        int distinct = 0;
        for (int p = 0; p < patterns; p++) {
            if (seqStart[p] == seqStart[p + 1]) {
                continue;
            }
            int slot = anchorSlotFor(anchorOf[p]);
            if (anchorKeys[slot] == Long.MIN_VALUE) {
                anchorKeys[slot] = anchorOf[p];
                distinct++;
            }
            first[slot + 1]++;
        }
        for (int i = 1; i <= capacity; i++) {
            first[i] += first[i - 1];
        }
        this.anchorFirst = first;
        this.anchorPatterns = new int[tokenPatterns];
        this.anchorOffset = new int[tokenPatterns];
        for (int p = patterns - 1; p >= 0; p--) {
            if (seqStart[p] == seqStart[p + 1]) {
                continue;
            }
            int slot = anchorSlotFor(anchorOf[p]);
            int at = --first[slot + 1];
            anchorPatterns[at] = p;
            anchorOffset[at] = offsetOf[p];
        }
        // each slot's end was moved back to its start, which is the next slot's start: shift by one
        System.arraycopy(first, 1, first, 0, capacity);
        first[capacity] = tokenPatterns;
        int words = Integer.highestOneBit(Math.max(64, distinct / 4 - 1)) << 1; // 16 bits per anchor
        this.anchorBits = new long[words];
        this.anchorBitShift = 64 - Integer.numberOfTrailingZeros(words / 8);
        for (int p = 0; p < patterns; p++) {
            if (seqStart[p] != seqStart[p + 1]) {
                long mixed = anchorOf[p] * 0x9E3779B97F4A7C15L;
                long bits = (1L << mixed) | (1L << (mixed >>> 6));
                // a pair of a long token and a short one in the block of its long, first token (decision 0066); a pair
                // of two short tokens only in the exact bit set
                if (kindOf[p] == SINGLE_OR_LONG) {
                    anchorBits[block(token(seq, seqStart[p] + offsetOf[p])) + (int) (mixed >>> 61)] |= bits;
                } else if (kindOf[p] == LONG_SHORT) {
                    anchorBits[block(token(seq, seqStart[p] + offsetOf[p] - 1)) + (int) (mixed >>> 61)] |= bits;
                }
            }
        }
    }

    /** The token at {@code i} of the pages {@code seq} ({@link #seq}). */
    static long token(long[][] seq, int i) {
        return seq[i >>> PAGE_BITS][i & PAGE_MASK];
    }

    /**
     * The tokens that more than {@value #COMMON} patterns' tokens are, with how often: few, so a small map. Without a
     * sorted copy of every token (decision 0066: 77 MB and as much again for the sort's work space at a million
     * originals): a first pass counts the tokens by a hash of each into saturating byte counters, so a counter is at
     * least the count of every token that falls into it; the second counts exactly only the tokens whose counter is
     * above {@value #COMMON} (the common ones and the few that share a counter with one).
     */
    private static LongIntMap commonTokens(long[][] seq, int length) {
        int bits = Math.max(12, Math.min(24, 32 - Integer.numberOfLeadingZeros(Math.max(1, length / 2))));
        byte[] counters = new byte[1 << bits];
        int shift = 64 - bits;
        for (int i = 0; i < length; i++) {
            int c = (int) ((token(seq, i) * 0x9E3779B97F4A7C15L) >>> shift);
            if (counters[c] != -1) {
                counters[c]++;
            }
        }
        LongIntMap counted = new LongIntMap(1024);
        for (int i = 0; i < length; i++) {
            long t = token(seq, i);
            if ((counters[(int) ((t * 0x9E3779B97F4A7C15L) >>> shift)] & 0xFF) > COMMON) {
                int n = counted.get(t);
                counted.put(t, n < 0 ? 1 : n + 1);
            }
        }
        LongIntMap common = new LongIntMap(1024);
        counted.forEach((token, n) -> {
            if (n > COMMON) {
                common.put(token, n);
            }
        });
        return common;
    }

    /** The {@link Fold#shortCode} of each short token, by its fixed hash: 812 tokens. */
    private static final LongIntMap SHORT_CODES = new LongIntMap(2048);

    static {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < chars.length(); i++) {
            String one = chars.substring(i, i + 1);
            SHORT_CODES.put(fix(Fold.hash(one)), Fold.shortCode(one));
            for (int j = 0; j < chars.length(); j++) {
                String two = one + chars.charAt(j);
                if (Fold.shortCode(two) >= 0) {
                    SHORT_CODES.put(fix(Fold.hash(two)), Fold.shortCode(two));
                }
            }
        }
    }

    /** The {@link Fold#shortCode} of a token of one or two characters by its fixed hash, or -1. */
    private static int shortCodeOf(long token) {
        return SHORT_CODES.get(token);
    }

    private static final int COMMON = 16;
    private static final byte SINGLE_OR_LONG = 0;
    private static final byte LONG_SHORT = 1;
    private static final byte SHORT_SHORT = 2;

    /**
     * How selective a token is as (half) an anchor: its length, less a penalty for a token that many patterns share.
     *
     * @param count how many tokens of patterns it is, when more than {@value #COMMON}; else negative
     */
    private static int score(int chars, int count) {
        return 4 * chars - (count < 0 ? 0 : 4 * (31 - Integer.numberOfLeadingZeros(count)) - 16);
    }

    /** The anchor key of two adjacent tokens (fixed hashes), never {@link Long#MIN_VALUE}. */
    static long pair(long first, long second) {
        long h = (first * 0x9E3779B97F4A7C15L + second) * 0xC2B2AE3D27D4EB4FL;
        return fix(h ^ (h >>> 29));
    }

    private int anchorSlotFor(long h) {
        int slot = (int) ((h * 0x9E3779B97F4A7C15L) >>> 32) & anchorMask;
        while (anchorKeys[slot] != Long.MIN_VALUE && anchorKeys[slot] != h) {
            slot = (slot + 1) & anchorMask;
        }
        return slot;
    }

    /**
     * The slot of the anchor {@code key} (a token's fixed {@link Fold#hash}, or {@link #pair} of two; {@code block}: the
     * {@link #block} of the anchor's own, last token), whose patterns and their anchors' offsets are
     * at {@code [anchorFrom(slot), anchorTo(slot))} of {@link #anchorPatterns} and {@link #anchorOffset}; -1 when no
     * pattern is anchored on it. Most tokens are answered by the filter alone.
     */
    int anchor(long key, int block) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        long word = anchorBits[block + (int) (mixed >>> 61)];
        long need = (1L << mixed) | (1L << (mixed >>> 6));
        if ((word & need) != need) {
            return -1;
        }
        return anchorSlot(key);
    }

    /**
     * Whether the pair of short tokens {@code first}, {@code second} ({@link Fold#shortCode}s, both non-negative) is
     * an anchor: exact, no false positive; then {@link #anchorSlot} finds it.
     */
    boolean shortPair(int first, int second) {
        int bit = first * Fold.SHORT_CODES + second;
        return (shortPairs[bit >>> 6] & (1L << bit)) != 0;
    }

    /** As {@link #anchor} without the filter, for a key known to pass it ({@link #shortPair}). */
    int anchorSlot(long key) {
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & anchorMask;
        while (true) {
            long k = anchorKeys[slot];
            if (k == key) {
                return slot;
            }
            if (k == Long.MIN_VALUE) {
                return -1;
            }
            slot = (slot + 1) & anchorMask;
        }
    }

    /** The filter block of the anchors whose own token is {@code token} (a fixed hash), for {@link #anchor}. */
    int block(long token) {
        return (int) ((token * 0xC2B2AE3D27D4EB4FL) >>> anchorBitShift) << 3;
    }

    int anchorFrom(int slot) {
        return anchorFirst[slot];
    }

    int anchorTo(int slot) {
        return anchorFirst[slot + 1];
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

    /** The subject whose pseudonym (or alias) a word (by {@link Fold#wordHash}) is, or -1. */
    int subjectOfWord(long wordHash) {
        long h = fix(wordHash);
        int bit = subjectBit(h);
        if ((subjectBits[bit >>> 6] & (1L << bit)) == 0) {
            return -1;
        }
        int s = subjectWords.get(h);
        return s == SHARED_ALIAS ? -1 : s;
    }

    /** In {@link #subjectWords}: a word that names no subject (two subjects' alias, decision 0099). */
    private static final int SHARED_ALIAS = Integer.MAX_VALUE;

    /** Whether a word (by {@link Fold#wordHash}) is a pseudonym or a word of one. */
    boolean isPseudonymWord(long wordHash) {
        return pseudonymWords.contains(fix(wordHash));
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

    /** The original value pattern {@code p} stands for (only for {@code --reveal}); null unless the builder kept them. */
    String original(int p) {
        return original == null ? null : original[p];
    }

    /** Whether patterns {@code p} and {@code q} stand for the same original value (two notations of one value). */
    boolean sameOriginal(int p, int q) {
        return originalA[p] == originalA[q] && originalB[p] == originalB[q];
    }

    /**
     * Whether {@code value} is, whole, a pseudonym declared with {@link Builder#pseudonym} that is not one word of letters
     * and digits: those (most) are answered by {@link #isPseudonymWord}, which the scanner asks too.
     */
    boolean isPseudonym(CharSequence value) {
        return pseudonymValues.contains(value);
    }

    /** Whether any subject's original is pattern {@code p}. */
    boolean hasSubjects(int p) {
        return subjectOf[p] != NO_SUBJECT;
    }

    /**
     * Whether pattern {@code p} is one word of a known subject's known identifiers and no pseudonym entry's original: a
     * field may hold it as a category shared by other subjects' records (decision 0090).
     */
    boolean shareable(int p) {
        return weak[p] == WORD && !pseudonymized[p] && subjectOf[p] != NO_SUBJECT;
    }

    /** How many tokens pattern {@code p} has. */
    int tokenCount(int p) {
        return seqStart[p + 1] - seqStart[p];
    }

    /** How many subjects' original pattern {@code p} is (0 when none is known). */
    int subjectCount(int p) {
        int s = subjectOf[p];
        return s == NO_SUBJECT ? 0 : s >= 0 ? 1 : subjectLists[-2 - s].length;
    }

    /** The {@code i}th subject (in the order they were given) whose original pattern {@code p} is. */
    int subject(int p, int i) {
        int s = subjectOf[p];
        return s >= 0 ? s : subjectLists[-2 - s][i];
    }

    /** Collects values, then {@link #build()}s the dictionary. Not thread-safe. */
    public static final class Builder {
        // the token patterns' tokens, one after another, and per distinct token sequence its latest pattern
        private long[][] seq = new long[16][];
        /** Per token of {@link #seq}: its length in characters (up to 127), for choosing anchors. */
        private byte[] seqChars = new byte[1024];
        private int seqLength;
        private int[] seqStart = new int[257];
        /**
         * Per distinct token sequence (by its hash, {@link #whole}), its latest pattern; open addressing over pattern
         * numbers, the hash recomputed from {@link #seq} (decision 0061: 4 bytes a slot, where a map of hashes took 16).
         */
        private int[] sequenceTable = filled(1 << 12);
        /**
         * The low byte of each slot's sequence hash: a probe recomputes an occupied slot's hash from its pattern's tokens
         * (scattered reads) only when this byte is equal, about one in 256 of the slots passed.
         */
        private byte[] sequenceMarks = new byte[1 << 12];
        private int sequenceCount;

        private static int[] filled(int n) {
            int[] t = new int[n];
            Arrays.fill(t, -1);
            return t;
        }

        /** The hash of a token sequence, as {@link #addPattern} computes it. */
        private static long whole(long[][] seq, int from, int to) {
            int n = to - from;
            long whole = Fold.OFFSET;
            for (int i = from; i < to; i++) {
                whole = (whole ^ token(seq, i)) * 0x9E3779B97F4A7C15L + n;
            }
            return fix(whole);
        }

        private long wholeOf(int p) {
            return whole(seq, seqStart[p], p + 1 < patterns ? seqStart[p + 1] : seqLength);
        }

        /** The slot of the sequence hash {@code whole}: its latest pattern, or -1 (empty). */
        private int sequenceSlot(long whole) {
            int mask = sequenceTable.length - 1;
            int i = (int) ((whole * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            byte mark = (byte) whole;
            while (sequenceTable[i] >= 0 && (sequenceMarks[i] != mark || wholeOf(sequenceTable[i]) != whole)) {
                i = (i + 1) & mask;
            }
            return i;
        }
        // per pattern
        private int[] nextPattern = new int[256];
        private String[] sources = new String[256];
        /** The originals as written, when kept (for {@code --reveal}); else null. */
        private String[] originals;
        private long[] originalA = new long[256];
        private long[] originalB = new long[256];
        private final ValueKeys pseudonymValues = new ValueKeys(1024);
        /** The patterns each {@code add} made or found, in order, for {@link #own} (decision 0061). */
        private int[] touched = new int[1024];
        private int touchedLength;
        private String[] exempt = new String[256];
        private byte[] reading = new byte[256];
        private byte[] weak = new byte[256];
        private boolean[] pseudonymized = new boolean[256];
        /** Per pattern, as {@link LeakDictionary#subjectOf}; the lists of several in {@link #subjectLists}. */
        private int[] subjectOf = filled(256);
        private java.util.ArrayList<int[]> subjectLists = new java.util.ArrayList<>();
        private final LongIntMap subjectWords = new LongIntMap(1024);
        private final java.util.List<Long> subjectWordHashes = new java.util.ArrayList<>();
        // the words of aliases (decision 0099)
        private final LongSet aliasWords = new LongSet(1024);
        private final java.util.Map<String, Integer> subjectIds = new java.util.HashMap<>();
        private final LongIntMap dateFirst = new LongIntMap(1024);
        private final LongIntMap digitDays = new LongIntMap(16);
        private final java.util.Set<Long> dateDays = new java.util.HashSet<>();
        private int patterns;
        private int values;
        private final LongSet pseudonymWords = new LongSet(1024);

        /**
         * Declares a pseudonym: a word of output equal to one of its words that mixes letters and digits (or to
         * the whole pseudonym, when it is all digits) is never reported, although an original may look like
         * part of it ({@code X7100353QRT} holds the digits {@code 100353}).
         */
        public void pseudonym(String pseudonym) {
            List<String> words = words(pseudonym);
            boolean wholeIsWord = false;
            for (String word : words) {
                boolean letters = false;
                boolean digits = false;
                for (int i = 0; i < word.length();) {
                    int cp = word.codePointAt(i);
                    letters |= Character.isLetter(cp);
                    digits |= Character.isDigit(cp);
                    i += Character.charCount(cp);
                }
                if ((letters && digits) || (digits && !letters && word.length() >= 4 && word.equals(pseudonym))) {
                    pseudonymWords.add(fix(Fold.wordHash(word)));
                    wholeIsWord |= word.equals(pseudonym);
                }
            }
            if (!wholeIsWord) {
                // a pseudonym that is one word of letters and digits is answered by its word's hash (the scanner asks
                // both); only the others need their own key (decision 0061: most pseudonyms are such one word)
                pseudonymValues.add(pseudonym);
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

        /** A builder that keeps every original as written, for {@code --reveal}. */
        public Builder() {
            this(true);
        }

        /**
         * @param keepOriginals whether the dictionary keeps each original as written (only {@code --reveal} shows
         *        them); without, it keeps a 128-bit key per original, and hits carry no value (decision 0061)
         */
        public Builder(boolean keepOriginals) {
            if (keepOriginals) {
                originals = new String[256];
            }
        }

        /** Where the next {@code add} starts recording the patterns it makes or finds, for {@link #own}. */
        public int mark() {
            return touchedLength;
        }

        /**
         * Makes the patterns that the {@code add}s between marks {@code from} and {@code to} made or found (also) the
         * originals of {@code subject}: exactly what adding them with that subject would have done, for a subject known
         * only after its originals were added (a key file read as a stream lists the subjects after the domains).
         */
        public void own(int from, int to, int subject) {
            for (int i = from; i < to; i++) {
                addSubject(touched[i], subject);
            }
        }

        private void touch(int p) {
            if (touchedLength == touched.length) {
                touched = Arrays.copyOf(touched, touchedLength * 2);
            }
            touched[touchedLength++] = p;
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
         * As {@link #add(String, String)}, for the original of a pseudonym entry (a domain's): its patterns are never a
         * known identifier's shared value (decision 0090), also when a known identifier has the same original.
         */
        public boolean addPseudonymized(String value, String source) {
            int from = touchedLength;
            boolean added = add(value, source, -1);
            for (int i = from; i < touchedLength; i++) {
                pseudonymized[touched[i]] = true;
            }
            return added;
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
         * Declares another pseudonym that names a subject (decision 0099): the keyed id the output gives the subject's
         * record in its source (a FHIR Patient's resource id, which every resource of the patient references), or the
         * pseudonym of one of its identifiers. Its words name the subject as {@link #subject}'s do, unless they are a
         * word of another subject's pseudonym (that one names its own subject) or the alias of another subject too (a
         * value two subjects share names neither). Call after every {@link #subject}.
         */
        public void alias(int subject, String pseudonym) {
            List<String> words = words(pseudonym);
            for (String word : words) {
                if (words.size() > 1 && word.length() < 4) {
                    continue;
                }
                long h = fix(Fold.wordHash(word));
                int owner = subjectWords.get(h);
                if (owner < 0) {
                    subjectWords.put(h, subject);
                    subjectWordHashes.add(h);
                    aliasWords.add(h);
                } else if (owner != subject && aliasWords.contains(h)) {
                    subjectWords.put(h, SHARED_ALIAS); // names no one, for good: two subjects' alias
                }
            }
        }

        /**
         * As {@link #add(String, String)}, for an original of one subject ({@code subject} from {@link #subject}, or
         * -1 when unknown): a date or an all-digit original counts only where its own subject is named or in free text.
         */
        public boolean add(String value, String source, int subject) {
            value = MarkupText.read(value); // an original written as M&uuml;ller is looked for as Müller (decision 0167)
            List<String> written = Fold.tokens(value);
            List<List<String>> variants = variants(written, value, false);
            if (variants.isEmpty()) {
                return false;
            }
            long valueA = ValueKeys.first(value);
            long valueB = ValueKeys.second(value);
            List<LocalDate> dates = dates(value);
            if (!dates.isEmpty()) {
                Set<List<String>> dateForms = new java.util.HashSet<>();
                for (LocalDate date : dates) {
                    dateForms.addAll(dateNotations(date));
                }
                String exemptForm = dateForms.contains(written) && written.size() > 1 ? String.join(" ", written) : null;
                variants.removeIf(dateForms::contains);
                for (int i = 0; i < dates.size(); i++) {
                    LocalDate date = dates.get(i);
                    // two dates: the month-first reading, then the day-first one (see dates(String))
                    byte readingOf = dates.size() == 1 ? UNAMBIGUOUS : i == 0 ? MONTH_FIRST : DAY_FIRST;
                    addDate(date.getYear() * 10000L + date.getMonthValue() * 100L + date.getDayOfMonth(), source, value,
                            valueA, valueB, exemptForm, subject, readingOf);
                }
            }
            byte kind = !dates.isEmpty() ? DATE : asciiDigits(value.strip()) ? DIGITS : STRONG;
            for (List<String> tokens : variants) {
                // a digit group of a longer value looked for alone (the 7829965 of a UUID) is as weak as a number
                boolean fragment = tokens.size() == 1 && written.size() > 1 && Tokens.isDigits(tokens.get(0))
                        && !tokens.get(0).equals(String.join("", written));
                boolean word = written.size() == 1 && !Tokens.isDigits(written.get(0));
                byte weakness = fragment ? DIGITS : kind == STRONG && word ? WORD
                        : kind == STRONG && shortMixed(tokens) ? SHORT : kind;
                int p = addPattern(tokens, source, value, valueA, valueB, weakness, subject);
                if (weakness == DIGITS && tokens.size() == 1 && weak[p] == DIGITS) {
                    long day = isoOrCompactDay(tokens.get(0));
                    if (day > 0) {
                        digitDays.put(p, (int) day); // decision 0209
                    }
                }
            }
            values++;
            return true;
        }

        private void addDate(long day, String source, String value, long valueA, long valueB, String exemptForm,
                int subject, byte readingOf) {
            int first = dateFirst.get(day);
            for (int p = first; p >= 0; p = nextPattern[p]) {
                if (originalA[p] == valueA && originalB[p] == valueB) {
                    addSubject(p, subject);
                    touch(p);
                    return;
                }
            }
            int p = newPattern(source, value, valueA, valueB);
            weak[p] = DATE;
            addSubject(p, subject);
            exempt[p] = exemptForm;
            reading[p] = readingOf;
            nextPattern[p] = first;
            dateFirst.put(day, p);
            dateDays.add(day);
            touch(p);
        }

        private int newPattern(String source, String value, long valueA, long valueB) {
            if (patterns == sources.length) {
                int n = sources.length + (sources.length >> 1); // by half: see seq
                sources = Arrays.copyOf(sources, n);
                if (originals != null) {
                    originals = Arrays.copyOf(originals, n);
                }
                originalA = Arrays.copyOf(originalA, n);
                originalB = Arrays.copyOf(originalB, n);
                nextPattern = Arrays.copyOf(nextPattern, n);
                exempt = Arrays.copyOf(exempt, n);
                reading = Arrays.copyOf(reading, n);
                weak = Arrays.copyOf(weak, n);
                pseudonymized = Arrays.copyOf(pseudonymized, n);
                subjectOf = Arrays.copyOf(subjectOf, n);
                Arrays.fill(subjectOf, patterns, n, NO_SUBJECT);
                seqStart = Arrays.copyOf(seqStart, n + 1);
            }
            seqStart[patterns] = seqLength;
            sources[patterns] = source;
            if (originals != null) {
                originals[patterns] = value;
            }
            originalA[patterns] = valueA;
            originalB[patterns] = valueB;
            return patterns++;
        }

        /** Values added (each in one or more notations). */
        public int values() {
            return values;
        }

        /** Records that pattern {@code p} is (also) an original of {@code subject} (none when negative). */
        private void addSubject(int p, int subject) {
            if (subject < 0) {
                return;
            }
            int one = subjectOf[p];
            if (one == NO_SUBJECT) {
                subjectOf[p] = subject;
                return;
            }
            if (one >= 0) {
                if (one != subject) {
                    subjectOf[p] = -2 - subjectLists.size();
                    subjectLists.add(new int[] {one, subject});
                }
                return;
            }
            int[] list = subjectLists.get(-2 - one);
            for (int s : list) {
                if (s == subject) {
                    return;
                }
            }
            list = Arrays.copyOf(list, list.length + 1);
            list[list.length - 1] = subject;
            subjectLists.set(-2 - one, list);
        }

        /** Adds (or finds) the pattern of {@code tokens}; returns its index. */
        private int addPattern(List<String> tokens, String source, String value, long valueA, long valueB, byte kind,
                int subject) {
            int n = tokens.size();
            long[] hashes = new long[n];
            long whole = Fold.OFFSET;
            for (int i = 0; i < n; i++) {
                hashes[i] = fix(Fold.hash(tokens.get(i)));
                whole = (whole ^ hashes[i]) * 0x9E3779B97F4A7C15L + n;
            }
            whole = fix(whole);
            // the same value in two notations with equal tokens, or from two sources: one pattern is enough (the
            // first source is the one reported), so one leak is one hit
            int slot = sequenceSlot(whole);
            int first = sequenceTable[slot];
            for (int p = first; p >= 0; p = nextPattern[p]) {
                if (originalA[p] == valueA && originalB[p] == valueB && sameTokens(p, hashes)) {
                    addSubject(p, subject);
                    touch(p);
                    return p;
                }
            }
            int p = newPattern(source, value, valueA, valueB);
            if (seqLength + n > seqChars.length) {
                seqChars = Arrays.copyOf(seqChars, Math.max(seqChars.length + (seqChars.length >> 1), seqLength + n));
            }
            for (int i = 0; i < n; i++) {
                // the tokens in pages of 64 Ki, added as needed: never an old and a new array of all of them at once
                // (decision 0066; growing by half still held 150 MB at once at a million originals)
                int at = seqLength + i;
                int page = at >>> PAGE_BITS;
                if (page == seq.length) {
                    seq = Arrays.copyOf(seq, seq.length * 2);
                }
                if (seq[page] == null) {
                    seq[page] = new long[1 << PAGE_BITS];
                }
                seq[page][at & PAGE_MASK] = hashes[i];
            }
            for (int i = 0; i < n; i++) {
                seqChars[seqLength + i] = (byte) Math.min(127, tokens.get(i).length());
            }
            seqLength += n;
            weak[p] = kind;
            addSubject(p, subject);
            nextPattern[p] = first;
            // at most two thirds full (decision 0066: half full took 32 MB at a million originals, two thirds 16 MB)
            if (first < 0 && ++sequenceCount * 3 > sequenceTable.length * 2) {
                int[] old = sequenceTable;
                sequenceTable = filled(old.length * 2);
                sequenceMarks = new byte[old.length * 2];
                for (int q : old) {
                    if (q >= 0) {
                        long w = wholeOf(q);
                        int to = sequenceSlot(w);
                        sequenceTable[to] = q;
                        sequenceMarks[to] = (byte) w;
                    }
                }
                slot = sequenceSlot(whole);
            }
            sequenceTable[slot] = p;
            sequenceMarks[slot] = (byte) whole;
            touch(p);
            return p;
        }

        private boolean sameTokens(int p, long[] hashes) {
            int from = seqStart[p];
            int to = p + 1 < patterns ? seqStart[p + 1] : seqLength;
            if (to - from != hashes.length) {
                return false;
            }
            for (int i = 0; i < hashes.length; i++) {
                if (token(seq, from + i) != hashes[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The dictionary; the builder must not be used afterwards. */
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
        return variants(Fold.tokens(value), value, withDates);
    }

    /** As {@link #variants(String, boolean)}, of a value whose folded tokens are {@code tokens}. */
    private static List<List<String>> variants(List<String> tokens, String value, boolean withDates) {
        if (tokens.isEmpty() || !significant(tokens)) {
            return List.of();
        }
        if (tokens.size() == 1 && (!withDates || value.length() < 8)) {
            // one token: no joined digits, no digit groups, no rotations; a date needs at least 8 characters
            List<List<String>> one = new ArrayList<>(1);
            one.add(tokens);
            return one;
        }
        Set<List<String>> out = new LinkedHashSet<>();
        out.add(tokens);
        boolean allDigits = true;
        boolean allLetters = true;
        for (String t : tokens) {
            allDigits &= Tokens.isDigits(t);
            allLetters &= !Character.isDigit(t.charAt(0));
        }
        if (allDigits && tokens.size() > 1) {
            out.add(List.of(String.join("", tokens)));
        }
        if (tokens.size() > 1) {
            Set<String> product = gs1ProductParts(value);
            for (String t : tokens) {
                if (Tokens.isDigits(t) && t.length() >= 6 && !product.contains(t)) {
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

    /** Whether tokens mix letters and digits in fewer than {@link #SHORT_CHARS} characters. */
    private static boolean shortMixed(List<String> tokens) {
        int chars = 0;
        boolean letters = false;
        boolean digits = false;
        for (String t : tokens) {
            chars += t.length();
            boolean d = Tokens.isDigits(t);
            digits |= d;
            letters |= !d;
        }
        return letters && digits && chars < SHORT_CHARS;
    }

    /** A GS1 element string's product code or date: {@code (01)} GTIN, {@code (17)} expiry, {@code (11)} made, …. */
    private static final Pattern GS1_PRODUCT_PART =
            Pattern.compile("\\((?:01|02|11|12|13|15|16|17)\\)(\\d{6,14})(?=\\(|$)");

    /**
     * The digit groups of a GS1 element string ({@code (01)00643169007222(17)260430(10)LOT7731X(21)SN44820917}, a UDI's
     * human-readable carrier) that name the product or a date rather than the one item (decision 0164): the GTIN is the
     * device's model, which the output keeps as a UDI's device identifier, as an NDC names a drug; the item's serial
     * {@code (21)} and lot {@code (10)} are still looked for alone. Empty for any other value.
     */
    static Set<String> gs1ProductParts(String value) {
        if (value.indexOf('(') < 0) {
            return Set.of();
        }
        Set<String> parts = new java.util.HashSet<>(2);
        java.util.regex.Matcher m = GS1_PRODUCT_PART.matcher(value);
        while (m.find()) {
            parts.add(m.group(1));
        }
        return parts;
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
     * The day ({@code yyyymmdd}) pattern {@code p} reads as when it is a digit group looked for alone that is a compact
     * date ({@code 20230611} of the original {@code JP-20230611}); else -1 (decision 0209).
     */
    int digitDay(int p) {
        return weak[p] == DIGITS ? digitDays.get(p) : -1;
    }

    /**
     * The days of the digit groups the verifier looks for alone in an identifying value that read as a compact date and
     * are not the value's own date ({@code JP-20230611} is the day 2023-06-11, found in a DICOM {@code DA} or a
     * {@code yyyymmdd} column; decision 0209): a run attests the shifted dates it writes as {@code yyyymmdd} on these
     * days of their subject. Exactly the days of {@link #digitDay} the dictionary gives the value's patterns.
     */
    public static long[] digitGroupDays(String value) {
        int run = 0;
        boolean eight = false;
        for (int i = 0, n = value.length(); i <= n && !eight; i++) {
            if (i < n && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
                run++;
            } else {
                eight = run == 8 && run < n;
                run = 0;
            }
        }
        List<String> written = eight ? Fold.tokens(MarkupText.read(value)) : List.of();
        if (written.size() < 2) {
            return NO_DAYS; // no group of eight digits in a longer value: none looked for alone reads as a date
        }
        long[] own = days(value); // a date the value is itself is looked for as that date, not as a digit group
        long[] out = NO_DAYS;
        for (String t : written) {
            long day = t.length() == 8 && Tokens.isDigits(t) ? isoOrCompactDay(t) : -1;
            if (day > 0 && java.util.Arrays.stream(own).noneMatch(d -> d == day)
                    && java.util.Arrays.stream(out).noneMatch(d -> d == day)) {
                out = java.util.Arrays.copyOf(out, out.length + 1);
                out[out.length - 1] = day;
            }
        }
        return out;
    }

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

    /** Whether {@code v} is only ASCII digits (true when empty, as {@code chars().allMatch} is). */
    private static boolean asciiDigits(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (!asciiDigit(v.charAt(i))) {
                return false;
            }
        }
        return true;
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
