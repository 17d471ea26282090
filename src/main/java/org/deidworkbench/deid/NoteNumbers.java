package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phones, record numbers and national numbers that a notes file handed out alone still showed (decision 0141): with no
 * table to announce a patient's numbers, only their shape, a cue or a check digit tells them.
 * <ul>
 * <li>a phone in its country's notation: an area code in brackets ({@code (11) 98765-4321}, {@code (71) 3321-4567},
 * {@code (22) 123-45-67}), a Brazilian mobile with its 9 ({@code 11 98765-4321}), a Portuguese or Polish mobile in
 * groups of three ({@code 912 345 678}, {@code 601 234 567}, {@code 601-234-567}), a Portuguese landline
 * ({@code 22 208 1234}), a Polish one ({@code 12 633 44 55}), a Chinese mobile ({@code 138 1234 5678}), a US number whose separator an HL7 message escaped
 * ({@code 217\F\555-0143}, {@code 217|555-0143} once read); any number of 7 to 15 digits after a phone cue
 * ({@code tel.}, {@code tél.}, {@code telefone}, {@code celular}, {@code contato}, {@code telefon}, {@code tel. kom.},
 * {@code joignable au}, {@code 电话}, {@code 전화} …);</li>
 * <li>a record number after its local label ({@code prontuário}, {@code processo n.º}, {@code nr karty},
 * {@code N° dossier}, {@code Aktenzeichen}, {@code Fallnummer}, {@code NHC} …), with four digits at least;</li>
 * <li>a national number written with spaces or dots after its label ({@code NIR}, {@code PESEL}, {@code NIF},
 * {@code BSN}, {@code DNI}, {@code NIE}, {@code personnummer} …), or without a label where its check digit or letter
 * says what it is: a French NIR in its groups ({@code 1 84 12 76 451 089 46}, key modulo 97), a Dutch BSN with its dots
 * ({@code 1234.56.782}, the 11-test), a Spanish DNI or NIE with its letter ({@code 12345678Z}, {@code X1234567L}).</li>
 * </ul>
 * A group of digits followed by a currency or a unit ({@code 601 234 567 zł}, {@code 912 345 678 mg}) is no phone. A
 * number right after a code system's name is left to the caller. Stateless and thread-safe; one pass over the text,
 * a pattern tried only where a number of its shape starts.
 */
final class NoteNumbers {

    private NoteNumbers() {
    }

    /** What was found: {@code [start, end)} and the replacement. */
    record Found(int start, int end, String replacement) {
    }

    /** What may follow a number: no digit, no dash, no decimal part. */
    private static final String END = "(?![\\d\\-]|[.,]\\d)";
    /** A currency or a unit after a group of digits: an amount or a quantity, not a phone. */
    private static final String NO_UNIT = "(?!\\s?(?iu:z[łl](?!\\p{L})|pln\\b|eur\\b|euros?\\b|€|r\\$|reais\\b|usd\\b|\\$|mg\\b"
            + "|kg\\b|ml\\b|g\\b|ui\\b|iu\\b|%))";

    private static final Pattern BRACKETED = Pattern.compile("\\(0?[1-9]\\d\\) ?(?:9?\\d{4}[- ]?\\d{4}|\\d{3}[- ]\\d{2}[- ]\\d{2}"
            + "|\\d{3}[- ]\\d{4})" + END);
    private static final Pattern BR_MOBILE = Pattern.compile("[1-9]\\d 9\\d{4}-\\d{4}" + END);
    /** A Chinese mobile in groups of three, four and four ({@code 138 1234 5678}). */
    private static final Pattern CN_MOBILE = Pattern.compile("1[3-9]\\d \\d{4} \\d{4}" + END + NO_UNIT);
    /** Portuguese (91, 92, 93, 96) and Polish (45, 50, 51, 53, 57, 60, 66, 69, 72, 73, 78, 79, 88) mobiles: 3-3-3. */
    private static final Pattern MOBILE_IN_THREES = Pattern.compile("(?:9[1236]|45|5[0137]|6[069]|7[2389]|88)\\d([ -])\\d{3}\\1\\d{3}"
            + END + NO_UNIT);
    private static final Pattern PT_LANDLINE = Pattern.compile("2\\d [1-9]\\d{2} \\d{4}" + END + NO_UNIT);
    private static final Pattern PL_LANDLINE = Pattern.compile("[1-9]\\d [1-9]\\d{2} \\d{2} \\d{2}" + END + NO_UNIT);
    private static final Pattern HL7_ESCAPED = Pattern.compile("\\d{3}(?:\\||\\\\F\\\\)\\d{3}-\\d{4}" + END);
    private static final Pattern CUED = Pattern.compile("(?:\\(\\d{1,5}\\) ?)?\\d{1,5}(?:[ .\\-/]\\d{1,5}){0,6}" + END);
    static final Pattern PHONE_CUE_BEFORE = Pattern.compile("(?iu)(?:电话|電話|手机|手機|携帯|전화|연락처|(?<!\\p{L})(?:t[ée]l|t[ée]l[ée]phone|telephone|phone|telefone?|telefon|"
            + "telefoon|tel[ée]fono|telefono|celular|cell?|contato|contacto|tlm|telem[oó]vel|m[oó]vil|mobile?|mob|kom|"
            + "kom[oó]rka|gsm|portable|handy|fone|fax|joignable|ligou|telefonou))\\.?(?:\\s*(?:kom|fixo|m[oó]vel)\\.?)?"
            + "(?:\\s*(?:n[º°o]|nr|no|num|numer|n[úu]mero)\\.?)?\\s*[:.]?\\s*(?:(?:au|do|no|da|na|para|pod numerem|at|on)\\s+)?$");

