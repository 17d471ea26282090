package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The cheap tests that skip a pattern on a text it cannot match in (digits counted, keywords looked for) must
 * never change what scrubbing does: texts built from the pieces every pattern looks for, in every case and
 * joined every way, scrub the same with and without them.
 */
class TextScrubberPrefilterTest {

    private static final String[] PIECES = {"Dr.", "Dr", "Prof.", "Mr", "Mrs.", "Ms", "Miss", "Müller", "J.", "Smith",
        "jürgen", "@", "example.org", "a.b@c.de", "http://x.org/a", "HTTPS://X.ORG", "www.", "WWW.example.com", "192",
        "168", "10", "0", "1", "12", "31", "2024", "1999", "21", "123", "45", "6789", "12345", "1234567", "98765432",
        "555", "(555)", "+1", "-", "/", ".", ",", ":", "#", " ", " ", " ", "  ", "\t", "Street", "St", "Ave",
        "Main", "Jan", "january", "JAN", "Feb", "March", "mar", "May", "may", "Sept", "Sep", "Oct", "dec", "Dec.",
        "1st", "2nd", "3rd", "4th", "of", "years", "year", "old", "yrs", "yr", "yo", "y/o", "YO", "age", "Aged",
        "AGE:", "92", "105", "89", "MRN", "mrn", "medical", "record", "number", "no.", "SSN", "acct", "account",
        "policy", "patient", "ID", "id", "Id", "member", "SNOMED", "LOINC", "mRNA-1273", "x", "T", "Z", "08:30",
        "ٳ", "١٢٣", "１２３", "ſ", "K", "İ", "20220117", "19991231", "20230229", "ct_", "_", "é", "(", "+", "CT",
        "http", "Age", "ID:", "no", "Nov", "9", "1.", "2.", "3", "4", "55", "1234", "2022", "0117", "4567", "123-4567",
        "(555) 123-4567", "+1 555.123.4567", "555-12-3456", "02139-4301", "10.0.0.1"};

    /** The shapes whose first characters decision 0145's start tests look at, and cues around them. */
    private static final String[] START_PIECES = {"1", "12", "123", "2024", "-0", "-12", "/", ".", ",", " ", " ", "  ", "\t", "(", "+",
        "x", "M", "F", "of", "March", "May", "Dec", "st", "th", "years", "old", "yo", "Jahre", "ans", "a", "is", "Pt", "St",
        "0612345678", "06 12 34 56 78", "+33 6 12 34 56 78", "01.42.68.53.00", "090-4417-2286", "02-123-4567", "943 21 87 65",
        "+34 688 45 12 90", "07700 900456", "(01865) 741166", "+44 (0)29 2087 4000", "030 12345678", "089 / 12 34 56 78",
        "+49 (0)221 9876543", "(030) 1234567", "0171 1234567-89", "+31 20 123 4567", "850101-1234", "19850101+1234",
        "1EG4-TE5-MK73", "1EG4TE5MK73", "OH 45402", "OH  45402", "Dayton, OH", "CA", "Smith", "Street", "4/12", "12a/5",
        "12 Smith St", "rue", "bis", "ter", "12 rue de la Paix", "12 bis, avenue Foch", "3rd of March", "12th", "92 years old",
        "91 J.", "104 ans", "is a 93M with", "91F", "(95 M", "98450 12345", "094440 56789", "1555 123 4567", "1(555)",
        "1.2.3.4", "123456", "12345678", "0049", "\n", "\u000B", "555 123 4567", "555-123-4567", "+1 (555) 123-4567",
        "1 555 123 4567",
        // streets after a space: one glued to a word or a hyphen before it is missed by the street starts (as before 0145)
        " Hauptstraße 5", " Berliner Str. 12a", " Kaiser-Wilhelm-Ring 5", " Kalverstraat 12", " weg 3", " Storgatan 5", ", 80331 München", "John Q. Smith, PA", "Q.", ", MD", "Ann"};

    @Test
    void prefilteredScrubbingEqualsScrubbingWithEveryPattern() {
        assertSameScrubs(PIECES, 100_000, 7);
    }

    @Test
    void startTestsOfDigitRunsKeepEveryMatch() {
        assertSameScrubs(START_PIECES, 10_000, 145);
    }

