package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.keyfile.KeyFileContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NDJSON read a line at a time, in pieces across threads, with lines the byte-level pre-pass shows quiet skipped
 * (decision 0043): the report — hits, their order and locations, counts, what was not scanned — is the one reading
 * the whole file gives, at any thread count and piece size, and every planted leak is in it.
 */
class VerifyNdjsonPiecesTest {

    @TempDir
    static Path dir;

    private static KeyFileContents keys;

    @BeforeAll
    static void keys() throws Exception {
        keys = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        SampleData.addIdentifiersTo(keys);
    }

    /** Leaks of every kind the verifier finds, as the planted-leak test plants them. */
    private static final List<String> LEAKS = List.of("Quillfeather, Avery", "chart 100200", "1933-02-05", "02/05/1933",
            "05.02.1933", "19330205", "Feb 5, 1933", "(555) 604-6018", "996 47 3574", "AVERY.QUILLFEATHER@example.org",
            "877  OAK-STREET", "321-54-9876", "(555) 777-1234", "someone@example.net", "MRN: 4412345", "DOB 03/14/1956");

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTVWXYZ0123456789";

    private static String pseudonym(Random random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private static String observation(Random random, String note) {
        return "{\"resourceType\":\"Observation\",\"id\":\"" + pseudonym(random) + "\",\"meta\":{\"security\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v3-ObservationValue\",\"code\":\"MASKED\"}]},\"status\":\"final\","
                + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"2345-7\",\"display\":\"Glucose\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + pseudonym(random) + "\"},\"effectiveDateTime\":\"20"
                + (10 + random.nextInt(14)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T14:40:00Z\","
                + "\"valueQuantity\":{\"value\":" + (50 + random.nextInt(150)) + "." + random.nextInt(10) + ",\"unit\":\"mg/dL\"},"
                + "\"note\":[{\"text\":\"" + note + "\"}]}";
    }

    /**
     * An NDJSON file of clean lines with every leak planted (as it is, after an escape, after a character reference,
     * in a base64 text attachment), some lines blank or ending in CR LF; returns the planted line numbers.
     */
    private static Set<Long> write(Path file, int lines, long seed, List<String> extra) throws Exception {
        Random random = new Random(seed);
        StringBuilder b = new StringBuilder();
        Set<Long> planted = new TreeSet<>();
        List<String> special = new ArrayList<>();
        for (String leak : LEAKS) {
            special.add(observation(random, "seen: " + leak));
            special.add(observation(random, "caf\\u00e9 \\n seen: " + leak));
            special.add(observation(random, "&amp; seen: " + leak));
            special.add("{\"resourceType\":\"DocumentReference\",\"status\":\"current\",\"content\":[{\"attachment\":"
                    + "{\"contentType\":\"text/plain\",\"data\":\"" + Base64.getEncoder().encodeToString(("Letter: " + leak)
                    .getBytes(StandardCharsets.UTF_8)) + "\"}}]}");
        }
        special.addAll(extra);
        int next = 0;
        for (long line = 1; line <= lines; line++) {
            if (line % 7 == 3 && next < special.size()) {
                b.append(special.get(next++));
                planted.add(line);
            } else if (line % 97 == 0) {
                b.append("   ");
            } else {
                b.append(observation(random, random.nextBoolean() ? "Specimen re-drawn" : "hemolysed, repeat requested"));
            }
            b.append(line % 11 == 0 ? "\r\n" : "\n");
        }
        assertEquals(special.size(), next, "every special line planted");
        Files.writeString(file, b.toString());
        return planted;
    }

    private static VerifyReport verify(Path out, int threads, long piece, boolean lines) throws Exception {
        return new VerifyJob(out, keys, true, threads).pieces(piece, lines).run();
    }

    private static void assertSameReport(VerifyReport expected, VerifyReport actual) {
        assertEquals(expected.hits(), actual.hits());
        assertEquals(expected.notScanned(), actual.notScanned());
        assertEquals(expected.bytes(), actual.bytes());
    }

    @Test
    void piecesAndSkippedLinesReportWhatReadingTheWholeFileReports() throws Exception {
        Path out = Files.createDirectories(dir.resolve("pieces"));
        Set<Long> planted = write(out.resolve("Observation.ndjson"), 800, 1, List.of());
        VerifyReport whole = verify(out, 1, VerifyJob.CHUNK, false);
        List<VerifyReport.Hit> listed = whole.hits().get(0).listed();
        // every planted line is reported (the listing keeps the first 100 hits; all planted lines are among them)
        Set<Long> found = new TreeSet<>();
        for (VerifyReport.Hit h : listed) {
            found.add(Long.parseLong(h.location().substring("line ".length(), h.location().indexOf(','))));
        }
        // the listing keeps the first 100 hits (several per planted line): every planted line up to the last one listed
        long last = ((TreeSet<Long>) found).last();
        assertTrue(whole.hits().get(0).count() >= planted.size());
        assertTrue(found.size() >= 50 && found.containsAll(planted.stream().filter(l -> l <= last).toList()),
                () -> "planted " + planted + ", found " + found);
        for (int threads : new int[] {1, 2, 3}) {
            for (long piece : new long[] {1, 700, 5_000, 64 << 10, VerifyJob.CHUNK}) {
                assertSameReport(whole, verify(out, threads, piece, true));
            }
        }
    }

    @Test
    void moreHitsThanListedAreListedAndCountedAsOneScanOfTheFile() throws Exception {
        Path out = Files.createDirectories(dir.resolve("many"));
        Random random = new Random(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            b.append(observation(random, i % 3 == 0 ? "call (555) 604-6018" : "Specimen re-drawn")).append('\n');
        }
        Files.writeString(out.resolve("Observation.ndjson"), b.toString());
        VerifyReport whole = verify(out, 1, VerifyJob.CHUNK, false);
        assertEquals(400, whole.hits().get(0).count()); // 200 phones, each an original and a phone pattern
        assertEquals(VerifyJob.LISTED_PER_FILE, whole.hits().get(0).listed().size());
        for (int threads : new int[] {1, 3}) {
            assertSameReport(whole, verify(out, threads, 3_000, true));
        }
    }

    @Test
    void aFileThatIsNotOneRecordPerLineIsReadWhole() throws Exception {
        Random random = new Random(3);
        // a resource over two lines, a line without a resource type, two resources on one line, an invalid line
        List<List<String>> oddities = List.of(
                List.of("{\"resourceType\":\"Observation\",\n\"note\":[{\"text\":\"seen: Quillfeather, Avery\"}]}"),
                List.of("{\"note\":[{\"text\":\"seen: 1933-02-05\"}]}"),
                List.of(observation(random, "a") + " " + observation(random, "seen: 996 47 3574")),
                List.of("{\"resourceType\":\"Observation\",\"value\":01,\"note\":[{\"text\":\"clean\"}]}"));
        int n = 0;
        for (List<String> odd : oddities) {
            Path out = Files.createDirectories(dir.resolve("odd" + n++));
            write(out.resolve("Observation.ndjson"), 500, n, odd);
            VerifyReport whole = verify(out, 1, VerifyJob.CHUNK, false);
            assertFalse(whole.hits().isEmpty());
            for (int threads : new int[] {1, 2}) {
                for (long piece : new long[] {1, 2_000, VerifyJob.CHUNK}) {
                    assertSameReport(whole, verify(out, threads, piece, true));
                }
            }
        }
    }
}
