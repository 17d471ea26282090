package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The byte-level pre-pass (decision 0043) never calls a value quiet in which the scanner reports anything — any hit,
 * counted everywhere (not by subject), so the strongest scanner is the reference — and calls ordinary de-identified
 * values quiet, so it skips something.
 */
class PrefilterTest {

    private static final List<String> ORIGINALS = List.of("Quillfeather, Avery", "100200", "1933-02-05", "(555) 604-6018",
            "996-47-3574", "877 Oak Street", "4eaff7829965-11", "MUELLER^JUERGEN", "Jürgen Müller", "P1000007",
            "avery.q@example.org", "03.05.1970", "Smith");
    private static final String PSEUDONYM = "Q56TP2TE2W8J2V06TGNX";
    private static final String PSEUDONYM_WITH_ORIGINAL = "XQ100200RTAB";

    private static LeakDictionary dictionary() {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        for (String o : ORIGINALS) {
            b.add(o, "test");
        }
        b.pseudonym(PSEUDONYM);
        b.pseudonym(PSEUDONYM_WITH_ORIGINAL);
        return b.build();
    }

    private static boolean scannerReports(LeakDictionary d, String value) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(d, Set.of(PSEUDONYM, PSEUDONYM_WITH_ORIGINAL), false, hits::add).value(value, () -> "here");
        return !hits.isEmpty();
    }

    private static boolean quiet(Prefilter p, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        return p.quiet(bytes, 0, bytes.length);
    }

    @Test
    void valuesWithALeakAreNotQuietAndOrdinaryValuesAre() {
        LeakDictionary d = dictionary();
        Prefilter p = new Prefilter(d);
        for (String leak : List.of("seen Quillfeather, Avery", "chart 100200", "born 1933-02-05", "02/05/1933",
                "Feb 5, 1933", "19330205", "call (555) 604-6018", "996 47 3574", "877  OAK-STREET", "Avery Quillfeather",
                "MRN: 4412345", "DOB 03/14/1956", "x someone@example.net", "(555) 777-1234", "321-54-9876",
                "Smith " + PSEUDONYM, "100200 " + PSEUDONYM)) {
            assertTrue(scannerReports(d, leak), leak);
            assertFalse(quiet(p, leak), leak);
            assertFalse(quiet(p, leak), leak + " (asked again: not remembered as quiet)");
        }
        for (String clean : List.of("Patient/" + PSEUDONYM, PSEUDONYM, "Patient/" + PSEUDONYM_WITH_ORIGINAL,
                "2019-10-26T14:40:00Z", "178.2", "mg/dL", "http://loinc.org", "Specimen re-drawn", "Glucose")) {
            assertFalse(scannerReports(d, clean), clean);
            assertTrue(quiet(p, clean), clean);
            assertTrue(quiet(p, clean), clean + " (remembered)");
        }
        assertFalse(quiet(p, "Jürgen"), "not ASCII: never quiet");
    }

    @Test
    void neverQuietWhereTheScannerReportsSomething() {
        LeakDictionary d = dictionary();
        Prefilter p = new Prefilter(d);
        List<String> pieces = new ArrayList<>();
        for (String o : ORIGINALS) {
            pieces.addAll(Fold.tokens(o));
            pieces.add(o);
        }
        pieces.addAll(List.of(PSEUDONYM, PSEUDONYM_WITH_ORIGINAL, "Feb", "05", "5", "1933", "02", "555", "604", "6018",
                "47", "MRN", "DOB", "Patient", "id", "@", "x", "2019", "10", "26", "T14", "00Z", "1970", "03", "3"));
        String[] separators = {" ", "", "-", "/", ".", ", ", ": ", "^", "T", "  ", "_", "#"};
        Random random = new Random(43);
        int reported = 0;
        int quiet = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(5);
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    b.append(separators[random.nextInt(separators.length)]);
                }
                b.append(pieces.get(random.nextInt(pieces.size())));
            }
            String value = b.toString();
            if (value.chars().anyMatch(c -> c >= 128)) {
                continue;
            }
            boolean reports = scannerReports(d, value);
            boolean q = quiet(p, value);
            if (reports) {
                reported++;
                assertFalse(q, () -> "called quiet, but the scanner reports something in: " + value);
            } else if (q) {
                quiet++;
            }
        }
        assertTrue(reported > 5_000 && quiet > 5_000, "both kinds exercised: " + reported + " reported, " + quiet + " quiet");
    }
}
