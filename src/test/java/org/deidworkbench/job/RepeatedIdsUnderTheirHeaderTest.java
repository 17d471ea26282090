package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0138: a SAS export's visits repeat the patient number ({@code PTIDNUM}): whole numbers by their shape, but
 * under the patients' identifier header and nearly all of them its values, so the same ids, pseudonymized alike. A
 * column of numbers under such a header whose values are not the ids stays numbers.
 */
class RepeatedIdsUnderTheirHeaderTest {

    private static List<List<String>> rows(Path csv) throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8)) {
            out.add(List.of(line.split(",", -1)));
        }
        return out;
    }

    private static Path run(Path dir, String visitsHeader, boolean sameIds) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        StringBuilder patients = new StringBuilder("PTIDNUM,SEXCD\n");
        StringBuilder visits = new StringBuilder(visitsHeader + ",VISITSEQ,LBORRES\n");
        for (int i = 0; i < 24; i++) {
            String id = Integer.toString(1004501 + i * 37);
            patients.append(id).append(',').append(1 + i % 2).append('\n');
            for (int v = 1; v <= 2; v++) {
                visits.append(sameIds ? id : Integer.toString(2004501 + i * 41)).append(',').append(v).append(',')
                        .append(4 + i % 7).append('.').append(v).append('\n');
            }
        }
        Files.writeString(in.resolve("PTDEMOG.csv"), patients, StandardCharsets.UTF_8);
        Files.writeString(in.resolve("PTVISIT.csv"), visits, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, "repeated-ids".toCharArray(),
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        return out;
    }

    @Test
    void repeatedIdsUnderThePatientsHeaderArePseudonymizedAndJoin(@TempDir Path dir) throws Exception {
        Path out = run(dir, "PTIDNUM", true);
        Set<String> keys = new HashSet<>();
        rows(out.resolve("PTDEMOG.csv")).subList(1, 25).forEach(r -> keys.add(r.get(0)));
        List<List<String>> visits = rows(out.resolve("PTVISIT.csv"));
        assertEquals("PTIDNUM", visits.get(0).get(0));
        for (List<String> r : visits.subList(1, visits.size())) {
            assertTrue(keys.contains(r.get(0)), "a visit's patient number does not join its patient");
            assertFalse(r.get(0).startsWith("100"), "a visit kept its original patient number");
        }
    }

    @Test
    void numbersUnderTheSameHeaderThatAreNotTheIdsStayNumbers(@TempDir Path dir) throws Exception {
        Path out = run(dir, "PTIDNUM", false);
        List<List<String>> visits = rows(out.resolve("PTVISIT.csv"));
        assertEquals("2004501", visits.get(1).get(0), "numbers that are no ids of the patients were changed");
    }
}
