package org.deidworkbench.deid;

/**
 * Ages over 89 written inside a code: i2b2's demographic concept {@code DEM|AGE:91}, a local {@code age_91} or
 * {@code AGE91Y}, a band {@code AGE:90-94}, a comparison {@code AGE_GT_95} or {@code AGE>=92}. HIPAA Safe Harbor
 * aggregates every age over 89 into one category, so the age becomes {@code 90+} (as {@code generalize: age-band} and
 * the scrubber write it) and a comparison above 89 becomes the one at 89 ({@code AGE_GT_89}, {@code AGE_GE_90}), which
 * is that category already (decision 0124). Everything else, ordinary codes ({@code LOINC:4548-4}, {@code ICD10:E11.9},
 * {@code STAGE:4}, {@code PAGE:91}) and ages up to 89, is returned as it is.
 *
 * <p>The word {@code AGE} (any case) must stand alone: not after or before a letter. A pure function; thread-safe.
 * It costs a scan for the letters {@code ge} unless one is found.
 */
public final class AgesInCodes {

    /** The first age aggregated, as in {@code generalize: age-band}. */
    private static final int FIRST_AGGREGATED = 90;
    /** The scrubber's upper bound for a number read as an age ({@code 1[0-4]\d}). */
    private static final int LAST_AGE = 149;

    private AgesInCodes() {
    }

    /**
     * The code with each age over 89 in it aggregated; the same instance when there is none.
     *
     * @param code a code as written, e.g. {@code DEM|AGE:91}
     */
    public static String group(String code) {
        int from = 0;
        StringBuilder out = null;
        int copied = 0;
        while (true) {
            int g = indexOfGe(code, from);
            if (g < 0) {
                break;
            }
            int a = g - 1;
            from = g + 2;
            if (a < 0 || (code.charAt(a) | 0x20) != 'a' || (a > 0 && Character.isLetter(code.charAt(a - 1)))
                    || (from < code.length() && Character.isLetter(code.charAt(from)))) {
                continue;
            }
            Replacement r = ageAfter(code, from);
            if (r == null) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(code.length() + 2);
            }
            out.append(code, copied, r.start).append(r.text);
            copied = r.end;
            from = r.end;
        }
        if (out == null) {
            return code;
        }
        return out.append(code, copied, code.length()).toString();
    }

    /** The next {@code ge} (any case) at or after {@code from}, or -1. */
    private static int indexOfGe(String s, int from) {
        for (int i = Math.max(from, 1); i + 1 < s.length(); i++) {
            if ((s.charAt(i) | 0x20) == 'g' && (s.charAt(i + 1) | 0x20) == 'e') {
                return i;
            }
        }
        return -1;
    }

    /** What replaces the characters {@code start} to {@code end} of the code. */
    private record Replacement(int start, int end, String text) {
    }

    /** The age over 89 written after the word {@code AGE} (ending at {@code i}), or null when there is none. */
    private static Replacement ageAfter(String s, int i) {
        i = skipSeparators(s, i);
        // A comparison: GT, GE, OVER, >, >= (the separators around a word are optional)
        int c = i;
        boolean inclusive = false;
        boolean comparison = false;
        if (startsWithIgnoreCase(s, c, "GT") || startsWithIgnoreCase(s, c, "GE")) {
            inclusive = (s.charAt(c + 1) | 0x20) == 'e';
            c += 2;
            comparison = c >= s.length() || !Character.isLetter(s.charAt(c));
        } else if (startsWithIgnoreCase(s, c, "OVER")) {
            c += 4;
            comparison = c >= s.length() || !Character.isLetter(s.charAt(c));
        } else if (c < s.length() && s.charAt(c) == '>') {
            c++;
            if (c < s.length() && s.charAt(c) == '=') {
                inclusive = true;
                c++;
            }
            comparison = true;
        }
        if (comparison) {
            i = skipSeparators(s, c);
        }
        int start = i;
        int n = 0;
        while (i < s.length() && i - start < 3 && Character.isDigit(s.charAt(i))) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start || (i < s.length() && Character.isDigit(s.charAt(i))) || decimalAt(s, i)) {
            return null;
        }
        int end = i;
        if (!comparison && i + 1 < s.length() && s.charAt(i) == '-' && Character.isDigit(s.charAt(i + 1))) {
            // A band, AGE:90-94: aggregated when it starts over 89.
            int j = i + 1;
            while (j < s.length() && Character.isDigit(s.charAt(j))) {
                j++;
            }
            end = j;
        }
        int unit = unitEnd(s, end);
        if (unit < 0) {
            return null; // digits glued to other letters (AGE:91A) are not an age
        }
        if (comparison) {
            int limit = inclusive ? FIRST_AGGREGATED : FIRST_AGGREGATED - 1;
            return n > limit && n <= LAST_AGE ? new Replacement(start, end, Integer.toString(limit)) : null;
        }
        return n >= FIRST_AGGREGATED && n <= LAST_AGE ? new Replacement(start, end, "90+") : null;
    }

    private static int skipSeparators(String s, int i) {
        while (i < s.length() && ":_|= -".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean decimalAt(String s, int i) {
        return i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && Character.isDigit(s.charAt(i + 1));
    }

    /**
     * Where the number's unit of years ends ({@code Y}, {@code YR}, {@code YRS}, {@code YEARS}, any case), the number's
     * end when there is none, or -1 when letters that are no unit follow the number.
     */
    private static int unitEnd(String s, int i) {
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        if (j == i) {
            return i;
        }
        String word = s.substring(i, j).toLowerCase(java.util.Locale.ROOT);
        return switch (word) {
            case "y", "yr", "yrs", "year", "years" -> j;
            default -> -1;
        };
    }

    private static boolean startsWithIgnoreCase(String s, int i, String prefix) {
        return s.regionMatches(true, i, prefix, 0, prefix.length());
    }
}
