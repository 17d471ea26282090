package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal numbers of Mexico, Chile, Argentina and Colombia in free text (decision 0133), found by their shapes and
 * check digits, or by the label a number without a check digit stands after:
 * <ul>
 * <li>a Mexican CURP ({@code HELG580312MDFRPD05}, in either case): its shape, a birth date, a state's code and the
 * check digit; an RFC ({@code HELG580312K77}): its birth date and the homoclave's check character;</li>
 * <li>an IMSS number written in its groups ({@code 34-98-67-0456-6}) with its Luhn check digit (eleven digits run
 * together are taken by the scrubber's long-number patterns already);</li>
 * <li>a Chilean RUT with or without its dots ({@code 12.345.678-5}, {@code 12345678-5}, {@code 9.876.545-K}): the mod
 * 11 check character after the dash;</li>
 * <li>an Argentine CUIL or CUIT ({@code 20-30123456-3}, or eleven digits): its type and mod 11 check digit;</li>
 * <li>an Argentine DNI and a Colombian cédula ({@code DNI 30.123.456}, {@code C.C. 1.020.304.050}, {@code CC
 * 79.845.123}): no check digit, so only after their label;</li>
 * <li>a Mexican postcode after {@code C.P.}, and a phone number of ten digits in the groups of Mexico City, Guadalajara,
 * Monterrey and Buenos Aires ({@code 55 8765 4321}, {@code 11 4567-8901}).</li>
 * </ul>
 * Each pattern is tried only where a run of digits of its length starts (the letters before a CURP are looked at from
 * there). Stateless and thread-safe; linear in the text.
 */
final class LatinAmericanNumbers {

    private LatinAmericanNumbers() {
    }

    /** What was found: {@code [start, end)} and the replacement. */
    record Found(int start, int end, String replacement) {
    }

    private static final Pattern CURP = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{4}\\d{6}[A-Za-z]{6}[0-9A-Za-z]\\d(?![\\p{L}\\p{N}])");
    private static final Pattern RFC = Pattern.compile("(?<![\\p{L}\\p{N}&])[A-Za-z\u00D1\u00F1&]{3,4}\\d{6}[A-Za-z\\d]{2}[\\dAa](?![\\p{L}\\p{N}])");
    private static final Pattern NSS = Pattern.compile("(?<![\\d\\-])\\d\\d([- ])\\d\\d\\1\\d\\d\\1\\d{4}\\1\\d(?![\\d\\-]|[.,]\\d)");
    private static final Pattern RUT = Pattern.compile("(?<![\\d.\\-])(\\d{1,2}(?:\\.\\d{3}){2}|\\d{7,8})-([\\dkK])(?![\\p{L}\\p{N}\\-])");
    private static final Pattern CUIL = Pattern.compile("(?<![\\d.\\-])(?:(?:2[03478]|3[034])-\\d{8}-\\d|(?:2[03478]|3[034])\\d{9})(?![\\d\\-]|[.,]\\d)");
    private static final Pattern LABELLED = Pattern.compile("(?<![\\d.\\-])(?:\\d{1,3}(?:\\.\\d{3}){2,3}|\\d{6,10})(?![\\d\\-]|[.,]\\d)");
    /** The labels of an identity document's number without a check digit: DNI, C.C., CC, cédula (with N°, :). */
    static final Pattern ID_LABEL_BEFORE = Pattern.compile("(?:\\bD\\.?N\\.?I\\.?|\\bC\\.C\\.|\\bCC|(?i:\\bc[ée]dula(?: de ciudadan[ií]a)?))"
            + "(?:\\s*(?:N[°ºo]\\.?|n[úu]m(?:ero|\\.)?|:))*\\s{0,2}$");
    private static final Pattern CP_BEFORE = Pattern.compile("\\bC\\.\\s?P\\.\\s?$");
    private static final Pattern PHONE = Pattern.compile("(?<![\\d\\-+.])(?:[1-9]\\d \\d{4}[ \\-]\\d{4})(?![\\d\\-]|[.,]\\d)");

    /** The numbers of a text, in no particular order; empty when it holds fewer than five digits (a C.P.). */
    static List<Found> find(String text) {
        int n = text.length();
        int digits = 0;
        for (int i = 0; i < n && digits < 5; i++) {
            if (isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits < 5) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        Matcher[] matchers = new Matcher[8];
        for (int i = 0; i < n; i++) {
            if (!isDigit(text.charAt(i)) || i > 0 && isDigit(text.charAt(i - 1))) {
                continue;
            }
            int j = i;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            int len = j - i;
            char next = j < n ? text.charAt(j) : ' ';
            Matcher m;
            if (len == 6 && i >= 4 && (m = NationalNumbers.at(matchers, 0, CURP, text, i - 4)) != null
                    && CheckDigits.curp(m.group().toUpperCase(Locale.ROOT))) {
                out.add(new Found(m.start(), m.end(), "[ID]"));
            } else if (len == 6 && i >= 3) {
                for (int letters = 4; letters >= 3; letters--) {
                    if (i >= letters && (m = NationalNumbers.at(matchers, 1, RFC, text, i - letters)) != null
                            && CheckDigits.rfc(m.group().toUpperCase(Locale.ROOT))) {
                        out.add(new Found(m.start(), m.end(), "[ID]"));
                        break;
                    }
                }
            }
            if (len == 2 && (next == '-' || next == ' ') && (m = NationalNumbers.at(matchers, 2, NSS, text, i)) != null
                    && CheckDigits.nss(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if ((len <= 2 && next == '.' || (len == 7 || len == 8) && next == '-')
                    && (m = NationalNumbers.at(matchers, 3, RUT, text, i)) != null
                    && CheckDigits.rut(CheckDigits.digits(m.group(1)), m.group(2).charAt(0))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if ((len == 2 && next == '-' || len == 11) && (m = NationalNumbers.at(matchers, 4, CUIL, text, i)) != null
                    && CheckDigits.cuil(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if ((len <= 3 && next == '.' || len >= 6 && len <= 10) && mayHoldIdLabel(text, i - 32, i) && NationalNumbers.endsBefore(ID_LABEL_BEFORE, text, i, 32)
                    && (m = NationalNumbers.at(matchers, 5, LABELLED, text, i)) != null) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (len == 5 && (j == n || !Character.isLetterOrDigit(next)) && NationalNumbers.endsBefore(CP_BEFORE, text, i, 8)) {
                out.add(new Found(i, j, "[ZIP]"));
            }
            if (len == 2 && next == ' ' && (m = NationalNumbers.at(matchers, 6, PHONE, text, i)) != null) {
                out.add(new Found(i, m.end(), "[PHONE]"));
            }
            i = j - 1;
        }
        return out;
    }

    /**
     * Whether {@code [from, to)} holds what every label {@link #ID_LABEL_BEFORE} knows begins with: {@code DN},
     * {@code D.N}, {@code C.C.}, {@code CC}, or {@code c}, {@code e} or {@code é}, {@code dula} in any case; the label
     * pattern is tried at each place of the span only then (decision 0145).
     */
    static boolean mayHoldIdLabel(String text, int from, int to) {
        for (int k = Math.max(0, from); k + 1 < to; k++) {
            char c = text.charAt(k);
            char d = text.charAt(k + 1);
            if (c == 'D' && (d == 'N' || d == '.' && k + 2 < to && text.charAt(k + 2) == 'N')
                    || c == 'C' && (d == 'C' || d == '.' && k + 3 < to && text.charAt(k + 2) == 'C' && text.charAt(k + 3) == '.')
                    || (c == 'c' || c == 'C') && (d == 'e' || d == 'E' || d == 'é') && k + 6 <= to
                            && text.regionMatches(true, k + 2, "dula", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
