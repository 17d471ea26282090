package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Bundle cleaned entry by entry is written byte for byte as the same Bundle cleaned in memory. */
class JsonBundleStreamTest {

    @TempDir
    Path dir;

    private static String clean(Path in, long streamFrom, FileStats[] stats) throws Exception {
        Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
        FhirProcessor p = new FhirProcessor(engine, false, streamFrom);
        p.scan(in, "b.json", () -> false);
        engine.freezeIdentifiers();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        stats[0] = p.transform(in, "b.json", out, () -> false);
        return out.toString(StandardCharsets.UTF_8);
    }

    private void assertSameAsInMemory(String text) throws Exception {
        Path in = FhirTestRun.write(dir, "b.json", text);
        FileStats[] memory = new FileStats[1];
        FileStats[] streamed = new FileStats[1];
        String whole = clean(in, Long.MAX_VALUE, memory);
        String entries = clean(in, 0, streamed);
        assertEquals(whole, entries);
        assertEquals(memory[0], streamed[0]);
    }

    @Test
    void prettyBundleStreamedEqualsInMemory() throws Exception {
        assertSameAsInMemory(FhirFixtures.json(FhirFixtures.transaction(), true) + "\n");
    }

    @Test
    void compactBundleStreamedEqualsInMemory() throws Exception {
        assertSameAsInMemory(FhirFixtures.json(FhirFixtures.transaction(), false));
    }

    @Test
    void bundleWithCrLfAndByteOrderMarkStreamedEqualsInMemory() throws Exception {
        assertSameAsInMemory("\uFEFF" + FhirFixtures.json(FhirFixtures.transaction(), true).replace("\n", "\r\n") + "\r\n");
    }

    @Test
    void decimalsKeepEveryDigitWhenStreamed() throws Exception {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"valueQuantity\":{\"value\":1.50}}},{\"resource\":{\"resourceType\":\"Observation\","
                + "\"status\":\"final\",\"code\":{\"text\":\"y\"},\"valueQuantity\":"
                + "{\"value\":0.12345678901234567890123}}}]}";
        assertSameAsInMemory(bundle);
    }

    /**
     * An entry the scan passes over (decision 0067) with a value HAPI refuses: the scan of the Bundle goes
     * through, and the transform fails the file naming the entry, in memory and streamed alike.
     */
    @Test
    void badEntryTheScanPassesOverFailsTheTransformNamingTheEntry() throws Exception {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Patient\",\"id\":\"p1\",\"name\":[{\"family\":\"Zorbwickian\"}]}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\",\"code\":{\"text\":\"x\"},"
                + "\"effectiveDateTime\":\"Wobblequux\"}}]}";
        Path in = FhirTestRun.write(dir, "b.json", bundle);
        for (long streamFrom : new long[] {Long.MAX_VALUE, 0}) {
            Deidentifier engine = FhirFixtures.engine(FhirFixtures.safeHarbor());
            FhirProcessor p = new FhirProcessor(engine, false, streamFrom);
            p.scan(in, "b.json", () -> false); // the bad entry is not read here
            engine.freezeIdentifiers();
            org.deidworkbench.format.FormatException e = org.junit.jupiter.api.Assertions.assertThrows(
                    org.deidworkbench.format.FormatException.class,
                    () -> p.transform(in, "b.json", new ByteArrayOutputStream(), () -> false));
            assertEquals("FHIR-INVALID-VALUE", e.code());
            org.junit.jupiter.api.Assertions.assertTrue(e.location().startsWith("entry 2"), e.location());
            org.junit.jupiter.api.Assertions.assertFalse((e.location() + e.getMessage()).contains("Wobblequux"));
        }
    }
}
