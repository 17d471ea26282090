package org.deidworkbench.deid.leak;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifiers recognisable by their shape, looked for in every value besides the key file's originals:
 * US social security numbers, phone numbers (US, French and UK), Nordic personal numbers, e-mail addresses, numbers labelled as a medical record
 * number or patient id, and dates labelled as a date of birth. Labelled forms only for the last two:
 * a bare number or date is far more often a lab value or a (shifted) visit date than an identifier.
 * A match that is one of the key file's pseudonyms is not a leak and is skipped by the caller.
 * Stateless and thread-safe.
 */
final class PhiPatterns {

    /** One shape and the group of the match that is the identifier. */
    record Detector(LeakScanner.Kind kind, Pattern pattern, int group) {
    }

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
            new Detector(LeakScanner.Kind.SSN, Pattern.compile("(?<![\\d-])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\d-])"), 0),
            new Detector(LeakScanner.Kind.PHONE, Pattern.compile(
                    "(?<![\\w+])(?:\\+?\\d{1,3}[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}(?!\\w)"), 0),
            // French numbers in pairs: 06 12 34 56 78, +33 6 12 34 56 78, 01.42.68.53.00
            new Detector(LeakScanner.Kind.PHONE, Pattern.compile(
                    "(?<![\\w+])(?:\\+33\\s?|0)[1-9](?:[\\s.-]\\d{2}){4}(?!\\w)"), 0),
            // UK numbers: ten digits after 0 or +44, grouped 5-6, 4-6 or 3-4-4 with spaces (07700 900456, (01865) 741166,
            // +44 7700 900123, 029 2087 4411, +44 (0)29 2087 4000); 4-3-4 (0121 496 0000) is the US shape's
            new Detector(LeakScanner.Kind.PHONE, Pattern.compile("(?<![\\w+])(?:\\+44\\s?\\(0\\)\\s?|\\+44\\s|\\(?0)"
                    + "(?:\\d{4}\\)?\\s\\d{6}|\\d{2}\\)?\\s\\d{4}\\s\\d{4})(?!\\w|[.,]\\d)"), 0),
            new Detector(LeakScanner.Kind.NATIONAL_ID, Pattern.compile("(?<![\\d-])(?:19|20)?\\d{6}[-+]\\d{4}(?![\\d-])"), 0),
            new Detector(LeakScanner.Kind.EMAIL, Pattern.compile(
                    "(?<![\\p{L}\\p{M}\\p{N}._%+-])[\\p{L}\\p{M}\\p{N}._%+-]+@[\\p{L}\\p{M}\\p{N}.-]+\\.\\p{L}{2,}"), 0),
            new Detector(LeakScanner.Kind.MRN, Pattern.compile("(?i)\\b(?:MRN|medical\\s+record(?:\\s+(?:number|no\\.?))?"
                    + "|patient\\s*id|PID|Patienten-?(?:nummer|ID))\\s*(?:[:#]|no\\.?|number)?\\s*(\\d{5,})(?![\\w-])"), 1),
            new Detector(LeakScanner.Kind.DATE_OF_BIRTH, Pattern.compile("(?i)\\b(?:DOB|D\\.O\\.B\\.|date\\s+of\\s+birth"
                    + "|birth\\s*date|born(?:\\s+on)?|geb\\.|geboren(?:\\s+(?:am|op))?|Geburtsdatum"
                    // Italian, Spanish, French, Dutch, Polish (decision 0119)
                    + "|data\\s+di\\s+nascita|nat[oa]\\s+il|fecha\\s+de\\s+nacimiento|nacid[oa]\\s+el"
                    + "|date\\s+de\\s+naissance|née?\\s+le|geboortedatum|data\\s+urodzenia|urodzon[ya])"
                    + "\\s*[:#]?\\s*(" + DATE + ")"), 1));

    private PhiPatterns() {
    }

    /** Receives one match. */
    interface Found {
        void found(LeakScanner.Kind kind, String text);
    }

    /** Tokens (folded) that label an MRN or a date of birth; a value without one cannot match those detectors. */
    static final java.util.Set<String> LABELS = java.util.Set.of("MRN", "DOB", "BORN", "BIRTH", "BIRTHDATE", "PID",
            "PATIENT", "PATIENTID", "RECORD", "GEB", "GEBOREN", "GEBURTSDATUM", "PATIENTEN", "PATIENTENNUMMER",
            "NASCITA", "NATO", "NATA", "NACIMIENTO", "NACIDO", "NACIDA", "NAISSANCE", "NEE", "GEBOORTEDATUM",
            "URODZENIA", "URODZONY", "URODZONA");

    /**
     * Reports the matches of the detectors a value can match at all: e-mail only with an {@code @},
     * SSN and phone only with digit groups of their shapes ({@link LeakScanner}'s grouped digits), MRN and date of birth only
     * with a label word. Cost: one pass per detector that runs.
     */
    static void find(CharSequence text, boolean at, boolean groupedDigits, boolean label, Found found) {
        find(text, at, groupedDigits, label, label, found);
    }

    /** As {@link #find(CharSequence, boolean, boolean, boolean, Found)}, with a condition for each labelled pattern. */
    static void find(CharSequence text, boolean at, boolean groupedDigits, boolean mrnLabel, boolean birthLabel,
            Found found) {
        for (Detector d : DETECTORS) {
            boolean possible = switch (d.kind()) {
                case EMAIL -> at;
                case SSN, PHONE, NATIONAL_ID -> groupedDigits;
                case MRN -> mrnLabel;
                case DATE_OF_BIRTH -> birthLabel;
                case ORIGINAL -> false;
            };
            if (!possible) {
                continue;
            }
            Matcher m = d.pattern().matcher(text);
            while (m.find()) {
                found.found(d.kind(), m.group(d.group()));
            }
        }
    }

}
