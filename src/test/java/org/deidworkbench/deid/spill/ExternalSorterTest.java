package org.deidworkbench.deid.spill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Sorting tuples through encrypted spill files (decision 0026). */
class ExternalSorterTest {

    @TempDir
    Path dir;

    private static List<String[]> read(SortedTuples tuples) throws Exception {
        List<String[]> list = new ArrayList<>();
        try (SortedTuples.Cursor c = tuples.open()) {
            for (String[] t = c.next(); t != null; t = c.next()) {
                list.add(t);
            }
        }
        return list;
    }

    @Test
    void manyRunsMergeIntoTheSortedSetOfEveryTupleAdded() throws Exception {
        Random r = new Random(7);
        TreeSet<String[]> expected = new TreeSet<>(ExternalSorter.ORDER);
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            // 40 tuples a run, so more runs than the fan-in: runs are merged while adding, too.
            ExternalSorter sorter = new ExternalSorter(area, "t", 3, 3, 40);
            for (int i = 0; i < 5000; i++) {
                String[] t = {"d" + r.nextInt(3), "Ü" + r.nextInt(2000), r.nextBoolean() ? "" : "x\u4e2d" + r.nextInt(5)};
                expected.add(t.clone());
                sorter.add(t);
            }
            assertTrue(sorter.spills() > ExternalSorter.FAN_IN, "spilled " + sorter.spills() + " times");
            SortedTuples sorted = sorter.finish();
            List<String[]> got = read(sorted);
            assertEquals(expected.size(), sorted.size());
            assertEquals(expected.size(), got.size());
            int i = 0;
            for (String[] e : expected) {
                assertArrayEquals(e, got.get(i++));
            }
            assertEquals(got.size(), read(sorted).size(), "read twice");
        }
    }

    @Test
    void twoValuesForOneKeyInDifferentRunsAreAConflict() throws Exception {
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            ExternalSorter sorter = new ExternalSorter(area, "t", 3, 2, 2);
            sorter.add("patient", "P1", "alpha");
            sorter.add("patient", "P2", "gamma");
            sorter.add("patient", "P1", "beta");
            sorter.add("patient", "P3", "delta");
            ExternalSorter.ConflictException e = assertThrows(ExternalSorter.ConflictException.class, sorter::finish);
            assertArrayEquals(new String[] {"patient", "P1"}, e.key());
            assertFalse(e.getMessage().contains("alpha") || e.getMessage().contains("beta"), "no original in the message");
        }
    }

    @Test
    void spillFilesHoldNoOriginalInClearAndAreDeletedWithTheArea() throws Exception {
        Path folder = dir.resolve("spill");
        SpillArea area = SpillArea.create(folder);
        ExternalSorter sorter = new ExternalSorter(area, "t", 2, 2, 10);
        for (int i = 0; i < 100; i++) {
            sorter.add("patient", "Delacroix-Desmond-" + i);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertFalse(bytes.contains("Delacroix") || bytes.contains("patient"), "encrypted: " + f.getFileName());
        }
        assertEquals(100, sorter.finish().size());
        area.close();
        assertFalse(Files.exists(folder));
        assertThrows(IllegalStateException.class, () -> sorter.add("patient", "after finishing"));
    }
}
