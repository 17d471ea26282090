package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.Test;

/**
 * The JSON payload. {@code sample-payload.json} is the expected serialization of
 * {@link TestFixtures#sampleContents()}, checked by hand against keyfile-format.md (the secret is bytes
 * {@code 7i+1}, whose base64 was computed independently with Python).
 */
class PayloadCodecTest {

    private static final Path FILE = Path.of("project.deidkey");
    private static final String JSON_NOISE = "{}[]\":,0123456789e.-tnfu \u00ff\u0080";

    private static String golden() throws IOException {
        return resource("sample-payload.json");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PayloadCodecTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static KeyFileException.Reason reasonOf(String json) {
        return assertThrows(KeyFileException.class,
                () -> PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8), FILE)).reason();
    }

    @Test
    void writesTheDocumentedJsonExactly() throws Exception {
        assertEquals(golden(), new String(PayloadCodec.write(TestFixtures.sampleContents()), StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDocumentedJsonBackToTheSameContents() throws Exception {
        KeyFileContents read = PayloadCodec.read(golden().getBytes(StandardCharsets.UTF_8), FILE);
        assertTrue(read.sameAs(TestFixtures.sampleContents()));
        assertEquals(-123, read.dateOffset("PAT-7G3K2M").getAsInt());
    }

    @Test
    void readsAVersionOnePayloadWithoutKnownIdentifiers() throws Exception {
        String v1 = resource("sample-payload-v1.json");
        KeyFileContents read = PayloadCodec.read(v1.getBytes(StandardCharsets.UTF_8), FILE);
        assertTrue(read.knownIdentifiers().isEmpty());
        assertEquals(-123, read.dateOffset("PAT-7G3K2M").getAsInt());
    }

    @Test
    void readsTheKnownIdentifiersOfEachSubject() throws Exception {
        KeyFileContents read = PayloadCodec.read(golden().getBytes(StandardCharsets.UTF_8), FILE);
        assertEquals(2, read.knownIdentifiers().get("PAT-1Q9XZ0").size());
    }

    @Test
    void versionTwoPayloadWithoutKnownIdentifiersOpensWithNone() throws Exception {
        String json = golden().replaceAll(",\"knownIdentifiers\":\\{.*?\\]\\]\\}", "");
        KeyFileContents read = PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8), Path.of("t.deidkey"));
        assertTrue(read.knownIdentifiers().isEmpty());
        assertEquals(3, read.entryCount());
    }

    @Test
    void versionOnePayloadWithKnownIdentifiersIsCorrupt() throws Exception {
        String json = golden().replace("\"version\":2", "\"version\":1");
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json));
    }

    @Test
    void outputDoesNotDependOnInsertionOrder() throws Exception {
        KeyFileContents a = KeyFileContents.create(ProjectSecret.of(TestFixtures.SECRET_BYTES), Instant.EPOCH);
        KeyFileContents b = KeyFileContents.create(ProjectSecret.of(TestFixtures.SECRET_BYTES), Instant.EPOCH);
        List<PseudonymEntry> entries = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            entries.add(new PseudonymEntry(i % 2 == 0 ? "patient" : "study", "P" + i, "O" + i));
        }
        a.addEntries(entries);
        for (int i = entries.size() - 1; i >= 0; i--) {
            b.addEntries(List.of(entries.get(i)));
        }
        assertArrayEquals(PayloadCodec.write(a), PayloadCodec.write(b));
    }

    @Test
    void unusualCharactersRoundTrip() throws Exception {
        KeyFileContents c = KeyFileContents.create(ProjectSecret.of(TestFixtures.SECRET_BYTES), Instant.EPOCH);
        String tricky = "quote\" backslash\\ tab\t nl\n nul\u0000 bmp€ astral\uD835\uDD18 rtl\u202E";
        c.addEntries(List.of(new PseudonymEntry("dömain \"x\"", "P\u00e9", tricky)));
        KeyFileContents back = PayloadCodec.read(PayloadCodec.write(c), FILE);
        assertEquals(tricky, back.original("dömain \"x\"", "P\u00e9").orElseThrow());
    }

    @Test
    void newerVersionIsUnsupportedVersion() throws Exception {
        String json = golden().replaceFirst("\"version\":\\d+", "\"version\":" + (KeyFileContents.FORMAT_VERSION + 1));
        assertEquals(KeyFileException.Reason.UNSUPPORTED_VERSION, reasonOf(json));
    }

    @Test
    void newerVersionIsRecognisedEvenWhenTheRestIsUnknown() {
        assertEquals(KeyFileException.Reason.UNSUPPORTED_VERSION,
                reasonOf("{\"format\":\"deid-workbench-keyfile\",\"version\":7,\"entries\":[1,2,3]}"));
    }

    @Test
    void payloadWithoutFormatFirstIsCorrupt() throws Exception {
        String json = golden().replace("\"format\":\"deid-workbench-keyfile\",", "");
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json));
    }

    @Test
    void linkedDateOffsetsRoundTripAsVersionFourAndOlderPayloadsHaveNone() throws Exception {
        KeyFileContents c = TestFixtures.sampleContents();
        assertTrue(PayloadCodec.read(golden().getBytes(StandardCharsets.UTF_8), FILE).linkedDateOffsets().isEmpty());
        c.addLinkedDateOffsets(Map.of("PAT-7G3K2M", -123));
        String json = new String(PayloadCodec.write(c), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"version\":4"), json);
        assertTrue(json.contains("\"linkedDateOffsets\":{\"PAT-7G3K2M\":-123}"), json);
        KeyFileContents read = PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8), FILE);
        assertTrue(read.sameAs(c));
        assertEquals(Map.of("PAT-7G3K2M", -123), read.linkedDateOffsets());
        assertFalse(read.sameAs(TestFixtures.sampleContents()));
        // a recorded offset never changes
        read.addLinkedDateOffsets(Map.of("PAT-7G3K2M", 40));
        assertEquals(Map.of("PAT-7G3K2M", -123), read.linkedDateOffsets());
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json.replace("\"version\":4", "\"version\":3")));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD,
                reasonOf(json.replace("{\"PAT-7G3K2M\":-123}", "{\"PAT-7G3K2M\":\"-123\"}")));
    }

    @Test
    void attestedCoincidencesRoundTripAsVersionThreeAndAreRefusedInAVersionTwoPayload() throws Exception {
        KeyFileContents c = TestFixtures.sampleContents();
        c.addCoincidences("run-9", Map.of("PAT-7G3K2M", Map.of(19330205L, 2, 19610503L, 1)));
        String json = new String(PayloadCodec.write(c), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"version\":3"), json);
        assertTrue(json.contains("\"coincidences\":{\"run-9\":{\"PAT-7G3K2M\":{\"19330205\":2,\"19610503\":1}}}"), json);
        KeyFileContents read = PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8), FILE);
        assertTrue(read.sameAs(c));
        assertEquals(Map.of("PAT-7G3K2M", Map.of(19330205L, 2, 19610503L, 1)), read.coincidences("run-9"));
        assertTrue(read.coincidences("another run").isEmpty());
        assertFalse(read.sameAs(TestFixtures.sampleContents()));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json.replace("\"version\":3", "\"version\":2")));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json.replace("\"19330205\":2", "\"1933025\":2")));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json.replace("\"19330205\":2", "\"19330205\":0")));
    }

    @Test
    void unknownMemberIsCorrupt() throws Exception {
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(golden().replace("\"runs\":", "\"extra\":1,\"runs\":")));
    }

    @Test
    void duplicatePseudonymIsCorrupt() throws Exception {
        String json = golden().replace("{\"ACC-88\":\"A2026-000123\"}", "{\"ACC-88\":\"A\",\"ACC-88\":\"B\"}");
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(json));
    }

    @Test
    void secretOfWrongLengthIsCorrupt() throws Exception {
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD,
                reasonOf(golden().replace("AQgPFh0kKzI5QEdOVVxjanF4f4aNlJuiqbC3vsXM09o=", "AQID")));
    }

    @Test
    void missingMemberIsCorrupt() throws Exception {
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(golden().replace("\"dateOffsets\":{\"PAT-1Q9XZ0\":45,\"PAT-7G3K2M\":-123},", "")));
    }

    @Test
    void trailingDataIsCorrupt() throws Exception {
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, reasonOf(golden() + "{}"));
    }

    @Test
    void malformedJsonMessageDoesNotQuoteTheData() throws Exception {
        String json = golden().replace("\"MRN-004711\"", "MRN-004711");
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> PayloadCodec.read(json.getBytes(StandardCharsets.UTF_8), FILE));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, e.reason());
        assertFalse(e.getMessage().contains("MRN"), e.getMessage());
        assertTrue(e.getMessage().contains("project.deidkey"), e.getMessage());
        assertEquals(null, e.getCause());
    }

    /** Random damage to valid JSON (seeded, so reproducible) is either read or refused as KeyFileException, nothing else. */
    @Test
    void randomlyDamagedJsonFailsOnlyWithKeyFileException() throws Exception {
        byte[] good = golden().getBytes(StandardCharsets.UTF_8);
        java.util.Random random = new java.util.Random(20261129L);
        for (int round = 0; round < 3_000; round++) {
            byte[] bad = good.clone();
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                int at = random.nextInt(bad.length);
                bad[at] = (byte) JSON_NOISE.charAt(random.nextInt(JSON_NOISE.length()));
            }
            int length = random.nextInt(8) == 0 ? random.nextInt(bad.length) : bad.length;
            byte[] input = java.util.Arrays.copyOf(bad, length);
            try {
                PayloadCodec.read(input, FILE);
            } catch (KeyFileException expected) {
                assertTrue(expected.getMessage().contains("project.deidkey"));
            }
        }
    }

    /** A large payload (200k entries, about 12 MB of JSON) comes back entry for entry. Its speed is a benchmark's business. */
    @Test
    void twoHundredThousandEntriesRoundTrip() throws Exception {
        KeyFileContents c = KeyFileContents.create(ProjectSecret.of(TestFixtures.SECRET_BYTES), Instant.EPOCH);
        List<PseudonymEntry> batch = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            batch.add(new PseudonymEntry(i % 3 == 0 ? "accession" : "patient", "PSN-" + i, "original value number " + i));
            if (batch.size() == 1_000) {
                c.addEntries(batch);
                batch.clear();
            }
        }
        KeyFileContents back = PayloadCodec.read(PayloadCodec.write(c), FILE);
        assertEquals(200_000, back.entryCount());
        assertEquals(c.entries("patient"), back.entries("patient"));
        assertEquals(c.entries("accession"), back.entries("accession"));
    }
}
