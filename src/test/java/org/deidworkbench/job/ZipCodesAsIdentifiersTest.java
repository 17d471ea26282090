package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.keyfile.KeyFileContents;
import org.deidworkbench.keyfile.KeyFileStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A patient's whole ZIP code, which a CSV column or a FHIR Address gives and the output keeps as three digits, is an
 * identifier of that patient (decision 0187): a note of the same run that writes it loses it as {@code [ZIP]}, and the
 * verifier finds it when an output holds it. Before, the note kept {@code lives near 98284} and {@code deid verify}
 * called the output clean.
 */
class ZipCodesAsIdentifiersTest {

    private static final char[] PASSPHRASE = "zip-codes-passphrase".toCharArray();

    @TempDir
    static Path dir;

    private static Path out;
    private static Path key;

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("patients.csv"), "patient_id,zip,note\n"
                + "P1,98284,\"Lives near 98284 with her sister.\"\n"
                + "P2,70570,No complaints.\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"f1\",\"address\":[{"
                + "\"state\":\"WA\",\"postalCode\":\"98233\"}]}\n", StandardCharsets.UTF_8);
        Files.writeString(in.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"o1\","
                + "\"status\":\"final\",\"code\":{\"text\":\"Social history\"},\"subject\":{\"reference\":\"Patient/f1\"},"
                + "\"valueString\":\"Moved to 98233 last year.\"}\n", StandardCharsets.UTF_8);
        out = dir.resolve("out");
        key = dir.resolve("k.deidkey");
        new RunJob(new RunRequest(List.of(in), out, key, true, PASSPHRASE, ProfileLoader.read("csv-template"), 2),
                RunListener.NONE).run();
    }

    private static VerifyReport verify() throws Exception {
        KeyFileContents keys = KeyFileStore.open(key, PASSPHRASE);
        return new VerifyJob(out, keys, false, 2).run();
    }

    @Test
    void aCsvNoteLosesItsPatientsZipCodeAndTheColumnKeepsThreeDigits() throws Exception {
        List<String> lines = Files.readAllLines(out.resolve("patients.csv"));
        assertTrue(lines.get(1).endsWith(",982,Lives near [ZIP] with her sister."), lines.get(1));
        assertTrue(lines.get(2).contains(",705,"), lines.get(2));
    }

    @Test
    void aFhirNoteLosesItsPatientsPostalCode() throws Exception {
        String observation = Files.readString(out.resolve("Observation.ndjson"));
        assertTrue(observation.contains("\"valueString\":\"Moved to [ZIP] last year.\""), observation);
        assertTrue(Files.readString(out.resolve("Patient.ndjson")).contains("\"postalCode\":\"982\""));
    }

    @Test
    void theVerifierFindsAZipCodeCopiedIntoTheOutputAndNothingElse() throws Exception {
        VerifyReport own = verify();
        // where and what kind, never the value: CI on 3cebb8ed failed here once, not reproduced in 13 local runs
        assertTrue(own.clean(), () -> "the run's own output is clean: " + own.hits().stream().flatMap(f -> f.listed()
                .stream().map(h -> f.path() + " " + h.location() + ": " + h.kind())).toList());
        Path csv = out.resolve("patients.csv");
        String clean = Files.readString(csv);
        try {
            Files.writeString(csv, clean.replace("No complaints.", "No complaints; mail to 70570."));
            VerifyReport r = verify();
            assertEquals(1, r.hits().size(), r.hits().toString());
            VerifyReport.Hit hit = r.hits().get(0).listed().get(0);
            assertEquals("record 2, column note", hit.location());
            assertEquals("ORIGINAL", hit.kind());
        } finally {
            Files.writeString(csv, clean);
        }
    }
}
