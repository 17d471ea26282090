package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV file whose every column the profile removes (a list of e-mail addresses alone) is withheld with {@code
 * CSV-NOTHING-KEPT}, and the run goes on with the other files. It failed with {@code INTERNAL-ERROR}: a record with no
 * field cannot be written.
 */
class NothingKeptTest {

    @Test
    void aFileWhoseEveryColumnIsRemovedIsWithheldWithItsReason(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("emails.csv"), "email\nquorwick.h@example.org\ntressiline.v@example.com\n");
        Files.writeString(in.resolve("labs.csv"), "lab_id,loinc,value\n1,2345-7,132\n2,718-7,13.5\n");
        Path out = dir.resolve("out");
        RunResult result = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true,
                "nothing-kept-passphrase".toCharArray(), ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        FileReport emails = result.report().fileResults().stream()
                .filter(f -> f.problems().stream().anyMatch(p -> p.code().equals("CSV-NOTHING-KEPT"))).findFirst()
                .orElseThrow(() -> new AssertionError("no file withheld with CSV-NOTHING-KEPT: "
                        + result.report().fileResults()));
        assertEquals(FileReport.Status.QUARANTINED, emails.status());
        assertFalse(emails.problems().toString().contains("example"), "the reason holds a value");
        assertFalse(Files.exists(out.resolve("emails.csv")), "a withheld file was written");
        assertTrue(Files.readString(out.resolve("labs.csv")).contains("2345-7,132"), "the other file was not written");
    }
}
