package org.deidworkbench.deid.leak;

import java.util.Locale;
import java.util.regex.Pattern;
import org.deidworkbench.deid.CheckDigits;
import org.deidworkbench.deid.CjkNames;
import org.deidworkbench.deid.CyrillicGreekNames;
import org.deidworkbench.deid.ThaiText;

/**
 * The health and national numbers, postcodes and IPv4 addresses {@code deid run} finds in free text (decisions 0123,
 * 0125), looked for in one pass over a value's runs of ASCII digits (decision 0128): at the first digit of each run the
 * run's grouping decides which shapes can start there, and a shape found is reported only with the check digit (or
 * letter) of {@link CheckDigits}, the same functions the run uses:
 * <ul>
 * <li>health numbers: an Australian IHI (sixteen digits from {@code 800360}–{@code 800362}, Luhn), a Medicare card
 * number ({@code 2123 45670 1}), a DVA file number after {@code DVA}, a New Zealand NHI (old {@code ZZZ0016} and new
 * {@code ZSC21TN}), an Ontario or British Columbia health number ({@code 4532-128-875-AB}, {@code 9698 658 215}), a
 * Quebec RAMQ number ({@code TREM 6252 1412}: its month and day), a Brazilian CNS;</li>
 * <li>national ids: a CPF, a TC Kimlik No, an Aadhaar number, a Canadian SIN (dashed or after its label);</li>
 * <li>postcodes: a Brazilian CEP ({@code 01310-100}), an Indian PIN code after {@code PIN} or a town and a dash;</li>
 * <li>an IPv4 address (four numbers of at most three digits, each at most 255, joined by dots);</li>
 * <li>the numbers the run learned since (decision 0137): a Mexican CURP, RFC and IMSS number written in its groups, a
 * Chilean RUT ({@code 12.345.678-5}, {@code 9.876.545-K}), an Argentine CUIL; a Russian SNILS written in its groups, a
 * Chinese resident identity number, a Korean RRN written with its dash, a Thai national ID written with its dashes
 * ({@code 1-1017-00123-45-6}); and where the run looks for them only in a text of their script, there too: a SNILS
 * of eleven digits, a полис ОМС, a Greek AMKA and AFM with a Cyrillic or Greek letter, a Korean RRN of thirteen
 * digits and a Japanese My Number with kana, hanzi or Hangul, a Thai ID of thirteen digits with Thai.</li>
 * </ul>
 * Digits of other scripts (Arabic-Indic, Persian, Thai, full-width, any the scanner's {@link Fold} reads as digits) are
 * read as ASCII digits, so a number written in them is found as well (decision 0137). A number right after a code
 * system's name ({@link CheckDigits#afterCodeSystem}) is a code, as in the run. The scanner calls this only for values
 * whose tokens have one of these shapes ({@link LeakScanner}). Stateless and thread-safe; linear in the text.
 */
final class NumberShapes {

    private NumberShapes() {
    }

    /** Receives one number found: its kind, what it is ({@code "CPF"}) and where. */
    interface Found {
        void found(LeakScanner.Kind kind, String name, int start, int end);
    }

    private static final Pattern SIN_LABEL = Pattern.compile("(?i)(?:\\bSIN|\\bNAS|social insurance|assurance sociale)"
            + "(?:\\s*(?:[:#(]|no\\.?|number|num[ée]ro))*\\s*$");
    private static final Pattern PIN_LABEL_BEFORE = Pattern.compile(
            "\\b(?:PIN|Pin|PIN\\s[Cc]ode|Pin\\s[Cc]ode|Pincode|PINCODE)[:\\s.-]{1,3}$");
    private static final Pattern TOWN_DASH_BEFORE = Pattern.compile("\\p{Lu}\\p{Ll}{2,30}\\s{0,2}[-\u2013]\\s{0,2}$");
    private static final Pattern DVA_BEFORE = Pattern.compile("\\bDVA(?: (?:Gold|White|Orange|GOLD|WHITE|ORANGE) (?:Card|CARD))?"
            + "(?:\\s*(?:[:#]|file|no\\.?|number|(?i:file)))*\\s*$");

