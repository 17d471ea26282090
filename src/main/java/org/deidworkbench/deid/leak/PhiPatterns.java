package org.deidworkbench.deid.leak;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.CheckDigits;

/**
 * Identifiers recognisable by their shape, looked for in every value besides the key file's originals:
 * US social security numbers, phone numbers (US, French and UK), Nordic personal numbers, UK NHS numbers (with their check
 * digit), US Medicare Beneficiary Identifiers, IPv6 and MAC addresses, e-mail addresses, numbers labelled as a medical record
 * number or patient id, and dates labelled as a date of birth; the health and national numbers, postcodes and IPv4
 * addresses of {@link NumberShapes} (decision 0128). Labelled forms only for the MRN and the date of birth:
 * a bare number or date is far more often a lab value or a (shifted) visit date than an identifier.
 * A match that is one of the key file's pseudonyms is not a leak and is skipped by the caller.
 * Stateless and thread-safe.
 */
final class PhiPatterns {

    /** What a value must have for a detector to run at all (see {@link #find}). */
    enum Gate {
        /** An {@code @}. */
        AT,
        /** Digit groups of a phone's or national number's shapes. */
        DIGIT_GROUPS,
        /** A label word and a run of five digits. */
        LABELLED_NUMBER,
        /** A label word and a date's digits. */
        LABELLED_DATE,
        /** Two colons in a row, or five colons or dashes: an IPv6 or MAC address (decision 0124). */
        NETWORK,
        /** A Medicare Beneficiary Identifier's end: two letters and two digits after a digit (decision 0124). */
        MBI
    }

    /**
     * One shape, the group of the match that is the identifier, the condition for running it, and a check of the
     * match (a check digit, a well-formed address) or null.
     */
    record Detector(LeakScanner.Kind kind, Pattern pattern, int group, Gate gate, Predicate<String> valid) {
        Detector(LeakScanner.Kind kind, Pattern pattern, int group, Gate gate) {
            this(kind, pattern, group, gate, null);
        }
    }

    /**
     * A Medicare Beneficiary Identifier's letters: A to Z without S, L, O, I, B and Z (CMS, "Understanding the MBI
     * format").
     */
    private static final String MBI_LETTER = "[AC-HJKMNP-RT-Y]";
    private static final String MBI_ALNUM = "[AC-HJKMNP-RT-Y0-9]";

    /**
     * A month's name or abbreviation in English, German, Italian, Spanish, French, Dutch and Polish (decision 0119): a
     * prefix and the rest of its word.
     */
    private static final String MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Januar|Februar|März|Maerz"
            + "|Mai|Juni|Juli|Okt|Dez|Gen|Mag|Giu|Lug|Ago|Set|Ott|Dic|Ene|Abr|Janv|Fév|Fev|Avr|Juil|Aoû|Aou|Déc|Maa|Mei"
            + "|Sty|Lut|Kwi|Cze|Lip|Sie|Wrz|Paź|Paz|Lis|Gru)[\\p{L}]*\\.?";
    private static final String DATE = "(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{8}"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\.?\\s+(?:de\\s+)?" + MONTH
            + "\\s+(?:de\\s+)?\\d{4}|\\d{1,2}-" + MONTH + "-\\d{2,4})";