    /**
     * The words a day's digits are read behind (DAY_CUES, in every case, with and without their colon, far and near),
     * hosts before a path and the labels of licences, plates and serial numbers: what the start tests and keyword
     * checks of 2026-12-07 read in plain code instead of the patterns.
     */
    private static final String[] CUE_PIECES = {"on", "ON", "On", "by", "seen", "SEEN", "f/u", "F/U", "fu", "appt", "Appt:",
        "dob", "DOB#", "week of", "Wk Of", "wk  of", "mon", "Tues", "today", "am", "vom", "bis", "le", "del", "xon", "ond",
        "éon", "5on", "_on", "of", "u", "1", "3", "12", "31", "3/14", "12/31", "15.3.", "1.12.", "4/1", "13/2", "2024",
        "/", ".", ":", "#", " ", " ", "  ", "         ", "\t", "\n", "\u00A0", ",", ";", "and", "at", "she", "pt",
        "portal.klinikum-nord.de/patient/123", "x.de/", ".de", "de/", ".health/", ".HEALTH/a", ".healthy/a", "a.b.c/d",
        "www", "example", ".com", ".org/", "a-b", "DL", "dl#", "SN", "S/N", "serial", "Serial no.", "plate", "license",
        "Lic#", "cert.", "certificate", "VIN", "passport", "Passport No.", "Kennzeichen", "führerschein", "plaque",
        "matrícula", "targa", "numéro de série", "no.", "Nr.", "number", "registration", "A1234", "AB-12 345", "X1234567",
        "44-1187", "PJN123456R", "é", "Ä", "ſ", "\u212A"};

    @Test
    void cuesBeforeDaysHostsAndLabelsKeepEveryMatch() {
        assertSameScrubs(CUE_PIECES, 30_000, 20261207);
    }

    /** The cue test is what the look-behind needs: wherever the look-behind holds, the test passes. */
    @Test
    void theDayCueTestPassesWhereverItsLookBehindHolds() {
        // the look-behind as the detector writes it, around the same cue words
        java.util.regex.Pattern behind = java.util.regex.Pattern.compile("(?i)(?<=\\b(?:" + TextScrubber.DAY_CUES
                + ")[:#]?\\s{1,8})");
        Random random = new Random(8);
        int held = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = 0, n = 1 + random.nextInt(8); p < n; p++) {
                text.append(CUE_PIECES[random.nextInt(CUE_PIECES.length)]);
            }
            String t = text.toString();
            java.util.regex.Matcher m = behind.matcher(t).useTransparentBounds(true).useAnchoringBounds(false);
            for (int at = 0; at <= t.length(); at++) {
                m.region(at, t.length());
                if (m.lookingAt()) {
                    held++;
                    assertEquals(true, TextScrubber.DAY_CUE_BEFORE.mayEndBefore(t, at), "\"" + t + "\" at " + at);
                }
            }
        }
        assertEquals(true, held > 500, "only " + held + " places behind a cue");
    }

    private static void assertSameScrubs(String[] alphabet, int texts, long seed) {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Müller", "[NAME]");
        ids.add("1234567", "[ID]");
        TextScrubber scrubber = new TextScrubber(ids.snapshot());
        Subject subject = new Subject("P", 17);
        Random random = new Random(seed);
        for (int i = 0; i < texts; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(14);
            for (int p = 0; p < pieces; p++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
                if (random.nextInt(3) == 0) {
                    text.append(' ');
                }
            }
            String t = text.toString();
            Subject s = random.nextBoolean() ? subject : null;
            assertEquals(scrubber.scrub(t, s, false), scrubber.scrub(t, s, true), "text #" + i + " scrubbed differently");
            assertEquals(scrubber.mayShiftDates(t, false), scrubber.mayShiftDates(t, true),
                    "text #" + i + ": dates found differently");
            assertEquals(scrubber.mayShiftDates(t, true), scrubber.scrubAndTell(t, s).datesFound(),
                    "text #" + i + ": the scrub and mayShiftDates disagree about dates");
        }
    }
    /** The hand-written test of what separates two words of a name is the regular expression it replaced. */
    @Test
    void wordAdjacencyIsWhatItsRegularExpressionSaid() {
        char[] alphabet = {'.', ',', ' ', '\t', '\n', '\u000B', '\f', '\r', 'a', '\u00A0', '\u2028', ';'};
        java.util.regex.Pattern old = java.util.regex.Pattern.compile("[.,]?\\s+");
        int checked = 0;
        for (int length = 0; length <= 4; length++) {
            for (int n = 0; n < Math.pow(alphabet.length, length); n++) {
                StringBuilder between = new StringBuilder();
                for (int k = 0, v = n; k < length; k++, v /= alphabet.length) {
                    between.append(alphabet[v % alphabet.length]);
                }
                String text = "Anna" + between + "Koch";
                boolean expected = between.length() <= 3 && old.matcher(between).matches();
                assertEquals(expected, TextScrubber.adjacent(text, new int[] {0, 4}, new int[] {4 + length, text.length()}),
                        "between \"" + between + "\"");
                checked++;
            }
        }
        assertEquals(1 + 12 + 144 + 1728 + 20736, checked);
    }
}
