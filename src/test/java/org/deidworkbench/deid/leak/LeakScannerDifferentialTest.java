package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The fast scanner finds exactly what the reference scanner (the matcher as it was before, kept in the test
 * sources) finds — same kinds, sources, locations and values, as multisets — on random texts built from random
 * originals written in every notation, near-misses, pseudonyms, PHI shapes, accents, non-Latin digits and long
 * lines, value by value and as raw bytes cut into random chunks. Seeds are fixed: the inputs are the same in
 * every build.
 */
class LeakScannerDifferentialTest {

    private static final String[] SYLLABLES = {"an", "ber", "cor", "dal", "el", "fin", "mül", "ré", "jo", "kar", "lin"};
    private static final String[] MONTHS = {"Jan", "February", "März", "Apr", "May", "Juni", "Jul", "Aug", "Sept", "Okt",
        "November", "Dezember", "Mai", "MAR"};
    private static final String[] SEPARATORS = {" ", " ", "  ", "/", "-", ".", ", ", "^", ":", ";", "\n", "\t", "|", "",
        " - ", "(", ") "};
    private static final String[] WORDS = {"seen", "by", "Dr", "MRN", "DOB", "born", "call", "at", "geb.", "Patient ID",
        "ref", "x", "mg/dL", "2024-03-21 13:39", "555", "T", "ＭＲＮ", "١٢٣"};

    /** One random world: originals, pseudonyms, and texts that mention them. */
    private record World(List<String> originals, List<String> pseudonyms, List<String> texts) {
    }