    /** Every number of the text, each reported once, left to right. */
    static void find(CharSequence text, Found found) {
        CharSequence t = asciiDigits(text);
        Scripts scripts = new Scripts(text);
        int n = t.length();
        for (int i = 0; i < n; i++) {
            if (!digit(t, i) || digit(t, i - 1)) {
                continue;
            }
            int j = i;
            while (j < n && digit(t, j)) {
                j++;
            }
            int end = at(t, i, j - i, scripts, found);
            i = Math.max(j, end) - 1;
        }
    }

    /**
     * The text with each digit of another script as its ASCII digit (same length, same offsets), or the text itself
     * when it has none: one pass, in the values the gate lets through only.
     */
    static CharSequence asciiDigits(CharSequence text) {
        char[] c = null;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch > '9' && Fold.CLASS[ch] == Fold.DIGIT) {
                if (c == null) {
                    c = text.toString().toCharArray();
                }
                c[i] = Fold.FOLDED[ch];
            }
        }
        return c == null ? text : java.nio.CharBuffer.wrap(c);
    }

    /** The scripts of a text, each looked for once and only when a number that counts only in it is seen. */
    private static final class Scripts {
        private final CharSequence text;
        private byte cyrillicGreek;
        private byte cjk;
        private byte thai;

        Scripts(CharSequence text) {
            this.text = text;
        }

        boolean cyrillicGreek() {
            if (cyrillicGreek == 0) {
                cyrillicGreek = CyrillicGreekNames.mayHold(text) ? (byte) 1 : -1;
            }
            return cyrillicGreek > 0;
        }

        boolean cjk() {
            if (cjk == 0) {
                cjk = CjkNames.mayHold(text) ? (byte) 1 : -1;
            }
            return cjk > 0;
        }

        boolean thai() {
            if (thai == 0) {
                thai = ThaiText.mayHold(text) ? (byte) 1 : -1;
            }
            return thai > 0;
        }
    }

    /** The numbers starting at (or, with letters, just before) the run of {@code len} digits at {@code i}; the end of the one found, or -1. */
    private static int at(CharSequence t, int i, int len, Scripts scripts, Found found) {
        char next = i + len < t.length() ? t.charAt(i + len) : ' ';
        int e;
        // letters before the digits: an NHI, a RAMQ number, a DVA file number
        if (i > 0 && letter(t.charAt(i - 1))) {
            if ((e = nhi(t, i, len)) > 0) {
                return report(found, LeakScanner.Kind.HEALTH_NUMBER, "NHI", i - 3, e);
            }
            if ((e = ramq(t, i - 4, i)) > 0) {
                return report(found, LeakScanner.Kind.HEALTH_NUMBER, "RAMQ", i - 4, e);
            }
            int s = dva(t, i, len);
            if (s >= 0) {
                e = i + len < t.length() && upper(t.charAt(i + len)) ? i + len + 1 : i + len;
                if (!letterOrDigit(t, e)) {
                    return report(found, LeakScanner.Kind.HEALTH_NUMBER, "DVA", s, e);
                }
            }
        }
        if (len == 6 && i >= 3) {
            // letters glued before six digits: a CURP, else an RFC (decision 0137)
            if ((e = curp(t, i)) > 0) {
                return report(found, LeakScanner.Kind.NATIONAL_ID, "CURP", i - 4, e);
            }
            int s = rfc(t, i);
            if (s >= 0) {
                return report(found, LeakScanner.Kind.NATIONAL_ID, "RFC", s, i + 9);
            }
        }
        if (i > 1 && t.charAt(i - 1) == ' ' && (e = ramq(t, i - 5, i)) > 0) {
            return report(found, LeakScanner.Kind.HEALTH_NUMBER, "RAMQ", i - 5, e);
        }
        if ((len == 4 || len == 16) && t.charAt(i) == '8' && (e = match(t, i, "ddddsddddsddddsdddd")) > 0 && before(t, i, "-")
                && after(t, e)) {
            String d = CheckDigits.digits(t.subSequence(i, e));
            if (d.startsWith("80036") && d.charAt(5) <= '2' && CheckDigits.luhn(d) && !code(t, i)) {
                return report(found, LeakScanner.Kind.HEALTH_NUMBER, "IHI", i, e);
            }
        }
        if ((len == 4 && next == ' ' || len == 16) && (e = len == 16 ? i + 16 : match(t, i, "dddd_dddd_dddd_dddd")) > 0
                && before(t, i, ".-/+") && after(t, e) && scripts.cyrillicGreek()
                && CheckDigits.oms(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            return report(found, LeakScanner.Kind.HEALTH_NUMBER, "OMS", i, e);
        }
        if ((len == 3 && next == ' ' || len == 15) && "12789".indexOf(t.charAt(i)) >= 0
                && (e = match(t, i, "dddsddddsddddsdddd")) > 0 && before(t, i, ".-/") && after(t, e)
                && CheckDigits.cns(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            return report(found, LeakScanner.Kind.HEALTH_NUMBER, "CNS", i, e);
        }
        if ((len == 4 && (next == ' ' || next == '-') || len == 12) && (e = match(t, i, "ddddGddddGdddd")) > 0
                && before(t, i, ".-/") && after(t, e) && CheckDigits.aadhaar(CheckDigits.digits(t.subSequence(i, e)))
                && !code(t, i) && !(len == 12 && compactDateTime(t, i))) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "Aadhaar", i, e);
        }
        if ((len == 4 && (next == ' ' || next == '-') || len == 12) && (e = match(t, i, "ddddGddddGdddd")) > 0
                && before(t, i, ".-/") && after(t, e) && scripts.cjk()
                && CheckDigits.myNumber(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "My Number", i, e);
        }
        if ((len == 3 && next == '.' || len == 9 && next == '-' || len == 11) && (e = match(t, i, "ddd.ddd.ddd-dd")) > 0
                && before(t, i, ".-/") && after(t, e) && CheckDigits.cpf(CheckDigits.digits(t.subSequence(i, e)))
                && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "CPF", i, e);
        }
        if (len == 11 && before(t, i, ".-/") && after(t, i + 11)
                && CheckDigits.tcKimlik(t.subSequence(i, i + 11).toString()) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "TC Kimlik No", i, i + 11);
        }
        // decision 0179: a Norwegian fødselsnummer, a Finnish henkilötunnus, a Czech or Slovak rodné číslo, a Belgian
        // rijksregisternummer, by their birth dates and check digits, as the run finds them
        if ((len == 6 && next == ' ' || len == 11) && (e = len == 11 ? i + 11 : match(t, i, "dddddd_ddddd")) > 0
                && before(t, i, ".-/") && after(t, e) && CheckDigits.fodselsnummer(CheckDigits.digits(t.subSequence(i, e)))
                && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "fødselsnummer", i, e);
        }
        // (a sign of + or - and a digit at the end: the Nordic personal number's shape, which the scanner reports as one)
        if (len == 6 && "+-ABCDEFUVWXY".indexOf(next) >= 0 && i + 11 <= t.length() && before(t, i, ".-/")
                && !letterOrDigit(t, i + 11) && !((next == '-' || next == '+') && digit(t, i + 10))
                && CheckDigits.hetu(t.subSequence(i, i + 11).toString())) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "henkilötunnus", i, i + 11);
        }
        if (len == 6 && next == '/' && (e = match(t, i, "dddddd/dddd")) > 0 && before(t, i, ".-/") && after(t, e)
                && (e >= t.length() || t.charAt(e) != '/')
                && CheckDigits.rodneCislo(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "rodné číslo", i, e);
        }
        if (len == 2 && next == '.' && (e = match(t, i, "ddpddpdd=dddpdd")) > 0 && before(t, i, ".-/") && after(t, e)
                && CheckDigits.rijksregisternummer(CheckDigits.digits(t.subSequence(i, e)))) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "rijksregisternummer", i, e);
        }
        if ((len == 2 && next == '-' || len == 11) && (e = len == 11 ? i + 11 : match(t, i, "dd=dddddddd=d")) > 0
                && before(t, i, ".-/") && after(t, e) && CUIL_TYPES.contains(t.subSequence(i, i + 2).toString())
                && CheckDigits.cuil(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "CUIL", i, e);
        }
        if (len == 11 && before(t, i, ".-/+") && after(t, i + 11) && scripts.cyrillicGreek() && !code(t, i)) {
            String d = t.subSequence(i, i + 11).toString();
            if (CheckDigits.amka(d)) {
                return report(found, LeakScanner.Kind.NATIONAL_ID, "AMKA", i, i + 11);
            }
            if (CheckDigits.snils(d)) {
                return report(found, LeakScanner.Kind.NATIONAL_ID, "SNILS", i, i + 11);
            }
        }
        if (len == 9 && before(t, i, ".-/+") && after(t, i + 9) && scripts.cyrillicGreek()
                && CheckDigits.afm(t.subSequence(i, i + 9).toString()) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "AFM", i, i + 9);
        }
        if ((len == 6 && next == '-' || len == 13) && (e = match(t, i, "dddddd-ddddddd")) > 0 && before(t, i, ".-/")
                && after(t, e) && "12345678".indexOf(t.charAt(i + (len == 6 ? 7 : 6))) >= 0 && (len == 6 || scripts.cjk())
                && CheckDigits.rrn(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            // with its dash anywhere, thirteen digits only in a text with kana, hanzi or Hangul, as the run
            return report(found, LeakScanner.Kind.NATIONAL_ID, "RRN", i, e);
        }
        if ((len == 1 && next == '-' || len == 13) && t.charAt(i) >= '1' && t.charAt(i) <= '8'
                && (e = len == 13 ? i + 13 : match(t, i, "d=dddd=ddddd=dd=d")) > 0 && before(t, i, "-") && after(t, e)
                && (len == 1 || scripts.thai()) && CheckDigits.thaiId(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            // with its dashes anywhere, thirteen digits only in a text with Thai (the run's ThaiText)
            return report(found, LeakScanner.Kind.NATIONAL_ID, "Thai ID", i, e);
        }
        if ((len == 17 && (next == 'X' || next == 'x') || len == 18) && before(t, i, ".-/") && after(t, i + 18)
                && CheckDigits.chineseResidentNumber(t.subSequence(i, i + 18).toString()) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "Chinese resident ID", i, i + 18);
        }
        if (len == 2 && (next == '-' || next == ' ') && (e = match(t, i, "ddgddgddgddddgd")) > 0 && before(t, i, "-")
                && after(t, e) && CheckDigits.nss(CheckDigits.digits(t.subSequence(i, e))) && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "NSS", i, e);
        }
        if ((len <= 2 && next == '.' || (len == 7 || len == 8) && next == '-') && (e = rut(t, i, len)) > 0 && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "RUT", i, e);
        }
        if (len == 4 && next == ' ' && t.charAt(i) >= '2' && t.charAt(i) <= '6' && (e = match(t, i, "dddd_ddddd_d")) > 0
                && before(t, i, "-")) {
            int irn = irn(t, e);
            int end = after(t, irn) ? irn : after(t, e) ? e : -1;
            if (end > 0 && CheckDigits.medicare(CheckDigits.digits(t.subSequence(i, e)))) {
                return report(found, LeakScanner.Kind.HEALTH_NUMBER, "Medicare", i, end);
            }
        }
        if (len == 4 && (next == ' ' || next == '-') && t.charAt(i) != '0' && (e = match(t, i, "ddddgdddgddd")) > 0
                && beforeWord(t, i)) {
            String d = CheckDigits.digits(t.subSequence(i, e));
            int version = version(t, e, next);
            if (version > 0 && !wordOrDash(t, version)) {
                return report(found, LeakScanner.Kind.HEALTH_NUMBER, "Canadian health number", i, version);
            }
            if (!wordOrDash(t, e) && (CheckDigits.luhn(d) || CheckDigits.bcPhn(d))) {
                return report(found, LeakScanner.Kind.HEALTH_NUMBER, "Canadian health number", i, e);
            }
        }
        if (len == 10 && t.charAt(i) != '0' && beforeWord(t, i) && i + 12 <= t.length() && upper(t.charAt(i + 10))
                && upper(t.charAt(i + 11)) && !wordOrDash(t, i + 12)
                && CheckDigits.luhn(t.subSequence(i, i + 10).toString())) {
            return report(found, LeakScanner.Kind.HEALTH_NUMBER, "Canadian health number", i, i + 12);
        }
        if (len == 3 && (next == ' ' || next == '-') && (e = match(t, i, "dddgdddgddd")) > 0 && before(t, i, "-")
                && after(t, e) && (next == '-' || endsBefore(SIN_LABEL, t, i, 24))
                && CheckDigits.luhn(CheckDigits.digits(t.subSequence(i, e)))) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "SIN", i, e);
        }
        if ((len == 3 || len == 9) && (next == ' ' || next == '-') && (e = snils(t, i, len, scripts)) > 0 && !code(t, i)) {
            return report(found, LeakScanner.Kind.NATIONAL_ID, "SNILS", i, e);
        }
        if (len == 5 && next == '-' && (e = match(t, i, "ddddd=ddd")) > 0 && before(t, i, ".-/") && after(t, e)
                && !code(t, i)) {
            return report(found, LeakScanner.Kind.POSTCODE, "CEP", i, e);
        }
        if ((len == 6 || len == 3 && next == ' ') && t.charAt(i) != '0' && (e = match(t, i, "dddsddd")) > 0
                && before(t, i, ".-/") && after(t, e)
                && (endsBefore(PIN_LABEL_BEFORE, t, i, 16) || e - i == 6 && endsBefore(TOWN_DASH_BEFORE, t, i, 36))) {
            // not after a code system's name: the label is the cue ("Pincode: 560 001" ends in "code: ")
            return report(found, LeakScanner.Kind.POSTCODE, "PIN code", i, e);
        }
        if (len <= 3 && next == '.' && (e = ipv4(t, i)) > 0) {
            return report(found, LeakScanner.Kind.IP_ADDRESS, "IPv4", i, e);
        }
        return -1;
    }

    private static int report(Found found, LeakScanner.Kind kind, String name, int start, int end) {
        found.found(kind, name, start, end);
        return end;
    }

    /**
     * Where the digits and separators of {@code template} end when they match from {@code i}, or -1: {@code d} a digit,
     * {@code s} an optional space, {@code _} a space, {@code .} an optional dot, {@code -} an optional dash, {@code =}
     * a dash, {@code p} a dot, {@code /} a slash, {@code g} a space or a dash (every {@code g} the same), {@code G} an
     * optional space or dash (every {@code G} as the first: all the same, or none).
     */
    private static final char NONE = 1;

    static int match(CharSequence t, int i, String template) {
        int n = t.length();
        char group = 0;
        for (int k = 0; k < template.length(); k++) {
            char c = i < n ? t.charAt(i) : 0;
            switch (template.charAt(k)) {
                case 'd' -> {
                    if (c < '0' || c > '9') {
                        return -1;
                    }
                    i++;
                }
                case 's' -> i += c == ' ' ? 1 : 0;
                case '_' -> {
                    if (c != ' ') {
                        return -1;
                    }
                    i++;
                }
                case '.' -> i += c == '.' ? 1 : 0;
                case '-' -> i += c == '-' ? 1 : 0;
                case '=' -> {
                    if (c != '-') {
                        return -1;
                    }
                    i++;
                }
                case 'p' -> {
                    if (c != '.') {
                        return -1;
                    }
                    i++;
                }
                case '/' -> {
                    if (c != '/') {
                        return -1;
                    }
                    i++;
                }
                case 'g' -> {
                    if (group == 0 && (c == ' ' || c == '-')) {
                        group = c;
                    }
                    if (c != group) {
                        return -1;
                    }
                    i++;
                }
                case 'G' -> {
                    if (group == 0) {
                        group = c == ' ' || c == '-' ? c : NONE; // the first decides for the others
                        i += group == NONE ? 0 : 1;
                    } else if (group != NONE) {
                        if (c != group) {
                            return -1;
                        }
                        i++;
                    }
                }
                default -> throw new IllegalArgumentException("template");
            }
        }
        return i;
    }

    /** The types of an Argentine CUIL or CUIT: people's 20, 23, 24, 27, 28, companies' 30, 33, 34. */
    private static final java.util.Set<String> CUIL_TYPES = java.util.Set.of("20", "23", "24", "27", "28", "30", "33", "34");

    /**
     * A SNILS from {@code i}: three groups of three digits joined alike ({@code 112-233-445}, or nine digits only in a
     * text with a Cyrillic or Greek letter), a space or dash or nothing, two check digits; its end or -1.
     */
    private static int snils(CharSequence t, int i, int len, Scripts scripts) {
        int e = match(t, i, "dddGdddGddd");
        if (e < 0) {
            return -1;
        }
        if (e < t.length() && (t.charAt(e) == ' ' || t.charAt(e) == '-')) {
            e++;
        }
        e = match(t, e, "dd");
        return e > 0 && before(t, i, ".-/+") && after(t, e) && (len == 3 || scripts.cyrillicGreek())
                && CheckDigits.snils(CheckDigits.digits(t.subSequence(i, e))) ? e : -1;
    }

    /**
     * A Chilean RUT from {@code i}: one or two digits and two groups of three after dots, or seven or eight digits; a
     * dash and the check digit or {@code K}; its end or -1.
     */
    private static int rut(CharSequence t, int i, int len) {
        int k = len <= 2 ? match(t, i + len, "pdddpddd") : i + len;
        if (k < 0 || k + 1 >= t.length() || t.charAt(k) != '-' || !before(t, i, ".-")) {
            return -1;
        }
        char check = t.charAt(k + 1);
        if (!(check >= '0' && check <= '9' || check == 'K' || check == 'k') || letterOrDigit(t, k + 2)
                || k + 2 < t.length() && t.charAt(k + 2) == '-') {
            return -1;
        }
        return CheckDigits.rut(CheckDigits.digits(t.subSequence(i, k)), check) ? k + 2 : -1;
    }

    /**
     * A CURP whose six digits start at {@code i}: four letters before them, six letters, a letter or digit and a digit
     * after, no letter or digit either side; its end, or -1.
     */
    private static int curp(CharSequence t, int i) {
        int s = i - 4;
        int e = i + 14;
        if (s < 0 || e > t.length() || letterOrDigit(t, s - 1) || letterOrDigit(t, e)) {
            return -1;
        }
        for (int k = s; k < e; k++) {
            char c = t.charAt(k);
            boolean ok = k < i || k >= i + 6 && k < i + 12 ? asciiLetter(c)
                    : k < i + 6 || k == i + 13 ? c >= '0' && c <= '9' : asciiLetter(c) || c >= '0' && c <= '9';
            if (!ok) {
                return -1;
            }
        }
        return CheckDigits.curp(t.subSequence(s, e).toString().toUpperCase(Locale.ROOT)) ? e : -1;
    }

    /**
     * An RFC whose six digits start at {@code i}: four (else three) letters before them ({@code Ñ} and {@code &}
     * among them), two letters or digits and a digit or {@code A} after; its start, or -1.
     */
    private static int rfc(CharSequence t, int i) {
        int e = i + 9;
        if (e > t.length() || letterOrDigit(t, e) || match(t, i, "dddddd") < 0) {
            return -1;
        }
        for (int k = i + 6; k < e; k++) {
            char c = t.charAt(k);
            if (!(asciiLetter(c) || c >= '0' && c <= '9') || k == e - 1 && asciiLetter(c) && c != 'A' && c != 'a') {
                return -1;
            }
        }
        for (int letters = 4; letters >= 3; letters--) {
            int s = i - letters;
            if (s < 0 || letterOrDigit(t, s - 1) || s > 0 && t.charAt(s - 1) == '&') {
                continue;
            }
            boolean ok = true;
            for (int k = s; k < i && ok; k++) {
                char c = t.charAt(k);
                ok = asciiLetter(c) || c == '\u00D1' || c == '\u00F1' || c == '&';
            }
            if (ok && CheckDigits.rfc(t.subSequence(s, e).toString().toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        return -1;
    }

    /** An IRN after a Medicare number ({@code  / 1}, {@code /1}): where it ends, else {@code e}. */
    private static int irn(CharSequence t, int e) {
        int k = e;
        if (k < t.length() && t.charAt(k) == ' ') {
            k++;
        }
        if (k >= t.length() || t.charAt(k) != '/') {
            return e;
        }
        k++;
        if (k < t.length() && t.charAt(k) == ' ') {
            k++;
        }
        return digit(t, k) ? k + 1 : e;
    }

    /** An Ontario version code after a health number ({@code -AB}, {@code  AB}, {@code AB}): where it ends, or -1. */
    private static int version(CharSequence t, int e, char group) {
        int k = e < t.length() && t.charAt(e) == group ? e + 1 : e;
        return k + 2 <= t.length() && upper(t.charAt(k)) && upper(t.charAt(k + 1)) ? k + 2 : -1;
    }

    /** A New Zealand NHI whose digits start at {@code i} (three letters before them): where it ends, or -1. */
    private static int nhi(CharSequence t, int i, int len) {
        if (i < 3 || letterOrDigit(t, i - 4) || len != 4 && len != 2) {
            return -1;
        }
        int end = i + 4; // four digits, or two digits and two letters
        if (end > t.length() || letterOrDigit(t, end)) {
            return -1;
        }
        String s = t.subSequence(i - 3, end).toString();
        String upper = s.toUpperCase(Locale.ROOT);
        boolean oneCase = s.equals(upper) || s.equals(s.toLowerCase(Locale.ROOT));
        return oneCase && CheckDigits.nhi(upper) ? end : -1;
    }

    /** A RAMQ number from {@code from}: four capitals (then {@code i}, its digits), a month and a day; its end or -1. */
    private static int ramq(CharSequence t, int from, int i) {
        if (from < 0 || letterOrDigit(t, from - 1)) {
            return -1;
        }
        for (int k = from; k < from + 4; k++) {
            if (t.charAt(k) < 'A' || t.charAt(k) > 'Z') {
                return -1;
            }
        }
        int e = match(t, i, "ddddsdddd");
        if (e < 0 || letterOrDigit(t, e)) {
            return -1;
        }
        String d = CheckDigits.digits(t.subSequence(i, e));
        int month = (d.charAt(2) - '0') * 10 + d.charAt(3) - '0';
        int day = (d.charAt(4) - '0') * 10 + d.charAt(5) - '0';
        return (month >= 1 && month <= 12 || month >= 51 && month <= 62) && day >= 1 && day <= 31 ? e : -1;
    }

    /** A DVA file number whose digits start at {@code i} after one to four capitals, after {@code DVA}: its start, or -1. */
    private static int dva(CharSequence t, int i, int len) {
        if (len < 2 || len > 6) {
            return -1;
        }
        int s = i;
        while (s > 0 && i - s < 4 && upper(t.charAt(s - 1))) {
            s--;
        }
        if (s == i || s > 0 && letter(t.charAt(s - 1)) || "NVQWST".indexOf(t.charAt(s)) < 0) {
            return -1;
        }
        return endsBefore(DVA_BEFORE, t, s, 48) ? s : -1;
    }

    /** An IPv4 address from {@code i}: four numbers of one to three digits (each at most 255) and dots; its end or -1. */
    private static int ipv4(CharSequence t, int i) {
        if (i > 1 && t.charAt(i - 1) == '.' && digit(t, i - 2)) {
            return -1;
        }
        int k = i;
        for (int part = 0; part < 4; part++) {
            int from = k;
            int v = 0;
            while (digit(t, k) && k - from < 4) {
                v = v * 10 + t.charAt(k) - '0';
                k++;
            }
            if (k == from || k - from > 3 || v > 255) {
                return -1;
            }
            if (part < 3) {
                if (k >= t.length() || t.charAt(k) != '.') {
                    return -1;
                }
                k++;
            }
        }
        return k < t.length() && t.charAt(k) == '.' && digit(t, k + 1) ? -1 : k;
    }

    private static boolean endsBefore(Pattern p, CharSequence t, int at, int span) {
        return p.matcher(t.subSequence(Math.max(0, at - span), at)).find();
    }

    /** Run's boundary before a number: no digit and none of {@code also} just before. */
    private static boolean before(CharSequence t, int i, String also) {
        // nor an ASCII letter: twelve digits inside a SHA-256 in hex (a manifest's line) are no Aadhaar number, as the
        // run's word boundaries say
        return i == 0 || !digit(t, i - 1) && !asciiLetter(t.charAt(i - 1)) && also.indexOf(t.charAt(i - 1)) < 0;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Run's boundary after a number: no digit, ASCII letter or dash, nor a decimal point or comma and a digit. */
    private static boolean after(CharSequence t, int e) {
        if (e >= t.length()) {
            return true;
        }
        char c = t.charAt(e);
        return !(c >= '0' && c <= '9' || asciiLetter(c) || c == '-' || (c == '.' || c == ',') && digit(t, e + 1));
    }

    private static boolean beforeWord(CharSequence t, int i) {
        return i == 0 || !wordOrDash(t, i - 1);
    }

    /** {@code \w} (ASCII letters, digits, {@code _}) or a dash at {@code i}. */
    private static boolean wordOrDash(CharSequence t, int i) {
        if (i < 0 || i >= t.length()) {
            return false;
        }
        char c = t.charAt(i);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean code(CharSequence t, int i) {
        return CheckDigits.afterCodeSystem(t, i);
    }

    private static boolean digit(CharSequence t, int i) {
        if (i < 0 || i >= t.length()) {
            return false;
        }
        char c = t.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static boolean upper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean letter(char c) {
        return Character.isLetter(c);
    }

    private static boolean letterOrDigit(CharSequence t, int i) {
        return i >= 0 && i < t.length() && Character.isLetterOrDigit(t.charAt(i));
    }

    /**
     * Whether the twelve digits at {@code i} are a date and time {@code yyyyMMddHHmm} (the German § 21 data set's
     * admission times, shifted by a run; decision 0150): one in ten of them passes an Aadhaar number's Verhoeff check,
     * and no Aadhaar number run together is read as a plausible date and time but one in ten thousand.
     */
    private static boolean compactDateTime(CharSequence t, int i) {
        int year = number(t, i, 4);
        int month = number(t, i + 4, 2);
        int day = number(t, i + 6, 2);
        int hour = number(t, i + 8, 2);
        int minute = number(t, i + 10, 2);
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23
                && minute <= 59;
    }

    private static int number(CharSequence t, int from, int length) {
        int v = 0;
        for (int k = from; k < from + length; k++) {
            v = v * 10 + t.charAt(k) - '0';
        }
        return v;
    }
}
