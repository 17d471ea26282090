package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two exports of the same shape (two folders, each with its own {@code patients.csv}) de-identified in one
 * run: each keeps its patients. Found on a real Synthea export run together with a second one: the second
 * folder's patient table was taken for the only one, and every row of the first got the project-wide date
 * offset instead of its patient's (and its patient ids another domain's pseudonyms).
 */
class TwoExportsInOneRunTest {

    private static final char[] PASSPHRASE = "two-exports-test".toCharArray();

    @Test
    void eachExportComesOutAsItDoesAlone(@TempDir Path dir) throws Exception {
        Path a = export(dir.resolve("export_a"), new String[][] {
            {"3f2a9c41-77d0-4b1e-9a55-0c1d2e3f4a5b", "1961-04-12", "Orla812", "Vantreese331"},
            {"9b7e6d5c-4a3b-4c2d-8e1f-a0b1c2d3e4f5", "1988-10-30", "Teodor44", "Quillfeather90"}});
        Path b = export(dir.resolve("export_b"), new String[][] {
            {"c0ffee12-3456-4789-abcd-ef0123456789", "1972-01-05", "Mirela270", "Ostrander615"},
            {"5a5b5c5d-6e6f-4a0b-9c1d-2e3f4a5b6c7d", "2001-07-19", "Casimir93", "Wendelborn27"}});
        Path key = dir.resolve("k.deidkey");
        Path together = dir.resolve("together");
        run(List.of(a, b), together, key, true);
        for (Path export : List.of(a, b)) {
            Path copy = dir.resolve("k-" + export.getFileName() + ".deidkey");
            Files.copy(key, copy, StandardCopyOption.REPLACE_EXISTING);
            Path alone = dir.resolve("alone-" + export.getFileName());
            run(List.of(export), alone, copy, false);
            for (String table : List.of("patients.csv", "encounters.csv")) {
                assertEquals(Files.readString(alone.resolve(table)),
                        Files.readString(together.resolve(export.getFileName().toString()).resolve(table)),
                        export.getFileName() + "/" + table);
            }
        }
    }

    private static Path export(Path folder, String[][] patients) throws Exception {
        Files.createDirectories(folder);
        StringBuilder p = new StringBuilder("Id,BIRTHDATE,FIRST,LAST,GENDER\n");
        StringBuilder e = new StringBuilder("Id,START,PATIENT,CODE,DESCRIPTION\n");
        int n = 0;
        for (String[] row : patients) {
            p.append(row[0]).append(',').append(row[1]).append(',').append(row[2]).append(',').append(row[3])
                    .append(n % 2 == 0 ? ",F\n" : ",M\n");
            for (int v = 0; v < 3; v++) {
                e.append(String.format("%08x-1111-4222-8333-%012x", 0x5e000000 + n * 16 + v, 0xabc000L + n * 16 + v))
                        .append(',').append(2010 + v).append("-0").append(3 + v).append("-1").append(v)
                        .append("T09:1").append(v).append(":44Z,").append(row[0])
                        .append(",185349003,Encounter for check up (procedure)\n");
            }
            n++;
        }
        Files.writeString(folder.resolve("patients.csv"), p, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("encounters.csv"), e, StandardCharsets.UTF_8);
        return folder;
    }

    private static void run(List<Path> inputs, Path out, Path key, boolean create) throws Exception {
        new RunJob(new RunRequest(inputs, out, key, create, PASSPHRASE.clone(), ProfileLoader.read("csv-template"), 1),
                RunListener.NONE).run();
    }
}
