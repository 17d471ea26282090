package org.deidworkbench.deid.leak;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Scans the values of one file for the originals of a {@link LeakDictionary} and for {@link PhiPatterns}.
 * Values come either one by one ({@link #value}: a CSV cell, a DICOM element, a file name — a match never
 * spans two of them) or as a raw byte stream ({@link #rawBytes}, UTF-8 with single invalid bytes read as
 * Latin-1), where matches may span lines and are located by line. Each hit goes to the {@link Sink} with
 * its location and never with the value unless the scanner reveals.
 *
 * <p>Not thread-safe: one scanner per thread, any number sharing one dictionary. Cost per character: two
 * table lookups and a multiply; per token one filter probe (one cache line), and a comparison of the pattern where an
 * anchor of the dictionary occurs; PHI
 * patterns run only on values (or lines) with an {@code @} or at least five digits.
 */
public final class LeakScanner {

    /** What a hit is. */
    public enum Kind {
        /** An original value recorded in the key file. */
        ORIGINAL,
        /** A US social security number. */
        SSN,
        /** A phone number. */
        PHONE,
        /**
         * A national id: a Nordic personal number (Swedish personnummer, Danish CPR: six digits, a dash or plus, four
         * digits), a UK NHS number, a Brazilian CPF, a Turkish TC Kimlik No, an Aadhaar number, a Canadian SIN (decision
         * 0128); a Mexican CURP, RFC and IMSS number, a Chilean RUT, an Argentine CUIL, a Russian SNILS, a Greek AMKA and
         * AFM, a Korean RRN, a Chinese resident identity number, a Japanese My Number, a Thai national ID (decision 0137).
         */
        NATIONAL_ID,
        /** An e-mail address. */
        EMAIL,
        /** A number labelled as a medical record number or patient id. */
        MRN,
        /** A date labelled as a date of birth. */
        DATE_OF_BIRTH,
        /** A US Medicare Beneficiary Identifier ({@code 1EG4-TE5-MK73}; decision 0124). */
        MBI,
        /** An IPv6 address (decision 0124). */
        IP_ADDRESS,
        /** A MAC address (decision 0124). */
        MAC_ADDRESS,
        /**
         * A health number found by its shape and check digit (decision 0128): an Australian IHI, Medicare card or DVA
         * file number, a New Zealand NHI, an Ontario or British Columbia health number, a RAMQ number, a Brazilian CNS;
         * a Russian полис ОМС (decision 0137).
         */
        HEALTH_NUMBER,
        /** A postcode found without an address around it: a Brazilian CEP, an Indian PIN code after its cue (decision 0128). */
        POSTCODE
    }

    /**
     * One finding.
     *
     * @param kind what was found
     * @param source for an original, where it is recorded (e.g. {@code key file domain 'patient'}); else the pattern
     * @param location where in the file (e.g. {@code line 12, column notes}); never contains the value; null once the sink no longer lists hits ({@link Sink#listing})
     * @param value the value found, only when revealing; else {@code null}
     */
    public record Hit(Kind kind, String source, String location, String value) {
        @Override
        public String toString() {
            return "Hit[" + kind + ", " + source + ", " + location + "]";
        }
    }

    /** Receives hits. */
    public interface Sink {
        void hit(Hit hit);

        /**
         * Whether the next hits are still shown with their location; when not, they are only counted and the
         * scanner passes {@code null} as their location (describing millions of locations costs more than the scan).
         */
        default boolean listing() {
            return true;
        }

        /**
         * A hit on a date original in a record of its own subject where the run attested that it wrote a shifted date
         * reading as that subject's original date (decision 0029): whether it is an attested coincidence or a leak is
         * decided once the whole output is scanned, against the run's count for {@code attestation}. Hits with the
         * same {@code occurrence} were found in one date of the output (one value, several originals of that day).
         * The default counts it as a hit.
         *
         * @param attestation {@link LeakScanner#attestation(int, long)} of its subject and day
         */
        default void attestable(Hit hit, long attestation, long occurrence) {
            hit(hit);
        }

        /**
         * A hit on a one-word known identifier that is the whole value of a field ({@link #fields}) in a record of its own
         * subject (decision 0090): whether the field holds it as a value shared by other subjects' records (a category
         * equal to a surname) or it is a leak is decided once the whole file is scanned, against {@link #otherSubject}'s
         * count for the same {@code original} and {@code field}. The default counts it as a hit.
         *
         * @param original the pattern matched (an opaque key: equal for the same original as the dictionary matched it)
         */
        default void shared(Hit hit, int original, Object field) {
            hit(hit);
        }

        /**
         * The same kind of whole value as {@link #shared}, in a record that names subjects none of whom has it as an
         * identifier: not a hit (decision 0023), counted for {@link #shared}. The default ignores it.
         */
        default void otherSubject(int original, Object field) {
        }
    }

    /** The key of a run's attestation of a subject (an id of {@link LeakDictionary.Builder#subject}) and a day. */
    public static long attestation(int subject, long yyyymmdd) {
        return ((long) subject << 32) | yyyymmdd;
    }

    private static final int WINDOW = 4096;
    private static final int OVERLAP = 96;

    private final LeakDictionary dictionary;
    /** The dictionary's fields read per token, held here: one load each instead of two dependent ones (decision 0089). */
    private final boolean hasDates;
    private final int shortestSingle;
    private final long[][] seq;
    private final int[] seqStart;
    /** {@link LeakDictionary#month} of the letter token being ended (of three to nine letters). */
    private int tokenMonth;
    private final java.util.function.Predicate<String> pseudonyms;
    private final boolean reveal;
    private final Sink sink;

    // current token
    private long hash;
    private byte current = Fold.SEPARATOR;
    private Supplier<String> where;
    // PHI prefilter of the current unit or line (see PhiPatterns.find)
    private boolean at;
    private boolean grouped;
    /** Four two-digit tokens one character apart in a row (a French phone in pairs has no run of four digits). */
    private boolean pairGrouped;
    private int pairChain;
    private boolean label;
    /**
     * IPv6 and MAC addresses (decision 0124): two colons in a row, or six short groups in a row joined by colons, or by
     * dashes (see {@link #link}); times, dates and UUIDs have fewer.
     */
    private boolean doubleColon;
    private boolean linked;
    /** The last colon or dash that followed a token, and where; the groups joined by it so far. */
    private int separatorAt = -100;
    private char separatorChar;
    private int links;
    /** Where a two-letter token just after a digit token ended (an MBI's letters 8-9), or -2. */
    private int letterPairEnd = -2;
    /** Where a two-digit token right after such a pair ended: an MBI's end when its word ends there, or -2. */
    private int mbiEnd = -2;
    /** Such a word end was seen (decision 0124). */
    private boolean mbiTail;
    /**
     * A token of a shape of {@link NumberShapes} was seen (decision 0128): a run of 11, 12, 15 or 16 digits, groups of
     * their notations joined by a space or a dash (4-4, 3-4, 4-5, 4-3, 3-3, 5-3; 9-2, 6-2 and 3-2 by a dash, 3.5 by a
     * dot), ten digits and two letters, six digits just after a word, digits right after three or four letters, four
     * short numbers joined by dots, or the word {@code DVA}; since decision 0137 also a run of 13, 17 or 18 digits, four
     * digits after three pairs (an IMSS number), one digit by a dash after {@code 12.345.678} or 7 or 8 digits (a RUT's,
     * a CUIL's check digit; a LOINC code's {@code 2345-7} or {@code 718-7} opens nothing), a letter the same way (a RUT's
     * {@code K}), 6-7 by a dash (an RRN), 9 2 by a space (a SNILS), and nine digits in a value with a Cyrillic or Greek
     * letter (an AFM).
     */
    private boolean numberShape;
    /** A Cyrillic or Greek letter token, a nine-digit token seen in the value or line (a Greek AFM; decision 0137). */
    private boolean cyrillicGreek;
    private boolean nineDigits;
    /** Short digit tokens joined by dots in a row (an IPv4 address has four). */
    private int dotChain;
    /** Where the last letter token ended and its length. */
    private int lastLetterEnd = -100;
    private int lastLetterLength;
    private int tokenLength;
    /** The current token's last two folded units ({@link Fold#shortCode}). */
    private int lastTwo;
    /** {@link Fold#shortCode} of the token before the one just ended (the first of an anchor pair), or -1. */
    private int previousCode = -1;
    /** The anchor filter block ({@link LeakDictionary#block}) of the token before the current one. */
    private int previousBlock;
    private int previousDigitGroup;
    /** The longest digit token of the current value, its tokens' start and end, and whether three in a row. */
    private int longestDigits;
    private int digitChain;
    private int lastDigitEnd;
    private boolean dateChain;
    // the current word (letters and digits without a separator): its hits wait until it is known not to be a pseudonym
    private long wordHash = Fold.OFFSET;
    private boolean inWord;
    /** The count of {@link #tokens} when the current word began: its tokens are the ones counted since. */
    private int wordFirstToken;
    /**
     * The current word's hits, by pattern: a {@link Hit} (and its location) is made only when its word or value sends
     * it on, so a candidate dropped in its word or value never asks {@link #where} (decision 0082).
     */
    private int pendingCount;
    private int[] pendingPatterns = new int[16];
    // subject-aware counting of dates and all-digit originals (decision 0023), when on
    private boolean bySubject;
    /** Letter (1) and digit (2) tokens of the current word, or-ed. */
    private int wordKinds;
    /** Words of three letters or more that are not months in the current value, up to 2 (free text: 2). */
    private int valueWords;
    private final Held valueHeld = new Held();
    private final Held recordHeld = new Held();
    private int[] recordSubjects = new int[8];
    private int recordSubjectCount;
    private boolean linesAreRecords;
    /** The field of a value's location ({@link #fields}), or null (decision 0090). */
    private java.util.function.Function<Supplier<String>, Object> fieldOf;
    /**
     * Whatever a value did beyond counting its tokens: a pattern reported (pending), a subject named, a PHI pattern
     * hit. A value whose full scan left it unchanged is inert and may be remembered (decision 0100).
     */
    private long effects;
    /**
     * Inert values seen (decision 0100), taken at the first value that may be remembered (the dictionary's for this
     * thread, or this scanner's own when its pseudonyms are not the dictionary's); null until then.
     */
    private ValueMemo memo;
    private boolean remembering = true;
    /** Whether this scanner's pseudonyms are its dictionary's: then its memo is the dictionary's for this thread. */
    private boolean sharedMemo;
    /** Key of the value being scanned ({@link #skipped}) or {@link #NOT_REMEMBERED}, and its effects before. */
    private long memoKey;
    private long effectsBefore;
    private static final long NOT_REMEMBERED = 0;
    private long skipped;

    /**
     * Hits waiting for the end of their value or record, with their pattern, whether their value is free text, and for
     * a date original the day read and the date occurrence it was found in.
     */
    private static final class Held {
        final java.util.ArrayList<Hit> hits = new java.util.ArrayList<>();
        int[] patterns = new int[16];
        boolean[] free = new boolean[16];
        long[] days = new long[16];
        long[] occurrences = new long[16];
        /** For a one-word known identifier that is its whole value, the value's field (decision 0090); else null. */
        Object[] fields = new Object[16];

        void add(Hit hit, int pattern, boolean freeText, long day, long occurrence, Object field) {
            int n = hits.size();
            if (n == patterns.length) {
                patterns = java.util.Arrays.copyOf(patterns, n * 2);
                free = java.util.Arrays.copyOf(free, n * 2);
                days = java.util.Arrays.copyOf(days, n * 2);
                occurrences = java.util.Arrays.copyOf(occurrences, n * 2);
                fields = java.util.Arrays.copyOf(fields, n * 2);
            }
            hits.add(hit);
            patterns[n] = pattern;
            free[n] = freeText;
            days[n] = day;
            occurrences[n] = occurrence;
            fields[n] = field;
        }

        void clear() {
            java.util.Arrays.fill(fields, 0, hits.size(), null);
            hits.clear();
        }
    }
    /** Attestations of the run that wrote the output ({@link #attestation}), or null (decision 0029). */
    private java.util.function.LongPredicate attested;
    /** The day of the date entries being reported, and the date occurrence (a count of date tokens) they end. */
    private long reportDay;
    /** Whether the date being reported was read from one token of eight digits ({@code yyyymmdd}). */
    private boolean reportCompact;
    private long occurrence;
    private long[] pendingDays = new long[16];
    private long[] pendingOccurrences = new long[16];
    private boolean[] pendingCompact = new boolean[16];
    // raw mode
    private long line;
    private final char[] lineBuffer = new char[WINDOW];
    private int lineLength;
    private int pendingLead;
    private int pendingNeeded;
    private int pendingValue;
    private final Supplier<String> lineLocation = () -> "line " + line;

    /**
     * @param pseudonyms values that are pseudonyms, never reported as a pattern match
     * @param reveal whether hits carry the value found
     */
    public LeakScanner(LeakDictionary dictionary, Set<String> pseudonyms, boolean reveal, Sink sink) {
        this(dictionary, Objects.requireNonNull(pseudonyms, "pseudonyms")::contains, reveal, sink);
    }

    /**
     * A scanner whose pseudonyms are those declared to the dictionary ({@link LeakDictionary.Builder#pseudonym}), kept
     * there as keys, not strings (decision 0061).
     *
     * @param reveal whether hits carry the value found (an original only when the dictionary kept them)
     */
    public LeakScanner(LeakDictionary dictionary, boolean reveal, Sink sink) {
        this(dictionary, Objects.requireNonNull(dictionary, "dictionary")::isPseudonym, reveal, sink);
        this.sharedMemo = true;
    }

    private LeakScanner(LeakDictionary dictionary, java.util.function.Predicate<String> pseudonyms, boolean reveal,
            Sink sink) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.hasDates = dictionary.hasDates();
        this.shortestSingle = dictionary.shortestSingle;
        this.seq = dictionary.seq;
        this.seqStart = dictionary.seqStart;
        this.pseudonyms = pseudonyms;
        this.reveal = reveal;
        this.sink = Objects.requireNonNull(sink, "sink");
        int size = Integer.highestOneBit(Math.max(8, dictionary.longest * 2 - 1));
        this.ring = new long[size];
        this.ringMask = size - 1;
    }

    /**
     * Counts dates, all-digit originals (and digit groups of longer ones looked for alone) and one-word originals of
     * a known subject by subject (decision 0023): such a hit counts where the record it is in (see
     * {@link #endRecord}) names the original's own subject; a number or word also in free text (a value with a word
     * of three letters or more, not a month name, besides the original found; raw text) whoever's it is; a date in free text only
     * when the record names no subject or the original has none. A number or word never inside a word that mixes
     * letters and digits.
     * Other originals and PHI patterns count anywhere.
     *
     * @return this scanner
     */
    public LeakScanner bySubject() {
        this.bySubject = true;
        this.memo = null; // what is inert depends on counting by subject
        return this;
    }

    /**
     * Hits on a date original in a record of its own subject whose subject and day ({@link #attestation}) the run
     * attested go to {@link Sink#attestable} instead of {@link Sink#hit} (decision 0029; only with {@link #bySubject}).
     *
     * @return this scanner
     */
    public LeakScanner attested(java.util.function.LongPredicate attestations) {
        this.attested = attestations;
        return this;
    }

    /**
     * Tells the field of a value's location (with {@link #bySubject}): a CSV column, a FHIR element path, a DICOM tag
     * path, as an object equal for every value of that field of a file, or null when it has none. A one-word known
     * identifier that is a whole value of a field goes to {@link Sink#shared} in a record of its own subject and to
     * {@link Sink#otherSubject} in a record of other subjects (decision 0090). Asked only for such values, while the
     * value is scanned.
     *
     * @return this scanner
     */
    public LeakScanner fields(java.util.function.Function<Supplier<String>, Object> field) {
        this.fieldOf = field;
        return this;
    }

    /**
     * Ends a record (a CSV record, a FHIR resource, a DICOM file, a file): its held hits on dates and all-digit
     * originals are now counted or dropped by the subjects it named (only with {@link #bySubject}).
     */
    public void endRecord() {
        Held h = recordHeld;
        for (int i = 0; i < h.hits.size(); i++) {
            int p = h.patterns[i];
            if (recordSubjectCount > 0 ? ownSubject(p) : h.free[i]) {
                // a run attests the dates it writes as whole values and, since decision 0116, the dates its scrubber
                // writes shifted into free text (earlier runs attested none there: their budget is smaller, never larger)
                // and a digit group of an identifier that reads as a compact date (decision 0209)
                long key = recordSubjectCount <= 0 || attested == null ? -1
                        : dictionary.weak[p] == LeakDictionary.DATE ? attestedKey(p, h.days[i])
                        : h.fields[i] == null && !h.free[i] && dictionary.digitDay(p) > 0
                                ? attestedKey(p, dictionary.digitDay(p)) : -1;
                if (key >= 0) {
                    sink.attestable(h.hits.get(i), key, h.occurrences[i]);
                } else if (h.fields[i] != null) {
                    sink.shared(h.hits.get(i), p, h.fields[i]); // a field is held only outside free text
                } else {
                    sink.hit(h.hits.get(i));
                }
            } else if (h.fields[i] != null && recordSubjectCount > 0) {
                sink.otherSubject(p, h.fields[i]);
            }
        }
        h.clear();
        recordSubjectCount = 0;
    }

    /** The attestation of an own subject of pattern {@code p} named in the record and the day read, or -1. */
    private long attestedKey(int p, long day) {
        for (int i = 0, n = dictionary.subjectCount(p); i < n; i++) {
            int s = dictionary.subject(p, i);
            if (named(s) && attested.test(attestation(s, day))) {
                return attestation(s, day);
            }
        }
        return -1;
    }

    private boolean named(int subject) {
        for (int i = 0; i < recordSubjectCount; i++) {
            if (recordSubjects[i] == subject) {
                return true;
            }
        }
        return false;
    }

    private boolean ownSubject(int p) {
        for (int j = 0, n = dictionary.subjectCount(p); j < n; j++) {
            int s = dictionary.subject(p, j);
            for (int i = 0; i < recordSubjectCount; i++) {
                if (recordSubjects[i] == s) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A value (or raw stream) ended: its held hits are counted, dropped, or held until the record ends.
     *
     * @param words its words of three letters or more that are not month names, up to 2 (raw text: 2)
     */
    private void endValue(int words) {
        Held h = valueHeld; // its hits not yet made (null): made here if they outlive the value
        for (int i = 0; i < h.hits.size(); i++) {
            int p = h.patterns[i];
            // free text: a word besides the original found (a one-word original is itself one)
            boolean freeText = words - (dictionary.weak[p] == LeakDictionary.WORD ? 1 : 0) >= 1;
            boolean unknownSubject = !dictionary.hasSubjects(p);
            if (freeText && (unknownSubject || dictionary.weak[p] != LeakDictionary.DATE)) {
                sink.hit(hit(p));
            } else if (!unknownSubject) {
                // a known identifier of one word that is the whole value (all its tokens): its field, to count it
                Object field = !freeText && fieldOf != null && tokens == dictionary.tokenCount(p)
                        && dictionary.shareable(p) ? fieldOf.apply(where) : null;
                recordHeld.add(hit(p), p, freeText, h.days[i], h.occurrences[i], field);
            }
            // else a date or number of no known subject in a structured value: a coincidence
        }
        h.clear();
        valueWords = 0;
    }

    /** Scans one whole value; {@code where} is asked only on a hit. */
    public void value(CharSequence value, Supplier<String> where) {
        value(value, where, false);
    }

    /**
     * Scans one whole value that is free text whatever it looks like (a file or folder name: a date or number in a
     * name counts, see {@link #bySubject}); {@code where} is asked only on a hit.
     */
    public void freeText(CharSequence value, Supplier<String> where) {
        value(value, where, true);
    }

    /**
     * Scans one whole value held in {@code a[offset, offset + length)} (a parser's buffer: read only during this call,
     * never kept), as {@link #value(CharSequence, Supplier)} scans the same characters, without a copy.
     */
    public void value(char[] a, int offset, int length, Supplier<String> where) {
        Objects.checkFromIndexSize(offset, length, a.length);
        if (skipped(a, offset, length, where)) {
            return;
        }
        scan(a, offset, offset + length, where);
        if (anyPattern()) {
            valuePatterns(java.nio.CharBuffer.wrap(a, offset, length));
        }
        resetFlags();
        if (bySubject) {
            endValue(valueWords);
        }
        remember(a, offset, length);
    }

    /** The same scanner without the memo of inert values: every value scanned in full, to compare (decision 0100). */
    LeakScanner withoutMemo() {
        remembering = false;
        memo = null;
        return this;
    }

    /** Values found in the memo and not scanned again (decision 0100). */
    long skipped() {
        return skipped;
    }

    /**
     * Whether a value of {@code length} units is looked for in (and, found inert, stored in) the {@link #memo}: a value
     * starts where the last one ended, no word begun, nothing pending (decision 0100).
     */
    private boolean remembers(int length) {
        if (!remembering || length > ValueMemo.LONGEST || length < ValueMemo.SHORTEST || inWord || pendingCount > 0
                || valueWords > 0) {
            return false;
        }
        if (memo == null) {
            memo = sharedMemo ? dictionary.memo(bySubject) : new ValueMemo();
        }
        return true;
    }

    /**
     * Whether {@code a[offset, offset + length)} (a {@code byte[]} or {@code char[]}) is in the {@link #memo}: then its
     * tokens are counted as its full scan would count them and the scan is skipped; else its full scan follows and
     * {@link #remember} stores it if inert.
     */
    private boolean skipped(Object a, int offset, int length, Supplier<String> where) {
        memoKey = remembers(length) ? ValueMemo.key(a, offset, length) : NOT_REMEMBERED;
        if (memoKey != NOT_REMEMBERED && memo.find(memoKey, a, offset, length)) {
            again(where);
            return true;
        }
        effectsBefore = effects;
        return false;
    }

    /** After a full scan ({@link #skipped} false): stores the value in the {@link #memo} if it was inert. */
    private void remember(Object a, int offset, int length) {
        if (memoKey != NOT_REMEMBERED && effects == effectsBefore) {
            memo.put(memoKey, a, offset, length, tokens);
        }
    }

    /**
     * What a full scan of a value the {@link #memo} holds would change: its tokens counted (the date occurrences, the
     * tokens of the value); every other field it writes is reset before it is read again (decision 0100).
     */
    private void again(Supplier<String> where) {
        skipped++;
        this.where = where;
        int n = memo.found;
        tokens = n;
        if (hasDates) {
            occurrence += n;
        }
    }

    /**
     * Scans one whole value held as ISO 8859-1 bytes in {@code a[offset, offset + length)} (a reader's buffer of UTF-8 text
     * whose value is all ASCII: read only during this call, never kept), as {@link #value(CharSequence, Supplier)} scans
     * the same characters, without decoding them (decision 0085).
     */
    public void value(byte[] a, int offset, int length, Supplier<String> where) {
        Objects.checkFromIndexSize(offset, length, a.length);
        if (skipped(a, offset, length, where)) {
            return;
        }
        this.where = where;
        resetTokens();
        dateTokens = 0;
        current = Fold.SEPARATOR;
        resetFlags();
        currentBytes = a;
        currentBytesBase = offset;
        tokens = 0;
        units(a, offset, offset + length);
        position = length;
        endToken();
        endWord();
        resetTokens();
        currentBytes = null;
        if (anyPattern()) {
            if (length > chars.length) {
                chars = new char[Math.max(length, chars.length * 2)];
            }
            for (int i = 0; i < length; i++) {
                chars[i] = (char) (a[offset + i] & 0xFF);
            }
            valuePatterns(java.nio.CharBuffer.wrap(chars, 0, length));
        }
        resetFlags();
        if (bySubject) {
            endValue(valueWords);
        }
        remember(a, offset, length);
    }

    private void value(CharSequence value, Supplier<String> where, boolean freeText) {
        int n = value.length();
        if (n > chars.length) {
            chars = new char[Math.max(n, chars.length * 2)];
        }
        if (value instanceof String string) {
            string.getChars(0, n, chars, 0);
        } else {
            for (int i = 0; i < n; i++) {
                chars[i] = value.charAt(i);
            }
        }
        scan(chars, 0, n, where);
        if (anyPattern()) {
            valuePatterns(value);
        }
        resetFlags();
        if (bySubject) {
            endValue(freeText ? 2 : valueWords);
        }
    }

    /** Scans one whole value held in {@code a[from, to)}. */
    private void scan(char[] a, int from, int to, Supplier<String> where) {
        this.where = where;
        currentFrom = from;
        currentTo = to;
        resetTokens();
        dateTokens = 0;
        current = Fold.SEPARATOR;
        resetFlags();
        currentValue = a;
        tokens = 0;
        units(a, from, to);
        position = to;
        endToken();
        endWord();
        resetTokens();
        currentValue = null;
    }

    /**
     * Starts a raw stream (a file read as text). With {@link #bySubject}, each line is a record of its own (a file of
     * no known format has no other), unless the stream is one value of a record ({@link #rawValue}).
     */
    public void startRaw() {
        linesAreRecords = true;
        where = lineLocation;
        resetTokens();
        dateTokens = 0;
        current = Fold.SEPARATOR;
        line = 1;
        lineLength = 0;
        resetFlags();
        pendingNeeded = 0;
    }

    /** Feeds the next bytes of a raw stream. */
    public void rawBytes(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80 && pendingNeeded == 0) {
                rawChar((char) b);
                continue;
            }
            if (pendingNeeded > 0) {
                if ((b & 0xC0) == 0x80) {
                    pendingValue = (pendingValue << 6) | (b & 0x3F);
                    if (--pendingNeeded == 0) {
                        rawChar(pendingValue > 0xFFFF ? ' ' : (char) pendingValue);
                    }
                    continue;
                }
                // broken sequence: its lead byte was Latin-1 after all; the current byte starts afresh
                pendingNeeded = 0;
                rawChar((char) pendingLead);
            }
            if (b < 0x80) {
                rawChar((char) b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                pendingLead = b;
                pendingValue = b & 0x1F;
                pendingNeeded = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pendingLead = b;
                pendingValue = b & 0x0F;
                pendingNeeded = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pendingLead = b;
                pendingValue = b & 0x07;
                pendingNeeded = 3;
            } else {
                rawChar((char) b);
            }
        }
    }

    /**
     * Scans one value of unknown encoding as a raw stream (UTF-8, stray bytes as Latin-1), read to its end
     * through {@code buffer}; hits are located by {@code where}.
     */
    public void rawValue(java.io.InputStream in, byte[] buffer, Supplier<String> where) throws java.io.IOException {
        startRaw();
        linesAreRecords = false; // a value of a record: the record goes on
        this.where = where;
        int n;
        while ((n = in.read(buffer)) > 0) {
            rawBytes(buffer, 0, n);
        }
        endRaw();
    }

    /** Ends a raw stream. */
    public void endRaw() {
        if (pendingNeeded > 0) {
            pendingNeeded = 0;
            rawChar((char) pendingLead);
        }
        endToken();
        endWord();
        endLine();
        resetTokens();
        if (bySubject) {
            endValue(2);
        }
    }

    private void resetFlags() {
        at = false;
        grouped = false;
        pairGrouped = false;
        pairChain = 0;
        label = false;
        previousDigitGroup = 0;
        longestDigits = 0;
        digitChain = 0;
        dateChain = false;
        doubleColon = false;
        linked = false;
        links = 0;
        separatorAt = -100;
        letterPairEnd = -2;
        mbiEnd = -2;
        mbiTail = false;
        numberShape = false;
        cyrillicGreek = false;
        nineDigits = false;
        dotChain = 0;
        lastLetterEnd = -100;
        lastDigitEnd = -100; // positions start again at 0 in the next value
    }

    /** Whether a value or line may match an IPv6 or MAC address (see {@link #linked}). */
    private boolean network() {
        return doubleColon || linked;
    }

    /** Whether any PHI pattern may match the value or line at all (the weakest of each pattern's conditions). */
    private boolean anyPattern() {
        return at || grouped || label || mbiTail || doubleColon || linked || numberShape;
    }

    /**
     * Runs the PHI patterns a whole value can match at all: besides {@link #at}, {@link #grouped} and {@link #label}
     * (the weaker conditions a raw window keeps), SSN, phone and national id need a run of four ASCII digits or four
     * two-digit tokens one character apart in a row (a French phone in pairs), a labelled MRN one of
     * five, a labelled date of birth one of four or three digit tokens one character apart (every notation of its
     * date has one or the other); a run of ASCII digits is within one digit token. A FHIR reference
     * ({@code Patient/…}) carries a label word, a decimal ({@code 123.45}) a grouped pair: neither runs a pattern.
     */
    private void valuePatterns(CharSequence value) {
        boolean phone = grouped && longestDigits >= 4 || pairGrouped;
        boolean mrn = label && longestDigits >= 5;
        boolean birth = label && (longestDigits >= 4 || dateChain);
        if (at || phone || mrn || birth || mbiTail || network() || numberShape) {
            patterns(value, phone, mrn, birth);
        }
    }

    private void rawChar(char c) {
        position = lineLength;
        unit(c); // first: a token ending at the line break belongs to this line
        if (c == '\n') {
            endLine();
            line++;
        } else {
            if (lineLength == WINDOW) {
                // a very long line (or binary data): check this window, keep an overlap for matches across it
                window();
                System.arraycopy(lineBuffer, WINDOW - OVERLAP, lineBuffer, 0, OVERLAP);
                lineLength = OVERLAP;
                tokens = 0;
                resetFlags();
            }
            lineBuffer[lineLength++] = c;
        }
    }

    private void endLine() {
        window();
        lineLength = 0;
        tokens = 0;
        resetFlags();
    }

    private void window() {
        if (current == Fold.DIGIT) {
            numberShape = true; // a very long line's window may end inside a number (decision 0128)
        }
        if (lineLength > 0 && anyPattern()) {
            patterns(java.nio.CharBuffer.wrap(lineBuffer, 0, lineLength), grouped, label, label);
        }
        if (bySubject) {
            // raw text is free text; a line (or a window of a very long one) is a value, and in a raw file a record:
            // what waits for its end stays bounded
            endValue(2);
            if (linesAreRecords) {
                endRecord();
            }
        }
    }

    /**
     * {@link #unit} for each of {@code a[from, to)}, with the current token's and word's state in locals: within a token
     * (the most units) a unit costs two table lookups and two multiplies, and the fields are written only where a token
     * or word ends ({@link #endToken}, {@link #endWord} read them). The same state, token ends and word ends as calling
     * {@link #unit} per unit.
     */
    private void units(char[] a, int from, int to) {
        final byte[] classes = Fold.CLASS;
        final char[] folded = Fold.FOLDED;
        byte cur = current;
        long h = hash;
        long wh = wordHash;
        int length = tokenLength;
        int two = lastTwo;
        int d = digits;
        for (int i = from; i < to; i++) {
            char c = a[i];
            byte cls = classes[c];
            if (cls == cur) {
                if (cls != Fold.SEPARATOR) {
                    char f = folded[c];
                    h = (h ^ f) * Fold.PRIME;
                    wh = (wh ^ f) * Fold.PRIME;
                    length++;
                    two = two << 16 | f;
                    d = d * 10 + (f - '0');
                } else if (c == '@') {
                    at = true;
                } else if (c == ':' && i > from && a[i - 1] == ':') {
                    doubleColon = true;
                }
                continue;
            }
            if (cls == Fold.MARK) {
                continue;
            }
            position = i;
            if (cur != Fold.SEPARATOR) {
                current = cur;
                hash = h;
                tokenLength = length;
                lastTwo = two;
                digits = d;
                endToken();
            }
            if (cls == Fold.SEPARATOR) {
                wordHash = wh;
                endWord();
                wh = wordHash;
                if (c == '@') {
                    at = true;
                } else if (c == ':' || c == '-') {
                    link(c, i);
                }
            } else {
                tokenStart[tokens & 7] = i;
                wordKinds |= cls;
                if (!inWord) {
                    wordFirstToken = tokens;
                }
                inWord = true;
                char f = folded[c];
                h = (Fold.OFFSET ^ f) * Fold.PRIME;
                wh = (wh ^ f) * Fold.PRIME;
                length = 1;
                two = two << 16 | f;
                d = f - '0';
            }
            cur = cls;
        }
        current = cur;
        hash = h;
        wordHash = wh;
        tokenLength = length;
        lastTwo = two;
        digits = d;
    }

    /**
     * {@link #units(char[], int, int)} over ISO 8859-1 bytes, positions counted from {@code from} (as the characters of the
     * value, for {@link #dateShaped}).
     */
    private void units(byte[] a, int from, int to) {
        final int base = from;
        final byte[] classes = Fold.CLASS;
        final char[] folded = Fold.FOLDED;
        byte cur = current;
        long h = hash;
        long wh = wordHash;
        int length = tokenLength;
        int two = lastTwo;
        int d = digits;
        for (int i = from; i < to; i++) {
            char c = (char) (a[i] & 0xFF);
            byte cls = classes[c];
            if (cls == cur) {
                if (cls != Fold.SEPARATOR) {
                    char f = folded[c];
                    h = (h ^ f) * Fold.PRIME;
                    wh = (wh ^ f) * Fold.PRIME;
                    length++;
                    two = two << 16 | f;
                    d = d * 10 + (f - '0');
                } else if (c == '@') {
                    at = true;
                } else if (c == ':' && i > from && a[i - 1] == ':') {
                    doubleColon = true;
                }
                continue;
            }
            if (cls == Fold.MARK) {
                continue;
            }
            position = i - base;
            if (cur != Fold.SEPARATOR) {
                current = cur;
                hash = h;
                tokenLength = length;
                lastTwo = two;
                digits = d;
                endToken();
            }
            if (cls == Fold.SEPARATOR) {
                wordHash = wh;
                endWord();
                wh = wordHash;
                if (c == '@') {
                    at = true;
                } else if (c == ':' || c == '-') {
                    link(c, i - base);
                }
            } else {
                tokenStart[tokens & 7] = i - base;
                wordKinds |= cls;
                if (!inWord) {
                    wordFirstToken = tokens;
                }
                inWord = true;
                char f = folded[c];
                h = (Fold.OFFSET ^ f) * Fold.PRIME;
                wh = (wh ^ f) * Fold.PRIME;
                length = 1;
                two = two << 16 | f;
                d = f - '0';
            }
            cur = cls;
        }
        current = cur;
        hash = h;
        wordHash = wh;
        tokenLength = length;
        lastTwo = two;
        digits = d;
    }

    private void unit(char c) {
        byte cls = Fold.CLASS[c];
        if (cls == Fold.MARK) {
            return;
        }
        if (cls != current) {
            if (current != Fold.SEPARATOR) {
                endToken();
            }
            if (cls == Fold.SEPARATOR) {
                endWord();
            }
            current = cls;
            hash = Fold.OFFSET;
            tokenLength = 0;
            digits = 0;
            if (cls != Fold.SEPARATOR) {
                tokenStart[tokens & 7] = position;
                if (!inWord) {
                    wordFirstToken = tokens;
                }
            }
        }
        if (cls != Fold.SEPARATOR) {
            char f = Fold.FOLDED[c];
            wordKinds |= cls;
            hash = (hash ^ f) * Fold.PRIME;
            wordHash = (wordHash ^ f) * Fold.PRIME;
            inWord = true;
            tokenLength++;
            lastTwo = lastTwo << 16 | f;
            digits = digits * 10 + (f - '0'); // meaningful for digit tokens of up to 9 digits
        } else if (c == '@') {
            at = true;
        } else if (c == ':' || c == '-') {
            if (c == ':' && previousUnitColon) {
                doubleColon = true;
            }
            link(c, position);
        }
        previousUnitColon = c == ':';
    }

    /**
     * A colon or dash after a token: one more group joined to the one before when the last such separator was the same
     * character two to five places back (a group of one to four characters between), else the first (decision 0124).
     */
    private static final long DVA = Fold.hash("DVA");

    /**
     * Whether the digit token just ended (not yet counted in {@link #previousDigitGroup} or {@link #lastDigitEnd}) has a
     * shape of {@link NumberShapes}, alone or with the token before (decision 0128). A few comparisons per digit token.
     */
    private boolean numberShape() {
        int n = tokenLength;
        int p = previousDigitGroup;
        int start = tokenStart[tokens & 7];
        // the one character between this group and the digit group before, if one: their notations join groups by a
        // space or a dash (a CPF's by dots), a decimal ("1234.567") by a dot or a comma
        char sep = start - lastDigitEnd == 1 && lastDigitEnd >= 0 ? unitChar(lastDigitEnd) : 0;
        boolean spaced = sep == ' ' || sep == '-';
        int dots = dotChain; // the short groups joined by dots just before (a RUT's 12.345.678)
        dotChain = n <= 3 ? (sep == '.' && dotChain > 0 ? dotChain + 1 : 1) : 0;
        if (n == 9) {
            nineDigits = true; // a Greek AFM, where the value has a Cyrillic or Greek letter (decision 0137)
        }
        return n >= 11 && n <= 18 && n != 14
                || n == 9 && cyrillicGreek
                // a digit of another script at either end ("١٢٣" glued to a number): the ASCII run is shorter than the token
                // (a raw stream's last token ends where its last character is: position may not have moved past it)
                || start >= 0 && unitChar(start) > '9' || position > start && unitChar(position - 1) > '9'
                || spaced && (p == 4 && (n == 4 || n == 5 || n == 3) || p == 3 && (n == 3 || n == 4) || p == 5 && n == 3)
                || sep == '-' && n == 2 && (p == 9 || p == 3 || p == 6) || sep == '.' && p == 3 && n == 5
                // decision 0137: an IMSS number's four digits after three pairs (not a LOINC code's 2345-7), a RUT's or
                // CUIL's check digit after 12.345.678 or seven or eight digits (not 718-7), an RRN's dash, a SNILS's
                // last two after nine digits
                || spaced && n == 4 && p == 2 && pairChain >= 3
                || sep == '-' && (n == 1 && (p == 3 && dots >= 3 || p == 7 || p == 8) || n == 7 && p == 6)
                || sep == ' ' && n == 2 && p == 9
                || n == 6 && lastLetterEnd > lastDigitEnd && start - lastLetterEnd <= 4
                || (n == 4 || n == 2) && start == lastLetterEnd && lastLetterLength == 3
                || (n == 4 || n == 8) && lastLetterLength == 4 && start - lastLetterEnd <= 1
                // decision 0179: a fødselsnummer's 120361 12326, a henkilötunnus's 030456-123K (any century sign), a
                // rodné číslo's 615312/1238, a rijksregisternummer's end 61.03.12-123.43
                || sep == ' ' && p == 6 && n == 5
                || start - lastDigitEnd == 1 && lastDigitEnd >= 0 && p == 6 && (n == 3 || n == 4 && sep == '/')
                || sep == '.' && p == 3 && n == 2
                || dotChain >= 4;
    }

    private void link(char c, int at) {
        int gap = at - separatorAt;
        links = c == separatorChar && gap >= 2 && gap <= 5 ? links + 1 : 1;
        separatorAt = at;
        separatorChar = c;
        if (links >= 5) {
            linked = true;
        }
    }

    /** Whether the raw text's last character was a colon (for {@link #doubleColon}). */
    private boolean previousUnitColon;

    private void endToken() {
        if (current == Fold.SEPARATOR) {
            return;
        }

        if (current == Fold.DIGIT) {
            // 3-2 and 3-3 (SSN, US phone), 6-4 and 8-4 (Nordic personal numbers), 5-6, 4-6 and 4-4 (UK phones:
            // 07700 900456, +44 7700 900123, 029 2087 4411); French phones in pairs below
            if (previousDigitGroup == 3 && (tokenLength == 2 || tokenLength == 3)
                    || (previousDigitGroup == 6 || previousDigitGroup == 8 || previousDigitGroup == 4) && tokenLength == 4
                    || (previousDigitGroup == 5 || previousDigitGroup == 4) && tokenLength == 6) {
                grouped = true;
            }
            if (!numberShape) {
                numberShape = numberShape();
            }
            if (tokenLength == 2 && tokenStart[tokens & 7] == letterPairEnd) {
                mbiEnd = position; // ...7MK73: an MBI's letters and last two digits, if its word ends here (decision 0124)
            }
            previousDigitGroup = tokenLength;
            if (tokenLength > longestDigits) {
                longestDigits = tokenLength;
            }
            // two-digit tokens one character apart in a row: four in a French phone ("06 12 34 56 78"), at most three
            // in a date or time ("2019-06-12T10:30:00"), which therefore runs no phone pattern
            pairChain = tokenLength == 2 ? (pairChain > 0 && tokenStart[tokens & 7] - lastDigitEnd == 1 ? pairChain + 1 : 1) : 0;
            if (pairChain >= 4) {
                pairGrouped = true;
                grouped = true;
            }
            // digit tokens one character apart in a row (d/d/yy): a date of birth with no run of four digits
            digitChain = digitChain > 0 && tokenStart[tokens & 7] - lastDigitEnd == 1 ? digitChain + 1 : 1;
            if (digitChain >= 3) {
                dateChain = true;
            }
            lastDigitEnd = position;
        } else {
            // a RUT's check letter after its dash (9.876.545-K, decision 0137)
            if (tokenLength == 1 && tokenStart[tokens & 7] - lastDigitEnd == 1 && lastDigitEnd >= 0
                    && (previousDigitGroup == 3 && dotChain >= 3 || previousDigitGroup == 7 || previousDigitGroup == 8)
                    && unitChar(lastDigitEnd) == '-') {
                numberShape = true;
            }
            // a Cyrillic or Greek letter: a nine-digit token of the value is then a Greek AFM's shape (decision 0137)
            if (!cyrillicGreek && (lastTwo & 0xFFFF) >= '\u0370' && (lastTwo & 0xFFFF) <= '\u04FF') {
                cyrillicGreek = true;
                numberShape |= nineDigits;
            }
            // two letters right after a digit, or a dash after one (5MK, 5-MK)
            if (tokenLength == 2 && tokenStart[tokens & 7] - lastDigitEnd <= 1) {
                letterPairEnd = position;
                if (previousDigitGroup == 10 && tokenStart[tokens & 7] == lastDigitEnd) {
                    numberShape = true; // ten digits and an Ontario version code (decision 0128)
                }
            }
            lastLetterEnd = position;
            lastLetterLength = tokenLength;
            dotChain = 0;
            previousDigitGroup = 0;
            digitChain = 0;
            pairChain = 0;
            if (tokenLength >= 3) {
                if (dictionary.isLabel(hash)) {
                    label = true;
                }
                if (tokenLength == 3 && hash == DVA) {
                    numberShape = true;
                }
                // the token's month, read once for the words of the value and for the dates
                boolean words = valueWords < 2 && bySubject;
                if (words || hasDates && tokenLength <= 9) {
                    tokenMonth = dictionary.month(hash);
                    if (words && tokenMonth == 0) {
                        valueWords++;
                    }
                } else {
                    tokenMonth = 0;
                }
            }
        }
        byte kind = current;
        current = Fold.SEPARATOR;
        tokenEnd[tokens & 7] = position;
        tokens++;
        int reported = 0;
        if (hasDates) {
            reported = dates(kind);
        }
        long h = LeakDictionary.fix(hash);
        long[][] seq = this.seq;
        int[] seqStart = this.seqStart;
        ring[(int) seen & ringMask] = h;
        seen++;
        matched = 0;
        // patterns begun at their anchor: each compares its next token, drops out or ends here
        if (candidates > 0) {
            int kept = 0;
            for (int i = 0; i < candidates; i++) {
                int p = candidatePattern[i];
                int at = seqStart[p] + candidateNext[i];
                if (LeakDictionary.token(seq, at) == h) {
                    if (at + 1 == seqStart[p + 1]) {
                        match(p);
                    } else {
                        candidatePattern[kept] = p;
                        candidateNext[kept++] = candidateNext[i] + 1;
                    }
                }
            }
            candidates = kept;
        }
        // a token shorter than every one-token pattern is no anchor alone; a pair of short tokens (most of a pseudonym's
        // or a UUID's) is answered by the exact bit set, not by the filter block of its last token, which holds every
        // anchor ending in that token (decision 0051)
        int code = tokenLength <= 2 ? Fold.shortCode(tokenLength, lastTwo) : -1;
        int block = dictionary.block(h);
        if (tokenLength >= shortestSingle) {
            anchored(dictionary.anchor(h, block));
        }
        if (seen > 1) {
            // the pair's key only where it is probed: two short tokens (most of a pseudonym's) are answered by the bit set
            if (code < 0) {
                anchored(dictionary.anchor(LeakDictionary.pair(ring[(int) (seen - 2) & ringMask], h), block));
            } else if (previousCode < 0) {
                // a long token, then a short one: the anchor is in the block of the long token, read for its own probes
                // (decision 0066: the block of a short token holds every anchor ending in it and passed most pairs)
                anchored(dictionary.anchor(LeakDictionary.pair(ring[(int) (seen - 2) & ringMask], h), previousBlock));
            } else if (dictionary.shortPair(previousCode, code)) {
                anchored(dictionary.anchorSlot(LeakDictionary.pair(ring[(int) (seen - 2) & ringMask], h)));
            }
        }
        previousCode = code;
        previousBlock = block;
        if (matched == 0) {
            return;
        }
        // as one pass of an automaton over tokens reports them: the longest first, of equal tokens the latest added
        for (int i = 1; i < matched; i++) {
            int p = matches[i];
            int length = seqStart[p + 1] - seqStart[p];
            int j = i - 1;
            while (j >= 0 && precedes(p, length, matches[j])) {
                matches[j + 1] = matches[j];
                j--;
            }
            matches[j + 1] = p;
        }
        for (int i = 0; i < matched; i++) {
            int p = matches[i];
            // one value in two of its notations ending here ("P1000007" and its digits "1000007") is one hit
            if (!alreadyReported(p, reported)) {
                reported = report(p, reported);
            }
        }
    }

    /**
     * The patterns anchored on the token just ended (alone, or with the one before it: {@code slot} of
     * {@link LeakDictionary#anchor}): those whose tokens before the anchor are the last ones seen end here or begin.
     */
    private void anchored(int slot) {
        if (slot < 0) {
            return;
        }
        long[][] seq = this.seq;
        int[] seqStart = this.seqStart;
        for (int e = dictionary.anchorFrom(slot), end = dictionary.anchorTo(slot); e < end; e++) {
            int p = dictionary.anchorPatterns[e];
            int offset = dictionary.anchorOffset[e];
            if (offset >= seen) {
                continue; // fewer tokens since the value began than the pattern has before its anchor
            }
            int from = seqStart[p];
            boolean before = true;
            for (int k = 0; k < offset && before; k++) {
                before = LeakDictionary.token(seq, from + k) == ring[(int) (seen - 1 - offset + k) & ringMask];
            }
            if (!before || LeakDictionary.token(seq, from + offset) != ring[(int) (seen - 1) & ringMask]) {
                continue;
            }
            if (from + offset + 1 == seqStart[p + 1]) {
                match(p);
            } else {
                if (candidates == candidatePattern.length) {
                    candidatePattern = java.util.Arrays.copyOf(candidatePattern, candidates * 2);
                    candidateNext = java.util.Arrays.copyOf(candidateNext, candidates * 2);
                }
                candidatePattern[candidates] = p;
                candidateNext[candidates++] = offset + 1;
            }
        }
    }

    private boolean precedes(int p, int length, int q) {
        int other = dictionary.seqStart[q + 1] - dictionary.seqStart[q];
        return length > other || length == other && p > q;
    }

    private void match(int p) {
        if (matched == matches.length) {
            matches = java.util.Arrays.copyOf(matches, matched * 2);
        }
        matches[matched++] = p;
    }

    /** Starts matching afresh (a new value or raw stream): no pattern spans the boundary. */
    private void resetTokens() {
        seen = 0;
        candidates = 0;
    }

    // the last tokens of the value or raw stream (fixed hashes), patterns begun at their anchor, patterns ended here
    private final long[] ring;
    private final int ringMask;
    /** Tokens since the value or raw stream began (a long: a raw stream of billions of tokens must not wrap). */
    private long seen;
    private int[] candidatePattern = new int[16];
    private int[] candidateNext = new int[16];
    private int candidates;
    private int[] matches = new int[16];
    private int matched;

    private int report(int p, int reported) {
        effects++;
        if (reported < endedHere.length) {
            endedHere[reported++] = p;
        }
        if (pendingCount == pendingPatterns.length) {
            pendingPatterns = java.util.Arrays.copyOf(pendingPatterns, pendingPatterns.length * 2);
            pendingDays = java.util.Arrays.copyOf(pendingDays, pendingPatterns.length);
            pendingOccurrences = java.util.Arrays.copyOf(pendingOccurrences, pendingPatterns.length);
            pendingCompact = java.util.Arrays.copyOf(pendingCompact, pendingPatterns.length);
        }
        pendingPatterns[pendingCount] = p;
        pendingDays[pendingCount] = reportDay;
        pendingCompact[pendingCount] = reportCompact;
        pendingOccurrences[pendingCount] = occurrence;
        pendingCount++;
        return reported;
    }

    /**
     * The hit of pattern {@code p} in the current value, located while the sink lists hits. Made only while the value
     * is still being scanned ({@link #where} then still names it); a sink that stopped listing never lists again, so a
     * hit made later than it was found is listed exactly when it would have been.
     */
    private Hit hit(int p) {
        return new Hit(Kind.ORIGINAL, dictionary.source(p), sink.listing() ? where.get() : null,
                reveal ? dictionary.original(p) : null);
    }

    // the last tokens since the value (or raw stream) started, for dates: kind, number (digits) or month, length
    private final byte[] ringKind = new byte[4];
    private final int[] ringValue = new int[4];
    private final int[] ringLength = new int[4];
    /** Tokens seen since the last reset; a {@code long}, so a raw file of billions of tokens never wraps it. */
    private long dateTokens;
    private int digits;

    private static final byte MONTH = 9;

    /**
     * Recognises a date ending with the token just ended, in the notations {@link LeakDictionary} describes: one
     * token {@code yyyymmdd}, or three tokens {@code y m d}, {@code m d y}, {@code d m y}, {@code month d y},
     * {@code d month y} (day and month both with two digits or both without leading zeros; day with or without
     * its zero next to a month name). Its originals are reported unless already reported here; a notation other
     * than the original's own needs date-shaped separators.
     *
     * @return the number of originals now reported at this token end
     */
    private int dates(byte kind) {
        int slot = (int) (dateTokens & 3);
        dateTokens++;
        occurrence++;
        int reported = 0;
        if (kind == Fold.DIGIT) {
            ringKind[slot] = tokenLength <= 9 ? Fold.DIGIT : Fold.SEPARATOR;
            ringValue[slot] = digits;
            ringLength[slot] = tokenLength;
            if (tokenLength == 8) {
                reported = dateEntries(digits, reported, false, LeakDictionary.UNAMBIGUOUS);
            }
        } else {
            int month = tokenLength >= 3 && tokenLength <= 9 ? tokenMonth : 0; // read in endToken
            ringKind[slot] = month > 0 ? MONTH : Fold.SEPARATOR;
            ringValue[slot] = month;
            ringLength[slot] = tokenLength;
            return 0;
        }
        if (dateTokens < 3) {
            return reported;
        }
        int a = (int) ((dateTokens - 3) & 3);
        int b = (int) ((dateTokens - 2) & 3);
        int c = slot;
        if (ringLength[c] != 4) {
            // only y m d ends in a short number
            if (ringKind[a] == Fold.DIGIT && ringKind[b] == Fold.DIGIT && ringLength[a] == 4 && samePadding(b, c)) {
                reported = dateEntries(ringValue[a] * 10000L + ringValue[b] * 100L + ringValue[c], reported, true,
                        LeakDictionary.UNAMBIGUOUS);
            }
            return reported;
        }
        long year = ringValue[c] * 10000L;
        if (ringKind[a] == Fold.DIGIT && ringKind[b] == Fold.DIGIT) {
            if (ringLength[a] == 4 && samePadding(b, c)) {
                reported = dateEntries(ringValue[a] * 10000L + ringValue[b] * 100L + ringValue[c], reported, true,
                        LeakDictionary.UNAMBIGUOUS);
            }
            if (samePadding(a, b)) {
                int x = ringValue[a];
                int y = ringValue[b];
                boolean ambiguous = x != y && x >= 1 && x <= 12 && y >= 1 && y <= 12;
                reported = dateEntries(year + x * 100L + y, reported, true,
                        ambiguous ? LeakDictionary.MONTH_FIRST : LeakDictionary.UNAMBIGUOUS);
                reported = dateEntries(year + y * 100L + x, reported, true,
                        ambiguous ? LeakDictionary.DAY_FIRST : LeakDictionary.UNAMBIGUOUS);
            }
        } else if (ringKind[a] == MONTH && ringKind[b] == Fold.DIGIT && dayNextToMonth(b)) {
            reported = dateEntries(year + ringValue[a] * 100L + ringValue[b], reported, true, LeakDictionary.UNAMBIGUOUS);
        } else if (ringKind[a] == Fold.DIGIT && ringKind[b] == MONTH && dayNextToMonth(a)) {
            reported = dateEntries(year + ringValue[b] * 100L + ringValue[a], reported, true, LeakDictionary.UNAMBIGUOUS);
        }
        return reported;
    }

    /** Both numbers with two digits, or both without a leading zero. */
    private boolean samePadding(int i, int j) {
        return ringLength[i] == 2 && ringLength[j] == 2 || unpadded(i) && unpadded(j);
    }

    private boolean dayNextToMonth(int i) {
        return ringLength[i] == 2 || unpadded(i);
    }

    /** A day or month as {@code Integer.toString} writes it: 1–99 without a leading zero. */
    private boolean unpadded(int i) {
        int v = ringValue[i];
        return v > 0 && v < 100 && ringLength[i] == (v < 10 ? 1 : 2);
    }

    /**
     * Reports the date originals of {@code day}, read from output in {@code outReading}. With {@link #bySubject}, an
     * ambiguous output date ({@code 05.03.1970}) matches an ambiguous original only in the same reading (decision
     * 0029): two dates written alike with day and month swapped are two different days under either reading.
     */
    private int dateEntries(long day, int reported, boolean threeTokens, byte outReading) {
        boolean shaped = false;
        boolean shapeKnown = false;
        for (int p = dictionary.dates(day); p >= 0; p = dictionary.nextPattern[p]) {
            if (alreadyReported(p, reported)) {
                continue;
            }
            if (bySubject && outReading != LeakDictionary.UNAMBIGUOUS && dictionary.reading[p] != LeakDictionary.UNAMBIGUOUS
                    && dictionary.reading[p] != outReading) {
                continue;
            }
            if (threeTokens && (dictionary.exempt[p] == null || !dictionary.exempt[p].equals(lastThree()))) {
                if (!shapeKnown) {
                    shaped = dateShaped(3);
                    shapeKnown = true;
                }
                if (!shaped) {
                    continue;
                }
            }
            reportDay = day;
            reportCompact = !threeTokens;
            reported = report(p, reported);
            reportDay = 0;
            reportCompact = false;
        }
        return reported;
    }

    /** The last three tokens, numbers as written, joined by spaces (as {@link LeakDictionary} keeps an original's). */
    private String lastThree() {
        StringBuilder b = new StringBuilder(16);
        for (long k = dateTokens - 3; k < dateTokens; k++) {
            int i = (int) (k & 3);
            if (ringKind[i] != Fold.DIGIT) {
                return "";
            }
            String v = Integer.toString(ringValue[i]);
            b.append(k > dateTokens - 3 ? " " : "").append("0".repeat(Math.max(0, ringLength[i] - v.length()))).append(v);
        }
        return b.toString();
    }

    /** A word ended: its hits count unless the whole word is a pseudonym (whose digits may look like an MRN). */
    private void endWord() {
        if (position == mbiEnd) {
            mbiTail = true;
        }
        if (!inWord) {
            return;
        }
        if (bySubject) {
            int subject = dictionary.subjectOfWord(wordHash);
            if (subject >= 0) {
                effects++; // a value naming a subject is never remembered (decision 0100)
            }
            if (subject >= 0 && !named(subject)) {
                if (recordSubjectCount == recordSubjects.length) {
                    recordSubjects = java.util.Arrays.copyOf(recordSubjects, recordSubjectCount * 2);
                }
                recordSubjects[recordSubjectCount++] = subject;
            }
        }
        if (pendingCount > 0 && currentValue != null && org.deidworkbench.deid.VietnameseText.inProvince(currentValue,
                currentFrom, currentTo, position)) {
            // a word of a Vietnamese province's name, which the run keeps as a state: a patient's "Minh" is not in
            // "TP. Hồ Chí Minh" (decision 0246); asked only of a value's word that matched
            pendingCount = 0;
        }
        if (pendingCount > 0) {
            if (!dictionary.isPseudonymWord(wordHash)) {
                boolean mixed = wordKinds == (Fold.LETTER | Fold.DIGIT);
                int wordTokens = tokens - wordFirstToken;
                // a word in lower case of a Vietnamese note without marks, where the run takes no name: a nurse's
                // "Duong" is not in "dai thao duong" (decision 0248); asked only of a value's word that matched
                boolean lowerVietnamese = currentValue != null && wordKinds == Fold.LETTER
                        && org.deidworkbench.deid.VietnameseText.lowerCaseWordOfUnmarkedNote(currentValue, currentFrom,
                                currentTo, position);
                for (int i = 0; i < pendingCount; i++) {
                    int p = pendingPatterns[i];
                    if (lowerVietnamese && dictionary.tokenCount(p) == 1) {
                        continue;
                    }
                    byte weak = dictionary.weak[p];
                    // a one-word original of no subject (a domain's "ABC"), or a short one of letters and digits
                    // ("N001"), as a part of a word of letters and digits (a keyed id ABC2WTD15RXCK40RSC2N, a UUID's
                    // 9abc, 7N001Q) is a coincidence as a number there is (decision 0165)
                    if (!bySubject || weak == LeakDictionary.STRONG
                            || weak == LeakDictionary.SHORT && !(mixed && dictionary.tokenCount(p) < wordTokens)
                            || weak == LeakDictionary.WORD && !dictionary.hasSubjects(p) && !mixed) {
                        sink.hit(hit(p));
                    } else if (!mixed || weak == LeakDictionary.DATE && !pendingCompact[i]) {
                        valueHeld.add(null, p, false, pendingDays[i], pendingOccurrences[i], null);
                    }
                    // else a number or name inside a word of letters and digits (a hash, an id): a coincidence. A date
                    // may end in one (1961-05-03T10:00) and counts; eight digits read as yyyymmdd glued to letters are
                    // a number in an id like any other (a resource id's pseudonym 19760716ADFEJ5A5VHFN; decision 0117)
                }
            }
            pendingCount = 0;
        }
        inWord = false;
        wordKinds = 0;
        wordHash = Fold.OFFSET;
    }

    // start and end offsets of the last tokens in the current value (or line buffer), for date separators
    private final int[] tokenStart = new int[8];
    private final int[] tokenEnd = new int[8];
    private int tokens;
    private int position;
    /** The bounds of {@link #currentValue}'s value, while it is scanned. */
    private int currentFrom;
    private int currentTo;

    /** Whether the last {@code n} tokens are separated only by what separates the parts of a date. */
    private boolean dateShaped(int n) {
        if (n > tokens || n > tokenStart.length) {
            return true; // not remembered (very long line): keep the hit
        }
        for (int k = tokens - n + 1; k < tokens; k++) {
            int from = tokenEnd[(k - 1) & 7];
            int to = tokenStart[k & 7];
            if (to - from > 3 || from < 0) {
                return false;
            }
            for (int i = from; i < to; i++) {
                char c = unitChar(i);
                if (c != ' ' && c != '/' && c != '-' && c != '.' && c != ',' && c != '^') {
                    return false;
                }
            }
        }
        return true;
    }

    private char[] currentValue;
    private char[] chars = new char[256];

    private byte[] currentBytes;
    private int currentBytesBase;

    private char unitChar(int i) {
        if (currentBytes != null) {
            return (char) (currentBytes[currentBytesBase + i] & 0xFF);
        }
        if (currentValue != null) {
            return currentValue[i];
        }
        return i < lineLength ? lineBuffer[i] : ' ';
    }

    private final int[] endedHere = new int[16];

    private boolean alreadyReported(int p, int reported) {
        for (int i = 0; i < reported; i++) {
            int q = endedHere[i];
            if (dictionary.sameOriginal(q, p)) {
                return true;
            }
        }
        return false;
    }

    /** A pattern's source as a hit names it: {@code pattern phone}, {@code pattern health number (NHI)}. */
    static String source(Kind kind, String name) {
        String k = "pattern " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return name == null ? k : k + " (" + name + ")";
    }

    private void patterns(CharSequence text, boolean phone, boolean mrn, boolean birth) {
        PhiPatterns.find(text, at, phone, mrn, birth, network(), mbiTail, numberShape, (kind, name, found) -> {
            if (!pseudonyms.test(found) && !dictionary.isPseudonymWord(Fold.wordHash(found))) {
                effects++;
                sink.hit(new Hit(kind, source(kind, name), sink.listing() ? where.get() : null, reveal ? found : null));
            }
        });
    }
}