    static final Pattern RECORD_LABEL_BEFORE = Pattern.compile("(?iu)(?<!\\p{L})(?:prontu[aá]rio|processo(?:\\s+cl[ií]nico)?"
            + "|nr\\.?\\s+karty|numer\\s+karty|nr\\.?\\s+historii(?:\\s+choroby)?|nr\\.?\\s+ksi[eę]gi|dossier(?:\\s+m[ée]dical)?"
            + "|aktenzeichen|fallnummer|fall-nr\\.?|patientennummer|pat\\.?-nr\\.?|ipp|nhc|historia\\s+cl[ií]nica"
            + "|pati[eë]ntnummer|journalnummer|journalnr\\.?)"
            + "(?:\\s*(?:n\\.?[º°o]\\.?|nr\\.?|no\\.?|num\\.?|n[úu]mero|numer|[:#]|de|du))*\\s*$");
    private static final Pattern RECORD_VALUE = Pattern.compile("(?:\\d{1,3} [A-Z]{1,3} \\d{1,6}/\\d{2,4}"
            + "|(?:[A-Z]{1,4}[-/]?)?\\d[\\dA-Z]*(?:[./-][\\dA-Z]+){0,3})(?![\\p{L}\\p{N}]|[.,/-]\\p{N})");

    static final Pattern NATIONAL_LABEL_BEFORE = Pattern.compile("(?iu)(?<!\\p{L})(?:nir|insee|s[ée]cu(?:rit[ée]\\s+sociale)?"
            + "|pesel|nif|contribuinte|bsn|burgerservicenummer|sofinummer|(?-i:DNI|NIE)|personnummer|pers\\.?\\s?nr\\.?|svnr"
            + "|sozialversicherungsnummer|ahv(?:-nr\\.?)?|avs|niss|cpf|cns|abha"
            // the Nordic, Finnish, Czech and Slovak, Belgian, Baltic and south-east European numbers of a person, each
            // holding the birth date (decision 0179): "Fødselsnummer 120361 12345", "Henkilötunnus 120361-123A",
            // "Rodné číslo 615312/1234", "Rijksregisternummer 61.03.12-123.45"
            + "|f[øo]dselsnummer|f[øo]dselsnr\\.?|fnr\\.?|cpr(?:-nr\\.?|-nummer)?|henkil[öo]tunnus|hetu|sotu"
            + "|kennitala|rodn[éeÉ]\\s+[čc][íi]sl[oa]|rodn[ée]ho\\s+[čc][íi]sla|r\\.\\s?[čc]\\.|rijksregisternummer"
            + "|rijksregister|insz|num[ée]ro\\s+national|registre\\s+national|isikukood|personas\\s+kods|asmens\\s+kodas"
            + "|(?-i:CNP|EGN|OIB|PPSN?)|emšo|emso|taj-?\\s?sz[áa]m)"
            + "(?:\\s*(?:n\\.?[º°o]\\.?|nr\\.?|no\\.?|num\\.?|n[úu]mero|numer|[:#]))*\\s*$");
    private static final Pattern NATIONAL_VALUE = Pattern.compile("(?:[XYZ][ .-]?)?\\d{1,13}(?:[ .\\-/]\\d{1,8}){0,6}(?:-?[A-Z])?"
            + "(?![\\p{L}\\p{N}]|[.,]\\p{N})");

