package org.deidworkbench.deid.spill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.deidworkbench.model.SortedTuples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key file's entries kept on disk, searchable by key, with one key per block in memory (decision 0030). */
class IndexedRunTest {

    @TempDir
    Path dir;

    private static List<String[]> sortedEntries(int n, long seed) {
        Random r = new Random(seed);
        TreeSet<String[]> set = new TreeSet<>(ExternalSorter.ORDER);
        String[] domains = {"encounter", "patient", "ärzte"};
        while (set.size() < n) {
            String d = domains[r.nextInt(domains.length)];
            set.add(new String[] {d, "PS-" + Integer.toString(r.nextInt(1 << 30), 32), "Müller^" + r.nextInt(1000000)});
        }
        // one pseudonym per (domain, pseudonym): keep the first of each key
        List<String[]> list = new ArrayList<>();
        for (String[] t : set) {
            if (list.isEmpty() || !list.get(list.size() - 1)[0].equals(t[0]) || !list.get(list.size() - 1)[1].equals(t[1])) {
                list.add(t);
            }
        }
        return list;
    }

    @Test
    void everyTupleIsFoundByItsKeyAndReadBackInOrder() throws Exception {
        List<String[]> tuples = sortedEntries(5000, 3);
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            IndexedRun run = IndexedRun.write(area, "entries", 3, 2, tuples.iterator());
            assertEquals(tuples.size(), run.size());
            assertEquals((tuples.size() + IndexedRun.BLOCK - 1) / IndexedRun.BLOCK, run.blocks(),
                    "one key in memory per block, not one per tuple");
            for (String[] t : tuples) {
                assertArrayEquals(t, run.find(t[0], t[1]));
            }
            assertNull(run.find("patient", "PS-not-issued"));
            assertNull(run.find("", ""), "before the first key");
            assertNull(run.find("zzz", "zzz"), "after the last key");
            for (int pass = 0; pass < 2; pass++) {
                List<String[]> read = new ArrayList<>();
                try (SortedTuples.Cursor c = run.open()) {
                    for (String[] t = c.next(); t != null; t = c.next()) {
                        read.add(t);
                    }
                }
                assertEquals(tuples.size(), read.size());
                for (int i = 0; i < read.size(); i++) {
                    assertArrayEquals(tuples.get(i), read.get(i));
                }
            }
        }
    }

    @Test
    void tuplesOutOfOrderOrTwiceAreRefusedAndLeaveNoFile() throws Exception {
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            List<String[]> twice = List.<String[]>of(new String[] {"p", "A", "x"}, new String[] {"p", "A", "y"});
            assertThrows(IllegalArgumentException.class, () -> IndexedRun.write(area, "t", 3, 2, twice.iterator()));
            List<String[]> backwards = List.<String[]>of(new String[] {"p", "B", "x"}, new String[] {"p", "A", "y"});
            assertThrows(IllegalArgumentException.class, () -> IndexedRun.write(area, "t", 3, 2, backwards.iterator()));
            try (Stream<Path> files = Files.list(area.folder())) {
                assertEquals(0, files.count());
            }
        }
    }

    @Test
    void theFileHoldsNoOriginalInTheClear() throws Exception {
        List<String[]> tuples = List.<String[]>of(new String[] {"patient", "P1", "Quillfeather^Thaddeus"});
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            IndexedRun.write(area, "t", 3, 2, tuples.iterator());
            try (Stream<Path> files = Files.list(area.folder())) {
                for (Path f : files.toList()) {
                    String raw = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(raw.contains("Quillfeather"), "encrypted");
                }
            }
        }
    }
}