    private static String name(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 2 + r.nextInt(2); i++) {
            b.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
        }
        b.setCharAt(0, Character.toUpperCase(b.charAt(0)));
        return b.toString();
    }

    static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String original(Random r) {
        int y = 1925 + r.nextInt(6);
        int m = 1 + r.nextInt(12);
        int d = 1 + r.nextInt(r.nextBoolean() ? 12 : 28);
        return switch (r.nextInt(12)) {
            case 0 -> name(r) + " " + name(r);
            case 1 -> name(r).toUpperCase() + "^" + name(r).toUpperCase();
            case 2 -> name(r);
            case 3 -> digits(r, 4 + r.nextInt(5));
            case 4 -> "555-" + digits(r, 3) + "-" + digits(r, 4);
            case 5 -> digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 4);
            case 6 -> y + "-" + two(m) + "-" + two(d);
            case 7 -> two(m) + "/" + two(d) + "/" + y;
            case 8 -> y + two(m) + two(d);
            case 9 -> d + "." + m + "." + y + (r.nextBoolean() ? "" : " ");
            case 10 -> y + "-" + two(m) + "-" + two(d) + "T10:3" + r.nextInt(10);
            default -> "MRN-00" + digits(r, 5);
        };
    }

    /** The original, or a date in another notation, or a near miss of it. */
    private static String mention(Random r, String original) {
        List<String> t = new ArrayList<>(List.of(original.split("[^\\p{L}\\p{N}]+")));
        t.removeIf(String::isEmpty);
        if (t.size() == 3 && t.stream().allMatch(s -> s.chars().allMatch(Character::isDigit)) && r.nextInt(3) > 0) {
            // a date-like value: write its numbers in another order, padding or with a month name
            List<String> parts = new ArrayList<>(t);
            if (r.nextBoolean()) {
                java.util.Collections.rotate(parts, r.nextInt(3));
            }
            if (r.nextInt(3) == 0) {
                parts.replaceAll(p -> p.length() == 2 && p.startsWith("0") && r.nextBoolean() ? p.substring(1) : p);
            }
            if (r.nextInt(3) == 0) {
                parts.set(r.nextInt(2), MONTHS[r.nextInt(MONTHS.length)]);
            }
            return String.join(SEPARATORS[r.nextInt(SEPARATORS.length)], parts);
        }
        if (original.length() == 8 && original.chars().allMatch(Character::isDigit) && r.nextBoolean()) {
            return original.substring(6) + "." + original.substring(4, 6) + "." + original.substring(0, 4);
        }
        return switch (r.nextInt(6)) {
            case 0 -> original.toLowerCase();
            case 1 -> {
                java.util.Collections.reverse(t);
                yield String.join(SEPARATORS[r.nextInt(SEPARATORS.length)], t);
            }
            case 2 -> original + digits(r, 1);
            case 3 -> "X" + original;
            case 4 -> String.join("", t);
            default -> original;
        };
    }

    private static World world(long seed) {
        return world(seed, 5 + new Random(-seed).nextInt(40));
    }

    /** A world of {@code count} originals: with hundreds, tokens such as {@code MRN} start many of them. */
    private static World world(long seed, int count) {
        Random r = new Random(seed);
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            originals.add(original(r));
        }
        List<String> pseudonyms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pseudonyms.add("Q" + digits(r, 6) + "ZX");
        }
        pseudonyms.add(digits(r, 8));
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder b = new StringBuilder();
            int parts = r.nextInt(10) == 0 ? 1500 : 1 + r.nextInt(14);
            for (int p = 0; p < parts; p++) {
                switch (r.nextInt(9)) {
                    case 0, 1, 2 -> b.append(mention(r, originals.get(r.nextInt(originals.size()))));
                    case 3 -> b.append(WORDS[r.nextInt(WORDS.length)]);
                    case 4 -> b.append(digits(r, 1 + r.nextInt(9)));
                    case 5 -> b.append(pseudonyms.get(r.nextInt(pseudonyms.size())));
                    case 6 -> b.append(switch (r.nextInt(5)) {
                        case 0 -> digits(r, 3) + "-" + digits(r, 2) + "-" + digits(r, 4);
                        case 1 -> "(" + digits(r, 3) + ") " + digits(r, 3) + "-" + digits(r, 4);
                        case 2 -> name(r).toLowerCase() + "@example.org";
                        case 3 -> "MRN: " + digits(r, 7);
                        default -> "DOB " + two(1 + r.nextInt(12)) + "/" + two(1 + r.nextInt(28)) + "/19" + digits(r, 2);
                    });
                    case 7 -> b.append(MONTHS[r.nextInt(MONTHS.length)]).append(' ').append(1 + r.nextInt(31));
                    default -> b.append(name(r));
                }
                b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
            }
            texts.add(b.toString());
        }
        return new World(originals, pseudonyms, texts);
    }

    private static String describe(LeakScanner.Hit h) {
        return h.kind() + " | " + h.source() + " | " + h.location() + " | " + h.value();
    }

    private static Map<String, Long> multiset(List<LeakScanner.Hit> hits) {
        return hits.stream().collect(Collectors.groupingBy(LeakScannerDifferentialTest::describe, TreeMap::new,
                Collectors.counting()));
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new TreeMap<>();
        a.forEach((k, n) -> {
            long left = n - b.getOrDefault(k, 0L);
            if (left > 0) {
                out.put(k, left);
            }
        });
        return out;
    }

    /** Both scanners over one world, each text as a value and as raw bytes; returns the texts that differ. */
    private static List<String> differences(World w, Random chunks) {
        ReferenceDictionary.Builder rb = new ReferenceDictionary.Builder();
        LeakDictionary.Builder fb = new LeakDictionary.Builder();
        for (int i = 0; i < w.originals().size(); i++) {
            String source = "source " + (i % 3);
            rb.add(w.originals().get(i), source);
            fb.add(w.originals().get(i), source);
        }
        w.pseudonyms().forEach(p -> {
            rb.pseudonym(p);
            fb.pseudonym(p);
        });
        ReferenceDictionary rd = rb.build();
        LeakDictionary fd = fb.build();
        Set<String> pseudonyms = new HashSet<>(w.pseudonyms());
        List<String> differing = new ArrayList<>();
        for (String text : w.texts()) {
            List<LeakScanner.Hit> expected = new ArrayList<>();
            List<LeakScanner.Hit> actual = new ArrayList<>();
            new ReferenceScanner(rd, pseudonyms, true, expected::add).value(text, () -> "value");
            new LeakScanner(fd, pseudonyms, true, actual::add).value(text, () -> "value");
            byte[] bytes = text.getBytes(chunks.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            int chunk = 1 + chunks.nextInt(chunks.nextBoolean() ? 7 : 5000);
            raw(bytes, chunk, () -> new ReferenceScanner(rd, pseudonyms, true, expected::add), ReferenceScanner::startRaw,
                    ReferenceScanner::rawBytes, ReferenceScanner::endRaw);
            raw(bytes, chunk, () -> new LeakScanner(fd, pseudonyms, true, actual::add), LeakScanner::startRaw,
                    LeakScanner::rawBytes, LeakScanner::endRaw);
            Map<String, Long> want = multiset(expected);
            Map<String, Long> got = multiset(actual);
            if (!want.equals(got)) {
                differing.add(text.length() > 300 ? text.substring(0, 300) + "…" : text);
                differing.add("  only the reference: " + minus(want, got));
                differing.add("  only the fast one:  " + minus(got, want));
            }
            // a value of ISO 8859-1 bytes in a larger buffer (an NDJSON reader's, decision 0085) is scanned as its text
            if (StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)) {
                byte[] latin = text.getBytes(StandardCharsets.ISO_8859_1);
                int at = chunks.nextInt(9);
                byte[] buffer = new byte[at + latin.length + chunks.nextInt(9)];
                java.util.Arrays.fill(buffer, (byte) '7'); // digits around the value: never part of it
                System.arraycopy(latin, 0, buffer, at, latin.length);
                for (boolean subject : new boolean[] {false, true}) {
                    List<LeakScanner.Hit> asText = new ArrayList<>();
                    List<LeakScanner.Hit> asBytes = new ArrayList<>();
                    LeakScanner t = new LeakScanner(fd, pseudonyms, true, asText::add);
                    LeakScanner b = new LeakScanner(fd, pseudonyms, true, asBytes::add);
                    if (subject) {
                        t.bySubject();
                        b.bySubject();
                    }
                    t.value(text, () -> "value");
                    t.endRecord();
                    b.value(buffer, at, latin.length, () -> "value");
                    b.endRecord();
                    if (!asText.equals(asBytes)) {
                        differing.add(text.length() > 300 ? text.substring(0, 300) + "…" : text);
                        differing.add("  as text: " + asText + "; as bytes: " + asBytes);
                    }
                }
            }
            // counting by subject (decision 0023) only ever drops hits of originals, never adds one or drops a pattern's
            List<LeakScanner.Hit> bySubject = new ArrayList<>();
            LeakScanner s = new LeakScanner(fd, pseudonyms, true, bySubject::add).bySubject();
            s.value(text, () -> "value");
            s.endRecord();
            raw(bytes, chunk, () -> new LeakScanner(fd, pseudonyms, true, bySubject::add).bySubject(), LeakScanner::startRaw,
                    LeakScanner::rawBytes, sc -> {
                        sc.endRaw();
                        sc.endRecord();
                    });
            Map<String, Long> subjectAware = multiset(bySubject);
            Map<String, Long> patterns = new TreeMap<>(got);
            patterns.keySet().removeIf(k -> k.startsWith(LeakScanner.Kind.ORIGINAL.name()));
            Map<String, Long> subjectPatterns = new TreeMap<>(subjectAware);
            subjectPatterns.keySet().removeIf(k -> k.startsWith(LeakScanner.Kind.ORIGINAL.name()));
            if (!minus(subjectAware, got).isEmpty() || !patterns.equals(subjectPatterns)) {
                differing.add(text.length() > 300 ? text.substring(0, 300) + "…" : text);
                differing.add("  only by subject: " + minus(subjectAware, got) + "; patterns " + subjectPatterns);
            }
        }
        return differing;
    }

    private interface Feed<S> {
        void bytes(S scanner, byte[] b, int off, int len);
    }

    private static <S> void raw(byte[] bytes, int chunk, java.util.function.Supplier<S> make,
            java.util.function.Consumer<S> start, Feed<S> feed, java.util.function.Consumer<S> end) {
        S s = make.get();
        start.accept(s);
        for (int i = 0; i < bytes.length; i += chunk) {
            feed.bytes(s, bytes, i, Math.min(chunk, bytes.length - i));
        }
        end.accept(s);
    }

    @Test
    void findsWhatTheReferenceScannerFindsOnRandomTexts() {
        Random chunks = new Random(11);
        List<String> differing = new ArrayList<>();
        for (long seed = 1; seed <= 150 && differing.size() < 12; seed++) {
            differing.addAll(differences(world(seed), chunks));
        }
        assertEquals("", String.join("\n", differing));
    }

    @Test
    void findsWhatTheReferenceScannerFindsWithManyOriginalsSharingTheirFirstTokens() {
        Random chunks = new Random(12);
        List<String> differing = new ArrayList<>();
        for (long seed = 1001; seed <= 1010 && differing.size() < 12; seed++) {
            differing.addAll(differences(world(seed, 600), chunks));
        }
        assertEquals("", String.join("\n", differing));
    }

    @Test
    void findsWhatTheReferenceScannerFindsInThePlantedCorpus() {
        List<String> originals = List.of("Avery Quillfeather", "100200", "1933-02-05", "02/05/1933", "555-604-6018",
                "996-47-3574", "avery.quillfeather@example.org", "877 Oak Street", "Müller, Jürgen", "MRN-004711");
        List<String> texts = List.of("seen: Quillfeather, Avery", "chart 100200", "1933-02-05", "02/05/1933", "05.02.1933",
                "19330205", "Feb 5, 1933", "5. Februar 1933", "May 2, 1933", "1933-2-5", "1933-02-5", "08:07;1933",
                "(555) 604-6018", "996 47 3574", "AVERY.QUILLFEATHER@example.org", "877  OAK-STREET", "321-54-9876",
                "(555) 777-1234", "someone@example.net", "MRN: 4412345", "DOB 03/14/1956", "MULLER^JURGEN",
                "chart 004711", "XQ100200RT", "1933 02 05 1933 02 05", "02;05;1933", "2/5/1933", "5/2/1933");
        World w = new World(originals, List.of("XQ100200RT"), texts);
        assertEquals("", String.join("\n", differences(w, new Random(3))));
    }

    private static String hex(Random r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append("0123456789abcdef".charAt(r.nextInt(16)));
        }
        return b.toString();
    }

    /**
     * UUID originals (runs of one to a few letters or digits, most shared by thousands of patterns) and originals of
     * repeated tokens, whose occurrences overlap in the texts ({@code AB AB AB CD}): the matcher anchors a pattern on
     * its rarest token and must still find every occurrence, in the automaton's order.
     */
    @Test
    void findsWhatTheReferenceScannerFindsWithUuidsAndRepeatedTokens() {
        Random chunks = new Random(13);
        List<String> differing = new ArrayList<>();
        for (long seed = 2001; seed <= 2006 && differing.size() < 12; seed++) {
            Random r = new Random(seed);
            List<String> originals = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                originals.add(hex(r, 8) + "-" + hex(r, 4) + "-4" + hex(r, 3) + "-a" + hex(r, 3) + "-" + hex(r, 12));
            }
            originals.addAll(List.of("AB AB AB CD", "AB AB CD", "CD AB", "Q7 Q7 Q7", "x1y x1y z", name(r) + " " + name(r)));
            List<String> pseudonyms = List.of("Q56TP2TE2W8J2V06TGNX", "K9" + digits(r, 7) + "RT");
            List<String> texts = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                StringBuilder b = new StringBuilder();
                for (int part = 0, parts = 1 + r.nextInt(20); part < parts; part++) {
                    String o = originals.get(r.nextInt(originals.size()));
                    switch (r.nextInt(7)) {
                        case 0 -> b.append(o);
                        case 1 -> b.append(o.toUpperCase().replace('-', ' '));
                        case 2 -> b.append(o, 0, r.nextInt(o.length() + 1));
                        case 3 -> b.append("AB AB AB AB CD AB Q7 Q7 Q7 Q7 x1y x1y x1y z");
                        case 4 -> b.append(pseudonyms.get(r.nextInt(pseudonyms.size())));
                        case 5 -> b.append(hex(r, 1 + r.nextInt(12)));
                        default -> b.append(mention(r, o));
                    }
                    b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
                }
                texts.add(b.toString());
            }
            differing.addAll(differences(new World(originals, pseudonyms, texts), chunks));
            differing.addAll(orderDifferences(new World(originals, pseudonyms, texts)));
        }
        assertEquals("", String.join("\n", differing));
    }

    /** One or two letters or digits, some written so that they fold to ASCII ({@code é}, fullwidth, Arabic-Indic). */
    private static String shortToken(Random r) {
        String[] letters = {"a", "B", "é", "Ö", "ｚ", "x", "Q", "ø", "ß", "k"};
        String[] digits = {"0", "7", "٣", "２", "5", "9"};
        boolean letter = r.nextBoolean();
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(2); i < n; i++) {
            b.append(letter ? letters[r.nextInt(letters.length)] : digits[r.nextInt(digits.length)]);
        }
        return b.toString();
    }

    /**
     * Originals made only of one- and two-character tokens (decision 0051: their anchor pairs are answered by an exact
     * bit set, not by the blocked filter), so many that every short token's filter block is full; texts of the same
     * short tokens, where most pairs are near misses of an anchor and some are anchors of other originals; and
     * one-token originals of exactly three characters, the shortest that is looked for alone.
     */
    @Test
    void findsWhatTheReferenceScannerFindsWithOriginalsOfShortTokens() {
        Random chunks = new Random(14);
        List<String> differing = new ArrayList<>();
        for (long seed = 3001; seed <= 3006 && differing.size() < 12; seed++) {
            Random r = new Random(seed);
            List<String> originals = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                StringBuilder o = new StringBuilder();
                for (int t = 0, n = 2 + r.nextInt(5); t < n; t++) {
                    o.append(t == 0 ? "" : SEPARATORS[r.nextInt(SEPARATORS.length)]).append(shortToken(r));
                }
                originals.add(o.toString());
            }
            originals.addAll(List.of("ABC", "x9y", "Q7Q", "é2é"));
            List<String> pseudonyms = List.of("Q56TP2TE2W8J2V06TGNX", "K9" + digits(r, 7) + "RT");
            List<String> texts = new ArrayList<>();
            for (int t = 0; t < 40; t++) {
                StringBuilder b = new StringBuilder();
                for (int part = 0, parts = 1 + r.nextInt(30); part < parts; part++) {
                    String o = originals.get(r.nextInt(originals.size()));
                    switch (r.nextInt(6)) {
                        case 0 -> b.append(o);
                        case 1 -> b.append(o.toUpperCase());
                        case 2 -> b.append(o, 0, r.nextInt(o.length() + 1));
                        case 3 -> b.append(pseudonyms.get(r.nextInt(pseudonyms.size())));
                        case 4 -> b.append(mention(r, o));
                        default -> b.append(shortToken(r));
                    }
                    b.append(SEPARATORS[r.nextInt(SEPARATORS.length)]);
                }
                texts.add(b.toString());
            }
            differing.addAll(differences(new World(originals, pseudonyms, texts), chunks));
            differing.addAll(orderDifferences(new World(originals, pseudonyms, texts)));
        }
        assertEquals("", String.join("\n", differing));
    }

    /** Each text as one value: both scanners report the same hits in the same order. */
    private static List<String> orderDifferences(World w) {
        ReferenceDictionary.Builder rb = new ReferenceDictionary.Builder();
        LeakDictionary.Builder fb = new LeakDictionary.Builder();
        for (int i = 0; i < w.originals().size(); i++) {
            rb.add(w.originals().get(i), "source " + (i % 3));
            fb.add(w.originals().get(i), "source " + (i % 3));
        }
        ReferenceDictionary rd = rb.build();
        LeakDictionary fd = fb.build();
        List<String> differing = new ArrayList<>();
        for (String text : w.texts()) {
            List<String> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            new ReferenceScanner(rd, Set.of(), true, h -> expected.add(describe(h))).value(text, () -> "value");
            new LeakScanner(fd, Set.of(), true, h -> actual.add(describe(h))).value(text, () -> "value");
            if (!expected.equals(actual)) {
                differing.add("order differs for " + text + ": " + expected + " / " + actual);
            }
        }
        return differing;
    }

}
