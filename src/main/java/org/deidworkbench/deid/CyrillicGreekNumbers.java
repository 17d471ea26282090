package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Russian and Greek national, insurance and telephone numbers in free text (decision 0131), found by their check digits
 * where they have one:
 * <ul>
 * <li>a SNILS ({@code 112-233-445 95} or eleven digits): its two-digit mod-101 check ({@link CheckDigits#snils});</li>
 * <li>a полис ОМС (sixteen digits, also in groups of four): a Luhn check digit;</li>
 * <li>a Greek AMKA (eleven digits, a birth date first) and AFM (nine digits): a Luhn check digit, a mod-11 one;</li>
 * <li>a Russian telephone number ({@code +7 (912) 345-67-89}, {@code 8 912 345 67 89}) and a Greek one
 * ({@code +30 210 1234567}, {@code 6912345678});</li>
 * <li>a postcode after its label: {@code Индекс 125009}, {@code Τ.Κ. 11473}.</li>
 * </ul>
 * Only in a text with Cyrillic or Greek letters ({@link CyrillicGreekNames#mayHold}): an English note's accession or
 * card number of the same length must stay. Stateless and thread-safe; cost: a few scans of such a text.
 */
final class CyrillicGreekNumbers {

    private CyrillicGreekNumbers() {
    }

    /** What was found: {@code [start, end)} and the replacement. */
    record Found(int start, int end, String replacement) {
    }

    private static final String BEFORE = "(?<![\\d.\\-/+])";
    private static final String AFTER = "(?![\\d\\-]|[.,]\\d)";
    private static final Pattern SNILS = Pattern.compile(BEFORE + "\\d{3}([- ]?)\\d{3}\\1\\d{3}[- ]?\\d{2}" + AFTER);
    private static final Pattern OMS = Pattern.compile(BEFORE + "\\d{4}( ?)\\d{4}\\1\\d{4}\\1\\d{4}" + AFTER);
    private static final Pattern ELEVEN = Pattern.compile(BEFORE + "\\d{11}" + AFTER);
    private static final Pattern NINE = Pattern.compile(BEFORE + "\\d{9}" + AFTER);
    private static final Pattern RU_PHONE = Pattern.compile("(?<![\\d\\w])(?:\\+7|8)[ -]?(?:\\(\\d{3,5}\\)|\\d{3})[ -]?"
            + "\\d{1,3}[ -]?\\d{2}[ -]?\\d{2}" + AFTER);
    private static final Pattern GR_PHONE = Pattern.compile("(?<![\\d\\w+])(?:\\+30[ -]?|0030[ -]?)?"
            + "(?:2\\d{1,3}[ -]?\\d{6,8}|69\\d[ -]?\\d{3}[ -]?\\d{4})" + AFTER);

    /** A Russian postcode after its label ({@code Индекс 125009}), a Greek one after {@code Τ.Κ.} ({@code 114 73}). */
    private static final Pattern POSTCODE_AFTER_LABEL = Pattern.compile("(?iu)(?:(?<![\\p{L}])индекс|(?<![\\p{L}])Τ\\.\\s?Κ\\.?)"
            + "[:\\s]{1,3}(\\d{6}|\\d{3} ?\\d{2})" + AFTER);

    /** The numbers of a text, in no particular order; empty unless it has Cyrillic or Greek letters and 5 digits. */
    static List<Found> find(String text) {
        if (!CyrillicGreekNames.mayHold(text) || digitCount(text) < 5) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        Matcher m = SNILS.matcher(text);
        while (m.find()) {
            if (CheckDigits.snils(CheckDigits.digits(m.group()))) {
                out.add(new Found(m.start(), m.end(), "[ID]"));
            }
        }
        m = OMS.matcher(text);
        while (m.find()) {
            if (CheckDigits.oms(CheckDigits.digits(m.group()))) {
                out.add(new Found(m.start(), m.end(), "[ID]"));
            }
        }
        m = ELEVEN.matcher(text);
        while (m.find()) {
            if (CheckDigits.amka(m.group())) {
                out.add(new Found(m.start(), m.end(), "[ID]"));
            }
        }
        m = NINE.matcher(text);
        while (m.find()) {
            if (CheckDigits.afm(m.group())) {
                out.add(new Found(m.start(), m.end(), "[ID]"));
            }
        }
        m = POSTCODE_AFTER_LABEL.matcher(text);
        while (m.find()) {
            out.add(new Found(m.start(1), m.end(1), "[ZIP]"));
        }
        for (Pattern p : new Pattern[] {RU_PHONE, GR_PHONE}) {
            m = p.matcher(text);
            while (m.find()) {
                out.add(new Found(m.start(), m.end(), "[PHONE]"));
            }
        }
        return out;
    }

    private static int digitCount(String text) {
        int d = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            d += c >= '0' && c <= '9' ? 1 : 0;
        }
        return d;
    }
}
