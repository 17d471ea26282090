package org.deidworkbench.deid;

/**
 * A text as the scrubber matches it (decision 0132): Arabic-Indic ({@code ٠١٢٣٤٥٦٧٨٩}), Persian
 * ({@code ۰۱۲۳۴۵۶۷۸۹}), Devanagari and Bengali ({@code ০১২৩৪৫৬৭৮৯}, decision 0250) digits read as ASCII digits, and the characters that do not show removed: bidi controls
 * (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the
 * tatweel (U+0640) that stretches an Arabic word. A right-to-left mark inside a phone number or a tatweel inside a
 * name would otherwise hide a value the run knows from every pattern and every look-up.
 *
 * <p>The folded text keeps, for each of its characters, the offset of the original character, so what is found in the
 * folded text is cut from the original at the same places ({@link #originalStart}, {@link #originalEnd}); a
 * replacement with digits (a shifted date) is written in the digits the original used ({@link #inOriginalDigits}).
 * Immutable and thread-safe; cost: one pass over the text, and none beyond a scan for a text with nothing to fold.
 */
public final class TextFolding {

    private final String original;
    private final String folded;
    /** For each folded character, the offset of its original character. */
    private final int[] at;

    private TextFolding(String original, String folded, int[] at) {
        this.original = original;
        this.folded = folded;
        this.at = at;
    }

    /** The folding of the text, or null when it has nothing to fold (the text is matched as it is). */
    public static TextFolding of(String text) {
        int first = firstToFold(text);
        if (first < 0) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        int[] at = new int[text.length()];
        b.append(text, 0, first);
        for (int i = 0; i < first; i++) {
            at[i] = i;
        }
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (invisible(c)) {
                continue;
            }
            at[b.length()] = i;
            b.append(hebrewPrefixHyphen(text, i) ? ' ' : asciiDigit(c));
        }
        return new TextFolding(text, b.toString(), at);
    }

    /** The text folded, or the text itself when it has nothing to fold: for identifiers the run learns. */
    public static String fold(String text) {
        TextFolding f = of(text);
        return f == null ? text : f.folded;
    }

    /** The text as matched. */
    public String folded() {
        return folded;
    }

    /** The text as given. */
    public String original() {
        return original;
    }

    /** The original offset where a match starting at this folded offset starts. */
    public int originalStart(int foldedStart) {
        return foldedStart < folded.length() ? at[foldedStart] : original.length();
    }

    /** The original offset where a match ending at this folded offset ends (after its last character). */
    public int originalEnd(int foldedEnd) {
        return foldedEnd == 0 ? 0 : at[foldedEnd - 1] + 1;
    }

    /**
     * The replacement of the original's [start, end), its ASCII digits written as the digits that part of the original
     * used (a shifted {@code ١٤٤٥/٠٣/١٢} stays in Arabic-Indic digits); a replacement without digits as it is.
     */
    public String inOriginalDigits(int start, int end, String replacement) {
        char zero = 0;
        for (int i = start; i < end && zero == 0; i++) {
            char c = original.charAt(i);
            if (c >= '0' && c <= '9') {
                return replacement;
            }
            zero = digitZero(c);
        }
        if (zero == 0) {
            return replacement;
        }
        StringBuilder b = new StringBuilder(replacement);
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c >= '0' && c <= '9') {
                b.setCharAt(i, (char) (zero + (c - '0')));
            }
        }
        return b.toString();
    }

    /** The first offset with a character to fold, or -1. */
    private static int firstToFold(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u0640' && (invisible(c) || asciiDigit(c) != c) || c == '-' && hebrewPrefixHyphen(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A hyphen or maqaf between a Hebrew letter and a digit: Hebrew glues its one-letter prepositions to a number
     * ({@code ב-12.03.2023}, "on 12.03.2023"), which is matched as if a space stood there.
     */
    private static boolean hebrewPrefixHyphen(String text, int i) {
        char c = text.charAt(i);
        return (c == '-' || c == '\u05BE') && i > 0 && i + 1 < text.length() && text.charAt(i - 1) >= '\u05D0'
                && text.charAt(i - 1) <= '\u05EA' && asciiDigit(text.charAt(i + 1)) >= '0'
                && asciiDigit(text.charAt(i + 1)) <= '9';
    }

    /** A bidi control, a zero-width character or the tatweel. */
    static boolean invisible(char c) {
        return c == '\u0640' || c >= '\u200B' && c <= '\u200F' || c >= '\u202A' && c <= '\u202E' || c == '\u2060'
                || c >= '\u2066' && c <= '\u2069' || c == '\uFEFF';
    }

    /**
     * The ASCII digit of an Arabic-Indic, Persian, Devanagari or Bengali digit (decision 0250: a Bangla register writes
     * its dates and phones {@code ১২/০৩/২০২৪}, {@code ০১৭১১-২৩৪৫৬৭}); any other character as it is.
     */
    static char asciiDigit(char c) {
        char zero = digitZero(c);
        return zero == 0 ? c : (char) ('0' + (c - zero));
    }

    /** The zero of the digits a non-ASCII digit belongs to, or 0 for any other character. */
    private static char digitZero(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return '\u06F0';
        }
        if (c >= '\u0966' && c <= '\u096F') {
            return '\u0966';
        }
        if (c >= '\u09E6' && c <= '\u09EF') {
            return '\u09E6';
        }
        return 0;
    }
}
