package org.deidworkbench.deid.leak;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A byte-level pre-pass of the leak verifier (decision 0043): tells, from the raw bytes of one value and without
 * decoding it, that a {@link LeakScanner} given that value could report nothing, so that a record all of whose values
 * are quiet need not be parsed and scanned. It answers "quiet" only when every way the scanner reports a hit is ruled
 * out, each by a condition weaker than the scanner's own:
 *
 * <ul>
 * <li>an original's token pattern: none of the value's tokens, alone or with the token before it, is an anchor of
 *     the dictionary (every pattern is anchored on one of its tokens or one pair of its adjacent tokens);</li>
 * <li>a date original: no digit token is a day of an original, read as {@code yyyymmdd} or, with the two tokens
 *     before it, in any order and padding the scanner reads (no separator shape is asked for);</li>
 * <li>a phone number or SSN: no 2- or 3-digit token is followed by exactly one white-space, {@code .} or {@code -}
 *     and a 4-digit token (every match of those patterns holds one);</li>
 * <li>an e-mail address: no {@code @};</li>
 * <li>a labelled MRN or date of birth: the scanner runs those patterns only on a value with a label word
 *     ({@link PhiPatterns#LABELS}); a value with one is matched against them here.</li>
 * </ul>
 *
 * <p>Only for a value whose bytes are its characters: ASCII (any byte of 128 or more, or a backslash, is not
 * quiet). Values found quiet are remembered (up to 1,024 of up to 256 bytes, compared byte for byte), so repeated
 * codes, systems and texts cost one comparison. Not thread-safe: one per thread.
 */
public final class Prefilter {

    private static final Pattern[] LABELLED = {patternOf(LeakScanner.Kind.MRN), patternOf(LeakScanner.Kind.DATE_OF_BIRTH)};
    /** A month-name token in the ring of the last tokens (as {@link LeakScanner} marks one). */
    private static final byte MONTH = 9;
    private static final int CACHED = 1024;
    private static final int CACHED_LENGTH = 256;

    private final LeakDictionary dictionary;
    private final boolean dates;
    private final byte[][] quietValues = new byte[CACHED][];

    public Prefilter(LeakDictionary dictionary) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.dates = dictionary.hasDates();
    }

    private static Pattern patternOf(LeakScanner.Kind kind) {
        return PhiPatterns.DETECTORS.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow().pattern();
    }

    /** Whether scanning the value held in {@code bytes[from, to)} (see the class description) can report nothing. */
    public boolean quiet(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length > CACHED_LENGTH) {
            return scan(bytes, from, to);
        }
        int h = 0x811C9DC5;
        for (int i = from; i < to; i++) {
            h = (h ^ bytes[i]) * 0x01000193;
        }
        int slot = (h ^ (h >>> 15)) & (CACHED - 1);
        byte[] known = quietValues[slot];
        if (known != null && known.length == length && java.util.Arrays.equals(known, 0, length, bytes, from, to)) {
            return true;
        }
        if (!scan(bytes, from, to)) {
            return false;
        }
        quietValues[slot] = java.util.Arrays.copyOfRange(bytes, from, to);
        return true;
    }

    private boolean scan(byte[] bytes, int from, int to) {
        long hash = Fold.OFFSET;
        long previous = 0;
        boolean hasPrevious = false;
        byte current = Fold.SEPARATOR;
        int length = 0;
        int value = 0;
        // the last two tokens before the current one: kind (DIGIT of up to 9 digits, MONTH, or SEPARATOR for anything
        // else), value, length
        byte k1 = Fold.SEPARATOR;
        byte k2 = Fold.SEPARATOR;
        int v1 = 0;
        int v2 = 0;
        int l1 = 0;
        int l2 = 0;
        // the separators since the last token: how many, and whether all are phone's or SSN's
        int separators = 0;
        boolean groupSeparator = true;
        for (int i = from; i <= to; i++) {
            int b = i < to ? bytes[i] : ' ';
            if (b < 0 || b == '\\' || b == '@') {
                return false;
            }
            byte cls = Fold.CLASS[b];
            if (cls != current && current != Fold.SEPARATOR) {
                // a token ended at i
                long h = LeakDictionary.fix(hash);
                int block = dictionary.block(h);
                if (dictionary.anchor(h, block) >= 0
                        || hasPrevious && dictionary.anchor(LeakDictionary.pair(previous, h), block) >= 0) {
                    return false;
                }
                previous = h;
                hasPrevious = true;
                byte kind;
                if (current == Fold.DIGIT) {
                    kind = length <= 9 ? Fold.DIGIT : Fold.SEPARATOR;
                    if (length == 4 && separators == 1 && groupSeparator && k2 == Fold.DIGIT && (l2 == 2 || l2 == 3)) {
                        return false; // nnn-nnnn, nnn nnnn, nn-nnnn: a phone number or SSN may end here
                    }
                    if (dates && kind == Fold.DIGIT && dateOf(value, length, k1, v1, l1, k2, v2, l2)) {
                        return false;
                    }
                } else {
                    int month = dates && length >= 3 && length <= 9 ? dictionary.month(hash) : 0;
                    kind = month > 0 ? MONTH : Fold.SEPARATOR;
                    value = month;
                    if (length >= 3 && dictionary.isLabel(hash) && labelled(bytes, from, to)) {
                        return false;
                    }
                }
                k1 = k2;
                v1 = v2;
                l1 = l2;
                k2 = kind;
                v2 = value;
                l2 = length;
                separators = 0;
                groupSeparator = true;
            }
            if (cls == Fold.SEPARATOR) {
                separators++;
                groupSeparator &= b == ' ' || b == '.' || b == '-' || b == '\t' || b == '\n' || b == 0x0B || b == '\f'
                        || b == '\r';
            } else if (cls != current) {
                hash = Fold.OFFSET;
                length = 0;
                value = 0;
            }
            current = cls;
            if (cls != Fold.SEPARATOR) {
                char f = Fold.FOLDED[b];
                hash = (hash ^ f) * Fold.PRIME;
                length++;
                value = value * 10 + (f - '0');
            }
        }
        return true;
    }

    /**
     * Whether the token just ended (a digit token of {@code length} up to 9 digits, {@code value}), alone or with the
     * two tokens before it, reads as a day of a date original in any order or padding the scanner reads.
     */
    private boolean dateOf(int value, int length, byte k1, int v1, int l1, byte k2, int v2, int l2) {
        if (length == 8 && dictionary.dates(value) >= 0) {
            return true;
        }
        if (k1 == Fold.DIGIT && k2 == Fold.DIGIT && l1 == 4 && dictionary.dates(v1 * 10000L + v2 * 100L + value) >= 0) {
            return true; // y m d
        }
        if (length != 4) {
            return false;
        }
        long year = value * 10000L;
        if (k1 == Fold.DIGIT && k2 == Fold.DIGIT) {
            return dictionary.dates(year + v1 * 100L + v2) >= 0 || dictionary.dates(year + v2 * 100L + v1) >= 0;
        }
        if (k1 == MONTH && k2 == Fold.DIGIT) {
            return dictionary.dates(year + v1 * 100L + v2) >= 0;
        }
        if (k1 == Fold.DIGIT && k2 == MONTH) {
            return dictionary.dates(year + v2 * 100L + v1) >= 0;
        }
        return false;
    }

    /** Whether the labelled patterns match the value {@code bytes[from, to)}. */
    private static boolean labelled(byte[] bytes, int from, int to) {
        String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        for (Pattern p : LABELLED) {
            if (p.matcher(text).find()) {
                return true;
            }
        }
        return false;
    }
}
