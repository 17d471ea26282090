package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Australian, New Zealand and Canadian health and personal numbers and postcodes in free text (decision 0123), found
 * by their shapes and, where the number has one, by its check digit or letter, so that a code or a measurement of the
 * same shape stays:
 * <ul>
 * <li>an Individual Healthcare Identifier (IHI, and the HPI-I and HPI-O of providers): sixteen digits starting
 * {@code 800360}, {@code 800361} or {@code 800362}, in groups of four or not, with the Luhn check digit;
 * <li>an Australian Medicare card number written as on the card ({@code 2123 45670 1}): its ninth digit is the check
 * digit of the first eight (weights 1 3 7 9 1 3 7 9), the tenth the card's issue; an IRN after a slash goes with it;
 * <li>a New Zealand NHI, old ({@code ZZZ0016}: three letters without I and O, four digits, modulo 11) or new
 * ({@code ZSC21TN}: three letters, two digits, two letters, the last a check letter modulo 23), in capitals or in
 * lower case ({@code zsc21tn});
 * <li>a Department of Veterans' Affairs file number after {@code DVA} ({@code DVA Gold Card NX901667}): a state's
 * letter, a war code, digits and a segment letter;
 * <li>a Canadian health number in its provinces' groups of four, three and three digits: Ontario's with its version
 * code ({@code 4532-128-875-AB}) or with a valid Luhn digit, British Columbia's PHN ({@code 9698 658 215}: 9 then
 * modulo 11 with weights 2 4 8 5 10 9 7 3), and Quebec's RAMQ number, four letters from the name and the birth date
 * ({@code TREM 6252 1412}: a month of 01 to 12, or 51 to 62 for a woman, and a day of 01 to 31);
 * <li>a Canadian Social Insurance Number in three groups of three digits with the Luhn check digit, written with
 * dashes or after {@code SIN}, {@code NAS} or the words for it;
 * <li>an Australian postcode after a state's code ({@code NSW 2010}, {@code NT 0870}), in that state's ranges; a
 * Canadian postal code ({@code K1A 0B1}; without its space only after a province's code).
 * </ul>
 * Stateless and thread-safe; linear in the text (each pattern is tried only where its first characters, digits or
 * capitals, can start a match).
 */
final class HealthNumbers {

    private HealthNumbers() {
    }

    /** What a found span is: a number of a person, or where the person lives. */
    enum Kind {
        /** A health, insurance or personal number: replaced by {@code [ID]}. */
        NUMBER,
        /** A postcode: replaced by {@code [ZIP]}. */
        POSTCODE
    }

    /** One finding: {@code [start, end)} of the text and its kind. */
    record Found(int start, int end, Kind kind) {
    }

    private static final Pattern IHI = Pattern.compile("(?<![\\d-])8003 ?6[0-2]\\d\\d ?\\d{4} ?\\d{4}(?![\\d-]|[.,]\\d)");
    private static final Pattern MEDICARE = Pattern.compile("(?<![\\d-])[2-6]\\d{3} \\d{5} \\d(?: ?/ ?\\d)?(?![\\d-]|[.,]\\d)");
    private static final String NHI_LETTER = "[A-HJ-NP-Z]";
    private static final Pattern NHI = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + NHI_LETTER + "{3}(?:\\d{4}|\\d\\d"
            + NHI_LETTER + "{2})(?![\\p{L}\\p{N}])");
    private static final Pattern DVA = Pattern.compile("\\bDVA(?: (?:Gold|White|Orange|GOLD|WHITE|ORANGE) (?:Card|CARD))?"
            + "(?:\\s*(?:[:#]|file|no\\.?|number|(?i:file)))*\\s*([NVQWST][A-Z]{0,3}\\d{2,6}[A-Z]?)(?![\\p{L}\\p{N}])");
    private static final Pattern CANADIAN_HEALTH_NUMBER = Pattern.compile("(?<![\\w-])[1-9]\\d{3}([- ])\\d{3}\\1\\d{3}"
            + "(?:\\1?([A-Z]{2}))?(?![\\w-])|(?<![\\w-])[1-9]\\d{9}([A-Z]{2})(?![\\w-])");
    private static final Pattern RAMQ = Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{4} ?\\d\\d(\\d\\d) ?(\\d\\d)\\d\\d(?![\\p{L}\\p{N}])");
    private static final Pattern SIN = Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{3}\\1\\d{3}(?![\\d-]|[.,]\\d)");
    private static final Pattern SIN_LABEL = Pattern.compile("(?i)(?:\\bSIN|\\bNAS|social insurance|assurance sociale)"
            + "(?:\\s*(?:[:#(]|no\\.?|number|num[ée]ro))*\\s*$");
    private static final Pattern AU_POSTCODE = Pattern.compile("\\b(NSW|ACT|VIC|QLD|SA|WA|TAS|NT)\\.?,? {1,2}(\\d{4})"
            + "(?![\\d-]|[.,]\\d)");
    private static final String CA_FIRST = "[ABCEGHJ-NPRSTVXY]";
    private static final String CA_LETTER = "[ABCEGHJ-NPRSTV-Z]";
    private static final Pattern CA_POSTCODE = Pattern.compile("(?<![\\p{L}\\p{N}])" + CA_FIRST + "\\d" + CA_LETTER + "(?: |"
            + "(?<=(?:\\b(?:ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NT|NU)\\.?,? {1,2})...))\\d" + CA_LETTER + "\\d(?![\\p{L}\\p{N}])");

    /** Whether a text with this many ASCII digits can hold any of them (a new NHI and a DVA number have two). */
    static boolean mayHold(int digits) {
        return digits >= 2;
    }

    /**
     * Every number and postcode of the text, in the order of the kinds above (overlaps are the caller's to settle).
     * Each pattern is tried only where its first characters can start a match ({@link #next}), as
     * {@link Matcher#find()} would have found it (decision 0145).
     */
    static List<Found> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher m = null;
        for (int from = 0; (from = text.indexOf("8003", from)) >= 0; ) {
            m = m == null ? anchored(IHI, text) : m;
            if (!lookingAt(m, text, from)) {
                from++;
                continue;
            }
            if (CheckDigits.luhn(CheckDigits.digits(m.group()))) {
                found.add(new Found(m.start(), m.end(), Kind.NUMBER));
            }
            from = m.end();
        }
        m = null;
        for (int from = 0; (m = next(MEDICARE, m, text, from, MEDICARE_START)) != null; from = m.end()) {
            if (CheckDigits.medicare(CheckDigits.digits(m.group()))) {
                found.add(new Found(m.start(), m.end(), Kind.NUMBER));
            }
        }
        m = null;
        for (int from = 0; (m = next(NHI, m, text, from, NHI_START)) != null; from = m.end()) {
            String upper = m.group().toUpperCase(java.util.Locale.ROOT);
            // in one case, as systems write it ("ZZZ0016", "zsc21tn"), not in a word's mixed case
            if ((m.group().equals(upper) || m.group().equals(m.group().toLowerCase(java.util.Locale.ROOT))) && CheckDigits.nhi(upper)) {
                found.add(new Found(m.start(), m.end(), Kind.NUMBER));
            }
        }
        m = null;
        for (int from = 0; (from = text.indexOf("DVA", from)) >= 0; ) {
            m = m == null ? anchored(DVA, text) : m;
            if (!lookingAt(m, text, from)) {
                from++;
                continue;
            }
            found.add(new Found(m.start(1), m.end(1), Kind.NUMBER));
            from = m.end();
        }
        m = null;
        for (int from = 0; (m = next(CANADIAN_HEALTH_NUMBER, m, text, from, CANADIAN_START)) != null; from = m.end()) {
            String d = CheckDigits.digits(m.group());
            // in groups: with Ontario's version code, or with a valid check digit; unspaced: with both
            if (m.group(1) != null ? m.group(2) != null || CheckDigits.luhn(d) || CheckDigits.bcPhn(d) : CheckDigits.luhn(d)) {
                found.add(new Found(m.start(), m.end(), Kind.NUMBER));
            }
        }
        m = null;
        for (int from = 0; (m = next(RAMQ, m, text, from, RAMQ_START)) != null; from = m.end()) {
            int month = Integer.parseInt(m.group(1));
            int day = Integer.parseInt(m.group(2));
            if ((month >= 1 && month <= 12 || month >= 51 && month <= 62) && day >= 1 && day <= 31) {
                found.add(new Found(m.start(), m.end(), Kind.NUMBER));
            }
        }
        m = null;
        for (int from = 0; (m = next(SIN, m, text, from, SIN_START)) != null; from = m.end()) {
            boolean cued = m.group(1).equals("-")
                    || SIN_LABEL.matcher(text.substring(Math.max(0, m.start() - 24), m.start())).find();
            if (cued && CheckDigits.luhn(CheckDigits.digits(m.group()))) {
                found.add(new Found(m.start(), m.end(), Kind.NUMBER));
            }
        }
        m = null;
        for (int from = 0; (m = next(AU_POSTCODE, m, text, from, AU_POSTCODE_START)) != null; from = m.end()) {
            if (australianPostcode(m.group(1), Integer.parseInt(m.group(2)))) {
                found.add(new Found(m.start(2), m.end(2), Kind.POSTCODE));
            }
        }
        m = null;
        for (int from = 0; (m = next(CA_POSTCODE, m, text, from, CA_POSTCODE_START)) != null; from = m.end()) {
            found.add(new Found(m.start(), m.end(), Kind.POSTCODE));
        }
        return found;
    }

    /** Where a match may start: the characters at and after {@code i} that every match of a pattern begins with. */
    @FunctionalInterface
    private interface Start {
        boolean at(String text, int i);
    }

    /** {@code [2-6]\d{3} } of a Medicare number. */
    private static final Start MEDICARE_START = (t, i) -> i + 4 < t.length() && t.charAt(i) >= '2' && t.charAt(i) <= '6'
            && NationalNumbers.digitsAt(t, i + 1, 3) && t.charAt(i + 4) == ' ';
    /** Three ASCII letters and two digits of an NHI. */
    private static final Start NHI_START = (t, i) -> i + 4 < t.length() && asciiLetter(t.charAt(i)) && asciiLetter(t.charAt(i + 1))
            && asciiLetter(t.charAt(i + 2)) && NationalNumbers.digitsAt(t, i + 3, 2);
    /** Four digits, the first not 0, of both notations of a Canadian health number. */
    private static final Start CANADIAN_START = (t, i) -> i + 4 < t.length() && t.charAt(i) >= '1' && t.charAt(i) <= '9'
            && NationalNumbers.digitsAt(t, i + 1, 3);
    /** Four capitals of a RAMQ number. */
    private static final Start RAMQ_START = (t, i) -> i + 5 < t.length() && capital(t.charAt(i)) && capital(t.charAt(i + 1))
            && capital(t.charAt(i + 2)) && capital(t.charAt(i + 3));
    /** Three digits and a dash or a space of a SIN. */
    private static final Start SIN_START = (t, i) -> i + 3 < t.length() && NationalNumbers.digitsAt(t, i, 3)
            && (t.charAt(i + 3) == '-' || t.charAt(i + 3) == ' ');
    /** Two capitals of a state's code, the first of one of them. */
    private static final Start AU_POSTCODE_START = (t, i) -> i + 1 < t.length() && "NAVQSWT".indexOf(t.charAt(i)) >= 0
            && capital(t.charAt(i + 1));
    /** A capital, a digit and a capital of a postal code. */
    private static final Start CA_POSTCODE_START = (t, i) -> i + 2 < t.length() && capital(t.charAt(i))
            && NationalNumbers.digitsAt(t, i + 1, 1) && capital(t.charAt(i + 2));

    /** A matcher for {@link #lookingAt} at any place, its look-behinds and word boundaries seeing the whole text. */
    private static Matcher anchored(Pattern p, String text) {
        return p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private static boolean lookingAt(Matcher m, String text, int at) {
        m.region(at, text.length());
        return m.lookingAt();
    }

    /**
     * The pattern's match at or after {@code from}, tried only where {@code start} allows one: as no match can start
     * elsewhere, the first place that matches is where {@link Matcher#find()} would have found it, and the match is the
     * same (transparent bounds). The matcher is {@code m}, or made at the first place to try (most texts have none);
     * null when there is no match.
     */
    private static Matcher next(Pattern p, Matcher m, String text, int from, Start start) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            if (start.at(text, i)) {
                m = m == null ? anchored(p, text) : m;
                m.region(i, n);
                if (m.lookingAt()) {
                    return m;
                }
            }
        }
        return null;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static boolean capital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static final Pattern CA_POSTCODE_AT = Pattern.compile(CA_FIRST + "\\d" + CA_LETTER + " ?\\d" + CA_LETTER
            + "\\d(?![\\p{L}\\p{N}])");
    private static final java.util.Set<String> PROVINCES = java.util.Set.of("ON", "QC", "BC", "AB", "MB", "SK", "NS",
            "NB", "NL", "PE", "YT", "NT", "NU");

    /**
     * Whether the word {@code [start, end)} is an Australian state's code followed by one of its postcodes, or a
     * Canadian province's code followed by a postal code ({@code NSW 2010}, {@code ON K1M 2C4}), one or two spaces
     * between them.
     */
    static boolean postcodeAfterRegion(String text, int start, int end) {
        String code = text.substring(start, end);
        int i = end;
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
        }
        int spaces = 0;
        while (i < text.length() && text.charAt(i) == ' ' && spaces < 2) {
            i++;
            spaces++;
        }
        if (spaces == 0) {
            return false;
        }
        if (PROVINCES.contains(code)) {
            Matcher m = CA_POSTCODE_AT.matcher(text);
            m.region(i, Math.min(text.length(), i + 7)).useTransparentBounds(true).useAnchoringBounds(false);
            if (m.lookingAt()) {
                return true;
            }
        }
        if (i + 4 > text.length()) {
            return false;
        }
        for (int k = i; k < i + 4; k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                return false;
            }
        }
        boolean ends = i + 4 == text.length() || !Character.isLetterOrDigit(text.charAt(i + 4))
                && !(i + 5 < text.length() && (text.charAt(i + 4) == '.' || text.charAt(i + 4) == ',')
                        && Character.isDigit(text.charAt(i + 5)));
        return ends && australianPostcode(code, Integer.parseInt(text.substring(i, i + 4)));
    }

    /** Whether a four-digit number is a postcode of the Australian state or territory (Australia Post's ranges). */
    static boolean australianPostcode(String state, int p) {
        return switch (state) {
            case "NSW" -> p >= 1000 && p <= 2599 || p >= 2619 && p <= 2899 || p >= 2921 && p <= 2999;
            case "ACT" -> p >= 200 && p <= 299 || p >= 2600 && p <= 2618 || p >= 2900 && p <= 2920;
            case "VIC" -> p >= 3000 && p <= 3999 || p >= 8000 && p <= 8999;
            case "QLD" -> p >= 4000 && p <= 4999 || p >= 9000 && p <= 9999;
            case "SA" -> p >= 5000 && p <= 5999;
            case "WA" -> p >= 6000 && p <= 6999;
            case "TAS" -> p >= 7000 && p <= 7999;
            case "NT" -> p >= 800 && p <= 999;
            default -> false;
        };
    }
}
