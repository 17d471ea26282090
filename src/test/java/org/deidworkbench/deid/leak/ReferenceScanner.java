package org.deidworkbench.deid.leak;

import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The leak scanner as it was before the fast scanner (commit 624b40a), kept as the reference the differential
 * test holds the fast scanner to. Scans the values of one file for the originals of a {@link ReferenceDictionary} and for {@link PhiPatterns}.
 * Values come either one by one ({@link #value}: a CSV cell, a DICOM element, a file name — a match never
 * spans two of them) or as a raw byte stream ({@link #rawBytes}, UTF-8 with single invalid bytes read as
 * Latin-1), where matches may span lines and are located by line. Each hit goes to the {@link Sink} with
 * its location and never with the value unless the scanner reveals.
 *
 * <p>Not thread-safe: one scanner per thread, any number sharing one dictionary. Cost per character: two
 * table lookups and a multiply; per token one hash probe (plus automaton steps for known tokens); PHI
 * patterns run only on values (or lines) with an {@code @} or at least five digits.
 */
final class ReferenceScanner {

    private static final int WINDOW = 4096;
    private static final int OVERLAP = 96;

    private final ReferenceDictionary dictionary;
    private final Set<String> pseudonyms;
    private final boolean reveal;
    private final LeakScanner.Sink sink;

    // token automaton
    private long hash;
    private byte current = Fold.SEPARATOR;
    private int state;
    private Supplier<String> where;
    // PHI prefilter of the current unit or line (see PhiPatterns.find)
    private boolean at;
    private boolean grouped;
    private boolean label;
    private int tokenLength;
    private int previousDigitGroup;
    /** Two-digit tokens one character apart in a row; four open the patterns (a French phone in pairs). */
    private int pairChain;
    // the current word (letters and digits without a separator): its hits wait until it is known not to be a pseudonym
    private long wordHash = Fold.OFFSET;
    private boolean inWord;
    private final java.util.ArrayList<LeakScanner.Hit> pending = new java.util.ArrayList<>();
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
    ReferenceScanner(ReferenceDictionary dictionary, Set<String> pseudonyms, boolean reveal, LeakScanner.Sink sink) {
        this.dictionary = Objects.requireNonNull(dictionary, "dictionary");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
        this.reveal = reveal;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Scans one whole value; {@code where} is asked only on a hit. */
    public void value(CharSequence value, Supplier<String> where) {
        this.where = where;
        state = 0;
        current = Fold.SEPARATOR;
        resetFlags();
        currentValue = value;
        tokens = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            position = i;
            unit(value.charAt(i));
        }
        position = value.length();
        endToken();
        endWord();
        patterns(value); // every value: the network and MBI patterns run whatever the flags (decision 0124)
        state = 0;
        currentValue = null;
    }

    /** Starts a raw stream (a file read as text). */
    public void startRaw() {
        where = lineLocation;
        state = 0;
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
        state = 0;
    }

    private void resetFlags() {
        at = false;
        grouped = false;
        label = false;
        previousDigitGroup = 0;
        pairChain = 0;
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
        if (lineLength > 0) { // every line: as for values
            patterns(java.nio.CharBuffer.wrap(lineBuffer, 0, lineLength));
        }
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
            if (cls != Fold.SEPARATOR) {
                tokenStart[tokens & 7] = position;
            }
        }
        if (cls != Fold.SEPARATOR) {
            char f = Fold.FOLDED[c];
            hash = (hash ^ f) * Fold.PRIME;
            wordHash = (wordHash ^ f) * Fold.PRIME;
            inWord = true;
            tokenLength++;
        } else if (c == '@') {
            at = true;
        }
    }

    private void endToken() {
        if (current == Fold.SEPARATOR) {
            return;
        }
        if (current == Fold.DIGIT) {
            if (previousDigitGroup == 3 && (tokenLength == 2 || tokenLength == 3)
                    || (previousDigitGroup == 6 || previousDigitGroup == 8 || previousDigitGroup == 4) && tokenLength == 4
                    || (previousDigitGroup == 5 || previousDigitGroup == 4) && tokenLength == 6) {
                grouped = true;
            }
            pairChain = tokenLength != 2 ? 0
                    : pairChain > 0 && tokenStart[tokens & 7] - tokenEnd[(tokens - 1) & 7] == 1 ? pairChain + 1 : 1;
            if (pairChain >= 4) {
                grouped = true;
            }
            previousDigitGroup = tokenLength;
        } else {
            previousDigitGroup = 0;
            pairChain = 0;
            if (tokenLength >= 3 && dictionary.isLabel(hash)) {
                label = true;
            }
        }
        current = Fold.SEPARATOR;
        tokenEnd[tokens & 7] = position;
        tokens++;
        long h = ReferenceDictionary.fix(hash);
        if (!dictionary.mayBeToken(h)) {
            state = 0;
            return;
        }
        int id = dictionary.tokenIds.get(h);
        if (id < 0) {
            state = 0;
            return;
        }
        state = dictionary.step(state, id);
        int s = dictionary.patternAt[state] >= 0 ? state : dictionary.outputLink[state];
        int reported = 0;
        while (s >= 0) {
            for (int p = dictionary.patternAt[s]; p >= 0; p = dictionary.nextPattern[p]) {
                // one value in two of its notations ending here ("P1000007" and its digits "1000007") is one hit
                if (!alreadyReported(p, reported)
                        && (dictionary.dateLength[p] == 0 || dateShaped(dictionary.dateLength[p]))) {
                    if (reported < endedHere.length) {
                        endedHere[reported++] = p;
                    }
                    pending.add(new LeakScanner.Hit(LeakScanner.Kind.ORIGINAL, dictionary.source(p), where.get(), reveal ? dictionary.original(p) : null));
                }
            }
            s = dictionary.outputLink[s];
        }
    }

    /** A word ended: its hits count unless the whole word is a pseudonym (whose digits may look like an MRN). */
    private void endWord() {
        if (!inWord) {
            return;
        }
        if (!pending.isEmpty()) {
            if (!dictionary.isPseudonymWord(wordHash)) {
                pending.forEach(sink::hit);
            }
            pending.clear();
        }
        inWord = false;
        wordHash = Fold.OFFSET;
    }

    // start and end offsets of the last tokens in the current value (or line buffer), for date separators
    private final int[] tokenStart = new int[8];
    private final int[] tokenEnd = new int[8];
    private int tokens;
    private int position;

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

    private CharSequence currentValue;

    private char unitChar(int i) {
        if (currentValue != null) {
            return currentValue.charAt(i);
        }
        return i < lineLength ? lineBuffer[i] : ' ';
    }

    private final int[] endedHere = new int[16];

    private boolean alreadyReported(int p, int reported) {
        for (int i = 0; i < reported; i++) {
            int q = endedHere[i];
            if (dictionary.original(q) == dictionary.original(p) && dictionary.source(q).equals(dictionary.source(p))) {
                return true;
            }
        }
        return false;
    }

    private void patterns(CharSequence text) {
        PhiPatterns.find(text, at, grouped, label, (kind, name, found) -> {
            if (!pseudonyms.contains(found) && !dictionary.isPseudonymWord(Fold.wordHash(found))) {
                sink.hit(new LeakScanner.Hit(kind, LeakScanner.source(kind, name), where.get(), reveal ? found : null));
            }
        });
    }
}
