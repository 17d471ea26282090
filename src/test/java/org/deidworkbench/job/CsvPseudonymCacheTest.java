package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pseudonymized column's values coming back in no order (organizations, providers) are served from a small
 * cache of recent values: the pseudonyms must be exactly those of the same values written once each.
 */
class CsvPseudonymCacheTest {

    @Test
    void valuesRepeatedInNoOrderGetThePseudonymsTheyGetAlone(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        // 700 distinct encounter numbers (more than the cache has slots, so slots are overwritten), 5,000 rows.
        Random random = new Random(11);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            values.add("E" + (100_000 + random.nextInt(900_000)) + (i % 3 == 0 ? "x" : ""));
        }
        StringBuilder shuffled = new StringBuilder("row,encounter_id\n");
        for (int r = 0; r < 5_000; r++) {
            shuffled.append(r).append(',').append(values.get(random.nextInt(values.size()))).append('\n');
        }
        StringBuilder once = new StringBuilder("row,encounter_id\n");
        for (int i = 0; i < values.size(); i++) {
            once.append(i).append(',').append(values.get(i)).append('\n');
        }
        Files.writeString(in.resolve("a_shuffled.csv"), shuffled, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("b_once.csv"), once, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, "cache-test".toCharArray(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();

        Map<String, String> alone = new HashMap<>();
        List<String> onceOut = Files.readAllLines(out.resolve("b_once.csv"));
        for (int i = 0; i < values.size(); i++) {
            alone.put(values.get(i), onceOut.get(i + 1).split(",")[1]);
        }
        List<String> shuffledIn = shuffled.toString().lines().toList();
        List<String> shuffledOut = Files.readAllLines(out.resolve("a_shuffled.csv"));
        assertEquals(shuffledIn.size(), shuffledOut.size());
        for (int r = 1; r < shuffledIn.size(); r++) {
            String value = shuffledIn.get(r).split(",")[1];
            String pseudonym = shuffledOut.get(r).split(",")[1];
            assertNotEquals(value, pseudonym);
            assertEquals(alone.get(value), pseudonym, "row " + r);
        }
    }
}
