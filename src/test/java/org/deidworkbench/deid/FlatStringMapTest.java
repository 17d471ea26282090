package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FlatStringMapTest {

    @Test
    void holdsWhatAMapHoldsThroughGrowthInOrderOfInsertion() {
        FlatStringMap flat = new FlatStringMap();
        Map<String, String> expected = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(49);
        for (int i = 0; i < 200_000; i++) {
            // keys of equal hash codes too ("Aa" and "BB"), and repeats
            String key = random.nextInt(4) == 0 ? "Aa".repeat(i % 7 + 1) + "BB".repeat(i % 5) : Integer.toString(random.nextInt(150_000));
            String value = "V" + i;
            assertEquals(expected.putIfAbsent(key, value), flat.putIfAbsent(key, value));
        }
        assertEquals(expected.size(), flat.size());
        List<String> order = new ArrayList<>();
        flat.forEach((k, v) -> {
            order.add(k);
            assertEquals(expected.get(k), v);
        });
        assertEquals(new ArrayList<>(expected.keySet()), order);
        for (String k : expected.keySet()) {
            assertEquals(expected.get(k), flat.get(k));
            assertEquals(expected.get(k), flat.getExact(k));
        }
        assertNull(flat.get("not a key"));
        flat.put("1", "replaced");
        assertEquals("replaced", flat.get("1"));
        flat.clear();
        assertEquals(0, flat.size());
        assertNull(flat.get("1"));
    }

    @Test
    void concurrentWritersAndReadersNeverSeeAWrongValue() throws Exception {
        FlatStringMap flat = new FlatStringMap();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int start = w;
                work.add(pool.submit(() -> {
                    for (int i = start; i < 100_000; i += 2) { // two threads add each key
                        String key = "k" + i;
                        flat.putIfAbsent(key, "v" + i);
                        String seen = flat.get("k" + (i / 2)); // a key that may be being added right now
                        if (seen != null && !seen.equals("v" + (i / 2))) {
                            throw new AssertionError("wrong value for k" + (i / 2));
                        }
                        assertEquals("v" + i, flat.getExact(key));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> all = new HashMap<>();
        flat.forEach(all::put);
        assertEquals(100_000, all.size());
        assertEquals(100_000, flat.size());
        for (int i = 0; i < 100_000; i++) {
            assertEquals("v" + i, all.get("k" + i));
        }
    }
}
