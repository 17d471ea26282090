package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Columns no rule of {@code csv-template} names, decided by what their values are (issue #7). */
class ClassifiedColumnsTest {

    private static final String[] NAMES = {"Margaret Okafor", "Harold Brandstätter", "Gloria Szymanski",
        "Frederick Haldorsen", "Beatrice Quillfeather", "Walter Achterberg"};

    private static Path run(Path dir, String header, List<String> rows) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("visits.csv"), header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, "classified-columns".toCharArray(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        return out.resolve("visits.csv");
    }

    @Test
    void roleColumnsHoldingFullNamesAreRemoved(@TempDir Path dir) throws Exception {
        List<String> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add("V" + (1000 + i) + "," + NAMES[i % 6] + "," + NAMES[(i + 1) % 6] + "," + NAMES[(i + 2) % 6] + ","
                    + NAMES[(i + 3) % 6] + ",I10");
        }
        String out = Files.readString(run(dir, "visit,patient,physician,guardian,contact_person,code", rows));
        assertEquals("visit,code", out.lines().findFirst().orElseThrow());
        for (String name : NAMES) {
            assertFalse(out.contains(name.split(" ")[1]), "a name is left");
        }
    }

    @Test
    void germanPhoneNumbersAreRemovedWholeNotHalfScrubbed(@TempDir Path dir) throws Exception {
        List<String> rows = List.of("1;+49 30 1234567;Berlin", "2;030 7654321;Köln", "3;0171 2345678;Leipzig");
        Path out = run(dir, "Nr;Telefon;Ort", rows);
        String text = Files.readString(out);
        assertFalse(text.contains("1234567") || text.contains("+49"), "no part of a phone number is left");
        assertTrue(text.startsWith("Nr"), text.lines().findFirst().orElse(""));
    }
}
