package org.deidworkbench.deid;

/**
 * Dates written in the Buddhist Era, as Thai systems write them ({@code 12/03/2566}, {@code 2566-03-12}: 2566 BE is
 * 2023; decision 0133). The rule: a date whose four-digit year lies from {@link ThaiText#FIRST_BUDDHIST_YEAR} (2400 BE,
 * 1857) to 2699 is a Buddhist Era date, in any file: no export holds a common-era date past 2399 (MIMIC's shifted dates
 * lie in the 2100s), and a Thai export's birth dates reach back to the 2400s. Such a date is read as its common-era
 * day, shifted as a day of that calendar (29/02/2567 is 29 February 2024, a leap day that Gregorian 2567 lacks), and
 * written back in its notation and its era. A compact {@code yyyyMMdd} Buddhist date and a bare year are left to the
 * common rules. Stateless and thread-safe.
 */
final class BuddhistEra {

    private BuddhistEra() {
    }

    /** Last year read as a Buddhist Era year. */
    static final int LAST_BUDDHIST_YEAR = 2699;

    /**
     * Where the value's only four-digit run of digits starts when it is a Buddhist Era year, or -1 (no such run, more
     * than one, or a common-era year).
     */
    static int yearAt(String v) {
        int at = -1;
        int n = v.length();
        for (int i = 0; i < n; i++) {
            if (!isDigit(v.charAt(i))) {
                continue;
            }
            int j = i;
            while (j < n && isDigit(v.charAt(j))) {
                j++;
            }
            if (j - i == 4) {
                if (at >= 0) {
                    return -1;
                }
                at = i;
            } else if (j - i > 4) {
                return -1;
            }
            i = j - 1;
        }
        if (at < 0) {
            return -1;
        }
        int y = (v.charAt(at) - '0') * 1000 + (v.charAt(at + 1) - '0') * 100 + (v.charAt(at + 2) - '0') * 10
                + v.charAt(at + 3) - '0'; // no substring: every date of every column passes here
        return y >= ThaiText.FIRST_BUDDHIST_YEAR && y <= LAST_BUDDHIST_YEAR ? at : -1;
    }

    /** The value with its four-digit year at {@code at} moved by {@code years}. */
    static String moveYear(String v, int at, int years) {
        int y = Integer.parseInt(v.substring(at, at + 4)) + years;
        return v.substring(0, at) + DateValues.zeroPadded(y, 4) + v.substring(at + 4);
    }

    /** The value with its only four-digit year (of the common era) written in the Buddhist Era. */
    static String toBuddhist(String commonEra) {
        int n = commonEra.length();
        for (int i = 0; i < n; i++) {
            if (!isDigit(commonEra.charAt(i))) {
                continue;
            }
            int j = i;
            while (j < n && isDigit(commonEra.charAt(j))) {
                j++;
            }
            if (j - i == 4) {
                return moveYear(commonEra, i, ThaiText.BUDDHIST_OFFSET);
            }
            i = j - 1;
        }
        return commonEra;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
