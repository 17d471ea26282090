package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Subject-aware counting (decision 0023): a date, an all-digit original (or a digit group of a longer one) and a
 * one-word name of a subject count in a record that names their own subject, or in free text; a record of another
 * subject, or a structured value of no known subject, holds them by coincidence. Everything else counts anywhere.
 */
class LeakScannerSubjectTest {

    /** Alice (pseudonym ALC4X9Q2ZP7K) and Bob (BOB7Y3W8KD2M), and originals of no known subject. */
    private static final LeakDictionary D;

    static {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        int alice = b.subject("ALC4X9Q2ZP7K");
        int bob = b.subject("BOB7Y3W8KD2M");
        b.add("1961-05-03", "birth date", alice);
        b.add("4471209", "mrn", alice);
        b.add("White", "surname", alice);
        b.add("Alice Whitcombe", "name", alice);
        b.add("(555) 604-6018", "phone", alice);
        b.add("996-47-3574", "ssn", alice);
        b.add("1970-12-24", "birth date", bob);
        b.add("3012888", "measurement id", -1);
        b.add("49726aad-d499-48b3-99d0-4eaff7829965", "encounter id", -1);
        b.add("Black", "provider", -1);
        D = b.build();
    }

    /** Scans records (each an array of values, the first of them structured cells unless marked as text) by subject. */
    private static List<LeakScanner.Hit> scan(String[]... records) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(D, Set.of(), false, hits::add).bySubject();
        for (String[] record : records) {
            for (String value : record) {
                s.value(value, () -> "here");
            }
            s.endRecord();
        }
        return hits;
    }

    private static List<String> sources(String[]... records) {
        return scan(records).stream().filter(h -> h.kind() == LeakScanner.Kind.ORIGINAL).map(LeakScanner.Hit::source)
                .toList();
    }

    @Test
    void aBirthDateCountsInItsOwnSubjectsRecordInAnyColumnAndNotInAnotherSubjects() {
        assertEquals(List.of("birth date"), sources(new String[] {"ALC4X9Q2ZP7K", "1961-05-03"}));
        assertEquals(List.of("birth date"), sources(new String[] {"03.05.1961", "Patient/ALC4X9Q2ZP7K"}));
        assertEquals(List.of(), sources(new String[] {"BOB7Y3W8KD2M", "1961-05-03"}));
        // Bob's shifted visit date that happens to be Alice's birth date, even in his notes
        assertEquals(List.of(), sources(new String[] {"BOB7Y3W8KD2M", "seen on 1961-05-03 for a check-up"}));
    }

    @Test
    void withoutASubjectADateCountsOnlyInFreeText() {
        assertEquals(List.of(), sources(new String[] {"V64VY1XB2Q6Q", "1961-05-03", "2017-06-26 07:32:00"}));
        assertEquals(List.of(), sources(new String[] {"May 3, 1961"}));
        assertEquals(List.of("birth date"), sources(new String[] {"note: born 1961-05-03"}));
    }

    @Test
    void anAllDigitOriginalCountsForItsSubjectOrInFreeTextButNotAsAnotherSubjectsCodeOrInsideAPseudonym() {
        assertEquals(List.of("mrn"), sources(new String[] {"ALC4X9Q2ZP7K", "4471209"}));
        assertEquals(List.of(), sources(new String[] {"BOB7Y3W8KD2M", "4471209"}));
        assertEquals(List.of("mrn"), sources(new String[] {"BOB7Y3W8KD2M", "mother's chart 4471209"}));
        assertEquals(List.of(), sources(new String[] {"X4471209KQ"}));
    }

    @Test
    void aSurrogateKeyOfNoSubjectIsACoincidenceInACodeColumnAndALeakInText() {
        assertEquals(List.of(), sources(new String[] {"ALC4X9Q2ZP7K", "3012888", "157.0"}));
        assertEquals(List.of(), sources(new String[] {"183807.57"}, new String[] {"7829965"}));
        assertEquals(List.of("measurement id", "encounter id"), sources(new String[] {"see measurement 3012888"},
                new String[] {"ref 7829965 in the old system"}));
        // the whole encounter id is no coincidence
        assertEquals(List.of("encounter id"), sources(new String[] {"49726AAD-D499-48B3-99D0-4EAFF7829965"}));
    }

    @Test
    void aOneWordNameOfASubjectIsACoincidenceInAnotherSubjectsCategoryColumn() {
        assertEquals(List.of(), sources(new String[] {"BOB7Y3W8KD2M", "white", "hispanic"}));
        assertEquals(List.of("surname"), sources(new String[] {"ALC4X9Q2ZP7K", "white"}));
        assertEquals(List.of("surname"), sources(new String[] {"BOB7Y3W8KD2M", "visited by Mrs White"}));
        // a one-word original of no known subject counts anywhere, as before
        assertEquals(List.of("provider"), sources(new String[] {"BOB7Y3W8KD2M", "black"}));
    }

    @Test
    void namesPhonesAndSsnsCountAnywhere() {
        assertEquals(List.of("name", "phone", "ssn"), sources(new String[] {"BOB7Y3W8KD2M", "WHITCOMBE^ALICE",
            "5556046018", "996 47 3574"}));
    }

    @Test
    void aRecordEndsWhereTheReaderSaysSoTheNextRecordsSubjectDoesNotCount() {
        assertEquals(List.of(), sources(new String[] {"1961-05-03"}, new String[] {"ALC4X9Q2ZP7K"}));
        assertEquals(List.of("birth date"), sources(new String[] {"BOB7Y3W8KD2M"}, new String[] {"ALC4X9Q2ZP7K",
            "1961-05-03"}));
    }

    @Test
    void rawTextIsFreeText() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(D, Set.of(), false, hits::add).bySubject();
        byte[] bytes = "1961-05-03\n3012888\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s.startRaw();
        s.rawBytes(bytes, 0, bytes.length);
        s.endRaw();
        s.endRecord();
        assertEquals(List.of("birth date", "measurement id"), hits.stream().map(LeakScanner.Hit::source).sorted().toList());
    }

    @Test
    void inARawFileEachLineIsARecord() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(D, Set.of(), false, hits::add).bySubject();
        byte[] bytes = "BOB7Y3W8KD2M 1961-05-03\nALC4X9Q2ZP7K 1961-05-03\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s.startRaw();
        s.rawBytes(bytes, 0, bytes.length);
        s.endRaw();
        s.endRecord();
        assertEquals(List.of("line 2"), hits.stream().map(LeakScanner.Hit::location).toList());
    }

    /**
     * Decision 0165: a domain's one-word original of no subject (a conditional reference's {@code identifier=abc})
     * inside a word of letters and digits — a keyed resource id, a keyed UUID's group — is a coincidence; alone, or as
     * a word of a longer value, it counts. Keyed ids are no pseudonyms the key file declares, and a three-letter run
     * occurs in about one keyed id of two thousand: a Synthea-like export's {@code --verify} failed on 3–16 of them.
     */
    @Test
    void aOneWordOriginalOfNoSubjectInsideAWordOfLettersAndDigitsIsACoincidence() {
        assertEquals(List.of(), sources(new String[] {"BLACK2WTD15RXCK40RSC2N"}));
        assertEquals(List.of(), sources(new String[] {"urn:uuid:59a48301-8b1f-8004-9black-0ac0b82cd411"}));
        assertEquals(List.of("provider"), sources(new String[] {"Black"}));
        assertEquals(List.of("provider"), sources(new String[] {"Dr. Black-2 on call"}));
        assertEquals(List.of("provider"), sources(new String[] {"BOB7Y3W8KD2M", "seen by Black today"}));
    }

    /**
     * Decision 0165: a short original of letters and digits (a study's subject code {@code N001}, a record
     * {@code R7001}) as a part of a longer word of letters and digits is a coincidence — a keyed resource id of twenty
     * characters holds {@code 7N001Q} about once in a few hundred thousand; as a whole word it counts, and a longer one
     * counts anywhere.
     */
    @Test
    void aShortOriginalOfLettersAndDigitsInsideALongerWordIsACoincidence() {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        int alice = b.subject("ALC4X9Q2ZP7K");
        b.add("N001", "subject code", alice);
        b.add("R7001", "record", -1);
        b.add("AB12345X", "long", -1);
        LeakDictionary d = b.build();
        java.util.function.Function<String, List<String>> scan = v -> {
            List<LeakScanner.Hit> hits = new ArrayList<>();
            LeakScanner s = new LeakScanner(d, Set.of(), false, hits::add).bySubject();
            s.value(v, () -> "here");
            s.endRecord();
            return hits.stream().filter(h -> h.kind() == LeakScanner.Kind.ORIGINAL).map(LeakScanner.Hit::source).toList();
        };
        assertEquals(List.of(), scan.apply("X7N001QKZ2W8"));
        assertEquals(List.of(), scan.apply("urn:uuid:5f3c-7r7001-aa"));
        assertEquals(List.of("subject code"), scan.apply("N001"));
        assertEquals(List.of("subject code"), scan.apply("seen N001-2 today"));
        assertEquals(List.of("record"), scan.apply("R7001"));
        assertEquals(List.of("long"), scan.apply("K9AB12345X7"));
    }

    @Test
    void withoutSubjectAwarenessEveryMatchCounts() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(D, Set.of(), false, hits::add);
        s.value("BOB7Y3W8KD2M", () -> "here");
        s.value("1961-05-03", () -> "here");
        s.value("3012888", () -> "here");
        assertEquals(List.of("birth date", "measurement id"), hits.stream().map(LeakScanner.Hit::source).toList());
    }

    /** Alice (surname White, and Green as a domain's original of hers), Bob, and a provider Black of no subject. */
    private static final LeakDictionary SHARED;

    static {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        int alice = b.subject("ALC4X9Q2ZP7K");
        b.subject("BOB7Y3W8KD2M");
        b.add("White", "surname", alice);
        int from = b.mark();
        b.addPseudonymized("Green", "domain");
        b.own(from, b.mark(), alice);
        b.add("Black", "provider", -1);
        SHARED = b.build();
    }

    /**
     * What the sink is told of records of values (each value's field is its column), by the path {@code how}: 0 as a
     * {@code String}, 1 as characters in a larger array, 2 as ISO 8859-1 bytes in a larger array.
     */
    private static List<String> fieldEvents(int how, String[]... records) {
        List<String> events = new ArrayList<>();
        LeakScanner.Sink sink = new LeakScanner.Sink() {
            @Override
            public void hit(LeakScanner.Hit hit) {
                events.add("hit " + hit.source() + " " + hit.location());
            }

            @Override
            public void shared(LeakScanner.Hit hit, int original, Object field) {
                events.add("shared " + hit.source() + " " + field);
            }

            @Override
            public void otherSubject(int original, Object field) {
                events.add("other " + field);
            }
        };
        LeakScanner s = new LeakScanner(SHARED, Set.of(), false, sink).bySubject().fields(java.util.function.Supplier::get);
        for (String[] record : records) {
            for (int c = 0; c < record.length; c++) {
                String column = "column " + c;
                String v = record[c];
                if (how == 0) {
                    s.value(v, () -> column);
                } else if (how == 1) {
                    char[] a = ("x, " + v + " ,y").toCharArray();
                    s.value(a, 3, v.length(), () -> column);
                } else {
                    byte[] a = ("7" + v + "7").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
                    s.value(a, 1, v.length(), () -> column);
                }
            }
            s.endRecord();
        }
        return events;
    }

    @Test
    void aKnownSurnameAsAFieldsWholeValueIsHeldForItsFieldInEveryPathAndNothingElseIs() {
        String[][] records = {
            {"ALC4X9Q2ZP7K", "WHITE"},                   // Alice's own surname, the whole value: held for its field
            {"BOB7Y3W8KD2M", "white"},                   // in Bob's record: counted for the field
            {"V64VY1XB2Q6Q", "White"},                   // a record of no subject: neither
            {"ALC4X9Q2ZP7K", "Dr White"},                // inside a longer value: a hit, as before
            {"ALC4X9Q2ZP7K", "seen with the White family"}, // free text: a hit
            {"ALC4X9Q2ZP7K", "Green"},                   // a domain's original: a hit
            {"BOB7Y3W8KD2M", "Green"},                   // ... and in another subject's record not counted
            {"BOB7Y3W8KD2M", "Black"},                   // of no subject: a hit anywhere
        };
        List<String> expected = List.of("shared surname column 1", "other column 1", "hit surname column 1",
                "hit surname column 1", "hit domain column 1", "hit provider column 1");
        assertEquals(expected, fieldEvents(0, records));
        assertEquals(expected, fieldEvents(1, records));
        assertEquals(expected, fieldEvents(2, records));
    }
}