    private static final Pattern NIR = Pattern.compile("[12] ?\\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\\d) ?(?:\\d{2}|2[ABab]) ?\\d{3} ?\\d{3} ?\\d{2}"
            + END);
    private static final Pattern BSN_DOTTED = Pattern.compile("\\d{4}\\.\\d{2}\\.\\d{3}" + END);
    private static final Pattern DNI = Pattern.compile("(?:\\d{8}|\\d{2}\\.\\d{3}\\.\\d{3})-?[A-Za-z](?![\\p{L}\\p{N}])");
    private static final Pattern CODICE_FISCALE = Pattern.compile("(?i)[A-Z]{6}\\d{2}[A-Z]\\d{2}[A-Z]\\d{3}[A-Z](?![\\p{L}\\p{N}])");
    /** An Indian PAN of a person: three letters, P, the surname's initial, four digits, a letter. */
    private static final Pattern PAN = Pattern.compile("[A-Z]{3}P[A-Z]\\d{4}[A-Z](?![\\p{L}\\p{N}])");
    private static final Pattern NIE = Pattern.compile("[XYZ]-?\\d{7}-?[A-Za-z](?![\\p{L}\\p{N}])");

    /**
     * A part of every phone cue, national label and record label above, in any case: a text without one of them needs
     * no look behind its numbers for that kind (one scan of the text, made when first needed, instead of one per number).
     * ASCII case folding, the few letters beyond ASCII written in both cases, as a {@code (?i)} pattern of these
     * alternatives would match; a loop over the characters, not a pattern that tries each alternative at each place
     * (decision 0145).
     */
    static final StemSet PHONE_STEMS = StemSet.of("t[eéÉ]l", "phone", "fone", "cel", "conta[ct]", "tlm", "m[oóÓ]v", "mob",
            "kom", "gsm", "portable", "handy", "fax", "joignable", "ligou", "电话", "電話", "手机", "手機", "携帯", "전화", "연락처");
    static final StemSet NATIONAL_STEMS = StemSet.of("nir", "insee", "s[eéÉ]cu", "pesel", "nif", "contribuinte", "bsn",
            "burgerservice", "sofinummer", "dni", "nie", "personnummer", "pers.?\\s?nr", "svnr", "sozialversicherung", "ahv",
            "avs", "niss", "cpf", "cns", "abha", "f[øØoO]dselsn", "fnr", "cpr", "henkil", "hetu", "sotu", "kennitala",
            "rodn[éÉeE]", "r.\\s?[čČcC].", "rijksregister", "insz", "national", "isikukood", "personas", "asmens", "cnp",
            "egn", "oib", "pps", "em[šŠsS]o", "taj");
    static final StemSet RECORD_STEMS = StemSet.of("prontu", "processo", "karty", "histori", "ksi[eęĘ]g", "dossier", "aktenz",
            "fallnum", "fall-nr", "patientennum", "pat.?-nr", "ipp", "nhc", "pati[eëË]ntnum", "journaln");

    /** Whether a text holds a phone cue, a national label, a record label at all; each looked for once, when first asked. */
    private static final class Stems {
        private final String text;
        private int phone = -1;
        private int national = -1;
        private int record = -1;

        Stems(String text) {
            this.text = text;
        }

        boolean phone() {
            if (phone < 0) {
                phone = PHONE_STEMS.in(text) ? 1 : 0;
            }
            return phone == 1;
        }

        boolean national() {
            if (national < 0) {
                national = NATIONAL_STEMS.in(text) ? 1 : 0;
            }
            return national == 1;
        }

        boolean record() {
            if (record < 0) {
                record = RECORD_STEMS.in(text) ? 1 : 0;
            }
            return record == 1;
        }
    }

    /** A numeric date or a range of years: not a number these rules look for. */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{4}[-/]\\d{4}");

