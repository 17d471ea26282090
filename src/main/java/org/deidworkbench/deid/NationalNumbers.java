package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National and health numbers of Brazil, Turkey, India, Korea, China and Japan in free text, found by their check digits,
 * and the postcodes of Brazil, Portugal and India where their shape alone says too little (decisions 0125, 0127):
 * <ul>
 * <li>a Brazilian CPF ({@code 123.456.789-09}, {@code 123456789-09} or eleven digits): two mod-11 check digits;</li>
 * <li>a Cartão Nacional de Saúde number (CNS: fifteen digits from 1, 2, 7, 8 or 9, also in groups {@code 898 0011 2345
 * 6781}): the digits weighted 15 to 1 sum to a multiple of 11;</li>
 * <li>a Turkish TC Kimlik No (eleven digits, not from 0): the tenth and eleventh digit are checks;</li>
 * <li>an Aadhaar number (twelve digits from 2 to 9, also {@code 2345 6789 0124} or with dashes): a Verhoeff check
 * digit;</li>
 * <li>a Brazilian CEP ({@code 01310-100}) anywhere; a Portuguese código postal ({@code 1000-001}) before its town or
 * after its label; an Indian PIN code ({@code 560001}) after {@code PIN} or after a town and a dash
 * ({@code Bengaluru - 560003});</li>
 * <li>a Korean resident registration number ({@code 580312-2345674} or thirteen digits): its birth date, then a check
 * digit of weights 2–9, 2–5 (decision 0127);</li>
 * <li>a Chinese resident identity number (eighteen characters, the last a digit or {@code X}): its birth date and the ISO
 * 7064 MOD 11-2 check character;</li>
 * <li>a Japanese individual number (My Number: twelve digits, also in groups of four): its check digit;</li>
 * <li>a German Krankenversicherten-ID (KVNR: a capital letter and nine digits, {@code X110411675}): its check digit
 * (decision 0150);</li>
 * <li>a Norwegian fødselsnummer ({@code 120361 12326} or eleven digits), a Finnish henkilötunnus ({@code 030456-123K}),
 * a Czech or Slovak rodné číslo ({@code 615312/1238}), a Belgian rijksregisternummer ({@code 61.03.12-123.43}): the
 * birth date and their check digits (decision 0179).</li>
 * </ul>
 * The Korean and Japanese numbers count only in a text with kana, hanzi or Hangul ({@link CjkNames#mayHold}).
 * A number right after a code system's name ("SIGTAP 0303060212") is left to the caller. Stateless and thread-safe.
 */
final class NationalNumbers {

    private NationalNumbers() {
    }

    /** What was found: {@code [start, end)} and the replacement. */
    record Found(int start, int end, String replacement) {
    }

    // Each pattern is tried only where a run of digits starts (the first digit of a number, with what may stand before
    // it looked at afterwards): java.util.regex would try a pattern that starts with a look-behind at every character.
    private static final Pattern CPF = Pattern.compile("(?<![\\d.\\-/])(\\d{3})\\.?(\\d{3})\\.?(\\d{3})-?(\\d{2})(?![\\d\\-]|[.,]\\d)");
    private static final Pattern CNS = Pattern.compile("(?<![\\d.\\-/])[12789]\\d{2} ?\\d{4} ?\\d{4} ?\\d{4}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern ELEVEN = Pattern.compile("(?<![\\d.\\-/])[1-9]\\d{10}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern AADHAAR = Pattern.compile("(?<![\\d.\\-/])[2-9]\\d{3}([ -]?)\\d{4}\\1\\d{4}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern CEP = Pattern.compile("(?<![\\d.\\-/])\\d{5}-\\d{3}(?![\\d\\-]|[.,]\\d)");
    /** A Portuguese postcode ({@code 1100-232}); it counts before its town ({@code 1100-232 Lisboa}) or after a label. */
    private static final Pattern PT_POSTCODE = Pattern.compile("(?<![\\d.\\-/])[1-9]\\d{3}-\\d{3}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern PT_TOWN_AFTER = Pattern.compile("\\s+\\p{Lu}\\p{Ll}");
    private static final Pattern PT_LABEL_BEFORE = Pattern.compile("(?i:c[oó]d(?:igo|\\.)\\s{1,2}postal|\\bcp)[:\\s]{1,3}$");
    /** An Indian PIN code ({@code 600017}, {@code 560 001}); it counts after {@code PIN} or a town and a dash. */
    private static final Pattern PIN = Pattern.compile("(?<![\\d.\\-/])[1-9]\\d{2} ?\\d{3}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern PIN_LABEL_BEFORE = Pattern.compile(
            "\\b(?:PIN|Pin|PIN\\s[Cc]ode|Pin\\s[Cc]ode|Pincode|PINCODE)[:\\s.-]{1,3}$");
    private static final Pattern TOWN_DASH_BEFORE = Pattern.compile("\\p{Lu}\\p{Ll}{2,30}\\s{0,2}[-\u2013]\\s{0,2}$");

    private static final Pattern RRN = Pattern.compile("(?<![\\d.\\-/])\\d{6}-?[1-8]\\d{6}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern CN_RESIDENT = Pattern.compile("(?<![\\d.\\-/])\\d{17}[\\dXx](?![\\dA-Za-z\\-]|[.,]\\d)");
    private static final Pattern MY_NUMBER = Pattern.compile("(?<![\\d.\\-/])\\d{4}([ -]?)\\d{4}\\1\\d{4}(?![\\d\\-]|[.,]\\d)");
    /** Decision 0179: a Norwegian fødselsnummer (also {@code 120361 12326}), a Finnish henkilötunnus, a Czech or Slovak
     * rodné číslo, a Belgian rijksregisternummer written as Belgium writes it. */
    private static final Pattern FODSELSNUMMER = Pattern.compile("(?<![\\d.\\-/])\\d{6} ?\\d{5}(?![\\d\\-]|[.,]\\d)");
    private static final Pattern HETU = Pattern.compile("(?<![\\d.\\-/])\\d{6}[-+A-FU-Y]\\d{3}[0-9A-Y](?![\\p{L}\\p{N}])");
    private static final Pattern RODNE_CISLO = Pattern.compile("(?<![\\d.\\-/])\\d{6}/\\d{4}(?![\\d\\-/]|[.,]\\d)");
    private static final Pattern RIJKSREGISTER = Pattern.compile(
            "(?<![\\d.\\-/])\\d{2}\\.\\d{2}\\.\\d{2}-\\d{3}\\.\\d{2}(?![\\d\\-]|[.,]\\d)");

    /** The national numbers and postcodes of a text, in no particular order; empty when it holds fewer than 6 digits. */
    static List<Found> find(String text) {
        int n = text.length();
        int digits = 0;
        for (int i = 0; i < n; i++) {
            if (isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits < 6) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        Matcher[] matchers = new Matcher[14]; // made when first needed: CPF, TC Kimlik, CNS, Aadhaar, CEP, PT, PIN, RRN,
        // the Chinese resident number, My Number, the fødselsnummer, the henkilötunnus, the rodné číslo, the
        // rijksregisternummer
        for (int i = 0; i < n; i++) {
            if (!isDigit(text.charAt(i)) || i > 0 && isDigit(text.charAt(i - 1))) {
                continue; // not where a run of digits starts
            }
            // what the run's length and the character after it allow, before any pattern is tried
            int j = i;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            int len = j - i;
            char next = j < n ? text.charAt(j) : ' ';
            Matcher m;
            // every pattern starts with (?<![\d.\-/]); after a separator, the digits its next group needs
            boolean free = i == 0 || ".-/".indexOf(text.charAt(i - 1)) < 0;
            if (free && digits >= 11 && (len == 3 && next == '.' && digitsAt(text, j + 1, 3)
                    || len == 9 && next == '-' && digitsAt(text, j + 1, 2) || len == 11)
                    && (m = at(matchers, 0, CPF, text, i)) != null && CheckDigits.cpf(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && len == 11 && (m = at(matchers, 1, ELEVEN, text, i)) != null && CheckDigits.tcKimlik(m.group())) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && digits >= 15 && (len == 3 && next == ' ' && digitsAt(text, j + 1, 4) || len == 15)
                    && (m = at(matchers, 2, CNS, text, i)) != null && CheckDigits.cns(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && digits >= 12 && (len == 4 && (next == ' ' || next == '-') && digitsAt(text, j + 1, 4) || len == 12)
                    && (m = at(matchers, 3, AADHAAR, text, i)) != null && CheckDigits.aadhaar(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && len == 5 && next == '-' && digitsAt(text, j + 1, 3) && (m = at(matchers, 4, CEP, text, i)) != null) {
                out.add(new Found(i, m.end(), "[ZIP]"));
            }
            if (free && len == 4 && next == '-' && digitsAt(text, j + 1, 3) && (m = at(matchers, 5, PT_POSTCODE, text, i)) != null
                    && (lookingAt(PT_TOWN_AFTER, text, m.end()) || endsBefore(PT_LABEL_BEFORE, text, i, 24))) {
                out.add(new Found(i, m.end(), "[ZIP]"));
            }
            if (free && (len == 6 || len == 3 && next == ' ' && digitsAt(text, j + 1, 3)) && (m = at(matchers, 6, PIN, text, i)) != null
                    && (endsBefore(PIN_LABEL_BEFORE, text, i, 16)
                        || m.end() - i == 6 && endsBefore(TOWN_DASH_BEFORE, text, i, 36))) {
                out.add(new Found(i, m.end(), "[ZIP]"));
            }
            // An RRN and My Number only in a text with kana, hanzi or Hangul: as many as one in ten numbers of their
            // length and shape pass the check, and an English note's accession or barcode number must stay.
            if (free && digits >= 13 && (len == 6 && next == '-' && digitsAt(text, j + 1, 7) || len == 13)
                    && CjkNames.mayHold(text)
                    && (m = at(matchers, 7, RRN, text, i)) != null && CheckDigits.rrn(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && digits >= 17 && (len == 17 && (next == 'X' || next == 'x') || len == 18)
                    && (m = at(matchers, 8, CN_RESIDENT, text, i)) != null && CheckDigits.chineseResidentNumber(m.group())) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && digits >= 12 && (len == 4 && (next == ' ' || next == '-') && digitsAt(text, j + 1, 4) || len == 12)
                    && CjkNames.mayHold(text)
                    && (m = at(matchers, 9, MY_NUMBER, text, i)) != null && CheckDigits.myNumber(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && (len == 6 && next == ' ' && digitsAt(text, j + 1, 5) || len == 11)
                    && (m = at(matchers, 10, FODSELSNUMMER, text, i)) != null
                    && CheckDigits.fodselsnummer(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && len == 6 && "+-ABCDEFUVWXY".indexOf(next) >= 0 && digitsAt(text, j + 1, 3)
                    && (m = at(matchers, 11, HETU, text, i)) != null && CheckDigits.hetu(m.group())) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && len == 6 && next == '/' && digitsAt(text, j + 1, 4)
                    && (m = at(matchers, 12, RODNE_CISLO, text, i)) != null
                    && CheckDigits.rodneCislo(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            if (free && len == 2 && next == '.' && (m = at(matchers, 13, RIJKSREGISTER, text, i)) != null
                    && CheckDigits.rijksregisternummer(CheckDigits.digits(m.group()))) {
                out.add(new Found(i, m.end(), "[ID]"));
            }
            // A KVNR: its letter stands right before the run of nine digits, alone (not the end of a word or code)
            if (len == 9 && i >= 1 && text.charAt(i - 1) >= 'A' && text.charAt(i - 1) <= 'Z'
                    && (i < 2 || !Character.isLetterOrDigit(text.charAt(i - 2)) && text.charAt(i - 2) != '-')
                    && (j >= n || !Character.isLetterOrDigit(next) && !(next == '-' || next == '.' || next == ',')
                        || (next == '.' || next == ',') && (j + 1 >= n || !isDigit(text.charAt(j + 1))))
                    && CheckDigits.kvnr(text.substring(i - 1, j))) {
                out.add(new Found(i - 1, j, "[ID]"));
            }
            i = j - 1;
        }
        return out;
    }

    /**
     * The pattern's matcher (made once per text) matched at {@code from}, or null. Shared with
     * {@link LatinAmericanNumbers}.
     */
    static Matcher at(Matcher[] matchers, int k, Pattern p, String text, int from) {
        Matcher m = matchers[k];
        if (m == null) {
            m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            matchers[k] = m;
        }
        m.region(from, text.length());
        return m.lookingAt() ? m : null;
    }

    /** Whether the {@code count} characters from {@code from} are ASCII digits (false past the end). Shared in deid. */
    static boolean digitsAt(String text, int from, int count) {
        if (from + count > text.length()) {
            return false;
        }
        for (int k = from; k < from + count; k++) {
            if (!isDigit(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean lookingAt(Pattern p, String text, int from) {
        return p.matcher(text).region(from, text.length()).lookingAt();
    }

    /** Whether the pattern (ending in {@code $}) matches the text just before {@code at}, within {@code span} characters. */
    static boolean endsBefore(Pattern p, String text, int at, int span) {
        return p.matcher(text.substring(Math.max(0, at - span), at)).find();
    }
}
