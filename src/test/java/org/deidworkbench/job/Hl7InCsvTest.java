package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HL7 v2 messages in the cells of an interface engine's log run through {@code deid run} (decision 0126). */
class Hl7InCsvTest {

    private static final char[] PASSPHRASE = "hl7-in-csv-passphrase".toCharArray();

    @Test
    void aMalformedMessageIsWithheldWithAWarningNamingItsPlaceButNotItsValue(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("log.csv"), "MESSAGE_ID,RAW_MESSAGE\n"
                + "1,\"MSH|^~\\&|EPIC|MERCY|LAB|MERCY|20230312081500||ADT^A01|M1|P|2.5.1\rPID|1||4471205^^^MERCY^MR"
                + "||QUORNDALE^WINIFRED\"\n"
                + "2,PID|1||4471206^^^MERCY^MR||QUORNDALE^AUGUSTINE\n"
                + "3,MSH|ABC|QUORNDALE\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        RunResult result = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true, PASSPHRASE,
                ProfileLoader.read("csv-template"), 1), RunListener.NONE).run();
        String written = Files.readString(out.resolve("log.csv"), StandardCharsets.UTF_8);
        assertFalse(written.toUpperCase(java.util.Locale.ROOT).contains("QUORNDALE"), "a name was written");
        assertFalse(written.contains("4471206"), "an MRN was written");
        assertTrue(written.contains("ADT^A01"), "the good message lost its type");
        FileReport file = result.report().fileResults().get(0);
        List<String> codes = file.problems().stream().map(Problem::code).toList();
        assertTrue(codes.containsAll(List.of("HL7-NO-MSH", "HL7-BAD-ENCODING")), codes.toString());
        for (Problem p : file.problems()) {
            assertTrue(p.location().contains("column 2 'RAW_MESSAGE'"), p.location());
            assertFalse(p.toString().toUpperCase(java.util.Locale.ROOT).contains("QUORNDALE")
                    || p.toString().contains("4471206"), "a warning shows the value");
        }
        assertEquals(2, file.problems().stream().filter(p -> p.location().startsWith("line ")).count());
    }
}
