package org.deidworkbench.keyfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.deidworkbench.model.PseudonymEntry;
import org.junit.jupiter.api.Test;

/** The version-2 members (audit, split, export): round trips, and refusal where version 1 does not define them. */
class PayloadVersion2Test {

    private static final Path FILE = Path.of("v2.deidkey");

    private static String json(KeyFileContents c) throws Exception {
        return new String(PayloadCodec.write(c), StandardCharsets.UTF_8);
    }

    @Test
    void aSplitRoundTripsAndMakesTheFileVersion2() throws Exception {
        KeyFileContents c = TestFixtures.sampleContents();
        c.setSplit(new Custody.SplitKey("00112233445566778899aabbccddeeff", 2, 3, Instant.parse("2026-12-01T10:00:00Z"),
                new byte[32]));
        String text = json(c);
        assertTrue(text.startsWith("{\"format\":\"deid-workbench-keyfile\",\"version\":2,"), text);
        assertTrue(text.endsWith(",\"split\":{\"keyId\":\"00112233445566778899aabbccddeeff\",\"threshold\":2,\"shares\":3,"
                + "\"createdAt\":\"2026-12-01T10:00:00Z\",\"kek\":\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}"), text);
        assertTrue(PayloadCodec.read(PayloadCodec.write(c), FILE).sameAs(c));
    }

    @Test
    void anExportHasNoSecretAndRoundTrips() throws Exception {
        KeyFileContents c = KeyFileContents.newExport(Instant.parse("2026-12-01T10:00:00Z"), Instant.EPOCH, "out");
        c.addEntries(List.of(new PseudonymEntry("patient", "P1", "MRN-1")));
        String text = json(c);
        assertFalse(text.contains("\"secret\""), text);
        assertTrue(text.contains("\"export\":{\"outputFolderName\":\"out\",\"exportedAt\":\"2026-12-01T10:00:00Z\","
                + "\"auditKey\":\""), text);
        KeyFileContents read = PayloadCodec.read(PayloadCodec.write(c), FILE);
        assertTrue(read.sameAs(c));
        assertFalse(read.hasSecret());
    }

    @Test
    void version1WithAVersion2MemberIsCorrupt() throws Exception {
        String text = json(TestFixtures.sampleContents()).replaceAll(",\"knownIdentifiers\":\\{.*?\\]\\]\\}", "")
                .replaceFirst("\"version\":\\d+", "\"version\":1");
        String withAudit = text.substring(0, text.length() - 1) + ",\"audit\":{\"count\":0,\"entries\":[]}}";
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> PayloadCodec.read(withAudit.getBytes(StandardCharsets.UTF_8), FILE));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, e.reason());
    }

    @Test
    void aPayloadWithNeitherSecretNorExportIsCorrupt() throws Exception {
        String text = json(TestFixtures.sampleContents()).replaceAll("\"secret\":\"[^\"]+\",", "");
        KeyFileException e = assertThrows(KeyFileException.class,
                () -> PayloadCodec.read(text.getBytes(StandardCharsets.UTF_8), FILE));
        assertEquals(KeyFileException.Reason.CORRUPT_PAYLOAD, e.reason());
    }
}
