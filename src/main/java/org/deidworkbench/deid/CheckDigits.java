package org.deidworkbench.deid;

import java.util.regex.Pattern;

/**
 * The check digits of the health and national numbers that {@code deid run} finds in free text and {@code deid verify}
 * looks for in its output (decisions 0123, 0125, 0128): one implementation of each, so that the two never disagree on
 * what a number is. Each takes the number's ASCII digits (or characters) without separators. Pure functions: stateless
 * and thread-safe, each linear in its (short) input.
 */
public final class CheckDigits {

    private CheckDigits() {
    }

    /** The ASCII digits of the text, in order. */
    public static String digits(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** The Luhn check (ISO/IEC 7812) over all the digits, the last being the check digit. */
    public static boolean luhn(String d) {
        int sum = 0;
        for (int i = 0; i < d.length(); i++) {
            int v = d.charAt(d.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
        }
        return sum % 10 == 0;
    }

    /** An Australian Medicare card number's ninth digit checks the first eight (the IRN after a slash is not part of it). */
    public static boolean medicare(String d) {
        if (d.length() < 9) {
            return false;
        }
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        return sum % 10 == d.charAt(8) - '0';
    }

    /** A British Columbia PHN: ten digits, 9 first, the tenth checking the second to ninth modulo 11. */
    public static boolean bcPhn(String d) {
        if (d.length() != 10 || d.charAt(0) != '9') {
            return false;
        }
        int[] w = {2, 4, 8, 5, 10, 9, 7, 3};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i + 1) - '0') * w[i];
        }
        int r = sum % 11;
        return r > 1 && 11 - r == d.charAt(9) - '0';
    }

    private static final String NHI_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String NHI_LETTER = "[A-HJ-NP-Z]";
    private static final Pattern NHI_SHAPE = Pattern.compile(NHI_LETTER + "{3}(?:\\d{4}|\\d\\d" + NHI_LETTER + "{2})");

    /** A New Zealand NHI of either format (upper case), with its check digit or check letter. */
    public static boolean nhi(String s) {
        if (s.length() != 7 || !NHI_SHAPE.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : NHI_LETTERS.indexOf(c) + 1;
            if (v < 0) {
                return false;
            }
            sum += v * (7 - i);
        }
        char check = s.charAt(6);
        if (Character.isDigit(check)) {
            int r = sum % 11;
            return r != 0 && (11 - r) % 10 == check - '0';
        }
        int r = sum % 23;
        return r != 0 && NHI_LETTERS.charAt(23 - r - 1) == check;
    }

    /** A CPF: eleven digits, not all alike, whose two last digits are its mod-11 checks. */
    public static boolean cpf(String d) {
        if (d.length() != 11 || d.chars().distinct().count() == 1) {
            return false;
        }
        for (int n = 9; n <= 10; n++) {
            int sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (d.charAt(i) - '0') * (n + 1 - i);
            }
            int r = sum % 11;
            if (d.charAt(n) - '0' != (r < 2 ? 0 : 11 - r)) {
                return false;
            }
        }
        return true;
    }

    /** A CNS: fifteen digits from 1, 2, 7, 8 or 9 whose digits weighted 15 to 1 sum to a multiple of 11. */
    public static boolean cns(String d) {
        if (d.length() != 15 || "12789".indexOf(d.charAt(0)) < 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            sum += (d.charAt(i) - '0') * (15 - i);
        }
        return sum % 11 == 0;
    }

    /**
     * A TC Kimlik No: eleven digits, not from 0; the tenth is (sum of the odd places × 7 − sum of the even places among
     * the first nine) mod 10, the eleventh the sum of the first ten mod 10.
     */
    public static boolean tcKimlik(String d) {
        if (d.length() != 11 || d.charAt(0) == '0') {
            return false;
        }
        int odd = 0;
        int even = 0;
        for (int i = 0; i < 9; i++) {
            if (i % 2 == 0) {
                odd += d.charAt(i) - '0';
            } else {
                even += d.charAt(i) - '0';
            }
        }
        int tenth = Math.floorMod(odd * 7 - even, 10);
        return d.charAt(9) - '0' == tenth && d.charAt(10) - '0' == (odd + even + tenth) % 10;
    }

    /**
     * A Norwegian national identity number (fødselsnummer, decision 0179): eleven digits, a birth date {@code DDMMYY}
     * (the day plus 40 in a D number, the month plus 40 in an H number), three individual digits and two mod-11 check
     * digits of weights 3 7 6 1 8 9 4 5 2 and 5 4 3 2 7 6 5 4 3 2 (a remainder of 1 gives no valid number).
     */
    public static boolean fodselsnummer(String d) {
        if (d.length() != 11 || !allDigits(d)) {
            return false;
        }
        int day = Integer.parseInt(d.substring(0, 2));
        int month = Integer.parseInt(d.substring(2, 4));
        if (!dayAndMonth(day > 40 ? day - 40 : day, month > 40 ? month - 40 : month)) {
            return false;
        }
        int k1 = mod11Check(d, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
        int k2 = mod11Check(d, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
        return k1 == d.charAt(9) - '0' && k2 == d.charAt(10) - '0';
    }

    /** 11 minus the weighted sum mod 11 (11 → 0), or -1 for 10: no valid digit. */
    private static int mod11Check(String d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (d.charAt(i) - '0');
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k == 10 ? -1 : k;
    }

    private static boolean allDigits(String d) {
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(i) < '0' || d.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static final String HETU_CHECKS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    /**
     * A Finnish personal identity code (henkilötunnus, decision 0179): {@code DDMMYY}, the century sign ({@code +},
     * {@code -}, {@code A}, and since 2023 {@code B}–{@code F}, {@code U}–{@code Y}), three individual digits and a check
     * character, the nine digits mod 31 in {@code 0123456789ABCDEFHJKLMNPRSTUVWXY}.
     */
    public static boolean hetu(String v) {
        if (v.length() != 11 || !allDigits(v.substring(0, 6)) || !allDigits(v.substring(7, 10))
                || "+-ABCDEFUVWXY".indexOf(v.charAt(6)) < 0) {
            return false;
        }
        if (!dayAndMonth(Integer.parseInt(v.substring(0, 2)), Integer.parseInt(v.substring(2, 4)))) {
            return false;
        }
        return HETU_CHECKS.charAt(Integer.parseInt(v.substring(0, 6) + v.substring(7, 10)) % 31) == v.charAt(10);
    }

    /**
     * A Czech or Slovak birth number (rodné číslo, decision 0179): {@code YYMMDD} (a woman's month plus 50, and plus 20
     * for numbers given after 2003) and four digits, the ten digits a multiple of 11 (or, before 1986, the first nine mod
     * 11 equal to 10 and a last digit 0).
     */
    public static boolean rodneCislo(String d) {
        if (d.length() != 10 || !allDigits(d)) {
            return false;
        }
        int month = Integer.parseInt(d.substring(2, 4)) % 50;
        if (!dayAndMonth(Integer.parseInt(d.substring(4, 6)), month > 20 ? month - 20 : month)) {
            return false;
        }
        long n = Long.parseLong(d);
        return n % 11 == 0 || Long.parseLong(d.substring(0, 9)) % 11 == 10 && d.charAt(9) == '0';
    }

    /**
     * A Belgian national register number (rijksregisternummer, INSZ, decision 0179): {@code YYMMDD} (month or day 00
     * when unknown), three serial digits and two check digits, 97 minus the nine digits mod 97 (for a birth from 2000, the
     * nine digits after a 2).
     */
    public static boolean rijksregisternummer(String d) {
        if (d.length() != 11 || !allDigits(d)) {
            return false;
        }
        int month = Integer.parseInt(d.substring(2, 4));
        int day = Integer.parseInt(d.substring(4, 6));
        if (month > 12 && month < 20 || month > 32 || day > 31) {
            return false;
        }
        int check = Integer.parseInt(d.substring(9));
        long body = Long.parseLong(d.substring(0, 9));
        return 97 - body % 97 == check || 97 - (2_000_000_000L + body) % 97 == check;
    }

    /**
     * A German Krankenversicherten-ID (KVNR, § 290 SGB V; decision 0150): a capital letter and nine digits. The letter
     * is written as its place in the alphabet in two digits ({@code A} = 01 … {@code Z} = 26), then come the first eight
     * digits; these ten digits are weighted 1, 2, 1, 2, …, the digits of each product added, and the sum modulo 10 is the
     * ninth digit ({@code X110411675}).
     */
    public static boolean kvnr(String v) {
        if (v.length() != 10 || v.charAt(0) < 'A' || v.charAt(0) > 'Z') {
            return false;
        }
        int letter = v.charAt(0) - 'A' + 1;
        int[] d = new int[10];
        d[0] = letter / 10;
        d[1] = letter % 10;
        for (int i = 1; i <= 9; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            if (i <= 8) {
                d[i + 1] = c - '0';
            }
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int p = d[i] * (i % 2 == 0 ? 1 : 2);
            sum += p / 10 + p % 10;
        }
        return v.charAt(9) - '0' == sum % 10;
    }

    private static final int[][] VERHOEFF_D = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
        {2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
        {5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
        {8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    private static final int[][] VERHOEFF_P = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
        {5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
        {4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

    /** An Aadhaar number: twelve digits from 2 to 9 with a valid Verhoeff check digit. */
    public static boolean aadhaar(String d) {
        if (d.length() != 12 || d.charAt(0) < '2') {
            return false;
        }
        int c = 0;
        for (int i = 0; i < 12; i++) {
            c = VERHOEFF_D[c][VERHOEFF_P[i % 8][d.charAt(11 - i) - '0']];
        }
        return c == 0;
    }

    /** Whether ten digits (spaces or dashes between them ignored) end in the NHS modulus 11 check digit of the nine before. */
    public static boolean nhs(String text) {
        int[] d = new int[10];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (n == 10) {
                    return false;
                }
                d[n++] = c - '0';
            }
        }
        if (n != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += d[i] * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d[9];
    }

    /** Whether {@code yyMMdd} or {@code yyyyMMdd} at {@code from} is a month and day that exist (any year). */
    private static boolean monthDay(String d, int from) {
        return dayAndMonth((d.charAt(from + 2) - '0') * 10 + d.charAt(from + 3) - '0',
                (d.charAt(from) - '0') * 10 + d.charAt(from + 1) - '0');
    }

    /** Whether a day 1–31 and a month 1–12 (any year). */
    private static boolean dayAndMonth(int day, int month) {
        return day >= 1 && day <= 31 && month >= 1 && month <= 12;
    }

    /** A Korean RRN (decision 0127): thirteen digits, a birth date first, the last (11 − Σ digit × 2..9,2..5 mod 11) mod 10. */
    public static boolean rrn(String d) {
        if (d.length() != 13 || !monthDay(d, 2)) {
            return false;
        }
        int[] w = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        return d.charAt(12) - '0' == (11 - sum % 11) % 10;
    }

    /** A Chinese resident identity number: a birth date at places 7–14 and the ISO 7064 MOD 11-2 check character. */
    public static boolean chineseResidentNumber(String v) {
        if (v.length() != 18 || !monthDay(v, 10) || !(v.startsWith("19", 6) || v.startsWith("20", 6))) {
            return false;
        }
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * w[i];
        }
        return Character.toUpperCase(v.charAt(17)) == "10X98765432".charAt(sum % 11);
    }

    /** A Japanese individual number: twelve digits, the last a check of the others weighted 2–7, 2–6 from the right. */
    public static boolean myNumber(String d) {
        if (d.length() != 12 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            sum += (d.charAt(11 - n) - '0') * (n <= 6 ? n + 1 : n - 5);
        }
        int r = sum % 11;
        return d.charAt(11) - '0' == (r <= 1 ? 0 : 11 - r);
    }

    /** A code system's name (or "code") just before a number: the number is a code of it. */
    private static final Pattern CODE_SYSTEM_BEFORE = Pattern.compile(
            "(?i)(?<![\\p{L}\\p{N}])(?:snomed(?:[ -]?ct)?|sct|loinc|icd(?:-?1[01])?(?:-?(?:gm|cm|pcs))?|rxnorm|rxcui|cvx|cpt|hcpcs|ndc|atc|ops|sigtap"
                    + "|concept(?:[ _]?id)?|code)\\s*[:#=]?\\s*$");

    /**
     * Whether a code system's name ({@code SNOMED}, {@code SIGTAP}, {@code NDC}, ...) or the word "code" stands just
     * before {@code start} (within 24 characters): the number there is a code of it, not a person's.
     */
    public static boolean afterCodeSystem(CharSequence text, int start) {
        int from = Math.max(0, start - 24);
        return mayEndInCodeSystem(text, from, start) && CODE_SYSTEM_BEFORE.matcher(text.subSequence(from, start)).find();
    }

    /** A word of every name {@link #CODE_SYSTEM_BEFORE} knows, in lower case. */
    private static final String[] CODE_SYSTEM_WORDS = {"snomed", "sct", "loinc", "icd", "rxnorm", "rxcui", "cvx", "cpt",
        "hcpcs", "ndc", "atc", "ops", "sigtap", "concept", "code"};

    /**
     * What {@link #CODE_SYSTEM_BEFORE} needs of {@code [from, end)}, tested without a matcher (most numbers follow no
     * code system): after the trailing spaces, an optional {@code :}, {@code #} or {@code =} and spaces, a letter or
     * digit that ends one of its names, and one of {@link #CODE_SYSTEM_WORDS} somewhere in the text. Never false where
     * the pattern matches.
     */
    private static boolean mayEndInCodeSystem(CharSequence t, int from, int end) {
        int i = end;
        while (i > from && Character.isWhitespace(t.charAt(i - 1))) {
            i--;
        }
        if (i > from && ":#=".indexOf(t.charAt(i - 1)) >= 0) {
            i--;
            while (i > from && Character.isWhitespace(t.charAt(i - 1))) {
                i--;
            }
        }
        if (i == from || "dtcm01sixpeDTCMSIXPE".indexOf(t.charAt(i - 1)) < 0) {
            return false;
        }
        String lower = t.subSequence(from, i).toString().toLowerCase(java.util.Locale.ROOT);
        for (String w : CODE_SYSTEM_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static final String CURP_CHARS = "0123456789ABCDEFGHIJKLMN\u00D1OPQRSTUVWXYZ";
    private static final Pattern CURP_SHAPE = Pattern.compile(
            "[A-Z][AEIOUX][A-Z]{2}\\d{6}[HMX](?:AS|B[CS]|C[CLMSH]|D[FG]|G[TR]|HG|JC|M[CNS]|N[ETL]|OC|PL|Q[TR]|S[PLR]|T[CSL]|VZ|YN|ZS|NE)"
                    + "[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\\d");

    /**
     * A Mexican CURP (decision 0133): four letters of the name, the birth date {@code yyMMdd}, the sex ({@code H},
     * {@code M}, or {@code X}), the state of birth's two letters, three consonants of the name, a character telling the
     * century, and a check digit: 10 − (Σ value × weight 18..2 mod 10), mod 10, the values 0–9 then A–Z with Ñ after
     * N. Upper case.
     */
    public static boolean curp(String v) {
        if (v.length() != 18 || !CURP_SHAPE.matcher(v).matches() || !monthDay(v, 6)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CURP_CHARS.indexOf(v.charAt(i)) * (18 - i);
        }
        return v.charAt(17) - '0' == (10 - sum % 10) % 10;
    }

    private static final String RFC_CHARS = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ \u00D1";
    private static final Pattern RFC_SHAPE = Pattern.compile("[A-Z\u00D1&]{3,4}\\d{6}[A-Z\\d]{2}[\\dA]");

    /**
     * A Mexican RFC of a person (13 characters) or a company (12): three or four letters, the date {@code yyMMdd}, two
     * characters of the homoclave and its check character, 11 − (Σ value × weight mod 11), 10 written {@code A} and 11
     * {@code 0}; the values 0–9, A–N, &amp;, O–Z, space, Ñ; a company's RFC is weighed as if a space stood first.
     */
    public static boolean rfc(String v) {
        if (v.length() < 12 || v.length() > 13 || !RFC_SHAPE.matcher(v).matches() || !monthDay(v, v.length() - 7)) {
            return false;
        }
        String s = v.length() == 12 ? " " + v : v;
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += RFC_CHARS.indexOf(s.charAt(i)) * (13 - i);
        }
        int d = 11 - sum % 11;
        char check = d == 11 ? '0' : d == 10 ? 'A' : (char) ('0' + d);
        return s.charAt(12) == check;
    }

    /**
     * A Mexican IMSS social security number (NSS): eleven digits (the subdelegation, the year of affiliation, the year
     * of birth, a serial), not all alike, the last a Luhn check digit.
     */
    public static boolean nss(String d) {
        return d.length() == 11 && d.chars().distinct().count() > 1 && luhn(d);
    }

    /**
     * A Chilean RUT or RUN: the body's digits (seven or eight) and its check character, 11 − (Σ digit × 2..7 from the
     * right, repeating, mod 11), 11 written {@code 0} and 10 {@code K}.
     */
    public static boolean rut(String body, char check) {
        if (body.length() < 7 || body.length() > 8 || body.charAt(0) == '0') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(body.length() - 1 - i) - '0') * (2 + i % 6);
        }
        int d = 11 - sum % 11;
        char expected = d == 11 ? '0' : d == 10 ? 'K' : (char) ('0' + d);
        return Character.toUpperCase(check) == expected;
    }

    /**
     * An Argentine CUIL or CUIT: eleven digits, a type (20, 23, 24, 27 for people; 30, 33, 34 for companies), the DNI
     * in eight digits and a check digit, 11 − (Σ digit × 5 4 3 2 7 6 5 4 3 2 mod 11), 11 written 0 (10 is not issued).
     */
    public static boolean cuil(String d) {
        if (d.length() != 11 || !(d.startsWith("2") || d.startsWith("3"))) {
            return false;
        }
        int[] w = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (d.charAt(i) - '0') * w[i];
        }
        int c = 11 - sum % 11;
        return c != 10 && d.charAt(10) - '0' == (c == 11 ? 0 : c);
    }

    /**
     * A Thai national identification number: thirteen digits, the first a registration type 1–8, the last (11 − Σ
     * digit × 13..2 mod 11) mod 10.
     */
    public static boolean thaiId(String d) {
        if (d.length() != 13 || d.charAt(0) < '1' || d.charAt(0) > '8') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (d.charAt(i) - '0') * (13 - i);
        }
        return d.charAt(12) - '0' == (11 - sum % 11) % 10;
    }

    /**
     * A Russian SNILS (decision 0131): eleven digits, the last two the sum of the first nine weighted 9 to 1, modulo 101
     * (100 written 00). Numbers up to 001-001-998 carry no check and are not taken.
     */
    public static boolean snils(String d) {
        if (d.length() != 11 || d.compareTo("00100199800") <= 0) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (9 - i);
        }
        int check = sum % 101 % 100;
        return (d.charAt(9) - '0') * 10 + d.charAt(10) - '0' == check;
    }

    /** A Russian compulsory medical insurance policy number (полис ОМС, decision 0131): sixteen digits, a Luhn check digit. */
    public static boolean oms(String d) {
        return d.length() == 16 && d.chars().distinct().count() > 1 && luhn(d);
    }

    /** A Greek AMKA (decision 0131): eleven digits, a birth date {@code ddMMyy} first and a Luhn check digit last. */
    public static boolean amka(String d) {
        if (d.length() != 11) {
            return false;
        }
        int day = (d.charAt(0) - '0') * 10 + d.charAt(1) - '0';
        int month = (d.charAt(2) - '0') * 10 + d.charAt(3) - '0';
        return day >= 1 && day <= 31 && month >= 1 && month <= 12 && luhn(d);
    }

    /** A Greek tax number (ΑΦΜ, decision 0131): nine digits, the last the first eight weighted 2^8 to 2 modulo 11 modulo 10. */
    public static boolean afm(String d) {
        if (d.length() != 9 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i) - '0') << (8 - i);
        }
        return d.charAt(8) - '0' == sum % 11 % 10;
    }

    /**
     * A French NIR (numéro de sécurité sociale, decision 0141), as written in its groups or run together: thirteen
     * digits (Corsica's department {@code 2A} or {@code 2B} read as 19 and 18) and a key of two, 97 less the thirteen
     * modulo 97.
     */
    public static boolean nir(String written) {
        String v = written.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (v.length() != 15) {
            return false;
        }
        String body = v.substring(0, 5) + (v.startsWith("2A", 5) ? "19" : v.startsWith("2B", 5) ? "18" : v.substring(5, 7))
                + v.substring(7, 13);
        if (!body.chars().allMatch(c -> c >= '0' && c <= '9') || !v.substring(13).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return 97 - Long.parseLong(body) % 97 == Integer.parseInt(v.substring(13));
    }

    /** A Dutch burgerservicenummer (BSN, decision 0141): nine digits passing the 11-test (weights 9 to 2, and -1). */
    public static boolean bsn(String d) {
        if (d.length() != 9 || d.chars().distinct().count() == 1) {
            return false;
        }
        int sum = -(d.charAt(8) - '0');
        for (int i = 0; i < 8; i++) {
            sum += (d.charAt(i) - '0') * (9 - i);
        }
        return sum % 11 == 0;
    }

    /**
     * A Spanish DNI ({@code 12345678Z}, {@code 12.345.678-Z}) or NIE ({@code X1234567L}; X, Y, Z read as 0, 1, 2) with
     * its control letter, the number modulo 23 (decision 0141).
     */
    public static boolean spanishIdLetter(String written) {
        StringBuilder d = new StringBuilder(9);
        char letter = 0;
        for (int i = 0; i < written.length(); i++) {
            char c = Character.toUpperCase(written.charAt(i));
            if (c >= '0' && c <= '9') {
                d.append(c);
            } else if (d.length() == 0 && (c == 'X' || c == 'Y' || c == 'Z')) {
                d.append((char) ('0' + c - 'X'));
            } else if (c >= 'A' && c <= 'Z') {
                letter = c;
            }
        }
        return d.length() == 8 && letter != 0
                && "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(d.toString()) % 23) == letter;
    }

    private static final Pattern CODICE_FISCALE_SHAPE = Pattern.compile(
            "[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]");
    /** The values of the characters in odd places of a codice fiscale, digits and letters alike (0 is A, 1 is B …). */
    private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10,
        22, 25, 24, 23};

    /**
     * An Italian codice fiscale (decision 0141): sixteen characters in its shape (the surname's and given name's letters,
     * the birth year, month letter and day, the town's code) and a control letter from the fifteen before it.
     */
    public static boolean codiceFiscale(String v) {
        String s = v.toUpperCase(java.util.Locale.ROOT);
        if (!CODICE_FISCALE_SHAPE.matcher(s).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = s.charAt(i);
            int value = c <= '9' ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? CF_ODD[value] : value;
        }
        return s.charAt(15) == 'A' + sum % 26;
    }
}
