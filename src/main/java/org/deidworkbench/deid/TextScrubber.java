package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.deidworkbench.deid.classify.HijriDates;
import org.deidworkbench.deid.classify.MonthYears;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.classify.NameDictionary;

/**
 * Removes identifiers from free text: every known identifier of the export (replaced by its
 * pseudonym or its {@code [LABEL]}), and PHI patterns — e-mail, URL, IP address, SSN, phone, ZIP+4,
 * street address, names after a title, places named where a note says someone lives or goes ({@link PlaceNames}),
 * numbers after words like "MRN", long digit runs, dates
 * (also day and month without a year) and ages over 89 (which become {@code 90+}); full dates 90 or
 * more years back are removed rather than shifted, as their year would tell such an age.
 * Full dates, numeric or with a month name, are shifted by the subject's offset (keeping the
 * clinical timeline and their notation) or become {@code [DATE]} when the record has no subject.
 *
 * <p>All detectors run on the original text, so a replacement is never scanned again. Where
 * matches overlap, the earliest (then the longest) wins and swallows the rest of the others. Stateless apart from its frozen identifier
 * set and a bounded memory of the short texts it scrubbed (by text and date offset); thread-safe.
 */
public final class TextScrubber {

    /**
     * A pattern, its replacement, the group replaced, and a cheap test that is true of every text the pattern
     * can match in (a pattern is not run on a text that lacks, say, the digits it needs).
     */
    private record Detector(Pattern pattern, String label, int group, Predicate<Shape> mayMatch, Starts starts,
            String firstLetters, StartTest startTest) {
        Detector(Pattern pattern, String label, int group, Predicate<Shape> mayMatch, Starts starts) {
            this(pattern, label, group, mayMatch, starts, "", null);
        }

        Detector(Pattern pattern, String label, int group, Predicate<Shape> mayMatch, Starts starts, String firstLetters) {
            this(pattern, label, group, mayMatch, starts, firstLetters, null);
        }

        /** This detector, tried only at the starts its {@link #starts} lists that also pass {@code test}. */
        Detector where(StartTest test) {
            return new Detector(pattern, label, group, mayMatch, starts, firstLetters, test);
        }
    }

    /**
     * A cheap test of a place {@link Starts} lists: false where the pattern cannot match, true where it may (decision
     * 0145). The places it turns away are those where {@link Matcher#lookingAt()} would have failed, so the matches
     * are the same; {@link TextScrubberPrefilterTest} holds the prefiltered scrub to the one that runs every pattern
     * with {@code find()}.
     */
    @FunctionalInterface
    interface StartTest {
        boolean mayStartAt(String text, int at);
    }

    /** What a pattern needs of the run of ASCII digits its match starts with: the first, the run's length, what follows. */
    @FunctionalInterface
    interface RunTest {
        boolean test(char first, int length, char next);
    }

    /**
     * A start test for a pattern whose match begins with a run of ASCII digits, or with {@code +} or {@code (} where
     * {@code plus} or {@code bracket} allow it ({@link Starts#PHONE}); {@code next} is {@code '\0'} at the text's end.
     */
    static StartTest digitRun(RunTest test, boolean plus, boolean bracket) {
        return (text, at) -> {
            char c = text.charAt(at);
            if (c >= '0' && c <= '9') {
                int j = at + 1;
                int n = text.length();
                while (j < n && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                    j++;
                }
                return test.test(c, j - at, j < n ? text.charAt(j) : '\0');
            }
            return c == '+' ? plus : c == '(' && bracket;
        };
    }