    /** The numbers of a text, in no particular order; empty when it holds fewer than four digits. */
    static List<Found> find(String text) {
        int n = text.length();
        int digits = 0;
        for (int i = 0; i < n; i++) {
            if (isDigit(text.charAt(i))) {
                digits++;
            }
        }
        if (digits < 4) {
            return List.of();
        }
        List<Found> out = new ArrayList<>();
        Matcher[] matchers = new Matcher[16]; // one per pattern, made when first needed
        Stems stems = new Stems(text);
        for (int i = 0; i < n; i++) {
            if (!out.isEmpty() && i < out.get(out.size() - 1).end()) {
                continue; // inside what was found
            }
            char c = text.charAt(i);
            if (c == '(' && i + 1 < n && isDigit(text.charAt(i + 1)) && boundary(text, i)) {
                Matcher m;
                if ((m = NationalNumbers.at(matchers, 0, BRACKETED, text, i)) != null) {
                    out.add(new Found(i, m.end(), "[PHONE]"));
                } else if (digits >= 7 && stems.phone() && cuedBefore(PHONE_STEMS, PHONE_CUE_BEFORE, text, i, 32)) {
                    cued(text, i, matchers, out);
                }
                continue;
            }
            if ((c == 'X' || c == 'Y' || c == 'Z') && digits >= 7 && i + 1 < n && boundary(text, i)) {
                Matcher m = NationalNumbers.at(matchers, 1, NIE, text, i);
                if (m != null && CheckDigits.spanishIdLetter(m.group())) {
                    out.add(new Found(i, m.end(), "[ID]"));
                } else if (stems.national() && cuedBefore(NATIONAL_STEMS, NATIONAL_LABEL_BEFORE, text, i, 36)) {
                    labelledNational(text, i, matchers, out);
                }
                continue;
            }
            if (!isDigit(c) || i > 0 && isDigit(text.charAt(i - 1))) {
                continue;
            }
            int j = i;
            while (j < n && isDigit(text.charAt(j))) {
                j++;
            }
            int len = j - i;
            char next = j < n ? text.charAt(j) : ' ';
            int before = out.size();
            if (boundary(text, i)) {
                numberAt(text, i, len, next, digits, matchers, stems, out);
            } else if ((len == 2 || len == 4) && Character.isLetter(text.charAt(i - 1))) {
                lettersThenDigits(text, i, len, matchers, out);
            }
            if (out.size() == before) {
                if (stems.record()) {
                    recordLabelled(text, i, matchers, out);
                }
            }
            if (out.size() == before) {
                i = j - 1;
            }
        }
        return out;
    }

    /** The phones and national numbers that may start at the digit run {@code [i, i + len)}. */
    private static void numberAt(String text, int i, int len, char next, int digits, Matcher[] matchers, Stems stems,
            List<Found> out) {
        Matcher m;
        if (len == 2 && next == ' ' && digits >= 10 && (m = NationalNumbers.at(matchers, 2, BR_MOBILE, text, i)) != null) {
            out.add(new Found(i, m.end(), "[PHONE]"));
            return;
        }
        if (len == 3 && (next == ' ' || next == '-') && digits >= 9
                && (m = NationalNumbers.at(matchers, 3, MOBILE_IN_THREES, text, i)) != null) {
            out.add(new Found(i, m.end(), "[PHONE]"));
            return;
        }
        if (len == 3 && next == ' ' && digits >= 11 && (m = NationalNumbers.at(matchers, 13, CN_MOBILE, text, i)) != null) {
            out.add(new Found(i, m.end(), "[PHONE]"));
            return;
        }
        if (len == 2 && next == ' ' && digits >= 9) {
            if ((m = NationalNumbers.at(matchers, 4, PT_LANDLINE, text, i)) != null
                    || (m = NationalNumbers.at(matchers, 5, PL_LANDLINE, text, i)) != null) {
                out.add(new Found(i, m.end(), "[PHONE]"));
                return;
            }
        }
        if (len == 3 && (next == '|' || next == '\\') && (m = NationalNumbers.at(matchers, 6, HL7_ESCAPED, text, i)) != null) {
            out.add(new Found(i, m.end(), "[PHONE]"));
            return;
        }
        if (len == 1 && next == ' ' && digits >= 14 && (m = NationalNumbers.at(matchers, 7, NIR, text, i)) != null
                && CheckDigits.nir(text.substring(i, m.end()))) {
            out.add(new Found(i, m.end(), "[ID]"));
            return;
        }
        if (len == 4 && next == '.' && (m = NationalNumbers.at(matchers, 8, BSN_DOTTED, text, i)) != null
                && CheckDigits.bsn(CheckDigits.digits(m.group()))) {
            out.add(new Found(i, m.end(), "[ID]"));
            return;
        }
        if ((len == 8 || len == 2 && next == '.') && (m = NationalNumbers.at(matchers, 9, DNI, text, i)) != null
                && CheckDigits.spanishIdLetter(m.group())) {
            out.add(new Found(i, m.end(), "[ID]"));
            return;
        }
        if (digits >= 7 && stems.national() && cuedBefore(NATIONAL_STEMS, NATIONAL_LABEL_BEFORE, text, i, 36)
                && labelledNational(text, i, matchers, out)) {
            return;
        }
        if (digits >= 7 && stems.phone() && cuedBefore(PHONE_STEMS, PHONE_CUE_BEFORE, text, i, 32)) {
            cued(text, i, matchers, out);
        }
    }

