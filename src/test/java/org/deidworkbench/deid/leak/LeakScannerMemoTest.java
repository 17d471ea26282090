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
 * A scanner that remembers inert values (decision 0100) reports exactly what the same scanner without the memo reports:
 * the same hits, sources, locations and values, the same attestable hits with their attestations and date occurrences,
 * the same shared values and other subjects' values with their fields, in the same order. Random worlds of originals
 * of many shapes, of two subjects named by their pseudonyms and aliases, and declared pseudonyms; records of values
 * drawn from a small pool (so values repeat, as in real output: codes, units, categories, subjects' ids), among them
 * mentions of originals, dates in every notation read, labels with numbers, PHI shapes, long values; each value handed
 * as characters in a larger buffer, as ISO 8859-1 bytes in a larger buffer, as a string, as free text or as a raw
 * value, with and without counting by subject. Seeds are fixed; messages name no value.
 */
class LeakScannerMemoTest {

    private static final String[] SYLLABLES = {"an", "ber", "cor", "dal", "el", "fin", "mül", "ré", "jo", "kar", "lin",
        "tho", "vy", "sø"};
    private static final String[] MONTHS = {"January", "Feb", "MARCH", "april", "May", "Juni", "Juli", "Aug", "Sept",
        "Oktober", "November", "Dezember", "März", "Mai"};
    private static final String[] SEPARATORS = {" ", "  ", "/", "-", ".", ", ", "^", ":", ";", "\n", "\t", "|", "", " - ",
        "(", ") ", "\"", "\",\""};
    private static final String[] LABELS = {"MRN", "DOB", "Patient ID", "born", "geb.", "date of birth", "mrn:", "SSN"};

    private static String name(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 2 + r.nextInt(2); i < n; i++) {
            b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    /** A word that is most likely no original's token. */
    private static String filler(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 3 + r.nextInt(9); i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return r.nextBoolean() ? b.toString() : b.toString().toUpperCase(Locale.ROOT);
    }

    private static String hex(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    private record Date(int y, int m, int d) {
    }

    private static String original(Random r, List<Date> dates) {
        int y = 1925 + r.nextInt(70);
        int m = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(28);
        return switch (r.nextInt(11)) {
            case 0 -> name(r) + " " + name(r);
            case 1 -> name(r) + "-" + name(r) + " van der " + name(r);
            case 2 -> name(r);
            case 3 -> digits(r, 5 + r.nextInt(4));
            case 4 -> "(" + digits(r, 3) + ") " + digits(r, 3) + "-" + digits(r, 4);
            case 5 -> digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 4);
            case 6 -> name(r).toLowerCase(Locale.ROOT) + "." + name(r).toLowerCase(Locale.ROOT) + "@example.org";
            case 7 -> "MRN-" + digits(r, 7);
            case 8 -> hex(r, 8) + "-" + hex(r, 4) + "-4" + hex(r, 3) + "-a" + hex(r, 3) + "-" + hex(r, 12);
            case 9 -> name(r) + " Street " + (1 + r.nextInt(900));
            default -> {
                dates.add(new Date(y, m, d));
                yield y + "-" + two(m) + "-" + two(d);
            }
        };
    }

    /** A date in one of the notations the scanner reads (or a near miss of one). */
    private static String date(Random r, Date t) {
        String month = MONTHS[t.m() - 1];
        return switch (r.nextInt(10)) {
            case 0 -> t.y() + "-" + two(t.m()) + "-" + two(t.d());
            case 1 -> two(t.m()) + "/" + two(t.d()) + "/" + t.y();
            case 2 -> t.d() + "." + t.m() + "." + t.y();
            case 3 -> "" + t.y() + two(t.m()) + two(t.d());
            case 4 -> month + " " + t.d() + ", " + t.y();
            case 5 -> t.d() + ". " + month + " " + t.y();
            case 6 -> t.y() + "-" + two(t.m()) + "-" + two(t.d()) + "T10:30:00";
            case 7 -> t.m() + "/" + t.d() + "/" + t.y();
            case 8 -> month + " " + filler(r) + " " + t.d() + " " + t.y(); // a word inside: no date
            default -> two(t.d()) + "." + two(t.m()) + "." + t.y();
        };
    }

    /** The original as output might hold it: in another case, order or spacing, cut, or with a word inside it. */
    private static String mention(Random r, String original) {
        String[] t = original.split("[^\\p{L}\\p{N}]+");
        return switch (r.nextInt(8)) {
            case 0 -> original.toUpperCase(Locale.ROOT);
            case 1 -> original.toLowerCase(Locale.ROOT);
            case 2 -> {
                List<String> reversed = new ArrayList<>(List.of(t));
                java.util.Collections.reverse(reversed);
                yield String.join(r.nextBoolean() ? ", " : "^", reversed);
            }
            case 3 -> String.join("", t);
            case 4 -> String.join("  ", t);
            case 5 -> t.length > 1 ? t[0] + " " + filler(r) + " " + String.join(" ", List.of(t).subList(1, t.length))
                    : filler(r) + original;
            case 6 -> original.substring(0, r.nextInt(original.length() + 1));
            default -> original;
        };
    }

    private static final String[] SUBJECTS = {"ALC4X9Q2ZP7K", "BOB7Y2K9W3QD"};
    private static final String[] ALIASES = {"Patient/3f2a9c1e-77b0-4d0e-9a41-5c2e8f0b6d13", "Q9ZK4T7P"};
    private static final String[] PSEUDONYMS = {"X7100353QRT", "P4410027XY"};
    private static final String[] INERT = {"final", "http://loinc.org", "mg/dL", "M", "F", "8867-4", "Heart rate",
        "vital-signs", "Observation", "beats/minute", "unknown", "2", "17", "0", "amended", "kg/m2", "Body mass index",
        "urn:oid:2.16.840.1.113883.6.1", "PT1H", "true", "{}", " "};

    private static List<String> pool(Random r, List<String> originals, List<Date> dates) {
        List<String> pool = new ArrayList<>(List.of(INERT));
        for (int i = 0, n = 10 + r.nextInt(30); i < n; i++) {
            String v = switch (r.nextInt(17)) {
                case 14 -> name(r); // a one-word original, maybe some subject's: a shared value or another's
                case 15, 16 -> dates.isEmpty() ? name(r) : date(r, dates.get(r.nextInt(dates.size())));
                case 0, 1 -> mention(r, originals.get(r.nextInt(originals.size())));
                case 2 -> originals.get(r.nextInt(originals.size()));
                case 3 -> dates.isEmpty() ? filler(r) : date(r, dates.get(r.nextInt(dates.size())));
                case 4 -> LABELS[r.nextInt(LABELS.length)] + " " + digits(r, 4 + r.nextInt(5));
                case 5 -> digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 4);
                case 6 -> MONTHS[r.nextInt(MONTHS.length)] + " " + (1 + r.nextInt(31));
                case 7 -> SUBJECTS[r.nextInt(SUBJECTS.length)];
                case 8 -> ALIASES[r.nextInt(ALIASES.length)];
                case 9 -> PSEUDONYMS[r.nextInt(PSEUDONYMS.length)];
                case 10 -> digits(r, 1 + r.nextInt(9));
                case 11 -> {
                    StringBuilder b = new StringBuilder(); // longer than the memo keeps, or about as long
                    for (int k = 0, words = 20 + r.nextInt(20); k < words; k++) {
                        b.append(r.nextInt(6) == 0 ? mention(r, originals.get(r.nextInt(originals.size()))) : filler(r))
                                .append(' ');
                    }
                    yield b.toString();
                }
                case 12 -> name(r) + " " + filler(r);
                default -> filler(r) + SEPARATORS[r.nextInt(SEPARATORS.length)] + filler(r);
            };
            pool.add(v);
        }
        return pool;
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

    private static LeakScanner scanner(LeakDictionary d, Calls calls, boolean bySubject, boolean memo) {
        LeakScanner s = new LeakScanner(d, true, calls);
        if (bySubject) {
            s.bySubject().attested(key -> key % 3 != 0)
                    .fields(where -> where.get().substring(where.get().lastIndexOf(' ') + 1));
        }
        return memo ? s : s.withoutMemo();
    }

    /** Hands one value to both scanners the same way. */
    private static void value(Random r, String v, Supplier<String> where, LeakScanner[] scanners) throws IOException {
        int how = r.nextInt(20);
        boolean latin = StandardCharsets.ISO_8859_1.newEncoder().canEncode(v);
        int offset = r.nextInt(5);
        if (how < 8) {
            char[] buffer = new char[v.length() + offset + r.nextInt(5)];
            java.util.Arrays.fill(buffer, '7'); // around the value: what a reader's buffer holds besides
            v.getChars(0, v.length(), buffer, offset);
            for (LeakScanner s : scanners) {
                s.value(buffer, offset, v.length(), where);
            }
        } else if (how < 16 && latin) {
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
    void rememberingInertValuesChangesNothingReported() throws IOException {
        long calls = 0;
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        long values = 0;
        long skipped = 0;
        for (long seed = 1; seed <= 24; seed++) {
            Random r = new Random(seed);
            List<Date> dates = new ArrayList<>();
            List<String> originals = new ArrayList<>();
            for (int i = 0, n = seed % 4 == 0 ? 300 : 5 + r.nextInt(40); i < n; i++) {
                originals.add(original(r, dates));
            }
            LeakDictionary.Builder b = new LeakDictionary.Builder(true);
            int[] subjects = {b.subject(SUBJECTS[0]), b.subject(SUBJECTS[1])};
            for (int i = 0; i < originals.size(); i++) {
                b.add(originals.get(i), "source " + (i % 3), i % 4 == 3 ? -1 : subjects[i % 4 % 2]);
            }
            for (int i = 0; i < ALIASES.length; i++) {
                b.alias(subjects[i], ALIASES[i]);
            }
            for (String p : PSEUDONYMS) {
                b.pseudonym(p);
            }
            LeakDictionary d = b.build();
            List<String> pool = pool(r, originals, dates);
            for (boolean bySubject : new boolean[] {true, false}) {
                Calls want = new Calls();
                Calls got = new Calls();
                LeakScanner[] both = {scanner(d, want, bySubject, false), scanner(d, got, bySubject, true)};
                // in some worlds a scanner per record (as per file): the memo is the dictionary's, shared by them
                boolean perRecord = seed % 3 == 0;
                for (int record = 0, records = 100 + r.nextInt(200); record < records; record++) {
                    if (perRecord && record > 0) {
                        skipped += both[1].skipped();
                        both = new LeakScanner[] {scanner(d, want, bySubject, false), scanner(d, got, bySubject, true)};
                    }
                    int named = r.nextInt(3) == 0 ? -1 : r.nextInt(4); // the record's subject, by pseudonym or alias
                    for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
                        String location = "record " + record + " f" + r.nextInt(4);
                        String v = i == 0 && named >= 0 ? (named < 2 ? SUBJECTS : ALIASES)[named % 2]
                                : pool.get(r.nextInt(r.nextBoolean() ? Math.min(pool.size(), 8) : pool.size()));
                        value(r, v, () -> location, both);
                        values++;
                    }
                    for (LeakScanner s : both) {
                        s.endRecord();
                    }
                }
                // never a value in a message: only how many calls and where they differ
                assertEquals(want.calls.size(), got.calls.size(), "calls of seed " + seed + " by subject " + bySubject);
                for (int i = 0; i < want.calls.size(); i++) {
                    assertTrue(want.calls.get(i).equals(got.calls.get(i)),
                            "call " + i + " of seed " + seed + " by subject " + bySubject + " differs");
                }
                calls += want.calls.size();
                for (String call : want.calls) {
                    kinds.merge(call.substring(0, call.indexOf(' ')), 1, Integer::sum);
                }
                assertEquals(0, both[0].skipped(), "the scanner without the memo skips nothing");
                skipped += both[1].skipped();
            }
        }
        // the worlds find things, attest dates and share values, and most values are skipped the second time
        assertTrue(calls > 5_000, "calls " + calls);
        for (String kind : List.of("hit", "attestable", "shared", "other")) {
            assertTrue(kinds.getOrDefault(kind, 0) > 20, "calls " + kinds);
        }
        assertTrue(skipped > values / 3, skipped + " of " + values + " values skipped");
    }
}
