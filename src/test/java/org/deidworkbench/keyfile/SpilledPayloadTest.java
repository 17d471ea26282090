package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.deid.spill.ExternalSorter;
import org.deidworkbench.deid.spill.SpillArea;
import org.deidworkbench.model.KnownIdentifier;
import org.deidworkbench.model.PseudonymEntry;
import org.deidworkbench.model.SortedTuples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The payload of a key file whose new entries and known identifiers come spilled (decision 0026) is
 * byte for byte the payload of the same contents held in memory, with or without entries of earlier
 * runs to merge with.
 */
class SpilledPayloadTest {

    @TempDir
    Path dir;

    private static KeyFileContents base() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (31 * i + 1);
        }
        return KeyFileContents.create(ProjectSecret.of(secret), Instant.parse("2026-01-02T03:04:05Z"));
    }

    private record Data(List<PseudonymEntry> entries, Map<String, TreeSet<KnownIdentifier>> known) {
    }

    /** Entries in three domains (one with non-ASCII originals) and known identifiers of 200 subjects. */
    private static Data data(int seed, int count) {
        Random r = new Random(seed);
        List<PseudonymEntry> entries = new ArrayList<>();
        String[] domains = {"patient", "encounter", "ärzte"};
        Set<String> used = new java.util.HashSet<>();
        while (entries.size() < count) {
            String d = domains[r.nextInt(domains.length)];
            String p = "PS-" + Integer.toString(r.nextInt(1 << 30), 32).toUpperCase();
            if (used.add(d + "/" + p)) {
                entries.add(new PseudonymEntry(d, p, "Müller^Jürgen^" + r.nextInt(100000) + "^\u4e2d" + r.nextInt(50)));
            }
        }
        Map<String, TreeSet<KnownIdentifier>> known = new TreeMap<>();
        for (int i = 0; i < count / 2; i++) {
            String subject = "S" + r.nextInt(200);
            known.computeIfAbsent(subject, k -> new TreeSet<>()).add(new KnownIdentifier("Name " + r.nextInt(500),
                    r.nextBoolean() ? subject : "[NAME]", "[NAME]"));
        }
        return new Data(entries, known);
    }

    private SortedTuples spilled(SpillArea area, List<String[]> tuples, int keyArity) throws IOException {
        ExternalSorter sorter = new ExternalSorter(area, "t", tuples.get(0).length, keyArity, 13);
        List<String[]> shuffled = new ArrayList<>(tuples);
        Collections.shuffle(shuffled, new Random(4));
        shuffled.forEach(sorter::add);
        shuffled.subList(0, 40).forEach(t -> sorter.add(t.clone())); // duplicates are kept once
        return sorter.finish();
    }

    private static List<String[]> entryTuples(List<PseudonymEntry> entries) {
        return entries.stream().map(e -> new String[] {e.domain(), e.pseudonym(), e.original()}).toList();
    }

    private static List<String[]> knownTuples(Map<String, TreeSet<KnownIdentifier>> known) {
        List<String[]> list = new ArrayList<>();
        known.forEach((s, ids) -> ids.forEach(id -> list.add(new String[] {s, id.value(), id.replacement(),
            id.wordReplacement()})));
        return list;
    }

    @Test
    void spilledEntriesGiveTheSamePayloadBytesAsEntriesInMemory() throws Exception {
        Data d = data(1, 3000);
        KeyFileContents memory = base();
        memory.addEntries(d.entries());
        memory.addKnownIdentifiers(d.known());
        KeyFileContents spilled = base();
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            spilled.addSpilled(spilled(area, entryTuples(d.entries()), 2), spilled(area, knownTuples(d.known()), 4));
            byte[] expected = PayloadCodec.write(memory);
            assertArrayEquals(expected, PayloadCodec.write(spilled));
            assertArrayEquals(expected, PayloadCodec.write(spilled), "the spilled entries can be written twice");
            assertEquals(memory.entryCount(), spilled.entryCount());
        }
    }

    @Test
    void spilledEntriesMergeWithTheEntriesOfEarlierRuns() throws Exception {
        Data earlier = data(2, 1500);
        Data now = data(3, 1500);
        KeyFileContents memory = base();
        memory.addEntries(earlier.entries());
        memory.addKnownIdentifiers(earlier.known());
        memory.putDateOffset("S1", -12);
        KeyFileContents spilled = base();
        spilled.addEntries(earlier.entries());
        spilled.addKnownIdentifiers(earlier.known());
        spilled.putDateOffset("S1", -12);
        memory.addEntries(now.entries());
        memory.addKnownIdentifiers(now.known());
        // A subject identifier already in the key file comes again from the run: written once.
        List<String[]> again = new ArrayList<>(knownTuples(now.known()));
        again.addAll(knownTuples(earlier.known()).subList(0, 100));
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            spilled.addSpilled(spilled(area, entryTuples(now.entries()), 2), spilled(area, again, 4));
            assertArrayEquals(PayloadCodec.write(memory), PayloadCodec.write(spilled));
        }
    }

    @Test
    void spilledDateOffsetsMergeWithThoseOfEarlierRunsIntoTheSamePayloadBytes() throws Exception {
        Random r = new Random(9);
        KeyFileContents memory = base();
        KeyFileContents spilled = base();
        List<String[]> offsets = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            String subject = "PAT-" + Integer.toString(r.nextInt(1 << 30), 32).toUpperCase();
            int days = r.nextInt(731) - 365; // negative and positive: their text does not sort as numbers
            memory.putDateOffset(subject, days);
            if (i % 3 != 2) {
                spilled.putDateOffset(subject, days); // an earlier run's offset (seen again in this run when i % 3 == 0)
            }
            if (i % 3 != 1) {
                offsets.add(new String[] {subject, Integer.toString(days)});
            }
        }
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            spilled.addSpilled(SortedTuples.EMPTY, SortedTuples.EMPTY, spilled(area, offsets, 1));
            byte[] expected = PayloadCodec.write(memory);
            assertTrue(new String(expected, java.nio.charset.StandardCharsets.UTF_8).contains("\"dateOffsets\":{\"PAT-"));
            assertArrayEquals(expected, PayloadCodec.write(spilled));
        }
    }

    @Test
    void aSubjectWithTwoOffsetsIsRefused() throws Exception {
        KeyFileContents contents = base();
        contents.putDateOffset("PAT-1", 12);
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            List<String[]> tuples = new ArrayList<>();
            tuples.add(new String[] {"PAT-1", "-7"});
            contents.addSpilled(SortedTuples.EMPTY, SortedTuples.EMPTY, spilled(area, repeat(tuples), 1));
            IOException e = assertThrows(IOException.class, () -> PayloadCodec.write(contents));
            assertTrue(e.getMessage().contains("PAT-1") && !e.getMessage().contains("-7"), e.getMessage());
        }
    }

    @Test
    void aSpilledEntryGivingAKnownPseudonymAnotherOriginalIsRefused() throws Exception {
        KeyFileContents contents = base();
        contents.addEntries(List.of(new PseudonymEntry("patient", "P1", "alpha")));
        try (SpillArea area = SpillArea.create(dir.resolve("spill"))) {
            List<String[]> tuples = new ArrayList<>();
            tuples.add(new String[] {"patient", "P1", "beta"});
            contents.addSpilled(spilled(area, repeat(tuples), 2), SortedTuples.EMPTY);
            IOException e = assertThrows(IOException.class, () -> PayloadCodec.write(contents));
            assertTrue(e.getMessage().contains("P1") && !e.getMessage().contains("beta"), e.getMessage());
        }
    }

    private static List<String[]> repeat(List<String[]> one) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            list.add(one.get(0).clone());
        }
        return list;
    }
}
