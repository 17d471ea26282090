package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The short path of a letter token that is no token of any pattern, no label word and no month name (decision 0096)
 * finds exactly what the full path finds: the same hits, sources, locations, values and order, value by value (with and
 * without counting by subject), as ISO 8859-1 bytes and as raw bytes cut into random chunks, against a dictionary of
 * the same originals whose filter says that every token matters (the full path for every token). The texts mix planted
 * originals of every shape (names in any case, order and spacing, dates in every notation the scanner reads, SSN,
 * phone, e-mail, MRN-like numbers, UUIDs) with many words of no original right before, inside and after them, so that
 * the short path is taken between the tokens of a pattern, of a date and of a PHI shape. Seeds are fixed.
 */
class LeakScannerInertTokensTest {

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

    /** A word that is most likely no original's token: the short path's tokens. */
    private static String filler(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 3 + r.nextInt(9); i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return r.nextBoolean() ? b.toString() : b.toString().toUpperCase(Locale.ROOT);
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
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

    private static List<String> texts(Random r, List<String> originals, List<Date> dates) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder();
            for (int p = 0, parts = r.nextInt(12) == 0 ? 800 : 1 + r.nextInt(20); p < parts; p++) {
                switch (r.nextInt(10)) {
                    case 0, 1 -> b.append(mention(r, originals.get(r.nextInt(originals.size()))));
                    case 2 -> b.append(dates.isEmpty() ? filler(r) : date(r, dates.get(r.nextInt(dates.size()))));
                    case 3 -> b.append(LABELS[r.nextInt(LABELS.length)]).append(' ').append(switch (r.nextInt(3)) {
                        case 0 -> digits(r, 5 + r.nextInt(4));
                        case 1 -> two(1 + r.nextInt(12)) + "/" + two(1 + r.nextInt(28)) + "/19" + digits(r, 2);
                        default -> dates.isEmpty() ? filler(r) : date(r, dates.get(r.nextInt(dates.size())));
                    });
                    case 4 -> b.append(digits(r, 3)).append('-').append(digits(r, 2)).append('-').append(digits(r, 4));
                    case 5 -> b.append(MONTHS[r.nextInt(MONTHS.length)]).append(' ').append(1 + r.nextInt(31));
                    case 6 -> b.append(name(r));
                    default -> b.append(filler(r));
                }
                b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            }
            texts.add(b.toString());
        }
        return texts;
    }

    private static String describe(LeakScanner.Hit h) {
        return h.kind() + " | " + h.source() + " | " + h.location() + " | " + h.value();
    }

    /** Every way the scanner reads a text, hits described in the order found. */
    private static List<String> scan(LeakDictionary d, String text, int chunk, boolean latin) {
        List<String> hits = new ArrayList<>();
        LeakScanner plain = new LeakScanner(d, true, h -> hits.add("value " + describe(h)));
        plain.value(text, () -> "value");
        LeakScanner subject = new LeakScanner(d, true, h -> hits.add("by subject " + describe(h))).bySubject();
        subject.value(text, () -> "value");
        subject.value("first " + text, () -> "second value");
        subject.endRecord();
        if (latin) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] buffer = new byte[bytes.length + 4];
            System.arraycopy(bytes, 0, buffer, 2, bytes.length);
            LeakScanner b = new LeakScanner(d, true, h -> hits.add("bytes " + describe(h))).bySubject();
            b.value(buffer, 2, bytes.length, () -> "bytes");
            b.endRecord();
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        for (boolean bySubject : new boolean[] {false, true}) {
            LeakScanner raw = new LeakScanner(d, true, h -> hits.add("raw " + describe(h)));
            if (bySubject) {
                raw.bySubject();
            }
            raw.startRaw();
            for (int i = 0; i < utf8.length; i += chunk) {
                raw.rawBytes(utf8, i, Math.min(chunk, utf8.length - i));
            }
            raw.endRaw();
            raw.endRecord();
        }
        return hits;
    }

    @Test
    void theShortPathFindsWhatTheFullPathFinds() {
        int hits = 0;
        long letterTokens = 0;
        long inert = 0;
        for (long seed = 1; seed <= 16; seed++) {
            Random r = new Random(seed);
            List<Date> dates = new ArrayList<>();
            List<String> originals = new ArrayList<>();
            for (int i = 0, n = seed % 4 == 0 ? 400 : 5 + r.nextInt(40); i < n; i++) {
                originals.add(original(r, dates));
            }
            LeakDictionary.Builder fast = new LeakDictionary.Builder(true);
            LeakDictionary.Builder full = new LeakDictionary.Builder(true).everyTokenMatters();
            int alice = fast.subject("ALC4X9Q2ZP7K");
            full.subject("ALC4X9Q2ZP7K");
            for (int i = 0; i < originals.size(); i++) {
                fast.add(originals.get(i), "source " + (i % 3), i % 2 == 0 ? alice : -1);
                full.add(originals.get(i), "source " + (i % 3), i % 2 == 0 ? alice : -1);
            }
            LeakDictionary f = fast.build();
            LeakDictionary g = full.build();
            for (String text : texts(r, originals, dates)) {
                String withSubject = r.nextBoolean() ? "ALC4X9Q2ZP7K " + text : text;
                int chunk = 1 + r.nextInt(r.nextBoolean() ? 7 : 3000);
                boolean latin = StandardCharsets.ISO_8859_1.newEncoder().canEncode(withSubject);
                List<String> want = scan(g, withSubject, chunk, latin);
                List<String> got = scan(f, withSubject, chunk, latin);
                // never the texts or the values found in a message: only how many and where they differ
                assertEquals(want.size(), got.size(), "hits of seed " + seed);
                for (int i = 0; i < want.size(); i++) {
                    assertTrue(want.get(i).equals(got.get(i)), "hit " + i + " of seed " + seed + " differs");
                }
                hits += want.size();
                for (String token : Fold.tokens(withSubject)) {
                    if (Character.isLetter(token.charAt(0)) && token.length() >= 3) {
                        letterTokens++;
                        assertTrue(g.mayMatter(LeakDictionary.fix(Fold.hash(token))));
                        if (!f.mayMatter(LeakDictionary.fix(Fold.hash(token)))) {
                            inert++;
                        }
                    }
                }
            }
        }
        // the texts plant originals (the test finds something) and most of their words take the short path
        assertTrue(hits > 10_000, "hits " + hits);
        assertTrue(inert > letterTokens / 3, inert + " of " + letterTokens + " letter tokens on the short path");
    }

    /** The filter lets every token of every pattern, every label word and every month name through: no false negative. */
    @Test
    void everyTokenOfAPatternALabelOrAMonthMayMatter() {
        Random r = new Random(77);
        List<Date> dates = new ArrayList<>();
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        for (int i = 0; i < 20_000; i++) {
            b.add(original(r, dates), "source");
        }
        LeakDictionary d = b.build();
        int tokens = d.seqStart[d.patterns()];
        for (int i = 0; i < tokens; i++) {
            assertTrue(d.mayMatter(LeakDictionary.token(d.seq, i)), "token " + i);
        }
        for (String word : List.of("JANUARY", "JAN", "JANUAR", "MARZ", "MAI", "SEPTEMBER", "SEP", "DEZEMBER")) {
            assertTrue(d.mayMatter(LeakDictionary.fix(Fold.hash(word))), word);
        }
        for (String label : PhiPatterns.LABELS) {
            assertTrue(d.mayMatter(LeakDictionary.fix(Fold.hash(label))), label);
        }
        assertTrue(tokens > 40_000, "tokens " + tokens);
    }
}