    static final List<Detector> DETECTORS = List.of(
            new Detector(LeakScanner.Kind.SSN, Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])"), 0,
                    Gate.DIGIT_GROUPS),
            // UK NHS numbers (decision 0124): ten digits whose last is the modulus 11 check digit of the nine before,
            // written 3-3-4 with spaces or dashes (the NHS's own grouping, also a US phone's shape), or after the word
            // NHS in any grouping; ten bare digits without the label are too often another number to report. Before the
            // phones: a phone match of the same characters is that NHS number and is not reported again
            new Detector(LeakScanner.Kind.NATIONAL_ID, Pattern.compile(
                    "(?<![\\w+-])(?<!\\+\\d{1,3}[\\s.-])(\\d{3}([ -])\\d{3}\\2\\d{4})(?![\\w-]|[.,]\\d)"), 1, Gate.DIGIT_GROUPS, CheckDigits::nhs),
            new Detector(LeakScanner.Kind.PHONE, Pattern.compile(
                    "(?<![\\w+])(?:\\+?\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\w)"), 0,
                    Gate.DIGIT_GROUPS),
            // French numbers in pairs: 06 12 34 56 78, +33 6 12 34 56 78, 01.42.68.53.00
            new Detector(LeakScanner.Kind.PHONE, Pattern.compile(
                    "(?<![\\w+])(?:\\+33\\s?|0)[1-9](?:[\\s.-]\\d{2}){4}(?!\\w)"), 0, Gate.DIGIT_GROUPS),
            // UK numbers: ten digits after 0 or +44, grouped 5-6, 4-6 or 3-4-4 with spaces (07700 900456, (01865) 741166,
            // +44 7700 900123, 029 2087 4411, +44 (0)29 2087 4000); 4-3-4 (0121 496 0000) is the US shape's
            new Detector(LeakScanner.Kind.PHONE, Pattern.compile("(?<![\\w+])(?:\\+44\\s?\\(0\\)\\s?|\\+44\\s|\\(?0)"
                    + "(?:\\d{4}\\)?\\s\\d{6}|\\d{2}\\)?\\s\\d{4}\\s\\d{4})(?!\\w|[.,]\\d)"), 0, Gate.DIGIT_GROUPS),
            new Detector(LeakScanner.Kind.NATIONAL_ID, Pattern.compile("(?<![\\d-])(?:19|20)?\\d{6}[-+]\\d{4}(?![\\d-])"), 0,
                    Gate.DIGIT_GROUPS),
            new Detector(LeakScanner.Kind.EMAIL, Pattern.compile(
                    "(?<![\\p{L}\\p{M}\\p{N}._%+-])[\\p{L}\\p{M}\\p{N}._%+-]+@[\\p{L}\\p{M}\\p{N}.-]+\\.\\p{L}{2,}"), 0, Gate.AT),
            new Detector(LeakScanner.Kind.MRN, Pattern.compile("(?i)\\b(?:MRN|medical\\s+record(?:\\s+(?:number|no\\.?))?"
                    + "|patient\\s*id|PID|Patienten-?(?:nummer|ID))\\s*(?:[:#]|no\\.?|number)?\\s*(\\d{5,})(?![\\w-])"), 1,
                    Gate.LABELLED_NUMBER),
            // the labels the scrubber's own (decision 0249: one list, so that what it keeps is what this does not report)
            new Detector(LeakScanner.Kind.DATE_OF_BIRTH, Pattern.compile("(?i)\\b(?:"
                    + org.deidworkbench.deid.TextScrubber.BIRTH_LABELS + ")\\s*[:#]?\\s*(" + DATE + ")"), 1,
                    Gate.LABELLED_DATE),
            new Detector(LeakScanner.Kind.NATIONAL_ID, Pattern.compile("(?i)\\bNHS\\s*(?:no\\.?|number|num|#)?\\s*[:#]?\\s*"
                    + "(\\d{10}|\\d{3}([ -]?)\\d{3}\\2\\d{4})(?![\\w-])"), 1, Gate.LABELLED_NUMBER, CheckDigits::nhs),
            // US Medicare Beneficiary Identifiers (decision 0124): 11 characters, a digit 1-9, then letters (without
            // S, L, O, I, B, Z) and digits in fixed positions (C A AN N A AN N A A N N), also dashed 4-3-4
            new Detector(LeakScanner.Kind.MBI, Pattern.compile("(?<![A-Za-z0-9])[1-9]" + MBI_LETTER + MBI_ALNUM + "\\d(-?)"
                    + MBI_LETTER + MBI_ALNUM + "\\d\\1" + MBI_LETTER + "{2}\\d{2}(?![A-Za-z0-9])"), 0, Gate.MBI),
            // IPv6 addresses (decision 0124): eight groups of hex digits, or fewer with one "::"; checked whole
            new Detector(LeakScanner.Kind.IP_ADDRESS, Pattern.compile(
                    "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{1,4}|:)(?::[0-9A-Fa-f]{0,4}){2,8}(?![0-9A-Za-z:])"), 0, Gate.NETWORK,
                    PhiPatterns::ipv6),
            // MAC addresses (decision 0124): six pairs of hex digits, with colons or dashes
            new Detector(LeakScanner.Kind.MAC_ADDRESS, Pattern.compile(
                    "(?<![0-9A-Za-z:-])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\\1[0-9A-Fa-f]{2}){4}(?![0-9A-Za-z:-])"), 0,
                    Gate.NETWORK));

    private PhiPatterns() {
    }

    /** Receives one match: its kind, what it is for the numbers of {@link NumberShapes} ({@code "CPF"}) or null. */
    interface Found {
        void found(LeakScanner.Kind kind, String name, String text);
    }

    /** Tokens (folded) that label an MRN or a date of birth; a value without one cannot match those detectors. */
    static final java.util.Set<String> LABELS = java.util.Set.of("MRN", "DOB", "BORN", "BIRTH", "BIRTHDATE", "PID",
            "PATIENT", "PATIENTID", "RECORD", "GEB", "GEBOREN", "GEBURTSDATUM", "PATIENTEN", "PATIENTENNUMMER",
            "NASCITA", "NATO", "NATA", "NACIMIENTO", "NACIDO", "NACIDA", "NAISSANCE", "NEE", "GEBOORTEDATUM",
            "URODZENIA", "URODZONY", "URODZONA", "NHS");

    /**
     * Reports the matches of the detectors a value can match at all: e-mail only with an {@code @},
     * SSN, phone and national numbers only with digit groups of their shapes ({@link LeakScanner}'s grouped digits), MRN,
     * a labelled NHS number and date of birth only with a label word, IPv6 and MAC addresses only with their colons or
     * dashes, an MBI only with its last characters. Cost: one pass per detector that runs.
     * Every detector runs when all conditions are true (the reference scanner's way), and the health and national
     * numbers of {@link NumberShapes} are looked for in every value.
     */
    static void find(CharSequence text, boolean at, boolean groupedDigits, boolean label, Found found) {
        find(text, at, groupedDigits, label, label, true, true, true, found);
    }

    /**
     * As {@link #find(CharSequence, boolean, boolean, boolean, Found)}, with a condition for each labelled pattern, the
     * network addresses, the MBI, and the numbers of {@link NumberShapes} (decision 0128: a token of one of their shapes).
     */
    static void find(CharSequence text, boolean at, boolean groupedDigits, boolean mrnLabel, boolean birthLabel,
            boolean network, boolean mbi, boolean numbers, Found found) {
        long nhs = -1; // the characters of the last NHS number found (start << 32 | end), reported once
        for (Detector d : DETECTORS) {
            boolean possible = switch (d.gate()) {
                case AT -> at;
                case DIGIT_GROUPS -> groupedDigits;
                case LABELLED_NUMBER -> mrnLabel;
                case LABELLED_DATE -> birthLabel;
                case NETWORK -> network;
                case MBI -> mbi;
            };
            if (!possible) {
                continue;
            }
            Matcher m = d.pattern().matcher(text);
            while (m.find()) {
                String hit = m.group(d.group());
                if (d.valid() == null || d.valid().test(hit)) {
                    long span = (long) m.start(d.group()) << 32 | m.end(d.group());
                    if (span == nhs) {
                        continue; // the NHS number found already, as a phone or after its label
                    }
                    if (d.valid() != null && d.kind() == LeakScanner.Kind.NATIONAL_ID) {
                        nhs = span;
                    }
                    found.found(d.kind(), null, hit);
                }
            }
        }
        if (numbers) {
            NumberShapes.find(text, (kind, name, start, end) -> found.found(kind, name, text.subSequence(start, end).toString()));
        }
    }

    /**
     * Whether a run of hex groups and colons is an IPv6 address: eight groups of one to four hex digits, or at most seven
     * with exactly one {@code ::}, and at least two groups (not {@code ::} or {@code ::1}).
     */
    static boolean ipv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] parts = gap >= 0
                ? (text.substring(0, gap) + ":" + text.substring(gap + 2)).split(":", -1)
                : text.split(":", -1);
        int groups = 0;
        for (String p : parts) {
            if (p.isEmpty()) {
                continue;
            }
            if (p.length() > 4) {
                return false;
            }
            groups++;
        }
        int empty = parts.length - groups;
        if (gap < 0) {
            return groups == 8 && empty == 0;
        }
        // "a::b" splits into "a", "b"; "::b" and "a::" leave one empty part at the edge
        return groups >= 2 && groups <= 7 && empty <= 1;
    }
}
