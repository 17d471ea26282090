package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KeySet#hash}: the hash of a key value is the FNV-1a of its UTF-8 bytes, whether or not the value is
 * ASCII (the filter's bits are the same as a filter built from the encoded bytes, e.g. on another executor).
 */
class KeySetHashTest {

    private static long reference(String value, long seed) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Test
    void hashesAsciiAndOtherValuesAsTheirUtf8Bytes() {
        String alphabet = "0a9Z-_ {}\u007f\u0080ßé\u20ac\ud83d\ude00\ud800\udfff";
        Random r = new Random(3);
        List<String> values = new ArrayList<>(List.of("", "a", "9d8093ed-c2ed-4d2f-9145-a2e2f37266f6", "Müller",
                "\ud83d", "x\udc00"));
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            values.add(b.toString());
        }
        for (String v : values) {
            for (long seed : new long[] {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL}) {
                assertEquals(reference(v, seed), KeySet.hash(v, seed), () -> "for " + v.codePoints()
                        .mapToObj(Integer::toHexString).toList());
            }
        }
    }

    @Test
    void aFilterFindsWhatWasAddedAndRarelyWhatWasNot() {
        KeySet filter = KeySet.filter(10_000);
        for (int i = 0; i < 10_000; i++) {
            filter.add("id-" + i + (i % 7 == 0 ? "ö" : ""));
        }
        for (int i = 0; i < 10_000; i++) {
            assertTrue(filter.contains("id-" + i + (i % 7 == 0 ? "ö" : "")));
        }
        int falsePositives = 0;
        for (int i = 0; i < 10_000; i++) {
            if (filter.contains("other-" + i)) {
                falsePositives++;
            }
        }
        assertTrue(falsePositives < 300, falsePositives + " false positives of 10,000");
        assertFalse(KeySet.exact(java.util.Set.of("a")).contains("b"));
    }
}