    static StartTest digitRun(RunTest test) {
        return digitRun(test, false, false);
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    /** How many ASCII digits the {@code length} characters from {@code at} hold (fewer at the text's end). */
    static int digitsWithin(String text, int at, int length) {
        int count = 0;
        for (int k = at, end = Math.min(text.length(), at + length); k < end; k++) {
            if (isAsciiDigit(text.charAt(k))) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether a run of at most {@code maxRun} ASCII digits starts at {@code at}, followed by {@code \\s+} and an upper
     * case letter ({@link Character#isUpperCase}: every {@code \\p{Lu}} and a few more).
     */
    static boolean capitalAfterRunAndSpaces(String text, int at, int maxRun) {
        return capitalAfterRunAndSpaces(text, at, maxRun, false);
    }

    /** {@link #capitalAfterRunAndSpaces(String, int, int)}, or a digit after the spaces when {@code orDigit}. */
    static boolean capitalAfterRunAndSpaces(String text, int at, int maxRun, boolean orDigit) {
        int n = text.length();
        int k = at;
        while (k < n && isAsciiDigit(text.charAt(k))) {
            k++;
        }
        if (k == at || k - at > maxRun || k == n || !isRegexSpace(text.charAt(k))) {
            return false;
        }
        while (k < n && isRegexSpace(text.charAt(k))) {
            k++;
        }
        return k < n && (Character.isUpperCase(text.codePointAt(k)) || orDigit && isAsciiDigit(text.charAt(k)));
    }

    /** What {@code \\s} matches: {@code [ \t\n\x0B\f\r]}. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * Where a pattern's match can start, which a cheap pass over the text lists beforehand, so that the pattern
     * is tried at those places only instead of at every character (java.util.regex has no first-character
     * optimisation for patterns that begin with a look-behind or a word boundary).
     */
    enum Starts {
        /** Anywhere: the pattern is run with {@link Matcher#find()}. */
        ANYWHERE,
        /** At the first of a run of ASCII digits: the pattern starts with a digit not preceded by one. */
        DIGIT_RUN,
        /** At the first of a run of ASCII digits, at {@code +} or at {@code (}. */
        PHONE,
        /**
         * At the first letter of a word that ends as a European street does before a house number, and of the two
         * words before it ({@link Shape#mayHoldStreetNumber}).
         */
        STREET,
        /**
         * At an ASCII letter of the detector's {@code firstLetters} not preceded by an ASCII letter, digit or
         * {@code _}: the pattern starts with a word boundary and one of those letters.
         */
        WORD
    }

    /**
     * What a text contains that the patterns need, counted in one pass: ASCII digits (what {@code \\d} matches),
     * the longest run of them, some punctuation, and the text in ASCII lower case for the case-insensitive
     * keywords (the patterns' {@code (?i)} folds ASCII only).
     */
    static final class Shape {
        final int digits;
        final int longestDigitRun;
        final int dots;
        final boolean at;
        final boolean dash;
        final boolean slash;
        /** Colons, and whether two stand together ({@code ::}): an IPv6 address has seven or a pair, a MAC five. */
        final int colons;
        final boolean doubleColon;
        /** Hyphens: a MAC address written with them has five. */
        final int dashes;
        final String text;
        /** Whether every character is ASCII. */
        private final boolean ascii;
        private String lower;
        /** Where runs of ASCII digits start, in order. */
        int[] digitRuns = new int[8];
        int digitRunCount;
        /** Where runs of ASCII digits start and where {@code +} and {@code (} are, in order. */
        int[] phoneStarts = new int[8];
        int phoneStartCount;
        /** Where a European street may start ({@link #mayHoldStreetNumber}), in order. */
        int[] streetStarts = new int[4];
        int streetStartCount;
        /** Where ASCII letters follow something other than an ASCII letter, digit or {@code _}, in order. */
        int[] wordStarts = new int[16];
        int wordStartCount;

        Shape(String text) {
            this.text = text;
            int d = 0;
            int run = 0;
            int longest = 0;
            int dotCount = 0;
            boolean hasAt = false;
            boolean hasDash = false;
            boolean hasSlash = false;
            int colonCount = 0;
            int dashCount = 0;
            boolean pairedColons = false;
            boolean afterWordChar = false;
            char any = 0;
            for (int i = 0, n = text.length(); i < n; i++) {
                char c = text.charAt(i);
                any |= c;
                if (c >= '0' && c <= '9') {
                    if (run == 0) {
                        digitRuns = add(digitRuns, digitRunCount++, i);
                        phoneStarts = add(phoneStarts, phoneStartCount++, i);
                    }
                    d++;
                    run++;
                    longest = Math.max(longest, run);
                    afterWordChar = true;
                    continue;
                }
                run = 0;
                boolean letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
                if (letter && !afterWordChar) {
                    wordStarts = add(wordStarts, wordStartCount++, i);
                }
                afterWordChar = letter || c == '_';
                switch (c) {
                    case '.' -> dotCount++;
                    case '@' -> hasAt = true;
                    case '-' -> {
                        hasDash = true;
                        dashCount++;
                    }
                    case '/' -> hasSlash = true;
                    case ':' -> {
                        colonCount++;
                        pairedColons |= i > 0 && text.charAt(i - 1) == ':';
                    }
                    case '+', '(' -> phoneStarts = add(phoneStarts, phoneStartCount++, i);
                    default -> {
                        // nothing the patterns need
                    }
                }
            }
            this.digits = d;
            this.longestDigitRun = longest;
            this.dots = dotCount;
            this.at = hasAt;
            this.dash = hasDash;
            this.slash = hasSlash;
            this.colons = colonCount;
            this.doubleColon = pairedColons;
            this.dashes = dashCount;
            this.ascii = any < 0x80;
        }

        /** {@link #seaWords}, once known; -1 before. */
        private int seaWords = -1;

        /** A Malay or Indonesian street's kind at a word's start ({@link #seaWords}). */
        static final int SEA_STREET = 1;
        /** A housing estate's or village's word. */
        static final int SEA_ESTATE = 2;
        /** A barangay's, kelurahan's, kecamatan's, kabupaten's, desa's or kota's word. */
        static final int SEA_PLACE = 4;
        /** A purok's or sitio's word, or RT (before RW). */
        static final int SEA_UNIT = 8;
        /** A subdivision's block (Blk, Block, Blok). */
        static final int SEA_BLOCK = 16;
        /**
         * A South Asian village address's label (Vill, PO, PS, Dist, Thana, Upazila, Tehsil, Union, Mouza, Zila), a
         * mohalla or a chak (decision 0247).
         */
        static final int SOUTH_ASIAN = 32;

        /**
         * Which of the Southeast Asian address and place words start a word of the text (decision 0244), as bits:
         * one pass over the words' first letters, so that the detectors that need them cost a text without them
         * nothing more.
         */
        int seaWords() {
            if (seaWords < 0) {
                int m = 0;
                for (int k = 0; k < wordStartCount; k++) {
                    int i = wordStarts[k];
                    switch (text.charAt(i)) {
                        case 'J' -> m |= at(i, "Jalan", "JALAN", "Jln", "JLN", "Jl.", "JL.") ? SEA_STREET : 0;
                        case 'L' -> m |= at(i, "Lorong", "Lrg.", "Lebuh") ? SEA_STREET : 0;
                        case 'P' -> m |= at(i, "Persiaran") ? SEA_STREET : at(i, "Perumahan", "Pangsapuri") ? SEA_ESTATE
                                : at(i, "Purok") ? SEA_UNIT : at(i, "PO-", "P.O", "PS-", "P.S") ? SOUTH_ASIAN : 0;
                        case 'T' -> m |= at(i, "Taman", "Tmn.") ? SEA_ESTATE
                                : at(i, "Thana", "Tehsil", "Teh") ? SOUTH_ASIAN : 0;
                        case 'V' -> m |= at(i, "Vill") ? SOUTH_ASIAN : 0;
                        case 'U' -> m |= at(i, "Upazila", "Upozila", "Union") ? SOUTH_ASIAN : 0;
                        case 'Z' -> m |= at(i, "Zila") ? SOUTH_ASIAN : 0;
                        case 'M' -> m |= at(i, "Mohal", "Muhal", "Mouza") ? SOUTH_ASIAN : 0;
                        case 'C' -> m |= at(i, "Chak") ? SOUTH_ASIAN : 0;
                        case 'K' -> m |= at(i, "Kampung", "Kampong", "Kg.", "Komp") ? SEA_ESTATE
                                : at(i, "Kel", "KEL", "Kec", "KEC", "Kab", "KAB", "Kota", "KOTA") ? SEA_PLACE : 0;
                        case 'B' -> m |= at(i, "Brgy", "BRGY", "Bgy.", "Barangay") ? SEA_PLACE
                                : at(i, "Blk", "Block", "Blok") ? SEA_BLOCK : 0;
                        case 'D' -> m |= at(i, "Desa", "Dusun") ? SEA_PLACE : at(i, "Dist") ? SOUTH_ASIAN : 0;
                        case 'R' -> m |= at(i, "RT") ? SEA_UNIT : 0;
                        case 'S' -> m |= at(i, "Sitio") ? SEA_UNIT : 0;
                        default -> {
                            // no such word
                        }
                    }
                }
                seaWords = m;
            }
            return seaWords;
        }

        private boolean at(int i, String... words) {
            for (String w : words) {
                if (text.startsWith(w, i)) {
                    return true;
                }
            }
            return false;
        }

        private static int[] add(int[] list, int at, int value) {
            int[] out = at < list.length ? list : java.util.Arrays.copyOf(list, list.length * 2);
            out[at] = value;
            return out;
        }

        /** Whether the text contains one of the words, compared in ASCII lower case. */
        boolean containsIgnoreCase(String... words) {
            if (lower == null && ascii) {
                // ASCII text: the JDK's lower case is ASCII's, made without copying the text to characters and back
                lower = text.toLowerCase(Locale.ROOT);
            }
            if (lower == null) {
                char[] chars = text.toCharArray();
                for (int i = 0; i < chars.length; i++) {
                    char c = chars[i];
                    if (c >= 'A' && c <= 'Z') {
                        chars[i] = (char) (c + ('a' - 'A'));
                    }
                }
                lower = new String(chars);
            }
            for (String w : words) {
                if (lower.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a slash follows a point and two to six ASCII letters ({@code .de/}, {@code .health/}): what a host
         * written without its scheme needs before its path (its top-level domains are such words).
         */
        boolean mayHoldHostBeforeSlash() {
            for (int i = text.indexOf('/'); i >= 0; i = text.indexOf('/', i + 1)) {
                int k = i;
                while (k > 0 && i - k <= 6 && isAsciiLetter(text.charAt(k - 1))) {
                    k--;
                }
                if (i - k >= 2 && i - k <= 6 && k > 0 && text.charAt(k - 1) == '.') {
                    return true;
                }
            }
            return false;
        }

        /** Whether the text contains one of the words as written. */
        boolean contains(String... words) {
            for (String w : words) {
                if (text.contains(w)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether a run of digits follows, after one space or none, a word ending as a European street does
         * ({@code STREET_ENDINGS}: "Hauptstraße 5", "Kalverstraat 12", "Storgatan 5"): one look back per run of digits.
         */
        boolean mayHoldStreetNumber() {
            streetStartCount = 0;
            for (int r = 0; r < digitRunCount; r++) {
                int end = digitRuns[r];
                if (end > 0 && text.charAt(end - 1) == ' ') {
                    end--;
                }
                boolean street = end >= 5 && text.startsWith("Ring", end - 4) && " -".indexOf(text.charAt(end - 5)) >= 0;
                // "Kaiser-Wilhelm-Ring 5", "Berliner Ring 5", but not "during 2" or "monitoring 4"
                if (!street && (end == 0 || !mayEndStreet(text.charAt(end - 1)))) {
                    continue; // no ending can end here (decision 0145)
                }
                for (int e = 0; e < STREET_ENDINGS.length && !street; e++) {
                    String ending = STREET_ENDINGS[e];
                    street = end >= ending.length()
                            && text.regionMatches(true, end - ending.length(), ending, 0, ending.length());
                }
                if (street) {
                    addStreetStarts(end);
                }
            }
            return streetStartCount > 0;
        }

        /**
         * Whether a street's ending ({@code STREET_ENDINGS}) may end with this character as
         * {@link String#regionMatches(boolean, int, String, int, int)} compares it: an ASCII character only if it is
         * the last of one in either case; any other character is left to that comparison.
         */
        private static boolean mayEndStreet(char c) {
            return c >= 128 || STREET_ENDING_LAST[c];
        }

        /** The starts of the street's word ending at {@code end} and of the two words before it, in text order. */
        private void addStreetStarts(int end) {
            int[] found = new int[3];
            int count = 0;
            int i = end;
            while (count < 3 && i > 0) {
                if (text.charAt(i - 1) == '.') {
                    i--; // "Berliner Str. 12"
                }
                int wordEnd = i;
                while (i > 0 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == '-'
                        || Character.getType(text.charAt(i - 1)) == Character.NON_SPACING_MARK)) {
                    i--;
                }
                if (i == wordEnd) {
                    break;
                }
                found[count++] = i;
                if (i == 0 || text.charAt(i - 1) != ' ') {
                    break;
                }
                i--;
            }
            for (int k = count - 1; k >= 0; k--) {
                if (streetStartCount == 0 || found[k] > streetStarts[streetStartCount - 1]) {
                    streetStarts = add(streetStarts, streetStartCount++, found[k]);
                }
            }
        }

        /** Whether a house number is followed by a French kind of street ("12 rue", "3 bis, avenue"). */
        boolean mayHoldFrenchStreet() {
            int n = text.length();
            for (int r = 0; r < digitRunCount; r++) {
                int i = digitRuns[r];
                while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                i = skipCommaAndSpaces(i);
                if (text.startsWith("bis", i) || text.startsWith("ter", i)) {
                    i = skipCommaAndSpaces(i + 3);
                }
                for (String kind : FRENCH_STREETS) {
                    if (text.regionMatches(true, i, kind, 0, kind.length())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private int skipCommaAndSpaces(int i) {
            int n = text.length();
            int limit = Math.min(n, i + 3);
            while (i < limit && (text.charAt(i) == ' ' || text.charAt(i) == ',')) {
                i++;
            }
            return i;
        }

        /** Whether at least {@code n} runs of four ASCII digits or more follow a full stop: decimal degrees' fractions. */
        boolean hasLongFractions(int n) {
            int found = 0;
            for (int r = 0; r < digitRunCount && found < n; r++) {
                int at = digitRuns[r];
                if (at > 0 && text.charAt(at - 1) == '.' && at + 3 < text.length() && isAsciiDigit(text.charAt(at + 1))
                        && isAsciiDigit(text.charAt(at + 2)) && isAsciiDigit(text.charAt(at + 3))) {
                    found++;
                }
            }
            return found >= n;
        }


        /** A numeric date ({@link DateValues#textPattern()}) needs four digits and a separator. */
        boolean mayHoldNumericDate() {
            return digits >= 4 && (dash || slash || dots > 0);
        }

        /** A month-name date with a year ({@link DateValues#monthNameTextPatterns()}), month word in any case. */
        boolean mayHoldMonthNameDate() {
            return digits >= 5 && containsIgnoreCase(MONTH_PREFIXES_LOWER);
        }
    }

    private static final String[] MONTH_PREFIXES = {"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final String[] MONTH_PREFIXES_LOWER = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
        "oct", "nov", "dec",
        // the starts of the other languages' month words (DateValues.MONTH_WORD), as Shape folds case: ASCII only
        "gen", "giu", "lug", "ago", "set", "ott", "dic", "ene", "abr", "mag", "mai", "maj", "okt", "dez", "m\u00e4r",
        "m\u00c4r", "mrz", "avr", "f\u00e9v", "f\u00c9v", "fev", "jui", "ao", "d\u00e9c", "d\u00c9c", "out", "mrt",
        "mei", "sty", "lut", "kwi", "cze", "lip", "sie", "wrz", "pa\u017a", "pa\u0179", "paz", "lis", "gru", "maa"};

    private record Span(int start, int end, String replacement) {
    }

    /**
     * Words after which "May" and a number are a day (decision 0202): a clinic's plans and the days of the week, as a
     * case-insensitive alternation for a lookbehind.
     */
    /**
     * The words after which a day written in digits is a date ("seen 3/14", "am 15.3.", "f/u 4/1"; decisions 0155 and
     * 0184), as alternatives of a pattern; {@link #DAY_CUE_BEFORE} reads them behind a day's digits.
     */
    static final String DAY_CUES = "on|by|until|till|since|from|after|before|through|thru|due|dated|visit"
            + "|seen|am|vom|bis|seit|ab|le|du|au|el|del|il|dal|al|f/u|fu|appt|appointment|rtc|check|recheck"
            + "|scheduled|sched|planned|admitted|discharged|started|stopped|held|resumed|restarted|week of|wk of"
            + "|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|saturday|sunday"
            + "|today|tomorrow|yesterday|tonight|dos|dob";

    /**
     * What the day's look-behind {@code (?i)(?<=\\b(?:DAY_CUES)[:#]?\\s{1,8})} needs, read backwards from the day in
     * plain code: java.util.regex tries a bounded look-behind at each of its lengths and each of its alternatives, which
     * cost the scrubber more than any other pattern on texts with dates (measured, 2026-12-07).
     */
    static final CueBefore DAY_CUE_BEFORE = new CueBefore(DAY_CUES, 8);

    /** A start test passing where both do. */
    static StartTest both(StartTest a, StartTest b) {
        return (text, at) -> a.mayStartAt(text, at) && b.mayStartAt(text, at);
    }

    /**
     * A necessary condition of a look-behind {@code (?i)(?<=\\b(?:w1|w2|…)[:#]?\\s{1,max})} whose alternatives end in
     * ASCII letters: one to {@code max} regex spaces before the place (no more: the look-behind could not reach past
     * them), a colon or {@code #} before them or not, and before that a run of ASCII letters that, in lower case, is
     * the last word of an alternative ("u" of "f/u", "of" of "week of"). The pattern is still tried with its
     * look-behind wherever this passes, so a place passing here for a word the pattern does not accept ("of" alone)
     * only costs the try.
     */
    static final class CueBefore {
        private final java.util.Set<String> lastWords;
        private final int longest;
        private final int maxSpaces;

        CueBefore(String alternatives, int maxSpaces) {
            java.util.Set<String> words = new java.util.HashSet<>();
            int longestWord = 0;
            for (String a : alternatives.split("\\|")) {
                int end = a.length();
                int start = end;
                while (start > 0 && isAsciiLetter(a.charAt(start - 1))) {
                    start--;
                }
                if (start == end) {
                    throw new IllegalArgumentException("an alternative must end in an ASCII letter: " + a);
                }
                words.add(a.substring(start, end).toLowerCase(java.util.Locale.ROOT));
                longestWord = Math.max(longestWord, end - start);
            }
            this.lastWords = java.util.Set.copyOf(words);
            this.longest = longestWord;
            this.maxSpaces = maxSpaces;
        }

        boolean mayEndBefore(String text, int at) {
            int k = runStart(text, at, c -> isRegexSpace((char) c), maxSpaces);
            if (k < 0 || k == at) {
                return false;
            }
            if (k > 0 && (text.charAt(k - 1) == ':' || text.charAt(k - 1) == '#')) {
                k--;
            }
            int end = k;
            k = runStart(text, end, c -> isAsciiLetter((char) c), longest);
            if (k < 0 || k == end) {
                return false;
            }
            char[] word = new char[end - k];
            for (int i = 0; i < word.length; i++) {
                word[i] = (char) (text.charAt(k + i) | 0x20);
            }
            return lastWords.contains(new String(word));
        }

        /** Where the run of characters passing {@code in} that ends at {@code end} starts; -1 if longer than {@code max}. */
        private static int runStart(String text, int end, java.util.function.IntPredicate in, int max) {
            int k = end;
            while (k > 0 && in.test(text.charAt(k - 1))) {
                k--;
                if (end - k > max) {
                    return -1;
                }
            }
            return k;
        }
    }

    private static final String MAY_CUES = "appt|appointment|f/u|rtc|return|scheduled|admitted|discharged|dos"
            + "|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday";

    /** A post office box's label ("PO Box", "P.O. Box", "GPO Box", "PMB"). */
    private static final String POST_BOX = "P\\.? ?O\\.? ?Box|PO BOX|Po Box|GPO Box|Post Office Box|PMB";
    /** A US rural address's route, written out (decision 0207). */
    private static final String RURAL_ROUTE = "(?:Rural\\s+Route|Highway\\s+Contract|Star\\s+Route)";
    /** The start of a post office box or a rural route's box, whose town is read as a street's (decision 0207). */
    private static final Pattern PO_BOX = Pattern.compile("(?:" + POST_BOX + "|" + RURAL_ROUTE
            + "|R\\.?R\\.?\\s*\\d|HC\\s*\\d)");

    /** An optional direction before a street's name ("N Kedzie", "West Madison"). */
    private static final String DIRECTION = "(?:(?:[NSEW]|N[EW]|S[EW]|North|South|East|West)\\.?\\s+)?";
    /** The words of where someone lives, before "at" or "on" and a street (decisions 0207, 0212). */
    private static final String LIVES = "lives|living|resides|residing|stays|staying";
    /** What stands between an id's label and the id ("MRN #: ", "account no. ", "FIN number "). */
    private static final String AFTER_LABEL = "(?:\\s*(?:[:#]|no\\.?|number)){0,4}\\s*";
    /** An id after its label: letters, digits and dashes with a digit, two characters or more (group 1). */
    private static final String LABELLED_ID = "((?=[A-Za-z-]*\\d)[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])";

    /** A month written with a capital, in full or abbreviated; "May" is left out (a verb too often). */
    private static final String MONTH_NAME = "(?:January|February|March|April|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\b";

    /** One group of an IPv6 address. */
    private static final String HEX4 = "[0-9A-Fa-f]{1,4}";

    /** A capitalised word of a name, or an initial with its full stop ({@code J.}). */
    private static final String NAME_WORD = "\\p{Lu}(?:\\.(?:\\p{Lu}\\.){0,4}|[\\p{L}\\p{M}'\u2019-]*)";
    /** A capitalised word of a Malay, Indonesian or Philippine street or place (decision 0244). */
    private static final String SEA_NAME = "\\p{Lu}[\\p{L}\\p{M}'\u2019-]*";
    /** A word of a street's name there: capitalised, or a number ("Jalan Bunga Raya 3", "Jalan 1/2"). */
    private static final String SEA_WORD = "(?!(?:Gg|GG|Gang|No|NO|Nomor|Nombor|RT)(?![\\p{L}\\p{M}]))(?:" + SEA_NAME
            + "|\\d{1,4}[A-Za-z]?(?![\\p{L}\\d]))";
    /**
     * What may follow such a street: the alley ({@code Gg. III}), the house number ({@code No. 45}), the neighbourhood
     * units ({@code RT 003/RW 005}) and the housing estate after a comma ({@code , Taman Melati Utama}).
     */
    private static final String SEA_STREET_TAIL = "(?:\\h+(?:Gg\\.|GG\\.|Gang)\\h?(?:[IVX]{1,4}|\\d{1,3})(?![\\p{L}\\d]))?"
            + "(?:,?\\h+(?:No|NO|Nomor|Nombor)\\.?\\h?\\d{1,5}[A-Za-z]?(?![\\p{L}\\d]))?"
            + "(?:,?\\h+RT\\.?\\h?\\d{1,3}\\h?/\\h?RW\\.?\\h?\\d{1,3}(?!\\d))?"
            + "(?:,\\h+(?:Taman|Tmn\\.|Kampung|Kampong|Kg\\.|Perumahan|Komp\\.|Kompleks)\\h+" + SEA_NAME
            + "(?:\\h+" + SEA_WORD + "){0,3})?";
    /** A {@link #NAME_WORD} that ends with a letter: a quote after it closes the quotes around it ({@code 'Zizi'}). */
    private static final String NICK_WORD = "\\p{Lu}(?:\\.|(?:[\\p{L}\\p{M}'\u2019-]*[\\p{L}\\p{M}])?)";
    /**
     * What may stand between two words of a name after a title: spaces, or one line break (a note wrapped inside a
     * name) unless the next line starts with a heading, a word in capitals ({@code FINDINGS}, {@code IMPRESSION}) or a
     * label ({@code Findings:}): "Dr Isolde Thornwick" then "FINDINGS: Lungs clear." on the next line lost the heading
     * (decision 0139).
     */
    private static final String NAME_GAP = "(?:\\h+|\\h*\\R\\h*(?!\\p{Lu}{2,}(?![\\p{Ll}\\p{M}])|\\p{Lu}[\\p{L}\\p{M}'\u2019-]*\\h*:))";

    /**
     * After a European street address, the postcode and town (", 80331 München", ", 1012 NX Amsterdam",
     * ", 852 30 Sundsvall", ", 00184 Roma", ", D-80331 München"), when they follow.
     */
    private static final String POSTCODE_AND_TOWN = "(?:,? {1,2}(?:[A-Z]{1,2}-)?(?:\\d{5}|\\d{4}(?: ?[A-Z]{2})?|\\d{3} \\d{2})"
            + " \\p{Lu}[\\p{L}\\p{M}'-]+(?:[ -](?:am|an|der|im|bei|sur|en|\\p{Lu}[\\p{L}\\p{M}'-]+)){0,2})?";
    /**
     * After an Australian, New Zealand or Canadian street address, the suburb, town, state and postcode, when they
     * follow and end with the postcode (", Surry Hills NSW 2010", ", Ōtāhuhu, Auckland 1062", ", Ottawa ON K1M 2C4",
     * ", Montréal (Québec) H2X 3J6"; decision 0123). Without a postcode after them they are not taken: a comma and
     * capitalised words are as often the next clause.
     */
    private static final String TOWN_AND_POSTCODE = "(?:(?:,(?: \\p{Lu}[\\p{L}\\p{M}'\u2019-]*){1,4}){1,2}(?:,? \\d{4}|,? "
            + "(?:\\(\\p{Lu}[\\p{L}\\p{M}]+\\) )?[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] \\d[ABCEGHJ-NPRSTV-Z]\\d)"
            + "(?![\\p{L}\\p{N}]|[.,]\\d))?";
    /**
     * How the streets of the first European address pattern end, in lower case: {@link Shape#mayHoldStreetNumber} looks
     * for one of them before a house number.
     */
    private static final String[] STREET_ENDINGS = {"stra\u00dfe", "strasse", "str.", "weg", "gasse", "platz", "allee",
        "damm", "ufer", "chaussee", "steig", "pfad", "stieg", "graben", "markt", "straat", "laan", "gracht",
        "plein", "kade", "singel", "dijk", "steeg", "dreef", "gatan", "v\u00e4gen", "gr\u00e4nd", "torget", "stigen"};
    /** The ASCII characters the {@code STREET_ENDINGS} end with, in either case. */
    private static final boolean[] STREET_ENDING_LAST = new boolean[128];

    static {
        for (String ending : STREET_ENDINGS) {
            char last = ending.charAt(ending.length() - 1);
            STREET_ENDING_LAST[Character.toLowerCase(last)] = true;
            STREET_ENDING_LAST[Character.toUpperCase(last)] = true;
        }
    }

    /** How the Italian and Spanish streets of {@code DETECTORS} start, as written (a cheap test first). */
    private static final String[] STREET_KINDS = {"Via ", "Viale", "V.le", "Piazz", "P.zza", "Corso", "C.so", "Largo",
        "Vicolo", "Lungomare", "Calle", "C/", "Avenida", "Avda", "Plaza", "Pza.", "Paseo", "Carrer", "Camino", "Ronda",
        "Glorieta", "Traves\u00eda", "R\u00faa"};
    /** The French kinds of street, in lower case, that follow a house number ("12 rue", "3 bis, avenue"). */
    private static final String[] FRENCH_STREETS = {"rue ", "avenue ", "av. ", "boulevard ", "bd ", "place ", "chemin ",
        "all\u00e9e ", "impasse ", "quai ", "route ", "square ", "faubourg "};

    /** The top-level domains an e-mail address written to fool robots ends with (decision 0193), as a word. */
    private static final String EMAIL_TLD = "(?:com|org|net|edu|gov|mil|info|biz|io|co|us|uk|ca|au|nz|de|fr|es|it|nl|se"
            + "|no|dk|fi|ch|at|be|ie|pt|br|mx|in|jp|kr|cn|ru|pl)(?![\\w-])"
            // the last label: "co [dot] uk" goes on past "co"
            + "(?!\\s*(?:\\.|[(\\[{]\\s*dot\\s*[)\\]}]|\\s+dot\\s+)\\s*[a-z0-9])";

    /** The US states' and territories' codes: a ZIP code after one, and ({@link PlaceNames}) a town before one. */
    static final java.util.Set<String> US_STATE_CODES = java.util.Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT",
            "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS",
            "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
            "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR", "VI", "GU", "AS", "MP");
    /**
     * A UK postcode: outward code, a space, a digit and two letters of those the inward code uses ("OX4 1HP",
     * "SW1A 1AA"); replaced by {@code [ZIP]}, and ({@link PlaceNames}) the town before it.
     */
    static final String UK_POSTCODE = "[A-Z]{1,2}\\d[A-Z\\d]? \\d[ABD-HJLNP-UW-Z]{2}";

    /** {@code (?:9\\d|1[0-4]\\d)} followed by no digit: a run of two digits starting with 9, or of three with 1. */
    private static final StartTest AGE_OVER_89_RUN = (text, at) -> digitRun((c, run, next) -> run == 2 && c == '9'
            || run == 3 && c == '1' && text.charAt(at + 1) <= '4').mayStartAt(text, at);

    /**
     * A street named by one or two capitalised words alone, without a number or its kind, after "lives on", "lives off",
     * "resides on", "staying on" ("lives on Kedzie near the park"; decision 0212): taken only when its first word is
     * no common word ({@link #streetNamedAlone}: "lives on Social Security" stays).
     */
    private static final Detector STREET_NAMED_ALONE = new Detector(Pattern.compile(
            "(?<=\\b(?i:" + LIVES + ")\\s{1,3}(?i:on|off)\\s{1,3})"
            + DIRECTION + "\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'-]*"
            + "(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'-]*)?"), "[ADDRESS]", 0,
            s -> s.containsIgnoreCase("lives o", "living o", "resides o", "residing o", "stays o", "staying o"),
            Starts.WORD, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static final List<Detector> DETECTORS = List.of(
            // Internationalised addresses too: "jürgen@example.de" must not keep "jü". A match starts
            // only where a run of address characters starts, else a long run costs quadratic time.
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}._%+-])[\\p{L}\\p{M}\\p{N}._%+-]+@[\\p{L}\\p{M}\\p{N}.-]+\\.\\p{L}{2,}"), "[EMAIL]", 0, s -> s.at, Starts.ANYWHERE),
            // ... and written to fool robots: "jquarrel(at)yahoo.com", "jane [at] gmail [dot] com", "jane dot quarrel at
            // gmail dot com" (decision 0193): "at" in brackets, or spelled with the domain's dots spelled too, and a
            // top-level domain at the end
            new Detector(Pattern.compile("(?i)(?<![\\w.%+-])(?:[a-z0-9][a-z0-9._%+-]*(?:\\s*(?:[(\\[{]\\s*dot\\s*[)\\]}]"
                    + "|\\s+dot\\s+)\\s*[a-z0-9_%+-]+)*\\s*[(\\[{]\\s*at\\s*[)\\]}]\\s*[a-z0-9-]+(?:\\s*(?:\\.|[(\\[{]\\s*dot"
                    + "\\s*[)\\]}]|\\s+dot\\s+)\\s*[a-z0-9-]+)*?\\s*(?:\\.|[(\\[{]\\s*dot\\s*[)\\]}]|\\s+dot\\s+)\\s*" + EMAIL_TLD
                    + "|[a-z0-9][a-z0-9._%+-]*(?:\\s+dot\\s+[a-z0-9_%+-]+)*\\s+at\\s+[a-z0-9-]+(?:\\s+dot\\s+[a-z0-9-]+)*?"
                    + "\\s+dot\\s+" + EMAIL_TLD + ")"), "[EMAIL]", 0,
                    s -> s.containsIgnoreCase("(at)", "[at]", "{at}", "( at )", "[ at ]", " dot "), Starts.ANYWHERE),
            // A URL does not end in punctuation that closes the sentence around it.
            new Detector(Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)\\]']"), "[URL]", 0, s -> s.containsIgnoreCase("http", "www."), Starts.WORD, "HhWw"),
            // A social media handle ("@quillfeather_77", "Instagram: @marigold.w"): after the name of a network or a
            // handle's word, or with a digit or an underscore in it; "@home", "@ bedside" and "@HS" are notes' "at"
            // (decision 0183). An e-mail address's "@" has a letter or digit before it.
            new Detector(Pattern.compile("(?<![\\w.@])@(?:(?=[A-Za-z0-9._]*[\\d_])[A-Za-z][A-Za-z0-9._]{2,29}"
                    + "|(?<=\\b(?i:twitter|instagram|insta|tiktok|facebook|snapchat|telegram|threads|mastodon|handle|ig)"
                    + "[:\\s]{1,3}@)[A-Za-z][A-Za-z0-9._]{2,29})(?<![.])(?![\\w@])"), "[URL]", 0, s -> s.at, Starts.ANYWHERE),
            // ... and without its scheme, a host and a path: "portal.klinikum-nord.de/patient/123" (decision 0154)
            new Detector(Pattern.compile("(?i)(?<![\\w@./-])[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,62}"
                    + "[a-z0-9])?)*\\.(?:com|org|net|edu|gov|mil|info|biz|health|io|eu|us|de|at|ch|uk|fr|nl|be|it|es|pt|se|no"
                    + "|dk|fi|pl|cz|ca|au|nz|jp|kr|cn|in|br|mx|ar|cl|ru|gr|tr|il|sa|ir|th)/[^\\s<>\"]*[^\\s<>\".,;:!?)\\]']"),
                    "[URL]", 0, s -> s.slash && s.dots > 0 && s.mayHoldHostBeforeSlash(), Starts.ANYWHERE),
            // Licences, plates, vehicles, devices and passports after their labels (HIPAA's 11th to 13th identifiers;
            // decision 0154): "DL# D1234-5678-9012", "license plate ABC-1234", "Kennzeichen HD-XY 123", "VIN
            // 1HGCM82633A004352", "S/N PJN123456R", "serial no. 44-1187", "Passport No. X1234567". Labels that are
            // words of their own ("serial troponins", "LCP plate 3.5") only with "no.", "#" or a colon.
            // A licence's or a certificate's number after the word and its "#", "no." or colon ("License # 123456", "Lic#
            // 123456", "Certificate no. 55-1234"; decision 0184).
            new Detector(Pattern.compile("(?:(?i:\\b(?:DL|SN|serial|(?:licen[cs]e|number|registration)\\s+plate|plate|licen[cs]e"
                    + "|lic|certificate|cert)"
                    + "\\s*(?:no\\.?|nr\\.?|number|#|:)[\\s:#]*)"
                    + "|(?i:\\b(?:S/N|VIN|passport|pass-?nr\\.?|reisepass|f\u00fchrerschein|driver'?s?\\s+licen[cs]e|licen[cs]e\\s+plate"
                    + "|number\\s+plate|kfz-kennzeichen|kennzeichen|seriennummer|serien-?nr\\.?|ser\\.-?nr\\.?|plaque"
                    + "|matr\u00edcula|targa|num\u00e9ro\\s+de\\s+s\u00e9rie)(?:\\s*(?:no\\.?|nr\\.?|number|#))?[\\s:#]*))"
                    + "((?=[A-Z0-9 -]{0,30}\\d)(?=[A-Z0-9 -]{4})[A-Z0-9]{1,10}(?:[ -][A-Z0-9]{1,10}){0,3}"
                    + "|(?=[A-Za-z0-9-]*\\d)[A-Za-z0-9][A-Za-z0-9-]{2,24}[A-Za-z0-9])(?![\\w.-]\\w)"),
                    "[ID]", 1, s -> s.digits >= 1 && s.containsIgnoreCase("dl", "sn", "s/n", "serial", "plate", "vin",
                            "pass", "f\u00fchrerschein", "kennzeichen", "serien", "ser.", "plaque", "matr", "targa", "s\u00e9rie",
                            // not "lic" or "cert" alone: "systolic", "metabolic", "uncertain" are in most notes
                            "licen", "lic#", "lic #", "lic:", "lic.", "lic no", "certif", "cert#", "cert #", "cert:",
                            "cert.", "cert no"), Starts.WORD, "DdSsLlNnRrPpCcVvFfKkMmTt"),
            new Detector(Pattern.compile("(?<!\\d)(?<!\\d\\.)(?:\\d{1,3}\\.){3}\\d{1,3}(?!\\d|\\.\\d)"), "[IP]", 0, s -> s.dots >= 3 && s.digits >= 4, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run <= 3 && next == '.')),
            // IPv6 addresses, all eight groups or shortened by "::" ("2001:db8:85a3::8a2e:370:7334", "fe80::1ff:fe23:4567:890a%eth0",
            // "::ffff:192.0.2.128"), with at least one digit and two groups; a time of day ("10:30:00") has neither form,
            // and a C++ name ("std::max") is inside a word.
            new Detector(Pattern.compile("(?<![\\w:.%])(?=[0-9A-Fa-f:]*\\d)(?:(?:" + HEX4 + ":){7}" + HEX4
                    + "|(?=" + HEX4 + ":[0-9A-Fa-f:]*[0-9A-Fa-f]|::" + HEX4 + ":[0-9A-Fa-f])"
                    + "(?:" + HEX4 + "(?::" + HEX4 + "){0,6})?::(?:" + HEX4 + "(?::" + HEX4 + "){0,6})?"
                    + "(?::(?:\\d{1,3}\\.){3}\\d{1,3})?)(?:%\\w+)?(?![\\w:]|\\.\\w)"), "[IP]", 0,
                    s -> s.colons >= 7 || s.doubleColon, Starts.ANYWHERE),
            // A network card's MAC address ("00:1A:2B:3C:4D:5E", "00-1a-2b-3c-4d-5e"): a device identifier (HIPAA).
            new Detector(Pattern.compile("(?<![\\w:.-])(?=[0-9A-Fa-f:-]*\\d)[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}"
                    + "(?![\\w:-]|\\.\\w)"), "[ID]", 0, s -> s.colons >= 5 || s.dashes >= 5, Starts.ANYWHERE),
            new Detector(Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])"), "[SSN]", 0, s -> s.digits >= 9, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run == 3 && (next == '-' || next == ' '))),
            // (the area code before a slash, "Ph 312/555-0143", or in brackets before seven digits, "(312)5550143";
            // decision 0204)
            new Detector(Pattern.compile("(?<![\\w+])(?:\\+?\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?(?:\\d{3}[\\s.-]\\d{4}|\\d{7})"
                    + "|\\d{3}(?:[\\s.-]|\\h?/\\h?)\\d{3}[\\s.-]\\d{4})(?!\\w)"),
                    "[PHONE]", 0, s -> s.digits >= 10, Starts.PHONE)
                    // a country code and the area code's digits together at most, then a separator or a bracket; ten
                    // digits within the 18 characters the longest match starting with a digit has
                    .where((text, at) -> digitRun((c, run, next) -> run <= 6
                            && (isRegexSpace(next) || next == '.' || next == '-' || next == '(' || next == '/'), true, true)
                            .mayStartAt(text, at)
                            && (!isAsciiDigit(text.charAt(at)) || digitsWithin(text, at, 18) >= 10)),
            // A North American number without its area code ("Reach daughter at 555-0143"): an exchange of three digits
            // that does not start with 0 or 1, a dash, four digits, nothing numeric around them (decision 0204)
            new Detector(Pattern.compile("(?<![\\w+/.,:-])[2-9]\\d{2}-\\d{4}(?![\\w-]|[.,/:]\\d)"), "[PHONE]", 0,
                    s -> s.dash && s.digits >= 7, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run == 3 && c >= '2' && next == '-')),
            // French numbers in pairs ("06 12 34 56 78", "+33 6 12 34 56 78", "01.42.68.53.00").
            new Detector(Pattern.compile("(?<![\\w+])(?:\\+33\\s?|0)[1-9](?:[\\s.-]?\\d{2}){4}(?!\\w)"),
                    "[PHONE]", 0, s -> s.digits >= 10, Starts.PHONE)
                    .where(digitRun((c, run, next) -> c == '0', true, false)),
            // Japanese, Korean and Chinese numbers in three dashed groups ("090-4417-2286", "010-2345-6789",
            // "138-1234-5678", "03-1234-5678", "02-123-4567"): the US pattern wants 3-3-4 digits.
            new Detector(Pattern.compile("(?<![\\w+-])(?:\\+\\d{1,3}[\\s-]?)?\\d{2,4}-\\d{3,4}-\\d{4}(?![\\w-])"),
                    "[PHONE]", 0, s -> s.dash && s.digits >= 9, Starts.PHONE)
                    .where(digitRun((c, run, next) -> run >= 2 && run <= 4 && next == '-', true, false)),
            // Spanish numbers in a group of three and three pairs ("943 21 87 65", "+34 688 45 12 90").
            new Detector(Pattern.compile("(?<![\\w+])(?:\\+34\\s?)?[6789]\\d{2}(?:[\\s.]\\d{2}){3}(?!\\w|[.,]\\d)"),
                    "[PHONE]", 0, s -> s.digits >= 9, Starts.PHONE)
                    .where(digitRun((c, run, next) -> run == 3 && c >= '6' && (isRegexSpace(next) || next == '.'), true, false)),
            // UK numbers: ten digits after the trunk 0 or +44, grouped as the UK writes them ("07700 900456",
            // "01865 741166", "029 2087 4411", "0121 496 0000", "(01865) 741166", "+44 (0)29 2087 4000",
            // "+44 7700 900123"); the US pattern wants 3-3-4 digits and misses them all.
            new Detector(Pattern.compile("(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)(?:\\d{4}\\)?\\s?\\d{6}"
                    + "|\\d{3}\\)?\\s?\\d{3}\\s?\\d{4}|\\d{2}\\)?\\s?\\d{4}\\s?\\d{4})(?!\\w|[.,]\\d)"),
                    "[PHONE]", 0, s -> s.digits >= 10, Starts.PHONE)
                    .where(digitRun((c, run, next) -> c == '0', true, true)),
            // German, Austrian and Swiss numbers (DIN 5008 and the older notations): a trunk 0, or +49, +43, +41 (0049…)
            // with "(0)" or without, an area code of one to five digits (Vienna's is 1), then the subscriber's digits, grouped or not
            // ("030 12345678", "089 / 12 34 56 78", "0221-9876543", "(030) 1234567", "+49 (0)221 9876543",
            // "0171 1234567-89", "+43 1 5134567"); seven digits at least. A hyphenated NDC ("0378-0180-01") is not one.
            // A shift's or a clinic's hours after their word ("Shift 0700-1900", "Sprechzeiten 0800-1200") are no number
            // (decision 0212)
            new Detector(Pattern.compile("(?<![\\w+/.,-])(?=(?:\\D{0,4}\\d){7})(?!\\d{4,5}-\\d{3,4}-\\d{1,2}(?!\\d))"
                    + "(?!(?<=\\b(?i:shift|shifts|hours|hrs|open|between|coverage|duty|from|schicht|dienst|von|zeiten"
                    + "|sprechzeiten|sprechstunde)[:\\s]{1,3})(?:[01]\\d|2[0-3])[0-5]\\d\\s?-\\s?(?:[01]\\d|2[0-3])[0-5]\\d(?!\\d))"
                    + "(?:(?:\\+|00)(?:49|43|41)[\\s-]?(?:\\(0\\)[\\s-]?)?|\\(0|0)[1-9]\\d{0,4}\\)?(?:\\s?/\\s?|[\\s-])"
                    + "\\d{2,}(?:[\\s-]?\\d{2,}){0,4}(?:-\\d{1,5})?(?![\\w-]|[.,]\\d)"),
                    "[PHONE]", 0, s -> s.digits >= 7, Starts.PHONE)
                    .where(digitRun((c, run, next) -> c == '0', true, true)),
            // Any number written internationally: "+", a country code, then groups of digits ("+31 20 123 4567",
            // "+48 12 345 67 89", "+91 98765 43210", "+39 06 1234 5678"); eight digits at least, as E.164's shortest
            // numbers with their country code have.
            new Detector(Pattern.compile("(?<![\\w+])(?=\\+(?:\\D{0,3}\\d){8})\\+[1-9]\\d{0,2}(?:[\\s.-]?\\(?\\d{1,5}\\)?){2,7}"
                    + "(?![\\w-]|[.,]\\d)"), "[PHONE]", 0, s -> s.digits >= 8, Starts.PHONE)
                    .where(digitRun((c, run, next) -> false, true, false)),
            // Nordic personal numbers: Swedish personnummer (YYMMDD-NNNN, YYYYMMDD-NNNN, "+" past 100), Danish CPR
            // (DDMMYY-NNNN); too short for the [NUMBER] pattern on either side of the dash.
            new Detector(Pattern.compile("(?<![\\d-])(?:19|20)?\\d{6}[-+]\\d{4}(?![\\d-])"), "[ID]", 0,
                    s -> s.digits >= 10, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> (run == 6 || run == 8) && (next == '-' || next == '+'))),
            // A Medicare Beneficiary Identifier (CMS's MBI, "1EG4-TE5-MK73", also written without its dashes): eleven
            // characters, digits and letters in fixed places, the letters without S, L, O, I, B and Z. A health plan
            // beneficiary number (HIPAA), found without a label ("card 1EG4-TE5-MK73 reissued") too.
            new Detector(Pattern.compile("(?<![\\w-])[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\\d]\\d-?[AC-HJKMNP-RT-Y]"
                    + "[AC-HJKMNP-RT-Y\\d]\\d-?[AC-HJKMNP-RT-Y]{2}\\d{2}(?![\\w-])"), "[ID]", 0, s -> s.digits >= 5,
                    Starts.DIGIT_RUN).where(digitRun((c, run, next) -> run == 1 && c != '0' && next >= 'A' && next <= 'Z')),
            new Detector(Pattern.compile("(?<![\\d-])\\d{5}-\\d{4}(?![\\d-])"), "[ZIP]", 0, s -> s.dash && s.digits >= 9, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run == 5 && next == '-')),
            // A five-digit ZIP code after a US state's or territory's code ("Dayton, OH 45402"): a bare five-digit
            // number is more often a value, but after a state code it is where the patient lives.
            new Detector(Pattern.compile("(?<=\\b(?:" + String.join("|", new java.util.TreeSet<>(US_STATE_CODES))
                    + ")\\.? {1,2})\\d{5}(?![\\d-]|[.,]\\d)"), "[ZIP]", 0, s -> s.longestDigitRun >= 5, Starts.DIGIT_RUN)
                    .where((text, at) -> at > 0 && text.charAt(at - 1) == ' '
                            && digitRun((c, run, next) -> run == 5).mayStartAt(text, at)),
            // A UK postcode ("OX4 1HP", "CF10 3NQ", "SW1A 1AA": outward code, a space, a digit and two letters of
            // those the inward code uses) names a street or a building; written without its space it is left alone.
            new Detector(Pattern.compile("\\b" + UK_POSTCODE + "\\b"), "[ZIP]", 0,
                    s -> s.digits >= 2, Starts.WORD, "ABCDEFGHIJKLMNOPRSTUWYZ"),
            // A street: its number, one to three capitalised words and its kind; a direction before or after its name,
            // a numbered street ("905 N Pine St", "200 W 5th Ave", "1600 Pennsylvania Ave NW") or a numbered road ("4521
            // County Road 12", "88 State Route 9"; decision 0184); an Australian unit before its street number ("Unit
            // 4/12 Smith St", "4/12 Smith St"), and the town, state and postcode the Australian, New Zealand and
            // Canadian addresses end with (decision 0123). A US unit and town after it: PlaceNames.afterStreet.
            new Detector(Pattern.compile("\\b(?:\\d{1,4}[A-Za-z]?/)?\\d{1,6}\\s+(?:(?:(?:County|State|US|Old)\\s+)?"
                    + "(?:Road|Rd|Route|Rte|Highway|Hwy)\\.?\\s+\\d{1,4}[A-Z]?\\b|" + DIRECTION
                    + "(?:(?:\\p{Lu}[\\p{L}\\p{M}'-]+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}(?:(?:Street|Avenue|Road|Lane|"
                    + "Drive|Boulevard|Court|Place|Way|Terrace|Circle|Parkway|Square|Highway|Trail|Loop|Pike|Alley|Crossing"
                    // British, Irish, Australian and New Zealand kinds (decision 0192); not Walk, View, Green or Point:
                    // "6 Minute Walk", "2 Lateral View", "2 Trigger Point"
                    + "|Cove|Close|Crescent|Gardens|Grove|Mews|Parade|Esplanade|Quay|Wharf|Wynd|Brae|Croft|Chase|Vale"
                    + "|Heights|Ridge|Glen|Hollow|Manor|Commons|Plaza)\\b"
                    // the full stop after an abbreviation is the street's, after a whole word the sentence's
                    + "|(?:St|Ave|Rd|Ln|Dr|Blvd|Ct|Pl|Pkwy|Sq|Hwy|Ter|Cir|Trl|Cres|Gdns|Pde|Esp)\\b\\.?)(?: (?:N[EW]?|S[EW]?|E|W)\\b)?)"
                    + TOWN_AND_POSTCODE), "[ADDRESS]", 0, s -> s.digits >= 1, Starts.DIGIT_RUN)
                    // a unit and "/", or the street number, spaces and a capital or a numbered street's digit
                    .where((text, at) -> digitRun((c, run, next) -> run <= 4 && (next == '/' || (next | 0x20) >= 'a'
                            && (next | 0x20) <= 'z')).mayStartAt(text, at) || capitalAfterRunAndSpaces(text, at, 6, true)),
            // A house, plot or flat number and a comma before the street, as Indian, Nigerian, East African and Pakistani
            // addresses write it ("No. 14, 3rd Main Road", "No. 12, Adeola Odeku Street", "Plot 45, Kampala Road", "House
            // 23, Street 7"; decision 0245)
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])(?:No|NO|Plot|PLOT|Plt|House|HOUSE|Hse|Door\\h?No|Flat|Stand"
                    + "|Erf)\\.?\\h?\\d{1,5}[A-Za-z]?(?:[/-]\\d{1,4}[A-Za-z]?)?,\\h+(?:\\d{1,5}[A-Za-z]?,?\\h+)?"
                    + "(?:Street\\h\\d{1,3}(?!\\d)|(?:(?:\\d{1,3}(?:st|nd|rd|th)|\\p{Lu}[\\p{L}\\p{M}'\u2019-]*)\\h+){1,3}"
                    + "(?:(?:Street|Road|Avenue|Lane|Close|Crescent|Drive|Way|Highway|Cross|Layout|Place|Terrace|Court|Marg"
                    // the full stop after an abbreviation is the street's, after a whole word the sentence's
                    + "|Salai)\\b|(?:St|Rd|Ave|Ln|Cres|Dr)\\b\\.?))"), "[ADDRESS]", 0,
                    s -> s.digits >= 1 && s.contains(",") && s.contains("No", "NO", "Plot", "PLOT", "Plt", "House",
                            "HOUSE", "Hse", "Door", "Flat", "Stand", "Erf"), Starts.WORD, "NPHDFSE"),
            // A post office box or bag, as Australia and New Zealand write it ("PO Box 4127", "Locked Bag 2", "GPO Box 9"),
            // and with Kenya's postcode after a dash ("P.O. Box 12345-00100"; decision 0245)
            new Detector(Pattern.compile("\\b(?:" + POST_BOX + "|Locked Bag|Private Bag)"
                    + " \\d{1,6}(?:-\\d{5}(?!\\d))?(?![\\d.,]\\d)" + TOWN_AND_POSTCODE), "[ADDRESS]", 0,
                    s -> s.digits >= 1 && s.contains("Box", "BOX", "Bag", "PMB"), Starts.WORD, "PGLM"),
            // A US rural address: a rural route or a highway contract and its box ("Rural Route 2 Box 44", "RR 2, Box 44",
            // "HC 65 Box 12A"; decision 0207); "RR 18" alone is a respiratory rate, so "RR" and "HC" with their box only
            new Detector(Pattern.compile("\\b(?:" + RURAL_ROUTE + "\\s*\\d{1,4}\\s*,?\\s*"
                    + "|(?:R\\.?R\\.?|HC)\\s*\\d{1,4}\\s+)Box\\s*\\d{1,5}[A-Z]?\\b"), "[ADDRESS]", 0,
                    s -> s.digits >= 2 && s.contains("Box"), Starts.WORD,
                    "RHS"),
            // A street named with its kind but without a house number, after "on", "off" or "at" ("a walk-up on Clybourn
            // Ave", "lives off Old Mill Road", "at N Kedzie Avenue"; decision 0208): the kinds that are no ordinary noun
            // after a capitalised word ("Supreme Court", "Inner Circle", "Sex Drive" and a title's "Dr" are left out)
            new Detector(Pattern.compile("(?<=\\b(?:on|off|at)\\s)" + DIRECTION
                    + "(?:\\p{Lu}[\\p{L}\\p{M}'-]+\\s+){1,3}(?:(?:Street|Avenue|Road|Lane|Boulevard|Parkway|Terrace|Highway)\\b"
                    // the full stop after an abbreviation is the street's, after a whole word the sentence's
                    + "|(?:Ave|Rd|Ln|Blvd|Pkwy|Hwy|St)\\b\\.?)"), "[ADDRESS]", 0,
                    s -> s.containsIgnoreCase(" on ", " off ", " at ") && s.contains("Street", "Ave", "Road", "Rd", "Lane",
                            "Ln", "Boulevard", "Blvd", "Parkway", "Pkwy", "Terrace", "Highway", "Hwy", "St"), Starts.WORD,
                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            STREET_NAMED_ALONE,
            // A house number and a street without its kind after a word of where someone lives ("lives at 4417 N Kedzie",
            // "shelter at 800 W Madison", "address: 12 Elm, Skokie", "home: 9 Oak"; decision 0207): the town after it
            // as after a street (PlaceNames.afterStreet)
            new Detector(Pattern.compile("(?<=\\b(?i:(?:" + LIVES + "|located|shelter)\\s{1,3}"
                    + "(?:at|on)|address|addr|home\\s+address|residence)\\s{0,3}[:#]?\\s{1,3})\\d{1,6}[A-Z]?\\s+"
                    + DIRECTION + "(?:\\p{Lu}[\\p{L}\\p{M}'-]+|\\d{1,3}(?:st|nd|rd|th))"
                    + "(?:\\s+\\p{Lu}[\\p{L}\\p{M}'-]+){0,2}"), "[ADDRESS]", 0,
                    s -> s.digits >= 1 && s.containsIgnoreCase("lives", "living", "resid", "stay", "located", "shelter",
                            "address", "addr"), Starts.DIGIT_RUN)
                    .where((text, at) -> capitalAfterRunAndSpaces(text, at, 6, true)),
            // European street addresses (decision 0121), with the postcode and town after them: a German, Austrian,
            // Swiss, Dutch or Swedish street is one word or two ending in its kind, then the house number
            // ("Hauptstraße 5", "Berliner Str. 12a", "Kaiser-Wilhelm-Ring 5", "Kalverstraat 12", "Storgatan 5");
            // an Italian, Spanish or French one starts with its kind ("Via Roma 10", "Calle Mayor, 5",
            // "12 rue de la Paix"). The house number is what keeps "Monitoring" or "Via NG tube" out.
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])(?:(?:\\p{Lu}[\\p{L}\\p{M}]*-){0,3}"
                    + "\\p{Lu}[\\p{L}\\p{M}]*?(?:stra(?:ß|ss)e|str\\.|weg|gasse|platz|allee|damm|ufer|chaussee"
                    + "|steig|pfad|stieg|graben|straat|laan|gracht|plein|kade|singel|dijk|steeg|dreef|gatan|vägen|gränd|torget"
                    + "|stigen)|(?:\\p{Lu}[\\p{L}\\p{M}]*[ -]){1,2}(?:Stra(?:ß|ss)e|Str\\.|Weg|Gasse|Platz|Allee|Damm|Ufer"
                    + "|Ring|Markt))"
                    + " ?\\d{1,4}(?: ?[a-zA-Z](?![\\p{L}\\p{M}]))?(?![\\d.,]\\d)" + POSTCODE_AND_TOWN),
                    "[ADDRESS]", 0, Shape::mayHoldStreetNumber, Starts.STREET)
                    .where((text, at) -> Character.isUpperCase(text.codePointAt(at))), // \\p{Lu} in both alternatives
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}])(?:Via|Viale|V\\.le|Piazza|P\\.zza|Piazzale|Corso|C\\.so"
                    + "|Largo|Vicolo|Lungomare|Calle|C/|Avenida|Avda\\.?|Plaza|Pza\\.|Paseo|Carrer|Camino|Ronda|Glorieta"
                    + "|Travesía|Rúa) ?(?:(?:\\p{Lu}[\\p{L}\\p{M}'.]*|di|del|della|delle|dei|degli|de|la|las|los|el|y|d'|XX"
                    + "|\\d{1,2}) ){0,4}?\\p{Lu}[\\p{L}\\p{M}'.]*,? ?(?:n[º°o.]\\.? ?)?\\d{1,4}(?: ?/ ?[A-Za-z]|[A-Za-z]"
                    + "(?![\\p{L}\\p{M}]))?(?![\\d.,]\\d)" + POSTCODE_AND_TOWN),
                    "[ADDRESS]", 0, s -> s.digits >= 1 && s.contains(STREET_KINDS), Starts.WORD, "VPCLAGRT"),
            // Malaysian and Indonesian streets, the kind before the name ("Jalan Bunga Raya 3", "Jl. Kramat Raya No. 45",
            // "Lorong Cempaka 5", "Jl. Ngagel Jaya Selatan Gg. III No. 7"), with the house or lot number before them
            // ("No. 12, Jalan …", "Lot 88, …") and the alley (gang), the number, the neighbourhood units (RT/RW) and the
            // housing estate after them where they follow (decision 0244)
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])(?:(?:No\\.?|Lot|Blk|Blok)\\h?\\d{1,5}[A-Z]?,?\\h+)?"
                    + "(?:Jalan|JALAN|Jln\\.?|JLN\\.?|Jl\\.|JL\\.|Lorong|Lrg\\.|Persiaran|Lebuh)\\h+" + SEA_NAME
                    + "(?:\\h+" + SEA_WORD + "){0,4}" + SEA_STREET_TAIL),
                    "[ADDRESS]", 0, s -> (s.seaWords() & Shape.SEA_STREET) != 0, Starts.WORD, "NLBJP"),
            // A Malaysian or Indonesian housing estate or village with its lot or house number where it follows ("Taman
            // Melati Utama", "Lot 88, Kampung Baru Sungai Siput", "Komp. Griya Asri Blok C2 No. 14"; decision 0244)
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])(?:(?:No\\.?|Lot)\\h?\\d{1,5}[A-Z]?,?\\h+)?"
                    + "(?:Taman|Tmn\\.|Kampung|Kampong|Kg\\.|Perumahan|Komp\\.|Kompleks|Pangsapuri)\\h+" + SEA_NAME
                    + "(?:\\h+" + SEA_WORD + "){0,3}" + SEA_STREET_TAIL),
                    "[ADDRESS]", 0, s -> (s.seaWords() & Shape.SEA_ESTATE) != 0, Starts.WORD, "NLTKP"),
            // A Philippine subdivision's block and lot ("Blk 7 Lot 12 Phase 2") and a barangay's purok or sitio ("Purok
            // 4"); the barangay itself, an Indonesian kelurahan, kecamatan, kabupaten, desa or kota are places
            // ("Brgy. San Isidro", "Puskesmas Kecamatan Senen", "Kab. Bogor"; decision 0244)
            new Detector(Pattern.compile("\\b(?:Blk|Block|Blok)\\.?\\h?[0-9A-Z]{1,4},?\\h+Lot\\h?\\d{1,4}[A-Z]?"
                    + "(?:,?\\h+Phase\\h?(?:\\d{1,2}|[IVX]{1,4})[A-Z]?)?(?![\\p{L}\\d])"), "[ADDRESS]", 0,
                    s -> (s.seaWords() & Shape.SEA_BLOCK) != 0 && s.contains("Lot"), Starts.WORD, "B"),
            new Detector(Pattern.compile("\\b(?:Purok|Sitio)\\h+(?:\\d{1,3}[A-Z]?(?![\\p{L}\\d])|" + SEA_NAME
                    + "(?:\\h+" + SEA_NAME + "){0,2})"), "[ADDRESS]", 0, s -> (s.seaWords() & Shape.SEA_UNIT) != 0,
                    Starts.WORD, "PS"),
            new Detector(Pattern.compile("\\b(?:Brgy\\.?|BRGY\\.?|Bgy\\.|Barangay|Kel\\.|KEL\\.|Kelurahan|KELURAHAN|Kec\\."
                    + "|KEC\\.|Kecamatan|KECAMATAN|Kab\\.|KAB\\.|Kabupaten|KABUPATEN|Desa|Dusun|Kota|KOTA)\\h+" + SEA_NAME
                    + "(?:\\h+" + SEA_NAME + "){0,2}"), "[LOCATION]", 0, s -> (s.seaWords() & Shape.SEA_PLACE) != 0,
                    Starts.WORD, "BKD"),
            new Detector(Pattern.compile("\\bRT\\.?\\h?\\d{1,3}\\h?/\\h?RW\\.?\\h?\\d{1,3}(?!\\d)"), "[ADDRESS]", 0,
                    s -> (s.seaWords() & Shape.SEA_UNIT) != 0 && s.contains("RW"), Starts.WORD, "R"),
            // A village's address as Bangladeshi, Indian and Pakistani notes write it, each part after its label: "Vill-
            // Char Kukri, PO- Kalikapur, PS- Daudkandi, Dist- Cumilla", "Upazila Shibganj", "Tehsil Jaranwala"; the post
            // office and police station only with their hyphen ("PO: Tylenol" is by mouth; decision 0247)
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d.])(?:(?:Vill(?:age)?|Dist(?:rict)?|Union)\\.?\\h?[-:]"
                    + "|Vill\\.|Dist\\.|P\\.?O\\.?\\h?-|P\\.?S\\.?\\h?-|(?:Thana|Upazila|Upozila|Tehsil|Teh\\.|Mouza|Zila|Zilla)"
                    + "\\h?[-:.]?)\\h?" + SEA_NAME + "(?:\\h" + SEA_NAME + "){0,2}"), "[LOCATION]", 0,
                    s -> (s.seaWords() & Shape.SOUTH_ASIAN) != 0, Starts.WORD, "VDUPTMZ"),
            // A Pakistani or Indian neighbourhood (mohalla) and a Punjab village by its number ("Mohallah Islampura",
            // "Chak No. 45/GB"; decision 0247)
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])(?:(?:Mohallah|Mohalla|Mohalah|Muhallah|Muhalla)\\h+" + SEA_NAME
                    + "(?:\\h" + SEA_NAME + "){0,2}|Chak\\h+(?:No\\.?\\h*)?\\d{1,4}(?:/[A-Z0-9-]{1,6})?(?![\\w/]))"), "[ADDRESS]", 0,
                    s -> (s.seaWords() & Shape.SOUTH_ASIAN) != 0, Starts.WORD, "MC"),
            // Eight digits of a Singapore number (mobiles from 8 and 9, fixed lines from 6, 3 for a few) after a word
            // that says it is a telephone: "NOK hp 9876 5432", "H/P: 8123-4567", "Tel 6452 3311" (decision 0244)
            new Detector(Pattern.compile("(?<=\\b(?i:hp|h/p|tel|telp|mobile|mob|contact|phone|ph|handphone|office|nok|call"
                    + "|sms|whatsapp)\\.?:?\\h{1,3}(?:(?i:no)\\.?:?\\h{1,3})?)[3689]\\d{3}[\\h-]?\\d{4}(?![\\w-]|[.,]\\d)"),
                    "[PHONE]", 0, s -> s.digits >= 8, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> c >= '3' && (run == 8 || run == 4 && (next == ' ' || next == '-')))),
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])\\d{1,4}(?: ?(?:bis|ter))?,? (?i:rue|avenue|av\\.|boulevard"
                    + "|bd|place|chemin|allée|impasse|quai|route|square|faubourg) (?:(?:de|du|des|la|le) |l'|d')*"
                    + "\\p{Lu}[\\p{L}\\p{M}'-]*(?: (?:(?:de|du|des|la|le) |l'|d')*\\p{Lu}[\\p{L}\\p{M}'-]*){0,3}"
                    + POSTCODE_AND_TOWN),
                    "[ADDRESS]", 0, Shape::mayHoldFrenchStreet, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run <= 4 && (next == ' ' || next == ',' || next == 'b' || next == 't'))),
            // Titles may be stacked ("Prof. Dr. Müller"); the name is what follows the last one.
            // Repetitions are bounded: an unbounded group recurses per repetition in java.util.regex
            // and a long run of titles or separators would overflow the stack.
            // "dr" in lower case too, as Polish and Dutch write it ("u dr. Kuźniara", "dr. Van Dalen"; decision 0119);
            // Quebec's feminine "Dre" ("la Dre Lapointe-Ouellet"; decision 0123)
            // Portuguese "Dr.ª", "Dra.", "Profa.", "Enf." (a nurse), Indian "Shri", "Smt." and "Dr. (Mrs.)" too (decision 0125)
            // German academic degrees after a title ("Prof. Dr. med. habil.", "Dr. rer. nat."; decision 0151): part of
            // the title, not the name (without them "Prof. Dr. med." took "Dr" for the name)
            new Detector(Pattern.compile("\\b(?:(?:Mr|Mrs|Ms|Miss|[Dd]r|Dre|Prof|Shri|Smt|Enf)(?:\\.?\u00aa|a(?=\\.))?\\.?\\s+"
                    + "(?:(?:med|habil|rer|nat|dent|vet|phil|sc|hum|univ|pol|oec|jur)\\.\\s+){0,4}"
                    + "|\\((?:Mrs|Mr|Ms|Miss|Dr)\\.?\\)\\s+){1,4}(" + NAME_WORD + "(?:" + NAME_GAP + NAME_WORD + "){0,2})"),
                    "[NAME]", 1, s -> s.contains("Mr", "Ms", "Miss", "Dr", "dr", "Prof", "Shri", "Smt", "Enf"), Starts.WORD,
                    "MDPdSE"),
            // An Indian form's relation before a name: "S/o K. Ramaswamy", "W/o late Shri Arvind Chandrasekhar", "D/o"
            // (son, wife, daughter of), with a small "o": "W/O CONTRAST" is without, "C/o" and "H/o" in a note are
            // "complains of" and "history of" (decision 0125)
            new Detector(Pattern.compile("\\b[SDW]/o\\.?\\s*(?:(?:[Ll]ate|[Ll]t\\.|Shri|Sri|Smt\\.?|Mr\\.?|Mrs\\.?|Dr\\.?)\\s+){0,3}("
                    + NAME_WORD + "(?:\\s+" + NAME_WORD + "){0,3})"),
                    "[NAME]", 1, s -> s.contains("/o"), Starts.WORD, "SDW"),
            // The name a patient goes by: "Patient goes by Bobby", "nickname Liz", "a.k.a. Tommy", "prefers to be called
            // Peggy", "Preferred name: Kit" (decision 0158); not "also known as" ("known as Graves disease"). In quotes
            // too ("Goes by \"Bunny\""), after "likes to be called", "answers to", "preferred name is", and after
            // "prefers" or "known (to staff) as" only in quotes ("pt prefers 'Zizi'", "known to staff as 'Mo'"; "prefers
            // Spanish" stays); a second word of the name with it ("AKA Scooter Pennywhistle"; decision 0201)
            new Detector(Pattern.compile("(?i:\\b(?:goes\\s+by|nick-?named?:?|a\\.?k\\.?a\\.?"
                    + "|(?:prefers|likes|wants)\\s+to\\s+be\\s+called|answers\\s+to|preferred\\s+name\\s*(?::|\\s+is)?"
                    + "|(?:prefers|known(?:\\s+to\\s+\\p{L}+)?\\s+as)(?=\\s+[\"'\u201c\u2018])))\\s+[\"'\u201c\u2018]?("
                    + NICK_WORD + "(?:\\h+" + NICK_WORD + ")?)"),
                    "[NAME]", 1, s -> s.containsIgnoreCase("goes", "nick", "aka", "a.k.a", "prefer", "be called",
                            "answers to", "known "), Starts.WORD, "GgNnAaPpLlWwKk"),
            // A Brazilian RG (identity card) and a health professional's council registration after their label: "RG
            // 3.456.712", "RG nº MG-12.345.678", "CRM-SP 123456", "COREN/BA 54321" (decision 0125)
            new Detector(Pattern.compile("\\bRG\\s*(?:n[º°o.]{1,2}\\s*)?[:#]?\\s*((?:[A-Z]{2}-?)?\\d{1,3}(?:\\.?\\d{3}){1,3}(?:-?[\\dXx])?)(?!\\d)"),
                    "[ID]", 1, s -> s.contains("RG") && s.digits >= 5, Starts.WORD, "R"),
            // CRO, CRF, CRP and CRN only with their state ("CRP-SP", "CRO/BA"): alone they are lab tests (C-reactive
            // protein "CRP 112 mg/L") and clinical abbreviations
            new Detector(Pattern.compile("\\b(?:(?:CRM|COREN|CREFITO)(?:[-/ ]?[A-Z]{2})?|(?:CRO|CRF|CRP|CRN)[-/][A-Z]{2})"
                    + "\\s*(?:n[º°o.]{1,2}\\s*)?[:#]?\\s*"
                    + "(\\d{3,7}(?:-?[A-Z]{2})?)(?!\\d)"), "[ID]", 1, s -> s.contains("CR") && s.digits >= 3, Starts.WORD, "C"),
            // An Indian mobile number in two groups of five ("98450 12345", "094440 56789") (decision 0125)
            new Detector(Pattern.compile("(?<![\\w+])0?[6-9]\\d{4}[ -]\\d{5}(?![\\w-]|[.,]\\d)"), "[PHONE]", 0,
                    s -> s.digits >= 10, Starts.PHONE),
            // A Portuguese or Brazilian street and its number: "Rua dos Fanqueiros 128", "Av. Sete de Setembro, 2300",
            // "Travessa Campos Sales, 17" (decision 0125)
            new Detector(Pattern.compile("\\b(?:Rua|Avenida|Av\\.|Travessa|Tv\\.|Alameda|Praça|Largo|Estrada|Rodovia"
                    + "|Calçada|Beco)\\s+(?:(?:d[aoe]s?)\\s+)?" + NAME_WORD + "(?:\\s+(?:(?:d[aoe]s?)\\s+)?" + NAME_WORD + "){0,4},?\\s+"
                    + "(?:n[º°o.]{1,2}\\s*)?\\d{1,5}(?![\\d.,]\\d)"), "[ADDRESS]", 0,
                    s -> s.digits >= 1 && s.contains("Rua", "Av", "Travessa", "Tv.", "Alameda", "Praça", "Largo", "Estrada",
                            "Rodovia", "Calçada", "Beco"), Starts.WORD, "RATPLERCB"),
            // A Turkish address: the neighbourhood (Mahallesi), the avenue, street or boulevard (Caddesi, Sokak,
            // Bulvarı), with its door number: "Caferağa Mah. Moda Cad. No: 14 D: 3" (decision 0125)
            new Detector(Pattern.compile("(?<![\\p{L}\\p{M}\\d])(?:[\\p{Lu}\\d][\\p{L}\\p{M}\\d]*\\.?\\s+){1,4}"
                    + "(?:Mah\\.|Mahallesi|Cad\\.|Caddesi|Sok\\.|Sokağı|Sokak|Sk\\.|Blv\\.|Bulvarı)"
                    + "(?:\\s+No\\s*:\\s*\\d+(?:[A-Za-z](?![\\p{L}:]))?(?:\\s*[/,]?\\s*D\\s*:\\s*\\d+)?)?"), "[ADDRESS]", 0,
                    s -> s.contains("Mah.", "Mahalle", "Cad.", "Cadde", "Sok.", "Sokak", "Sokağı", "Sk.", "Blv.", "Bulvar"),
                    Starts.ANYWHERE),
            // A five-digit ZIP code after its label ("zip code 98284", "ZIP: 98284"; decision 0184): a bare five-digit
            // number is a value, but not after "zip"
            new Detector(Pattern.compile("(?i)\\b(?:zip(?:\\s*code)?|postal\\s+code)\\s*[:#]?\\s*(\\d{5})(?![\\d-]|[.,]\\d)"), "[ZIP]",
                    1, s -> s.longestDigitRun >= 5 && s.containsIgnoreCase("zip", "postal"), Starts.WORD, "ZzPp"),
            // The keyword must end its word ("mRNA-1273" is a vaccine, not an MRN); "account" and
            // "policy" only count with "number", "no." or a colon, as in running text they are words.
            new Detector(Pattern.compile("(?i)\\b(?:MRN|medical\\s+record(?:\\s+(?:number|no\\.?))?|SSN|acct"
                    + "|(?:account|policy)(?:\\s+(?:number|no\\.?)|(?=\\s*[:#]))|patient\\s+id|member\\s+id|ID)(?!\\p{L})"
                    + AFTER_LABEL + LABELLED_ID),
                    "[ID]", 1, s -> s.digits >= 1 && s.containsIgnoreCase("mrn", "medical", "ssn", "acct", "account", "policy", "id"),
                    Starts.WORD, "MmSsAaPpIi"),
            // An encounter's or a visit's number after its label ("Encounter #: 20230503-004417", "visit no. V8812",
            // "FIN 88120457", "CSN: 4471902331"): "encounter" and "visit" only with "#", "no.", "number" or "id", as a
            // colon after them is followed by the visit's date; FIN (Cerner's financial number), CSN (Epic's contact
            // serial number) and HAR (hospital account record) alone too (decision 0204)
            new Detector(Pattern.compile("(?i)\\b(?:(?:encounter|enc|visit)(?:\\s*#|\\s+(?:number|no\\.?|id)(?!\\p{L}))"
                    + "|(?-i:FIN|CSN|HAR)(?![\\p{L}\\d]))" + AFTER_LABEL
                    + LABELLED_ID), "[ID]", 1,
                    s -> s.digits >= 1 && (s.contains("FIN", "CSN", "HAR") || s.containsIgnoreCase("encounter #",
                            "encounter#", "encounter n", "encounter id", "enc #", "enc#", "enc n", "enc id", "visit #",
                            "visit#", "visit n", "visit id")), Starts.WORD, "EeVvFCH"),
            // An insurer's number after the insurer's name ("Medicaid # AB12345C", "Medi-Cal # 90000000A", "insurance
            // no. 4471-22"; decision 0186), only with "number", "no.", "ID" or a colon, as above; New York's CIN only in
            // its shape ("CIN 2" is a grade of cervical neoplasia). Apart from the labels above: rare words, so most
            // texts skip it.
            new Detector(Pattern.compile("(?i)\\b(?:(?:medicaid|medi-cal|medicare|insurance|subscriber)(?:\\s+(?:number"
                    + "|no\\.?|id)|(?=\\s*[:#]))|(?-i:CIN)(?=\\s*[:#]?\\s*[A-Z]{2}\\d{5}[A-Z](?![A-Za-z0-9])))(?!\\p{L})"
                    + AFTER_LABEL + LABELLED_ID),
                    "[ID]", 1, s -> s.digits >= 1 && (s.containsIgnoreCase("medicaid", "medicare", "medi-cal",
                            "insurance", "subscriber") || s.contains("CIN")), Starts.WORD, "MmIiSsC"),
            // A claim's, an authorization's or a referral's number after its label ("Claim # 2023-0045-778812", "claim
            // number CLM88213344", "Auth # 88A77213", "prior auth no. PA-2023-11872"; decision 0213): five characters
            // or more with a digit after a colon ("referral: 12 weeks" stays), four after "#", "number", "no." or "id"
            // ("authorization number 4471"; decision 0218); and a prescriber's DEA number after "DEA" (two letters,
            // seven digits: "DEA AB1234563")
            new Detector(Pattern.compile("(?i)\\b(?:(?:claim|clm|(?:prior\\s+|pre-?)?auth(?:orization)?|referral)"
                    + "(?:(?:\\s*#|\\s+(?:number|no\\.?|id)(?!\\p{L}))" + AFTER_LABEL + "(?=[A-Za-z0-9-]{4})"
                    + "|(?=\\s*:)" + AFTER_LABEL + "(?=[A-Za-z0-9-]{5}))" + LABELLED_ID + ")"), "[ID]", 1,
                    s -> s.digits >= 1 && s.containsIgnoreCase("claim", "clm", "auth", "referral"), Starts.WORD,
                    "CcAaPpRr"),
            new Detector(Pattern.compile("\\bDEA(?:\\s*(?:[:#]|no\\.?|number))*\\s*([A-Z]{2}\\d{7})(?![\\w-])"), "[ID]", 1,
                    s -> s.digits >= 7 && s.contains("DEA"), Starts.WORD, "D"),
            // A social security number as screens mask it ("XXX-XX-4329", "***-**-4329") and its last four digits after
            // "ending in" ("SSN ending in 4329"): the four digits are what a masked display leaves to tell (decision 0192)
            new Detector(Pattern.compile("(?i)(?<![\\w*#-])(?:xxx|\\*\\*\\*|###)([- ]?)(?:xx|\\*\\*|##)\\1\\d{4}(?![\\w-])"),
                    "[SSN]", 0, s -> s.digits >= 4 && s.containsIgnoreCase("xxx", "***", "###"), Starts.ANYWHERE),
            new Detector(Pattern.compile("(?i)\\b(?:SSN|SS#|social\\s+security(?:\\s+(?:number|no\\.?|#))?)\\s*(?:ending|ends)"
                    + "(?:\\s+(?:in|with))?\\s*[:#]?\\s*(\\d{4})(?![\\w-])"), "[ID]", 1,
                    s -> s.digits >= 4 && s.containsIgnoreCase("ssn", "ss#", "social") // "pending" ends as "ending"
                            && s.containsIgnoreCase("ending", "ends"), Starts.WORD, "Ss"),
            // A vehicle's licence plate after its label ("WA plate ABC1234", "license plate # 7ABC123", "Kennzeichen
            // M-AB 1234", "plaque AB-123-CD"): letters and digits of five characters or more, in capitals (a culture's
            // "plate 2" or "blood agar plate A12" is no vehicle; decision 0192)
            new Detector(Pattern.compile("(?i)\\b(?:licen[cs]e\\s+plate|lic\\.?\\s+plate|plate|kennzeichen|nummernschild"
                    + "|plaque(?:\\s+d'immatriculation)?|immatriculation|matr[i\u00ed]cula|targa|kenteken)(?!\\p{L})"
                    + "(?:\\s*(?:[:#]|no\\.?|number|nr\\.?|n[\u00ba\u00b0]))*\\s*(?-i:((?=[A-Z0-9 -]*\\d)(?=[0-9 -]*[A-Z])"
                    + "(?=(?:[- ]?[A-Z0-9]){5})[A-Z0-9]{1,4}(?:[- ]?[A-Z0-9]{1,4}){1,2}|[A-Z0-9]{5,8}))(?![\\w-])"),
                    "[VEHICLE]", 1, s -> s.digits >= 1 && s.containsIgnoreCase("plate ", "plate:", "plate#", "kennzeichen",
                            "nummernschild", "plaque ", "immatriculation", "matricula", "matr\u00edcula", "targa", "kenteken"),
                    Starts.WORD, "PpLlKkNnIiMmTt"),
            // A place given by its coordinates (an ambulance's or a phone's GPS fix: "47.6062, -122.3321", "lat
            // 47.6062 lon -122.3321", "47°36'22\"N 122°19'55\"W"): smaller than a state (decision 0192). Decimal
            // degrees in a pair with four decimals or more, or after their labels; degrees, minutes and a hemisphere.
            // (one of a pair with two digits before its point at least: "0.5432, 1.2345" is an assay's two runs)
            new Detector(Pattern.compile("(?<![\\d.,])(?=[-+]?\\d{2}|[-+]?\\d{1,2}\\.\\d+\\s*,\\s*[-+]?\\d{2})[-+]?(?:[1-8]?\\d)"
                    + "\\.\\d{4,}\\s*,\\s*[-+]?(?:1[0-7]\\d|[1-9]?\\d)\\.\\d{4,}(?!\\d|\\.\\d)"), "[LOCATION]", 0,
                    s -> s.longestDigitRun >= 4 && s.dots >= 2 && s.hasLongFractions(2), Starts.ANYWHERE),
            new Detector(Pattern.compile("(?i)\\b(?:lat(?:itude)?|lon(?:gitude)?|lng|long)\\.?\\s*[:=]?\\s*([-+]?\\d{1,3}\\.\\d{3,}"
                    + "(?:\\s*\u00b0)?(?:\\s*[NSEW]\\b)?)"), "[LOCATION]", 1,
                    s -> s.longestDigitRun >= 3 && s.containsIgnoreCase("lat ", "lat:", "lat=", "lat.", "latitude", "lon ",
                            "lon:", "lon=", "lon.", "long:", "long=", "longitude", "lng"), Starts.WORD, "Ll"),
            new Detector(Pattern.compile("(?<!\\d)\\d{1,3}\\s*\u00b0\\s*\\d{1,2}\\s*['\u2032](?:\\s*\\d{1,2}(?:[.,]\\d+)?\\s*"
                    + "(?:\"|\u2033|''))?\\s*[NSEWnsew](?![\\p{L}])"), "[LOCATION]", 0,
                    s -> s.digits >= 3 && s.contains("\u00b0"), Starts.DIGIT_RUN),
            // The last four digits of a social security number, which the VA and many US clinics name a patient by ("Last
            // 4 8903", "last four D7214", "last-4 of SSN: 8903": the surname's initial before them; decision 0181)
            new Detector(Pattern.compile("(?i)\\blast[\\s-]*(?:4|four)(?:\\s+digits)?(?:\\s+(?:of\\s+(?:the\\s+)?)?"
                    + "(?:SSN|SS#|social(?:\\s+security)?(?:\\s+(?:number|no\\.?|#))?))?\\s*[:#]?\\s*([A-Z]?\\d{4})(?![\\w-])"),
                    "[ID]", 1, s -> s.digits >= 5 && s.containsIgnoreCase("last"), Starts.WORD, "Ll"),
            // A lab's or pathology's accession, a case, specimen, requisition or reference number after its label
            // ("Accession #: S23-12345", "Acc# 9876543", "Case no. SP-23-004512", "ref. no. QX-77812"): "case",
            // "specimen" and "reference" are words of their own, so only with "#", "no.", "number", "id" or a colon
            new Detector(Pattern.compile("(?i)\\b(?:(?:accession|acc)(?!\\p{L})(?:\\s*(?:[:#]|no\\.?|number)){0,3}"
                    + "|(?:case|specimen|requisition|req|ref(?:erence)?)\\.?(?:\\s*(?:[:#]|no\\.?|number|id)(?!\\p{L}))+)"
                    + "\\s*" + LABELLED_ID), "[ID]", 1,
                    s -> s.digits >= 2 && s.containsIgnoreCase("accession", "acc#", "acc #", "acc.", "acc:", "acc no",
                            "case #", "case no", "case number", "case:", "case id", "specimen #", "specimen no",
                            "specimen number", "specimen:", "specimen id", "requisition", "req #", "req.", "req:",
                            "req no", "ref.", "ref #", "ref#", "ref no", "ref:", "reference no", "reference #",
                            "reference number", "reference:", "reference id"), Starts.WORD, "AaCcSsRr"),
            // ... and a surgical pathology or laboratory case number by its shape alone: one to three capitals, the
            // year's two digits, a dash and the case's digits ("S23-12345", "SP-23-004512", "EP23-004417")
            new Detector(Pattern.compile("(?<![\\w-])[A-Z]{1,3}-?\\d{2}-\\d{3,7}(?![\\w-])"), "[ID]", 0,
                    s -> s.dash && s.digits >= 5 && caseNumberShaped(s.text), Starts.ANYWHERE),
            // A device's serial number after "serial" alone when it is shaped like one (capitals and four digits or more:
            // "pacemaker serial PJN123456H"); "serial troponins" and "serial 3 ECGs" are no such number
            new Detector(Pattern.compile("(?i:\\bserial)\\s+((?=[A-Z0-9-]*\\d{4})(?=[A-Z0-9-]*[A-Z])[A-Z0-9][A-Z0-9-]{4,24}"
                    + "[A-Z0-9])(?![\\w.-]\\w)"), "[ID]", 1, s -> s.digits >= 4 && s.containsIgnoreCase("serial"),
                    Starts.WORD, "Ss"),
            // A VA Integration Control Number (ICN): ten digits, V, six check digits ("ICN 1012345678V123456")
            new Detector(Pattern.compile("(?<![\\w-])\\d{10}V\\d{6}(?![\\w-])"), "[ID]", 0, s -> s.longestDigitRun >= 10,
                    Starts.DIGIT_RUN),
            // Day and month without a year are still a date element (HIPAA); only capitalised month
            // names, and not "May", which starts too many sentences. With a year, the longer
            // month-name date (shifted like numeric dates) wins.
            new Detector(Pattern.compile("\\b" + MONTH_NAME + "\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\d|[:.,]\\d)"), "[DATE]", 0, s -> s.digits >= 1 && s.contains(MONTH_PREFIXES),
                    Starts.WORD, "JFMASOND"),
            // ... and "May" where nothing else can be meant: after a word that makes it a day ("on May 5", "since
            // May 12"), or with an ordinal ("May 5th"); "May 5 patients" and "you may 5 times" stay
            // (after a day of the week or a clinic's word too, a comma between: "Mon, May 15", "appt: May 3"; decision 0202)
            new Detector(Pattern.compile("(?:(?<=\\b(?i:on|by|until|till|since|from|after|before|through|thru|due|dated"
                    + "|visit|seen|of|next|last|early|mid|late|" + MAY_CUES + ")[,:]?\\s)May\\s+\\d{1,2}(?:st|nd|rd|th)?"
                    + "|\\bMay\\s+\\d{1,2}(?:st|nd|rd|th)\\b)"
                    + "(?!\\d|[:.,]\\d)"), "[DATE]", 0, s -> s.digits >= 1 && s.contains("May"), Starts.WORD, "M"),
            // ... and the day before "May": with an ordinal ("the 3rd of May", "15th May"), after a word that makes it a
            // day ("Appt on 3 May"), or where the sentence or the date ends ("seen 3 May.", "3 May at 2pm", "3 May 23");
            // "x 3 May repeat" (a prescription's "may") stays (decision 0202)
            new Detector(Pattern.compile("\\b\\d{1,2}(?:(?:st|nd|rd|th)\\s+(?:of\\s+)?May\\b|\\s+May(?=\\s*(?:[.,;:)\\]]|$)"
                    + "|\\s+(?:\\d{2,4}\\b|at\\b|@)))|(?<=\\b(?i:on|by|until|till|since|from|after|before|due|dated|visit|seen"
                    + "|" + MAY_CUES + ")[,:]?\\s)\\d{1,2}\\s+May\\b"), "[DATE]", 0,
                    s -> s.digits >= 1 && s.contains("May"), Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run <= 2 && (isRegexSpace(next) || "snrt".indexOf(next) >= 0))),
            // ... and a day of the month alone, an ordinal (decision 0211): after a day of the week ("seen Tuesday the
            // 14th", "Fri 17th"), or after a word of time and "the" where the clause ends or a time or place follows
            // ("f/u on the 28th.", "scheduled for the 21st at 9", "since the 3rd, worse"); beside the shifted note
            // date, the day and its weekday tell the offset. "the 5th metatarsal", "on the 5th floor", "for the 1st
            // time", "the 3rd of the month" stay
            new Detector(Pattern.compile("\\b(?:Mon(?:day)?|Tue(?:s(?:day)?|sday)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?"
                    + "|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)\\.?,?\\s+(?:the\\s+)?((?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th))\\b"),
                    "[DATE]", 1, s -> s.digits >= 1 && s.contains("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
                    Starts.WORD, "MTWFS"),
            new Detector(Pattern.compile("(?<=\\b(?i:on|by|until|till|since|before|after|from|through|thru|due|for)\\s)"
                    + "(?i:the)\\s+((?:[1-9]|[12]\\d|3[01])(?:st|nd|rd|th))(?=\\s*(?:[.,;:)!?]|$)|\\s+(?:@|\\d)"
                    + "|\\s+(?i:at|around|about|for|when|with|in|if|as|but|so|then|or)\\b)"), "[DATE]", 1,
                    s -> s.digits >= 1 && s.containsIgnoreCase("the 1", "the 2", "the 3", "the 4", "the 5", "the 6", "the 7",
                            "the 8", "the 9"), Starts.WORD, "Tt"),
            // ... and written in digits after a word that makes it a day: "will visit on 3/15", "seen 3/14", "am 15.3."
            // (decision 0155), a slash's before a clause's end or a joining word ("on 2/3 readings" is a count); "3/12
            // cores" and "1/2 tablet" without such a word stay
            // ... also after the words of a clinic's plans and the days of the week ("f/u 4/1 with PCP", "Next INR check
            // 7/2.", "Tues 5/30 @ 2pm"; decision 0184). The word is read behind the day, at the day's digits only: tried
            // at every place of a text, its alternatives cost the scrubber a seventh of its time.
            new Detector(Pattern.compile("(?i)(?<=\\b(?:" + DAY_CUES + ")[:#]?\\s{1,8})((?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])"
                    + "(?![\\d/]|[.,]\\d)(?=\\s*(?:[.,;:)@]|$)|\\s+(?:and|or|at|to|for|with|in|she|he|they|we|pt|patient|was|were"
                    + "|is|will|then|und|bis|um|et|y|e)\\b)|(?:0?[1-9]|[12]\\d|3[01])\\.(?:0?[1-9]|1[0-2])\\.(?![\\d]))"), "[DATE]", 1,
                    s -> s.digits >= 2 && (s.slash || s.dots >= 2), Starts.DIGIT_RUN)
                    .where(both(digitRun((c, run, next) -> run <= 2 && (next == '/' || next == '.')),
                            DAY_CUE_BEFORE::mayEndBefore)),
            // ... and after the name of a study, as a note's results write its day ("CT 3/12 showed no bleed", "MRI (4/2)
            // negative", "Echo 5/3: EF 55%"; decision 0184)
            new Detector(Pattern.compile("\\b(?:CTA?|MR[IA]|CXR|XR|EKG|ECG|TTE|TEE|EGD|[Ee]cho)\\s+\\(?((?:0?[1-9]|1[0-2])/(?:0?[1-9]"
                    + "|[12]\\d|3[01]))(?![\\d/]|[.,]\\d)"), "[DATE]", 1, s -> s.digits >= 2 && s.slash
                    && s.contains("CT", "MR", "XR", "EKG", "ECG", "TTE", "TEE", "EGD", "Echo", "echo"), Starts.WORD, "CMXETe"),
            // ... and alone in brackets when its day cannot be a fraction's ("onset (4/30)"; "(3/4)" stays), and a range of
            // two ("week of 5/8-5/12", "away 6/28 - 7/3"; decision 0202)
            new Detector(Pattern.compile("(?<=\\()(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\\d|3[01])(?=\\))"), "[DATE]", 0,
                    s -> s.digits >= 3 && s.slash, Starts.DIGIT_RUN)
                    .where((text, at) -> at > 0 && text.charAt(at - 1) == '('
                            && digitRun((c, run, next) -> run <= 2 && next == '/').mayStartAt(text, at)),
            new Detector(Pattern.compile("(?<![\\d/.])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])\\h?[-\u2013]\\h?"
                    + "(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])(?![\\d/]|[.,]\\d)"), "[DATE]", 0,
                    s -> s.digits >= 4 && s.slash, Starts.DIGIT_RUN)
                    .where(digitRun((c, run, next) -> run <= 2 && next == '/')),
            // ... and in brackets after the time until it ("RTC 2 wks (5/2)", "in 3 days (6/14)"; decision 0184)
            new Detector(Pattern.compile("(?i)\\b\\d{1,2} ?(?:wks?|weeks?|days?|mos?|months?) ?\\(((?:0?[1-9]|1[0-2])/(?:0?[1-9]"
                    + "|[12]\\d|3[01]))\\)"), "[DATE]", 1, s -> s.digits >= 3 && s.slash, Starts.DIGIT_RUN),
            new Detector(Pattern.compile("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH_NAME), "[DATE]", 0, s -> s.digits >= 1 && s.contains(MONTH_PREFIXES),
                    Starts.DIGIT_RUN).where(digitRun((c, run, next) -> run <= 2 && (isRegexSpace(next) || "snrt".indexOf(next) >= 0))),
            // Ages over 89 are identifying (HIPAA): "92-year-old" becomes "90+-year-old".
            // ... and in German, French, Dutch and Scandinavian notes: "(91 Jahre)", "91-jährige", "91 J.", "91 ans",
            // "91 jaar", "91 år"; "92 years of age". A German duration ("seit 91 Jahren") is rarely that long.
            new Detector(Pattern.compile("(?i)(?<![\\d.,])(?:9\\d|1[0-4]\\d)(?=[\\s-]*(?:years?|yrs?)[\\s-]*(?:old\\b|of\\s+age\\b)"
                    + "|\\s*(?:yo|y/o|y\\.\\s?o\\.?)(?!\\w)|[\\s-]*(?:jahre?n?\\b|j\\.(?!\\w)|jährig|ans\\b|jaar\\b|år\\b))"),
                    "90+", 0,
                    s -> s.digits >= 2 && s.containsIgnoreCase("year", "yr", "yo", "y/o", "y.", "jahr", "jähr", "j.", "ans",
                            "jaar", "år"), Starts.DIGIT_RUN).where(AGE_OVER_89_RUN),
            // ... and written in words: "ninety-two years old", "aged ninety", "a hundred and one year old" (decision 0153)
            new Detector(Pattern.compile("(?i)\\b(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
                    + "|(?:a|one)[- ]hundred(?:(?:[- ]and)?[- ](?:one|two|three|four|five|six|seven|eight|nine|ten))?)"
                    + "(?=[\\s-]+years?[\\s-]+(?:old|of\\s+age)\\b|[\\s-]+year[\\s-]old\\b)"
                    + "|(?<=\\b[Aa]ged\\s)(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)[- ]hundred)\\b"),
                    "90+", 0, s -> s.containsIgnoreCase("ninety", "hundred"), Starts.ANYWHERE),
            new Detector(Pattern.compile("(?i)\\b(?:age[d:]?|alter|leeftijd)\\s*(?:of\\s+|von\\s+|van\\s+|:\\s*)?"
                    + "(9\\d|1[0-4]\\d)(?!\\d|[.,]\\d)"), "90+", 1,
                    s -> s.digits >= 2 && s.containsIgnoreCase("age", "alter", "leeftijd"), Starts.WORD, "AaLl"),
            new Detector(Pattern.compile("(?iu)(?<!\\p{L})(?:âge|ålder)\\s*(?:de\\s+|:\\s*)?(9\\d|1[0-4]\\d)(?!\\d|[.,]\\d)"), "90+",
                    1, s -> s.digits >= 2 && s.contains("âge", "Âge", "ÂGE", "ålder", "Ålder", "ÅLDER"), Starts.ANYWHERE),
            // The age and sex of a US note's first line ("91F, admitted after a fall", "is a 93M with"): at a line's
            // start, after "a", "an", "is", "pt" or "(", not where a temperature is written ("Tmax 99F"; decision 0110).
            new Detector(Pattern.compile("(?m)(?:^|(?<=^[ \\t]{1,4})|(?<=\\b(?:[Aa]n?|is|[Pp]t)[ \\t])|(?<=\\())(9\\d|1[0-4]\\d)"
                    + "(?=[ \\t]?[MF]\\b(?![ \\t]*(?:fever|temp|febrile)))"), "90+", 1, s -> s.digits >= 2, Starts.DIGIT_RUN)
                    .where(AGE_OVER_89_RUN),
            // ... and the age a patient turns ("turns 92 this year", "turning 95 in May")
            new Detector(Pattern.compile("(?i)\\b(?:turns|turned|turning|will\\s+be)\\s+(9\\d|1[0-4]\\d)(?!\\d|[.,]\\d|\\s*(?:%|\\u00b0|deg))"),
                    "90+", 1, s -> s.digits >= 2 && s.containsIgnoreCase("turns 9", "turned 9", "turning 9", "will be 9",
                            "turns 1", "turned 1", "turning 1", "will be 1"), Starts.WORD, "TtWw"),
            // ... and the age a person is or was, after the person ("Pt is 91 and frail", "his wife, who is 98", "mother is
            // 96"; decision 0199): not a measure after it ("is 92% on RA", "is 94 on 2L", "was 92 kg", "is 98.6")
            new Detector(Pattern.compile("(?i)\\b(?:pt|patient|he|she|who|mother|father|mom|dad|wife|husband|spouse|partner"
                    + "|sister|brother|son|daughter|aunt|uncle|grandmother|grandfather|grandma|grandpa)\\s+(?:is|was)"
                    + "\\s+(?:now\\s+)?(9\\d|1[0-4]\\d)(?!\\d|[.,]\\d|\\s*(?:%|\\u00b0|/|percent|per\\b|on\\b|kg|lbs?\\b|pounds"
                    + "|mg|g\\b|cm|inch|mmhg|bpm|beats|min|hours?|hrs?|days?|weeks?|months?|F\\b|C\\b))"), "90+", 1,
                    s -> s.digits >= 2 && s.containsIgnoreCase(" is 9", " was 9", " is 1", " was 1", " now 9",
                            " now 1"), Starts.WORD, "PpHhSsWwMmFfDdBbAaUuGg"),
            // ... and the birthday a patient or a relative celebrates ("her 95th birthday", "95. Geburtstag", "95e
            // anniversaire", "95º cumpleaños", "95° compleanno", "95ste verjaardag"; decision 0191)
            // An ordinal, or a bare number only before the Spanish word: "90 birthday cards" is a count.
            new Detector(Pattern.compile("(?iu)(?<![\\d.,])((?:9\\d|1[0-4]\\d)(?:(?:st|nd|rd|th|ste|de|\u00e8me|eme|esimo|e"
                    + "|\\.\u00ba|\\.\u00aa|\\.|\u00b0|\u00ba|\u00aa)(?=[\\s-]*(?:birthday|b-?day|geburtstag|anniversaire"
                    + "|cumplea\u00f1os|cumpleanos|compleanno|verjaardag|anivers\u00e1rio|aniversario)\\b)"
                    + "|(?=\\s*(?:cumplea\u00f1os|cumpleanos)\\b)))"), "90+", 1,
                    s -> s.digits >= 2 && s.containsIgnoreCase("birthday", "bday", "b-day", "geburtstag", "anniversaire",
                            "cumplea", "compleanno", "verjaardag", "anivers"), Starts.DIGIT_RUN),
            // ... and the age a relative died at or lived to ("Mother died at 94", "deceased at 101", "lived to 97"),
            // or stands in commas or brackets after a relative ("Sister, 93, lives nearby"; decision 0184)
            new Detector(Pattern.compile("(?i)\\b(?:(?:died|d\\.|passed(?:\\s+away)?|deceased|death)\\s+(?:at|aged)|lived\\s+(?:to|until))"
                    + "\\s+(?:(?:the\\s+)?age\\s+(?:of\\s+)?)?(9\\d|1[0-4]\\d)(?!\\d|[.,:]\\d)"), "90+", 1,
                    s -> s.digits >= 2 && s.containsIgnoreCase("died", "d. at", "d. aged", "passed", "deceased", "death", "lived"), Starts.WORD,
                    "DdPpLl"),
            // (the patient too, a colon for the comma, "alive" or "living" before it, a semicolon, full stop or the text's
            // end after it: "mother alive, 97;", "Mother: 95, healthy", "Pt, 97, presents"; decision 0203)
            new Detector(Pattern.compile("(?i)\\b(?:mother|father|sister|brother|husband|wife|spouse|partner|aunt|uncle"
                    + "|grandmother|grandfather|grandma|grandpa|mom|dad|pt|patient)(?:\\s+(?:alive|living))?\\s*"
                    + "(?:[,:]\\s*|\\(\\s*)(9\\d|1[0-4]\\d)(?=\\s*(?:[,;)]|\\.(?!\\d)|$|y|yo|yrs?\\b))"), "90+", 1,
                    s -> s.digits >= 2 && (s.contains(",") || s.contains("(") || s.contains(":"))
                    && s.containsIgnoreCase("mother", "father", "sister", "brother", "husband", "wife", "spouse", "partner",
                            "aunt", "uncle", "grand", "mom", "dad", "pt", "patient"), Starts.WORD, "MmFfSsBbHhWwPpAaUuGgDd"),
            // ... and in brackets after a birth date, as VistA's and many EHRs' patient headers write the age: "DOB: FEB
            // 14,1931 (92)", "born 03/04/1930 (93 y)" (decision 0181)
            new Detector(Pattern.compile("(?i)(?<![\\p{L}.])(?:DOB|D\\.O\\.B\\.?|date\\s+of\\s+birth|birth\\s*date|born"
                    + "|geb\\.)\\s*[:#]?\\s*\\p{Alnum}[\\p{Alnum} ,./-]{4,22}?\\s*\\((9\\d|1[0-4]\\d)"
                    + "(?:\\s*(?:y|yo|yrs?|years?|J\\.?|Jahre))?\\)"), "90+", 1,
                    s -> s.digits >= 6 && s.containsIgnoreCase("dob", "d.o.b", "birth", "born", "geb."), Starts.WORD,
                    "DdBbGg"),
            // ... and in the corpus' other languages: "92 años", "92 anni", "lat 92", "92 лет", "92歳" (decision 0142)
            new Detector(AgesInNotes.AGE_OVER_89, "90+", 0, s -> s.digits >= 2, Starts.DIGIT_RUN),
            // Not the digits of a decimal fraction, but still at the end of a sentence.
            new Detector(Pattern.compile("(?<!\\d)(?<!\\d[.,])\\d{7,}(?!\\d|[.,]\\d)"), "[NUMBER]", 0, s -> s.longestDigitRun >= 7,
                    Starts.DIGIT_RUN).where(digitRun((c, run, next) -> run >= 7)));

    /**
     * The labels of a birth date, as a regular expression's alternation (case aside): what {@code deid verify} reports a
     * date after ({@code PhiPatterns}' DATE_OF_BIRTH) and what the scrub makes {@code [DOB]} (decision 0249), one list.
     */
    public static final String BIRTH_LABELS = "DOB|D\\.O\\.B\\.?|date\\s+of\\s+birth|birth\\s*date|born(?:\\s+on)?"
            + "|geb\\.|geboren(?:\\s+(?:am|op))?|Geburtsdatum"
            // Italian, Spanish, French, Dutch, Polish (decision 0119)
            + "|data\\s+di\\s+nascita|nat[oa]\\s+il|fecha\\s+de\\s+nacimiento|nacid[oa]\\s+el|date\\s+de\\s+naissance"
            + "|n\u00e9e?\\s+le|geboortedatum|data\\s+urodzenia|urodzon[ya]";
    /** {@link #BIRTH_LABELS} at the end of a text, before its date. */
    private static final Pattern BIRTH_LABEL_BEFORE = Pattern.compile("(?i)(?<![\\p{L}.])(?:" + BIRTH_LABELS
            + ")\\s*[:#]?\\s*$");

    /**
     * A date found right after a birth date's label ("DOB 03/04/1961", "Date of birth: 4 March 1961") is the birth
     * date, {@code [DOB]}, where no birth date of the run's tables made it one already: shifted as any date, it was what
     * {@code deid verify} reports of every date after such a label (decision 0249).
     */
    private static void birthDates(String text, List<Span> spans) {
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span d = spans.get(i);
            String r = d.replacement();
            boolean date = r.equals("[DATE]") || !r.startsWith("[") && r.chars().anyMatch(Character::isDigit)
                    && !r.equals("90+");
            if (date && d.start() > 1 && BIRTH_LABEL_BEFORE.matcher(text).region(Math.max(0, d.start() - 40), d.start())
                    .useTransparentBounds(true).find()) {
                spans.set(i, new Span(d.start(), d.end(), "[DOB]"));
            }
        }
    }

    /** A year after "born" and its words in the corpus' languages ("born in 1931", "geb. 1931", "née en 1931"). */
    private static final Pattern BORN_IN_YEAR = Pattern.compile("(?iu)(?<!\\p{L})(?:born|b\\.|geb\\.|geboren|n\u00e9e?"
            + "|nacid[oa]|nat[oa]|urodzon[ya])(?:\\s+(?:in(?:\\s+the\\s+year)?|im(?:\\s+jahre?)?|en|el\\s+a\u00f1o|em|nel|w))?"
            + "\\s+((?:18|19)\\d{2})(?!\\d)");

    /** A lone number such as a lab value: no pattern can match it, only a known numeric identifier. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[<>+-]?\\s?\\d{1,6}(?:[.,]\\d{1,6})?");

    private final KnownIdentifiers identifiers;
    /** Full dates in or before this year are removed, not shifted ({@code Integer.MIN_VALUE}: none). */
    private final int lastAggregatedYear;

    /** A scrubber that looks for the given (frozen) identifiers in addition to the patterns; no date is too old to shift. */
    public TextScrubber(KnownIdentifiers identifiers) {
        this(identifiers, Integer.MIN_VALUE + 90);
    }

    /**
     * A scrubber that also removes (as {@code [DATE]}) every full date lying 90 or more years before
     * {@code referenceYear}, before or after its shift: a shifted date keeps its year, and a year that
     * old tells an age over 89 when it is a birth date (HIPAA Safe Harbor aggregates those ages).
     * This is the same limit year {@code generalize: birth-year} uses.
     */
    public TextScrubber(KnownIdentifiers identifiers, int referenceYear) {
        this.identifiers = identifiers;
        this.lastAggregatedYear = referenceYear - 90;
    }

    /**
     * The text with every identifier replaced. Where matches overlap, the earliest (then the longest)
     * decides the replacement and also covers the rest of any match it overlaps, so no part of a
     * detected identifier is left in clear. Cost: linear in the text for each detector; a lone short
     * number returns at once.
     *
     * @param subject the record's subject for date shifts, or {@code null}
     */
    public String scrub(String text, Subject subject) {
        return scrub(text, subject, true);
    }

    /**
     * Hands every date of a scrubbed text that the scrubber writes shifted (the notations it shifts: numeric dates and
     * month-name dates with a year) to {@code each}, for the run's attested coincidences (decision 0116).
     */
    public static void shiftedDates(String scrubbed, java.util.function.Consumer<String> each) {
        Matcher numeric = DateValues.textPattern().matcher(scrubbed);
        while (numeric.find()) {
            each.accept(numeric.group());
        }
        for (int[] d : OtherTextDates.find(scrubbed)) {
            each.accept(scrubbed.substring(d[0], d[1]));
        }
        for (Pattern p : DateValues.monthNameTextPatterns()) {
            Matcher m = p.matcher(scrubbed);
            while (m.find()) {
                String iso = DateValues.isoOfMonthNameDate(m);
                if (iso != null) {
                    each.accept(iso); // as the verifier reads "July 13, 1995": that day
                }
            }
        }
    }

    /**
     * A scrubbed text, and whether any date was found in it: only dates are shifted per subject, so a text
     * without one scrubs the same for every subject (and may be cached by value).
     */
    public record Scrubbed(String text, boolean datesFound) {
    }

    /**
     * {@link #scrub(String, Subject)}, telling also whether the text held a date ({@link #mayShiftDates}
     * of the text, found on the way at no extra cost).
     */
    public Scrubbed scrubAndTell(String text, Subject subject) {
        return scrubAndTell(text, subject, false);
    }

    /**
     * {@link #scrubAndTell(String, Subject)}, reading a slash date whose order the text itself does not show
     * ({@code 03/04/2021}) day first when {@code slashDayFirst} (a column of a day-first export). A text whose own
     * slash dates show one order ({@code 25/04/2021}: day first; {@code 04/25/2021}: month first) and never the other
     * is read in that order whatever the column's.
     */
    public Scrubbed scrubAndTell(String text, Subject subject, boolean slashDayFirst) {
        return scrub(text, subject, true, slashDayFirst);
    }

    /**
     * {@link #scrub(String, Subject)}, with the cheap tests that skip a pattern on a text it cannot match in
     * and try it only where a match can start ({@code prefilter}) or without them (every pattern run with
     * {@link Matcher#find()} over the whole text): both give the same result (the differential test holds
     * them to it).
     */
    String scrub(String text, Subject subject, boolean prefilter) {
        return scrub(text, subject, prefilter, false).text();
    }

    private Scrubbed scrub(String text, Subject subject, boolean prefilter, boolean slashDayFirst) {
        if (text.isEmpty() || obviouslyClean(text)) {
            return new Scrubbed(text, false);
        }
        if (!prefilter || text.length() > MAX_REMEMBERED_LENGTH) {
            return scrubNow(text, subject, prefilter, slashDayFirst);
        }
        // The result is a function of the text and of the subject's date offset alone (the identifiers are
        // frozen, only dates use the subject): the same description in every slice of a series is scrubbed once.
        // A text in which no date was found did not use the subject at all: the same for every subject, so it
        // is remembered by the text alone, and the same display text of each patient's file is scrubbed once
        // (decision 0075).
        Scrubbed undated = remembered.get(new Remembered(text, 0, false, false));
        if (undated != null && !undated.datesFound()) {
            return undated;
        }
        Remembered key = new Remembered(text, subject == null ? 0 : subject.dateOffsetDays(), subject != null,
                slashDayFirst);
        Scrubbed known = remembered.get(key);
        if (known != null) {
            return known;
        }
        Scrubbed s = scrubNow(text, subject, true, slashDayFirst);
        remembered.put(s.datesFound() ? key : new Remembered(text, 0, false, false), s);
        return s;
    }

    /** Longest text whose scrubbed form is remembered (descriptions, comments, protocol names; not reports). */
    static final int MAX_REMEMBERED_LENGTH = 256;
    /** Most texts remembered at once (about 2 MB at the longest); the memory is emptied when it is full. */
    static final int MAX_REMEMBERED = 4096;

    /**
     * A text and what its scrubbing can depend on besides: the subject's date offset, or no subject, and the order in
     * which its column reads slash dates.
     */
    private record Remembered(String text, int dateOffsetDays, boolean hasSubject, boolean slashDayFirst) {
    }

    private final BoundedMemory<Remembered, Scrubbed> remembered = new BoundedMemory<>(MAX_REMEMBERED);

    private Scrubbed scrubNow(String text, Subject subject, boolean prefilter, boolean slashDayFirst) {
        // RTF's escapes and HTML's character references read as the letters they stand for (decision 0167)
        MarkupText.Folded markup = MarkupText.fold(text);
        if (markup != null) {
            List<Span> spans = new ArrayList<>();
            Scrubbed s = scrubFolded(markup.folded(), subject, prefilter, slashDayFirst, spans);
            for (int[] person : markup.people()) {
                // the document's author and last editor, as its own markup names them (decision 0170)
                spans.add(new Span(person[0], person[1], "[NAME]"));
            }
            return new Scrubbed(replace(text, unfold(markup, spans)), s.datesFound());
        }
        return scrubFolded(text, subject, prefilter, slashDayFirst, null);
    }

    /**
     * {@link #scrubNow(String, Subject, boolean, boolean)} of a text without markup escapes; the spans replaced, in the
     * text's offsets, are added to {@code found} unless it is null.
     */
    private Scrubbed scrubFolded(String text, Subject subject, boolean prefilter, boolean slashDayFirst,
            List<Span> found) {
        // Arabic-Indic and Persian digits, bidi controls, zero-width characters, tatweel (decision 0132)
        TextFolding folding = TextFolding.of(text);
        if (folding != null) {
            List<Span> spans = new ArrayList<>();
            Scrubbed s = scrubNow(folding.folded(), subject, prefilter, slashDayFirst, spans, text);
            List<Span> unfolded = unfold(folding, spans);
            if (found != null) {
                found.addAll(unfolded);
            }
            return new Scrubbed(replace(text, unfolded), s.datesFound());
        }
        return scrubNow(text, subject, prefilter, slashDayFirst, found, text);
    }

    /**
     * The spans found in a text with its markup escapes read, cut from the original and written in its form (0167),
     * the markup inside each kept in its place (0168). Overlapping spans are joined first, the earliest's (then the
     * longest's) replacement covering the rest, as {@link #replace} joins them: the markup of the whole stays.
     */
    private static List<Span> unfold(MarkupText.Folded markup, List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<Span> out = new ArrayList<>(sorted.size());
        Span open = null;
        for (Span s : sorted) {
            if (open != null && s.start() < open.end()) {
                if (s.end() > open.end()) {
                    open = new Span(open.start(), s.end(), open.replacement());
                }
                continue;
            }
            if (open != null) {
                out.add(rewritten(markup, open));
            }
            open = s;
        }
        if (open != null) {
            out.add(rewritten(markup, open));
        }
        return out;
    }

    private static Span rewritten(MarkupText.Folded markup, Span s) {
        return new Span(markup.originalStart(s.start()), markup.originalEnd(s.end()),
                markup.rewrite(s.start(), s.end(), s.replacement()));
    }

    /** The spans found in a folded text, cut from the original at the same places, in its digits (decision 0132). */
    private static List<Span> unfold(TextFolding folding, List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            int start = folding.originalStart(s.start());
            int end = folding.originalEnd(s.end());
            out.add(new Span(start, end, folding.inOriginalDigits(start, end, s.replacement())));
        }
        return out;
    }

    private Scrubbed scrubNow(String text, Subject subject, boolean prefilter, boolean slashDayFirst,
            List<Span> found, String original) {
        List<Span> spans = found != null ? found : new ArrayList<>();
        int knownStart = spans.size();
        findKnownIdentifiers(text, spans);
        int knownEnd = spans.size();
        for (NationalNumbers.Found f : NationalNumbers.find(text)) {
            // CPF, CNS, TC Kimlik No and Aadhaar by their check digits, CEP, Portuguese postcodes and PIN codes
            // (decision 0125); "SIGTAP 0303060212" is a code
            if (!CheckDigits.afterCodeSystem(text, f.start())) {
                spans.add(new Span(f.start(), f.end(), f.replacement()));
            }
        }
        for (LatinAmericanNumbers.Found f : LatinAmericanNumbers.find(text)) {
            // CURP, RFC, IMSS, RUT, CUIL by their check digits, DNI and cédula after their label (decision 0133)
            if (!CheckDigits.afterCodeSystem(text, f.start())) {
                spans.add(new Span(f.start(), f.end(), f.replacement()));
            }
        }
        boolean thaiDates = false;
        int scripts = scripts(text);
        if ((scripts & THAI) != 0) {
            // names after their titles, the national ID, HN, Thai digits, Buddhist Era dates (decision 0133)
            for (ThaiText.Found f : ThaiText.find(text, subject != null, subject == null ? 0 : subject.dateOffsetDays())) {
                boolean date = f.dateYear() != 0 || f.replacement().equals("[DATE]");
                thaiDates |= date;
                spans.add(new Span(f.start(), f.end(), date && f.dateYear() <= lastAggregatedYear ? "[DATE]"
                        : f.replacement()));
            }
        }
        for (int[] b : PlaceNames.find(text)) {
            // before the names: "lives in Zaandam" is a place even where the dictionary knows the word as a surname
            spans.add(new Span(b[0], b[1], "[LOCATION]"));
        }
        int[] activityPlace = org.deidworkbench.deid.classify.ActivityPlaces.find(text);
        if (activityPlace != null) { // a sports watch's title "Toledo Running" (decision 0239)
            spans.add(new Span(activityPlace[0], activityPlace[1], "[LOCATION]"));
        }
        for (int[] b : Employers.find(text)) { // "works at Lufkin Industries": Safe Harbor's employers (decision 0233)
            spans.add(new Span(b[0], b[1], Employers.REPLACEMENT));
        }
        for (int[] b : org.deidworkbench.deid.classify.OwnedDevices.find(text)) { // "Thaddeus’s iPhone" (decision 0238)
            spans.add(new Span(b[0], b[1], "[NAME]"));
        }
        findDictionaryNames(text, spans);
        findCuedNames(text, spans);
        noteHeadName(text, spans);
        for (int[] b : NameConventions.find(text)) { // capitals surnames, chart headers, labels (decision 0140)
            spans.add(new Span(b[0], b[1], "[NAME]"));
        }
        boolean dates = thaiDates;
        for (org.deidworkbench.deid.classify.UnixDates.Found f : org.deidworkbench.deid.classify.UnixDates.find(text)) {
            // "Mon Oct 02 21:00:00 EDT 2023": the weekday, time and year with the day (decision 0242)
            spans.add(new Span(f.start(), f.end(), notationDateReplacement(text.substring(f.start(), f.end()),
                    subject, org.deidworkbench.deid.classify.UnixDates::shift, org.deidworkbench.deid.classify.UnixDates::parse)));
            dates = true;
        }
        if ((scripts & CJK) != 0) {
            findKnownCjkNames(text, spans);
            for (int[] b : CjkNames.cuedNames(text)) {
                spans.add(new Span(b[0], b[1], "[NAME]"));
            }
            for (org.deidworkbench.deid.classify.EastAsianDates.Found f : org.deidworkbench.deid.classify.EastAsianDates.find(text)) {
                spans.add(new Span(f.start(), f.end(), notationDateReplacement(text.substring(f.start(), f.end()),
                        subject, org.deidworkbench.deid.classify.EastAsianDates::shift,
                        org.deidworkbench.deid.classify.EastAsianDates::parse)));
                dates = true; // shifted per subject: the text must not be remembered as the same for every subject
            }
        }
        if ((scripts & CYRILLIC_GREEK) != 0) { // Russian and Greek numbers, names and dates (decision 0131)
            for (CyrillicGreekNumbers.Found f : CyrillicGreekNumbers.find(text)) {
                spans.add(new Span(f.start(), f.end(), f.replacement()));
            }
            for (int[] b : CyrillicGreekNames.cuedNames(text)) {
                spans.add(new Span(b[0], b[1], "[NAME]"));
            }
            for (org.deidworkbench.deid.classify.CyrillicGreekDates.Found f
                    : org.deidworkbench.deid.classify.CyrillicGreekDates.find(text)) {
                spans.add(new Span(f.start(), f.end(), notationDateReplacement(text.substring(f.start(), f.end()),
                        subject, org.deidworkbench.deid.classify.CyrillicGreekDates::shift,
                        org.deidworkbench.deid.classify.CyrillicGreekDates::parse)));
                dates = true;
            }
        }
        if ((scripts & VIETNAMESE) != 0) { // names, addresses, phones and written dates (decision 0246)
            vietnamese(text, spans, VietnameseText.find(text));
            for (int[] b : VietnameseText.provinces(text)) {
                dropNamesInside(spans, 0, b[0], b[1]); // "TP. Hồ Chí Minh" stays, if a patient is named Minh too
            }
            dates |= vietnameseDates(text, subject, spans);
        }
        if ((scripts & BENGALI) != 0) { // Bangla names after their labels and kin words, places, addresses (0250)
            for (SouthAsianScripts.Found f : SouthAsianScripts.bangla(text)) {
                if (f.replacement() == null) {
                    keepCue(text, spans, f.start(), f.end()); // "মোঃ" (Md.) stays
                } else {
                    spans.add(new Span(f.start(), f.end(), f.replacement()));
                }
            }
        }
        if ((scripts & MIDDLE_EASTERN) != 0) {
            for (int[] b : MiddleEasternNames.cuedNames(text)) {
                spans.add(new Span(b[0], b[1], "[NAME]")); // Arabic, Persian, Urdu, Hebrew (decisions 0132, 0250)
            }
            for (int[] b : SouthAsianScripts.urduPlaces(text)) {
                spans.add(new Span(b[0], b[1], "[LOCATION]")); // سکنہ, موضع, تحصیل, ضلع, چک نمبر (decision 0250)
            }
            for (int[] b : MiddleEasternNames.noteHeadName(text)) { // a Hebrew note opening with the name (decision 0136)
                spans.add(new Span(b[0], b[1], "[NAME]"));
            }
        }
        Shape shape = prefilter ? new Shape(text) : null;
        for (Detector d : DETECTORS) {
            if (prefilter && !d.mayMatch().test(shape)) {
                continue;
            }
            boolean number = d.label().equals("[NUMBER]");
            boolean phone = d.label().equals("[PHONE]");
            Finder m = new Finder(d.pattern(), text, shape, d.starts(), d.firstLetters(), d.startTest());
            while (m.find()) {
                if (phone && CheckDigits.afterCodeSystem(text, m.start()) && digitsOnly(m.group().replace("-", ""))) {
                    // "NDC 00378018001", "NDC 0378-0180-01" are a drug's code (the UK pattern reads 0 and ten digits
                    // as a phone, the French one 0 and digit pairs)
                    continue;
                }
                if (number) {
                    if (CheckDigits.afterCodeSystem(text, m.start())) {
                        continue; // "SNOMED 44054006" is a code, not a record number
                    }
                    if (isCompactDate(text, m.start(), m.end())) {
                        // "20220117" (as in a folder "ct_20220117") is a date, not a long number
                        spans.add(new Span(m.start(), m.end(), numericDateReplacement(m.group(), subject, false)));
                        dates = true;
                        continue;
                    }
                }
                if (d == STREET_NAMED_ALONE && !streetNamedAlone(text, m.start(), m.end())) {
                    continue;
                }
                spans.add(new Span(m.start(d.group()), m.end(d.group()), d.label()));
            }
        }
        if (!prefilter || HealthNumbers.mayHold(shape.digits)) {
            for (HealthNumbers.Found f : HealthNumbers.find(text)) {
                spans.add(new Span(f.start(), f.end(), f.kind() == HealthNumbers.Kind.NUMBER ? "[ID]" : "[ZIP]"));
            }
        }
        for (NoteNumbers.Found f : NoteNumbers.find(text)) {
            // national phones, record numbers after their labels, national numbers in groups (decision 0141); after
            // the others, so that a number they found first keeps its label
            if (!CheckDigits.afterCodeSystem(text, f.start())) {
                spans.add(new Span(f.start(), f.end(), f.replacement()));
            }
        }
        if (!prefilter || shape.mayHoldNumericDate()) {
            Finder numeric = new Finder(DateValues.textPattern(), text, shape, Starts.DIGIT_RUN, "");
            int first = spans.size();
            int dayFirst = 0;
            int monthFirst = 0;
            while (numeric.find()) {
                // The date for now; its replacement once the text's slash dates have shown their order.
                spans.add(new Span(numeric.start(), numeric.end(), numeric.group()));
                switch (DateValues.slashOrder(numeric.group())) {
                    case 1 -> dayFirst++;
                    case -1 -> monthFirst++;
                    default -> { }
                }
                dates = true;
            }
            boolean textDayFirst = dayFirst > 0 == monthFirst > 0 ? slashDayFirst : dayFirst > 0;
            for (int i = first, n = spans.size(); i < n; i++) {
                Span d = spans.get(i);
                spans.set(i, new Span(d.start(), d.end(), HijriDates.hasIslamicYear(d.replacement())
                        ? islamicDateReplacement(d.replacement(), subject, original)
                        : numericDateReplacement(d.replacement(), subject, textDayFirst)));
            }
        }
        if (!prefilter || OtherTextDates.mayHold(shape.longestDigitRun)) {
            // 12.03.23, 2023.03.12, 12-Mar-23, 12MAR2023 (decision 0153)
            for (int[] d : OtherTextDates.find(text)) {
                spans.add(new Span(d[0], d[1], numericDateReplacement(text.substring(d[0], d[1]), subject, false)));
                dates = true;
            }
        }
        if (!prefilter || shape.mayHoldMonthNameDate()) {
            for (int i = 0; i < DateValues.monthNameTextPatterns().size(); i++) {
                Finder m = new Finder(DateValues.monthNameTextPatterns().get(i), text, shape, MONTH_NAME_DATE_STARTS[i],
                        MONTH_LETTERS);
                while (m.find()) {
                    if (!DateValues.isMonthNameDate(m.matcher())) {
                        continue; // "3 setup 2021": a word that starts as another language's month does, and names none
                    }
                    dropNamesInside(spans, knownEnd, m.start(), m.end()); // "Seen Jan 5th 2023": "Jan" is the date's
                    String replacement = "[DATE]";
                    if (subject != null) {
                        try {
                            replacement = DateValues.shiftMonthNameDate(m.matcher(), subject.dateOffsetDays());
                            // The shifted date ends with its four-digit year, as the original does.
                            int shifted = Integer.parseInt(replacement.substring(replacement.length() - 4));
                            if (Math.min(Integer.parseInt(m.matcher().group("y")), shifted) <= lastAggregatedYear) {
                                replacement = "[DATE]";
                            }
                        } catch (UnprocessableValueException e) {
                            replacement = "[DATE]";
                        }
                    }
                    spans.add(new Span(m.start(), m.end(), replacement));
                    dates = true;
                }
            }
        }
        if (!prefilter || shape.longestDigitRun >= 4 && shape.containsIgnoreCase("born", "b.", "geb", "nac", "nat",
                "n\u00e9", "urodz")) {
            // the year of birth of someone 90 or older tells the age Safe Harbor aggregates: "Born in 1931" (decision 0153)
            Matcher m = BORN_IN_YEAR.matcher(text);
            while (m.find()) {
                if (Integer.parseInt(m.group(1)) <= lastAggregatedYear) {
                    spans.add(new Span(m.start(1), m.end(1), "[DATE]"));
                }
            }
        }
        if (!prefilter || MonthYears.mayHold(shape.longestDigitRun)) {
            // a month and its year without a day: "October 1995", "03/2017", "2018-06" (decision 0152)
            for (MonthYears.Found f : MonthYears.find(text)) {
                if (overlaps(spans, knownStart, knownEnd, f.start(), f.end())) {
                    continue; // the record's own name ("June Carter" in "June 2019") stays the name it is
                }
                dropNamesInside(spans, knownEnd, f.start(), f.end()); // "late [NAME] 2018": September is a given name
                spans.add(new Span(f.start(), f.end(), monthYearReplacement(f, subject)));
                dates = true;
            }
        }
        if (!prefilter || HolidayDates.mayHold(shape.longestDigitRun)) {
            // a holiday and its year name a day: "Christmas Eve 2021", "Weihnachten 2021" (decision 0186); no shift
            // makes a holiday of the shifted day, so the whole is [DATE]
            for (int[] h : HolidayDates.find(text)) {
                if (overlaps(spans, knownStart, knownEnd, h[0], h[1])) {
                    continue;
                }
                dropNamesInside(spans, knownEnd, h[0], h[1]); // "Easter Sunday 2023" held two of the name list's words
                spans.add(new Span(h[0], h[1], "[DATE]"));
            }
        }
        // and without it: "seen on Christmas Day", "over Thanksgiving" beside dates shifted to July tell the offset
        // (decision 0189)
        Shape words = shape != null ? shape : new Shape(text);
        for (int[] h : HolidayDates.findWithoutYear(text, words.wordStarts, words.wordStartCount)) {
            if (overlaps(spans, knownStart, knownEnd, h[0], h[1])) {
                continue;
            }
            dropNamesInside(spans, knownEnd, h[0], h[1]);
            spans.add(new Span(h[0], h[1], "[DATE]"));
        }
        boolean surnames = VietnameseNames.mayHold(text, words.wordStarts, words.wordStartCount);
        if (surnames) { // Vietnamese names written without their marks (decision 0248)
            for (int[] b : VietnameseNames.find(text)) {
                spans.add(new Span(b[0], b[1], "[NAME]"));
            }
        }
        List<int[]> cues = List.of();
        boolean unmarked = (scripts & VIETNAMESE) == 0 && VietnameseText.writtenWithoutMarks(text, words.wordStarts,
                words.wordStartCount);
        if (unmarked) {
            // a Vietnamese note written without its marks: cued names, addresses, phones, dates (decision 0248)
            cues = vietnamese(text, spans, VietnameseText.findPlain(text));
            dates |= vietnameseDates(text, subject, spans);
            for (int i = spans.size() - 1; i >= 0; i--) {
                Span s = spans.get(i);
                if (s.replacement().equals("[NAME]") && lowerCaseWord(text, s.start(), s.end())) {
                    spans.remove(i); // "dai thao duong" (diabetes), "lam viec" (works): names are capitalised
                }
            }
        }
        if (surnames || unmarked) {
            for (int[] b : VietnameseNames.provinces(text)) {
                dropNamesInside(spans, 0, b[0], b[1]); // "Ho Chi Minh City", "TP. Ho Chi Minh" stay
            }
        }
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span street = spans.get(i);
            if ((street.replacement().equals("[ADDRESS]") || street.replacement().equals("[LOCATION]"))
                    && street.start() < text.length() && (Character.isDigit(text.charAt(street.start()))
                    // and after a box ("PO Box 1123, Evanston IL"; decision 0207)
                    || street.replacement().equals("[ADDRESS]") && PO_BOX.matcher(text).region(street.start(),
                            street.end()).lookingAt())) {
                // the unit and the town after a street address: "1432 Foxglove Lane, Unit 3, Puyallup" (decision 0184)
                int[] tail = PlaceNames.afterStreet(text, street.end());
                if (tail[0] > street.end()) {
                    spans.add(new Span(street.start(), tail[0], street.replacement()));
                }
                if (tail[1] >= 0) {
                    spans.add(new Span(tail[1], tail[2], "[LOCATION]"));
                }
            }
        }
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span town = spans.get(i); // a town a table named or the place finder found
            if (town.replacement().equals("[LOCATION]")) {
                int postcode = postcodeAfterTown(text, town.start(), town.end());
                if (postcode > 0) {
                    spans.add(new Span(postcode - 4, postcode, "[ZIP]"));
                }
            }
        }
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span number = spans.get(i);
            if (number.replacement().equals("[NUMBER]")) {
                // a number's own check letter: "12345678A" (a Medi-Cal number) was "[NUMBER]A" (decision 0186); not
                // where another span takes the number with its letter (a DNI's [ID]), which then wins as the longer
                int end = checkLetterAfter(text, number.end());
                if (end > number.end() && !covered(spans, i, number.start(), end)) {
                    spans.set(i, new Span(number.start(), end, "[NUMBER]"));
                }
            }
        }
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span phone = spans.get(i);
            if (phone.replacement().equals("[PHONE]")) {
                spans.set(i, withoutUnmatchedBracket(text, phone)); // "Oswin (07700 900456)" was "[PHONE])" (0198)
            }
        }
        birthDates(text, spans);
        restOfNames(text, spans);
        widenNamesLeft(text, spans, at -> declinedAt(text, at));
        for (int[] c : cues) {
            keepCue(text, spans, c[0], c[1]); // "Ong Vu Duc Thang": the name lists' Ong is Mr here (decision 0248)
        }
        for (int[] c : malayTitles(text, words)) {
            keepCue(text, spans, c[0], c[1]); // "Puan Sri", "Datuk Seri": the name lists' Sri is the title's (0251)
        }
        return new Scrubbed(replace(text, spans), dates);
    }

    /**
     * {@code span} without a bracket at its start or end that it does not close or open itself: a number written in
     * brackets ("Oswin (07700 900456)", "Cell (+44 7700 900456).") keeps its brackets around the label, as "(541)
     * 555-0192" keeps its area code's (decision 0198).
     */
    static Span withoutUnmatchedBracket(String text, Span span) {
        int opens = 0;
        int closes = 0;
        for (int i = span.start(); i < span.end(); i++) {
            char c = text.charAt(i);
            opens += c == '(' ? 1 : 0;
            closes += c == ')' ? 1 : 0;
        }
        int start = span.start();
        int end = span.end();
        if (opens > closes && text.charAt(start) == '(') {
            start++;
        } else if (closes > opens && text.charAt(end - 1) == ')') {
            end--;
        }
        return start == span.start() && end == span.end() || end - start < 2 ? span
                : new Span(start, end, span.replacement());
    }

    /** The end of one capital letter right after {@code at} that ends a word, or {@code at}. */
    private static int checkLetterAfter(String text, int at) {
        if (at >= text.length() || text.charAt(at) < 'A' || text.charAt(at) > 'Z') {
            return at;
        }
        return at + 1 == text.length() || !Character.isLetterOrDigit(text.charAt(at + 1)) ? at + 1 : at;
    }

    /** Whether a span other than {@code spans[skip]} reaches into {@code [start, end)} past its first character. */
    private static boolean covered(List<Span> spans, int skip, int start, int end) {
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (i != skip && s.start() < end && s.end() > start && s.end() >= end - 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the {@code [NAME]}s found inside a date {@code [start, end)}, from index {@code from} on (not the record's
     * own names): the name lists know {@code Jan}, {@code April}, {@code September} as given names, and a name left
     * there would take the word before it too ("Seen Jan 5th 2023" came out "[NAME] Sep 20th 2023").
     */
    private static void dropNamesInside(List<Span> spans, int from, int start, int end) {
        for (int i = spans.size() - 1; i >= from; i--) {
            Span s = spans.get(i);
            if (s.start() >= start && s.end() <= end && s.replacement().equals("[NAME]")) {
                spans.remove(i);
            }
        }
    }

    private static final int THAI = 1;
    private static final int CJK = 2;
    private static final int CYRILLIC_GREEK = 4;
    private static final int MIDDLE_EASTERN = 8;
    private static final int VIETNAMESE = 16;
    private static final int BENGALI = 32;

    /**
     * The scripts of a text whose finders must look at it, in one pass over its characters: each finder's own
     * {@code mayHold} ({@link ThaiText}, {@link CjkNames}, {@link CyrillicGreekNames}, {@link MiddleEasternNames},
     * {@link VietnameseText}, {@link SouthAsianScripts}' Bangla) asked at once (decision 0246: five passes over every
     * text were one per finder).
     */
    static int scripts(String text) {
        int found = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < '\u0110') {
                continue;
            }
            if (c >= '\u0E01' && c <= '\u0E5B') {
                found |= THAI;
            } else if (c >= '\u3040' && CjkNames.isCjk(c)) {
                found |= CJK;
            } else if (c >= '\u0370' && c <= '\u04FF') {
                found |= CYRILLIC_GREEK;
            } else if (c >= '\u05D0' && c <= '\u06FF') {
                found |= MIDDLE_EASTERN;
            } else if (VietnameseText.vietnameseLetter(c)) {
                found |= VIETNAMESE;
            } else if (c >= '\u0980' && c <= '\u09FF') {
                found |= BENGALI;
            }
        }
        return found;
    }

    /** Whether {@code text[start, end)} is one word of lower-case letters. */
    private static boolean lowerCaseWord(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return end > start;
    }

    /**
     * Adds what {@link VietnameseText} found, each cue kept out of the names ("Ông Nguyễn Văn Hùng": "Ông" is Mr); the
     * cues, as {start, end}.
     */
    private static List<int[]> vietnamese(String text, List<Span> spans, List<VietnameseText.Found> found) {
        List<int[]> cues = new ArrayList<>();
        for (VietnameseText.Found f : found) {
            if (f.replacement() == null) {
                keepCue(text, spans, f.start(), f.end());
                cues.add(new int[] {f.start(), f.end()});
            } else {
                spans.add(new Span(f.start(), f.end(), f.replacement()));
            }
        }
        return cues;
    }

    /** Adds the text's written Vietnamese dates, shifted; whether there was one. */
    private boolean vietnameseDates(String text, Subject subject, List<Span> spans) {
        boolean any = false;
        for (int[] b : VietnameseText.dates(text)) {
            spans.add(new Span(b[0], b[1], notationDateReplacement(text.substring(b[0], b[1]), subject,
                    VietnameseText::shift, VietnameseText::parse)));
            any = true;
        }
        return any;
    }

    /**
     * Keeps the cue {@code [start, end)} before a name out of every name found: a name inside it is dropped, one that
     * begins in it begins after it (a note's opening "Ông Nguyễn Văn Hùng" taken whole; decision 0246).
     */
    private static void keepCue(String text, List<Span> spans, int start, int end) {
        int after = end;
        while (after < text.length() && !Character.isLetterOrDigit(text.charAt(after))) {
            after++;
        }
        for (int i = spans.size() - 1; i >= 0; i--) {
            Span s = spans.get(i);
            if (!s.replacement().equals("[NAME]") || s.start() < start || s.start() >= end) {
                continue;
            }
            if (s.end() <= end) {
                spans.remove(i);
            } else if (s.end() > after) {
                spans.set(i, new Span(after, s.end(), s.replacement()));
            }
        }
    }

    /** Whether one of {@code spans[from, to)} overlaps {@code [start, end)}. */
    private static boolean overlaps(List<Span> spans, int from, int to, int start, int end) {
        for (int i = from; i < to; i++) {
            Span s = spans.get(i);
            if (s.start() < end && start < s.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A month and year shifted by the subject's offset as a column's year-month is (decision 0152), or {@code [DATE]}
     * without a subject, or when the year, before or after the shift, is as old as the aggregated ages' years.
     */
    private String monthYearReplacement(MonthYears.Found f, Subject subject) {
        if (subject == null) {
            return "[DATE]";
        }
        int days = subject.dateOffsetDays();
        String shifted = f.shifted(days);
        return shifted == null || Math.min(f.year(), f.shiftedYear(days)) <= lastAggregatedYear ? "[DATE]" : shifted;
    }

    /**
     * The rest of the names found ({@link NameConventions#rest}): a double name's second part, listed names after
     * particles, later mentions in the text (decision 0140).
     */
    private static void restOfNames(String text, List<Span> spans) {
        List<int[]> names = new ArrayList<>();
        List<int[]> taken = new ArrayList<>(spans.size());
        for (Span s : spans) {
            taken.add(new int[] {s.start(), s.end()});
            if (s.replacement().equals("[NAME]")) {
                names.add(new int[] {s.start(), s.end()});
            }
        }
        for (int[] b : NameConventions.rest(text, names, taken)) {
            spans.add(new Span(b[0], b[1], "[NAME]"));
        }
    }

    /**
     * A capitalised word right before a person's name the scrubber found, separated by one space (or one underscore,
     * decision 0219), is part of the name
     * when it is no ordinary word, cue, title or form of address ({@link #cuedNameWord}): a given name no list knows
     * before a surname a table or a cue gave ("Jarrah Wainwright, PO Box …" at a note's head, its surname known from
     * "Brother Tjapaltjarri Wainwright" further on). Up to two words ("Mary Ellen Wainwright").
     */
    static void widenNamesLeft(String text, List<Span> spans, java.util.function.IntPredicate declined) {
        for (int i = 0, n = spans.size(); i < n; i++) {
            Span s = spans.get(i);
            for (int words = 0; words < 2 && s != null && s.replacement().equals("[NAME]"); words++) {
                s = nameWordBefore(text, s.start(), spans, declined);
                if (s != null) {
                    spans.add(s);
                }
            }
        }
    }

    /**
     * "Patient" in the exports' languages, as it heads a note before the patient's name ("Paciente Maria …"): the
     * common-word list has English and German only.
     */
    private static final java.util.Set<String> PATIENT_TITLES = java.util.Set.of("patient", "patientin", "paciente",
            "patiente", "paziente", "pacjent", "pacjentka", "patiënt", "patiënte", "hasta", "doente",
            "utente", "potilas", "pasient", "patienten");

    /**
     * Whether the name at {@code at} is a declined form of a name the run knows ("Bożeny" of Bożena): the word before
     * such a form at a sentence's start is the noun that governs it ("Stan Bożeny", her condition), no given name
     * (decision 0140).
     */
    private boolean declinedAt(String text, int at) {
        String token = KnownIdentifiers.normalizeToken(text.substring(at, letterRunEnd(text, at)));
        return !token.isEmpty() && identifiers.longestStartingWith(token) == 0 && declinedReplacement(token) != null;
    }

    /**
     * Whether {@code text[start, end)}, a word in capitals, follows a relative's word in capitals ("SON TUNDE" before the
     * surname found, as a registry's remarks write "SON TUNDE OYEKUNLE JR CONTACT"; decision 0222): a given name no
     * list knows, when it is no ordinary word. Only before a name found: "MOTHER CAD" alone stays.
     */
    private static boolean capitalsAfterRelative(String text, int start, int end) {
        if (end - start < 3 || !isAllUpperCase(text, start, end) || start < 3 || text.charAt(start - 1) != ' ') {
            return false;
        }
        String word = text.substring(start, end);
        if (NAMES.isCommonWord(NameDictionary.normalize(word)) || COMMON_CAPITALS.contains(word)
                || CAPITAL_VERBS.contains(word) || CAPITAL_TITLES.contains(word)) {
            return false;
        }
        int cueEnd = start - 1;
        int cueStart = cueEnd;
        while (cueStart > 0 && Character.isLetter(text.charAt(cueStart - 1))) {
            cueStart--;
        }
        return cueStart < cueEnd && isAllUpperCase(text, cueStart, cueEnd)
                && NAME_CUES.contains(text.substring(cueStart, cueEnd).toLowerCase(Locale.ROOT));
    }

    private static Span nameWordBefore(String text, int nameStart, List<Span> spans,
            java.util.function.IntPredicate declined) {
        int end = nameStart - 1;
        // one space, or one underscore in a name written as an identifier (Tadeusz_Kowalczyk_father, decision 0219)
        if (end < 1 || text.charAt(end) != ' ' && text.charAt(end) != '_' || !Character.isLetter(text.charAt(end - 1))) {
            return null;
        }
        int start = end - 1;
        int partEnd = end;
        while (true) {
            while (start > 0 && (Character.isLetter(text.charAt(start - 1))
                    || Character.getType(text.charAt(start - 1)) == Character.NON_SPACING_MARK)) {
                start--;
            }
            String w = text.substring(start, partEnd);
            if (!cuedNameWord(text, new int[] {start, partEnd}) && !capitalsAfterRelative(text, start, partEnd)
                    || TITLE_WORDS.contains(w)
                    || FORMS_OF_ADDRESS.contains(w) || INDIAN_TITLES.contains(w)
                    || PATIENT_TITLES.contains(w.toLowerCase(Locale.ROOT)) || VietnameseText.isCue(w)
                    || DOTTED_FORMS.contains(w) && text.charAt(partEnd) == '.') {
                return null;
            }
            // "Smith-Jarrah Wainwright": each part of a double name must be one
            if (start > 1 && text.charAt(start - 1) == '-' && Character.isLetter(text.charAt(start - 2))) {
                partEnd = start - 1;
                start = partEnd - 1;
                continue;
            }
            break;
        }
        if (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '\''
                || text.charAt(start - 1) == '.' || text.charAt(start - 1) == '-')) {
            return null; // "O'Brien", "St.Mary": a part of another word
        }
        if (sentenceStart(text, start) && (declined.test(nameStart) || isAllUpperCase(text, nameStart,
                letterRunEnd(text, nameStart)) && !NAMES.isFirstName(NameDictionary.normalize(text.substring(start, end))))) {
            // "Stan Bożeny dobry": the sentence's noun before a declined name; "Ricoverato ROSSI Mario": before a
            // surname in capitals, only a given name the lists know (decision 0140)
            return null;
        }
        for (Span other : spans) {
            if (other.start() < end && other.end() > start) {
                return null; // already replaced ("[LOCATION]"), or a part of the name itself
            }
        }
        return new Span(start, end, "[NAME]");
    }

    /**
     * The end of a four-digit postcode after a town that ends an address ("14 Karaka Street, Ōtāhuhu, Auckland 1062",
     * "8 Rātā Place, Whakatāne 3120": New Zealand, Australia, Denmark, Norway, Switzerland write the postcode after
     * the town; decision 0123), or {@code -1}. The town must follow a comma, as the lines of an address do, so that a
     * year after a town named in running text ("moved to Auckland 2019") stays.
     */
    static int postcodeAfterTown(String text, int townStart, int townEnd) {
        if (townStart < 2 || text.charAt(townStart - 1) != ' ' || text.charAt(townStart - 2) != ',') {
            return -1;
        }
        int i = townEnd; // no comma between: "…, Auckland, 2019" is a year
        if (i >= text.length() || text.charAt(i) != ' ') {
            return -1;
        }
        int start = i + 1;
        int end = start;
        while (end < text.length() && end - start < 5 && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
            end++;
        }
        boolean numberGoesOn = end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                || (text.charAt(end) == '.' || text.charAt(end) == ',') && end + 1 < text.length()
                        && Character.isDigit(text.charAt(end + 1)));
        return end - start == 4 && !numberGoesOn ? end : -1;
    }

    /** Where the month-name date patterns ({@link DateValues#monthNameTextPatterns()}) can start: month first, day first. */
    private static final Starts[] MONTH_NAME_DATE_STARTS = {Starts.WORD, Starts.DIGIT_RUN, Starts.DIGIT_RUN};
    /** The first letters of English month names in either case, where a month-first date starts (ASCII case folded). */
    private static final String MONTH_LETTERS = "JjFfMmAaSsOoNnDd";

    /**
     * A date of a text written in its own calendar or language (Japanese, Chinese, Korean: decision 0127; Russian,
     * Greek: decision 0131) shifted in its notation by {@code shift}, or {@code [DATE]} as for a numeric one: no subject,
     * not shiftable, or a year (before or after, read by {@code parse}) at or before the last aggregated one.
     */
    private String notationDateReplacement(String date, Subject subject,
            java.util.function.BiFunction<String, Integer, String> shift,
            java.util.function.Function<String, java.time.LocalDate> parse) {
        String shifted = subject == null ? null : shift.apply(date, subject.dateOffsetDays());
        if (shifted == null) {
            return "[DATE]";
        }
        int before = parse.apply(date).getYear();
        int after = parse.apply(shifted).getYear();
        return Math.min(before, after) <= lastAggregatedYear ? "[DATE]" : shifted;
    }

    /**
     * A numeric date of a text shifted by the subject's offset, its slash date read day first when
     * {@code slashDayFirst}, or {@code [DATE]} (no subject, too old, not a date).
     */
    /**
     * A date with a year of the Hijri calendars ({@code 1445/03/12}, {@code 12/03/1378 هـ}) shifted in the calendar the
     * text is written for (decision 0132); {@code [DATE]} where the text tells no calendar, the date names no day of
     * it, or it is a birth date of someone over 89.
     */
    private String islamicDateReplacement(String date, Subject subject, String original) {
        HijriDates.Calendar calendar = HijriDates.calendarOf(original);
        if (subject == null || calendar == null) {
            return "[DATE]";
        }
        String shifted = HijriDates.shift(date, subject.dateOffsetDays(), calendar);
        if (shifted == null) {
            return "[DATE]";
        }
        java.time.LocalDate before = HijriDates.parse(date, calendar);
        java.time.LocalDate after = HijriDates.parse(shifted, calendar);
        return Math.min(before.getYear(), after.getYear()) <= lastAggregatedYear ? "[DATE]" : shifted;
    }

    private String numericDateReplacement(String date, Subject subject, boolean slashDayFirst) {
        if (subject == null) {
            return "[DATE]";
        }
        try {
            String shifted = DateValues.shift(date, subject.dateOffsetDays(), slashDayFirst);
            return Math.min(DateValues.shiftedYear(date, 0, slashDayFirst),
                    DateValues.shiftedYear(shifted, 0, slashDayFirst)) <= lastAggregatedYear ? "[DATE]" : shifted;
        } catch (UnprocessableValueException e) {
            return "[DATE]";
        }
    }

    /**
     * Whether the digits {@code [start, end)} of a text are a compact date {@code yyyyMMdd} of the years 1900 to
     * 2099: exactly eight digits (the {@code [NUMBER]} pattern has made sure no digit is next to them) that
     * name a real day.
     */
    static boolean isCompactDate(String text, int start, int end) {
        if (end - start != 8) {
            return false;
        }
        int year = 0;
        for (int i = start; i < start + 4; i++) {
            year = year * 10 + text.charAt(i) - '0';
        }
        int month = (text.charAt(start + 4) - '0') * 10 + text.charAt(start + 5) - '0';
        int day = (text.charAt(start + 6) - '0') * 10 + text.charAt(start + 7) - '0';
        if (year < 1900 || year > 2099 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /**
     * The matches of a pattern in a text, exactly as {@link Matcher#find()} gives them, but tried only at the
     * places a {@link Starts} names: at each such place at or after the end of the previous match, the pattern
     * is matched anchored there ({@link Matcher#lookingAt()} with transparent bounds, so look-behinds and word
     * boundaries still see the characters before it). As no match can start elsewhere, the first place that
     * matches is where {@code find()} would have found the next match, and the match is the same. Not
     * thread-safe; one per pattern and text.
     */
    private static final class Finder {
        private final Pattern pattern;
        /** Made when first needed: most detectors find no place to try in most texts (decision 0145). */
        private Matcher m;
        private final String text;
        private final int[] starts;
        private final int count;
        private final String firstLetters;
        private final StartTest startTest;
        private int next;
        private int from;

        Finder(Pattern pattern, String text, Shape shape, Starts where, String firstLetters) {
            this(pattern, text, shape, where, firstLetters, null);
        }

        Finder(Pattern pattern, String text, Shape shape, Starts where, String firstLetters, StartTest startTest) {
            this.pattern = pattern;
            this.text = text;
            this.firstLetters = where == Starts.WORD ? firstLetters : null;
            if (shape == null || where == Starts.ANYWHERE) {
                starts = null;
                count = 0;
                this.startTest = null;
                m = pattern.matcher(text);
            } else {
                this.startTest = startTest;
                switch (where) {
                    case DIGIT_RUN -> {
                        starts = shape.digitRuns;
                        count = shape.digitRunCount;
                    }
                    case PHONE -> {
                        starts = shape.phoneStarts;
                        count = shape.phoneStartCount;
                    }
                    case STREET -> {
                        starts = shape.streetStarts;
                        count = shape.streetStartCount;
                    }
                    default -> {
                        starts = shape.wordStarts;
                        count = shape.wordStartCount;
                    }
                }
            }
        }

        boolean find() {
            if (starts == null) {
                return m.find();
            }
            int n = text.length();
            while (next < count) {
                int at = starts[next++];
                if (at < from || firstLetters != null && firstLetters.indexOf(text.charAt(at)) < 0
                        || startTest != null && !startTest.mayStartAt(text, at)) {
                    continue;
                }
                if (m == null) {
                    m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                }
                m.region(at, n);
                if (m.lookingAt()) {
                    from = m.end();
                    return true;
                }
            }
            return false;
        }

        Matcher matcher() {
            return m;
        }

        int start() {
            return m.start();
        }

        int end() {
            return m.end();
        }

        int start(int group) {
            return m.start(group);
        }

        int end(int group) {
            return m.end(group);
        }

        String group() {
            return m.group();
        }
    }

    /**
     * The text with only the known identifiers of the study's subjects replaced, no patterns: for
     * values kept as they are (a DICOM manufacturer, a protocol label) that must still never carry a
     * patient's name or id, where phone or date patterns would damage codes and version numbers.
     */
    public String scrubKnownIdentifiers(String text) {
        if (text.isEmpty() || identifiers.isEmpty()) {
            return text;
        }
        if (text.length() > MAX_REMEMBERED_LENGTH) {
            return scrubKnownIdentifiersNow(text);
        }
        // A function of the text alone (the identifiers are frozen, no subject): the same manufacturer or
        // station name in every slice of a series is looked up once (decision 0065).
        String known = rememberedKnown.get(text);
        if (known != null) {
            return known;
        }
        String s = scrubKnownIdentifiersNow(text);
        rememberedKnown.put(text, s);
        return s;
    }

    private String scrubKnownIdentifiersNow(String text) {
        MarkupText.Folded markup = MarkupText.fold(text); // decision 0167
        List<Span> spans = markup != null ? unfold(markup, knownIdentifierSpans(markup.folded()))
                : knownIdentifierSpans(text);
        // An institution's name leaves the texts a profile cleans, not the values it keeps as they are: a
        // Manufacturer or a model named like a hospital that shares the vendor's name (decision 0188)
        spans.removeIf(s -> KnownIdentifiers.INSTITUTION.equals(s.replacement()));
        return replace(text, spans);
    }

    /** The spans of the known identifiers in a text, in its offsets. */
    private List<Span> knownIdentifierSpans(String text) {
        List<Span> spans = new ArrayList<>();
        TextFolding folding = TextFolding.of(text); // decision 0132
        findKnownIdentifiers(folding == null ? text : folding.folded(), spans);
        return folding == null ? spans : unfold(folding, spans);
    }

    /** Texts and their {@link #scrubKnownIdentifiers} form, bounded as {@link #remembered} is. */
    private final BoundedMemory<String, String> rememberedKnown = new BoundedMemory<>(MAX_REMEMBERED);

    /** Applies the replacements; where spans overlap, the earliest (then the longest) wins and covers the rest. */
    private static String replace(String text, List<Span> spans) {
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Span::start).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        StringBuilder out = new StringBuilder(text.length() + 16);
        int pos = 0;
        for (Span s : spans) {
            if (s.end() <= pos) {
                continue;
            }
            if (s.start() < pos) {
                pos = s.end();
                continue;
            }
            out.append(text, pos, s.start()).append(s.replacement());
            pos = s.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /**
     * Whether scrubbing this text depends on the subject: only dates are shifted per subject, so a
     * text without a date scrubs the same for everyone (and a caller may cache it by value).
     */
    public boolean mayShiftDates(String text) {
        return mayShiftDates(text, true);
    }

    /** {@link #mayShiftDates(String)} with or without the cheap tests (same result). */
    boolean mayShiftDates(String text, boolean prefilter) {
        text = MarkupText.read(text); // 12. M\'e4rz 2023 is a date as the scrub reads it (decision 0167)
        TextFolding folding = TextFolding.of(text);
        if (folding != null) {
            text = folding.folded(); // ١٤٤٥/٠٣/١٢ is a date as the scrub reads it (decision 0132)
        }
        if (org.deidworkbench.deid.classify.EastAsianDates.mayHold(text) && CjkNames.mayHold(text)
                && !org.deidworkbench.deid.classify.EastAsianDates.find(text).isEmpty()) {
            return true; // 2023年3月12日, 2023년 3월 12일 (decision 0127)
        }
        if (ThaiText.mayHold(text) && ThaiText.holdsDate(text)) {
            return true; // 12 มี.ค. 2566 (decision 0133)
        }
        if (CyrillicGreekNames.mayHold(text)
                && !org.deidworkbench.deid.classify.CyrillicGreekDates.find(text).isEmpty()) {
            return true; // 12 марта 2023 г., 12 Μαρτίου 2023 (decision 0131)
        }
        if ((VietnameseText.mayHold(text) || text.contains("thang") || text.contains("THANG"))
                && !VietnameseText.dates(text).isEmpty()) {
            return true; // ngày 26 tháng 01 năm 2024 (decision 0246), ngay 26 thang 01 nam 2024 (decision 0248)
        }
        Shape shape = prefilter ? new Shape(text) : null;
        if ((!prefilter || shape.mayHoldNumericDate())
                && new Finder(DateValues.textPattern(), text, shape, Starts.DIGIT_RUN, "").find()) {
            return true;
        }
        if (!prefilter || shape.mayHoldMonthNameDate()) {
            for (int i = 0; i < DateValues.monthNameTextPatterns().size(); i++) {
                Finder m = new Finder(DateValues.monthNameTextPatterns().get(i), text, shape, MONTH_NAME_DATE_STARTS[i],
                        MONTH_LETTERS);
                while (m.find()) {
                    if (DateValues.isMonthNameDate(m.matcher())) {
                        return true;
                    }
                }
            }
        }
        if ((!prefilter || OtherTextDates.mayHold(shape.longestDigitRun)) && !OtherTextDates.find(text).isEmpty()) {
            return true; // 12.03.23, 2023.03.12, 12-Mar-23 (decision 0153)
        }
        if ((!prefilter || MonthYears.mayHold(shape.longestDigitRun)) && !MonthYears.find(text).isEmpty()) {
            return true; // "October 1995", "03/2017" (decision 0152)
        }
        // Compact dates (yyyyMMdd) are what the [NUMBER] pattern finds that is a date, as scrub() decides.
        if (!obviouslyClean(text) && (!prefilter || NUMBER_DETECTOR.mayMatch().test(shape))) {
            Finder m = new Finder(NUMBER_DETECTOR.pattern(), text, shape, NUMBER_DETECTOR.starts(), "",
                    NUMBER_DETECTOR.startTest());
            while (m.find()) {
                if (!CheckDigits.afterCodeSystem(text, m.start()) && isCompactDate(text, m.start(), m.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Detector NUMBER_DETECTOR = DETECTORS.stream().filter(d -> d.label().equals("[NUMBER]"))
            .findFirst().orElseThrow();

    /**
     * A lone number (a lab value, a count) cannot hold a pattern; it can only be a known numeric
     * identifier, which needs at least four digits.
     */
    private boolean obviouslyClean(String text) {
        if (text.length() > 16 || !PLAIN_NUMBER.matcher(text).matches()) {
            return false;
        }
        if (identifiers.isEmpty()) {
            return true;
        }
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                digits++;
            }
        }
        return digits < 4;
    }

    private static boolean digitsOnly(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }


    private static final NameDictionary NAMES = NameDictionary.get();
    /** Indian titles the name list holds as names ("Shri"), which stand before a name and are none (decision 0125). */
    private static final java.util.Set<String> INDIAN_TITLES = java.util.Set.of("Shri", "Smt", "Shrimati");
    private static final java.util.Set<String> TITLE_WORDS = java.util.Set.of("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof",
            "Herr", "Frau", "Fr", "Hr", "Pat", "Pt", "Patient", "Patientin", "Sr", "Sra", "Mme", "Mlle", "Schwester",
            "Pfleger");

    /**
     * Person names no table announced ("husband Frederick", "Tochter Hildegard"): a capitalised word
     * of the name dictionary that is not also an ordinary word is a name; one that is a word too
     * ("Hope", "Koch") only after a title or next to another name. Words in capitals (BP, LOINC) and
     * words of two letters are left alone.
     */
    /**
     * Where the name detector alone finds names in a text, as [start, end) pairs: what
     * {@link #scrub} replaces by {@code [NAME]} before known identifiers and patterns are added. For
     * measuring the detector (classification.md); stateless.
     */
    public static List<int[]> dictionaryNameSpans(String text) {
        List<Span> spans = new ArrayList<>();
        findDictionaryNames(text, spans);
        List<int[]> out = new ArrayList<>();
        for (Span s : spans) {
            out.add(new int[] {s.start(), s.end()});
        }
        return out;
    }

    private static void findDictionaryNames(String text, List<Span> spans) {
        List<int[]> bounds = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.codePointAt(i)) || Character.getType(text.codePointAt(i))
                    == Character.NON_SPACING_MARK)) {
                i += Character.charCount(text.codePointAt(i));
            }
            bounds.add(new int[] {start, i});
        }
        int count = bounds.size();
        // In Title Case text ("Extended Release Oral Tablet") a capital says nothing: names need context there.
        int longWords = 0;
        int capitalised = 0;
        for (int[] b : bounds) {
            // an abbreviation in capitals (DOB, MRN, WES) says nothing of the text's case (decision 0219)
            if (b[1] - b[0] >= 3 && !isAllUpperCase(text, b[0], b[1])) {
                longWords++;
                if (Character.isUpperCase(text.codePointAt(b[0]))) {
                    capitalised++;
                }
            }
        }
        boolean titleCase = longWords >= 3 && capitalised * 10 >= longWords * 7 && !sentenceEnds(text, bounds);
        int[] kind = new int[count]; // 0 no, 1 name that is also a word, 2 name
        for (int t = 0; t < count; t++) {
            int[] b = bounds.get(t);
            // The cheap tests first, on the text itself: most words are not capitalised and need no copy.
            if (b[1] - b[0] < 3 || !Character.isUpperCase(text.codePointAt(b[0])) || isAllUpperCase(text, b[0], b[1])
                    || INDIAN_TITLES.contains(text.substring(b[0], b[1]))) {
                continue;
            }
            String token = NameDictionary.normalize(text.substring(b[0], b[1]));
            if (!NAMES.isName(token) || ENGLISH_MONTHS.contains(token) && dayAfter(text, b[1])
                    || FUNCTION_WORDS.contains(token) || eponymAt(text, token, b[1])) {
                continue; // "seen September 30, 1995": the lists know September, April and June as given names
            }
            boolean alone = NAMES.isUnambiguousName(token) && !NAMES.isCommonWord(token);
            // A capital at the start of a sentence says nothing either, unless the word goes on as a sentence's
            // subject does ("Henrietta drove me home", "Henrietta's husband", decision 0241),
            // nor at the start of a name written into an identifier with underscores (Kowalczyk_M_1987, decision 0219)
            kind[t] = alone && !titleCase && (!sentenceStart(text, b[0]) || underscored(text, b)
                    || goesOnAsSubject(text, b[0], b[1])) ? 2 : 1;
        }
        for (int t = 0; t < count; t++) {
            if (kind[t] == 0) {
                continue;
            }
            boolean context = kind[t] == 2
                    || t > 0 && adjacent(text, bounds.get(t - 1), bounds.get(t)) && (kind[t - 1] == 2
                        && !sentenceBetween(text, bounds.get(t - 1), bounds.get(t))
                        || TITLE_WORDS.contains(text.substring(bounds.get(t - 1)[0], bounds.get(t - 1)[1])))
                    || t > 0 && kind[t - 1] == 2 && joinedByUnderscore(text, bounds.get(t - 1), bounds.get(t))
                    || t + 1 < count && kind[t + 1] == 2 && joinedByUnderscore(text, bounds.get(t), bounds.get(t + 1))
                    || t + 1 < count && kind[t + 1] == 2 && adjacent(text, bounds.get(t), bounds.get(t + 1))
                        && !sentenceBetween(text, bounds.get(t), bounds.get(t + 1))
                        && !NAME_CUES.contains(text.substring(bounds.get(t)[0], bounds.get(t)[1]).toLowerCase(Locale.ROOT));
            // "Sent by John Quenby", "Seen by John Quenby today", "Sent by Augustin Dimmock" (decision 0205)
            boolean withSurname = personAfterPreposition(text, bounds, t);
            if (context || withSurname) {
                spans.add(new Span(bounds.get(t)[0], bounds.get(t)[1], "[NAME]"));
            }
            if (withSurname) {
                spans.add(new Span(bounds.get(t + 1)[0], bounds.get(t + 1)[1], "[NAME]"));
            }
        }
    }

    /** Words after which a given name and a surname are a person, whatever the case of the text (decision 0205). */
    private static final java.util.Set<String> PERSON_PREPOSITIONS = java.util.Set.of("by", "from", "with", "per");

    /**
     * Whether word {@code t}, a listed name, is a given name right after "by", "from", "with" or "per" in lower case and
     * right before a capitalised word that is neither an ordinary word nor a desk's or a service's ({@link
     * #HEADER_SENDERS}): a given name and its surname, even where the text's capitals say nothing (a short note of
     * capitalised words, {@code titleCase}) and the given name is an ordinary word too ("John", "Mark"). "Seen by
     * Physical Therapy", "with Grace Period" and "from Mark Twain" read as before, the last two taken as names.
     */
    private static boolean personAfterPreposition(String text, List<int[]> bounds, int t) {
        if (t == 0 || t + 1 >= bounds.size()) {
            return false;
        }
        int[] before = bounds.get(t - 1);
        int[] given = bounds.get(t);
        int[] surname = bounds.get(t + 1);
        if (!PERSON_PREPOSITIONS.contains(text.substring(before[0], before[1])) || !text.startsWith(" ", before[1])
                || before[1] + 1 != given[0] || !text.startsWith(" ", given[1]) || given[1] + 1 != surname[0]
                || surname[1] - surname[0] < 3 || !Character.isUpperCase(text.codePointAt(surname[0]))
                || isAllUpperCase(text, surname[0], surname[1])) {
            return false;
        }
        String givenToken = NameDictionary.normalize(text.substring(given[0], given[1]));
        String surnameToken = NameDictionary.normalize(text.substring(surname[0], surname[1]));
        return NAMES.isName(givenToken) && !NAMES.isCommonWord(surnameToken)
                && !HEADER_SENDERS.contains(text.substring(surname[0], surname[1]).toLowerCase(Locale.ROOT))
                && !HEADER_SENDERS.contains(text.substring(given[0], given[1]).toLowerCase(Locale.ROOT));
    }

    /**
     * English month names the name lists also know as given names ({@code April}, {@code June}, {@code September}): before
     * a day they are the date's, and a name found there widened to the word before it ("Seen September 30,
     * 1995" came out "[NAME] October 10, 1995"; decision 0151). {@link #dropNamesInside} removes a name found inside a
     * date span afterwards; this test is still needed before it, as a month taken for a name lends its neighbour the
     * context of one: without it "Mark September 30 on the calendar" came out "[NAME] [DATE] on the calendar".
     */
    private static final java.util.Set<String> ENGLISH_MONTHS = java.util.Set.of("JANUARY", "FEBRUARY", "MARCH", "APRIL",
            "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER");

    /**
     * Whether a day (one or two digits, no more) follows {@code end} after at most two spaces or a full stop and a space.
     * A month and a year alone ("September 1995") are left as they were.
     */
    private static boolean dayAfter(String text, int end) {
        int i = end;
        int n = text.length();
        if (i < n && text.charAt(i) == '.') {
            i++;
        }
        for (int spaces = 0; i < n && text.charAt(i) == ' ' && spaces < 2; spaces++) {
            i++;
        }
        int digits = 0;
        while (i + digits < n && text.charAt(i + digits) >= '0' && text.charAt(i + digits) <= '9') {
            digits++;
        }
        return i > end && (digits == 1 || digits == 2);
    }

    /**
     * English words the name lists know as surnames ("With", "The", "From") that are never taken for a name beside
     * one: "Spoke With Marcus Feldman" in a note in Title Case. Upper case, as normalised.
     */
    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("WITH", "THE", "FROM", "AND", "FOR",
            "INTO", "UPON", "THAN", "THEN", "THIS", "THAT");

    /**
     * Whether a full stop between two adjacent words ends a sentence: it does unless the first is a form of address or
     * an initial ("Dr. Koch", "J. Koch"). "Daughter Linda Alvarez. Will Visit Tomorrow." lends no name to "Will".
     */
    private static boolean sentenceBetween(String text, int[] a, int[] b) {
        return a[1] < b[0] && text.charAt(a[1]) == '.' && a[1] - a[0] > 1
                && !TITLE_WORDS.contains(text.substring(a[0], a[1]));
    }

    /**
     * Whether a sentence ends in the text: a word of two letters or more, not a form of address ("Dr."), followed by
     * {@code .}, {@code !} or {@code ?} and a space or the text's end, or a number followed by a full stop so. A text
     * of sentences is prose however many of its words are capitalised: "Discussed with Grace Liu and Hope Adams.
     * Daughter present." is no Title Case label ("Extended Release Oral Tablet"), and its names were kept as if it were.
     */
    private static boolean sentenceEnds(String text, List<int[]> bounds) {
        for (int i = text.indexOf('.'); i > 0; i = text.indexOf('.', i + 1)) {
            char before = text.charAt(i - 1);
            if (before >= '0' && before <= '9' && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                return true; // "seen on June 3."
            }
        }
        for (int[] b : bounds) {
            int e = b[1];
            if (e < text.length() && ".!?".indexOf(text.charAt(e)) >= 0 && b[1] - b[0] >= 2
                    && (e + 1 == text.length() || Character.isWhitespace(text.charAt(e + 1)))
                    && !TITLE_WORDS.contains(text.substring(b[0], b[1]))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word from {@code start} to {@code end}, a sentence's first, goes on as its subject (decision 0241): a
     * possessive ({@code 's}, {@code ’s}), or one space and a word in lower case that is an ordinary English or German
     * word, or one with {@code -s}, {@code -es}, {@code -ed} or {@code -ing} ("Henrietta drove", "Marisol reports",
     * "Florence is"). Not a number ("Allegra 180 mg"), a capitalised word, a colon, the text's end (a value of one word),
     * a word of another language ("Elle fête", "Mora na", "Travaille chez": French and Portuguese words the name lists
     * hold), a holiday ("Easter plans"), nor a word after an abbreviation's full stop ("St. Vincent in", "Dr. Mary is").
     */
    private static boolean goesOnAsSubject(String text, int start, int end) {
        String token = NameDictionary.normalize(text.substring(start, end));
        if (HOLIDAY_NAMES.contains(token) || PRONOUNS_ABROAD.contains(token) || afterAbbreviation(text, start)) {
            return false;
        }
        int n = text.length();
        if (end + 1 < n && (text.charAt(end) == '\'' || text.charAt(end) == '\u2019') && text.charAt(end + 1) == 's'
                && (end + 2 == n || !Character.isLetterOrDigit(text.charAt(end + 2)))) {
            return true;
        }
        if (end + 2 >= n || text.charAt(end) != ' ' || !Character.isLowerCase(text.charAt(end + 1))) {
            return false;
        }
        int e = end + 1;
        while (e < n && Character.isLetter(text.charAt(e))) {
            e++;
        }
        if (e - end - 1 < 2) {
            return false;
        }
        String word = text.substring(end + 1, e).toUpperCase(Locale.ROOT);
        if (VERBS_ABROAD.contains(word)) {
            return false; // "Ella es", "Ella est": the common words hold German's "es"
        }
        if (NAMES.isCommonWord(word)) {
            return true;
        }
        for (String suffix : INFLECTIONS) {
            if (word.length() > suffix.length() + 2 && word.endsWith(suffix)
                    && NAMES.isCommonWord(word.substring(0, word.length() - suffix.length()))) {
                return true;
            }
        }
        return false;
    }

    private static final String[] INFLECTIONS = {"S", "ES", "ED", "D", "ING"};

    /**
     * Pronouns and articles of French, German, Spanish, Portuguese and Italian that the name lists hold as given names
     * ("Elle est venue", "Sie ist", "Les patients", "Ela foi"): at a sentence's start they are the language's own words.
     */
    private static final java.util.Set<String> PRONOUNS_ABROAD = java.util.Set.of("ELLE", "ELLES", "SIE", "LES", "LOS",
            "LO", "UNA", "SUS", "VOS", "ESTA", "ELE", "ELA", "LEUR", "NEL", "NELLA", "ALLA");

    /** Verbs of those languages after a pronoun that is also an English name ("Ella es", "Mia era"). */
    private static final java.util.Set<String> VERBS_ABROAD = java.util.Set.of("ES", "EST", "IST", "ERA", "FUE", "HA",
            "HAT", "WAR", "WIRD", "SIND", "SONT", "ETAIT", "FOI", "STA");

    /** Holidays the name lists know as given names, which start sentences as themselves ("Easter plans unchanged"). */
    private static final java.util.Set<String> HOLIDAY_NAMES = java.util.Set.of("EASTER", "CHRISTMAS", "NOEL",
            "HANUKKAH", "PASSOVER", "RAMADAN", "DIWALI", "KWANZAA", "THANKSGIVING", "PENTECOST");

    /**
     * Whether a full stop just before {@code start} ends an abbreviation: a capital and at most three letters in lower
     * case ("St.", "Dr.", "Mrs.", "Prof.") or an initial.
     */
    private static boolean afterAbbreviation(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != '.') {
            return false;
        }
        int e = i;
        int b = e;
        while (b > 0 && Character.isLetter(text.charAt(b - 1))) {
            b--;
        }
        if (e - b < 1 || e - b > 4 || !Character.isUpperCase(text.charAt(b))) {
            return false;
        }
        for (int k = b + 1; k < e; k++) {
            if (!Character.isLowerCase(text.charAt(k))) {
                return false; // "PCP." ends a sentence
            }
        }
        return true;
    }

    private static boolean sentenceStart(String text, int start) {
        int i = start - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        if (i >= 0 && text.charAt(i) == '(' && closedAfterWord(text, start)) {
            return false; // "husband (Robert)", "PT (Sarah)": a word alone in brackets is no sentence's first
        }
        return i < 0 || ".!?;:\"'([-".indexOf(text.charAt(i)) >= 0;
    }

    /** Whether the letters from {@code start} run to a closing bracket. */
    private static boolean closedAfterWord(String text, int start) {
        int i = start;
        while (i < text.length() && Character.isLetter(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == ')';
    }

    /**
     * Whether two words are separated only by spaces, a full stop or a comma ("Dr. Koch", "Koch, Anna"): at most
     * three characters of {@code [.,]?\s+} ({@code \s} as java.util.regex has it: space, tab, line feed,
     * vertical tab, form feed, carriage return).
     */
    static boolean adjacent(String text, int[] a, int[] b) {
        int from = a[1];
        int to = b[0];
        if (to - from > 3) {
            return false;
        }
        if (from < to && (text.charAt(from) == '.' || text.charAt(from) == ',')) {
            from++;
        }
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether two words are joined by one underscore ({@code Danuta_Kowalczyk_mother}): a sample's, a run's or a file's
     * name written as an identifier, whose words are a name's as much as with a space between (decision 0219).
     */
    static boolean joinedByUnderscore(String text, int[] a, int[] b) {
        return b[0] == a[1] + 1 && text.charAt(a[1]) == '_';
    }

    /** Whether the word {@code b} touches an underscore on either side: a word of a name written as an identifier. */
    private static boolean underscored(String text, int[] b) {
        return b[0] > 0 && text.charAt(b[0] - 1) == '_' || b[1] < text.length() && text.charAt(b[1]) == '_';
    }

    private static boolean isAllUpperCase(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A known name with the genitive "s" glued to it, as Scandinavian, Dutch and German write it ("Sæthers dotter",
     * "Müllers Befund"): a capitalised word of letters that is a known identifier once its final "s" is taken off.
     */
    private String genitiveReplacement(String text, int[] bound, String token) {
        int n = token.length();
        if (n < 5 || token.charAt(n - 1) != 'S' || !Character.isLetter(token.charAt(n - 2))
                || !Character.isUpperCase(text.codePointAt(bound[0])) || !Character.isLowerCase(text.charAt(bound[1] - 1))) {
            return null;
        }
        String stem = token.substring(0, n - 1);
        if (identifiers.longestStartingWith(stem) == 0) {
            return null;
        }
        String replacement = identifiers.replacement(stem);
        return replacement != null ? replacement : identifiers.capitalOnlyReplacement(stem);
    }

    /**
     * The replacement of a known Russian, Greek (decision 0131) or Polish (decision 0136) name of which the token is a
     * declined form, or null.
     */
    private String declinedReplacement(String token) {
        Predicate<String> known = k -> identifiers.longestStartingWith(k) > 0
                && (identifiers.replacement(k) != null || identifiers.capitalOnlyReplacement(k) != null);
        String base = token.charAt(0) <= '\u024F' ? PolishNames.knownBase(token, known)
                : CyrillicGreekNames.knownBase(token, known);
        if (base == null) {
            return null;
        }
        String replacement = identifiers.replacement(base);
        return replacement != null ? replacement : identifiers.capitalOnlyReplacement(base);
    }

    /**
     * Words after which a capitalised word is a person's name, in the languages of the exports: relatives
     * ("Tochter Ottilie", "dotter Ingvild", "Épouse : Mme Solène") and the clinical titles that are not Dr or
     * Prof ("Nurse Pollyanna", "Leg. läk. Torbjörn", "Overlæge Margrethe", "Pr Bérénice"). Lower case.
     */
    private static final java.util.Set<String> NAME_CUES = java.util.Set.of(
            "daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "spouse", "partner",
            "grandson", "granddaughter", "grandmother", "grandfather", "niece", "nephew", "aunt", "uncle", "cousin",
            "fiancé", "fiancée", "tochter", "sohn", "ehefrau", "ehemann", "mutter", "vater", "bruder", "schwester",
            "enkel", "enkelin", "nichte", "neffe", "tante", "onkel", "lebensgefährte", "lebensgefährtin",
            "dotter", "hustru", "maka", "sambo", "bror", "syster", "datter", "sønn", "søn", "søster", "kone",
            "fille", "fils", "épouse", "époux", "mari", "mère", "père", "frère", "sœur", "soeur", "compagne",
            "compagnon", "dochter", "zoon", "echtgenote", "echtgenoot", "moeder", "vader", "broer", "zus",
            "nurse", "midwife", "pfleger", "pflegerin", "hebamme", "oberarzt", "oberärztin", "chefarzt",
            "chefärztin", "stationsarzt", "assistenzarzt", "assistenzärztin", "doktor", "dokter", "läk", "läkare",
            "överläkare", "overlæge", "overlege", "sjuksköterska", "ssk", "sykepleier", "sygeplejerske",
            "barnmorska", "jordemor", "docteur", "professeur", "pr", "infirmier", "infirmière",
            "verpleegkundige", "huisarts",
            // Spanish, Italian, Portuguese
            "hija", "hijo", "esposa", "esposo", "marido", "madre", "padre", "hermana", "hermano", "nieta", "nieto",
            "abuela", "abuelo", "enfermera", "enfermero", "figlia", "figlio", "moglie", "marito", "sorella",
            "fratello", "nonna", "nonno", "infermiera", "infermiere", "filha", "filho", "mãe", "pai", "irmã",
            "irmão", "neta", "neto", "avó", "avô", "enfermeira", "enfermeiro",
            // Polish (decision 0119): relatives, a neighbour, a carer, and "lek." (lekarz, a physician)
            "córka", "syn", "mąż", "żona", "matka", "ojciec", "brat", "siostra", "wnuczka", "wnuk", "synowa", "zięć",
            "sąsiad", "sąsiadka", "opiekun", "opiekunka", "pielęgniarka", "lek",
            // the people a US discharge summary names beside the family (decision 0110): a health care proxy, a
            // neighbour or friend who found the patient, the interpreter
            "hcp", "proxy", "guardian", "caregiver", "neighbor", "neighbour", "friend", "roommate", "boyfriend",
            "girlfriend", "stepdaughter", "stepson", "interpreter", "translator", "pcp",
            // a power of attorney and the next of kin ("POA: Lysander Quenby", "next of kin: Cordelia Vantrease",
            // "NOK Augustin"; decision 0206)
            "poa", "kin", "nok",
            // a nurse's or a practitioner's credential before the name ("NP Ofori-Atta", "RN Quillfeather"; decision 0184)
            "np", "rn", "aprn", "lpn", "cna", "crna",
            // a child's family as a pediatric note or a parent's survey answer names it ("at Grandma Ottoline's house",
            // "Grandpa Osric picks him up"; decision 0176)
            "grandma", "grandpa", "granny", "grandmom", "grandad", "granddad", "stepmother", "stepfather", "stepmom",
            "stepdad", "godmother", "godfather", "sibling", "twin",
            // Māori kin words in a New Zealand note ("mokopuna Anahera", "tamāhine Mereana"), the French-Canadian
            // spouse ("Son conjoint Réjean") and the other French kin words (decision 0123)
            "mokopuna", "moko", "tamāhine", "tamahine", "tamaiti", "tama", "wahine", "tāne", "tane", "whaea",
            "matua", "pāpā", "māmā", "tuakana", "teina", "tuahine", "tungāne", "kuia", "koro", "irāmutu",
            "conjoint", "conjointe", "gendre", "bru", "neveu", "nièce", "oncle", "cousine",
            "voisin", "voisine", "copain", "copine",
            // the patient in a short note ("Pt Lindqvist-Abara reachable at ...", an i2b2 tval_char; decision 0120)
            "pt",
            // Portuguese "Enf." (a nurse); Turkish relatives with their possessive ("eşi Nurten", "kızı Gülşen") and a
            // nurse ("Hemşire Songül") (decision 0125)
            "enf", "eşi", "kızı", "oğlu", "annesi", "babası", "kardeşi", "yeğeni", "torunu", "ablası", "ağabeyi",
            "abisi", "gelini", "damadı", "hemşire", "hemşiresi",
            // Malay and Indonesian kin: the husband (suami), the wife (isteri, istri), a child (anak), the father (bapa,
            // ayah), the mother (emak), siblings (adik, abang, kakak), grandparents (nenek, kakek), a grandchild (cucu),
            // a child-in-law (menantu), the next of kin (waris), a guardian (penjaga); Filipino kin: the spouse (asawa),
            // the mother (nanay), the father (tatay), a sibling (kapatid), grandparents (lola, lolo) (decision 0244)
            "suami", "isteri", "istri", "anak", "bapa", "ayah", "emak", "adik", "abang", "kakak", "nenek", "kakek",
            "cucu", "menantu", "waris", "penjaga", "asawa", "nanay", "tatay", "kapatid", "lola", "lolo",
            // Swahili kin: the mother (mama), the father (baba), the wife (mke), the husband (mume), a sister (dada), a
            // brother (kaka), a child (mtoto), a grandmother (bibi), a grandfather (babu), an aunt (shangazi), an uncle
            // (mjomba) (decision 0245)
            "mama", "baba", "mke", "mume", "dada", "kaka", "mtoto", "bibi", "babu", "shangazi", "mjomba");
    /** The cues written as abbreviations with a full stop ("lek. Kuźniar", "Enf. Rosário", "Pt. Thibodeaux"). */
    private static final java.util.Set<String> ABBREVIATED_CUES = java.util.Set.of("lek", "enf", "pt", "ssk", "pr",
            "läk", "hcp");

    /**
     * Surnames that name a score, a sign, a manoeuvre or an instrument before the word or the number that says so
     * ("Gleason 3+4", "Mallampati class II", "Murphy's sign"; decision 0184): found by the name list
     * alone, they stay. A cue ("Dr. Foley") or the patient's own name still takes them. Upper case.
     */
    private static final java.util.Set<String> EPONYMS = java.util.Set.of("GLEASON", "APGAR", "KARNOFSKY", "BRESLOW",
            "CLARK", "BISHOP", "MALLAMPATI", "WELLS", "PUGH", "RANSON", "KILLIP", "BRADEN", "MORSE", "NORTON", "HUNT",
            "HESS", "FISHER", "SPETZLER", "SALTER", "HARRIS", "GARDEN", "WEBER", "LACHMAN", "MCMURRAY", "BABINSKI",
            "ROMBERG", "MURPHY", "MCBURNEY", "HOMANS", "KERNIG", "BRUDZINSKI", "TRENDELENBURG", "VALSALVA", "FOLEY",
            "WHIPPLE", "NISSEN", "ROUX", "HARTMANN", "BANKART", "COLLES", "GALEAZZI", "MONTEGGIA", "JONES", "BENNETT",
            "ROLANDO", "LISFRANC", "MAISONNEUVE", "MORTON", "BAKER", "TINEL", "PHALEN", "FINKELSTEIN", "SPURLING",
            "HOFFMANN", "KUSSMAUL", "CHEYNE", "STOKES", "BECK", "OSLER", "JANEWAY", "ROTH", "CHARLSON", "TANNER",
            "SNELLEN", "FOWLER", "SIMS", "MOBITZ", "WENCKEBACH", "BRUGADA", "BARRETT", "MALLORY", "ZENKER", "MECKEL",
            "GRAVES", "CUSHING", "ADDISON", "CROHN", "HODGKIN", "PAGET", "RAYNAUD", "WILSON", "GILBERT", "PARKINSON",
            "ALZHEIMER", "HUNTINGTON", "TURNER", "MARFAN", "BELL", "HORNER", "BROCA", "WERNICKE", "KORSAKOFF", "EPWORTH",
            "BORG", "BECKER", "DUCHENNE", "EWING", "WILMS", "KAPOSI", "BURKITT", "LYNCH", "COBB", "GARTLAND", "WEIL",
            // Russell's viper, South Asia's snake bite (decision 0247)
            "RUSSELL");

    /**
     * The words after an eponym that make it one ("Gleason score", "Foley catheter", "Lyme disease", "Ottawa rules"):
     * a surname of the name lists before one stays ({@link #eponymAt}), and so does a town of the gazetteer
     * ({@link PlaceNames}). Lower case.
     */
    static final java.util.Set<String> EPONYM_WORDS = java.util.Set.of("score", "scores", "scale", "grade", "grading",
            "level", "stage", "staging", "class", "classification", "criteria", "sign", "signs", "test", "maneuver",
            "manoeuvre", "position", "catheter", "tube", "procedure", "operation", "repair", "fracture", "syndrome",
            "disease", "palsy", "reflex", "pattern", "sum", "type", "index", "equation", "formula", "lesion", "lesions",
            "esophagus", "oesophagus", "diverticulum", "tear", "node", "nodes", "neuroma", "cyst", "respirations",
            "breathing", "spots", "angle", "chart", "questionnaire", "dystrophy", "sarcoma", "lymphoma", "block",
            "thyroiditis", "fundoplication", "anastomosis", "pouch", "ulcer", "ulcers", "rule", "rules", "brace",
            "chromosome", "virus", "fever", "technique", "shunt", "protocol", "assessment", "triage", "splint",
            "phenomenon", "tumor", "tumour", "cell", "cells", "coma", "needle", "system", "method", "study", "trial",
            "cohort", "strain", "variant", "agar", "viper");

    /**
     * Whether {@code text[start, end)}, found by {@link #STREET_NAMED_ALONE}, names a street: its first word after a
     * direction is no common word ("Social Security", "Long Term Disability" stay) and no language or benefit's name.
     */
    private static boolean streetNamedAlone(String text, int start, int end) {
        String[] words = text.substring(start, end).split("[\\s.]+");
        String first = words[words.length > 1 && DIRECTIONS.contains(words[0]) ? 1 : 0];
        return !NAMES.isCommonWord(NameDictionary.normalize(first)) && !NOT_CUED_NAMES.contains(first)
                && !NOT_STREETS.contains(first);
    }

    private static final java.util.Set<String> DIRECTIONS = java.util.Set.of("N", "S", "E", "W", "NE", "NW", "SE", "SW",
            "North", "South", "East", "West");

    /** Capitalised words after "lives on" that are what someone lives on, not where ("lives on Medicaid"; decision 0212). */
    private static final java.util.Set<String> NOT_STREETS = java.util.Set.of("Medicaid", "Medicare", "Disability",
            "Welfare", "Pension", "Benefits", "Oxygen", "Dialysis", "Insulin", "Coumadin", "Warfarin", "Campus", "Base",
            "Site", "Unit", "Ward", "Floor", "Tuesdays", "Mondays", "Wednesdays", "Thursdays", "Fridays", "Weekends");

    /**
     * Capitalised words right after a relative's or a carer's cue that name no person (decision 0212): languages after
     * "interpreter" or "translator" ("interpreter Igbo"), a clinic's desks after "nurse" ("Nurse Triage"). Not asked
     * after a form of address or an honorific ("Dr. Lao" is a name). Case as written.
     */
    static final java.util.Set<String> NOT_CUED_NAMES = java.util.Set.of("Igbo", "Yoruba", "Hausa", "Somali", "Amharic",
            "Tigrinya", "Oromo", "Swahili", "Kinyarwanda", "Kirundi", "Wolof", "Twi", "Hmong", "Khmer", "Lao", "Burmese",
            "Tagalog", "Ilocano", "Cebuano", "Chuukese", "Marshallese", "Samoan", "Tongan", "Pashto", "Dari", "Farsi",
            "Urdu", "Punjabi", "Gujarati", "Bengali", "Nepali", "Tamil", "Telugu", "Hindi", "Cantonese", "Mandarin",
            "Vietnamese", "Korean", "Japanese", "Arabic", "Russian", "Ukrainian", "Polish", "Portuguese", "Spanish",
            "French", "Creole", "Kreyol", "Haitian", "Mixteco", "Mixtec", "Zapotec", "Triqui", "Mam", "Kiche", "Navajo",
            "Albanian", "Bosnian", "Serbian", "Croatian", "Romanian", "Turkish", "Kurdish", "Armenian", "Hebrew",
            "Yiddish", "ASL", "Sign", "Triage", "Navigator", "Educator", "Line", "Station", "Desk", "Pool", "Float");

    /** Whether the dictionary name {@code token} ending at {@code end} is an eponym before its number or word. */
    private static boolean eponymAt(String text, String token, int end) {
        if (!EPONYMS.contains(token)) {
            return false;
        }
        int i = end;
        if (i + 1 < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && text.charAt(i + 1) == 's') {
            i += 2; // "Murphy's sign"
        }
        int spaces = i;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '-')) {
            i++;
        }
        if (i == spaces || i >= text.length()) {
            return false;
        }
        int w = i;
        while (w < text.length() && Character.isLetter(text.charAt(w))) {
            w++;
        }
        if (SCORE_EPONYMS.contains(token) && (Character.isDigit(text.charAt(i))
                || w > i && w - i <= 3 && text.substring(i, w).chars().allMatch(c -> c == 'I' || c == 'V'))) {
            return true; // "Gleason 3+4", "Apgar 8/9", "Braden 14", "Clark IV"
        }
        String next = text.substring(i, w).toLowerCase(Locale.ROOT);
        return EPONYM_WORDS.contains(next) || SIGN_EPONYMS.contains(token) && SIGN_RESULTS.contains(next);
    }

    /**
     * The eponyms of a bedside sign or test, which an examination writes with its result and no "sign" ("Romberg
     * negative", "Tinel positive"; decision 0194). Upper case.
     */
    private static final java.util.Set<String> SIGN_EPONYMS = java.util.Set.of("ROMBERG", "BABINSKI", "MURPHY",
            "HOMANS", "KERNIG", "BRUDZINSKI", "TINEL", "PHALEN", "FINKELSTEIN", "SPURLING", "HOFFMANN", "LACHMAN",
            "MCMURRAY", "TRENDELENBURG", "VALSALVA");

    /** The results written after a {@link #SIGN_EPONYMS sign's eponym}. Lower case. */
    private static final java.util.Set<String> SIGN_RESULTS = java.util.Set.of("negative", "positive", "neg", "pos",
            "equivocal");

    /**
     * The eponyms of scores and grades, which a number or a Roman numeral may follow without its word ("Gleason 3+4",
     * "Clark IV"); a common surname before a number ("Jones 2 days ago") stays a name. Upper case.
     */
    private static final java.util.Set<String> SCORE_EPONYMS = java.util.Set.of("GLEASON", "APGAR", "KARNOFSKY",
            "BRESLOW", "CLARK", "MALLAMPATI", "KILLIP", "RANSON", "SPETZLER", "SNELLEN", "EPWORTH", "BORG", "CHARLSON",
            "BRADEN", "NORTON", "MORSE", "WELLS", "TANNER", "BISHOP", "HESS", "FISHER", "SALTER", "HARRIS", "COBB",
            "MOBITZ", "WEBER", "GARTLAND", "PUGH");

    /** Forms of address that may stand between a cue and the name ("Épouse : Mme Solène"). Lower case. */
    private static final java.util.Set<String> HONORIFICS = java.util.Set.of("mr", "mrs", "ms", "miss", "mme",
            "mlle", "m", "frau", "herr", "fr", "hr", "fru", "dr", "prof", "pr", "mevrouw", "mevr", "meneer", "dhr",
            "sr", "sra", "srta", "dra", "don", "doña", "sig", "dott", "dottssa",
            // Spanish "Dña." and "Dª" (doña), Italian "Dott.ssa" (dottoressa) written with its dot (decision 0119)
            "dña", "dª",
            // the Quebec feminine of "Dr" ("la Dre Geneviève"; decision 0123)
            "dre",
            // Polish "Pani" and "Pan" (Mrs, Mr)
            "pani", "pan",
            // Portuguese "D." (Dona, Dom) and "Dona", Indian "Shri" and "Smt." (decision 0125)
            "d", "dona", "shri", "smt",
            // Malay and Indonesian "Puan", "Encik", "Cik", "Tuan", "Nyonya", "Bapak", "Ibu", the honours "Datuk", "Dato",
            // "Datin" and the pilgrim's "Haji", "Hajah"; Singapore's "Mdm" (not "Madam": "Madam Chair") (decision
            // 0244). Their abbreviations ("Pn.", "En.", "Tn.", "Ny.") count with their full stop only: DOTTED_FORMS
            "puan", "encik", "cik", "tuan", "nyonya", "bapak", "ibu", "datuk", "dato", "datin", "haji", "hajah",
            "mdm",
            // Malaysia's highest title, "Tun Dr. Siti Hasmah" (decision 0251)
            "tun");

    /**
     * The words of a Malaysian title after its first ("Tan Sri", "Puan Sri", "Datuk Seri", "Dato' Sri", "Datin Paduka",
     * "Toh Puan", then "Dato'", "Dr.", "Haji"): part of the title, no name (decision 0251: "Sri" and "Seri" were taken for
     * names, "Tan Sri Lim Kok Wing" kept "Wing", "Datin Paduka Marina Wong" the whole name).
     */
    private static final java.util.Set<String> MALAY_TITLE_WORDS = java.util.Set.of("Sri", "Seri", "Paduka", "Puan",
            "Dato", "Datuk", "Datin", "Dr", "Haji", "Hajah", "Wira", "Utama");
    /** The first words of the Malaysian titles that are no form of address alone: "Tan" (Sri) and "Toh" (Puan). */
    private static final java.util.Map<String, String> MALAY_TITLE_FIRSTS = java.util.Map.of("Tan", "Sri", "Toh",
            "Puan");
    /** The forms of address a Malaysian title's further words may follow ("Datuk Seri", "Puan Sri", "Datin Paduka"). */
    private static final java.util.Set<String> MALAY_TITLE_STARTS = java.util.Set.of("Puan", "Datuk", "Dato", "Datin",
            "Tun", "Tuan", "Haji", "Hajah");
    /** A Malaysian title of two words or more, as written: kept out of every name found (decision 0251). */
    private static final Pattern MALAY_TITLE = Pattern.compile("(?<![\\p{L}'])(?:Tan\\h+Sri|Toh\\h+Puan|Puan\\h+Sri"
            + "|Datuk\\h+Seri|Datuk\\h+Sri|Dato'?\\h+Seri|Dato'?\\h+Sri|Datin\\h+Paduka|Datin\\h+Seri|Tun)"
            + "(?:\\h+(?:Dato'?|Datuk|Datin|Dr\\.?|Haji|Hajah|Seri|Sri|Paduka|Wira|Utama)(?![\\p{L}]))*");

    /**
     * Malay and Indonesian forms of address written as abbreviations, forms of address only with their full stop
     * ("Pn. Rajeswari", "En. Tan", "Tn. Suparman", "Ny. Sri", "An. Muhammad": anak, a child; "Sdr.", "Sdri.", "Bpk.",
     * "Hj.", "Hjh."): "En" and "An" are words of other languages before a capital ("En Madrid"; decision 0244).
     */
    private static final java.util.Set<String> DOTTED_FORMS = java.util.Set.of("Pn", "En", "Tn", "Ny", "Nn", "Sdr",
            "Sdri", "Sdra", "Bpk", "Hj", "Hjh", "An",
            // Bangladeshi and Pakistani names' Md. (Mohammad), Mohd. and a woman's Mst. (Mosammat): "Mst. Hasina Khatun"
            // (decision 0247); "MD" and "Md" without the full stop are a doctor and Maryland
            "Md", "Mst", "Mohd");

    /** A capitalised word of two letters or more, not all in capitals. */
    private static boolean capitalisedWord(String text, int[] b) {
        return b[1] - b[0] >= 2 && Character.isUpperCase(text.charAt(b[0])) && !isAllUpperCase(text, b[0], b[1]);
    }

    /**
     * The Malaysian titles of two words or more in the text ({@link #MALAY_TITLE}), as {start, end}; only where a word
     * starts "Sri", "Seri", "Paduka", "Puan" or "Tun".
     */
    private static List<int[]> malayTitles(String text, Shape words) {
        boolean any = false;
        for (int k = 0; k < words.wordStartCount && !any; k++) {
            int i = words.wordStarts[k];
            char c = text.charAt(i);
            any = (c == 'S' || c == 'P' || c == 'T') && (text.startsWith("Sri", i) || text.startsWith("Seri", i)
                    || text.startsWith("Paduka", i) || text.startsWith("Puan", i) || text.startsWith("Tun", i));
        }
        if (!any) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        Matcher m = MALAY_TITLE.matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /** Whether the word {@code [from, to)} is one of the {@link #DOTTED_FORMS} with its full stop. */
    private static boolean dottedForm(String text, int from, int to) {
        return to - from <= 4 && to < text.length() && text.charAt(to) == '.'
                && DOTTED_FORMS.contains(text.substring(from, to));
    }

    /**
     * Words between a kin word and the name that say which child ("anak perempuan Tan Mei Ling": the daughter;
     * lelaki, a son; sulung, the eldest; bongsu, the youngest; decision 0244) or whose ("mama yake Wairimu"). Lower
     * case.
     */
    private static final java.util.Set<String> KIN_QUALIFIERS = java.util.Set.of("perempuan", "lelaki", "sulung",
            "bongsu",
            // and whose, in Swahili ("mama yake Wairimu": her mother; wake, wangu; decision 0245)
            "yake", "wake", "wangu");

    /**
     * Up to three capitalised words right after a {@link #NAME_CUES cue} (and an honorific): names no table
     * announced and no dictionary holds. Words in capitals ("mother DM2", "father MI") and ordinary words
     * ("daughter Present") are left alone. Stateless.
     */
    private static void findCuedNames(String text, List<Span> spans) {
        boolean header = mayHoldMessageHeader(text);
        boolean capsTitle = mayHoldCapitalTitle(text);
        boolean patronymic = mayHoldPatronymic(text);
        if (!mayHoldCue(text) && !mayHoldBracketedNhi(text) && !mayHoldCredential(text) && !mayHoldInitial(text)
                && !header && !capsTitle && !patronymic) {
            return;
        }
        List<int[]> bounds = null;
        int n = text.length();
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            if (!Character.isLetter(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetter(text.codePointAt(i))
                    || Character.getType(text.codePointAt(i)) == Character.NON_SPACING_MARK)) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (bounds == null) {
                bounds = new ArrayList<>();
            }
            bounds.add(new int[] {start, i});
        }
        if (bounds == null) {
            return;
        }
        if (header) {
            messageHeaderNames(text, bounds, spans);
        }
        bracketedCues(text, bounds, spans);
        honorificsAfter(text, bounds, spans);
        namesBeforeCredentials(text, bounds, spans);
        namesBeforeTheirNumbers(text, bounds, spans);
        if (patronymic) {
            patronymicNames(text, bounds, spans);
        }
        for (int t = 0; t + 1 < bounds.size(); t++) {
            int[] b = bounds.get(t);
            if (capsTitle && b[1] - b[0] <= 4 && CAPITAL_TITLES.contains(text.substring(b[0], b[1]))) {
                capitalsCuedNames(text, bounds, t, spans); // "F/U WITH DR PATEL"
                continue;
            }
            if ((b[1] - b[0] < 2 || b[1] - b[0] > 16
                    || java.util.Arrays.binarySearch(CUE_HASHES, lowerHash(text, b[0], b[1])) < 0)
                    && !electronicSignature(text, b[0], b[1]) && !dottedForm(text, b[0], b[1])) {
                continue; // no cue and no form of address: no copy of the word
            }
            String cue = text.substring(b[0], b[1]);
            if (cue.equalsIgnoreCase("name") || cue.equalsIgnoreCase("attending")
                    || STAFF_LABELS.contains(cue.toLowerCase(Locale.ROOT))) {
                labelledName(text, bounds, t, spans, !cue.equalsIgnoreCase("name") && !cue.equalsIgnoreCase("attending"));
                continue;
            }
            if (cue.equalsIgnoreCase("cc") || SIGNING.contains(cue.toLowerCase(Locale.ROOT))
                    || REPORT_VERBS.contains(cue.toLowerCase(Locale.ROOT)) && atLineStart(text, b[0])
                    || electronicSignature(text, b[0], b[1])) {
                signatureNames(text, bounds, t, spans);
                continue;
            }
            String second = MALAY_TITLE_FIRSTS.get(cue);
            // a Malaysian title: "Tan Sri", "Toh Puan", or a Malay form of address ("Datuk Lee Chong Wei": "Lee" and
            // "Wei" are words of the name lists too)
            boolean malayTitle = second != null && t + 1 < bounds.size() && gap(text, b[1], bounds.get(t + 1)[0], " ")
                    && text.startsWith(second, bounds.get(t + 1)[0])
                    && bounds.get(t + 1)[1] - bounds.get(t + 1)[0] == second.length() || MALAY_TITLE_STARTS.contains(cue);
            if (FORMS_OF_ADDRESS.contains(cue) || dottedForm(text, b[0], b[1]) || malayTitle) {
                // "Herr Kranichfeld", "Sig.ra Nussbaumer", "Sra. Nussbaumer", "Mme Lefèvre": capitalised, as a
                // form of address is written before a name ("frau" in lower case is a noun)
                int k = t + 1;
                // a Malaysian title's further words: "Tan Sri Dato' Ahmad", "Datuk Seri Anwar" (decision 0251)
                while (k + 1 < bounds.size() && malayTitle
                        && MALAY_TITLE_WORDS.contains(text.substring(bounds.get(k)[0], bounds.get(k)[1]))
                        && gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], " '.")) {
                    k++;
                }
                if (k + 1 < bounds.size() && (cue.equals("Sig") || cue.equals("Dott"))
                        && gap(text, b[1], bounds.get(k)[0], ".")
                        && SIG_ENDINGS.contains(text.substring(bounds.get(k)[0], bounds.get(k)[1]))) {
                    k++; // "Sig.ra", "Sig.na", "Dott.ssa": the ending is a word of its own here
                }
                if (k < bounds.size() && gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], ". ")) {
                    // "Dra. Arantxa Zubizarreta", "Sr. José Ángel Ramírez Ochoa": up to four words of the name
                    // (two given names and two surnames in Spanish; decision 0136)
                    // after a Malaysian title, every capitalised word of the name ("Lim Kok Wing", "Marina Wong")
                    for (int names = 0; names < 4 && k < bounds.size() && (cuedNameWord(text, bounds.get(k))
                            || names > 0 && doubleNamePart(text, bounds, k)
                            || malayTitle && capitalisedWord(text, bounds.get(k))); names++, k++) {
                        if (names > 0 && !gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], " -")) {
                            break;
                        }
                        spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]"));
                    }
                }
                continue;
            }
            if (PATIENT_CUES.contains(cue.toLowerCase(Locale.ROOT))) {
                patientsName(text, bounds, t, spans);
                continue;
            }
            String joiner = READ_BACK.get(cue.toLowerCase(Locale.ROOT));
            if (joiner != null) {
                readBackNames(text, bounds, t, joiner, spans);
                continue;
            }
            // a relative by marriage: "sister-in-law Perpetua", "mother-in-law Cordelia" (decision 0206)
            boolean inLaw = cue.equalsIgnoreCase("law") && b[0] >= 4 && text.regionMatches(true, b[0] - 4, "-in-", 0, 4);
            if (!NAME_CUES.contains(cue.toLowerCase(Locale.ROOT)) && !inLaw) {
                continue;
            }
            if (isAllUpperCase(text, b[0], b[1]) && isAllUpperCase(text, bounds.get(t + 1)[0], bounds.get(t + 1)[1])
                    && !cue.equals("PT")) {
                capitalsCuedNames(text, bounds, t, spans); // "DAUGHTER ROSE WINTER AT BEDSIDE"; not "HCP: Ysolde"
                continue;
            }
            int k = t + 1;
            if (!gap(text, bounds.get(t)[1], bounds.get(k)[0], ".:, \t")) {
                continue;
            }
            if (NOT_CUED_NAMES.contains(text.substring(bounds.get(k)[0], bounds.get(k)[1]))) {
                continue; // "interpreter Igbo", "Nurse Triage" (decision 0212); a form of address above is not asked
            }
            if (text.charAt(b[1]) == '.' && !ABBREVIATED_CUES.contains(cue.toLowerCase(Locale.ROOT))) {
                continue; // "f/u with PCP. Strength 5/5": a full stop after a whole word ends its sentence (decision 0184)
            }
            if (k + 1 < bounds.size() && KIN_QUALIFIERS.contains(text.substring(bounds.get(k)[0], bounds.get(k)[1]))
                    && gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], " ")) {
                k++; // "anak perempuan Tan Mei Ling" (decision 0244)
            }
            if (k + 1 < bounds.size() && (HONORIFICS.contains(text.substring(bounds.get(k)[0], bounds.get(k)[1])
                    .toLowerCase(Locale.ROOT)) || dottedForm(text, bounds.get(k)[0], bounds.get(k)[1]))
                    && gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], ". ")) {
                k++;
            }
            int first = k;
            if (k + 1 < bounds.size() && givenNameThatIsAWord(text, bounds.get(k - 1), bounds.get(k), bounds.get(k + 1))) {
                spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]"));
                k++;
                if (!cuedNameWord(text, bounds.get(k))) {
                    spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]")); // "Faith Miller"
                    k++;
                }
            }
            if (k == first && !cue.equalsIgnoreCase("pt") && givenNameAloneThatIsAWord(text, bounds.get(k - 1), bounds.get(k))) {
                spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]")); // "wife Carol at bedside"
                continue;
            }
            List<Span> cued = new ArrayList<>();
            for (int names = k - first; names < 3 && k < bounds.size() && (cuedNameWord(text, bounds.get(k))
                    || names > 0 && (particleInName(text, bounds, k) || doubleNamePart(text, bounds, k))); names++, k++) {
                if (names > 0 && !gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], " -")) {
                    break;
                }
                cued.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]"));
            }
            // "Pt" heads a note's lines ("Pt Education given"): one word after it is a name only if the name list
            // knows it; two ("Pt Marguerite Thibodeaux", "Pt Lindqvist-Abara") are a name (decision 0120)
            if (cue.equalsIgnoreCase("pt") && cued.size() == 1 && k - first == 1
                    && !NAMES.isName(NameDictionary.normalize(text.substring(cued.get(0).start(), cued.get(0).end())))) {
                continue;
            }
            spans.addAll(cued);
        }
    }

    /**
     * A name before the relative it is, in brackets ("Ngozi (wife)", "Quennell Brathwaite (husband)"): up to three
     * capitalised words that are not ordinary words, right before " (" and a {@link #NAME_CUES cue} and ")"; "Family
     * (wife)" is left alone (decision 0110).
     */
    /**
     * The labels of the Australian, New Zealand and Canadian health numbers, in lower case: a note writes the number
     * right after the person's name ("Aroha Te Whārau (NHI ZZZ0016)", "Harjit Sandhu-MacLean, PHN 9698 658 215",
     * "Kirrily Dunleavy-Okafor, Medicare 2950 33181 1/3"; decision 0123).
     */
    private static final java.util.Set<String> NUMBER_LABELS = java.util.Set.of("nhi", "medicare", "ihi", "ohip",
            "ramq", "phn", "hcn", "dva",
            // the national numbers and the record number a note writes after the name ("Rosimeire Bezerra, CPF …",
            // "Barnaby Quillfeather (MRN 7731988)"; decision 0140)
            "cpf", "cns", "dni", "nie", "nif", "rut", "curp", "nuss", "pesel", "mrn", "pnr");
    /** Surname particles that may stand inside a name before its number ("Aroha Te Whārau"). */
    private static final java.util.Set<String> NAME_PARTICLES = java.util.Set.of("Te", "De", "Da", "Di", "Du", "La",
            "Le", "Van", "Von", "Del", "Der", "Mac", "Ó");

    /**
     * Up to four words of a name right before {@code (} or {@code ,} and a {@link #NUMBER_LABELS health number's
     * label} or an NHI itself ("Wiremu Pōmare-Ngata (zsc21tn)"): a name no table announced, which the number after
     * it makes a person's. Ordinary words end the name ("seen re COPD (NHI ...)" keeps "COPD" and "seen").
     */
    private static void namesBeforeTheirNumbers(String text, List<int[]> bounds, List<Span> spans) {
        for (int t = 1; t < bounds.size(); t++) {
            int[] b = bounds.get(t);
            int before = bounds.get(t - 1)[1];
            boolean bracket = b[0] >= 2 && text.startsWith(" (", b[0] - 2);
            boolean comma = b[0] >= 2 && text.startsWith(", ", b[0] - 2);
            if (before != b[0] - 2 || !bracket && !comma) {
                continue; // "Name (label" or "Name, label"
            }
            String word = text.substring(b[0], b[1]).toLowerCase(Locale.ROOT);
            boolean nhi = b[0] + 7 <= text.length() && CheckDigits.nhi(text.substring(b[0], b[0] + 7)
                    .toUpperCase(Locale.ROOT)) && (b[0] + 7 == text.length() || !Character.isLetterOrDigit(text.charAt(b[0] + 7)));
            if (!nhi && (!NUMBER_LABELS.contains(word) || !digitSoonAfter(text, b[1]))) {
                continue; // the label with its number: "Medicaid, Medicare pending" names no one
            }
            int names = 0;
            for (int k = t - 1; k >= 0 && names < 4; k--) {
                int[] w = bounds.get(k);
                if (k < t - 1 && !gap(text, w[1], bounds.get(k + 1)[0], " -")) {
                    break;
                }
                boolean particle = names > 0 && NAME_PARTICLES.contains(text.substring(w[0], w[1]));
                if (!particle && !cuedNameWord(text, w) || PATIENT_TITLES.contains(lower(text, w))) {
                    break;
                }
                spans.add(new Span(w[0], w[1], "[NAME]"));
                names++;
            }
        }
    }

    /**
     * "Patient" in the exports' languages, as a note writes it before the patient's name ("Paciente María Guadalupe
     * Hernández López, 65 años", "Patient: Catalina Fuenzalida"; decision 0136). Lower case. "Pt" has a rule of its own
     * ({@link #NAME_CUES}).
     */
    private static final java.util.Set<String> PATIENT_CUES = java.util.Set.of("patient", "patientin", "paciente",
            "patiente", "paziente", "patiënt", "patiënte", "doente", "utente", "pacjent", "pacjentka");

    /**
     * The name after a {@link #PATIENT_CUES patient cue}: up to four capitalised words that are no ordinary words,
     * joined by a space or a hyphen, of which one at least is a name the name lists know ("Paciente Catalina
     * Fuenzalida Riquelme": Catalina). A cue says little in a language whose ordinary words the lists lack ("Paciente
     * Diabético Hipertenso" in a Title Case template), so the lists must confirm the name; a given name that is also a
     * word opens it when a name follows ("Patient Grace Abernathy").
     */
    private static void patientsName(String text, List<int[]> bounds, int t, List<Span> spans) {
        int k = t + 1;
        if (k >= bounds.size() || !gap(text, bounds.get(t)[1], bounds.get(k)[0], ": ")) {
            return;
        }
        if (k + 1 < bounds.size() && HONORIFICS.contains(lower(text, bounds.get(k)))
                && gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], ". ")) {
            k++;
        }
        int first = k;
        boolean known = false;
        if (k + 1 < bounds.size() && givenNameThatIsAWord(text, bounds.get(k - 1), bounds.get(k), bounds.get(k + 1))) {
            known = true;
            k++;
            if (!cuedNameWord(text, bounds.get(k))) {
                k++; // a surname that is a word too ("Patient Grace Miller")
            }
        }
        for (int words = k - first; words < 4 && k < bounds.size() && (cuedNameWord(text, bounds.get(k))
                || words > 0 && (particleInName(text, bounds, k) || doubleNamePart(text, bounds, k))); words++, k++) {
            if (words > 0 && !gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], " -")) {
                break;
            }
            known |= NAMES.isName(NameDictionary.normalize(text.substring(bounds.get(k)[0], bounds.get(k)[1])));
        }
        if (!known) {
            return;
        }
        for (int w = first; w < k; w++) {
            spans.add(new Span(bounds.get(w)[0], bounds.get(w)[1], "[NAME]"));
        }
    }

    /**
     * A name that opens a note with no cue before it and no number after it ("Sione Fifita-Halloran, laparoscopic
     * appendicectomy"; decision 0136): a notes file handed out alone has no table to announce it. Two to four
     * capitalised words that are no ordinary words, joined by single spaces (a double name by a hyphen), at the text's
     * very start and followed by a comma, a colon, " (", " -" or the end; and evidence that they are a person's: the
     * first word a given name of the name lists, another word a name of the lists, or the last word a double name
     * ("Fifita-Halloran"). "Chest pain, ...", "Laparoscopic appendicectomy", "Diabetes Mellitus, type 2", "Seen at
     * ED" stay: an ordinary word, a word in lower case or no name evidence.
     */
    static void noteHeadName(String text, List<Span> spans) {
        int n = text.length();
        int i = 0;
        while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '"')) {
            i++;
        }
        if (i >= n || !Character.isUpperCase(text.charAt(i))) {
            return;
        }
        List<int[]> parts = new ArrayList<>(6);
        int words = 0;
        boolean doubleLast = false;
        boolean evidence = false;
        while (i < n && parts.size() < 8) {
            int end = letterRunEnd(text, i);
            int[] b = {i, end};
            String word = text.substring(i, end);
            boolean particle = words > 0 && NAME_PARTICLES.contains(word);
            if (end == i || !particle && !cuedNameWord(text, b) || TITLE_WORDS.contains(word)
                    || FORMS_OF_ADDRESS.contains(word) || INDIAN_TITLES.contains(word)
                    || PATIENT_TITLES.contains(word.toLowerCase(Locale.ROOT))) {
                return; // an ordinary word, a title, a word in lower case or in capitals: no name, or not this one
            }
            boolean hyphenated = i > 0 && text.charAt(i - 1) == '-' && !parts.isEmpty();
            String token = NameDictionary.normalize(word);
            if (!hyphenated) {
                words++;
                doubleLast = false;
                evidence |= words == 1 ? NAMES.isFirstName(token) : NAMES.isName(token);
            } else {
                doubleLast = words > 1;
                evidence |= words > 1 && NAMES.isName(token);
            }
            parts.add(b);
            if (end < n && text.charAt(end) == '-' && end + 1 < n && Character.isUpperCase(text.charAt(end + 1))) {
                i = end + 1; // "Fifita-Halloran"
                continue;
            }
            if (end + 1 < n && text.charAt(end) == ' ' && Character.isUpperCase(text.charAt(end + 1)) && words < 4) {
                i = end + 1;
                continue;
            }
            boolean ends = end == n || text.charAt(end) == ',' || text.charAt(end) == ':'
                    || text.startsWith(" (", end) || text.startsWith(" -", end) || text.startsWith(" \u2013", end);
            if (!ends || words < 2 || !evidence && !doubleLast) {
                return;
            }
            for (int[] p : parts) {
                spans.add(new Span(p[0], p[1], "[NAME]"));
            }
            return;
        }
    }

    /** Whether an NHI follows " (" somewhere ("Wiremu Pōmare-Ngata (zsc21tn)"): a cue without a cue word. */
    private static boolean mayHoldBracketedNhi(String text) {
        for (int i = text.indexOf(" ("); i >= 0 && i + 9 <= text.length(); i = text.indexOf(" (", i + 2)) {
            if (CheckDigits.nhi(text.substring(i + 2, i + 9).toUpperCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a digit follows within the next sixteen characters (a number after its label: "NHI: ZZZ0016"). */
    private static boolean digitSoonAfter(String text, int from) {
        for (int i = from; i < Math.min(text.length(), from + 16); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word at {@code k}, after a name word at {@code k - 1}, is a part of a double name that may be an
     * ordinary word ({@link NameConventions#doubleNamePart}): glued by a hyphen to the name word before it or to a name
     * word after it ("Ellery-Pike", "Rosamund Pike-Ellery"; decision 0194).
     */
    private static boolean doubleNamePart(String text, List<int[]> bounds, int k) {
        int[] b = bounds.get(k);
        int[] before = bounds.get(k - 1);
        if (before[1] == b[0] - 1 && text.charAt(before[1]) == '-') {
            return NameConventions.doubleNamePart(text, b, before);
        }
        return k + 1 < bounds.size() && bounds.get(k + 1)[0] == b[1] + 1 && text.charAt(b[1]) == '-'
                && cuedNameWord(text, bounds.get(k + 1)) && NameConventions.doubleNamePart(text, b, bounds.get(k + 1));
    }

    /** A surname particle between two words of a cued name ("her daughter Mereana Te Whārau"; decision 0123). */
    private static boolean particleInName(String text, List<int[]> bounds, int k) {
        int[] b = bounds.get(k);
        return k + 1 < bounds.size() && NAME_PARTICLES.contains(text.substring(b[0], b[1]))
                && gap(text, bounds.get(k - 1)[1], b[0], " ") && gap(text, b[1], bounds.get(k + 1)[0], " ")
                && cuedNameWord(text, bounds.get(k + 1));
    }

    private static void bracketedCues(String text, List<int[]> bounds, List<Span> spans) {
        for (int t = 1; t < bounds.size(); t++) {
            int[] b = bounds.get(t);
            if (b[0] < 2 || b[1] >= text.length() || text.charAt(b[1]) != ')' || text.charAt(b[0] - 1) != '('
                    || text.charAt(b[0] - 2) != ' ' || bounds.get(t - 1)[1] != b[0] - 2
                    || !NAME_CUES.contains(text.substring(b[0], b[1]).toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (int k = t - 1, names = 0; k >= 0 && names < 3 && cuedNameWord(text, bounds.get(k)); k--, names++) {
                if (names > 0 && !gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], " -")) {
                    break;
                }
                spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]"));
            }
        }
    }

    /**
     * Turkish forms of address, written after the name ("Şükrü Karabıyık Bey", "Nurten Hanım", "Ayşegül Hanım'ın"):
     * as written, capitalised (decision 0125).
     */
    private static final java.util.Set<String> HONORIFICS_AFTER = java.util.Set.of("Bey", "Hanım", "Beyefendi",
            "Hanımefendi");

    /** Up to three capitalised words that are not ordinary words right before a {@link #HONORIFICS_AFTER} word. */
    private static void honorificsAfter(String text, List<int[]> bounds, List<Span> spans) {
        for (int t = 1; t < bounds.size(); t++) {
            int[] b = bounds.get(t);
            if (b[1] - b[0] < 3 || b[1] - b[0] > 11 || !HONORIFICS_AFTER.contains(text.substring(b[0], b[1]))
                    || !gap(text, bounds.get(t - 1)[1], b[0], " ")) {
                continue;
            }
            for (int k = t - 1, names = 0; k >= 0 && names < 3 && cuedNameWord(text, bounds.get(k)); k--, names++) {
                if (names > 0 && !gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], " -")) {
                    break;
                }
                spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]"));
            }
        }
    }

    /**
     * The verbs of a report's footer that name the one who did it after "by" ("Dictated by: Quorwick Halvesham",
     * "Transcribed by", "Cosigned by"; decision 0139), as {@link #signatureNames} reads "signed by". Not "verified":
     * a lab's comment is "VERIFIED BY REPEAT ANALYSIS". Lower case.
     */
    private static final java.util.Set<String> SIGNING = java.util.Set.of("signed", "dictated", "transcribed",
            "authored", "cosigned", "attested");
    /**
     * The verbs of a report's title lines that name who ran it ("Run by: WEATHERWAX, GRIZELDA RN on 04/23/2017",
     * "Printed by", "Requested by"; decision 0173), read as {@link #SIGNING} is, but only at a line's start: "the test
     * was run by HPLC" names no one. Lower case.
     */
    private static final java.util.Set<String> REPORT_VERBS = java.util.Set.of("run", "printed", "generated",
            "prepared", "exported", "requested", "created", "produced", "compiled", "extracted");
    /**
     * Staff labels at a line's start whose value is a name, as "Attending:" ({@link #labelledName}): "Resident:
     * Tressiline Vandermoor, MD PGY-2", "Surgeon:", "Radiologist:" (decision 0139). Lower case.
     */
    private static final java.util.Set<String> STAFF_LABELS = java.util.Set.of("resident", "fellow", "surgeon",
            "physician", "provider", "author", "radiologist", "pathologist", "anesthesiologist", "anaesthetist",
            "consultant", "clinician", "intern", "sonographer", "technologist",
            // a study's and a laboratory's people (decision 0219): "Investigator: Helga Brandstetter", "Analyst: …"
            "investigator", "analyst", "technician", "scientist");
    /**
     * Degrees and licences written after a person's name and a comma ("Quorwick Halvesham, MD", "T. Vandermoor, RN"),
     * as written (decision 0139).
     */
    static final java.util.Set<String> CREDENTIALS = java.util.Set.of("MD", "DO", "RN", "NP", "PA", "PhD",
            "MBBS", "MBChB", "FRCP", "FRACP", "FRCPC", "FRCS", "FACP", "FACS", "CNM", "CRNA", "LPN", "APRN", "DNP",
            "PharmD", "RPh", "DDS", "DMD", "DPM", "LCSW", "MSW", "BSN", "MSN",
            // an ambulance crew's (decision 0223): "J. Marchetti EMT-P", "D. Okafor EMT", "Okafor, NRP"
            "EMT", "AEMT", "NRP", "CCEMTP");

    /** Whether ", " and a capital letter stand somewhere in the text, as before a {@link #CREDENTIALS credential}. */
    private static boolean mayHoldCredential(String text) {
        for (int i = text.indexOf(", "); i >= 0 && i + 2 < text.length(); i = text.indexOf(", ", i + 2)) {
            char c = text.charAt(i + 2);
            if (c == 'M' || c == 'D' || c == 'R' || c == 'N' || c == 'P' || c == 'F' || c == 'C' || c == 'L' || c == 'A'
                    || c == 'B') {
                return true;
            }
        }
        return false;
    }

    /**
     * Up to three words of a name right before ", " and a {@link #CREDENTIALS credential}: capitalised words that are
     * not ordinary words, and initials with their dot ("Q. Halvesham, MD"). A credential followed by a ZIP code is a
     * state ("Rockville, MD 20850"), left to the address patterns.
     */
    private static void namesBeforeCredentials(String text, List<int[]> bounds, List<Span> spans) {
        for (int t = 1; t < bounds.size(); t++) {
            int[] b = bounds.get(t);
            if (b[1] - b[0] > 6 || !CREDENTIALS.contains(text.substring(b[0], b[1]))
                    || !(gap(text, bounds.get(t - 1)[1], b[0], ", ") && text.charAt(bounds.get(t - 1)[1]) == ','
                            || initialAndName(text, bounds, t - 1))
                    || text.startsWith(" ", b[1]) && b[1] + 6 <= text.length()
                            && text.substring(b[1] + 1, b[1] + 6).chars().allMatch(Character::isDigit)) {
                continue;
            }
            for (int k = t - 1, names = 0; k >= 0 && names < 3; k--, names++) {
                int[] w = bounds.get(k);
                boolean initial = isInitial(text, w);
                if (!initial && !cuedNameWord(text, w)
                        || names > 0 && !gap(text, w[1], bounds.get(k + 1)[0], initial ? ". " : " -")) {
                    break;
                }
                spans.add(new Span(w[0], w[1], "[NAME]"));
            }
        }
    }

    /**
     * Whether the word at {@code k} is a name right after an initial ("J. Whitfield") and one space before the word
     * after it: a credential written without its comma ("Nursing note by J. Whitfield RN").
     */
    private static boolean initialAndName(String text, List<int[]> bounds, int k) {
        if (k < 1 || k + 1 >= bounds.size() || !gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], " ")
                || !cuedNameWord(text, bounds.get(k))) {
            return false;
        }
        int j = k;
        // a double name after the initial ("D. Okafor-Lund EMT", decision 0223)
        while (j > 1 && gap(text, bounds.get(j - 1)[1], bounds.get(j)[0], "-") && cuedNameWord(text, bounds.get(j - 1))) {
            j--;
        }
        int[] i = bounds.get(j - 1);
        return isInitial(text, i) && i[1] + 2 == bounds.get(j)[0];
    }

    /** Whether an initial stands in the text: a capital letter alone, a full stop, a space and a capital ("J. W"). */
    private static boolean mayHoldInitial(String text) {
        for (int i = text.indexOf(". "); i >= 1 && i + 2 < text.length(); i = text.indexOf(". ", i + 2)) {
            if (Character.isUpperCase(text.charAt(i - 1)) && (i == 1 || !Character.isLetter(text.charAt(i - 2)))
                    && Character.isUpperCase(text.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    /** Forms of address as a note in capitals writes them ("DR PATEL", "MRS WHITAKER"). */
    private static final java.util.Set<String> CAPITAL_TITLES = java.util.Set.of("DR", "MR", "MRS", "MS", "MISS");

    /** Verbs the name lists hold as given names, which follow a relative in a note in capitals ("SON WILL VISIT"). */
    private static final java.util.Set<String> CAPITAL_VERBS = java.util.Set.of("WILL", "MAY", "CAN", "MUST", "DID",
            "HAS", "HAD", "WAS", "ARE", "GOT", "SAW", "SAYS", "SAID", "STATES", "STATED", "REPORTS", "CALLED", "VISITED");

    /** Words in capitals after "DR" or "MR" in notes that are no names and that the word list lacks. */
    private static final java.util.Set<String> COMMON_CAPITALS = java.util.Set.of("AWARE", "NOTIFIED", "OFFICE",
            "UPDATED", "PAGED", "CALLED", "INFORMED", "ORDERS", "ORDER", "NOTE", "NOTES", "VISIT", "APPT", "SCAN", "MRI",
            "TEAM", "SERVICE", "RECS", "PLAN", "AGREES", "ADVISED", "CONSULTED", "BEDSIDE", "ROUNDS", "NOT", "AND",
            "WILL", "HAS", "WAS"); // of three letters or more: shorter words are no names here anyway

    /** Whether a form of address in capitals may stand in the text, before a space or a full stop. */
    private static boolean mayHoldCapitalTitle(String text) {
        for (int i = text.indexOf('M'); i >= 0; i = text.indexOf('M', i + 1)) {
            if (i + 2 < text.length() && (text.charAt(i + 1) == 'R' || text.charAt(i + 1) == 'S')) {
                return true;
            }
        }
        for (int i = text.indexOf("DR"); i >= 0; i = text.indexOf("DR", i + 2)) {
            if (i + 2 < text.length() && (text.charAt(i + 2) == ' ' || text.charAt(i + 2) == '.')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a cue or a form of address in capitals announces in a note written in capitals, as older systems and
     * nurses' notes write them (decision 0158): "DAUGHTER ROSE WINTER AT BEDSIDE", "D/C HOME WITH WIFE GRACE", "F/U
     * WITH DR PATEL". There a capital says nothing, so the words must be names of the name lists (ordinary words too:
     * ROSE, GRACE, BILL), of three letters or more, in capitals, joined by single spaces (after a title also a full
     * stop), up to two; not followed by a digit ("MOTHER DM2"), and no function word ("BROTHER WITH"), cue or title.
     * "MOTHER HTN", "FATHER CAD", "DR OFFICE NOTIFIED" stay.
     */
    private static void capitalsCuedNames(String text, List<int[]> bounds, int t, List<Span> spans) {
        String cue = text.substring(bounds.get(t)[0], bounds.get(t)[1]);
        boolean title = CAPITAL_TITLES.contains(cue);
        boolean ambiguous = cue.equals("MS") || cue.equals("MR");
        for (int k = t + 1, names = 0; k < bounds.size() && names < 2; k++, names++) {
            int[] w = bounds.get(k);
            String allowed = names == 0 ? (title ? ". " : " :,") : " ";
            if (!gap(text, bounds.get(k - 1)[1], w[0], allowed) || w[1] - w[0] < 3 || !isAllUpperCase(text, w[0], w[1])
                    || w[1] < text.length() && Character.isDigit(text.charAt(w[1]))) {
                return;
            }
            String word = text.substring(w[0], w[1]);
            String normalized = NameDictionary.normalize(word);
            String lower = word.toLowerCase(Locale.ROOT);
            boolean listed = NAMES.isName(normalized) && !(names == 0 && title && NAMES.isCommonWord(normalized)
                    && !NAMES.isLastName(normalized));
            // after a title, a word no list knows is a name too when it is no ordinary word ("DR PATEL")
            // (not after "MS" and "MR", which are multiple sclerosis and magnetic resonance too: "MS FLARE", "MR ANGIO")
            boolean unknown = title && !ambiguous && !NAMES.isCommonWord(normalized) && !COMMON_CAPITALS.contains(word);
            if (!listed && !unknown || FUNCTION_WORDS.contains(normalized) || CAPITAL_VERBS.contains(word)
                    || NAME_CUES.contains(lower)
                    || HONORIFICS.contains(lower) || STAFF_TITLES.contains(lower) || CAPITAL_TITLES.contains(word)) {
                return;
            }
            spans.add(new Span(w[0], w[1], "[NAME]"));
        }
    }

    /** The labels of a message's header lines whose value is a list of people ("From: Whitaker, Joanne"). */
    private static final java.util.Set<String> MESSAGE_HEADERS = java.util.Set.of("From", "To", "Cc", "CC", "Sent by",
            "FROM", "TO", "Von", "An");

    /** Whether a line may start with a message header's label and a colon: "From:", "To:", "Cc:". */
    private static boolean mayHoldMessageHeader(String text) {
        for (int i = text.indexOf(':'); i >= 2; i = text.indexOf(':', i + 1)) {
            char c = text.charAt(i - 1);
            if ((c == 'm' || c == 'M' || c == 'o' || c == 'O' || c == 'c' || c == 'C' || c == 'y' || c == 'n')
                    && MESSAGE_HEADERS.contains(text.substring(wordStart(text, i), i))) {
                return true;
            }
        }
        return false;
    }

    /** Where the run of letters and spaces that ends at {@code end} starts, at most 8 characters back. */
    private static int wordStart(String text, int end) {
        int i = end;
        while (i > 0 && end - i < 8 && (Character.isLetter(text.charAt(i - 1)) || text.charAt(i - 1) == ' ')) {
            i--;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /**
     * The people of a message's header lines, as an EHR's in-basket or a forwarded e-mail writes them (decision 0158):
     * at a line's start, {@code From:}, {@code To:} or {@code Cc:} and a list of names written surname first ("From:
     * Whitaker, Joanne", "To: Nguyen, Thanh; Oduya, Femi"), each a capitalised word, a comma and one or two more, the
     * names separated by {@code ;}. Only that shape: "To: follow up in clinic", "From: Pharmacy" are left alone.
     */
    private static void messageHeaderNames(String text, List<int[]> bounds, List<Span> spans) {
        for (int t = 0; t < bounds.size(); t++) {
            int[] b = bounds.get(t);
            if (!MESSAGE_HEADERS.contains(text.substring(b[0], b[1])) || !text.startsWith(":", b[1])) {
                continue;
            }
            if (!atLineStart(text, b[0])) {
                continue;
            }
            int k = t + 1;
            if (k >= bounds.size() || !gap(text, b[1], bounds.get(k)[0], ": \t")) {
                continue;
            }
            if (givenNameFirst(text, bounds, k, spans)) {
                continue;
            }
            while (k + 1 < bounds.size()) {
                int[] surname = bounds.get(k);
                int[] given = bounds.get(k + 1);
                if (!gap(text, surname[1], given[0], ", ") || text.charAt(surname[1]) != ','
                        || !capitalisedName(text, surname) || !capitalisedName(text, given)) {
                    break;
                }
                spans.add(new Span(surname[0], surname[1], "[NAME]"));
                spans.add(new Span(given[0], given[1], "[NAME]"));
                k += 2;
                if (k < bounds.size() && gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], " ")
                        && capitalisedName(text, bounds.get(k))) {
                    spans.add(new Span(bounds.get(k)[0], bounds.get(k)[1], "[NAME]")); // a middle name or initial
                    k++;
                }
                if (k >= bounds.size() || !gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], "; ")
                        || text.charAt(bounds.get(k - 1)[1]) != ';') {
                    break;
                }
            }
        }
    }

    /**
     * A header's person written given name first ("From: Wilhelmina Ravensworth", "To: Tobiah Pennywhistle
     * <t.p@example.com>"; decision 0205): two or three capitalised words from {@code k} on, one space apart, each of them
     * a name or no ordinary word ({@link #nameLike}; a middle initial too), and after them the line's end, {@code ;},
     * {@code <}, {@code (} or {@code ,}. "To: Nurse Triage", "From: Pharmacy", "To: Follow Up Clinic" are no such names.
     * Adds their spans and says whether it did.
     */
    private static boolean givenNameFirst(String text, List<int[]> bounds, int k, List<Span> spans) {
        int last = k;
        while (last + 1 < bounds.size() && last - k < 2 && (text.charAt(bounds.get(last)[1]) == ' '
                && bounds.get(last + 1)[0] == bounds.get(last)[1] + 1
                || last > k && isInitial(text, bounds.get(last)) && bounds.get(last + 1)[0] == bounds.get(last)[1] + 2)) {
            last++;
        }
        for (int end = last; end > k; end--) {
            int[] w0 = bounds.get(k);
            int[] wn = bounds.get(end);
            boolean names = Character.isUpperCase(text.codePointAt(w0[0])) && nameLike(text, w0)
                    && Character.isUpperCase(text.codePointAt(wn[0])) && nameLike(text, wn);
            for (int m = k + 1; m < end && names; m++) {
                names = capitalisedName(text, bounds.get(m));
            }
            for (int m = k; m <= end && names; m++) {
                names = !HEADER_SENDERS.contains(text.substring(bounds.get(m)[0], bounds.get(m)[1]).toLowerCase(Locale.ROOT));
            }
            if (!names) {
                continue;
            }
            int after = wn[1];
            while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            if (after == text.length() || ";<(,\r\n".indexOf(text.charAt(after)) >= 0) {
                for (int m = k; m <= end; m++) {
                    spans.add(new Span(bounds.get(m)[0], bounds.get(m)[1], "[NAME]"));
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Words of the desks, pools and services a message is sent from or to ("From: Central Scheduling", "To: Refill
     * Team"), which the name dictionary's ordinary words do not all hold. Lower case.
     */
    private static final java.util.Set<String> HEADER_SENDERS = java.util.Set.of("office", "scheduling", "billing",
            "team", "pool", "department", "dept", "desk", "center", "centre", "services", "service", "unit", "clinic",
            "pharmacy", "triage", "nurse", "nurses", "nursing", "staff", "admin", "administration", "registration",
            "central", "front", "records", "lab", "laboratory", "radiology", "imaging", "support", "portal", "system",
            "message", "messages", "inbox", "queue", "refill", "refills", "referrals", "referral", "intake", "access",
            "patient", "care", "coordination", "coordinator", "medical", "health", "hospital", "practice", "group");

    /** Whether only spaces and tabs stand between {@code start} and the start of its line (or of the text). */
    private static boolean atLineStart(String text, int start) {
        int before = start - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        return before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r';
    }

    /** Whether the word {@code w} is an initial: a capital letter alone followed by a full stop and a space ("J. "). */
    private static boolean isInitial(String text, int[] w) {
        return w[1] - w[0] == 1 && Character.isUpperCase(text.charAt(w[0])) && text.startsWith(". ", w[1]);
    }

    /** A capitalised word of a name, or in capitals: one letter (an initial) or a word that may be a name. */
    private static boolean capitalisedName(String text, int[] w) {
        return Character.isUpperCase(text.codePointAt(w[0])) && (w[1] - w[0] == 1 || nameLike(text, w));
    }

    /** Words before a staff label that say which one ("Ordering provider:", "Referring physician:"). Lower case. */
    private static final java.util.Set<String> STAFF_QUALIFIERS = java.util.Set.of("ordering", "referring", "attending",
            "admitting", "consulting", "primary", "treating", "performing", "reading", "interpreting", "supervising",
            "responsible", "rendering", "billing", "discharging", "operating", "assisting", "principal");

    /** Words before a name label that make it the patient's ("Patient Name:", "Pt Name:"). Lower case. */
    private static final java.util.Set<String> PATIENT_WORDS = java.util.Set.of("patient", "pt", "patient's");
    /**
     * Other words before a {@code Name:} label that make it a person's at a line's start: a user's, a study's or a
     * laboratory's people ("User Name:", "Investigator Name:"; decision 0219). Lower case.
     */
    private static final java.util.Set<String> NAME_OWNERS = java.util.Set.of("user", "investigator", "analyst",
            "technician", "technologist", "operator", "physician", "scientist", "submitter", "contact");

    /**
     * The value of a {@code Name:} or {@code Attending:} label at a line's start ("Name: Euphemia Blackwood-Tran    Unit
     * No:", a US discharge summary's first line; "Patient Name: BLACKWOOD-TRAN,EUPHEMIA"; "Attending: Festus Oyelaran,
     * MD"): up to four capitalised or upper-case words joined by a space, a hyphen, an apostrophe or a comma, up to a
     * staff title. Ordinary words too, the label says what they are. "Drug Name:", "Exam Name:" in a line are not at
     * its start and are left alone (decision 0110). After the other staff labels ({@link #STAFF_LABELS}, {@code
     * namesOnly}), only words that may be names: "Provider: Cardiology Associates" is a service (decision 0139).
     */
    private static void labelledName(String text, List<int[]> bounds, int t, List<Span> spans, boolean namesOnly) {
        int first = t;
        String before = t > 0 ? text.substring(bounds.get(t - 1)[0], bounds.get(t - 1)[1]).toLowerCase(Locale.ROOT) : "";
        if (t > 0 && (PATIENT_WORDS.contains(before) || !namesOnly && NAME_OWNERS.contains(before)
                || namesOnly && STAFF_QUALIFIERS.contains(before))
                && gap(text, bounds.get(t - 1)[1], bounds.get(t)[0], " ")) {
            first = t - 1;
        }
        if (!atLineStart(text, bounds.get(first)[0])) {
            return;
        }
        int k = t + 1;
        if (k >= bounds.size() || !gap(text, bounds.get(t)[1], bounds.get(k)[0], ": \t")
                || text.charAt(bounds.get(t)[1]) != ':') {
            return;
        }
        for (int names = 0; names < 4 && k < bounds.size(); names++, k++) {
            int[] w = bounds.get(k);
            boolean initial = isInitial(text, w); // "Resident: K. Oyelaran"
            if (names > 0) {
                String g = text.substring(bounds.get(k - 1)[1], w[0]);
                boolean afterInitial = g.equals(". ") && bounds.get(k - 1)[1] - bounds.get(k - 1)[0] == 1;
                if (!g.equals(" ") && !g.equals("-") && !g.equals("'") && !g.equals(",") && !g.equals(", ")
                        && !afterInitial) {
                    break;
                }
            }
            if (!Character.isUpperCase(text.codePointAt(w[0]))
                    || STAFF_TITLES.contains(text.substring(w[0], w[1]).toLowerCase(Locale.ROOT))
                    || namesOnly && !initial && !nameLike(text, w)) {
                break;
            }
            spans.add(new Span(w[0], w[1], "[NAME]"));
        }
    }

    /**
     * A word that may be a person's name where the label may also name a service ("Provider: Cardiology
     * Associates"): a name of the name list, or a word that is no ordinary word (capitalised or in capitals).
     */
    private static boolean nameLike(String text, int[] w) {
        String normal = NameDictionary.normalize(text.substring(w[0], w[1]));
        return NAMES.isName(normal) || w[1] - w[0] >= 3 && !NAMES.isCommonWord(normal);
    }

    /**
     * The staff a report's footer names, as an EHR writes them (Cerner's {@code *** Final Report ***} notes; decision
     * 0120): after "signed by" (any case, "Electronically signed by: PERPETUA Q ABERNATHY-VOSS, MD on 03/04/2023"; and
     * the other verbs of a report's footer, {@link #SIGNING}: "Dictated by", "Transcribed by", decision 0139) and
     * after "cc:" at a line's start ("cc: DR ANSELM KITTREDGE; DR ROSALIND MBEKI-STROUD"), up to five capitalised or
     * upper-case words and initials, after an optional staff title, joined by a space, a hyphen, an apostrophe or an
     * initial's dot, up to a comma, a staff title or a word in lower case. Ordinary words too ("DR MARK LEE"): the
     * label says what they are. A copy list goes on after "; " to the next name, up to four names. Whether the cue
     * was one ("signed by", "cc:" at a line's start), names or not.
     */
    private static void signatureNames(String text, List<int[]> bounds, int t, List<Span> spans) {
        int[] cue = bounds.get(t);
        int k = t + 1;
        boolean copyList = text.substring(cue[0], cue[1]).equalsIgnoreCase("cc");
        if (electronicSignature(text, cue[0], cue[1])) {
            if (k >= bounds.size() || !gap(text, cue[1], bounds.get(k)[0], "/ \t")) {
                return;
            }
        } else if (copyList) {
            if (!atLineStart(text, cue[0]) || cue[1] >= text.length() || text.charAt(cue[1]) != ':') {
                return; // "10 cc:" or "cc" in a sentence is not a copy list
            }
        } else {
            if (k >= bounds.size() || !gap(text, cue[1], bounds.get(k)[0], " ")
                    || !text.substring(bounds.get(k)[0], bounds.get(k)[1]).equalsIgnoreCase("by")) {
                return;
            }
            k++;
        }
        if (k >= bounds.size() || !gap(text, bounds.get(k - 1)[1], bounds.get(k)[0],
                electronicSignature(text, cue[0], cue[1]) ? "/ \t" : ": \t")) {
            return;
        }
        for (int entries = 0; entries < 4 && k < bounds.size(); entries++) {
            if (k + 1 < bounds.size() && STAFF_TITLES.contains(lower(text, bounds.get(k)))
                    && gap(text, bounds.get(k)[1], bounds.get(k + 1)[0], ". ")) {
                k++; // "DR ANSELM KITTREDGE", "Dr. Mark Lee"
            }
            int first = k;
            boolean comma = false;
            for (; k < bounds.size() && k - first < 5; k++) {
                int[] w = bounds.get(k);
                if (k > first) {
                    String g = text.substring(bounds.get(k - 1)[1], w[0]);
                    // "WEATHERWAX, GRIZELDA RN": a surname and its comma, then the given name (decision 0173)
                    boolean inverted = g.equals(", ") && !copyList && !comma && !STAFF_TITLES.contains(lower(text, w))
                            && !CREDENTIALS.contains(text.substring(w[0], w[1]));
                    if (!g.equals(" ") && !g.equals("-") && !g.equals("'") && !g.equals(". ") && !inverted) {
                        break;
                    }
                    comma |= inverted;
                }
                if (!Character.isUpperCase(text.codePointAt(w[0])) || STAFF_TITLES.contains(lower(text, w))) {
                    break;
                }
                spans.add(new Span(w[0], w[1], "[NAME]"));
            }
            if (!copyList || k == first || k >= bounds.size()) {
                return;
            }
            // ", MD; DR ...": past the degree to the next name of the list
            if (STAFF_TITLES.contains(lower(text, bounds.get(k))) && gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], ", ")
                    && k + 1 < bounds.size()) {
                k++;
            }
            if (k >= bounds.size() || !gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], ".; ")
                    || text.indexOf(';', bounds.get(k - 1)[1]) < 0 || text.indexOf(';', bounds.get(k - 1)[1]) > bounds.get(k)[0]) {
                return;
            }
        }
    }

    /**
     * Whether a text may hold a case number of the shape {@code S23-12345} or {@code SP-23-004512}: a capital, at most
     * two more and a dash, two digits, a dash and three digits. One pass without a regular expression, so that the
     * pattern runs only on the few texts that may hold one (decision 0183).
     */
    static boolean caseNumberShaped(String text) {
        int n = text.length();
        for (int i = text.indexOf('-'); i >= 0 && i + 4 < n; i = text.indexOf('-', i + 1)) {
            // the dash before the case's digits: two digits before it, three after it
            if (digit(text, i + 1) && digit(text, i + 2) && digit(text, i + 3) && i >= 3 && digit(text, i - 1)
                    && digit(text, i - 2)) {
                int k = i - 3;
                if (text.charAt(k) == '-') {
                    k--;
                }
                if (k >= 0 && text.charAt(k) >= 'A' && text.charAt(k) <= 'Z') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean digit(String text, int i) {
        return i >= 0 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9';
    }

    /**
     * Whether a word is the {@code es} of VistA's electronic signature, {@code /es/} before the signer's name ("/es/
     * AMBROSE THISTLEWAITE", "Receipt Acknowledged By: 03/14/2023 13:01  /es/ GUNNAR HALVORSEN"; decision 0181).
     */
    private static boolean electronicSignature(String text, int from, int to) {
        return to - from == 2 && from > 0 && to < text.length() && text.charAt(from - 1) == '/'
                && text.charAt(to) == '/' && (text.charAt(from) | 0x20) == 'e' && (text.charAt(from + 1) | 0x20) == 's';
    }

    private static String lower(String text, int[] word) {
        return text.substring(word[0], word[1]).toLowerCase(Locale.ROOT);
    }

    /**
     * The words of a lab's or a nurse's read-back note that come before the name of the one who took the result, and the
     * word that must follow each ("" for none): "REPORTED TO AND READ BACK BY LINH NGUYEN", "NOTIFIED ODALYS
     * FITZGERALD-BAUER AT 10:05", "CALLED TO RN BRONWEN ACHTERBERG" (decision 0110). Lower case.
     */
    private static final java.util.Map<String, String> READ_BACK = java.util.Map.of("back", "by", "notified", "", "paged", "",
            "called", "to", "reported", "to", "discussed", "with", "verified", "with");
    /** Titles of staff between a read-back phrase and the name ("CALLED TO RN BRONWEN ACHTERBERG"). Lower case. */
    private static final java.util.Set<String> STAFF_TITLES = java.util.Set.of("rn", "md", "dr", "np", "pa", "rph",
            "nurse", "resident", "fellow", "attending");

    /**
     * The name after a read-back phrase, in capitals as lab comments write it or capitalised: up to three words that are
     * not ordinary words ("LINH NGUYEN", "ODALYS FITZGERALD-BAUER"), after an optional staff title. One word alone is
     * a name only after a title or when the name list knows it; units and teams ("CALLED TO MICU TEAM", "NOTIFIED
     * HOUSE OFFICER") are not names.
     */
    private static void readBackNames(String text, List<int[]> bounds, int t, String joiner, List<Span> spans) {
        int k = t + 1;
        if (!joiner.isEmpty()) {
            if (k >= bounds.size() || !gap(text, bounds.get(t)[1], bounds.get(k)[0], " ")
                    || !text.substring(bounds.get(k)[0], bounds.get(k)[1]).equalsIgnoreCase(joiner)) {
                return;
            }
            k++;
        }
        boolean titled = false;
        if (k < bounds.size() && gap(text, bounds.get(k - 1)[1], bounds.get(k)[0], " ")
                && STAFF_TITLES.contains(text.substring(bounds.get(k)[0], bounds.get(k)[1]).toLowerCase(Locale.ROOT))) {
            titled = true;
            k++;
        }
        int first = k;
        for (; k < bounds.size() && k - first < 3; k++) {
            int[] b = bounds.get(k);
            String allowed = k > first ? " -" : titled ? ". " : " ";
            if (!gap(text, bounds.get(k - 1)[1], b[0], allowed) || b[1] - b[0] < 3
                    || !Character.isUpperCase(text.codePointAt(b[0]))) {
                break;
            }
            String word = text.substring(b[0], b[1]);
            String normalized = NameDictionary.normalize(word);
            String lower = word.toLowerCase(Locale.ROOT);
            boolean hyphenated = k > first && text.charAt(b[0] - 1) == '-'; // "FITZGERALD-BAUER": a word too
            if (!hyphenated && NAMES.isCommonWord(normalized) || STAFF_TITLES.contains(lower)
                    || READ_BACK.containsKey(lower)) {
                break;
            }
        }
        int names = k - first;
        if (names >= 2 || names == 1 && (titled || NAMES.isName(NameDictionary.normalize(
                text.substring(bounds.get(first)[0], bounds.get(first)[1])))
                || joiner.equals("with") && NameConventions.surnameAlone(text, bounds.get(first)))) {
            for (int j = first; j < k; j++) {
                spans.add(new Span(bounds.get(j)[0], bounds.get(j)[1], "[NAME]"));
            }
        }
    }

    /**
     * A given name that is also an ordinary word ("niece Prudence Waverley", "wife Hope Abernathy"), right after the
     * cue with one space and followed, after one space, by a name that is not a word: the full name a cue announces.
     * Alone ("daughter Present", "mother Grace") or after a full stop it is left alone, as before (decision 0110).
     */
    private static boolean givenNameThatIsAWord(String text, int[] cue, int[] word, int[] next) {
        return (gap(text, cue[1], word[0], " ") || text.startsWith(": ", cue[1]) && cue[1] + 2 == word[0])
                && gap(text, word[1], next[0], " ") && (cuedNameWord(text, next) || surnameThatIsAWord(text, next))
                && givenNameWord(text, word);
    }

    /** A capitalised word (not in capitals) of three letters or more that the lists know as a given name and a word. */
    private static boolean givenNameWord(String text, int[] word) {
        if (word[1] - word[0] < 3 || !Character.isUpperCase(text.codePointAt(word[0]))
                || isAllUpperCase(text, word[0], word[1])) {
            return false;
        }
        String normalized = NameDictionary.normalize(text.substring(word[0], word[1]));
        return NAMES.isFirstName(normalized) && NAMES.isCommonWord(normalized);
    }

    /**
     * A given name that is also an ordinary word, alone right after a cue ("wife Carol at bedside", "son Tom and",
     * "mother, Grace."): a name when a word in lower case, a number, a sign or the text's end follows it. Followed by a
     * capitalised word it is either a full name ({@link #givenNameThatIsAWord}) or Title Case, and is left alone.
     */
    private static boolean givenNameAloneThatIsAWord(String text, int[] cue, int[] word) {
        if (!gap(text, cue[1], word[0], " ") && !(text.startsWith(", ", cue[1]) && cue[1] + 2 == word[0])) {
            return false;
        }
        int e = word[1];
        if (e < text.length()) {
            char c = text.charAt(e);
            if (Character.isLetter(c) || c == '-' || c == '\'' || c == '\u2019') {
                return false;
            }
            if (c == ' ' && e + 1 < text.length() && !Character.isLowerCase(text.charAt(e + 1))
                    && !Character.isDigit(text.charAt(e + 1))) {
                return false;
            }
        }
        return givenNameWord(text, word);
    }

    /**
     * A capitalised word (not in capitals) that the name lists know as a surname although it is an ordinary word
     * ("Miller", "Winter"): after a cue and a given name that is a word too ("Daughter Faith Miller present",
     * "Nurse: Rose Winter"), the pair is the name the cue announces.
     */
    private static boolean surnameThatIsAWord(String text, int[] w) {
        return w[1] - w[0] >= 3 && Character.isUpperCase(text.codePointAt(w[0])) && !isAllUpperCase(text, w[0], w[1])
                && NAMES.isLastName(NameDictionary.normalize(text.substring(w[0], w[1])));
    }

    /**
     * The names a {@link #NAME_CUES cue} or a form of address announces in a text ("daughter Renata", "Herr
     * Kranichfeld"), in order, as written: a CSV scan notes them as identifiers of the row's patient, so that the
     * patient's other notes lose the name where no cue stands before it ("Renata asks for a callback"). Stateless.
     */
    public static List<String> cuedNames(String text) {
        List<Span> spans = new ArrayList<>();
        findCuedNames(text, spans);
        List<String> names = new ArrayList<>(spans.size());
        for (Span s : spans) {
            names.add(text.substring(s.start(), s.end()));
        }
        return names;
    }

    /**
     * Forms of address in the languages of the exports that stand before a surname no table announced, as written
     * (capitalised): the {@link #HONORIFICS} and their long forms; Mr, Mrs, Ms, Dr and Prof have a pattern of their own. "M" ("M. Dupont") is left out: a
     * single letter with a full stop is an initial or an abbreviation as often.
     */
    private static final java.util.Set<String> FORMS_OF_ADDRESS = java.util.stream.Stream.concat(
            HONORIFICS.stream().filter(h -> !java.util.Set.of("mr", "mrs", "ms", "miss", "dr", "prof", "pr", "m", "d").contains(h))
                    .map(h -> Character.toUpperCase(h.charAt(0)) + h.substring(1)),
            java.util.stream.Stream.of("Madame", "Mademoiselle", "Monsieur", "Signora", "Signor", "Signorina", "Señor",
                    "Señora", "Señorita")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** The endings of "Sig.ra" (signora), "Sig.na" (signorina) and "Dott.ssa" (dottoressa). */
    private static final java.util.Set<String> SIG_ENDINGS = java.util.Set.of("ra", "na", "ssa");

    /**
     * Known names inside a run of Chinese characters, kana or Hangul: those scripts write no space between a name
     * and the words around it ("月影花江様", "夫 月影宗一郎", "서문지윤 님"), so a name is one part of a longer token.
     * Substrings of two to {@link CjkNames#MAX_NAME} characters of such a script are looked up, longest first; a
     * one-character name (a Chinese or Korean surname alone) is not, as it would match inside ordinary words.
     */
    private void findKnownCjkNames(String text, List<Span> spans) {
        if (identifiers.isEmpty()) {
            return;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!CjkNames.isCjk(text.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            while (end < n && CjkNames.isCjk(text.charAt(end))) {
                end++;
            }
            int at = i;
            while (at < end - 1) {
                int found = 0;
                for (int len = Math.min(CjkNames.MAX_NAME, end - at); len >= 2 && found == 0; len--) {
                    String key = KnownIdentifiers.normalizeToken(text.substring(at, at + len));
                    String replacement = identifiers.replacement(key);
                    if (replacement != null) {
                        spans.add(new Span(at, at + len, replacement));
                        found = len;
                    }
                }
                at += found > 0 ? found : 1;
            }
            i = end;
        }
    }

    /** Hashes of the cues ({@link #lowerHash}), sorted: most texts hold no cue and are passed over without a copy. */
    private static final long[] CUE_HASHES = java.util.stream.Stream.concat(java.util.stream.Stream.concat(
            NAME_CUES.stream(), FORMS_OF_ADDRESS.stream()), java.util.stream.Stream.concat(READ_BACK.keySet().stream(),
            java.util.stream.Stream.concat(java.util.stream.Stream.of("name", "attending", "signed", "cc", "law", "tan",
                    "toh"),
                    java.util.stream.Stream.concat(java.util.stream.Stream.concat(HONORIFICS_AFTER.stream(),
                            java.util.stream.Stream.concat(NUMBER_LABELS.stream(), PATIENT_CUES.stream())),
                            java.util.stream.Stream.concat(java.util.stream.Stream.concat(SIGNING.stream(),
                                    REPORT_VERBS.stream()), STAFF_LABELS.stream())))))
            .mapToLong(c -> lowerHash(c, 0, c.length())).distinct().sorted().toArray();

    /**
     * Whether a word of {@code minLength} letters or more of the text is one of {@code sortedHashes} ({@link #lowerHash},
     * sorted): a finder's first look at a text, without a copy of any word ({@link Employers}).
     */
    static boolean holdsWordOf(String text, long[] sortedHashes, int minLength) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetter(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            i = letterRunEnd(text, i);
            if (i - start >= minLength && java.util.Arrays.binarySearch(sortedHashes, lowerHash(text, start, i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The end of the run of letters and combining marks that starts at {@code i} ({@link PlaceNames} too). */
    static int letterRunEnd(String text, int i) {
        int n = text.length();
        while (i < n && (Character.isLetter(text.charAt(i))
                || Character.getType(text.charAt(i)) == Character.NON_SPACING_MARK)) {
            i++;
        }
        return i;
    }

    /** A run's hash in lower case, as the cue tables hold them ({@link PlaceNames} too). */
    static long lowerHash(CharSequence s, int from, int to) {
        long h = 1125899906842597L;
        for (int i = from; i < to; i++) {
            h = 31 * h + Character.toLowerCase(s.charAt(i));
        }
        return h;
    }

    /** The words of a Malay patronymic between the two names ("Hafiz bin Rosli", "Norazlina binti Yusof"; 0244). */
    private static final java.util.Set<String> PATRONYMIC_WORDS = java.util.Set.of("bin", "binti", "bte", "bt", "BIN",
            "BINTI", "BTE");

    /** Whether a text may hold a {@link #patronymicNames patronymic}: cheap, before the words are looked at. */
    private static boolean mayHoldPatronymic(String text) {
        if (text.indexOf(" bin") >= 0 || text.indexOf(" bt") >= 0 || text.indexOf(" BIN") >= 0
                || text.indexOf(" BT") >= 0) {
            return true;
        }
        for (int i = text.indexOf('/'); i >= 0 && i + 2 < text.length(); i = text.indexOf('/', i + 1)) {
            if (i < 2) {
                continue;
            }
            if (text.charAt(i - 2) == ' ' && text.charAt(i + 2) == ' '
                    && slashPatronymic(text.charAt(i - 1), text.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code x/y} is "s/o", "d/o", "a/l" or "a/p", in either case. */
    private static boolean slashPatronymic(char x, char y) {
        char lx = Character.toLowerCase(x);
        char ly = Character.toLowerCase(y);
        return (lx == 's' || lx == 'd') && ly == 'o' || lx == 'a' && (ly == 'l' || ly == 'p');
    }

    /**
     * The names on both sides of a patronymic's middle word: Malay "bin" and "binti" (son and daughter of; "bte", "bt."),
     * the Tamil "a/l" and "a/p" of Malaysia (anak lelaki, anak perempuan), "s/o" and "d/o" of Singapore and India
     * ("Kavitha d/o Subramaniam", "Kumaresan s/o Palaniappan", "MUTHU A/L RAMASAMY"; decision 0244). Up to three
     * capitalised words on each side, no form of address, cue or ordinary word among them (a known name is none);
     * in capitals on both sides where the middle word is. The names are replaced, the middle word stays. In lower case
     * only between capitalised words: "s/o" is "suggestive of", "d/o" a disorder and "A/P" the assessment and plan in
     * a note, none of them between two names.
     */
    private static void patronymicNames(String text, List<int[]> bounds, List<Span> spans) {
        for (int k = 1; k + 1 < bounds.size(); k++) {
            int[] b = bounds.get(k);
            int len = b[1] - b[0];
            int right;
            boolean capitals;
            if (len == 1 && b[1] + 1 < text.length() && text.charAt(b[1]) == '/' && bounds.get(k + 1)[0] == b[1] + 1
                    && bounds.get(k + 1)[1] == b[1] + 2 && gap(text, bounds.get(k - 1)[1], b[0], " ")) {
                char x = text.charAt(b[0]);
                char y = text.charAt(b[1] + 1);
                if (!slashPatronymic(x, y) || Character.isUpperCase(x) != Character.isUpperCase(y)) {
                    continue;
                }
                capitals = Character.isUpperCase(x);
                right = k + 2;
            } else if (len >= 2 && len <= 5 && PATRONYMIC_WORDS.contains(text.substring(b[0], b[1]))
                    && gap(text, bounds.get(k - 1)[1], b[0], " ")) {
                capitals = Character.isUpperCase(text.charAt(b[0]));
                right = k + 1;
            } else {
                continue;
            }
            if (right >= bounds.size() || !gap(text, bounds.get(right - 1)[1], bounds.get(right)[0], right == k + 1
                    ? " ." : " ")) {
                continue;
            }
            List<Span> found = new ArrayList<>();
            int left = 0;
            for (int j = k - 1; j >= 0 && left < 3 && patronymicName(text, bounds.get(j), capitals)
                    && (j == k - 1 || gap(text, bounds.get(j)[1], bounds.get(j + 1)[0], " ")); j--, left++) {
                found.add(new Span(bounds.get(j)[0], bounds.get(j)[1], "[NAME]"));
            }
            int after = 0;
            for (int j = right; j < bounds.size() && after < 3 && patronymicName(text, bounds.get(j), capitals)
                    && (j == right || gap(text, bounds.get(j - 1)[1], bounds.get(j)[0], " ")); j++, after++) {
                found.add(new Span(bounds.get(j)[0], bounds.get(j)[1], "[NAME]"));
            }
            if (left > 0 && after > 0) {
                spans.addAll(found);
            }
        }
    }

    /** A word of a name beside a patronymic's middle word ({@link #patronymicNames}). */
    private static boolean patronymicName(String text, int[] w, boolean capitals) {
        if (w[1] - w[0] < 2 || !Character.isUpperCase(text.charAt(w[0]))
                || capitals != isAllUpperCase(text, w[0], w[1])) {
            return false; // "Mood d/o NOS": a word in capitals beside a middle word in lower case is none
        }
        String word = text.substring(w[0], w[1]);
        String lower = word.toLowerCase(Locale.ROOT);
        if (HONORIFICS.contains(lower) || NAME_CUES.contains(lower) || PATIENT_CUES.contains(lower)
                || DOTTED_FORMS.contains(word) || PATRONYMIC_WORDS.contains(word)) {
            return false;
        }
        String n = NameDictionary.normalize(word);
        return NAMES.isUnambiguousName(n) || !NAMES.isCommonWord(n);
    }

    /**
     * Whether a run of letters of the text may be a cue: its hash is one of theirs, or it is one of the
     * {@link #DOTTED_FORMS} before its full stop. A superset of the words {@link #findCuedNames} takes for cues (a
     * collision, or a run split at a supplementary letter, only costs the full pass), so skipping the texts for which
     * this is false changes nothing. No allocation but a short word's before a full stop.
     */
    private static boolean mayHoldCue(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            int start = i;
            i = letterRunEnd(text, i);
            int length = i - start;
            if (length >= 2 && length <= 16 && java.util.Arrays.binarySearch(CUE_HASHES, lowerHash(text, start, i)) >= 0
                    || electronicSignature(text, start, i) || dottedForm(text, start, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether between two words there are one to four characters, all of them of {@code allowed}. */
    private static boolean gap(String text, int from, int to, String allowed) {
        if (to <= from || to - from > 4) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (allowed.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the lower-case {@code word} is a cue or an honorific ("daughter", "mrs"), never a part of a name. */
    static boolean isCueOrHonorific(String lower) {
        return NAME_CUES.contains(lower) || HONORIFICS.contains(lower);
    }

    /** A capitalised word of three or more letters with lower case in it, that is not an ordinary word. */
    static boolean cuedNameWord(String text, int[] b) {
        if (b[1] - b[0] < 3 || !Character.isUpperCase(text.codePointAt(b[0])) || isAllUpperCase(text, b[0], b[1])) {
            return false;
        }
        String word = text.substring(b[0], b[1]);
        String lower = word.toLowerCase(Locale.ROOT);
        return !NAMES.isCommonWord(NameDictionary.normalize(word)) && !NAME_CUES.contains(lower)
                && !HONORIFICS.contains(lower) && !HONORIFICS_AFTER.contains(word)
                && !CyrillicGreekNames.isCue(word); // "Пациентка Смирнова": the cue is no given name (decision 0131)
    }

    /**
     * In {@code into} (grown when too short) at {@code [k]}, for k from 1 to {@code longest}, the {@link String#hashCode()}
     * of tokens {@code t} to {@code t + k - 1} joined by single spaces, as {@link #findKnownIdentifiers} joins them:
     * {@code hash(a + b) = hash(a) * 31^length(b) + hash(b)}.
     */
    static int[] joinedHashes(List<String> tokens, int t, int longest, int[] into) {
        int[] h = into != null && into.length > longest ? into : new int[Math.max(longest + 1, 8)];
        int hash = tokens.get(t).hashCode();
        h[1] = hash;
        for (int k = 2; k <= longest; k++) {
            String next = tokens.get(t + k - 1);
            int power = 1;
            for (int i = next.length(); i > 0; i--) {
                power *= 31;
            }
            hash = (hash * 31 + ' ') * power + next.hashCode();
            h[k] = hash;
        }
        return h;
    }

    private void findKnownIdentifiers(String text, List<Span> spans) {
        if (identifiers.isEmpty()) {
            return;
        }
        List<int[]> bounds = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        KnownIdentifiers.tokenize(text, bounds, tokens);
        StringBuilder joined = null;
        int[] joinedHashes = null;
        for (int t = 0; t < tokens.size(); t++) {
            int max = identifiers.longestStartingWith(tokens.get(t));
            if (max == 0) {
                String genitive = genitiveReplacement(text, bounds.get(t), tokens.get(t));
                if (genitive == null && Character.isUpperCase(text.codePointAt(bounds.get(t)[0]))) {
                    genitive = declinedReplacement(tokens.get(t)); // Смирновой, Παπαδοπούλου (decision 0131)
                }
                if (genitive != null) {
                    spans.add(new Span(bounds.get(t)[0], bounds.get(t)[1], genitive));
                }
                continue;
            }
            int longest = Math.min(max, tokens.size() - t);
            if (longest > 1) {
                // the joined tokens' hashes, so that a sequence the identifiers' tables turn away is never joined
                joinedHashes = joinedHashes(tokens, t, longest, joinedHashes);
            }
            for (int len = longest; len >= 1; len--) {
                String key;
                if (len == 1) {
                    key = tokens.get(t);
                } else if (!identifiers.mayHaveReplacement(joinedHashes[len])) {
                    continue;
                } else {
                    // the tokens joined by single spaces, as the identifiers are kept
                    joined = joined == null ? new StringBuilder(64) : joined;
                    joined.setLength(0);
                    joined.append(tokens.get(t));
                    for (int k = t + 1; k < t + len; k++) {
                        joined.append(' ').append(tokens.get(k));
                    }
                    key = joined.toString();
                }
                String replacement = identifiers.replacement(key);
                if (replacement == null && len == 1 && Character.isUpperCase(text.codePointAt(bounds.get(t)[0]))) {
                    replacement = identifiers.capitalOnlyReplacement(key);
                }
                if (replacement != null) {
                    spans.add(new Span(bounds.get(t)[0], bounds.get(t + len - 1)[1], replacement));
                    t += len - 1;
                    break;
                }
            }
        }
    }
}
