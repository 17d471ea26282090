package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.model.FileReport;
import org.deidworkbench.model.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Bundle whose bad entry is one the scan passes over (nothing in it can be noted: decision
 * 0067): the transform finds it, the file fails as a whole with an error naming the place and no
 * value, nothing of it is written, the other files go on; and what its other entries noted (its
 * Patient) is kept for the run, as the good lines of an NDJSON file with a bad line are.
 */
class FhirBundleEntryFailureTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    /** The Patient's family name and MRN, and an Observation whose date HAPI refuses (a value that must not be shown). */
    private static final String BAD_BUNDLE = """
            {"resourceType":"Bundle","type":"collection","entry":[\
            {"fullUrl":"urn:uuid:11111111-1111-4111-8111-111111111111","resource":{"resourceType":"Patient","id":"pz",\
            "identifier":[{"system":"http://hospital.example.org/mrn","value":"QZ48151623"}],\
            "name":[{"family":"Zorbwickian","given":["Hortensius"]}],"birthDate":"1970-02-03"}},\
            {"fullUrl":"urn:uuid:22222222-2222-4222-8222-222222222222","resource":{"resourceType":"Observation",\
            "id":"o1","status":"final","code":{"text":"Heart rate"},"subject":{"reference":"Patient/pz"},\
            "effectiveDateTime":"Wobblequux"}}]}""";

    /** Another file whose free text names the Patient of the bad Bundle. */
    private static final String OTHER = """
            {"resourceType":"Bundle","type":"collection","entry":[\
            {"fullUrl":"urn:uuid:33333333-3333-4333-8333-333333333333","resource":{"resourceType":"Observation",\
            "id":"o2","status":"final","code":{"text":"Heart rate"},"effectiveDateTime":"2020-02-03",\
            "note":[{"text":"Zorbwickian seen again"}]}}]}""";

    @Test
    void badSkippedEntryFailsItsFileNamingThePlaceWhileOtherFilesAreWritten(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("a-bad.json"), BAD_BUNDLE);
        Files.writeString(in.resolve("b-other.json"), OTHER);
        Files.writeString(in.resolve("c-bulk.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"o3\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"note\":[{\"text\":\"Zorbwickian again\"}]}\n");
        for (int threads = 1; threads <= 2; threads++) {
            Path out = dir.resolve("out-" + threads);
            LoadedProfile profile = ProfileLoader.read("csv-template");
            RunResult result = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k" + threads + ".deidkey"), true,
                    PASSPHRASE, profile, threads), RunListener.NONE).run();
            FileReport bad = result.files().stream().filter(f -> f.status() == FileReport.Status.FAILED).findFirst()
                    .orElseThrow(() -> new AssertionError("the Bundle with a bad entry must fail: " + result.files()));
            assertEquals(1, result.files().stream().filter(f -> f.status() == FileReport.Status.FAILED).count());
            assertEquals(2, result.files().stream().filter(f -> f.status() == FileReport.Status.WRITTEN).count());
            Problem p = bad.problems().get(0);
            assertEquals("FHIR-INVALID-VALUE", p.code(), p.toString());
            assertTrue(p.location().contains("entry") && p.location().contains("effective"), p.location());
            String shown = p.location() + " " + p.message();
            for (String value : List.of("Wobblequux", "Zorbwickian", "Hortensius", "QZ48151623")) {
                assertFalse(shown.contains(value), "the error shows no value of the file");
            }
            try (var files = Files.walk(out)) {
                assertFalse(files.anyMatch(f -> f.getFileName().toString().startsWith("a-bad")),
                        "nothing is written for the failed Bundle");
            }
            String other = Files.readString(out.resolve("b-other.json"));
            assertTrue(other.contains("seen again"), other);
            assertFalse(other.contains("Zorbwickian"), "the failed file's Patient was noted, as an NDJSON file's good lines are");
            String bulk = Files.readString(out.resolve("c-bulk.ndjson"));
            assertFalse(bulk.contains("Zorbwickian"), bulk);
        }
    }
}