    /**
     * An Italian codice fiscale ({@code DLLMGR52C54F839S}, in either case) by its control letter, or an Indian PAN of
     * a person ({@code ABCPP1234K}) by its shape, whose digits {@code [i, i + len)} follow their letters.
     */
    private static void lettersThenDigits(String text, int i, int len, Matcher[] matchers, List<Found> out) {
        Matcher m;
        if (len == 2 && i >= 6 && letterRun(text, i) >= 6 && (m = NationalNumbers.at(matchers, 14, CODICE_FISCALE, text, i - 6)) != null
                && boundary(text, i - 6) && CheckDigits.codiceFiscale(m.group())) {
            out.add(new Found(i - 6, m.end(), "[ID]"));
        } else if (len == 4 && i >= 5 && letterRun(text, i) == 5 && (m = NationalNumbers.at(matchers, 15, PAN, text, i - 5)) != null
                && boundary(text, i - 5)) {
            out.add(new Found(i - 5, m.end(), "[ID]"));
        }
    }

    /** A number of 7 to 15 digits after a phone cue, in any grouping but a date's. */
    private static void cued(String text, int i, Matcher[] matchers, List<Found> out) {
        Matcher m = NationalNumbers.at(matchers, 10, CUED, text, i);
        if (m == null || DATE_LIKE.matcher(m.group()).matches()) {
            return;
        }
        int d = CheckDigits.digits(m.group()).length();
        if (d >= 7 && d <= 15) {
            out.add(new Found(i, m.end(), "[PHONE]"));
        }
    }

    /** A national number of 8 to 15 digits (a letter before or after it allowed) after its label. */
    private static boolean labelledNational(String text, int i, Matcher[] matchers, List<Found> out) {
        Matcher m = NationalNumbers.at(matchers, 11, NATIONAL_VALUE, text, i);
        if (m == null || DATE_LIKE.matcher(m.group()).matches()) {
            return false;
        }
        int d = CheckDigits.digits(m.group()).length();
        if (d < 8 || d > 15) {
            return false;
        }
        out.add(new Found(i, m.end(), "[ID]"));
        return true;
    }

    /**
     * A record number after its local label, starting at the digit run {@code i} or at the capitals right before it
     * ({@code HC-12345}); whether one was found.
     */
    private static boolean recordLabelled(String text, int i, Matcher[] matchers, List<Found> out) {
        int start = i;
        while (start > 0 && i - start < 5 && isValuePrefix(text.charAt(start - 1))) {
            start--;
        }
        if (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && ":#".indexOf(text.charAt(start - 1)) < 0) {
            return false;
        }
        if (!cuedBefore(RECORD_STEMS, RECORD_LABEL_BEFORE, text, start, 40)) {
            return false;
        }
        Matcher m = NationalNumbers.at(matchers, 12, RECORD_VALUE, text, start);
        if (m == null || DATE_LIKE.matcher(m.group()).matches() || CheckDigits.digits(m.group()).length() < 4) {
            return false;
        }
        out.add(new Found(start, m.end(), "[ID]"));
        return true;
    }

    /**
     * Whether the cue or label pattern (ending in {@code $}) matches within the {@code span} characters before
     * {@code at}; looked for only where one of its stems lies within them (every alternative of the pattern holds
     * one, {@link StemSet#inAnyCase}), the pattern tried at each place of a span otherwise (decision 0145).
     */
    private static boolean cuedBefore(StemSet stems, Pattern cue, String text, int at, int span) {
        return stems.inAnyCase(text, at - span, at) && NationalNumbers.endsBefore(cue, text, at, span);
    }

    /** How many ASCII letters stand right before {@code i} (at most seven are counted). */
    private static int letterRun(String text, int i) {
        int k = i;
        while (k > 0 && i - k < 7 && ((text.charAt(k - 1) | 0x20) >= 'a' && (text.charAt(k - 1) | 0x20) <= 'z')) {
            k--;
        }
        return i - k;
    }

    private static boolean isValuePrefix(char c) {
        return c >= 'A' && c <= 'Z' || c == '-' || c == '/';
    }

    /** Whether a number may start at {@code i}: not inside a word, a number, a code or a decimal. */
    private static boolean boundary(String text, int i) {
        if (i == 0) {
            return true;
        }
        char b = text.charAt(i - 1);
        return !Character.isLetterOrDigit(b) && "-+./,\\|_".indexOf(b) < 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
