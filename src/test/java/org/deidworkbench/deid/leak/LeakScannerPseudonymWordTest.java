package org.deidworkbench.deid.leak;

import static org.deidworkbench.deid.leak.LeakScannerDifferentialTest.digits;
import static org.deidworkbench.deid.leak.LeakScannerDifferentialTest.two;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A value that is one pseudonym word takes the scanner's short path (decision 0109) and reports exactly what its full
 * scan reports: the same hits, sources, locations and values, the same attestable hits with their attestations and
 * date occurrences, the same shared values and other subjects' values with their fields, in the same order. Random
 * worlds of originals (names, numbers, dates, phones, MRN-like ids); pseudonyms of one word of letters and digits made
 * to hold what a full scan reacts to — an original's digits, a date original as {@code yyyymmdd} or as day, month name
 * and year, a label word before five digits or a date (a PHI pattern then matches inside the pseudonym), a combining
 * mark — besides random ones; subjects named by such words; values that are such words, the same in another case,
 * words of letters and digits that are no pseudonym, pseudonyms with a separator or a word beside them, originals,
 * dates and inert words; handed as characters, ISO 8859-1 bytes, strings, free text and raw values, with and without
 * counting by subject, with and without the memo of inert values. Seeds are fixed; messages name no value.
 */
class LeakScannerPseudonymWordTest {

    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ";
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
        "DEC"};
    private static final String[] LABELS = {"MRN", "PID", "DOB", "BORN", "PATIENT"};

    private static String letters(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        return b.toString();
    }

    /** A pseudonym of the generator's shape: letters and digits, 8–20 of them, both. */
    private static String random(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 8 + r.nextInt(13); i < n; i++) {
            b.append(r.nextInt(3) == 0 ? (char) ('0' + r.nextInt(10)) : LETTERS.charAt(r.nextInt(LETTERS.length())));
        }
        b.setCharAt(r.nextInt(b.length()), (char) ('0' + r.nextInt(10)));
        b.setCharAt(r.nextInt(b.length()), LETTERS.charAt(r.nextInt(LETTERS.length())));
        return b.toString();
    }

    private record Date(int y, int m, int d) {
    }

    /** A pseudonym word with what a full scan reacts to inside it. */
    private static String pseudonym(Random r, List<String> numbers, List<Date> dates) {
        Date t = dates.get(r.nextInt(dates.size()));
        return switch (r.nextInt(9)) {
            case 0 -> letters(r, 1 + r.nextInt(3)) + numbers.get(r.nextInt(numbers.size())) + letters(r, r.nextInt(3));
            case 1 -> letters(r, 1 + r.nextInt(2)) + t.y() + two(t.m()) + two(t.d()) + letters(r, 1);
            case 2 -> letters(r, 1) + t.d() + MONTHS[t.m() - 1] + t.y() + letters(r, r.nextInt(2));
            case 3 -> LABELS[r.nextInt(LABELS.length)] + (r.nextBoolean() ? digits(r, 5 + r.nextInt(4))
                    : "" + t.y() + two(t.m()) + two(t.d()));
            case 4 -> random(r).toLowerCase(Locale.ROOT);
            case 5 -> letters(r, 2) + "\u0301" + digits(r, 3) + letters(r, 2); // a combining mark inside a token
            default -> random(r);
        };
    }

    private static String describe(LeakScanner.Hit h) {
        return h.kind() + " | " + h.source() + " | " + h.location() + " | " + h.value();
    }

    /** Every call a scanner makes to its sink, described in order. */
    private static final class Calls implements LeakScanner.Sink {
        final List<String> calls = new ArrayList<>();

        @Override
        public void hit(LeakScanner.Hit hit) {
            calls.add("hit " + describe(hit));
        }

        @Override
        public void attestable(LeakScanner.Hit hit, long attestation, long occurrence) {
            calls.add("attestable " + describe(hit) + " | " + attestation + " | " + occurrence);
        }

        @Override
        public void shared(LeakScanner.Hit hit, int original, Object field) {
            calls.add("shared " + describe(hit) + " | " + original + " | " + field);
        }

        @Override
        public void otherSubject(int original, Object field) {
            calls.add("other " + original + " | " + field);
        }
    }

    private static LeakScanner scanner(LeakDictionary d, Calls calls, boolean bySubject, boolean shortcut, boolean memo) {
        LeakScanner s = new LeakScanner(d, true, calls);
        if (bySubject) {
            s.bySubject().attested(key -> key % 3 != 0)
                    .fields(where -> where.get().substring(where.get().lastIndexOf(' ') + 1));
        }
        if (!shortcut) {
            s.withoutShortcut();
        }
        return memo ? s : s.withoutMemo();
    }

    /** Hands one value to every scanner the same way. */
    private static void value(Random r, String v, Supplier<String> where, LeakScanner[] scanners) throws IOException {
        int how = r.nextInt(20);
        boolean latin = StandardCharsets.ISO_8859_1.newEncoder().canEncode(v);
        int offset = r.nextInt(5);
        if (how < 9) {
            char[] buffer = new char[v.length() + offset + r.nextInt(5)];
            java.util.Arrays.fill(buffer, '7'); // around the value: what a reader's buffer holds besides
            v.getChars(0, v.length(), buffer, offset);
            for (LeakScanner s : scanners) {
                s.value(buffer, offset, v.length(), where);
            }
        } else if (how < 17 && latin) {
            byte[] bytes = v.getBytes(StandardCharsets.ISO_8859_1);
            byte[] buffer = new byte[bytes.length + offset + r.nextInt(5)];
            java.util.Arrays.fill(buffer, (byte) 'A');
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            for (LeakScanner s : scanners) {
                s.value(buffer, offset, bytes.length, where);
            }
        } else if (how < 18) {
            for (LeakScanner s : scanners) {
                s.value(v, where);
            }
        } else if (how < 19) {
            for (LeakScanner s : scanners) {
                s.freeText(v, where);
            }
        } else {
            byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
            for (LeakScanner s : scanners) {
                s.rawValue(new ByteArrayInputStream(utf8), new byte[1 + r.nextInt(8)], where);
            }
        }
    }

    @Test
    void pseudonymValuesReportWhatTheirFullScanReports() throws IOException {
        long calls = 0;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        long values = 0;
        long shortPath = 0;
        long afterMemo = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Random r = new Random(seed);
            List<Date> dates = new ArrayList<>();
            List<String> numbers = new ArrayList<>();
            List<String> originals = new ArrayList<>();
            for (int i = 0, n = seed % 5 == 0 ? 300 : 10 + r.nextInt(40); i < n; i++) {
                String o = switch (r.nextInt(6)) {
                    case 0, 1 -> {
                        Date t = new Date(1925 + r.nextInt(80), 1 + r.nextInt(12), 1 + r.nextInt(28));
                        dates.add(t);
                        yield t.y() + "-" + two(t.m()) + "-" + two(t.d());
                    }
                    case 2 -> {
                        String number = digits(r, 5 + r.nextInt(4));
                        numbers.add(number);
                        yield number;
                    }
                    case 3 -> "(" + digits(r, 3) + ") " + digits(r, 3) + "-" + digits(r, 4);
                    case 4 -> r.nextBoolean() ? letters(r, 4 + r.nextInt(5)) // one word: shared or another's value
                            : letters(r, 2 + r.nextInt(5)) + " " + letters(r, 3 + r.nextInt(5));
                    default -> letters(r, 1) + digits(r, 2 + r.nextInt(3));
                };
                originals.add(o);
            }
            if (numbers.isEmpty()) {
                numbers.add(digits(r, 6));
                originals.add(numbers.get(0));
            }
            if (dates.isEmpty()) {
                dates.add(new Date(1970, 5, 3));
                originals.add("1970-05-03");
            }
            LeakDictionary.Builder b = new LeakDictionary.Builder(true);
            List<String> subjectWords = new ArrayList<>();
            int[] subjects = new int[4];
            for (int i = 0; i < subjects.length; i++) {
                subjectWords.add(pseudonym(r, numbers, dates));
                subjects[i] = b.subject(subjectWords.get(i));
            }
            for (int i = 0; i < originals.size(); i++) {
                b.add(originals.get(i), "source " + (i % 3), i % 5 == 4 ? -1 : subjects[i % subjects.length]);
            }
            String alias = pseudonym(r, numbers, dates);
            b.alias(subjects[1], alias);
            subjectWords.add(alias);
            List<String> pseudonyms = new ArrayList<>();
            for (int i = 0, n = 20 + r.nextInt(40); i < n; i++) {
                pseudonyms.add(pseudonym(r, numbers, dates));
            }
            // the subjects' pseudonyms are pseudonyms too (as a key file declares them), in most worlds
            if (seed % 4 != 0) {
                pseudonyms.addAll(subjectWords);
            }
            for (String p : pseudonyms) {
                b.pseudonym(p);
            }
            LeakDictionary d = b.build();
            for (boolean bySubject : new boolean[] {true, false}) {
                Calls full = new Calls();
                Calls memoOnly = new Calls();
                Calls both = new Calls();
                Calls shortOnly = new Calls();
                LeakScanner[] scanners = {scanner(d, full, bySubject, false, false), scanner(d, memoOnly, bySubject, false, true),
                    scanner(d, both, bySubject, true, true), scanner(d, shortOnly, bySubject, true, false)};
                for (int record = 0, records = 100 + r.nextInt(150); record < records; record++) {
                    for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
                        String location = "record " + record + " f" + r.nextInt(4);
                        String p = r.nextInt(4) == 0 ? subjectWords.get(r.nextInt(subjectWords.size()))
                                : pseudonyms.get(r.nextInt(pseudonyms.size()));
                        String v = switch (r.nextInt(14)) {
                            case 0 -> p.toLowerCase(Locale.ROOT);
                            case 1 -> pseudonym(r, numbers, dates); // one word of letters and digits, no pseudonym
                            case 2 -> p + (r.nextBoolean() ? " " : "-") + pseudonyms.get(r.nextInt(pseudonyms.size()));
                            case 3 -> "Patient/" + p;
                            case 4 -> originals.get(r.nextInt(originals.size()));
                            case 5 -> {
                                Date t = dates.get(r.nextInt(dates.size()));
                                yield r.nextBoolean() ? t.y() + "-" + two(t.m()) + "-" + two(t.d()) + "T10:30:00Z"
                                        : "" + t.y() + two(t.m()) + two(t.d());
                            }
                            case 6 -> letters(r, 3 + r.nextInt(6)).toLowerCase(Locale.ROOT);
                            case 7 -> digits(r, 1 + r.nextInt(8));
                            case 8 -> p + " " + letters(r, 4).toLowerCase(Locale.ROOT);
                            default -> p;
                        };
                        value(r, v, () -> location, scanners);
                        values++;
                    }
                    for (LeakScanner s : scanners) {
                        s.endRecord();
                    }
                }
                // never a value in a message: only how many calls and where they differ
                for (Calls got : List.of(memoOnly, both, shortOnly)) {
                    assertEquals(full.calls.size(), got.calls.size(), "calls of seed " + seed + " by subject " + bySubject);
                    for (int i = 0; i < full.calls.size(); i++) {
                        assertTrue(full.calls.get(i).equals(got.calls.get(i)),
                                "call " + i + " of seed " + seed + " by subject " + bySubject + " differs");
                    }
                }
                calls += full.calls.size();
                for (String call : full.calls) {
                    kinds.merge(call.substring(0, call.indexOf(' ')), 1, Integer::sum);
                }
                assertEquals(0, scanners[0].pseudonymValues() + scanners[1].pseudonymValues(),
                        "the scanners without the short path never take it");
                shortPath += scanners[3].pseudonymValues();
                afterMemo += scanners[2].pseudonymValues();
            }
        }
        // the worlds find things, attest dates and share values, and many values take the short path
        assertTrue(calls > 3_000, "calls " + calls);
        for (String kind : List.of("hit", "attestable", "other")) {
            assertTrue(kinds.getOrDefault(kind, 0) > 20, "calls " + kinds);
        }
        assertTrue(shortPath > values / 5, shortPath + " of " + values + " values took the short path");
        assertTrue(afterMemo > values / 20, afterMemo + " of " + values + " values took it after the memo");
    }

    @Test
    void aPseudonymWithALabelAndDigitsInsideIsScannedInFull() {
        // a pseudonym word "MRN" + seven digits: the MRN pattern matches its digits, which are no pseudonym
        LeakDictionary.Builder b = new LeakDictionary.Builder(true);
        b.add("Qx Vandersloot", "source");
        b.pseudonym("MRN4410027");
        b.pseudonym("K7Q2Z9XW4T");
        LeakDictionary d = b.build();
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(d, false, hits::add);
        s.value("MRN4410027".toCharArray(), 0, 10, () -> "cell");
        assertEquals(1, hits.size());
        assertEquals(LeakScanner.Kind.MRN, hits.get(0).kind());
        assertEquals(0, s.pseudonymValues());
        s.value("K7Q2Z9XW4T".getBytes(StandardCharsets.ISO_8859_1), 0, 10, () -> "cell");
        assertEquals(1, s.pseudonymValues());
        assertEquals(1, hits.size());
    }
}
