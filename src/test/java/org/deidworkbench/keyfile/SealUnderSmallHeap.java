package org.deidworkbench.keyfile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.PseudonymEntry;

/**
 * Child-JVM program for {@link SealMemoryTest}: builds key file contents with many entries, prints the heap
 * they occupy, then saves them (seal, write, verify) under whatever {@code -Xmx} it was started with.
 * Exit 0: saved; exit 3: out of memory while saving; exit 4: out of memory before saving (heap too small
 * for the contents themselves, so the test proves nothing). Arguments: key file, number of entries; or {@code reopen},
 * key file, number of entries.
 */
public final class SealUnderSmallHeap {

    private SealUnderSmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("reopen")) {
            reopen(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        Path file = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        KeyFileContents contents;
        try {
            contents = contents(entries);
        } catch (OutOfMemoryError e) {
            System.out.println("oom-building");
            System.exit(4);
            return;
        }
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.println("contents-heap-mb " + (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024)
                + " max-heap-mb " + rt.maxMemory() / (1024 * 1024));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        try {
            KeyFileStore.save(file, contents, TestFixtures.PASSPHRASE, List.of(),
                    new KeyFileStore.SealOptions(1_000, temp -> { }), true);
        } catch (OutOfMemoryError e) {
            System.out.println("oom-saving");
            System.exit(3);
        }
        System.out.println("saved " + java.nio.file.Files.size(file) + " bytes in " + (System.nanoTime() - wall) / 1_000_000
                + " ms wall, " + (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000 + " ms CPU");
    }

    /**
     * Opens the saved file and prints what the test checks: its entry count and whether two originals, first and last,
     * are as saved (arguments
     * {@code reopen FILE ENTRIES}). In a JVM of its own, so the check does not depend on what the suite's JVM holds
     * (its heap of 1 GB ran out once, opening the 52 MB file after 6,900 other tests).
     */
    private static void reopen(Path file, int entries) throws KeyFileException {
        KeyFileContents reopened = KeyFileStore.open(file, TestFixtures.PASSPHRASE);
        System.out.println("entries " + reopened.entryCount());
        // compared here, not printed: the child's console may not write ü
        System.out.println("last " + reopened.original("mrn", String.format("PAT-%08X", entries - 1))
                .equals(java.util.Optional.of("Müller^Jürgen^" + (entries - 1) + "^MRN-" + (7_000_000 + entries - 1))));
        System.out.println("first " + reopened.original("patient", "PAT-00000001")
                .equals(java.util.Optional.of("Müller^Jürgen^1^MRN-7000001")));
    }

    /** {@code entries} pseudonyms in two domains, originals of realistic length (names, record numbers). */
    static KeyFileContents contents(int entries) throws KeyFileException {
        KeyFileContents c = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.parse("2026-03-01T10:15:30Z"));
        List<PseudonymEntry> batch = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String domain = i % 3 == 0 ? "mrn" : "patient";
            batch.add(new PseudonymEntry(domain, String.format("PAT-%08X", i), "Müller^Jürgen^" + i + "^MRN-" + (7_000_000 + i)));
            if (batch.size() == 10_000) {
                c.addEntries(batch);
                batch.clear();
            }
        }
        c.addEntries(batch);
        return c;
    }
}
